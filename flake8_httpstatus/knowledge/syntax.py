"""Syntax that newer Pythons added, recognised by how a line that uses it starts: when a file
does not parse, the front ends say that it may be newer than the Python running the tool."""

from __future__ import annotations

import re

# (how the line starts, the first Python that reads it, what it is)
NEWER_SYNTAX: tuple[tuple[re.Pattern[str], tuple[int, int], str], ...] = (
    (re.compile(r"\s*except\s*\*"), (3, 11), "an `except*` clause"),
    (re.compile(r"\s*type\s+\w+\s*[\[=]"), (3, 12), "a `type` statement"),
    (re.compile(r"\s*(?:async\s+)?def\s+\w+\s*\["), (3, 12), "a generic function"),
    (re.compile(r"\s*class\s+\w+\s*\["), (3, 12), "a generic class"),
    (re.compile(r"\s*except\s+[\w.]+\s*,[^:]*:"), (3, 14), "`except` without parentheses"),
)


def newer_syntax(line: str) -> tuple[tuple[int, int], str] | None:
    """The Python that added the syntax `line` starts with, and what it is; None if none."""
    for pattern, version, what in NEWER_SYNTAX:
        if pattern.match(line):
            return version, what
    return None
