"""The walk of a module's scopes (analysis/bindings.py), which skips contexts and operators and
settles constants and names inline, still reaches every constant a fix may replace."""

from __future__ import annotations

import ast
from pathlib import Path

import hypothesmith
import pytest
from hypothesis import HealthCheck, assume, given, settings

from flake8_httpstatus.analysis.bindings import Bindings

FIXTURES = sorted((Path(__file__).parent / "fixtures").rglob("*.py"))


def _constants_placed(tree: ast.AST) -> None:
    placed = Bindings(tree)._where
    assert set(placed) == {id(node) for node in ast.walk(tree) if isinstance(node, ast.Constant)}


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_every_constant_of_a_fixture_has_its_scope(path: Path) -> None:
    _constants_placed(ast.parse(path.read_text(encoding="utf-8")))


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_node())
def test_every_constant_of_any_program_has_its_scope(source: str) -> None:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assume(False)
        raise AssertionError("unreachable") from None
    _constants_placed(tree)


def test_a_binding_deep_in_an_expression_is_seen() -> None:
    """A walrus inside a comprehension inside a call binds in the function around them."""
    source = "def view():\n    f([(HTTPStatus := y) for y in z])\n    return 404\n"
    tree = ast.parse(source)
    returned = tree.body[0].body[1].value  # type: ignore[attr-defined]
    why = Bindings(tree).conflict("HTTPStatus", returned, "http.HTTPStatus")
    assert why == "`HTTPStatus` is a walrus target of view() there"
