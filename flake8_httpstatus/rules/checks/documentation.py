"""HS5xx's per-file check: routes whose documented responses leave a raised status out (records: rules/documentation.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from flake8_httpstatus.analysis.context import FileContext, keyword_value
from flake8_httpstatus.analysis.flow import FunctionFacts
from flake8_httpstatus.core.findings import Edit, Fix, RawFinding
from flake8_httpstatus.knowledge.frameworks import Kind
from flake8_httpstatus.knowledge.openapi import (
    BY_FRAMEWORK,
    DOCUMENTATIONS,
    EXCEPTION_ARGUMENT,
    EXCEPTION_STATUS,
    Documentation,
)
from flake8_httpstatus.knowledge.registry import lookup
from flake8_httpstatus.rules.documentation import HS501


@dataclass
class Documented:
    """The statuses a route's schema lists: codes, whole classes, or everything ("default")."""

    codes: set[int] = field(default_factory=set)
    classes: set[int] = field(default_factory=set)
    everything: bool = False

    def covers(self, code: int) -> bool:
        return self.everything or code in self.codes or code // 100 in self.classes

    def add(self, other: Documented) -> None:
        self.codes |= other.codes
        self.classes |= other.classes
        self.everything = self.everything or other.everything


class _Unknown(Exception):
    """What the schema says cannot be read from the code: the route stays silent."""


class _Hidden(Exception):
    """The route is not in the schema at all."""


@dataclass
class _Layer:
    """A router or application made in this file, or a name bound to something else."""

    documentation: Documentation | None
    call: ast.Call | None


@dataclass
class _Module:
    """What the file says about layers: routers and apps by name, the calls that include a
    router in another layer, Litestar handlers kept out of the schema, controllers' methods."""

    layers: dict[str, _Layer] = field(default_factory=dict)
    includes: dict[str, list[tuple[str | None, ast.Call]]] = field(default_factory=dict)
    hidden_handlers: set[str] = field(default_factory=set)
    owner: dict[int, ast.ClassDef] = field(default_factory=dict)
    # Module-level names bound once to a string (`RESPONSES_KEY = "responses"`); None when
    # bound to anything else or more than once.
    strings: dict[str, str | None] = field(default_factory=dict)


def check_module(ctx: FileContext) -> Iterator[RawFinding]:
    if ctx.tree is None or all(doc.package not in ctx.packages for doc in DOCUMENTATIONS):
        return
    if not any(_may_be_route(ctx, facts) for facts in ctx.all_functions):
        return
    module = _scan(ctx, ctx.tree)
    for facts in ctx.all_functions:
        try:
            found = _documented(ctx, module, facts)
        except (_Unknown, _Hidden):
            continue
        if found is not None:
            yield from _undocumented(ctx, facts, *found)


def _may_be_route(ctx: FileContext, facts: FunctionFacts) -> bool:
    """Before reading the file's layers: a route sink's decorator, or one `_route` may take."""
    route = facts.route
    if route is not None and route.sink.framework in BY_FRAMEWORK:
        return True
    for decorator in facts.node.decorator_list:
        if not isinstance(decorator, ast.Call):
            continue
        func = decorator.func
        if isinstance(func, ast.Attribute) and any(
            func.attr in doc.methods for doc in DOCUMENTATIONS
        ):
            return True
        name = ctx.qualname(func)
        if any(name in doc.decorators for doc in DOCUMENTATIONS):
            return True
    return False


