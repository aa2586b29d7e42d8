"""The engine's two walks visit the same nodes in the same order: the recursive one it uses, and
the iterative one it starts over with when a tree is nested too deep to recurse into."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

import hypothesmith
import pytest
from hypothesis import HealthCheck, assume, given, settings

from flake8_httpstatus.analysis import engine, traversal
from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.rules import check

FIXTURES = sorted((Path(__file__).parent / "fixtures").rglob("*.py"))
Visit = tuple[str, int, int, str]


def _record(walk: str, tree: ast.AST) -> list[Visit]:
    """Every call a walk makes, with the node it is for."""
    seen: list[Visit] = []

    def note(event: str, node: ast.AST | None) -> None:
        where = (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))
        seen.append((event, *where, type(node).__name__))

    handlers: dict[type, traversal.Handler] = {
        kind: lambda _engine, node: note("node", node) for kind in engine._HANDLERS
    }
    walker = traversal.Walker(
        handlers,
        lambda _engine, node: note("enter", node),
        lambda _engine: note("exit", None),
    )
    getattr(walker, walk)(None, tree)
    return seen


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_both_walks_visit_a_fixture_alike(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    recursive = _record("recursive", tree)
    assert recursive == _record("iterative", tree)
    assert ("enter", 0, 0, "NoneType") not in recursive


@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_node())
def test_both_walks_visit_any_program_alike(source: str) -> None:
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assume(False)
        raise AssertionError("unreachable") from None
    assert _record("recursive", tree) == _record("iterative", tree)


def test_what_the_walk_skips() -> None:
    """Handlers meet no name, constant, context, operator or parameter node; a function's
    decorators, parameters' annotations and defaults come before its body's scope opens."""
    tree = ast.parse(
        "@route(1)\ndef view(a: Ann = dflt(), *b: Star, c=kw(), **d: Kw) -> Ret:\n"
        "    return a == b\n"
    )
    handlers: dict[type, traversal.Handler] = {}
    order: list[str] = []

    def visit(_engine: Any, node: ast.AST) -> None:
        order.append(ast.unparse(node) if isinstance(node, ast.expr) else type(node).__name__)

    visited: tuple[type, ...] = (ast.Call, ast.Compare, ast.Return, ast.Attribute, ast.Subscript)
    skipped: tuple[type, ...] = (ast.Name, ast.Constant, ast.Load, ast.Eq, ast.arg)
    for kind in visited:
        handlers[kind] = visit
    for kind in skipped:
        handlers[kind] = lambda _engine, node: order.append(f"unexpected {type(node).__name__}")
    walker = traversal.Walker(
        handlers, lambda _e, node: order.append("enter"), lambda _e: order.append("exit")
    )
    for walk in (walker.recursive, walker.iterative):
        order.clear()
        walk(None, tree)
        # `arguments` fields in their order: keyword-only defaults come before positional ones.
        assert order == ["route(1)", "kw()", "dflt()", "enter", "Return", "a == b", "exit"]


def test_a_tree_too_deep_to_recurse_into_is_checked_all_the_same() -> None:
    source = "from flask import abort\ny = " + " + ".join(["1"] * 2_500) + "\nabort(404)\n"
    tree = ast.parse(source)
    with pytest.raises(RecursionError):
        _record("recursive", tree)
    findings = check(tree, Settings(), "deep.py")
    assert [(f.line, f.code) for f in findings] == [(3, "HS101")]


_LEAVES = (ast.expr_context, ast.operator, ast.boolop, ast.unaryop, ast.cmpop)


def _as_ast_walk(body: list[ast.stmt]) -> list[ast.AST]:
    return [node for statement in body for node in ast.walk(statement)]


@pytest.mark.parametrize("path", FIXTURES, ids=lambda path: path.name)
def test_the_counting_walk_is_ast_walk_less_its_leaves(path: Path) -> None:
    """`traversal.walk` (the recognizers' counts of a body's bindings, where the order of a
    name's stores and other bindings decides) gives ast.walk's nodes in ast.walk's order."""
    body = ast.parse(path.read_text(encoding="utf-8")).body
    expected = [node for node in _as_ast_walk(body) if not isinstance(node, _LEAVES)]
    assert traversal.walk(body) == expected


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
@given(hypothesmith.from_node())
def test_the_counting_walk_is_ast_walk_on_any_program(source: str) -> None:
    try:
        body = ast.parse(source).body
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assume(False)
        raise AssertionError("unreachable") from None
    expected = [node for node in _as_ast_walk(body) if not isinstance(node, _LEAVES)]
    assert traversal.walk(body) == expected
