"""`# noqa` as flake8 reads it: our reader against flake8's own, and `--add-noqa`'s edits."""

from __future__ import annotations

import argparse

import pytest
from flake8.processor import FileProcessor
from flake8.violation import Violation
from hypothesis import given
from hypothesis import strategies as st

from flake8_httpstatus.config.noqa import (
    NoqaLines,
    apply_line_edits,
    hides,
    noqa_edits,
    physical_lines,
)
from flake8_httpstatus.core.findings import Finding

COMMENTS = [
    "# noqa",
    "# NOQA",
    "# NoQA",
    "#noqa",
    "#  noqa",
    "# noqa:HS101",
    "# noqa: HS101",
    "# noqa:  HS101",  # two spaces: flake8 reads no list, so a bare noqa
    "# noqa : HS101",  # likewise
    "# noqa: HS201",
    "# noqa: hs101",  # codes compare case-sensitively
    "# noqa: HS1",
    "# noqa: HS",  # letters only is not a code: a bare noqa
    "# noqa: E501,HS101",
    "# noqa: E501, HS101",
    "# noqa: E501 HS101",
    "# noqa:E501,,HS101",
    "# noqa: E501",
    "# noqa: E501 because HS101",
    "# noqa: HS1010",
    "# noqa: HS10",
    "# type: ignore  # noqa: HS101",
    "# noqa: HS201  # noqa: HS101",
    "x = '# noqa: E501'  # noqa: HS101",
    "# noqa:HS101,E501 trailing words",
    "# noqa:W291,",
]


def flake8_hides(code: str, line: str) -> bool:
    return bool(Violation(code, "app.py", 1, 1, "text", line).is_inline_ignored(disable_noqa=False))


@pytest.mark.parametrize("comment", COMMENTS)
@pytest.mark.parametrize("code", ["HS101", "HS201", "E501"])
def test_same_as_flake8(comment: str, code: str) -> None:
    line = f"abort(404)  {comment}\n"
    assert hides(code, line) is flake8_hides(code, line)


def test_the_old_bugs() -> None:
    # Two-letter codes are read as codes: HS201 does not hide HS101, and a list hides its codes.
    assert not hides("HS101", "abort(404)  # noqa: HS201")
    assert hides("HS101", "abort(404)  # noqa: E501,HS101")
    assert hides("HS101", "abort(404)  # noqa:HS1")


@given(
    st.text(alphabet="#: ,noqaNOQAHSE0159\t", max_size=30),
    st.sampled_from(["HS101", "HS201", "E501"]),
)
def test_same_as_flake8_on_any_comment(comment: str, code: str) -> None:
    line = f"abort(404)  {comment}\n"
    assert hides(code, line) is flake8_hides(code, line)


def flake8_noqa_line(text: str, line: int) -> str | None:
    options = argparse.Namespace(
        hang_closing=False,
        indent_size=4,
        max_line_length=79,
        max_doc_length=None,
        verbose=0,
    )
    processor = FileProcessor("app.py", options, lines=text.splitlines(keepends=True))
    found: str | None = processor.noqa_line_for(line)
    return found


MULTILINE = (
    "from flask import abort\n"
    "x = abort(\n"
    "    404,\n"
    ")\n"
    'y = f(404, """\n'
    "text\n"
    '""")  # noqa: HS101\n'
    "z = 1 + \\\n"
    "    404\n"
)


@pytest.mark.parametrize("line", range(1, 10))
def test_noqa_line_is_flake8s(line: int) -> None:
    assert NoqaLines(MULTILINE).noqa_line(line) == flake8_noqa_line(MULTILINE, line)


def test_comment_after_a_multiline_string_covers_its_first_line() -> None:
    noqa = NoqaLines(MULTILINE)
    assert noqa.hides("HS101", 5)
    assert not noqa.hides("HS101", 3)


def test_file_level_noqa() -> None:
    assert NoqaLines("# flake8: noqa\nabort(404)\n").file_skipped
    assert NoqaLines("  # flake8: NOQA\n").file_skipped
    # On a line with code, flake8 ignores it (with a warning).
    assert not NoqaLines("abort(404)  # flake8: noqa\n").file_skipped
    assert not NoqaLines("abort(404)\n").file_skipped


def finding(code: str, line: int, col: int = 0) -> Finding:
    return Finding(code, f"{code} message", line, col, line, col + 3)


