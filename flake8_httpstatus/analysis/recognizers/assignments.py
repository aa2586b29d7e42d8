"""Assignments and aliases: `=` and annotated `=` (requests' results, aliases of a status, names
bound only to statuses, unpacked parameters), record types (`namedtuple`, `NamedTuple`),
responses built up by assignment, status attributes and `resp["statusCode"] = ...`.
"""

from __future__ import annotations

import ast
import builtins
from collections import Counter
from typing import TYPE_CHECKING

from flake8_httpstatus.analysis import flow, inference, traversal
from flake8_httpstatus.analysis.context import (
    SEQUENCES,
    BoundUse,
    ReturnedUse,
    Scope,
    argument,
    bind,
    bind_target,
)
from flake8_httpstatus.analysis.recognizers.calls import header_set
from flake8_httpstatus.analysis.recognizers.loops import TABLES, table_bound
from flake8_httpstatus.analysis.recognizers.values import bound_use, value_site
from flake8_httpstatus.analysis.sites import Where
from flake8_httpstatus.knowledge import frameworks, receivers
from flake8_httpstatus.knowledge.frameworks import Param

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine


def assign(engine: Engine, node: ast.Assign) -> None:
    ctx = engine.ctx
    value = node.value
    if receivers.is_request(value):
        for target in node.targets:
            if type(target) is ast.Name:
                ctx.responses.add(target.id)
    # `code = response.status_code`: a first binding in a function, of a status.
    alias = node.targets[0] if len(node.targets) == 1 else None
    if not (
        type(alias) is ast.Name
        and type(value) is ast.Attribute
        and ctx.facts is not None
        and alias.id not in ctx.scope.names
        and ctx.is_status_expression(value)
    ):
        alias = None
    if len(node.targets) == 1 and type(value) in TABLES:
        table_bound(engine, node.targets[0], value)
    elif type(value) is ast.Call and len(node.targets) == 1:
        func = value.func
        if (type(func) is ast.Attribute and func.attr == "namedtuple") or (
            type(func) is ast.Name and func.id == "namedtuple"
        ):
            _namedtuple(engine, node.targets[0], value)
    if len(ctx.scopes) == 1 and type(value) is ast.Attribute:
        _module_alias(engine, node.targets, value)
    for target in node.targets:
        if type(target) is ast.Name:
            if target.id == "pytestmark" and ctx.facts is None:
                engine.collector.pytestmark(value, ctx.scopes)
            scope = ctx.scopes[-1]
            first = target.id not in scope.names
            bind(scope, target.id)
            if (
                scope.facts is not None
                and (first or scope.bound_statuses)
                and type(value) in _STATUS_VALUES
            ):
                _status_bound(engine, scope, target.id, value, first)
            if type(value) is ast.Call:  # a name holds nothing else `_response_assignment` reads
                _response_assignment(engine, target, value)
            continue
        if type(target) is ast.Subscript:
            _subscript_status(engine, target, value)
        elif type(target) is ast.Attribute:
            _status_attribute_assignment(engine, target, value)
            _held(engine, target, value)
        else:
            unpacked = items = None
            if type(target) is ast.Tuple and ctx.facts is not None:
                unpacked = _tuple_aliases(engine, target, value)
                items = _unpacked_items(engine, target, value)
            bind_target(engine.ctx.scope, target)
            if unpacked:
                for name, item in unpacked:
                    status_alias(engine, name, item)
            if items:
                scope = ctx.scope
                if scope.items is None:
                    scope.items = {}
                if scope.rebound is None:
                    scope.rebound = set()
                scope.items.update(items)
        _response_assignment(engine, target, value)
    if alias is not None:
        status_alias(engine, alias.id, value)
    if ctx.facts is not None and type(value) in _CALLS:
        _returned_binding(engine, node.targets, value)


# The values `_status_bound` and `_returned_binding` read; `assign` calls them for no other.
_STATUS_VALUES = frozenset({ast.Constant, ast.Attribute, ast.Name})
_CALLS = frozenset({ast.Call, ast.Await})


