"""HS4xx's checks: a status given to a helper that cannot mean it (records: rules/misuse.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flake8_httpstatus.analysis.context import FileContext
from flake8_httpstatus.analysis.sites import Site, Where
from flake8_httpstatus.core.findings import Edit, Fix, RawFinding, span
from flake8_httpstatus.knowledge.frameworks import (
    REDIRECT_CODES,
    Kind,
    Sink,
)
from flake8_httpstatus.knowledge.registry import lookup
from flake8_httpstatus.rules.misuse import HS401, HS402, HS403, HS404, HS405, HS406

_ERROR_KINDS = (Kind.EXCEPTION, Kind.ABORT, Kind.ERROR_HANDLER)


def _callee(call: ast.Call | None) -> str:
    if call is None:
        return "the call"
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else ast.unparse(func)
    return f"{name}()"


def check_site(ctx: FileContext, site: Site) -> Iterator[RawFinding]:
    sink, code = site.sink, site.code
    if site.where is not Where.CALL or sink is None or code is None:
        return
    known = lookup(code) is not None
    if sink.kind in _ERROR_KINDS and not sink.any_status and known and code < 400:
        yield HS401.finding(site.expr, callee=_callee(site.call), code=code)
    if sink.kind is Kind.REDIRECT and code not in REDIRECT_CODES:
        yield HS402.finding(site.expr, callee=_callee(site.call), code=code)
    if (
        sink.fixed
        and code not in sink.fixed
        and (sink.kind is not Kind.REDIRECT or code in REDIRECT_CODES)
    ):
        own = "/".join(str(fixed) for fixed in sorted(sink.fixed))
        yield HS403.finding(site.expr, callee=_callee(site.call), code=code, own=own)
    yield from _cannot_raise(site, sink, code)
    if (
        sink.default is not None
        and code == sink.default
        and site.kind is not Kind.ASSERTION
        and not site.conditional
        and _passed_where_defaulted(site.call, site.expr, sink)
    ):
        yield HS406.finding(
            site.expr, code=code, callee=_callee(site.call), fix=_drop(site.call, site.expr)
        )


def _passed_where_defaulted(call: ast.Call | None, value: ast.expr, sink: Sink) -> bool:
    """Whether `value` fills the parameter the callee defaults, and can go: by its keyword, or
    at its position with no positional argument after it (`HTTPError(500, "msg")` would make
    the message the status)."""
    param = sink.status
    if call is None or param is None:
        return False
    keyword = next((k for k in call.keywords if k.value is value), None)
    if keyword is not None:
        return keyword.arg == param.keyword
    index = next((i for i, arg in enumerate(call.args) if arg is value), None)
    return (
        index is not None
        and index == param.position == len(call.args) - 1
        and not any(isinstance(arg, ast.Starred) for arg in call.args)
    )


def _cannot_raise(site: Site, sink: Sink, code: int) -> Iterator[RawFinding]:
    if sink.accepted is None or code in sink.accepted:
        return
    if not sink.any_status and code < 400:
        return  # HS401's
    callee = _callee(site.call)
    if sink.framework == "pyramid":
        why = f"Pyramid's status_map has no {code} (KeyError)"
    elif sink.kind is Kind.ERROR_HANDLER:
        why = f"Werkzeug has no exception for {code} (ValueError at startup)"
    else:
        why = f"Werkzeug has no exception for {code} (LookupError, a 500 is sent)"
    yield HS405.finding(site.expr, callee=callee, code=code, why=why)


def check_call(ctx: FileContext, node: ast.Call, sink: Sink) -> Iterator[RawFinding]:
    """HS404: a status at a position where the callable reads something else."""
    for trap in sink.traps:
        for index, arg in enumerate(node.args):
            if isinstance(arg, ast.Starred):
                break
            if trap.position is not None and index != trap.position:
                continue
            code = ctx.status_value(arg)[0]
            if code is None or not 100 <= code <= 599:
                continue
            keyword = sink.status.keyword if sink.status is not None else "status"
            yield HS404.finding(
                arg,
                code=code,
                callee=_callee(node),
                meaning=trap.meaning,
                keyword=keyword,
                fix=_as_keyword(node, index, sink),
            )


def _as_keyword(call: ast.Call, index: int, sink: Sink) -> Fix | None:
    """`keyword=` before the last positional argument, where the framework reads the status
    by that keyword and the call does not pass it already."""
    keyword = sink.status.keyword if sink.status is not None else None
    if keyword is None or index != len(call.args) - 1:
        return None
    if any(item.arg in (keyword, None) for item in call.keywords):
        return None  # passed already, or maybe inside **kwargs
    arg = call.args[index]
    if call.keywords and span(call.keywords[0])[0] < span(arg)[0]:
        return None  # `f(a=1, *b)`-like orders: leave them
    (line, col), _ = span(arg)
    return Fix((Edit.insert(line, col, f"{keyword}="),), f"Pass as `{keyword}=`", safe=False)


def _drop(call: ast.Call | None, value: ast.expr) -> Fix | None:
    """Remove the argument holding `value`, with the comma before it (after it, if first);
    only within one line, so that no comment is removed with it."""
    if call is None:
        return None
    items: list[ast.AST] = [*call.args, *call.keywords]
    items.sort(key=lambda item: span(item)[0])
    index = next(
        (
            i
            for i, item in enumerate(items)
            if item is value or (isinstance(item, ast.keyword) and item.value is value)
        ),
        None,
    )
    if index is None or isinstance(items[index], ast.Starred):
        return None
    start, end = span(items[index])
    if index > 0:
        start = span(items[index - 1])[1]
    elif index + 1 < len(items):
        end = span(items[index + 1])[0]
    elif isinstance(items[index], ast.expr):
        return None  # the only argument, positional: `f(200)` is rare and may be a typo
    if start[0] != end[0]:
        return None
    removed = ast.unparse(items[index])
    return Fix((Edit.delete(start, end),), f"Remove `{removed}`")
