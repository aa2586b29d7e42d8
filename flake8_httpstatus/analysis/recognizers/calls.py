"""Calls: framework sinks and the user's extra sinks, `functools.partial`, mapping keywords
(`responses={404: ...}`), responses created and their methods, `raise`, unittest comparisons
(`assertEqual`), `responses.add_callback`; and the route a decorator declares.
"""

from __future__ import annotations

import ast
from collections.abc import Set
from typing import TYPE_CHECKING, TypeGuard

from flake8_httpstatus.analysis import flow
from flake8_httpstatus.analysis.context import FileContext, argument
from flake8_httpstatus.analysis.flow import FunctionFacts, RouteInfo
from flake8_httpstatus.analysis.recognizers.comparisons import (
    comparison_site,
    returned_compare,
    returned_name,
)
from flake8_httpstatus.analysis.recognizers.values import value_site
from flake8_httpstatus.analysis.sites import Where
from flake8_httpstatus.knowledge import frameworks, receivers
from flake8_httpstatus.knowledge.frameworks import Kind, MethodSink, Param, Sink

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine

# The last part of every framework call's name: an `x.y.attr(...)` call whose attr is none of
# these, nor a method row's name, cannot be a framework sink (checked before its qualname).
CALL_LAST_NAMES = frozenset(name.rpartition(".")[2] for name in frameworks.CALLS)
# Method names `_response_method` acts on; any other method call sets nothing on a response.
_RESPONSE_METHODS = frozenset(
    {"set_status", *flow.HEADER_METHODS, *flow.BODY_METHODS, *flow.HEADERS_METHODS}
)
# unittest's comparisons whose second argument is a collection of values.
_MEMBERSHIP = frozenset({"assertIn", "assertNotIn"})
# Method names `call` hands to a recognizer of their own.
_SPECIAL_METHODS = frozenset({"add_callback", *frameworks.UNITTEST_COMPARISONS})
# Per method name, the packages and receiver names of all its rows: most calls of `get`,
# `post`, ... match no row (`self.client.get(...)` in Django's tests), which two set tests
# show instead of one pair per row.
_METHOD_PACKAGES = {
    name: frozenset().union(*(row.packages for row in rows))
    for name, rows in frameworks.METHODS.items()
}
_METHOD_RECEIVERS = {
    name: frozenset().union(*(row.receivers for row in rows))
    for name, rows in frameworks.METHODS.items()
}


def _narrowed_http_error(ctx: FileContext, node: ast.Call) -> None:
    """`isinstance(exc, aiohttp.ClientResponseError)`: `exc.code` is a status from here on."""
    first = node.args[0] if len(node.args) == 2 else None
    if type(first) is ast.Name and receivers.is_http_error(node.args[1], ctx.imports):
        ctx.responses.add(first.id)


def call(engine: Engine, node: ast.Call) -> None:
    func = node.func
    ctx = engine.ctx
    facts = ctx.scopes[-1].facts
    # Most calls are methods no table knows: each test below is a set lookup on the name.
    if type(func) is ast.Attribute:
        attr = func.attr
        if attr in _SPECIAL_METHODS:
            if attr == "add_callback":
                _add_callback(engine, node)
            elif attr in frameworks.UNITTEST_COMPARISONS:
                _unittest_comparison(engine, node)
        if facts is not None and attr in _RESPONSE_METHODS:
            _response_method(engine, facts, node)
        if attr == "partial":
            node = _partial(engine, node)
        elif attr not in engine.call_last_names and attr not in frameworks.METHODS:
            if node.args or node.keywords:
                engine.collector.call(node, ctx.imports, ctx.scopes)
            return
    elif type(func) is ast.Name:
        name = func.id
        if ctx.imports.get(name) == "responses.add_callback":
            _add_callback(engine, node)
        elif name == "isinstance":
            _narrowed_http_error(ctx, node)
        if facts is not None:
            facts.calls.append((name, node))
        if name == "partial":
            node = _partial(engine, node)
    sinks = _sinks_for(engine, node)
    if not sinks:
        if node.args or node.keywords:
            engine.collector.call(node, ctx.imports, ctx.scopes)
        return
    seen: set[int] = set()
    for sink in sinks:
        for param in (sink.status, *sink.also) if sink.status is not None else ():
            expr = argument(node, param)
            # Two frameworks' methods of one name may read the same argument.
            if expr is not None and id(expr) not in seen:
                seen.add(id(expr))
                if param.many and isinstance(expr, ast.List | ast.Tuple | ast.Set):
                    for element in expr.elts:
                        value_site(engine, Where.CALL, element, sink, node)
                else:
                    value_site(engine, Where.CALL, expr, sink, node)
        if facts is not None and id(node) in engine.assigned:
            _response_created(engine, facts, node, sink)
        for rule in engine.rules.calls:
            engine.report(rule(engine.ctx, node, sink))
        if sink.mappings:
            _mapping_sites(engine, node, sink, seen)


