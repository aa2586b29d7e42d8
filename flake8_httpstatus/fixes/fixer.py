"""Apply the engine's fixes: each is a list of text edits at positions the engine already has,
applied to the text directly, plus the imports they need, placed where isort would put them
(imports.py). Nothing is detected or parsed here beyond the module's top-level statements, which
the caller usually passes in."""

from __future__ import annotations

import ast
import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from flake8_httpstatus.core.findings import Edit, Finding
from flake8_httpstatus.fixes.imports import ImportStyle, import_edits

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
DEFAULT_STYLE = ImportStyle()


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Finding, ...]


@dataclass(frozen=True)
class Plan:
    """The edits to make, with the file's lines they refer to, and the findings they fix."""

    edits: tuple[Edit, ...]
    applied: tuple[Finding, ...]
    lines: tuple[str, ...] = ()
    source: _Text | None = None  # the text's line index, kept for applying the edits


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


class _Text:
    """The text, its lines and where each starts, for turning `ast` positions into offsets."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _LINE_BREAK.split(text)
        self.starts = [0]
        self.starts.extend(match.end() for match in _LINE_BREAK.finditer(text))
        first = _LINE_BREAK.search(text)
        self.newline = first.group() if first is not None else "\n"

    def offset(self, line: int, byte_col: int) -> int:
        text = self.lines[line - 1]
        if text.isascii():
            return self.starts[line - 1] + byte_col
        return self.starts[line - 1] + len(
            text.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore")
        )


def plan(
    text: str,
    findings: Sequence[Finding],
    *,
    tree: ast.Module | None = None,
    style: ImportStyle = DEFAULT_STYLE,
    unsafe: bool = False,
) -> Plan:
    """The edits that apply every fix of `findings` (the unsafe ones only if `unsafe`), skipping
    a fix that overlaps one already taken, as ruff does; and the imports the taken ones need.

    A fix that does more than put a name in a finding's place (an inserted keyword, a removed
    argument) is checked by parsing the result: the engine's spans exclude parentheses around a
    value, so such an edit could land inside them. If the result does not parse, those fixes
    are left out."""
    taken = _plan(text, findings, tree, style, unsafe)
    if not any(not in_place(finding) for finding in taken.applied):
        return taken
    try:
        ast.parse(apply(text, taken.edits, taken.source))
    except (SyntaxError, ValueError):
        return _plan(text, [f for f in findings if in_place(f)], tree, style, unsafe)
    return taken


def in_place(finding: Finding) -> bool:
    """Whether the fix only replaces the finding's own span."""
    fix = finding.fix
    if fix is None or len(fix.edits) != 1:
        return False
    edit = fix.edits[0]
    return (edit.line, edit.col, edit.end_line, edit.end_col) == (
        finding.line,
        finding.col,
        finding.end_line,
        finding.end_col,
    )


def _plan(
    text: str,
    findings: Sequence[Finding],
    tree: ast.Module | None,
    style: ImportStyle,
    unsafe: bool,
) -> Plan:
    candidates = [
        finding
        for finding in findings
        if finding.fix is not None and finding.fix.edits and (finding.fix.safe or unsafe)
    ]
    if not candidates:
        return Plan((), ())
    source = _Text(text)
    ordered = sorted(
        candidates,
        key=lambda f: min((e.line, e.col) for e in f.fix.edits) if f.fix else (0, 0),
    )
    starts: list[int] = []  # the taken edits' offsets, sorted by start
    ends: list[int] = []
    taken: dict[tuple[Edit, ...], bool] = {}
    edits: list[Edit] = []
    applied: list[Finding] = []
    for finding in ordered:
        assert finding.fix is not None
        fix_edits = finding.fix.edits
        if fix_edits in taken:
            applied.append(finding)  # the same fix for two findings at one place
            continue
        spans = [
            (source.offset(e.line, e.col), source.offset(e.end_line, e.end_col)) for e in fix_edits
        ]
        if any(_overlaps(starts, ends, start, end) for start, end in spans):
            continue
        for (start, end), edit in zip(spans, fix_edits, strict=True):
            index = bisect.bisect(starts, start)
            starts.insert(index, start)
            ends.insert(index, end)
            edits.append(_padded(source.text, start, end, edit))
        taken[fix_edits] = True
        applied.append(finding)
    needs = [f.fix.needs for f in applied if f.fix is not None and f.fix.needs is not None]
    if needs:  # the fixes come first: an import only for a fix that is made
        module = tree if tree is not None else ast.parse(text)
        first_use = min(e.line for f in applied if f.fix is not None for e in f.fix.edits)
        edits.extend(import_edits(source.lines, source.newline, module, needs, style, first_use))
    return Plan(tuple(edits), tuple(applied), tuple(source.lines), source)


def _overlaps(starts: list[int], ends: list[int], start: int, end: int) -> bool:
    index = bisect.bisect_left(starts, start)
    for neighbour in (index - 1, index):
        if 0 <= neighbour < len(starts):
            other_start, other_end = starts[neighbour], ends[neighbour]
            if other_start < end and start < other_end:
                return True
            if other_start == start:
                return True  # two edits at one place: their order would be a guess
    return False


def _padded(text: str, start: int, end: int, edit: Edit) -> Edit:
    """`404if x else 0` is valid Python: a name put in the number's place needs a space."""
    content = edit.content
    if content and end < len(text) and _is_word(content[-1]) and _is_word(text[end]):
        content += " "
    if content and start > 0 and _is_word(content[0]) and _is_word(text[start - 1]):
        content = " " + content
    if content is edit.content:
        return edit
    return Edit(edit.line, edit.col, edit.end_line, edit.end_col, content)


def apply(text: str, edits: Sequence[Edit], source: _Text | None = None) -> str:
    """`text` with `edits`, which must not overlap, made; `source` is its line index if known."""
    if not edits:
        return text
    if source is None or source.text is not text:
        source = _Text(text)
    resolved = sorted(
        (
            (source.offset(e.line, e.col), source.offset(e.end_line, e.end_col), index, e.content)
            for index, e in enumerate(edits)
        ),
    )
    pieces: list[str] = []
    position = 0
    for start, end, _, content in resolved:
        pieces.append(text[position:start])
        pieces.append(content)
        position = max(position, end)
    pieces.append(text[position:])
    return "".join(pieces)


def fix_text(
    text: str,
    findings: Sequence[Finding],
    *,
    tree: ast.Module | None = None,
    style: ImportStyle = DEFAULT_STYLE,
    unsafe: bool = False,
) -> FixResult:
    """`text` with the fixes of `findings` applied; unchanged when there is none."""
    planned = plan(text, findings, tree=tree, style=style, unsafe=unsafe)
    return FixResult(apply(text, planned.edits, planned.source), planned.applied)