# -- what the file says about layers -----------------------------------------------------------
def _scan(ctx: FileContext, tree: ast.AST) -> _Module:
    """Statements only (module, class and function bodies), never expressions: cheap."""
    module = _Module()
    bound: dict[str, int] = {}
    stack = list(getattr(tree, "body", ()))
    while stack:
        node = stack.pop()
        if isinstance(node, ast.ClassDef):
            for item in node.body:
                if isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
                    module.owner[id(item)] = node
            stack.extend(node.body)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            stack.extend(node.body)
        elif isinstance(node, ast.If | ast.With | ast.AsyncWith | ast.Try | ast.For):
            stack.extend(node.body)
            stack.extend(getattr(node, "orelse", ()))
            stack.extend(getattr(node, "finalbody", ()))
            for handler in getattr(node, "handlers", ()):
                stack.extend(handler.body)
        elif isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            for target in targets:
                if isinstance(target, ast.Name) and node.value is not None:
                    bound[target.id] = bound.get(target.id, 0) + 1
                    module.layers[target.id] = _layer(ctx, module, node.value)
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            _include(ctx, module, node.value)
    for name, count in bound.items():
        if count > 1:  # rebound: which binding a decorator sees is not worth guessing
            module.layers[name] = _Layer(None, None)
    for statement in getattr(tree, "body", ()):
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
            if isinstance(target, ast.Name):
                text = value.value if isinstance(value, ast.Constant) else None
                once = target.id not in module.strings and bound.get(target.id) == 1
                module.strings[target.id] = text if isinstance(text, str) and once else None
    return module


def _layer(ctx: FileContext, module: _Module, value: ast.expr) -> _Layer:
    if isinstance(value, ast.Call):
        name = ctx.qualname(value.func)
        for doc in DOCUMENTATIONS:
            if name in doc.layers:
                _hide_handlers(ctx, module, doc, value)
                return _Layer(doc, value)
        _include(ctx, module, value)
    return _Layer(None, None)


def _include(ctx: FileContext, module: _Module, call: ast.Call) -> None:
    """`parent.include_router(child, responses=..., include_in_schema=...)`."""
    func = call.func
    if not isinstance(func, ast.Attribute) or not call.args:
        return
    if not any(func.attr == doc.include for doc in DOCUMENTATIONS):
        return
    child = call.args[0]
    if isinstance(child, ast.Name):
        parent = func.value.id if isinstance(func.value, ast.Name) else None
        module.includes.setdefault(child.id, []).append((parent, call))


def _hide_handlers(ctx: FileContext, module: _Module, doc: Documentation, call: ast.Call) -> None:
    """Litestar: `Router(route_handlers=[...], include_in_schema=False)` hides its handlers, and
    so does `Litestar(route_handlers=[...], openapi_config=None)`."""
    if doc.route_handlers is None or doc.hidden is None:
        return
    hidden = keyword_value(call, doc.hidden)
    handlers = keyword_value(call, doc.route_handlers)
    if not isinstance(handlers, ast.List | ast.Tuple):
        return
    if hidden is None or (isinstance(hidden, ast.Constant) and hidden.value is True):
        try:
            _serves_schema(ctx, doc, call)
            return
        except (_Hidden, _Unknown):
            pass
    for handler in handlers.elts:  # hidden, or unreadable: either way not reported
        if isinstance(handler, ast.Name):
            module.hidden_handlers.add(handler.id)


# -- what a route's schema documents -----------------------------------------------------------
def _route(
    ctx: FileContext, module: _Module, facts: FunctionFacts
) -> tuple[Documentation, ast.Call] | None:
    route = facts.route
    if route is not None and route.sink.framework in BY_FRAMEWORK:
        return BY_FRAMEWORK[route.sink.framework], route.decorator
    for decorator in facts.node.decorator_list:
        if not isinstance(decorator, ast.Call):
            continue
        name = ctx.qualname(decorator.func)
        for doc in DOCUMENTATIONS:
            if name in doc.decorators:
                return doc, decorator
            func = decorator.func
            if (
                doc.methods
                and isinstance(func, ast.Attribute)
                and func.attr in doc.methods
                and isinstance(func.value, ast.Name)
            ):
                layer = module.layers.get(func.value.id)
                if layer is not None and layer.documentation is doc:
                    return doc, decorator
    return None


def _documented(
    ctx: FileContext, module: _Module, facts: FunctionFacts
) -> tuple[Documented, Documentation, ast.Call] | None:
    """What the route's schema documents, with how its framework documents and its decorator."""
    found = _route(ctx, module, facts)
    if found is None:
        return None
    doc, decorator = found
    documented = _call_documents(ctx, module, doc, decorator, responses=doc.responses)
    if facts.route is not None and facts.route.code is not None:
        documented.codes.add(facts.route.code)
    elif doc.success is not None and keyword_value(decorator, doc.responses) is None:
        documented.codes.add(doc.success)
    if doc.raises is not None:
        documented.add(_raises(ctx, keyword_value(decorator, doc.raises)))
    if doc.with_parameters and _takes_parameters(facts.node):
        documented.codes |= doc.with_parameters
    if facts.node.name in module.hidden_handlers:
        raise _Hidden
    owner = module.owner.get(id(facts.node))
    if owner is not None and doc.controllers:
        _controller(ctx, doc, owner)
    func = decorator.func
    if doc.layers and isinstance(func, ast.Attribute):
        if not isinstance(func.value, ast.Name):
            raise _Unknown
        documented.add(_layers(ctx, module, doc, func.value.id, set()))
    return documented, doc, decorator


