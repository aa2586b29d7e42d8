"""Returns and view tuples: `return (body, 404)` from a view, the layout of a view's tuples,
responses returned, and what a fixture returns or yields of its `request.param`.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from flake8_httpstatus.analysis import inference
from flake8_httpstatus.analysis.recognizers.calls import is_callback_tuple
from flake8_httpstatus.analysis.recognizers.values import value_site
from flake8_httpstatus.analysis.sites import Where
from flake8_httpstatus.knowledge import frameworks, receivers
from flake8_httpstatus.knowledge.frameworks import Layout

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine


def return_(engine: Engine, node: ast.Return) -> None:
    value = node.value
    if type(value) is ast.Attribute and value.attr == "param" and inference.is_param(value):
        engine.collector.param_returned_here()
    elif type(value) is ast.Subscript:
        _param_item_returned(engine, value)
    facts = engine.ctx.facts
    if facts is not None and value is not None:
        engine.collector.returned(returned_kinds(engine, value))
        call = value.value if type(value) is ast.Await else value
        if type(call) is ast.Call and (_own_method(call) or not receivers.is_request(call)):
            engine.collector.forwarded(call.func, engine.ctx.imports)
    if facts is not None and is_callback_tuple(node.value):
        engine.callback_returns.append((facts.node.name, node.value, tuple(engine.ctx.scopes)))
    if facts is not None and isinstance(node.value, ast.Call):
        engine.returned.add(id(node.value))
    if facts is not None and facts.route is not None:
        facts.returns.append(node)
        for rule in engine.rules.returns:
            engine.report(rule(engine.ctx, facts, node))
    value = node.value
    layout = engine.ctx.scope.view
    if layout is None or not isinstance(value, ast.Tuple):
        return
    elements = value.elts
    if len(elements) not in layout.sizes:
        return
    status = elements[layout.status]
    if isinstance(status, ast.Dict | ast.List | ast.Tuple | ast.Set):
        return  # (body, headers)
    body = elements[layout.body] if layout.body is not None else None
    headers = (
        elements[layout.headers]
        if layout.headers is not None and layout.headers < len(elements)
        else None
    )
    value_site(
        engine,
        Where.VIEW_RETURN,
        status,
        status_range_only=layout.range_only,
        body=body,
        headers=headers,
    )


def returned_kinds(engine: Engine, value: ast.expr) -> dict[str, str]:
    """What a returned value shows it is, whole ("") or by tuple item: "status" for a
    response's status (`res.status_code`, a name bound to one), "response" for a request's
    result or a name bound to one (`resp = await session.get(url)`). A name only called
    `response` shows nothing: the helper's callers would take its word for it."""
    if type(value) is not ast.Tuple:
        kind = _returned_kind(engine, value)
        call = value.value if type(value) is ast.Await else value
        if kind and type(call) is ast.Call and _own_method(call):
            return {inference.GUESSED: kind}  # the project's method, if it is one, says
        return {"": kind} if kind else {}
    found: dict[str, str] = {}
    for index, item in enumerate(value.elts):
        if type(item) is ast.Starred:
            break
        kind = _returned_kind(engine, item)
        if kind:
            found[str(index)] = kind
    return found


def _own_method(call: ast.Call) -> bool:
    """`self._request(...)`: the class's own method, or a base's; what the project's says it
    returns counts over its name (`Collector.forwarded`)."""
    func = call.func
    return type(func) is ast.Attribute and type(func.value) is ast.Name and func.value.id == "self"


def _returned_kind(engine: Engine, item: ast.expr) -> str:
    ctx = engine.ctx
    if type(item) is ast.Attribute or type(item) is ast.Name:
        if ctx.is_status_expression(item):
            return "status"
        if type(item) is ast.Name and item.id in ctx.responses:
            return "response"
        return ""
    return "response" if receivers.is_request(item) else ""


def yield_(engine: Engine, node: ast.Yield) -> None:
    value = node.value
    if value is not None:
        if inference.is_param(value):
            engine.collector.param_returned_here()
        elif type(value) is ast.Subscript:
            _param_item_returned(engine, value)


def _param_item_returned(engine: Engine, value: ast.Subscript) -> None:
    """`return request.param[1]`: the fixture's value is that item of its param."""
    item = value.slice
    if (
        type(item) is ast.Constant
        and type(item.value) is int
        and type(value.value) is ast.Attribute
        and inference.is_param(value.value)
    ):
        engine.collector.param_returned_here(item.value)


def view_layout(engine: Engine, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Layout | None:
    """How the function's returned tuples are laid out, if it is a view."""
    ctx = engine.ctx
    views = ctx.scope.view_class
    if views is not None and node.name in views.methods:
        return views.layout
    module_level = len(ctx.scopes) == 1
    for packages, views in frameworks.VIEWS:
        if packages.isdisjoint(ctx.packages):
            continue
        if views.module_functions and module_level:
            return views.layout
        for decorator in node.decorator_list:
            func = decorator.func if isinstance(decorator, ast.Call) else decorator
            if isinstance(func, ast.Attribute) and func.attr in views.decorators:
                return views.layout
    return None
