"""A large document parsed a piece at a time, for the language server. `ast.parse` holds the
interpreter throughout: 200,000 lines take seconds in which no other thread runs (the event
loop's hover, a small document's check, an exit). Parsed in runs of whole top-level statements,
another thread runs between two pieces; the tree is the one `ast.parse` makes of the whole."""

from __future__ import annotations

import ast

from flake8_httpstatus.core.positions import split_lines

# About this many lines a piece: a few tens of milliseconds of parsing.
PIECE_LINES = 2_000
# Clauses that continue the statement above them: a piece never starts with one.
_CLAUSES = ("else", "elif", "except", "finally")
_DEFINITIONS = ("def ", "async def ", "class ", "@")


def parse_in_pieces(text: str, piece_lines: int = PIECE_LINES) -> ast.Module | None:
    """`text`'s tree, or None when a piece does not parse on its own (the caller's full parse
    then decides, and reports the error). A piece ends before a line that starts at column 0
    after a blank line; when that line is not where a statement starts (inside a string or
    brackets, a decorator's function), one of the two pieces does not parse. Line numbers come
    out right because each piece is parsed after as many empty lines as precede it."""
    if "barry_as_FLUFL" in text:
        return None  # a __future__ import that changes how the rest of the file parses
    lines = split_lines(text, keepends=True)
    body: list[ast.stmt] = []
    start = 0
    while start < len(lines):
        end = _cut(lines, start + piece_lines)
        try:
            piece = ast.parse("\n" * start + "".join(lines[start:end]))
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None
        body.extend(piece.body)
        start = end
    return ast.Module(body=body, type_ignores=[])


def _cut(lines: list[str], at: int) -> int:
    """The first line from `at` on where a piece may end: a line starting at column 0 after a
    blank one, or a function's or a class's (or its first decorator's); else the end."""
    for number in range(max(at, 1), len(lines)):
        line, above = lines[number], lines[number - 1]
        if not (line[:1].isalpha() or line[:1] in "_@") or line.startswith(_CLAUSES):
            continue
        if not above.strip() or (line.startswith(_DEFINITIONS) and not above.startswith("@")):
            return number
    return len(lines)