def _layers(
    ctx: FileContext, module: _Module, doc: Documentation, name: str, seen: set[str]
) -> Documented:
    """What a router or app and every layer it is included in document for its routes."""
    if name in seen:
        raise _Unknown
    seen.add(name)
    layer = module.layers.get(name)
    if layer is None or layer.call is None:
        raise _Unknown  # imported, a parameter, or made by a factory
    _serves_schema(ctx, doc, layer.call)
    documented = _call_documents(
        ctx, module, doc, layer.call, responses=doc.responses if doc.layer_responses else None
    )
    includes = module.includes.get(name, ())
    if doc.applications and not includes and ctx.qualname(layer.call.func) not in doc.applications:
        # A router included nowhere in this file: where it is included, and with what
        # responses (its parent router's too), is not known here.
        raise _Unknown
    for parent, call in includes:
        documented.add(_call_documents(ctx, module, doc, call, responses=doc.responses, skip=1))
        if parent is None:
            raise _Unknown
        documented.add(_layers(ctx, module, doc, parent, seen.copy()))
    return documented


def _serves_schema(ctx: FileContext, doc: Documentation, call: ast.Call) -> None:
    """Raises when the application `call` serves no schema (`openapi_url=None`), or one the
    code does not show (`openapi_url=settings.OPENAPI_URL`)."""
    value = keyword_value(call, doc.schema) if doc.schema is not None else None
    if value is None:
        return  # not an application, or its default schema
    if _is_none(value):
        raise _Hidden
    if isinstance(value, ast.Constant) and isinstance(value.value, str):
        return
    if isinstance(value, ast.Call) and ctx.qualname(value.func) in doc.schema_configs:
        return
    raise _Unknown


def _call_documents(
    ctx: FileContext,
    module: _Module,
    doc: Documentation,
    call: ast.Call,
    *,
    responses: str | None,
    skip: int = 0,
) -> Documented:
    """What one decorator, router, app or include call documents; raises when it hides the
    route or cannot be read."""
    if any(keyword.arg is None for keyword in call.keywords):
        raise _Unknown  # **kwargs
    if any(isinstance(arg, ast.Starred) for arg in call.args[skip:]):
        raise _Unknown
    if doc.hidden is not None:
        hidden = keyword_value(call, doc.hidden)
        if hidden is not None and not (isinstance(hidden, ast.Constant) and hidden.value is True):
            raise _Hidden  # include_in_schema=False, or a value we cannot read
    if doc.hidden_true is not None:
        excluded = keyword_value(call, doc.hidden_true)
        if excluded is not None and not (
            isinstance(excluded, ast.Constant) and excluded.value in (False, None)
        ):
            raise _Hidden
    documented = Documented()
    if responses is not None:
        value = keyword_value(call, responses)
        if value is not None and not _is_none(value):
            documented.add(_mapping(ctx, doc, value))
    if doc.extra is not None:
        extra = keyword_value(call, doc.extra)
        if extra is not None and not _is_none(extra):
            if not isinstance(extra, ast.Dict):
                raise _Unknown
            for key, value in zip(extra.keys, extra.values, strict=True):
                if _key_text(module, key) == "responses":
                    documented.add(_mapping(ctx, doc, value))
    return documented


def _key_text(module: _Module, key: ast.expr | None) -> object:
    """An `openapi_extra` key's value: a literal, or a module-level name bound once to a
    string; raises when it cannot be read (`**more`, a call, an imported name)."""
    if isinstance(key, ast.Constant):
        return key.value
    if isinstance(key, ast.Name) and module.strings.get(key.id) is not None:
        return module.strings[key.id]
    raise _Unknown


