"""`# noqa` comments read exactly as flake8 reads them, for `check`, `fix`, `--add-noqa` and the
language server (flake8 itself applies its own, which this copies).

flake8 (7.x, `defaults.NOQA_INLINE_REGEXP`) searches the line a finding is reported on for
`# noqa`, optionally followed by `:`, at most one whitespace character and a list of codes
(letters then digits) separated by commas or whitespace. No list (or one it cannot read, such as
`# noqa : HS101`) hides everything on the line; a list hides the codes it names and every code
that starts with one of them (`HS1` hides HS101). Codes are compared case-sensitively. The line
searched is the whole range of physical lines up to the next NEWLINE or NL token, so a comment
after a multi-line string covers each line of the string. A line `# flake8: noqa` on its own
skips the file.

Given the text's tree, a line's range is read from the tokens of the top-level statement it is in
(or of the comments and blank lines between two statements): the tokenizer starts afresh at each
top-level statement, so they are the whole file's, at the cost of one statement, not the file.
"""

from __future__ import annotations

import ast
import bisect
import functools
import io
import re
import tokenize
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flake8_httpstatus.core.findings import Finding

NOQA_INLINE = re.compile(r"# noqa(?::[\s]?(?P<codes>([A-Z]+[0-9]+(?:[,\s]+)?)+))?", re.IGNORECASE)
NOQA_FILE = re.compile(r"\s*# flake8[:=]\s*noqa", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,\s]")


def listed_codes(codes: str) -> tuple[str, ...]:
    """The codes of a noqa list, as flake8 splits it."""
    return tuple(item.strip() for item in _SEPARATOR.split(codes) if item.strip())


def hides(code: str, noqa_line: str) -> bool:
    """Whether the noqa comment (if any) in `noqa_line` hides `code`."""
    match = NOQA_INLINE.search(noqa_line)
    if match is None:
        return False
    codes = match.group("codes")
    if codes is None:
        return True
    return code.startswith(listed_codes(codes))


def physical_lines(text: str) -> list[str]:
    """The lines as flake8 reads them: universal newlines, each with its "\\n"."""
    return io.StringIO(text, newline=None).readlines()


@dataclass(frozen=True)
class _Comment:
    line: int
    col: int  # code points
    end_col: int


_Tokens = tuple[dict[int, tuple[int, int]], list[_Comment]]


def _read_tokens(lines: list[str], offset: int = 0) -> _Tokens:
    """Each line's range of physical lines (flake8's `_noqa_line_mapping`), and the comments,
    of `lines`, numbered from `offset` + 1. Raises TokenError or SyntaxError."""
    ranges: dict[int, tuple[int, int]] = {}
    comments: list[_Comment] = []
    reader = io.StringIO("".join(lines)).readline
    first, last = len(lines) + 2, -1
    for token in tokenize.generate_tokens(reader):
        kind, (start, col), (end, end_col) = token.type, token.start, token.end
        if kind in (tokenize.ENDMARKER, tokenize.DEDENT):
            continue
        if kind == tokenize.COMMENT:
            comments.append(_Comment(start + offset, col, end_col))
        first, last = min(first, start), max(last, end)
        if kind in (tokenize.NL, tokenize.NEWLINE):
            span = (first + offset, last + offset)
            ranges.update(dict.fromkeys(range(span[0], span[1] + 1), span))
            first, last = len(lines) + 2, -1
    return ranges, comments


def statement_spans(tree: ast.Module) -> list[tuple[int, int]]:
    """The first and last lines of the top-level statements (from their decorators), those
    sharing a line (`a = 1; b = 2`) as one."""
    spans: list[tuple[int, int]] = []
    for statement in tree.body:
        decorators = getattr(statement, "decorator_list", [])
        first = min([statement.lineno, *(d.lineno for d in decorators)])
        last = statement.end_lineno or statement.lineno
        if spans and first <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(last, spans[-1][1]))
        else:
            spans.append((first, last))
    return spans


