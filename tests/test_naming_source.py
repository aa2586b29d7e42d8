"""The constant namer given the source text: the walk of the scopes is spared where no name a
fix would write appears, and the findings (messages, fixes, their safety) stay the same."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from flake8_httpstatus.analysis import naming
from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.rules import check
from tests.expectations import load_fixture

FIXTURES = sorted((Path(__file__).parent / "fixtures").rglob("*.py"))


@pytest.mark.parametrize(
    "path", FIXTURES, ids=[str(p.relative_to(FIXTURES[0].parents[1])) for p in FIXTURES]
)
def test_the_source_changes_no_finding(path: Path) -> None:
    source = path.read_text(encoding="utf-8")
    try:
        tree = ast.parse(source)
        settings = load_fixture(path).settings
    except (SyntaxError, ValueError):
        settings = Settings()
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return
    assert check(tree, settings, str(path), None, source) == check(tree, settings, str(path))


SHADOWED = """\
from flask import abort


def view(HTTPStatus):
    abort(404)
"""

UNRELATED = """\
from flask import abort


def view(code):
    abort(404)
"""


def test_a_name_bound_in_the_source_still_blocks_the_fix() -> None:
    (finding,) = check(ast.parse(SHADOWED), Settings(), "app.py", None, SHADOWED)
    assert finding.message.endswith("use _HTTPStatus.NOT_FOUND")


def test_the_scopes_are_not_walked_when_the_name_is_not_written(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def refuse(tree: ast.AST) -> None:
        raise AssertionError("the scopes were walked")

    monkeypatch.setattr(naming, "Bindings", refuse)
    (finding,) = check(ast.parse(UNRELATED), Settings(), "app.py", None, UNRELATED)
    assert finding.fix is not None
    with pytest.raises(AssertionError, match="walked"):
        check(ast.parse(UNRELATED), Settings(), "app.py")


@pytest.mark.parametrize(
    ("source", "written"),
    [
        ("status = 1", True),
        ("x.status_code == 200", False),
        ("response_status + 1", False),
        ("r.status_code\nfrom app import status", True),
        ("xstatus = 1", False),  # a word character before it
        ("status", True),
        ("(status)", True),
        ("status2 = 3; _status = 4", False),
    ],
)
def test_a_name_is_written_only_as_a_whole_word(source: str, written: bool) -> None:
    """The word test that spares the scopes walk agrees with `\\bstatus\\b`."""
    assert naming._written_as_word("status", source) is written
    assert (re.search(r"\bstatus\b", source) is not None) is written
