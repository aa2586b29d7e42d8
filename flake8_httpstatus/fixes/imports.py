"""Where the imports a fix needs go: where isort, and ruff's `I` rules, would put them.

Nothing is reordered: a name is merged into the file's `from module import ...` in sorted order,
or a new statement is inserted into its section (standard library, third party, first party) at
its sorted place, or starts a new section between the others. A file whose imports were sorted
stays sorted; one that was not stays as it was, with one line more. Only the file's first block
of top-level imports is used: `if TYPE_CHECKING:` and `try: ... except ImportError:` blocks, and
imports inside functions, are never touched.
"""

from __future__ import annotations

import ast
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

from flake8_httpstatus.core.findings import Edit, ImportSpec

SECTIONS = ("future", "stdlib", "thirdparty", "firstparty", "localfolder")
_DIGITS = re.compile(r"(\d+)")


@dataclass(frozen=True)
class ImportStyle:
    """The isort/ruff settings that change where an import goes and how it is written."""

    force_sort_within_sections: bool = False
    force_single_line: bool = False
    order_by_type: bool = True
    case_sensitive: bool = False
    known_first_party: frozenset[str] = frozenset()
    known_third_party: frozenset[str] = frozenset()
    line_length: int = 88
    # "vertical": ruff's and isort's black profile; "grid": isort's default.
    wrap: str = "vertical"

    def section(self, module: str, level: int = 0) -> str:
        if level:
            return "localfolder"
        top = module.partition(".")[0]
        if top == "__future__":
            return "future"
        if _known(module, self.known_first_party):
            return "firstparty"
        if _known(module, self.known_third_party):
            return "thirdparty"
        if top in sys.stdlib_module_names:
            return "stdlib"
        return "thirdparty"


def _known(module: str, names: frozenset[str]) -> bool:
    return any(module == name or module.startswith(name + ".") for name in names)


def _natural(text: str) -> tuple[object, ...]:
    return tuple(int(part) if part.isdigit() else part for part in _DIGITS.split(text))


@dataclass
class _Lines:
    lines: list[str]  # without line ends
    newline: str

    def blank(self, number: int) -> bool:
        return 0 < number <= len(self.lines) and not self.lines[number - 1].strip()

    def comment(self, number: int) -> bool:
        return 0 < number <= len(self.lines) and self.lines[number - 1].lstrip().startswith("#")


def import_edits(
    lines: list[str],
    newline: str,
    tree: ast.Module,
    needs: Sequence[ImportSpec],
    style: ImportStyle,
    first_use: int,
) -> list[Edit]:
    """Edits that make every import in `needs` available at module level, for a fix whose first
    edit is on line `first_use`; positions as in `ast`."""
    text = _Lines(lines, newline)
    block = _first_block(text, tree.body, first_use)
    # Per module, the (name, asname) pairs: one name may be wanted under two aliases.
    wanted: dict[str, list[tuple[str, str | None]]] = {}
    plain: list[str] = []
    for spec in dict.fromkeys(needs):
        if spec.name is None:
            plain.append(spec.module)
        else:
            wanted.setdefault(spec.module, []).append((spec.name, spec.asname))
    edits: list[Edit] = []
    new: list[tuple[str, str, tuple[object, ...]]] = []  # (section, statement, sort key)
    for module, names in wanted.items():
        target = None if style.force_single_line else _merge_target(block, module)
        if target is not None:
            edits.extend(_merge(text, target, names, style))
            continue
        aliases = sorted(names, key=lambda item: _member_key(item[0], style))
        groups = [[alias] for alias in aliases] if style.force_single_line else [aliases]
        for group in groups:
            statement = _from_statement(module, group, style, text.newline)
            key = _key(module, True, style, group[0][0])
            new.append((style.section(module), statement, key))
    for module in plain:
        new.append((style.section(module), f"import {module}", _key(module, False, style)))
    if new:
        edits.extend(_insert_statements(text, tree, block, new, style))
    return edits


def _first_block(text: _Lines, body: list[ast.stmt], first_use: int) -> list[ast.stmt]:
    """The first run of consecutive top-level imports, if it comes before the first fix; it
    ends before an import that shares its lines with other code, since a new import goes at
    the start of a line above one of the block's or below it."""
    block: list[ast.stmt] = []
    for statement in body:
        if isinstance(statement, ast.Import | ast.ImportFrom) and _alone(text, statement):
            block.append(statement)
        elif block:
            break
    if block and block[0].lineno > first_use:
        return []
    return block


def _alone(text: _Lines, statement: ast.stmt) -> bool:
    """Whether `statement` has its lines to itself: nothing but blanks before it on its first
    line, which no backslash continues, and nothing but blanks or a comment after it on its
    last (`x = [1,\n2]; import os` and `import os; x = [1,\n2]` do not)."""
    first, last = statement.lineno, statement.end_lineno or statement.lineno
    if text.lines[first - 1][: _char(text.lines[first - 1], statement.col_offset)].strip():
        return False
    if first > 1 and text.lines[first - 2].endswith("\\"):
        return False
    line = text.lines[last - 1]
    rest = line[_char(line, statement.end_col_offset or 0) :].strip()
    return not rest or rest.startswith("#")


