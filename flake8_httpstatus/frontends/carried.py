"""The last check's findings carried over to a newer text of the document, for the editor to
answer hover and quick fixes from while the next check runs (and to show while the text does not
parse): moved through the editor's changes since, or through a line diff. A finding whose own
text changed is dropped, never moved to a guess; a fix whose edits' text changed is dropped from
its finding; and what is kept is compared with the new text before it is handed out."""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from flake8_httpstatus.core.findings import Edit, Finding, Fix
from flake8_httpstatus.core.positions import byte_to_utf16, char_to_byte, utf16_to_char

# An LSP position: 0-based line, UTF-16 column; and a span from one to the other.
Position = tuple[int, int]
Span = tuple[Position, Position]
# Past this many changes since the last check, the findings on changed lines are dropped
# rather than moved through each change.
MAX_CHANGES = 200
# Lines of the changed middle of two texts (after their common first and last lines) that a
# line diff matches up; past that, the whole middle counts as changed (difflib's matching is
# quadratic on repetitive code).
MAX_DIFF_LINES = 2_000

# A span in the engine's units: 1-based lines, UTF-8 byte columns (a finding's or an edit's).
_Bytes = tuple[int, int, int, int]


@dataclass(frozen=True)
class Change:
    """An editor's change of a range (textDocument/didChange): `span` replaced by `text`."""

    span: Span
    text: str


def carried(
    findings: Sequence[Finding],
    before: Sequence[str],
    after: Sequence[str],
    changes: Sequence[Change] | None,
) -> list[Finding]:
    """`findings` of the lines `before`, in the lines `after`. Those whose lines (and whose
    fix's lines) are unchanged move with them, by a line diff; the others, where the editor's
    `changes` since are known (not None: a whole text replaced) and few, are moved through each
    change in turn, and kept where their text is unchanged; else those on a changed line go,
    and fixes with an edit on one."""
    new_line = _line_map(before, after)
    exact = changes is not None and len(changes) <= MAX_CHANGES
    kept: list[Finding] = []
    touched: list[Finding] = []  # on a changed line, or with a fix's edit on one
    for finding in findings:
        shift = _shift(new_line, _of_finding(finding))
        fix = finding.fix
        shifts = [] if fix is None else [_shift(new_line, _of_edit(edit)) for edit in fix.edits]
        if shift is not None and None not in shifts:
            kept.append(_shifted(finding, shift, [s or 0 for s in shifts]))
        elif exact:
            touched.append(finding)
        elif shift is not None:
            kept.append(_shifted(dataclasses.replace(finding, fix=None), shift, []))
    if touched:
        assert changes is not None
        for old, new in _by_changes(touched, before, after, changes):
            checked = _verified(old, new, before, after)
            if checked is not None:
                kept.append(checked)
        kept.sort(key=lambda finding: (finding.line, finding.col, finding.code))
    return kept


# -- through the editor's changes ---------------------------------------------------------------
def _by_changes(
    findings: Sequence[Finding],
    before: Sequence[str],
    after: Sequence[str],
    changes: Sequence[Change],
) -> list[tuple[Finding, Finding]]:
    """Each finding kept, and where it is now."""
    # Each finding as its spans in LSP units: its own first, then its fix's edits'.
    tracked: list[tuple[Finding, list[Span]]] = []
    for finding in findings:
        spans = [_to_lsp(before, _of_finding(finding))]
        if finding.fix is not None:
            spans.extend(_to_lsp(before, _of_edit(edit)) for edit in finding.fix.edits)
        tracked.append((finding, spans))
    for change in changes:
        tracked = [
            (finding, after_change)
            for finding, spans in tracked
            if (after_change := _through(spans, change.span, change.text)) is not None
        ]
    kept: list[tuple[Finding, Finding]] = []
    for finding, spans in tracked:
        own = _to_bytes(after, spans[0])
        fix = finding.fix
        if fix is not None and len(spans) == len(fix.edits) + 1:
            edits = tuple(
                Edit(*_to_bytes(after, span), edit.content)
                for span, edit in zip(spans[1:], fix.edits, strict=True)
            )
            fix = dataclasses.replace(fix, edits=edits)
        else:
            fix = None
        line, col, end_line, end_col = own
        kept.append(
            (
                finding,
                dataclasses.replace(
                    finding, line=line, col=col, end_line=end_line, end_col=end_col, fix=fix
                ),
            )
        )
    return kept


def _through(spans: list[Span], changed: Span, text: str) -> list[Span] | None:
    """`spans` after `changed` was replaced by `text`: None when the first (the finding's own)
    touches it; only the first when another (a fix's edit) does."""
    start, end = changed
    breaks = text.count("\n") + text.count("\r") - text.count("\r\n")
    last = text[max(text.rfind("\n"), text.rfind("\r")) + 1 :]
    tail = len(last.encode("utf-16-le")) // 2
    line_shift = start[0] + breaks - end[0]

    def position(at: Position) -> Position:
        """A position after `end`, moved."""
        if at[0] != end[0]:
            return (at[0] + line_shift, at[1])
        column = (start[1] if breaks == 0 else 0) + tail + at[1] - end[1]
        return (at[0] + line_shift, column)

    moved_spans: list[Span] = []
    for first, final in spans:
        if final < start:
            moved_spans.append((first, final))
        elif first > end:
            moved_spans.append((position(first), position(final)))
        elif moved_spans:
            return moved_spans[:1]  # a fix's edit touched: the finding stays, without its fix
        else:
            return None  # the finding's own text was edited
    return moved_spans