def _held(engine: Engine, target: ast.Attribute, value: ast.expr) -> None:
    """`self.response_obj = await session.get(url)`, `self.client = Client(oauth2)` in a
    method: what the class holds there (see `Collector.held`); None, a placeholder, says
    nothing."""
    if not (type(target.value) is ast.Name and target.value.id == "self"):
        return
    if type(value) is ast.Constant and value.value is None:
        return
    ctx = engine.ctx
    if receivers.is_request(value) or (type(value) is ast.Name and value.id in ctx.responses):
        kind = "response"
    elif type(value) is ast.Call:
        kind = engine.collector.made_by(value.func, ctx.imports)
    else:
        kind = "other"
    engine.collector.held(target.attr, kind)


def _annotated_holder(engine: Engine, target: ast.expr, annotation: ast.expr) -> None:
    """`client: Client` in a class's body, `self.client: Client = ...` in a method: the
    class holds an instance of the annotation's class there."""
    if type(target) is ast.Attribute and type(target.value) is ast.Name:
        if target.value.id != "self":
            return
        attr = target.attr
    elif type(target) is ast.Name and engine.ctx.scope.is_class:
        attr = target.id
    else:
        return
    named = type(annotation) is ast.Name and annotation.id not in _BUILTINS
    if receivers.names_response(annotation):
        engine.collector.held(attr, "response")
    elif named or type(annotation) is ast.Attribute:
        engine.collector.held(attr, engine.collector.made_by(annotation, engine.ctx.imports))


# `count: int` holds no project class's instance: not worth a fact.
_BUILTINS = frozenset(dir(builtins))


def _returned_binding(engine: Engine, targets: list[ast.expr], value: ast.expr) -> None:
    """`r = get_from_url(url)`, `status_code, data = self.simulate_request(...)`: the names
    bound to what a call returns, whole or by item, in case the callable turns out to return
    a response or a status there."""
    call = value.value if type(value) is ast.Await else value
    if type(call) is not ast.Call:
        return
    scope = engine.ctx.scope
    func = call.func
    ref: inference.Ref | None
    if (
        type(func) is ast.Attribute
        and type(func.value) is ast.Name
        and scope.returned
        and func.value.id in scope.returned
    ):
        # `client = Client(); result = client._request(...)`: a method of what made `client`
        # (`returned_uses` checks that nothing else binds it).
        ref = ("instance", func.value.id, func.attr)
    else:
        ref = engine.collector.ref(func, engine.ctx.imports)
    if ref is None:
        return
    for target in targets:
        if type(target) is ast.Name:
            items: list[tuple[str, int | None]] = [(target.id, None)]
        elif type(target) is ast.Tuple and not any(
            type(element) is ast.Starred for element in target.elts
        ):
            items = [
                (element.id, index)
                for index, element in enumerate(target.elts)
                if type(element) is ast.Name
            ]
        else:
            continue
        if scope.returned is None:
            scope.returned = {}
        for name, index in items:
            scope.returned.setdefault(name, []).append((ref, index))


def returned_uses(engine: Engine, scope: Scope) -> None:
    """The comparisons with names bound to calls' results, kept for when the project is
    solved if the body binds each such name only by those calls (not a parameter, a loop's
    variable, an import, another assignment), and a fixture called (`fetch` in `r = await
    fetch(...)`) is never bound in the body."""
    facts = scope.facts
    returned = scope.returned
    if facts is None or returned is None:
        return
    used = {compared.name for compared in scope.returned_uses or ()}
    used |= {
        ref[1]
        for name in used
        for ref, _ in returned.get(name, ())
        if ref[0] == "fixture()" or ref[0] == "instance"
    }
    arguments = facts.node.args
    parameters = {
        arg.arg for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
    }
    stores: Counter[str] = Counter()
    for node in traversal.walk(facts.node.body):
        kind = type(node)
        if kind is ast.Name:
            if node.id in used and type(node.ctx) is not ast.Load:  # type: ignore[attr-defined]
                stores[node.id] += 1  # type: ignore[attr-defined]
        elif kind in _OTHER_BINDINGS:
            for name in _names_bound(node):
                stores[name] = -1
    snapshot = tuple(engine.ctx.scopes)
    for compared in scope.returned_uses or ():
        bindings = returned[compared.name]
        # A parameter: bound to its fixture's value, else to what the caller passes.
        fixture = sum(1 for ref, _ in bindings if ref[0] == "fixture")
        if compared.name in parameters and not fixture:
            continue
        if stores[compared.name] != len(bindings) - fixture or any(
            stores[ref[1]] for ref, _ in bindings if ref[0] == "fixture()"
        ):
            continue
        made = _made_objects(returned, bindings, parameters, stores)
        if made is not None:
            engine.returned_uses.append(ReturnedUse(compared, tuple(made), snapshot))


