"""Developer aid: fill `HSnnn:?` placeholders in a fixture with the columns the engine reports.

Only placeholders are filled, and only with a finding of the same code on the same line; what
the engine reports beyond the placeholders is printed for review, never written.
Usage: python -m tests.fill_columns tests/fixtures/checks/NAME.py
"""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

from flake8_httpstatus.rules import RULES, check
from tests.expectations import load_fixture


def main(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    text = re.sub(r"(HS\d{3}):\?", r"\1:0", source)
    path.write_text(text, encoding="utf-8")
    fixture = load_fixture(path)
    path.write_text(source, encoding="utf-8")
    findings = [
        finding
        for finding in check(ast.parse(source), fixture.settings, str(path))
        if RULES[finding.code].default_enabled or finding.code in fixture.enabled
    ]
    by_line: dict[tuple[int, str], list[int]] = {}
    for finding in findings:
        by_line.setdefault((finding.line, finding.code), []).append(finding.col)
    lines = source.splitlines(keepends=True)
    for number, line in enumerate(lines, start=1):

        def fill(match: re.Match[str], number: int = number) -> str:
            cols = by_line.get((number, match.group(1)), [])
            return f"{match.group(1)}:{cols.pop(0)}" if cols else match.group(0)

        lines[number - 1] = re.sub(r"(HS\d{3}):\?", fill, line)
    path.write_text("".join(lines), encoding="utf-8")
    for finding in findings:
        print(f"{finding.line}:{finding.col} {finding.message}")


if __name__ == "__main__":
    for arg in sys.argv[1:]:
        print(f"== {arg}")
        main(Path(arg))
