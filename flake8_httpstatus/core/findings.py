"""What the engine reports: a finding with its exact span and, where fixable, its fix: a list of
text edits, as ruff models them, and the import the new text needs."""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass, field


@dataclass(frozen=True)
class ImportSpec:
    """An import a fix needs: `from module import name [as asname]`, or `import module`."""

    module: str
    name: str | None = None
    asname: str | None = None

    def statement(self) -> str:
        if self.name is None:
            return f"import {self.module}"
        alias = f" as {self.asname}" if self.asname else ""
        return f"from {self.module} import {self.name}{alias}"


@dataclass(frozen=True)
class Edit:
    """Replace the text from (line, col) to (end_line, end_col) with `content`: an insertion where
    the two are equal, a deletion where `content` is empty. Positions are as in `ast`: 1-based
    lines, 0-based UTF-8 byte columns."""

    line: int
    col: int
    end_line: int
    end_col: int
    content: str = ""

    @classmethod
    def replace(cls, node: ast.AST, content: str) -> Edit:
        """Replace `node`'s span (which `ast` gives without enclosing parentheses)."""
        start, end = span(node)
        return cls(*start, *end, content)

    @classmethod
    def insert(cls, line: int, col: int, content: str) -> Edit:
        return cls(line, col, line, col, content)

    @classmethod
    def delete(cls, start: tuple[int, int], end: tuple[int, int]) -> Edit:
        return cls(*start, *end, "")


def span(node: ast.AST) -> tuple[tuple[int, int], tuple[int, int]]:
    """A node's start and end positions."""
    line: int = node.lineno  # type: ignore[attr-defined]
    col: int = node.col_offset  # type: ignore[attr-defined]
    end_line: int = getattr(node, "end_lineno", None) or line
    end_col: int = getattr(node, "end_col_offset", None) or col
    return (line, col), (end_line, end_col)


@dataclass(frozen=True)
class Fix:
    """Edits that fix a finding, applied together or not at all, and the import they need.

    A safe fix keeps what the code does (a literal becomes the constant equal to it); an unsafe
    one changes it (the status a response is sent with), so `fix` applies it only with
    `--unsafe-fixes`. `title` says what it does, for code actions and JSON."""

    edits: tuple[Edit, ...]
    title: str
    needs: ImportSpec | None = None
    safe: bool = True

    @classmethod
    def replace(
        cls, node: ast.AST, content: str, needs: ImportSpec | None = None, safe: bool = True
    ) -> Fix:
        return cls((Edit.replace(node, content),), f"Replace with `{content}`", needs, safe)

    @property
    def applicability(self) -> str:
        return "safe" if self.safe else "unsafe"


@dataclass(frozen=True)
class Finding:
    """One problem. Lines are 1-based; columns are 0-based UTF-8 byte offsets, as in `ast`."""

    code: str
    message: str
    line: int
    col: int
    end_line: int
    end_col: int
    fix: Fix | None = None


@dataclass(frozen=True)
class RawFinding:
    """A finding before the file's constant style is known; made by `Rule.finding`.

    `message` is the rule's template, formatted with `fields` once the walk is over, and prefixed
    with the code. It may hold `{constant}`, filled with the constant suggested for `suggest`;
    when the style has no constant for it, `fallback` is used, with `{holder}` naming the style's
    module. A finding whose `suggest` is set is fixable by replacing `node` with that constant.
    """

    code: str
    node: ast.AST
    message: str
    fallback: str = ""
    fields: Mapping[str, object] = field(default_factory=dict)
    suggest: int | None = None
    fix: Fix | None = None
    # How the suggested constant must be spelled: "dotted" in a `case` pattern, "int" where a
    # framework turns it into a string (mapping keys), else "".
    spelling: str = ""
    # Why an `HTTPStatus` member put there would stay an enum object where the value goes
    # ("the project's error_response() keeps it"); "" where it is made an int. An enum is then
    # only an unsafe fix.
    kept: str = ""
    # The template used instead, with `{other}` the code of the finding that says so, when
    # another rule says the status at `node` is itself wrong: naming it would dress the bug up.
    doubted: str = ""
