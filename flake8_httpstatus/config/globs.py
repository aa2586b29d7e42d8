"""Ruff's globs (the globset crate's syntax, as ruff configures it), for the per-file-ignores
table copied from ruff: `*` and `?` cross `/`, `**/` is zero or more directories, `[ab]` and
`[!ab]` are classes, `{a,b}` alternatives, `\\` escapes the next character."""

from __future__ import annotations

import functools
import re


@functools.cache
def ruff_glob(pattern: str) -> re.Pattern[str]:
    """The glob as a regular expression for `fullmatch`."""
    return re.compile(_translate(pattern), re.DOTALL)


def _translate(pattern: str) -> str:
    out: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if char == "*":
            out.append(".*")
        elif char == "?":
            out.append(".")
        elif char == "\\" and index + 1 < len(pattern):
            index += 1
            out.append(re.escape(pattern[index]))
        elif char == "[" and (end := _class_end(pattern, index)) > 0:
            body = pattern[index + 1 : end]
            negated = body.startswith("!")
            body = body[1:] if negated else body
            out.append("[" + ("^" if negated else "") + body.replace("\\", "\\\\") + "]")
            index = end
        elif char == "{" and (end := pattern.find("}", index)) > 0:
            alternatives = pattern[index + 1 : end].split(",")
            out.append("(?:" + "|".join(_translate(item) for item in alternatives) + ")")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def _class_end(pattern: str, start: int) -> int:
    """Where the class opened at `start` closes (a `]` first in it is a member); -1 if never."""
    index = start + 1
    if index < len(pattern) and pattern[index] == "!":
        index += 1
    if index < len(pattern) and pattern[index] == "]":
        index += 1
    end = pattern.find("]", index)
    return end