class NoqaLines:
    """A file's noqa view: for each line, the text flake8 searches for its noqa comment.
    `tree`: the text's, if known, to tokenize one statement at a time."""

    def __init__(self, text: str, tree: ast.Module | None = None) -> None:
        self.text = text
        self.mentions_noqa = "noqa" in text.lower()
        self._spans = None if tree is None else statement_spans(tree)
        self._pieces: dict[tuple[int, int], _Tokens | None] = {}

    @functools.cached_property
    def lines(self) -> list[str]:
        return physical_lines(self.text)

    @functools.cached_property
    def _tokens(self) -> _Tokens | None:
        """The whole file's ranges and comments (None when it does not tokenize)."""
        try:
            return _read_tokens(self.lines)
        except (tokenize.TokenError, SyntaxError):
            return None

    def _piece(self, spans: list[tuple[int, int]], line: int) -> tuple[int, int]:
        """The top-level statement holding `line`, or the lines between two statements."""
        at = bisect.bisect_right(spans, (line, len(self.lines) + 1))
        if at and spans[at - 1][1] >= line:
            return spans[at - 1]
        first = spans[at - 1][1] + 1 if at else 1
        last = spans[at][0] - 1 if at < len(spans) else len(self.lines)
        return first, last

    def _tokens_at(self, line: int) -> _Tokens | None:
        """Ranges and comments that hold those of `line`: its piece's, or the whole file's
        without a tree or where the piece does not tokenize on its own."""
        if self._spans is None or not 1 <= line <= len(self.lines):
            return self._tokens
        first, last = self._piece(self._spans, line)
        if (first, last) not in self._pieces:
            try:
                piece: _Tokens | None = _read_tokens(self.lines[first - 1 : last], first - 1)
            except (tokenize.TokenError, SyntaxError):
                piece = self._tokens
            self._pieces[first, last] = piece
        return self._pieces[first, last]

    def span(self, line: int) -> tuple[int, int]:
        """The first and last physical line of the range `line` belongs to."""
        tokens = self._tokens_at(line)
        if tokens is None:
            return line, line
        return tokens[0].get(line, (line, line))

    def noqa_line(self, line: int) -> str:
        first, last = self.span(line)
        return "".join(self.lines[first - 1 : last])

    def hides(self, code: str, line: int) -> bool:
        return self.mentions_noqa and hides(code, self.noqa_line(line))

    @functools.cached_property
    def file_skipped(self) -> bool:
        """A line that is only `# flake8: noqa` makes flake8 skip the whole file."""
        return self.mentions_noqa and any(NOQA_FILE.match(line) for line in self.lines)

    def in_comment(self, line: int, col: int) -> bool:
        tokens = self._tokens_at(line)
        return tokens is not None and any(
            c.line == line and c.col <= col < c.end_col for c in tokens[1]
        )


def unsuppressed(findings: Iterable[Finding], noqa: NoqaLines) -> list[Finding]:
    if noqa.file_skipped:
        return []
    return [finding for finding in findings if not noqa.hides(finding.code, finding.line)]


@dataclass(frozen=True)
class LineEdit:
    """Replace physical line `line` (1-based, without its line break) with `text`."""

    line: int
    text: str


def noqa_edits(noqa: NoqaLines, findings: Sequence[Finding]) -> tuple[list[LineEdit], int]:
    """The edits that add `# noqa: CODE` for each finding, and how many codes they add.

    The comment goes at the end of the last line of the finding's range (after a multi-line
    string, never inside it) or joins the noqa comment already there (`# noqa: E501, HS101`).
    A finding already hidden, or one a comment cannot hide (the range's first `# noqa` sits in
    a string), gets nothing, which makes the edits idempotent.
    """
    wanted: dict[int, list[str]] = {}
    for finding in findings:
        if noqa.hides(finding.code, finding.line) or noqa.file_skipped:
            continue
        first, last = noqa.span(finding.line)
        codes = wanted.setdefault(last, [])
        if finding.code not in codes:
            codes.append(finding.code)
    edits: list[LineEdit] = []
    added = 0
    for last, codes in sorted(wanted.items()):
        first, _ = noqa.span(last)
        line = noqa.lines[last - 1].rstrip("\r\n")
        joined = "".join(noqa.lines[first - 1 : last - 1])
        match = NOQA_INLINE.search(joined + line)
        if match is not None:
            start = match.start() - len(joined)
            if start < 0 or not noqa.in_comment(last, start):
                continue  # the first noqa is on an earlier line or in a string: cannot extend it
            listed = match.group("codes").rstrip(", \t\r\n\f\v")
            codes_end = start + (match.start("codes") - match.start()) + len(listed)
            new = (
                line[:codes_end] + "".join(f", {code}" for code in sorted(codes)) + line[codes_end:]
            )
        else:
            comment = f"# noqa: {', '.join(sorted(codes))}"
            new = f"{line.rstrip()}  {comment}"  # a finding's line always has code
        if not all(hides(code, joined + new) for code in codes):
            continue
        edits.append(LineEdit(last, new))
        added += len(codes)
    return edits, added


def apply_line_edits(text: str, edits: Sequence[LineEdit]) -> str:
    """`text` with the given physical lines replaced, keeping every line break as it was."""
    if not edits:
        return text
    lines = re.split(r"(?<=\n)|(?<=\r)(?!\n)", text)
    for edit in edits:
        old = lines[edit.line - 1]
        ending = old[len(old.rstrip("\r\n")) :]
        lines[edit.line - 1] = edit.text + ending
    return "".join(lines)
