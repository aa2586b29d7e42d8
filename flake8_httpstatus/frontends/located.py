"""A finding as every output format reads it: its file and lines, 1-based character columns, and
its rule's identity; ruff's `invalid-syntax` (a file that does not parse) has no rule record."""

from __future__ import annotations

from collections.abc import Sequence

from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.core.positions import byte_to_char
from flake8_httpstatus.rules import RULES, Severity

# The file as given, its lines as checked, and the finding.
Located = tuple[str, Sequence[str], Finding]


def line_of(lines: Sequence[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def char_column(lines: Sequence[str], finding: Finding, end: bool = False) -> int:
    line, col = (finding.end_line, finding.end_col) if end else (finding.line, finding.col)
    return byte_to_char(line_of(lines, line), col) + 1


def severity(code: str) -> Severity:
    """The rule's severity; a file that does not parse is an error."""
    rule = RULES.get(code)
    return rule.severity if rule is not None else Severity.ERROR


def name(code: str) -> str:
    rule = RULES.get(code)
    return rule.name if rule is not None else code


def url(code: str) -> str | None:
    rule = RULES.get(code)
    return rule.url if rule is not None else None


def body(finding: Finding) -> str:
    """The message without the code it starts with."""
    return finding.message.removeprefix(finding.code).removeprefix(":").lstrip()


def fixable(finding: Finding, unsafe: bool) -> bool:
    """Whether `fix` (with `--unsafe-fixes` if `unsafe`) would fix it."""
    return finding.fix is not None and (finding.fix.safe or unsafe)
