"""A file that does not parse, as a finding: ruff's `invalid-syntax`, at the parser's position,
saying when the syntax may be newer than the Python running the tool."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from flake8_httpstatus.config.settings import Settings, python_target
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.core.sources import ParseError
from flake8_httpstatus.knowledge.syntax import newer_syntax

# Ruff's code for it (no rule: nothing selects, ignores or fixes it).
INVALID_SYNTAX = "invalid-syntax"


def _version(version: tuple[int, ...]) -> str:
    return ".".join(map(str, version))


def newer_than_running(
    line: str, filename: str | None, settings: Settings, running: tuple[int, int]
) -> str:
    """Why the parser of Python `running` may have refused the line, or "": it starts with
    syntax a newer Python added, or the project targets a newer Python."""
    here = f"this is Python {_version(running)}"
    found = newer_syntax(line)
    if found is not None and found[0] > running:
        version, what = found
        return f" ({what} needs Python {_version(version)}; {here}: run the tool with a newer one)"
    target, source = python_target(filename, settings)
    if tuple(target[:2]) > running:
        return (
            f" (the project targets Python {_version(target)} {source}; {here}, whose parser may "
            "not read newer syntax: run the tool with a newer one)"
        )
    return ""


def syntax_finding(
    error: ParseError, lines: Sequence[str], filename: str | None, settings: Settings
) -> Finding:
    line = lines[error.line - 1] if 0 < error.line <= len(lines) else ""
    col = len(line[: error.column].encode("utf-8"))
    note = newer_than_running(line, filename, settings, sys.version_info[:2])
    message = f"{INVALID_SYNTAX}: {error.reason}{note}"
    return Finding(INVALID_SYNTAX, message, error.line, col, error.line, col)
