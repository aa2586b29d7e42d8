"""Comparisons and asserts: `==`, `!=`, `in` and `match` on a response's status (or a name bound
to it), and loop variables compared with it.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from flake8_httpstatus.analysis import inference
from flake8_httpstatus.analysis.context import ReturnedCompared, ReturnedUse, Scope
from flake8_httpstatus.analysis.recognizers.values import value_site
from flake8_httpstatus.analysis.sites import Where
from flake8_httpstatus.knowledge import frameworks
from flake8_httpstatus.knowledge.frameworks import Kind

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine

# Node types tested on hot paths: `isinstance` with a union builds it on every call.
_COLLECTIONS = (ast.Tuple, ast.List, ast.Set)
_EQUALITIES = frozenset({ast.Eq, ast.NotEq})
_MEMBERSHIPS = frozenset({ast.In, ast.NotIn})


def compare(engine: Engine, node: ast.Compare) -> None:
    ctx = engine.ctx
    left = node.left
    for op, right in zip(node.ops, node.comparators, strict=False):
        kind = type(op)
        if kind in _EQUALITIES:
            if ctx.is_status_expression(left):
                comparison_site(engine, left, right)
            elif ctx.is_status_expression(right):
                comparison_site(engine, right, left)
            elif (
                (ctx.scope.loops and _loop_compare(engine, left, right))
                or returned_compare(engine, left, right)
                or returned_compare(engine, right, left)
            ):
                pass
            elif type(left) is ast.Name and type(right) is ast.Constant:
                engine.collector.compared(left, right, ctx.scopes)
            elif type(right) is ast.Name and type(left) is ast.Constant:
                engine.collector.compared(right, left, ctx.scopes)
        elif kind in _MEMBERSHIPS and isinstance(right, _COLLECTIONS):
            if ctx.is_status_expression(left):
                for element in right.elts:
                    comparison_site(engine, left, element)
            elif ctx.scope.returned and returned_name(engine, left) is not None:
                for element in right.elts:
                    returned_compare(engine, left, element)
            elif type(left) is ast.Name:
                for element in right.elts:
                    engine.collector.compared(left, element, ctx.scopes)
        left = right


def comparison_site(
    engine: Engine, status: ast.expr, value: ast.expr, in_pattern: bool = False
) -> None:
    """`value` compared with `status`; a generic attribute (`.status`, `.code`) counts
    only for values in 100-599. Compared with an alias of a status, once the function's
    body shows the alias is bound only once."""
    if type(status) is ast.NamedExpr:
        status = status.value
    if type(status) is ast.Name:
        scope = engine.ctx.scope
        if scope.alias_uses is None:
            scope.alias_uses = []
        scope.alias_uses.append((status.id, value, in_pattern))
        return
    generic = isinstance(status, ast.Attribute) and status.attr not in frameworks.STATUS_ATTRIBUTES
    value_site(engine, Where.COMPARISON, value, status_range_only=generic, in_pattern=in_pattern)


def returned_name(engine: Engine, status: ast.expr) -> tuple[str, int | None, bool] | None:
    """`status_code`, `resp[0]` or `r.status` (`.code`) with the name bound to what a call
    returns (see `Scope.returned`): the name, the item read, and whether the response's
    attribute is read."""
    returned = engine.ctx.scope.returned
    if not returned:
        return None
    kind = type(status)
    if kind is ast.Name:
        name = status.id  # type: ignore[attr-defined]
        # A fixture's value is read only as a response: the parameter's own comparisons are
        # the parameter's (`collector.compared`).
        return (name, None, False) if name in returned and _called(returned[name]) else None
    owner = status.value if kind is ast.Attribute or kind is ast.Subscript else None  # type: ignore[attr-defined]
    if type(owner) is not ast.Name or owner.id not in returned:
        return None
    if kind is ast.Attribute and status.attr in frameworks.GENERIC_STATUS_ATTRIBUTES:  # type: ignore[attr-defined]
        return owner.id, None, True
    if not _called(returned[owner.id]):
        return None
    item = _item(status)
    return (owner.id, item, False) if item is not None else None


def _called(bindings: list[tuple[inference.Ref, int | None]]) -> bool:
    """Bindings not all of a fixture's value (a parameter)."""
    return any(ref[0] != "fixture" for ref, _ in bindings)


def _item(node: ast.expr) -> int | None:
    """`x[1]`: 1."""
    if type(node) is not ast.Subscript:
        return None
    index = node.slice
    return index.value if type(index) is ast.Constant and type(index.value) is int else None


