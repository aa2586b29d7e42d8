"""Loops and tables: `for` over a literal table whose column reaches a status comparison, the
tables themselves, and after the walk the sites inferred from the project's own sinks
(arguments, defaults, pytest tables).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from flake8_httpstatus.analysis import inference
from flake8_httpstatus.analysis.context import ReturnedUse, argument, bind_target
from flake8_httpstatus.analysis.recognizers.values import value_site
from flake8_httpstatus.analysis.sites import Where
from flake8_httpstatus.knowledge.frameworks import Kind
from flake8_httpstatus.knowledge.registry import lookup

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine

# Literal tables a loop may iterate over.
TABLES = frozenset({ast.List, ast.Tuple, ast.Set, ast.Dict})
# pytest tables whose messages name the test that reads them (not a class or a fixture).
_TEST_TABLES = frozenset({"function", "module"})


def for_(engine: Engine, node: ast.For | ast.AsyncFor) -> None:
    bind_target(engine.ctx.scope, node.target)
    if engine.ctx.facts is not None and node.body:
        _loop_table(engine, node)


def _loop_table(engine: Engine, node: ast.For | ast.AsyncFor) -> None:
    """`for url, expected in [("/a", 200), ...]` (or over `enumerate(...)`, a dict's
    `.items()`, a name or `self.` class attribute bound once to such a literal): the cells
    each loop variable takes, in case it reaches a status comparison in the body."""
    target, rows = node.target, node.iter
    if (
        type(rows) is ast.Call
        and type(rows.func) is ast.Name
        and rows.func.id == "enumerate"
        and len(rows.args) == 1
        and type(target) is ast.Tuple
        and len(target.elts) == 2
    ):
        target, rows = target.elts[1], rows.args[0]
    items = False
    if type(rows) is ast.Call and type(rows.func) is ast.Attribute and not rows.args:
        items = rows.func.attr == "items"
        if not items:
            return
        rows = rows.func.value
    table = _literal(engine, rows)
    if table is None or (type(table) is ast.Dict) is not items:
        return
    columns = inference.loop_columns(target, table, node)
    if columns:
        scope = engine.ctx.scope
        if scope.loops is None:
            scope.loops = {}
        for name, column in columns.items():
            scope.loops.setdefault(name, []).append(column)


def _literal(engine: Engine, node: ast.expr) -> ast.expr | None:
    """The literal table a name or `self.attribute` was bound to once, if any."""
    scopes = engine.ctx.scopes
    if type(node) is ast.Name:
        for scope in (scopes[-1], scopes[0]):
            if scope.literals is not None and node.id in scope.literals:
                return scope.literals[node.id]
        return None
    if type(node) is ast.Attribute and type(node.value) is ast.Name and node.value.id == "self":
        for scope in reversed(scopes):
            if scope.is_class:
                return (scope.literals or {}).get(node.attr)
        return None
    return node if type(node) in TABLES else None


def table_bound(engine: Engine, target: ast.expr, value: ast.expr) -> None:
    """`cases = [...]`: a first binding of a name to a literal table."""
    if type(target) is ast.Name and type(value) in TABLES:
        scope = engine.ctx.scope
        if target.id not in scope.names:
            if scope.literals is None:
                scope.literals = {}
            scope.literals[target.id] = value


def _returned_site(
    engine: Engine,
    solver: inference.Solver,
    use: ReturnedUse,
    fixtures: dict[str, inference.CallableFacts | None],
) -> None:
    """A comparison with what callables return: a status comparison when each binding's
    callable returns a status (or, for a `.status`, a response) at the item read; a fixture
    is the one pytest gives the file (`fixtures`)."""
    compared = use.compared
    wanted = "response" if compared.response else "status"
    labels = []
    for ref, index in use.bindings:
        if index is not None and compared.item is not None:
            return  # an item of an item: not followed
        where = index if index is not None else compared.item
        if solver.returns_of(ref, fixtures).get("" if where is None else str(where)) != wanted:
            return
        labels.append(ref[-1].rpartition(".")[2])
    engine.ctx.scopes = list(use.scopes)
    value, in_pattern = compared.value, compared.in_pattern
    if compared.response:
        value_site(engine, Where.COMPARISON, value, status_range_only=True, in_pattern=in_pattern)
        return
    sink = inference.InferredSink(
        Kind.ASSERTION, "returned", None, origin=labels[0], parameter=compared.shown
    )
    value_site(engine, Where.COMPARISON, value, sink, status_range_only=True, in_pattern=in_pattern)


def inferred_sites(engine: Engine) -> None:
    """The status literals passed to, defaulted in, or tabled for the project's own
    callables that pass a parameter on to a status position."""
    collector = engine.collector
    if not (
        collector.candidates
        or collector.defaults
        or collector.tables
        or collector.comparisons
        or engine.returned_uses
    ):
        return
    if engine.project is not None:
        solver = engine.project.solver(collector.facts)
    else:
        solver = inference.Solver([collector.facts])
    ctx = engine.ctx
    outer = ctx.scopes
    for candidate in collector.candidates:
        ctx.scopes = list(candidate.scopes)  # type: ignore[arg-type]
        call = candidate.call
        for sink in solver.sinks_of(candidate.ref):
            range_only = isinstance(sink, inference.InferredSink) and sink.range_only
            if sink.status is not None:
                expr = argument(call, sink.status)
                if type(expr) is ast.Constant or type(expr) is ast.IfExp:
                    value_site(engine, Where.CALL, expr, sink, call, range_only)
            for keyword in call.keywords:
                if keyword.arg in sink.mappings and isinstance(keyword.value, ast.Dict):
                    for key in keyword.value.keys:
                        if key is not None:
                            value_site(engine, Where.MAPPING_KEY, key, sink, call)
    for default in collector.defaults:
        ctx.scopes = list(default.scopes)  # type: ignore[arg-type]
        for sink in solver.sinks_of(("name", default.key)):
            if isinstance(sink, inference.InferredSink) and sink.parameter == default.param:
                value_site(engine, Where.DEFAULT, default.expr, sink, None, sink.range_only)
    for comparison in collector.comparisons:
        facts = solver.callables.get(comparison.key)
        if facts is not None and comparison.param in facts.reaches:
            ctx.scopes = list(comparison.scopes)  # type: ignore[arg-type]
            sink = inference.InferredSink(
                Kind.ASSERTION,
                "parameter",
                None,
                origin=facts.label,
                parameter=comparison.param,
            )
            value_site(engine, Where.COMPARISON, comparison.expr, sink, status_range_only=True)
    if engine.returned_uses:
        fixtures = solver.visible_fixtures(collector.facts, engine.filename)
        for use in engine.returned_uses:
            _returned_site(engine, solver, use, fixtures)
    seen: set[int] = set()
    for table in collector.tables:
        ctx.scopes = list(table.scopes)  # type: ignore[arg-type]
        readers = solver.table_readers(
            table, collector.facts.callables, collector.prefix, collector.param_returned
        )
        returned = collector.param_returned.get(table.key)
        for facts, renamed, label in readers:
            for name, cells in table.values.items():
                for reach in facts.reaches:
                    index = inference.table_index(reach, renamed or name)
                    if index is False:
                        continue
                    if renamed and returned is not None:  # the fixture returns an item
                        if index is not None:
                            continue
                        index = returned
                    sink = inference.InferredSink(
                        Kind.ASSERTION,
                        "pytest" if table.kind == "function" else f"pytest {table.kind}",
                        None,
                        origin=label if table.kind in _TEST_TABLES else table.label,
                        parameter=reach
                        if table.kind != "fixture"
                        else (f"{reach}` in `{label}()" if renamed else reach),
                    )
                    for value in inference.table_values(cells, index):
                        code = ctx.status_value(value)[0]
                        if code is not None and lookup(code) is not None and id(value) not in seen:
                            seen.add(id(value))
                            value_site(engine, Where.PARAMETRIZE, value, sink)
    ctx.scopes = outer