def _merge_target(block: list[ast.stmt], module: str) -> ast.ImportFrom | None:
    for statement in block:
        if (
            isinstance(statement, ast.ImportFrom)
            and statement.level == 0
            and statement.module == module
            and all(alias.name != "*" for alias in statement.names)
        ):
            return statement
    return None


def _member_key(name: str, style: ImportStyle) -> tuple[object, ...]:
    if name == "*":
        return (-1, ())
    kind = 2
    if style.order_by_type:
        if name.isupper() and len(name) > 1:
            kind = 0
        elif name[:1].isupper():
            kind = 1
    return (kind, _natural(name if style.case_sensitive else name.lower()))


def _key(
    module: str, from_import: bool, style: ImportStyle, member: str = ""
) -> tuple[object, ...]:
    """How isort orders statements in a section: `import x` before `from x import y` (unless
    sorted within sections), by module, then (single-line imports) by the first name."""
    name = _natural(module if style.case_sensitive else module.lower())
    first = _member_key(member, style) if member else ()
    if style.force_sort_within_sections:
        return (name, from_import, first)
    return (from_import, name, first)


def _statement_key(statement: ast.stmt, style: ImportStyle) -> tuple[object, ...]:
    if isinstance(statement, ast.ImportFrom):
        module = "." * statement.level + (statement.module or "")
        return _key(module, True, style, statement.names[0].name)
    assert isinstance(statement, ast.Import)
    return _key(statement.names[0].name, False, style)


def _section_of(statement: ast.stmt, style: ImportStyle) -> str:
    if isinstance(statement, ast.ImportFrom):
        return style.section(statement.module or "", statement.level)
    assert isinstance(statement, ast.Import)
    return style.section(statement.names[0].name)


def _alias_text(name: str, asname: str | None) -> str:
    return f"{name} as {asname}" if asname else name


def _from_statement(
    module: str, aliases: Sequence[tuple[str, str | None]], style: ImportStyle, newline: str
) -> str:
    names = [_alias_text(name, asname) for name, asname in aliases]
    head = f"from {module} import "
    line = head + ", ".join(names)
    if len(line) <= style.line_length:
        return line
    return _wrapped(head, names, style, newline)


def _wrapped(head: str, names: list[str], style: ImportStyle, newline: str) -> str:
    if style.wrap == "grid":
        indent = " " * (len(head) + 1)
        rows, row = [], head + "("
        for index, name in enumerate(names):
            piece = name + (")" if index == len(names) - 1 else ",")
            if row.endswith("("):
                row += piece
            elif len(row) + 1 + len(piece) <= style.line_length:
                row += " " + piece
            else:
                rows.append(row)
                row = indent + piece
        rows.append(row)
        return newline.join(rows)
    body = "".join(f"    {name},{newline}" for name in names)
    return f"{head}({newline}{body})"


def _merge(
    text: _Lines,
    target: ast.ImportFrom,
    names: list[tuple[str, str | None]],
    style: ImportStyle,
) -> list[Edit]:
    """Add `names` to an existing `from module import ...`, each at its sorted place."""
    present = {(alias.name, alias.asname) for alias in target.names}
    missing = [item for item in names if item not in present]
    if not missing:
        return []
    aliases = target.names
    vertical = target.lineno != target.end_lineno and all(
        not text.lines[alias.lineno - 1][: alias.col_offset].strip() for alias in aliases
    )
    if target.lineno == target.end_lineno:
        merged = _merged_order(target, missing, style)
        line = text.lines[target.lineno - 1]
        code_end = target.end_col_offset or 0
        length = len(line[: _char(line, code_end)]) + sum(
            len(_alias_text(*item)) + 2 for item in missing
        )
        if length > style.line_length and "(" not in line[: _char(line, code_end)]:
            head = f"from {target.module} import "
            wrapped = _wrapped(head, [_alias_text(*item) for item in merged], style, text.newline)
            return [Edit.replace(target, wrapped)]
    inserts: dict[tuple[int, int], list[str]] = {}
    for name, asname in sorted(missing, key=lambda item: _member_key(item[0], style)):
        new = _alias_text(name, asname)
        after = next(
            (a for a in aliases if _member_key(a.name, style) > _member_key(name, style)), None
        )
        if after is not None:
            position = (after.lineno, after.col_offset)
            if vertical:
                indent = text.lines[after.lineno - 1][: after.col_offset]
                piece = f"{new},{text.newline}{indent}"
            else:
                piece = f"{new}, "
        else:
            last = aliases[-1]
            position = (last.end_lineno or last.lineno, last.end_col_offset or 0)
            if vertical:
                indent = text.lines[last.lineno - 1][: last.col_offset]
                piece = f",{text.newline}{indent}{new}"
            else:
                piece = f", {new}"
        inserts.setdefault(position, []).append(piece)
    edits = []
    for (line_number, col), pieces in inserts.items():
        edits.append(Edit.insert(line_number, col, "".join(pieces)))
    return edits