def _made_objects(
    returned: dict[str, list[tuple[inference.Ref, int | None]]],
    bindings: list[tuple[inference.Ref, int | None]],
    parameters: set[str],
    stores: Counter[str],
) -> list[tuple[inference.Ref, int | None]] | None:
    """`bindings` with each method called on a local object (`("instance", "client",
    "_request")`) replaced by that method of what each binding of the object calls
    (`("constructed", "app.Client", "_request")`); None where the object is a parameter or
    also bound otherwise."""
    if all(ref[0] != "instance" for ref, _ in bindings):
        return bindings
    made: list[tuple[inference.Ref, int | None]] = []
    for ref, index in bindings:
        if ref[0] != "instance":
            made.append((ref, index))
            continue
        holder = returned[ref[1]]
        if (
            ref[1] in parameters
            or stores[ref[1]] != len(holder)
            or any(item is not None or maker[0] != "name" for maker, item in holder)
        ):
            return None
        made.extend((("constructed", maker[1], ref[2]), index) for maker, _ in holder)
    return made


def _module_alias(engine: Engine, targets: list[ast.expr], value: ast.Attribute) -> None:
    """`HTTPError = web.HTTPError` at module level: the name is the library's callable, here
    and in the modules importing it (`from app import HTTPError as HE`)."""
    ctx = engine.ctx
    qualified = ctx.qualname(value)
    if qualified in frameworks.CALLS:
        for target in targets:
            if type(target) is ast.Name:
                ctx.imports[target.id] = qualified
                engine.collector.imported(target.id, qualified)


def ann_assign(engine: Engine, node: ast.AnnAssign) -> None:
    if node.value is not None and type(node.value) in TABLES:
        table_bound(engine, node.target, node.value)
    scope = engine.ctx.scope
    target = node.target
    first = type(target) is ast.Name and target.id not in scope.names
    bind_target(engine.ctx.scope, target)
    if (
        type(target) is ast.Name
        and node.value is not None
        and scope.facts is not None
        and (first or scope.bound_statuses)
    ):
        _status_bound(engine, scope, target.id, node.value, first)
    if type(node.target) is ast.Name and receivers.names_response(node.annotation):
        engine.ctx.responses.add(node.target.id)
    if node.value is not None:
        _status_attribute_assignment(engine, node.target, node.value)
    _annotated_holder(engine, node.target, node.annotation)


def _namedtuple(engine: Engine, target: ast.expr, value: ast.Call) -> None:
    """`R = collections.namedtuple("R", ["status_code", "body"])` (or `"status_code
    body"`): `R` takes its status by the field's position and keyword."""
    if type(target) is not ast.Name or engine.ctx.qualname(value.func) != (
        "collections.namedtuple"
    ):
        return
    names = argument(value, Param("field_names", 1))
    if type(names) is ast.Constant and type(names.value) is str:
        fields = names.value.replace(",", " ").split()
    elif isinstance(names, SEQUENCES) and all(
        type(item) is ast.Constant and type(item.value) is str for item in names.elts
    ):
        fields = [item.value for item in names.elts]  # type: ignore[attr-defined]
    else:
        return
    _record_fields(engine, target.id, fields)


def _record_fields(engine: Engine, name: str | None, fields: list[str]) -> None:
    """A record type's fields; those named as status attributes are status parameters."""
    http_file = engine.ctx.http_file
    status = {
        field_name: field_name not in frameworks.STATUS_ATTRIBUTES
        for field_name in fields
        if field_name in frameworks.STATUS_ATTRIBUTES or (field_name == "status" and http_file)
    }
    if status and len(set(fields)) == len(fields):
        engine.collector.record_fields(name, fields, status)


def named_tuple_class(engine: Engine, node: ast.ClassDef) -> None:
    """`class R(typing.NamedTuple): status_code: int`: its fields, in order."""
    fields = [
        statement.target.id
        for statement in node.body
        if type(statement) is ast.AnnAssign and type(statement.target) is ast.Name
    ]
    _record_fields(engine, None, fields)