def returned_compare(
    engine: Engine, status: ast.expr, value: ast.expr, in_pattern: bool = False
) -> bool:
    """`status_code == 200` with `status_code` bound to what a call returns (or `resp[0]`,
    `(200, body) == resp`, `self.get(url)[0] == 200`): kept until the project's callables
    show what they return (`assignments.returned_uses`)."""
    if (
        type(status) is ast.Attribute
        and status.attr in frameworks.GENERIC_STATUS_ATTRIBUTES
        and type(status.value) is ast.Attribute
    ):
        # `download(url).response_obj.status`: a response if the project's classes hold
        # only responses in `response_obj`.
        shown = ast.unparse(status)
        compared = ReturnedCompared("", None, True, value, in_pattern, shown)
        holder = ("attribute", status.value.attr)
        engine.returned_uses.append(
            ReturnedUse(compared, ((holder, None),), tuple(engine.ctx.scopes))
        )
        return True
    called = _called_item(engine, status)
    if called is not None:
        ref, index = called
        shown = f"{ref[-1].rpartition('.')[2]}(...)[{index}]"
        compared = ReturnedCompared("", index, False, value, in_pattern, shown)
        use = ReturnedUse(compared, ((ref, None),), tuple(engine.ctx.scopes))
        engine.returned_uses.append(use)
        return True
    found = returned_name(engine, status)
    if found is None:
        return False
    name, item, response = found
    scope = engine.ctx.scope
    if scope.returned_uses is None:
        scope.returned_uses = []
    shown = ast.unparse(status)
    if type(value) is ast.Tuple and item is None and not response:  # `(200, body) == resp`
        for index, element in enumerate(value.elts):
            shown_item = f"{name}[{index}]"
            compared = ReturnedCompared(name, index, False, element, in_pattern, shown_item)
            scope.returned_uses.append(compared)
        return True
    scope.returned_uses.append(ReturnedCompared(name, item, response, value, in_pattern, shown))
    return True


def _called_item(engine: Engine, status: ast.expr) -> tuple[inference.Ref, int] | None:
    """`self.get(url)[0]` (or `(await fetch(url))[0]`): the callable and the item."""
    item = _item(status)
    if item is None:
        return None
    call = status.value  # type: ignore[attr-defined]
    if type(call) is ast.Await:
        call = call.value
    if type(call) is not ast.Call:
        return None
    ref = engine.collector.ref(call.func, engine.ctx.imports)
    return (ref, item) if ref is not None else None


def alias_sites(engine: Engine, scope: Scope) -> None:
    """The comparisons with names bound once in the function to a response's status."""
    aliases, rebound = scope.status_aliases or {}, scope.rebound or set()
    for name, value, in_pattern in scope.alias_uses or ():
        if name not in rebound:
            comparison_site(engine, aliases[name], value, in_pattern)


def _loop_compare(engine: Engine, left: ast.expr, right: ast.expr) -> bool:
    """A loop variable compared with something: see `_loop_comparison`."""
    loops = engine.ctx.scope.loops or {}
    if type(left) is ast.Name and left.id in loops:
        _loop_comparison(engine, left, right)
    elif type(right) is ast.Name and right.id in loops:
        _loop_comparison(engine, right, left)
    else:
        return False
    return True


def _loop_comparison(engine: Engine, name: ast.Name, value: ast.expr) -> None:
    """`expected_status == 200` with `expected_status` a loop variable: a status
    comparison once the variable is compared with a response's status in the body."""
    for column in engine.ctx.scope.loops.get(name.id, ()):  # type: ignore[union-attr]
        if not column.encloses(name):
            continue
        if column.compared is not None:
            column.compared.append(value)
        elif None in column.reported:
            sink = inference.InferredSink(Kind.ASSERTION, "loop", None, parameter=name.id)
            value_site(engine, Where.COMPARISON, value, sink, status_range_only=True)


def match(engine: Engine, node: ast.Match) -> None:
    subject = node.subject
    if engine.ctx.is_status_expression(subject):
        compared = comparison_site
    elif returned_name(engine, subject) is not None:
        compared = returned_compare  # type: ignore[assignment]
    else:
        return
    patterns = [case.pattern for case in node.cases]
    while patterns:
        pattern = patterns.pop()
        if isinstance(pattern, ast.MatchValue):
            compared(engine, subject, pattern.value, in_pattern=True)
        elif isinstance(pattern, ast.MatchOr):
            patterns.extend(pattern.patterns)
        elif isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
            patterns.append(pattern.pattern)