def _mapping(ctx: FileContext, doc: Documentation, value: ast.expr) -> Documented:
    documented = Documented()
    if not isinstance(value, ast.Dict):
        if doc.success is not None and _is_schema(value):
            documented.codes.add(doc.success)  # one schema: the success response only
            return documented
        raise _Unknown  # a variable or a call
    ranges = dict(doc.ranges)
    for key in value.keys:
        if key is None:
            raise _Unknown  # {**more}
        if isinstance(key, ast.Tuple) and key.elts:
            key = key.elts[0]  # drf-spectacular's (status, media type)
        name = ctx.qualname(key)
        if name in ranges:
            documented.codes |= ranges[name]
            continue
        if isinstance(key, ast.Constant) and isinstance(key.value, str):
            text = key.value.strip().upper()
            if text == "DEFAULT":
                documented.everything = True
                continue
            if len(text) == 3 and text[0] in "12345" and text[1:] == "XX":
                documented.classes.add(int(text[0]))
                continue
        code = ctx.status_value(key)[0]
        if code is None:
            raise _Unknown
        documented.codes.add(code)
    return documented


def _is_none(value: ast.expr) -> bool:
    return isinstance(value, ast.Constant) and value.value is None


def _is_schema(value: ast.expr) -> bool:
    """`BookOut`, `List[BookOut]`, `schemas.BookOut`: a class, not a mapping held in a name
    (`RESPONSES`)."""
    if isinstance(value, ast.Subscript):
        return True
    if isinstance(value, ast.Attribute):
        value = ast.Name(value.attr)
    return isinstance(value, ast.Name) and not value.id.isupper()


def _raises(ctx: FileContext, value: ast.expr | None) -> Documented:
    documented = Documented()
    if value is None:
        return documented
    if not isinstance(value, ast.List | ast.Tuple):
        raise _Unknown
    for element in value.elts:
        name = ctx.qualname(element)
        code = EXCEPTION_STATUS.get(name) if name is not None else None
        if code is None:
            raise _Unknown
        documented.codes.add(code)
    return documented


def _controller(ctx: FileContext, doc: Documentation, owner: ast.ClassDef) -> None:
    """Litestar: `class Books(Controller): include_in_schema = False`."""
    if not any(ctx.qualname(base) in doc.controllers for base in owner.bases):
        return
    for item in owner.body:
        if isinstance(item, ast.Assign | ast.AnnAssign) and doc.hidden is not None:
            targets = item.targets if isinstance(item, ast.Assign) else [item.target]
            named = any(isinstance(t, ast.Name) and t.id == doc.hidden for t in targets)
            value = item.value
            if named and not (isinstance(value, ast.Constant) and value.value is True):
                raise _Hidden


def _takes_parameters(node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    arguments = node.args
    names = [arg.arg for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)]
    return any(name not in ("self", "cls") for name in names)


# -- what a route does ---------------------------------------------------------------------------
def _statuses(ctx: FileContext, facts: FunctionFacts) -> Iterator[tuple[int, ast.AST]]:
    """The error statuses a function raises or returns, with where."""
    seen: set[int] = set()
    for site in facts.raised:
        seen.add(id(site.call))
        if site.code is not None and site.code >= 400:  # below is HS401's
            yield site.code, site.expr
    for site in facts.returned:
        if site.kind is Kind.RESPONSE and site.code is not None and site.code >= 400:
            yield site.code, site.expr
    for exc in facts.raised_exceptions:
        if id(exc) in seen:
            continue
        call = exc if isinstance(exc, ast.Call) else None
        name = ctx.qualname(call.func if call is not None else exc)
        if name is None:
            continue
        code = EXCEPTION_STATUS.get(name)
        position = EXCEPTION_ARGUMENT.get(name)
        if code is not None:
            yield code, exc
        elif position is not None and call is not None and len(call.args) > position:
            argument = call.args[position]  # where a status sink would report it
            code = ctx.status_value(argument)[0]
            if code is not None:
                yield code, argument


