"""Findings as text, JSON, SARIF 2.1.0, GitHub Actions annotations, GitLab Code Quality or
JUnit XML.

Columns: text, JSON, GitHub, GitLab and JUnit show 1-based characters; SARIF counts UTF-16 code
units, its default.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from flake8_httpstatus import __version__
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.core.positions import byte_to_char, byte_to_utf16
from flake8_httpstatus.frontends.gitlab import gitlab
from flake8_httpstatus.frontends.junit import junit
from flake8_httpstatus.frontends.located import (
    Located,
    char_column,
    fixable,
    line_of,
    name,
    severity,
    url,
)
from flake8_httpstatus.frontends.runner import FileResult
from flake8_httpstatus.frontends.syntax import INVALID_SYNTAX
from flake8_httpstatus.rules import RULES

FORMATS = ("text", "json", "sarif", "github", "gitlab", "junit")


def _location(lines: Sequence[str], line: int, col: int) -> dict[str, int]:
    return {"row": line, "column": byte_to_char(line_of(lines, line), col) + 1}


def render(results: Sequence[FileResult], fmt: str, show_source: bool = False) -> str:
    findings = [
        (result.path, result.lines, finding) for result in results for finding in result.findings
    ]
    if fmt == "json":
        return json.dumps([_json(*item) for item in findings], indent=2)
    if fmt == "sarif":
        return json.dumps(_sarif(findings), indent=2)
    if fmt == "github":
        return "\n".join(_github(*item) for item in findings)
    if fmt == "gitlab":
        return gitlab(findings)
    if fmt == "junit":
        return junit(findings)
    return "\n".join(
        f"{path}:{finding.line}:{char_column(lines, finding)}: {finding.message}"
        + (_source(lines, finding) if show_source else "")
        for path, lines, finding in findings
    )


def _source(lines: Sequence[str], finding: Finding) -> str:
    """flake8's --show-source: the line, then carets under the span (to the line's end when it
    goes on), indented with the line's own tabs so they line up."""
    line = line_of(lines, finding.line)
    start = byte_to_char(line, finding.col)
    end = byte_to_char(line, finding.end_col) if finding.end_line == finding.line else len(line)
    indent = "".join(char if char.isspace() else " " for char in line[:start])
    return f"\n{line}\n{indent}{'^' * max(end - start, 1)}"


def _statistics(results: Sequence[FileResult], unsafe: bool) -> list[dict[str, Any]]:
    """Ruff's --statistics: per code, its name, how many, and how many `fix` would fix; the
    most frequent first."""
    counts: dict[str, list[int]] = {}
    for result in results:
        for finding in result.findings:
            count = counts.setdefault(finding.code, [0, 0])
            count[0] += 1
            count[1] += fixable(finding, unsafe)
    order = sorted(counts, key=lambda code: (-counts[code][0], code == INVALID_SYNTAX, code))
    return [
        {
            "code": None if code == INVALID_SYNTAX else code,
            "name": name(code),
            "count": counts[code][0],
            "fixable": counts[code][1] > 0,
            "fixable_count": counts[code][1],
        }
        for code in order
    ]


def statistics(results: Sequence[FileResult], unsafe: bool = False) -> str:
    """Ruff's table: count, code, whether `fix` fixes some (`[*]`, shown when any does), name."""
    rows = _statistics(results, unsafe)
    count_width = max((len(str(row["count"])) for row in rows), default=0)
    code_width = max((len(row["code"] or "") for row in rows), default=0)
    marks = any(row["fixable"] for row in rows)
    return "\n".join(
        f"{row['count']:>{count_width}}\t{row['code'] or '':<{code_width}}\t"
        + (("[*] " if row["fixable"] else "[ ] ") if marks else "")
        + row["name"]
        for row in rows
    )


def statistics_json(results: Sequence[FileResult], unsafe: bool = False) -> str:
    return json.dumps(_statistics(results, unsafe), indent=2)