def _sinks_for(engine: Engine, node: ast.Call) -> list[Sink]:
    ctx = engine.ctx
    func = node.func
    if (
        type(func) is ast.Attribute
        and func.attr not in engine.call_last_names
        and func.attr not in frameworks.METHODS
    ):
        return []  # no framework call ends in this name, and no method row has it
    name = ctx.qualname(func)
    # A name an HTTP package defines is no other library's method (`httpx.get`), unless
    # a pytest fixture shadows the module (`def test(requests_mock): requests_mock.get`).
    imported = False
    if name is not None:
        sink = frameworks.CALLS.get(name) or _extra_sink(engine, name)
        if sink is not None:
            return [sink]
        imported = name.partition(".")[0] in frameworks.HTTP_PACKAGES
    if not isinstance(func, ast.Attribute):
        return []
    attr = func.attr
    methods = frameworks.METHODS.get(attr)
    if not methods:
        return []
    packages = engine.ctx.packages if not imported else frozenset()
    names = _receiver_names(func.value) if _METHOD_RECEIVERS[attr] else frozenset()
    if _METHOD_PACKAGES[attr].isdisjoint(packages) and _METHOD_RECEIVERS[attr].isdisjoint(names):
        return []
    return [method.sink for method in methods if _method_applies(method, packages, names)]


def _method_applies(method: MethodSink, packages: Set[str], names: Set[str]) -> bool:
    """A method row applies in files importing its library (`packages`: none for a name an
    HTTP package defines), or on a receiver named like the library's pytest fixture
    (`requests_mock.get(...)`, `httpserver.expect(...)...`: `names`, those along it)."""
    return not method.packages.isdisjoint(packages) or not method.receivers.isdisjoint(names)


def _extra_sink(engine: Engine, name: str) -> Sink | None:
    if not engine.extra_calls:
        return None
    sink = engine.extra_calls.get(name)
    if sink is None and name.startswith("."):
        relative = name.lstrip(".")
        for qualified, candidate in engine.extra_calls.items():
            if qualified.endswith("." + relative):
                return candidate
    return sink


def _partial(engine: Engine, node: ast.Call) -> ast.Call:
    """`partial(rsps.add, status=200)` passes its arguments to the callable it wraps."""
    if not node.args or engine.ctx.qualname(node.func) != "functools.partial":
        return node
    inner = ast.Call(func=node.args[0], args=node.args[1:], keywords=node.keywords)
    return ast.copy_location(inner, node)


def _mapping_sites(engine: Engine, node: ast.Call, sink: Sink, seen: set[int]) -> None:
    """Keys of `responses={404: ...}` (also `(404, "application/json")` tuple keys), and
    items of `responses=[404, 500]` (APIFlask)."""
    for keyword in node.keywords:
        if keyword.arg not in sink.mappings:
            continue
        value = keyword.value
        if isinstance(value, ast.Dict):
            keys = [_mapping_status(key) for key in value.keys if key is not None]
        elif isinstance(value, ast.List | ast.Tuple | ast.Set):
            keys = value.elts
        else:
            if type(value) is ast.Name:
                engine.collector.mapping(value.id)
            continue
        for key in keys:
            if id(key) not in seen:
                seen.add(id(key))
                value_site(engine, Where.MAPPING_KEY, key, sink, node)


def _response_created(engine: Engine, facts: FunctionFacts, node: ast.Call, sink: Sink) -> None:
    """`resp = HttpResponse(...)`: start following `resp` in this function."""
    if sink.kind not in (Kind.RESPONSE, Kind.REDIRECT, Kind.EXCEPTION):
        return
    state = facts.response(engine.assigned[id(node)])
    state.sink = sink
    expr = argument(node, sink.status) if sink.status is not None else None
    state.code = engine.ctx.status_value(expr)[0] if expr is not None else sink.default
    state.status = facts.event(expr if expr is not None else node)
    headers = argument(node, sink.headers) if sink.headers is not None else None
    names = flow.literal_header_names(headers)
    state.headers_visible = sink.headers is not None and names is not None
    state.headers |= names or set()


def _response_method(engine: Engine, facts: FunctionFacts, node: ast.Call) -> None:
    """Calls that set a response's status, headers or body: `self.set_status(204)`,
    `resp.set_header("Allow", ...)`, `resp.headers.update(...)`, `self.write(...)`."""
    func = node.func
    assert isinstance(func, ast.Attribute)  # `call` passes methods of `_RESPONSE_METHODS`
    method = func.attr
    key = flow.key_of(func.value)
    if key is not None:
        if method == "set_status" and node.args:
            state = facts.response(key)
            state.code = engine.ctx.status_value(node.args[0])[0]
            state.status = facts.event(node.args[0])
        elif method in flow.HEADER_METHODS and node.args:
            header_set(engine, facts, key, node.args[0])
        elif method in flow.BODY_METHODS and (
            node.keywords or not all(flow.is_empty_body(arg) for arg in node.args)
        ):
            facts.response(key).bodies.append(facts.event(node))
    receiver = func.value
    if (
        method in flow.HEADERS_METHODS
        and isinstance(receiver, ast.Attribute)
        and receiver.attr == "headers"
    ):
        owner = flow.key_of(receiver.value)
        if owner is not None:
            state = facts.response(owner)
            names = flow.literal_header_names(node.args[0]) if node.args else set()
            if method in {"add", "set", "setdefault", "add_header"} and node.args:
                first = node.args[0]
                names = (
                    {first.value.lower()}
                    if isinstance(first, ast.Constant) and isinstance(first.value, str)
                    else None
                )
            if names is None:
                state.headers_unknown = True
            else:
                state.headers |= names
                state.headers |= {k.arg.replace("_", "-").lower() for k in node.keywords if k.arg}