def _status_bound(engine: Engine, scope: Scope, name: str, value: ast.expr, first: bool) -> None:
    """`status_code = 200` (or `= HTTPStatus.OK`) in a function: the name's first binding
    starts following it; a later one, already counted by `bind`, is recorded as that
    value."""
    if type(value) is ast.Constant:
        code = value.value
        if type(code) is not int or not 100 <= code <= 599:
            return
    elif type(value) is ast.Attribute or type(value) is ast.Name:
        if engine.ctx.status_value(value)[0] is None:
            return
    else:
        return
    if first:
        if scope.bound_statuses is None:
            scope.bound_statuses = {}
        scope.bound_statuses[name] = [value]
    else:
        values = scope.bound_statuses.get(name) if scope.bound_statuses else None
        if values is not None and values[-1] is None:
            values[-1] = value


def bound_sites(engine: Engine, scope: Scope) -> None:
    """The literals bound to a name in the function, when every binding of the name is a
    status and every use of it is at a status position: each literal is a status there."""
    bound = scope.bound_statuses or {}
    uses: dict[str, list[BoundUse]] = {}
    for use in scope.bound_uses or ():
        name = use.name.id
        if None not in bound[name] and all(use.name is not u.name for u in uses.get(name, ())):
            uses.setdefault(name, []).append(use)
    if not uses or scope.facts is None:
        return
    # Rare (a name bound only to statuses, met at a status position): count the name's
    # reads and assignments in the body, once, to see that no other use
    # (`range(status_code)`, arithmetic, a nested function's) shares it, and no binding the
    # walk does not follow (a `case` capture, an import, `global`, `nonlocal`) replaces it.
    reads: Counter[str] = Counter()
    stores: Counter[str] = Counter()
    for node in traversal.walk(scope.facts.node.body):
        kind = type(node)
        if kind is ast.Name:
            name = node.id  # type: ignore[attr-defined]
            if name in uses:
                if type(node.ctx) is ast.Load:  # type: ignore[attr-defined]
                    reads[name] += 1
                else:
                    stores[name] += 1
        elif kind in _OTHER_BINDINGS:
            for name in _names_bound(node):
                reads[name] = -1
    for name, name_uses in uses.items():
        if reads[name] != len(name_uses) or stores[name] != len(bound[name]):
            continue
        use = name_uses[0]
        for value in bound[name]:
            value_site(
                engine,
                use.where,
                value,  # type: ignore[arg-type]
                use.sink,
                use.call,
                use.range_only,
                conditional=True,
                bound=name,
            )


def status_alias(engine: Engine, name: str, value: ast.expr) -> None:
    scope = engine.ctx.scope
    if scope.status_aliases is None:
        scope.status_aliases, scope.rebound = {}, set()
    scope.status_aliases[name] = value


def _unpacked_items(
    engine: Engine, target: ast.Tuple, value: ast.expr
) -> dict[str, tuple[str, int]]:
    """`path, expected = case` with `case` a parameter, or `= request.param` in a fixture:
    each name bound for the first time (once in the target), with the item it takes."""
    if type(value) is ast.Name:
        source = value.id
    elif type(value) is ast.Attribute and inference.is_param(value):
        source = inference.PARAM
    else:
        return {}
    elements = target.elts
    if any(type(element) is ast.Starred for element in elements):
        return {}
    names = [element.id for element in elements if type(element) is ast.Name]
    if len(set(names)) != len(names) or source in names:
        return {}
    bound = engine.ctx.scope.names
    return {
        element.id: (source, index)
        for index, element in enumerate(elements)
        if type(element) is ast.Name and element.id not in bound
    }


def _tuple_aliases(
    engine: Engine, target: ast.Tuple, value: ast.expr
) -> list[tuple[str, ast.expr]]:
    """`code, body = r.status_code, r.json()` in a function: the names bound (for the first
    time, once in the target) to a response's status."""
    if type(value) is not ast.Tuple or len(value.elts) != len(target.elts):
        return []
    if any(type(item) is ast.Starred for item in value.elts):
        return []
    names = [element.id for element in target.elts if type(element) is ast.Name]
    if len(set(names)) != len(names):
        return []
    ctx = engine.ctx
    bound = ctx.scope.names
    return [
        (element.id, item)
        for element, item in zip(target.elts, value.elts, strict=True)
        if type(element) is ast.Name
        and type(item) is ast.Attribute
        and element.id not in bound
        and ctx.is_status_expression(item)
    ]