def _undocumented(
    ctx: FileContext,
    facts: FunctionFacts,
    documented: Documented,
    doc: Documentation,
    decorator: ast.Call,
) -> Iterator[RawFinding]:
    """The route's findings, each with the one fix that documents every status it misses."""
    name = facts.node.name
    missing: dict[int, ast.AST] = {}  # each status with a place that sends it
    reports: list[tuple[ast.AST, str, str, str]] = []  # node, variant, codes, callee
    for code, node in _statuses(ctx, facts):
        if not documented.covers(code):
            reports.append((node, "", str(code), ""))
            missing.setdefault(code, node)
    for callee, call in facts.calls:
        helper = ctx.functions.get(callee)
        if helper is None or helper is facts or helper.route is not None:
            continue
        sent = [
            (code, node) for code, node in _statuses(ctx, helper) if not documented.covers(code)
        ]
        if sent:
            listed = ", ".join(map(str, sorted({code for code, _ in sent})))
            reports.append((call, "helper", listed, callee))
            for code, node in sent:
                missing.setdefault(code, node)
    keys = {code: _spelled(ctx, code, node) for code, node in missing.items()}
    fix = responses_fix(doc, decorator, keys) if missing else None
    for node, variant, codes, called in reports:
        yield HS501.finding(
            node, variant, fix=fix, name=name, code=codes, codes=codes, callee=called
        )


# -- the fix: the missing statuses added to the route's responses= --------------------------------
def responses_fix(doc: Documentation, decorator: ast.Call, keys: dict[int, str]) -> Fix | None:
    """`responses={...}` on the decorator with an entry per missing status (`keys`: each
    status with its key as written), described by the registry's phrase: into its dict
    literal, in place of `None`, or as a new keyword. FastAPI only (the other frameworks'
    entries are objects of their own). Also the fix of HS501 over the route table
    (routes/undocumented.py)."""
    if doc.framework != "fastapi":
        return None
    entries = [f'{key}: {{"description": "{_phrase(code)}"}}' for code, key in sorted(keys.items())]
    codes = ", ".join(map(str, sorted(keys)))
    title = f"Document {codes} in the route's `{doc.responses}=`"
    value = keyword_value(decorator, doc.responses)
    if value is None:
        keyword = f"{doc.responses}={{{', '.join(entries)}}}"
        arguments: list[ast.expr | ast.keyword] = [*decorator.args, *decorator.keywords]
        if not arguments:
            end = (decorator.end_lineno or decorator.lineno, (decorator.end_col_offset or 1) - 1)
            return Fix((Edit.insert(*end, keyword),), title, safe=False)
        last = max(arguments, key=lambda node: (node.lineno, node.col_offset))
        return Fix((_after(decorator, last, [keyword]),), title, safe=False)
    if _is_none(value) or (isinstance(value, ast.Dict) and not value.keys):
        return Fix((Edit.replace(value, f"{{{', '.join(entries)}}}"),), title, safe=False)
    first = value.keys[-1] if isinstance(value, ast.Dict) else None
    if isinstance(value, ast.Dict) and first is not None:
        return Fix((_after(value, first, entries, value.values[-1]),), title, safe=False)
    return None


def _after(
    container: ast.expr,
    first: ast.expr | ast.keyword,
    items: list[str],
    last: ast.expr | ast.keyword | None = None,
) -> Edit:
    """`items` inserted after the element that starts at `first` and ends with `last`: each
    on a line of its own, indented as that element, when the element has a line of its own
    (the formatter's layout); else after a comma on the same line."""
    last = last or first
    end = (last.end_lineno or last.lineno, last.end_col_offset or last.col_offset)
    if first.lineno > container.lineno:
        indent = " " * first.col_offset
        return Edit.insert(*end, "".join(f",\n{indent}{item}" for item in items))
    return Edit.insert(*end, ", " + ", ".join(items))


def _spelled(ctx: FileContext, code: int, node: ast.AST) -> str:
    """The key as the route's code writes the status where it sends it (`status.HTTP_404_...`),
    when that is a name of a library's constant; else the number."""
    if isinstance(node, ast.Name | ast.Attribute) and ctx.status_value(node) == (code, False):
        return ast.unparse(node)
    return str(code)


def _phrase(code: int) -> str:
    entry = lookup(code)
    return entry.phrase if entry is not None else f"Status {code}"
