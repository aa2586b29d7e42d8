"""HS1xx's checks: a status literal at a status position (records: rules/magic_numbers.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flake8_httpstatus.analysis.context import FileContext
from flake8_httpstatus.analysis.inference import InferredSink
from flake8_httpstatus.analysis.sites import Site, Where
from flake8_httpstatus.core.findings import RawFinding
from flake8_httpstatus.knowledge.frameworks import Kind, Layout
from flake8_httpstatus.knowledge.registry import lookup
from flake8_httpstatus.rules.magic_numbers import HS101, HS102, HS103, HS104, HS105

_BY_WHERE = {
    Where.VIEW_RETURN: HS102,
    Where.ATTRIBUTE: HS103,
    Where.COMPARISON: HS104,
    Where.MAPPING_KEY: HS105,
    Where.PARAMETRIZE: HS104,
}
_VARIANTS = {Where.DEFAULT: "default", Where.PARAMETRIZE: "table", Where.CALL: "helper"}
# How a name bound to a literal reaches the status position, by where it is met.
_BOUND_USES = {
    Where.VIEW_RETURN: "returned as the view's status",
    Where.ATTRIBUTE: "assigned to a status attribute",
    Where.COMPARISON: "compared with a response status",
    Where.DICT_KEY: "given as a response's status",
}


def check_site(ctx: FileContext, site: Site) -> Iterator[RawFinding]:
    if not site.literal or site.code is None:
        return
    code = site.code
    if code in ctx.settings.allow_codes or lookup(code) is None:
        return  # unknown codes are HS201's
    if site.where in (Where.CALL, Where.DEFAULT, Where.DICT_KEY):
        rule = HS104 if site.kind is Kind.ASSERTION else HS101
    else:
        rule = _BY_WHERE[site.where]
    sink = site.sink
    variant = helper = parameter = use = ""
    if site.bound:
        variant, parameter = "bound", site.bound
        use = _BOUND_USES.get(site.where, "")
        if site.where is Where.CALL and site.call is not None:
            func = site.call.func
            name = func.attr if isinstance(func, ast.Attribute) else ast.unparse(func)
            use = f"passed as the status of {name}()"
    elif isinstance(sink, InferredSink):
        variant, helper, parameter = _VARIANTS.get(site.where, ""), sink.origin, sink.parameter
        if sink.framework == "loop":
            variant = "loop" if site.where is Where.PARAMETRIZE else "loop_compared"
        elif sink.framework == "parameter":
            variant = "parameter_compared"
        elif sink.framework == "returned":
            variant = "returned_compared"
        elif sink.framework.startswith("pytest "):  # a class's or module's table, a fixture's
            variant = sink.framework.partition(" ")[2]
    yield rule.finding(
        site.expr,
        variant,
        code=code,
        helper=helper,
        parameter=parameter,
        use=use,
        suggest=code,
        spelling="dotted"
        if site.in_pattern
        else ("int" if site.where is Where.MAPPING_KEY else ""),
        kept=_kept(site, ctx.scope.view),
    )


def _kept(site: Site, view: Layout | None) -> str:
    """Why an `HTTPStatus` member in the literal's place would stay an enum object where the
    value goes, so that its repr() (and, before Python 3.11, its str()) could show; "" where
    nothing can tell it from the literal (docs/fixes.md). `view`: the layout of the view the
    site is in, if any."""
    sink = site.sink
    if site.where is Where.PARAMETRIZE:
        return "pytest shows a parameter's value in the test's id"
    if site.where is Where.COMPARISON or (sink is not None and sink.kind is Kind.ASSERTION):
        return ""  # compared: the outcome is the same
    if isinstance(sink, InferredSink):
        if site.where is Where.DEFAULT:
            return (
                f"a default shows in {sink.origin}()'s signature and goes where the parameter goes"
            )
        return f"the project's {sink.origin}() keeps the value as given"
    if sink is not None and sink.makes_int:
        return ""
    if site.where is Where.VIEW_RETURN and view is not None and view.makes_int:
        return ""
    return _KEPT.get(site.where) or (
        f"{sink.framework} is not known to make it an int"
        if sink is not None
        else "where the value goes is not known"
    )


_KEPT = {
    Where.VIEW_RETURN: "a view's returned tuple is not known to make it an int",
    Where.ATTRIBUTE: "an attribute keeps the value as given",
    Where.MAPPING_KEY: "a mapping keeps its keys as given",
    Where.DICT_KEY: "a dict keeps its values as given",
}
