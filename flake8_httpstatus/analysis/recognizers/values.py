"""Values at status positions, where every recognizer ends: `value_site` makes the expression
a `Site` for the rules, and follows a name there (a parameter the function passes on, a loop's
variable, a name bound only to statuses).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from flake8_httpstatus.analysis import inference
from flake8_httpstatus.analysis.context import BoundUse, Scope
from flake8_httpstatus.analysis.sites import Site, Where
from flake8_httpstatus.knowledge import frameworks
from flake8_httpstatus.knowledge.frameworks import Kind, Sink
from flake8_httpstatus.knowledge.registry import lookup

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine


def value_site(
    engine: Engine,
    where: Where,
    expr: ast.expr,
    sink: Sink | None = None,
    call: ast.Call | None = None,
    status_range_only: bool = False,
    body: ast.expr | None = None,
    in_pattern: bool = False,
    headers: ast.expr | None = None,
    conditional: bool = False,
    bound: str = "",
) -> None:
    if type(expr) is ast.Name:
        scope = engine.ctx.scope
        if scope.bound_statuses is not None and expr.id in scope.bound_statuses:
            bound_use(engine, scope, BoundUse(expr, where, sink, call, status_range_only))
    if (
        type(expr) is ast.Name
        or type(expr) is ast.Subscript
        or (type(expr) is ast.Attribute and inference.is_param(expr))
    ):
        _parameter_reached(engine, where, expr, sink, status_range_only)
    elif type(expr) is ast.IfExp:  # `302 if debug else 301`: both are statuses
        for branch in (expr.body, expr.orelse):
            value_site(
                engine,
                where,
                branch,
                sink,
                call,
                status_range_only,
                body,
                in_pattern,
                headers,
                True,
            )
        return
    code, literal = engine.ctx.status_value(expr)
    if code is None and not literal:
        return
    if sink is not None and sink.range_only:
        status_range_only = True
    if status_range_only and (code is None or not 100 <= code <= 599):
        return
    if where is Where.COMPARISON and _client_code(engine, code):
        return
    target = raised = None
    if call is not None:
        target = engine.assigned.get(id(call))
        raised = id(call) in engine.raised
    site = Site(
        where,
        expr,
        code,
        literal,
        sink,
        call,
        target,
        bool(raised),
        body,
        in_pattern,
        headers,
        conditional,
        bound,
    )
    facts = engine.ctx.facts
    if bound:
        pass  # one of the values a name may hold: the function's flow does not follow it
    elif facts is not None and site.raised and site.kind is Kind.EXCEPTION:
        facts.raised.append(site)
    elif facts is not None and call is not None and id(call) in engine.returned:
        facts.returned.append(site)
    engine.site(site)


def _parameter_reached(
    engine: Engine,
    where: Where,
    expr: ast.Name | ast.Subscript | ast.Attribute,
    sink: Sink | None,
    range_only: bool,
) -> None:
    """A name at a status position: if it is a parameter, its function passes it on;
    `row[1]` for a parameter that a pytest table fills with rows; a fixture's
    `request.param`."""
    index = None
    if isinstance(expr, ast.Attribute):
        name = inference.PARAM
    elif isinstance(expr, ast.Subscript):
        item, owner = expr.slice, expr.value
        if not (isinstance(item, ast.Constant) and type(item.value) is int):
            return
        if isinstance(owner, ast.Name):
            name = owner.id
        elif isinstance(owner, ast.Attribute) and inference.is_param(owner):
            name = inference.PARAM  # `request.param[1]`
        else:
            return
        index = item.value
    else:
        name = expr.id
    if (where is Where.CALL or where is Where.DICT_KEY) and sink is not None:
        kind = sink.kind
    elif where is Where.COMPARISON:
        kind = Kind.ASSERTION
    elif where is Where.VIEW_RETURN:
        kind = Kind.RESPONSE
    else:
        return  # attributes: see Collector.attribute_assigned
    scope = engine.ctx.scope
    if index is None and scope.items is not None and name in scope.items:
        if scope.item_uses is None:
            scope.item_uses = []
        scope.item_uses.append((name, kind, range_only))  # see `assignments.item_sites`
    else:
        engine.collector.reached(name, kind, range_only, index)
    loops = scope.loops
    if loops is not None and kind is Kind.ASSERTION and name in loops:
        _loop_sites(engine, loops[name], expr, index)


def _loop_sites(
    engine: Engine, columns: list[inference.LoopColumn], expr: ast.expr, index: int | None
) -> None:
    """A loop variable compared with a response's status, inside the loop's body: the
    int literals of its column of the table are statuses (reported once)."""
    for column in columns:
        if not column.encloses(expr) or index in column.reported:
            continue
        column.reported.add(index)
        sink = inference.InferredSink(Kind.ASSERTION, "loop", None, parameter=column.name)
        if index is None:
            for value in column.compared or ():
                value_site(engine, Where.COMPARISON, value, sink, status_range_only=True)
            column.compared = None
        for value in inference.table_values(column.cells, index):
            if id(value) in engine.tabled:
                continue  # a module's table, looped over again in another function
            engine.tabled.add(id(value))
            code = engine.ctx.status_value(value)[0]
            if code is not None and lookup(code) is not None:
                value_site(engine, Where.PARAMETRIZE, value, sink)


def bound_use(engine: Engine, scope: Scope, use: BoundUse) -> None:
    if scope.bound_uses is None:
        scope.bound_uses = []
    scope.bound_uses.append(use)


def _client_code(engine: Engine, code: int | None) -> bool:
    """Whether `code` is one a client library of this file invents (Tornado's 599)."""
    return any(
        code in codes
        for package, codes in frameworks.CLIENT_CODES.items()
        if package in engine.ctx.packages
    )