def _response_assignment(engine: Engine, target: ast.expr, value: ast.expr) -> None:
    """`resp = Response(...)`, `resp.status_code = 204`, `resp.text = ...`,
    `resp["Allow"] = ...`, `resp.headers["Allow"] = ...`, `resp.allow = [...]`."""
    facts = engine.ctx.facts
    if facts is None:
        return
    if isinstance(value, ast.Call):
        key = flow.key_of(target)
        if key is not None:
            engine.assigned[id(value)] = key
            facts.responses.pop(key, None)  # a new object under that name
    if isinstance(target, ast.Subscript):
        owner = target.value
        if isinstance(owner, ast.Attribute) and owner.attr == "headers":
            owner = owner.value
        key = flow.key_of(owner)
        if key is not None:
            header_set(engine, facts, key, target.slice)
        return
    if not isinstance(target, ast.Attribute):
        return
    key = flow.key_of(target.value)
    if key is None:
        return
    attr = target.attr
    if attr in frameworks.STATUS_ATTRIBUTES or attr == "status":
        code = engine.ctx.status_value(value)[0]
        if code is not None:
            state = facts.response(key)
            state.code = code
            state.status = facts.event(value)
    elif attr in flow.BODY_ATTRIBUTES:
        if not flow.is_empty_body(value):
            facts.response(key).bodies.append(facts.event(target))
    elif attr in flow.HEADER_ATTRIBUTES:
        facts.response(key).headers.add(flow.HEADER_ATTRIBUTES[attr])
    elif attr == "headers":
        state = facts.response(key)
        names = flow.literal_header_names(value)
        if names is None:
            state.headers_unknown = True
        else:
            state.headers |= names


def _subscript_status(engine: Engine, target: ast.Subscript, value: ast.expr) -> None:
    """`resp["statusCode"] = 404`."""
    key = target.slice
    if type(key) is not ast.Constant or type(key.value) is not str:
        return
    for row, packages in frameworks.DICT_KEYS.get(key.value, ()):
        if row.requires is None and (not packages or not packages.isdisjoint(engine.ctx.packages)):
            value_site(engine, Where.DICT_KEY, value, row.sink)
            return


def _status_attribute_assignment(engine: Engine, target: ast.expr, value: ast.expr) -> None:
    if not isinstance(target, ast.Attribute):
        return
    if type(value) is ast.Name:
        engine.collector.attribute_assigned(target, value)
        scope = engine.ctx.scope
        if scope.bound_statuses is not None and value.id in scope.bound_statuses:
            attr = target.attr
            if attr in frameworks.STATUS_ATTRIBUTES:
                bound_use(engine, scope, BoundUse(value, Where.ATTRIBUTE, None, None, False))
            elif attr == "status" and engine.ctx.http_file:
                bound_use(engine, scope, BoundUse(value, Where.ATTRIBUTE, None, None, True))
        return
    if target.attr in frameworks.STATUS_ATTRIBUTES:
        value_site(engine, Where.ATTRIBUTE, value)
    elif target.attr == "status" and engine.ctx.http_file:
        value_site(engine, Where.ATTRIBUTE, value, status_range_only=True)


def item_sites(engine: Engine, scope: Scope) -> None:
    """The parameters' items, unpacked to names bound only once, that reach a status."""
    items, rebound = scope.items or {}, scope.rebound or set()
    for name, kind, range_only in scope.item_uses or ():
        if name not in rebound:
            source, index = items[name]
            engine.collector.reached(source, kind, range_only, index)


# Statements and patterns that bind names other than as an `ast.Name` target.
_OTHER_BINDINGS = frozenset(
    {
        ast.Global,
        ast.Nonlocal,
        ast.Import,
        ast.ImportFrom,
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.ClassDef,
        ast.ExceptHandler,
        ast.MatchAs,
        ast.MatchStar,
        ast.MatchMapping,
    }
)


def _names_bound(node: ast.AST) -> list[str]:
    """The names a node of `_OTHER_BINDINGS` binds."""
    if isinstance(node, ast.Global | ast.Nonlocal):
        return node.names
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [(alias.asname or alias.name).partition(".")[0] for alias in node.names]
    if isinstance(node, ast.MatchMapping):
        return [node.rest] if node.rest else []
    name = getattr(node, "name", None)
    return [name] if isinstance(name, str) else []
