"""HS3xx's checks: content, 1xx and required headers (records: rules/protocol.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flake8_httpstatus.analysis import flow
from flake8_httpstatus.analysis.context import FileContext, argument, keyword_value
from flake8_httpstatus.analysis.flow import FunctionFacts, ResponseState
from flake8_httpstatus.analysis.sites import Site, Where
from flake8_httpstatus.core.findings import RawFinding
from flake8_httpstatus.knowledge.frameworks import Kind
from flake8_httpstatus.knowledge.registry import StatusCode, lookup
from flake8_httpstatus.rules.protocol import (
    HEADER_CODES,
    HS301,
    HS302,
    HS303,
    HS304,
    ROUTE_NO_CONTENT,
    missing_headers,
    no_content,
)

# View tuple bodies that cannot be a response carrying headers of its own: literals and calls
# (`jsonify(...)`); a name may hold a response whose headers were set earlier.
_FRESH_BODIES = (ast.Constant, ast.JoinedStr, ast.Dict, ast.List, ast.Call)


def _label(entry: StatusCode) -> str:
    return f"{entry.code} ({entry.phrase})"


def check_site(ctx: FileContext, site: Site) -> Iterator[RawFinding]:
    yield from _content(ctx, site)
    yield from _informational(site)
    yield from _headers_of_call(ctx, site)
    yield from _headers_of_view_return(ctx, site)


def _content(ctx: FileContext, site: Site) -> Iterator[RawFinding]:
    entry = no_content(site.code)
    if entry is None:
        return
    if site.where in (Where.VIEW_RETURN, Where.DICT_KEY) and site.body is not None:
        if not flow.is_empty_body(site.body):
            variant = "view_return" if site.where is Where.VIEW_RETURN else "dict_key"
            yield HS301.finding(site.body, variant, label=_label(entry))
        return
    sink, call = site.sink, site.call
    if site.where is not Where.CALL or sink is None or call is None:
        return
    if sink.kind is not Kind.RESPONSE:
        return
    for param in sink.body:
        body = argument(call, param)
        if body is None:
            continue
        renders_none = sink.none_is_body and isinstance(body, ast.Constant) and body.value is None
        if flow.is_empty_body(body) and not renders_none:
            continue
        what = "None, which renders `null`," if renders_none else "a body"
        yield HS301.finding(body, what=what, label=_label(entry))


def _informational(site: Site) -> Iterator[RawFinding]:
    code = site.code
    # 101 is how the upgrade (WebSocket) machinery answers: not a final status misused.
    if code is None or not 100 <= code <= 199 or code == 101:
        return
    final = site.where in (Where.VIEW_RETURN, Where.ATTRIBUTE) or (
        site.where in (Where.CALL, Where.DICT_KEY) and site.kind in (Kind.RESPONSE, Kind.ROUTE)
    )
    if final:
        entry = lookup(code)
        label = _label(entry) if entry is not None else str(code)
        yield HS303.finding(site.expr, label=label)


def _header_finding(node: ast.AST, code: int, missing: list[str]) -> RawFinding:
    entry = lookup(code)
    label = _label(entry) if entry is not None else str(code)
    return HS304.finding(node, label=label, missing=" or ".join(missing))


def _view_added(ctx: FileContext) -> frozenset[str]:
    facts = ctx.facts
    return facts.added_headers if facts is not None else frozenset()


def _headers_of_view_return(ctx: FileContext, site: Site) -> Iterator[RawFinding]:
    """`return body, 401` in a Flask or Quart view: the tuple's headers are all there is."""
    if site.where is not Where.VIEW_RETURN or site.code not in HEADER_CODES:
        return
    body = site.body
    if not isinstance(body, _FRESH_BODIES):
        return  # a response made earlier may carry the header already
    if isinstance(body, ast.Call) and _may_carry_headers(body):
        return  # make_response(body, headers), Response(..., headers=...): not visible here
    present = flow.literal_header_names(site.headers)
    if present is None or site.code is None:
        return
    missing = missing_headers(site.code, present, None, _view_added(ctx))
    if missing:
        yield _header_finding(site.expr, site.code, missing)


def _may_carry_headers(call: ast.Call) -> bool:
    if any(keyword.arg in ("headers", None) for keyword in call.keywords):
        return True
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return len(call.args) > 1 and (name == "make_response" or name.endswith("Response"))


def _headers_of_call(ctx: FileContext, site: Site) -> Iterator[RawFinding]:
    sink, call = site.sink, site.call
    if site.where is not Where.CALL or sink is None or call is None or site.target is not None:
        return
    if sink.kind not in (Kind.RESPONSE, Kind.EXCEPTION) or sink.headers is None:
        return
    present = flow.literal_header_names(argument(call, sink.headers))
    if present is None or site.code is None:
        return
    if sink.kind is Kind.EXCEPTION and site.code < 400:
        return  # an exception with a non-error status is HS401's
    missing = missing_headers(site.code, present, sink, _view_added(ctx))
    if missing:
        yield _header_finding(site.expr, site.code, missing)


def check_function(ctx: FileContext, facts: FunctionFacts) -> Iterator[RawFinding]:
    for state in facts.responses.values():
        yield from _body_after_status(state)
        yield from _headers_of_state(state, facts.added_headers)
    yield from _route_declarations(ctx, facts)


def _body_after_status(state: ResponseState) -> Iterator[RawFinding]:
    entry = no_content(state.code)
    if entry is None or state.status is None:
        return
    for body in state.bodies:
        if state.status.dominates(body):
            yield HS301.finding(body.node, "after_status", key=state.key, label=_label(entry))


def _headers_of_state(state: ResponseState, view: frozenset[str]) -> Iterator[RawFinding]:
    if not state.headers_visible or state.headers_unknown or state.status is None:
        return
    if state.code is None:
        return
    missing = missing_headers(state.code, state.headers, state.sink, view)
    if missing:
        yield _header_finding(state.status.node, state.code, missing)


def _route_no_content(facts: FunctionFacts) -> StatusCode | None:
    route = facts.route
    if route is None or route.code is None:
        return None
    codes = ROUTE_NO_CONTENT.get(route.sink.framework)
    if codes is None or not (route.code in codes or 100 <= route.code <= 199):
        return None
    return lookup(route.code)


def _is_response_type(node: ast.expr) -> bool:
    text = ast.unparse(node)
    return "Response" in text or "Redirect" in text


def _route_declarations(ctx: FileContext, facts: FunctionFacts) -> Iterator[RawFinding]:
    entry = _route_no_content(facts)
    if entry is None or facts.route is None:
        return
    returns = facts.node.returns
    if returns is not None and not _is_none(returns) and not _is_response_type(returns):
        yield HS302.finding(
            returns, "return_type", label=_label(entry), returns=ast.unparse(returns)
        )
    model = keyword_value(facts.route.decorator, "response_model")
    if model is not None and not _is_none(model):
        yield HS302.finding(model, "response_model", label=_label(entry))


def check_return(ctx: FileContext, facts: FunctionFacts, node: ast.Return) -> Iterator[RawFinding]:
    entry = _route_no_content(facts)
    value = node.value
    if entry is None or value is None or _is_none(value):
        return
    if isinstance(value, ast.Call) and _is_response_type(value.func):
        return
    yield HS302.finding(value, label=_label(entry))


def _is_none(node: ast.expr) -> bool:
    return (isinstance(node, ast.Constant) and node.value is None) or (
        isinstance(node, ast.Name) and node.id == "None"
    )