def summary(results: Sequence[FileResult], unsafe: bool = False) -> str:
    """`Found 12 findings (8 fixable with fix).`, and how many more `--unsafe-fixes` would fix;
    empty when there is nothing."""
    findings = [finding for result in results for finding in result.findings]
    if not findings:
        return ""
    fixes = [finding.fix for finding in findings if finding.fix is not None]
    safe = sum(1 for fix in fixes if fix.safe or unsafe)
    noun = "finding" if len(findings) == 1 else "findings"
    details = [f"{safe} fixable with fix"] if safe else []
    if len(fixes) > safe:
        details.append(f"{len(fixes) - safe} more with --unsafe-fixes")
    detail = f" ({', '.join(details)})" if details else ""
    return f"Found {len(findings)} {noun}{detail}."


def _json(path: str, lines: Sequence[str], finding: Finding) -> dict[str, Any]:
    fix = None
    if finding.fix is not None:
        needs = finding.fix.needs
        fix = {
            "applicability": finding.fix.applicability,
            "message": finding.fix.title,
            "edits": [
                {
                    "content": edit.content,
                    "location": _location(lines, edit.line, edit.col),
                    "end_location": _location(lines, edit.end_line, edit.end_col),
                }
                for edit in finding.fix.edits
            ],
            "import": needs.statement() if needs is not None else None,
        }
    return {
        "filename": path,
        "line": finding.line,
        "column": char_column(lines, finding),
        "end_line": finding.end_line,
        "end_column": char_column(lines, finding, end=True),
        "code": finding.code,
        "name": name(finding.code),
        "severity": severity(finding.code).value,
        "message": finding.message,
        "url": url(finding.code),
        "fix": fix,
    }


def _escape(text: str, property_value: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if property_value:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def _github(path: str, lines: Sequence[str], finding: Finding) -> str:
    level = severity(finding.code).github
    properties = ",".join(
        [
            f"file={_escape(path, True)}",
            f"line={finding.line}",
            f"col={char_column(lines, finding)}",
            f"endLine={finding.end_line}",
            f"endColumn={char_column(lines, finding, end=True)}",
            f"title={finding.code}",
        ]
    )
    return f"::{level} {properties}::{_escape(finding.message)}"


def _uri(path: str) -> str:
    """A SARIF `uri`: a URI reference, percent-encoded (a space, `#` or `%` in a name would
    otherwise be read as something else); a file URI for an absolute path."""
    name = Path(path)
    return name.as_uri() if name.is_absolute() else quote(name.as_posix())


def _sarif(findings: Sequence[Located]) -> dict[str, Any]:
    rules = [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.summary},
            "helpUri": rule.url,
            "help": {"text": rule.page(), "markdown": rule.page()},
            "defaultConfiguration": {
                "level": rule.severity.sarif,
                "enabled": rule.default_enabled,
            },
        }
        for rule in RULES.values()
    ]
    index = {rule["id"]: position for position, rule in enumerate(rules)}
    results = []
    for path, lines, finding in findings:
        start = line_of(lines, finding.line)
        end = line_of(lines, finding.end_line)
        # A file that does not parse: ruff's rule id, with no rule record to point at.
        rule = {"ruleIndex": index[finding.code]} if finding.code in index else {}
        results.append(
            {
                "ruleId": finding.code,
                **rule,
                "level": severity(finding.code).sarif,
                "message": {"text": finding.message},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(path)},
                            "region": {
                                "startLine": finding.line,
                                "startColumn": byte_to_utf16(start, finding.col) + 1,
                                "endLine": finding.end_line,
                                "endColumn": byte_to_utf16(end, finding.end_col) + 1,
                            },
                        }
                    }
                ],
            }
        )
    return {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "flake8-httpstatus",
                        "version": __version__,
                        "informationUri": "https://github.com/flake8-httpstatus/flake8-httpstatus",
                        "rules": rules,
                    }
                },
                "columnKind": "utf16CodeUnits",
                "results": results,
            }
        ],
    }