def add(text: str, *findings: Finding) -> tuple[str, int]:
    edits, added = noqa_edits(NoqaLines(text), findings)
    return apply_line_edits(text, edits), added


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("abort(404)", "abort(404)  # noqa: HS101"),
        ("abort(404)  # noqa: E501", "abort(404)  # noqa: E501, HS101"),
        ("abort(404)  # noqa:E501 trailing", "abort(404)  # noqa:E501, HS101 trailing"),
        ("abort(404)  # noqa: E501,", "abort(404)  # noqa: E501, HS101,"),
        ("abort(404)  # type: ignore", "abort(404)  # type: ignore  # noqa: HS101"),
        ("abort(404)  # noqa: HS201", "abort(404)  # noqa: HS201, HS101"),
        ("abort(404)  # noqa", "abort(404)  # noqa"),
        ("abort(404)  # noqa: HS1", "abort(404)  # noqa: HS1"),
    ],
)
def test_add_noqa_line(line: str, expected: str) -> None:
    text, _ = add(f"{line}\nx = 1\n", finding("HS101", 1))
    assert text == f"{expected}\nx = 1\n"
    # Idempotent, and what was added hides the finding for flake8 too.
    assert add(text, finding("HS101", 1)) == (text, 0)
    assert flake8_hides("HS101", text.splitlines()[0])


def test_add_noqa_never_inside_a_string() -> None:
    text = 'f(404, """\n# a comment? no, text\n""")\nabort(404)\r\n'
    new, added = add(text, finding("HS101", 1, 2), finding("HS201", 1, 2), finding("HS101", 4))
    assert added == 3
    assert new == (
        'f(404, """\n# a comment? no, text\n""")  # noqa: HS101, HS201\n'
        "abort(404)  # noqa: HS101\r\n"
    )
    assert add(new, finding("HS101", 1, 2), finding("HS101", 4)) == (new, 0)


def test_add_noqa_in_a_multiline_call_goes_on_the_reported_line() -> None:
    text = "abort(\n    404,\n)\n"
    assert add(text, finding("HS101", 2, 4))[0] == "abort(\n    404,  # noqa: HS101\n)\n"


def test_add_noqa_skips_what_a_comment_cannot_hide() -> None:
    # The first `# noqa` flake8 finds on the line is in a string; a comment after it is never read.
    text = "f('# noqa: E501', 404)\n"
    assert add(text, finding("HS101", 1)) == (text, 0)
    text = 'f(404, """\n# noqa: E501\n""")\n'
    assert add(text, finding("HS101", 1)) == (text, 0)


def test_physical_lines_read_every_line_break() -> None:
    assert physical_lines("a\rb\r\nc\nd") == ["a\n", "b\n", "c\n", "d"]
    # Old Mac line ends: the comment on line 2 is found.
    assert NoqaLines("from flask import abort\rabort(404)  # noqa: HS101\r").hides("HS101", 2)


def test_lines_outside_any_range() -> None:
    noqa = NoqaLines("abort(404)  # noqa\n")
    assert noqa.span(99) == (99, 99)
    assert noqa.noqa_line(99) == ""
    assert not noqa.hides("HS101", 99)


def test_in_comment() -> None:
    noqa = NoqaLines("x = 1  # noqa: E501\ny = '# noqa: E501'\n")
    assert noqa.in_comment(1, 7)
    assert noqa.in_comment(1, 18)
    assert not noqa.in_comment(1, 19)  # past the comment's end
    assert not noqa.in_comment(1, 6)
    assert not noqa.in_comment(2, 7)  # the same column, in a string on another line


@pytest.mark.parametrize(
    ("text", "findings", "expected"),
    [
        # A hidden finding first, then one to add: the second is not forgotten.
        (
            "abort(404)  # noqa\nabort(500)\n",
            [finding("HS101", 1), finding("HS101", 2)],
            "abort(404)  # noqa\nabort(500)  # noqa: HS101\n",
        ),
        # A line that cannot take a comment, then one that can.
        (
            "f('# noqa: E501', 404)\nabort(500)\n",
            [finding("HS101", 1), finding("HS101", 2)],
            "f('# noqa: E501', 404)\nabort(500)  # noqa: HS101\n",
        ),
        # Whatever follows the existing list stays as it was, trailing blanks included.
        (
            "abort(404)  # noqa: E501 XX  \n",
            [finding("HS101", 1)],
            "abort(404)  # noqa: E501, HS101 XX  \n",
        ),
        (
            "abort(404)  # noqa: E501 XX\n",
            [finding("HS101", 1)],
            "abort(404)  # noqa: E501, HS101 XX\n",
        ),
        # Two codes join one list.
        (
            "abort(404)  # noqa: E501\n",
            [finding("HS201", 1), finding("HS101", 1)],
            "abort(404)  # noqa: E501, HS101, HS201\n",
        ),
        # The existing comment after a multi-line string is joined, not duplicated.
        (
            'f(404, """\ntext\n""")  # noqa: E501\n',
            [finding("HS101", 1, 2)],
            'f(404, """\ntext\n""")  # noqa: E501, HS101\n',
        ),
    ],
)
def test_add_noqa_cases(text: str, findings: list[Finding], expected: str) -> None:
    assert add(text, *findings)[0] == expected
