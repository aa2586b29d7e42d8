"""The noqa view read one top-level statement at a time (with the text's tree, as the language
server reads it) against the whole file's tokens: the same ranges, comments and edits."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flake8_httpstatus.config.noqa import NoqaLines, noqa_edits
from flake8_httpstatus.core.findings import Finding

FIXTURES = sorted(Path(__file__).parent.joinpath("fixtures").rglob("*.py"))

# Top-level statements and what lies between them: multi-line strings, brackets, continuation
# lines, decorators, compound statements, statements sharing a line, noqa comments.
FRAGMENTS = [
    "x = 1\n",
    "abort(404)  # noqa\n",
    's = """a\n# noqa\nb"""  # noqa: HS101\n',
    "y = (1,\n     2)  # noqa: E501\n",
    "z = 1 + \\\n    2\n",
    "s = 'a' \\\n    'b'  # noqa\n",
    "# comment # noqa\n",
    "    # an indented comment\n",
    "\n",
    "\x0cx = 2\n",
    "@decorator  # noqa\n@other(\n  1)\ndef f():\n    '''doc\n    # noqa'''\n    return 1  # noqa:HS101\n",
    "class C:\n    x = [\n        1,  # noqa\n    ]\n\n    # trailing\n",
    "if x:\n    pass\nelse:  # noqa\n    pass\n",
    "a = 1; b = '''x\ny'''  # noqa: HS1\n",
    "t = f'''{x}\n# noqa'''\n",
    "# flake8: noqa\n",
    "abort(404)  # flake8: noqa\n",
]


def finding(line: int) -> Finding:
    return Finding("HS101", "HS101 message", line, 0, line, 3)


def assert_same_reading(text: str) -> None:
    tree = ast.parse(text)
    whole, pieces = NoqaLines(text), NoqaLines(text, tree)
    lines = whole.lines
    for line in range(1, len(lines) + 1):
        assert pieces.span(line) == whole.span(line), line
        assert pieces.noqa_line(line) == whole.noqa_line(line), line
        for comment in re.finditer("#", lines[line - 1]):
            assert pieces.in_comment(line, comment.start()) == whole.in_comment(
                line, comment.start()
            ), (line, comment.start())
        # As the language server asks: one finding, a fresh view of the text.
        alone = noqa_edits(NoqaLines(text, tree), [finding(line)])
        assert alone == noqa_edits(NoqaLines(text), [finding(line)]), line
    everywhere = [finding(line) for line in range(1, len(lines) + 1)]
    assert noqa_edits(pieces, everywhere) == noqa_edits(whole, everywhere)
    assert pieces.file_skipped == whole.file_skipped


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_fixtures_read_the_same_a_statement_at_a_time(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    try:
        ast.parse(text)
    except SyntaxError:
        pytest.skip("does not parse: no tree to read by")
    assert_same_reading(text)


@given(
    st.lists(st.sampled_from(FRAGMENTS), max_size=10),
    st.sampled_from(["\n", "\r\n", "\r"]),
    st.booleans(),
)
def test_generated_programs_read_the_same_a_statement_at_a_time(
    fragments: list[str], newline: str, last_newline: bool
) -> None:
    text = "".join(fragments).replace("\n", newline)
    if not last_newline:
        text = text.removesuffix(newline)
    assert_same_reading(text)


def test_a_file_level_noqa_is_found_by_its_line_with_the_tree() -> None:
    text = "x = 1\n" * 100 + "# flake8: noqa\n" + "abort(404)\n"
    noqa = NoqaLines(text, ast.parse(text))
    assert noqa.file_skipped
    assert noqa_edits(noqa, [finding(102)]) == ([], 0)