def _merged_order(
    target: ast.ImportFrom, missing: list[tuple[str, str | None]], style: ImportStyle
) -> list[tuple[str, str | None]]:
    merged = [(alias.name, alias.asname) for alias in target.names]
    for item in sorted(missing, key=lambda pair: _member_key(pair[0], style)):
        index = next(
            (
                i
                for i, (name, _) in enumerate(merged)
                if _member_key(name, style) > _member_key(item[0], style)
            ),
            len(merged),
        )
        merged.insert(index, item)
    return merged


def _char(line: str, byte_col: int) -> int:
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def _insert_statements(
    text: _Lines,
    tree: ast.Module,
    block: list[ast.stmt],
    new: list[tuple[str, str, tuple[object, ...]]],
    style: ImportStyle,
) -> list[Edit]:
    if not block:
        statements = sorted(new, key=lambda item: (SECTIONS.index(item[0]), item[2]))
        return [_into_empty(text, tree, statements)]
    placed: dict[tuple[int, int], list[tuple[tuple[object, ...], str]]] = {}
    sections = [_section_of(statement, style) for statement in block]
    grouped = _grouped(text, block, sections)
    nl = text.newline
    for section, statement, key in new:
        rank = SECTIONS.index(section)
        same = _first_run(block, sections, section)
        if same:
            after = next((s for s in same if _statement_key(s, style) > key), None)
            if after is not None:
                position, content = (_top(text, block, after), 0), statement + nl
            else:
                position, prefix = _after(text, same[-1])
                content = prefix + statement + nl
        else:
            later = next(
                (s for s, sec in zip(block, sections, strict=True) if SECTIONS.index(sec) > rank),
                None,
            )
            gap = nl if grouped else ""
            if later is not None:
                position, content = (_top(text, block, later), 0), statement + nl + gap
            else:
                position, prefix = _after(text, block[-1])
                content = prefix + gap + statement + nl
        placed.setdefault(position, []).append((key, content))
    edits = []
    for (line_number, col), contents in placed.items():
        contents.sort(key=lambda item: item[0])
        edits.append(Edit.insert(line_number, col, "".join(content for _, content in contents)))
    return edits


def _grouped(text: _Lines, block: list[ast.stmt], sections: list[str]) -> bool:
    """Whether the file separates its sections with blank lines (isort's way), as far as it
    shows: a file with one section is taken to."""
    for previous, statement, before, section in zip(
        block, block[1:], sections, sections[1:], strict=False
    ):
        if before != section:
            end = previous.end_lineno or previous.lineno
            return any(text.blank(number) for number in range(end + 1, statement.lineno))
    return True


def _first_run(block: list[ast.stmt], sections: list[str], section: str) -> list[ast.stmt]:
    run: list[ast.stmt] = []
    for statement, sec in zip(block, sections, strict=True):
        if sec == section:
            run.append(statement)
        elif run:
            break
    return run


def _top(text: _Lines, block: list[ast.stmt], statement: ast.stmt) -> int:
    """The line a statement starts on, with the comment lines right above it, which isort and
    ruff move with it; the block's first statement keeps what is above it (the file's header)."""
    index = block.index(statement)
    if index == 0:
        return statement.lineno
    floor = block[index - 1].end_lineno or block[index - 1].lineno
    line = statement.lineno
    while line - 1 > floor and text.comment(line - 1):
        line -= 1
    return line


def _after(text: _Lines, statement: ast.stmt) -> tuple[tuple[int, int], str]:
    """Where a line after `statement` starts, and the text that makes a line break there if the
    file ends without one."""
    end = statement.end_lineno or statement.lineno
    if end < len(text.lines):
        return (end + 1, 0), ""
    return (end, len(text.lines[end - 1].encode("utf-8"))), text.newline


def _into_empty(
    text: _Lines, tree: ast.Module, statements: list[tuple[str, str, tuple[object, ...]]]
) -> Edit:
    """The imports of a file that has none: after its docstring, or its header comments."""
    nl = text.newline
    body = tree.body
    if (
        body
        and isinstance(body[0], ast.Expr)
        and isinstance(body[0].value, ast.Constant)
        and isinstance(body[0].value.value, str)
    ):
        line = (body[0].end_lineno or body[0].lineno) + 1
    else:
        line = 1
        while text.comment(line):
            line += 1
    blanks = 0
    while text.blank(line + blanks):
        blanks += 1
    following = line + blanks
    next_code = text.lines[following - 1].lstrip() if following <= len(text.lines) else ""
    wanted_after = 2 if next_code.startswith(("def ", "class ", "async def ", "@")) else 1
    if not next_code:
        wanted_after = 0
    before = nl if line > 1 and not text.blank(line - 1) else ""
    content = before + nl.join(item[1] for item in statements) + nl
    content += nl * max(0, wanted_after - blanks)
    if line > len(text.lines):
        end = len(text.lines)
        col = len(text.lines[end - 1].encode("utf-8")) if end else 0
        return Edit.insert(max(end, 1), col, (nl if end else "") + content)
    return Edit.insert(line, 0, content)