def _of_finding(finding: Finding) -> _Bytes:
    return finding.line, finding.col, finding.end_line, finding.end_col


def _of_edit(edit: Edit) -> _Bytes:
    return edit.line, edit.col, edit.end_line, edit.end_col


def _line(lines: Sequence[str], number: int) -> str:
    return lines[number - 1] if 0 < number <= len(lines) else ""


def _to_lsp(lines: Sequence[str], span: _Bytes) -> Span:
    line, col, end_line, end_col = span
    return (
        (line - 1, byte_to_utf16(_line(lines, line), col)),
        (end_line - 1, byte_to_utf16(_line(lines, end_line), end_col)),
    )


def _to_bytes(lines: Sequence[str], span: Span) -> _Bytes:
    def column(line: int, units: int) -> int:
        text = _line(lines, line)
        return units if text.isascii() else char_to_byte(text, utf16_to_char(text, units))

    (line, col), (end_line, end_col) = span
    return line + 1, column(line + 1, col), end_line + 1, column(end_line + 1, end_col)


# -- through a line diff --------------------------------------------------------------------------
def _shift(new_line: _LineMap, span: _Bytes) -> int | None:
    """How far the span's lines moved, or None when one of them changed."""
    start = new_line(span[0])
    if start is None:
        return None
    shift = start - span[0]
    for line in range(span[0] + 1, span[2] + 1):
        if new_line(line) != line + shift:
            return None
    return shift


def _shifted(finding: Finding, shift: int, shifts: Sequence[int]) -> Finding:
    """`finding` moved down `shift` lines, its fix's edits each by theirs."""
    if shift == 0 and not any(shifts):
        return finding
    fix = finding.fix
    if fix is not None:
        # Made directly: `dataclasses.replace` would cost most of a large file's carrying.
        edits = tuple(
            Edit(e.line + by, e.col, e.end_line + by, e.end_col, e.content)
            for e, by in zip(fix.edits, shifts, strict=True)
        )
        fix = Fix(edits, fix.title, fix.needs, fix.safe)
    f = finding
    return Finding(f.code, f.message, f.line + shift, f.col, f.end_line + shift, f.end_col, fix)


def common_head(before: Sequence[str], after: Sequence[str]) -> int:
    """How many first lines the two texts share."""
    shortest = min(len(before), len(after))
    head = 0
    while head < shortest and before[head] == after[head]:
        head += 1
    return head


def _line_map(before: Sequence[str], after: Sequence[str]) -> _LineMap:
    """Where each line of `before` (1-based) is in `after`, if it is there unchanged: the
    lines a finding is on are compared whole, so what is moved this way needs no check."""
    shortest = min(len(before), len(after))
    head = common_head(before, after)
    tail = 0
    while tail < shortest - head and before[-1 - tail] == after[-1 - tail]:
        tail += 1
    middle: dict[int, int] = {}
    old_middle = before[head : len(before) - tail]
    new_middle = after[head : len(after) - tail]
    if old_middle and new_middle and max(len(old_middle), len(new_middle)) <= MAX_DIFF_LINES:
        matcher = difflib.SequenceMatcher(None, old_middle, new_middle, autojunk=False)
        for old_start, new_start, size in matcher.get_matching_blocks():
            for offset in range(size):
                middle[head + old_start + offset + 1] = head + new_start + offset + 1
    return _LineMap(head, len(before) - tail, len(after) - len(before), middle)


@dataclass(frozen=True)
class _LineMap:
    """Lines up to `head` stay, lines past `tail` move by `shift`, those between as `middle`
    says (absent: changed)."""

    head: int
    tail: int
    shift: int
    middle: dict[int, int]

    def __call__(self, line: int) -> int | None:
        if line <= self.head:
            return line
        if line > self.tail:
            return line + self.shift
        return self.middle.get(line)


# -- the check before a finding is handed out ---------------------------------------------------
def _verified(
    old: Finding, new: Finding, before: Sequence[str], after: Sequence[str]
) -> Finding | None:
    """`new`, where its text (and its fix's edits') is what `old`'s was in `before`: the
    mapping above is trusted only this far. A fix whose edit's text differs is dropped."""
    if _text(after, _of_finding(new)) != _text(before, _of_finding(old)):
        return None
    if new.fix is None or old.fix is None:
        return new
    for old_edit, new_edit in zip(old.fix.edits, new.fix.edits, strict=True):
        if _text(after, _of_edit(new_edit)) != _text(before, _of_edit(old_edit)):
            return dataclasses.replace(new, fix=None)
    return new


def _text(lines: Sequence[str], span: _Bytes) -> bytes | None:
    """The text of `span` (None where it reaches past the lines)."""
    line, col, end_line, end_col = span
    if not (0 < line <= end_line <= len(lines)):
        return None
    if line == end_line:
        return lines[line - 1].encode("utf-8")[col:end_col]
    parts = [lines[line - 1].encode("utf-8")[col:]]
    parts.extend(text.encode("utf-8") for text in lines[line : end_line - 1])
    parts.append(lines[end_line - 1].encode("utf-8")[:end_col])
    return b"\n".join(parts)
