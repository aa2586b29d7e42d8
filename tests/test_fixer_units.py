"""The fixer's own rules, on findings written by hand: which of two clashing fixes is taken, the
space a name needs beside a word character, byte columns on non-ASCII lines, the parse check
that drops a keyword or removal fix landing inside parentheses, and unsafe fixes kept out unless
asked. (The golden files in tests/fixtures/fix cover the fixes the rules make; these cover the
cases no rule makes today.)"""

from __future__ import annotations

from flake8_httpstatus.core.findings import Edit, Finding, Fix, ImportSpec
from flake8_httpstatus.fixes.fixer import apply, fix_text, in_place, plan

HTTP_STATUS = ImportSpec("http", "HTTPStatus")


def finding(
    *edits: Edit,
    at: tuple[int, int, int, int] | None = None,
    needs: ImportSpec | None = None,
    safe: bool = True,
) -> Finding:
    """A finding at `at` (else the first edit's span) whose fix makes `edits`."""
    first = edits[0] if edits else Edit(1, 0, 1, 0)
    line, col, end_line, end_col = at or (first.line, first.col, first.end_line, first.end_col)
    fix = Fix(tuple(edits), "fix", needs, safe) if edits else None
    return Finding("HS101", "HS101 message", line, col, end_line, end_col, fix)


def replace(line: int, col: int, end_col: int, content: str) -> Edit:
    return Edit(line, col, line, end_col, content)


def test_in_place_is_one_edit_over_the_findings_own_span() -> None:
    assert in_place(finding(replace(1, 4, 7, "X")))
    assert not in_place(finding())  # no fix
    assert not in_place(finding(replace(1, 4, 7, "X"), Edit.insert(1, 0, "Y")))
    for other in ((2, 4, 2, 7), (1, 3, 1, 7), (1, 4, 2, 7), (1, 4, 1, 8)):
        assert not in_place(finding(replace(1, 4, 7, "X"), at=other)), other


def test_a_name_beside_a_word_character_gets_a_space() -> None:
    # `404if x else 0` and `0 if x else(404)or y` are valid Python.
    text = "y = 404if x else 0\n"
    assert fix_text(text, [finding(replace(1, 4, 7, "NOT_FOUND"))]).text == (
        "y = NOT_FOUND if x else 0\n"
    )
    assert fix_text("a404_", [finding(replace(1, 1, 4, "s.X"))]).text == "a s.X _"
    assert fix_text("_404", [finding(replace(1, 1, 4, "X"))]).text == "_ X"


def test_no_space_at_either_end_of_the_text_or_beside_punctuation() -> None:
    assert fix_text("404", [finding(replace(1, 0, 3, "NOT_FOUND"))]).text == "NOT_FOUND"
    text = "404 if x else y"
    assert fix_text(text, [finding(replace(1, 0, 3, "N"))]).text == "N if x else y"
    assert fix_text("(404)", [finding(replace(1, 1, 4, "N"))]).text == "(N)"
    # Only a word character at the content's own end counts.
    assert fix_text("a404b", [finding(replace(1, 1, 4, ".N."))]).text == "a.N.b"


def test_byte_columns_on_non_ascii_lines() -> None:
    text = "a = 1\nb = 'é'; c = 404\nd = 'ü'\n"
    # `404` starts at byte 14 of line 2 (é is two bytes in UTF-8).
    assert fix_text(text, [finding(replace(2, 14, 17, "NOT_FOUND"))]).text == (
        "a = 1\nb = 'é'; c = NOT_FOUND\nd = 'ü'\n"
    )
    assert fix_text("é = 404", [finding(replace(1, 5, 8, "N"))]).text == "é = N"


def test_an_import_in_a_file_without_a_line_break_uses_a_newline() -> None:
    fixed = fix_text(
        "x = 404", [finding(replace(1, 4, 7, "HTTPStatus.NOT_FOUND"), needs=HTTP_STATUS)]
    )
    assert fixed.text == "from http import HTTPStatus\n\nx = HTTPStatus.NOT_FOUND"


def test_of_two_fixes_that_overlap_the_first_in_the_file_is_taken() -> None:
    inner = finding(replace(1, 12, 15, "A"))
    outer = finding(replace(1, 4, 16, "B"))
    later = finding(replace(2, 0, 3, "C"))  # the clash does not stop the fixes after it
    text = "x = f(1, 2, 404)\n500\n"
    result = fix_text(text, [inner, outer, later])
    assert result.applied == (outer, later)
    assert result.text == "x = B\nC\n"