def header_set(engine: Engine, facts: FunctionFacts, key: str, name: ast.expr) -> None:
    state = facts.response(key)
    if isinstance(name, ast.Constant) and isinstance(name.value, str):
        state.headers.add(name.value.lower())
    else:
        state.headers_unknown = True


def raise_(engine: Engine, node: ast.Raise) -> None:
    if isinstance(node.exc, ast.Call):
        engine.raised.add(id(node.exc))
    facts = engine.ctx.facts
    if facts is not None and node.exc is not None:
        facts.raised_exceptions.append(node.exc)


def _unittest_comparison(engine: Engine, node: ast.Call) -> None:
    if len(node.args) < 2:
        return
    first, second = node.args[0], node.args[1]
    ctx = engine.ctx
    if ctx.is_status_expression(first):
        for candidate in _elements(second):
            comparison_site(engine, first, candidate)
    elif ctx.is_status_expression(second):
        comparison_site(engine, second, first)
    elif returned_name(engine, first) is not None or type(first) is ast.Subscript:
        # `assertIn(code, (200, 201))`, but `assertEqual(resp, (200, body))` item by item.
        membership = type(node.func) is ast.Attribute and node.func.attr in _MEMBERSHIP
        for candidate in _elements(second) if membership else [second]:
            returned_compare(engine, first, candidate)
    else:
        returned_compare(engine, second, first)


def _add_callback(engine: Engine, node: ast.Call) -> None:
    """`responses.add_callback(method, url, callback)`, or `rsps.add_callback(...)` in a
    file importing responses: the callback's name, or a lambda's returned tuple."""
    func = node.func
    if not (
        engine.ctx.qualname(func) == "responses.add_callback"
        or (
            isinstance(func, ast.Attribute)
            and func.attr == "add_callback"
            and "responses" in engine.ctx.packages
        )
    ):
        return
    callback = argument(node, Param("callback", 2))
    if isinstance(callback, ast.Name):
        engine.callbacks.add(callback.id)
    elif isinstance(callback, ast.Lambda) and is_callback_tuple(callback.body):
        value_site(engine, Where.CALL, callback.body.elts[0], frameworks.RESPONSES_CALLBACK)


def callback_sites(engine: Engine) -> None:
    """The statuses of the tuples returned by the functions passed to `add_callback`."""
    if not engine.callbacks:
        return
    ctx = engine.ctx
    outer = ctx.scopes
    for name, value, scopes in engine.callback_returns:
        if name in engine.callbacks:
            ctx.scopes = list(scopes)
            value_site(engine, Where.CALL, value.elts[0], frameworks.RESPONSES_CALLBACK)
    ctx.scopes = outer


def route_of(engine: Engine, node: ast.FunctionDef | ast.AsyncFunctionDef) -> RouteInfo | None:
    """The route a function's decorator declares, with its status, if any."""
    for decorator in node.decorator_list:
        if not isinstance(decorator, ast.Call):
            continue
        for sink in _sinks_for(engine, decorator):
            if sink.kind is not Kind.ROUTE or sink.status is None:
                continue
            expr = argument(decorator, sink.status)
            code = engine.ctx.status_value(expr)[0] if expr is not None else sink.default
            return RouteInfo(
                decorator,
                sink,
                code,
                expr if expr is not None else decorator,
            )
    return None


def is_callback_tuple(node: ast.expr | None) -> TypeGuard[ast.Tuple]:
    """`(200, {}, "")`: a literal (or constant) status, headers, body."""
    return (
        type(node) is ast.Tuple
        and len(node.elts) == 3
        and not isinstance(node.elts[0], ast.Dict | ast.List | ast.Tuple | ast.Set | ast.JoinedStr)
    )


def _mapping_status(key: ast.expr) -> ast.expr:
    """The status of a mapping key: drf-spectacular also keys by `(status, media_type)`."""
    if isinstance(key, ast.Tuple) and key.elts:
        return key.elts[0]
    return key


def _receiver_names(node: ast.expr) -> set[str]:
    """The names along a method's receiver: `self.testapp` and `httpserver.expect(...)`."""
    names: set[str] = set()
    while True:
        if isinstance(node, ast.Attribute):
            names.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Name):
            names.add(node.id)
            return names
        else:
            return names


def _elements(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return list(node.elts)
    return [node]