def test_two_edits_at_one_place_are_not_both_made() -> None:
    text = "x = 404\n"
    insert = finding(Edit.insert(1, 4, "A"), at=(1, 4, 1, 4))
    change = finding(replace(1, 4, 7, "B"))
    assert fix_text(text, [insert, change]).applied == (insert,)
    assert fix_text(text, [change, insert]).applied == (change,)
    # Inside a replaced span, an insertion is an overlap too.
    inside = finding(Edit.insert(1, 5, "C"), at=(1, 5, 1, 5))
    assert fix_text(text, [change, inside]).applied == (change,)


def test_edits_that_only_touch_are_both_made() -> None:
    text = "x = 404404\n"
    left, right = finding(replace(1, 4, 7, "(A)")), finding(replace(1, 7, 10, "(B)"))
    result = fix_text(text, [right, left])
    assert result.applied == (left, right)
    assert result.text == "x = (A)(B)\n"
    # An insertion right after a replaced span, and a fix with edits on both sides of another.
    after = finding(Edit.insert(1, 7, "+1"), at=(1, 7, 1, 7))
    assert fix_text(text, [left, after]).text == "x = (A)+1 404\n"
    around = finding(replace(1, 0, 1, "y"), replace(1, 7, 10, "(C)"), at=(1, 0, 1, 1))
    middle = finding(replace(1, 4, 7, "(D)"))
    result = fix_text(text, [middle, around])
    assert result.applied == (around, middle)
    assert result.text == "y = (D)(C)\n"


def test_the_same_fix_for_two_findings_is_made_once() -> None:
    first = finding(replace(1, 4, 7, "A"))
    second = Finding("HS102", "HS102 message", 1, 4, 1, 7, first.fix)
    later = finding(replace(2, 0, 3, "C"))
    result = fix_text("x = 404\n500\n", [first, second, later])
    assert result.applied == (first, second, later)
    assert result.text == "x = A\nC\n"


def test_a_fix_whose_result_does_not_parse_is_left_out_and_the_in_place_ones_kept() -> None:
    text = "f((404), 1)\ng(500)\n"
    # A keyword inserted inside the parentheses the span excludes: `f((status=404), 1)`.
    keyword = finding(Edit.insert(1, 3, "status="), at=(1, 3, 1, 6))
    name = finding(replace(2, 2, 5, "HTTPStatus.INTERNAL_SERVER_ERROR"), needs=HTTP_STATUS)
    unsafe = finding(replace(1, 9, 10, "2"), safe=False)
    result = fix_text(text, [keyword, name, unsafe], unsafe=True)
    assert result.applied == (unsafe, name)
    assert result.text == (
        "from http import HTTPStatus\n\nf((404), 2)\ng(HTTPStatus.INTERNAL_SERVER_ERROR)\n"
    )
    assert fix_text(text, [keyword]).applied == ()
    assert fix_text(text, [keyword]).text == text


def test_a_fix_beyond_its_span_is_kept_when_the_result_parses() -> None:
    text = "f(404, 1)\n"
    keyword = finding(Edit.insert(1, 2, "status="), Edit.delete((1, 5), (1, 8)), at=(1, 2, 1, 5))
    result = fix_text(text, [keyword])
    assert result.applied == (keyword,)
    assert result.text == "f(status=404)\n"


def test_unsafe_fixes_only_when_asked() -> None:
    unsafe = finding(replace(1, 4, 7, "200"), safe=False)
    assert plan("x = 404\n", [unsafe]).applied == ()
    assert fix_text("x = 404\n", [unsafe]).text == "x = 404\n"
    assert plan("x = 404\n", [unsafe], unsafe=True).applied == (unsafe,)


def test_nothing_to_fix_is_no_edit() -> None:
    planned = plan("x = 404\n", [finding()])
    assert planned.edits == ()
    assert planned.applied == ()
    assert apply("x = 404\n", planned.edits) == "x = 404\n"


def test_apply_makes_edits_in_text_order_whatever_their_order() -> None:
    text = "ab\ncd\r\nef"
    edits = [Edit(3, 1, 3, 2, "F"), Edit.insert(1, 0, ">"), Edit(2, 0, 3, 0, "")]
    assert apply(text, edits) == ">ab\neF"


def test_a_plan_carries_the_lines_its_edits_refer_to() -> None:
    # The language server turns the edits into its own ranges with these lines.
    planned = plan("x = 404\r\ny = 1", [finding(replace(1, 4, 7, "N"))])
    assert planned.lines == ("x = 404", "y = 1")
