"""The project's route table: every route with its full path (prefixes of routers and includes
joined), its handler, and the statuses it sends, documents and answers implicitly."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from flake8_httpstatus.knowledge.routing import (
    DECORATORS,
    HOLDER_CLASSES,
    INCLUDES,
    Framework,
    Include,
    RouteDecorator,
    RouteHolder,
)
from flake8_httpstatus.routes.django import DjangoRoutes
from flake8_httpstatus.routes.model import Documented, Implicit, Route, RouteMap, Sent
from flake8_httpstatus.routes.sends import Sends, label
from flake8_httpstatus.routes.source import Function, Module, Source, is_test_file, keyword
from flake8_httpstatus.routes.tested import Tests

# `{name:converter}` in a Starlette path; `<converter(args):name>` in a Werkzeug rule.
_STARLETTE_PARAM = re.compile(r"{([a-zA-Z_][a-zA-Z0-9_]*)(?::[a-zA-Z_][a-zA-Z0-9_]*)?}")
_WERKZEUG_PARAM = re.compile(r"<(?:[^<>:]+:)?([a-zA-Z_][a-zA-Z0-9_]*)>")


@dataclass
class _Holder:
    key: str
    framework: Framework
    row: RouteHolder
    module: Module
    call: ast.Call
    # A project subclass (`class UserAPIRouter(APIRouter)`): the `super().__init__(...)` call
    # of its `__init__`, whose settings (`dependencies=`) every instance has.
    init: tuple[Module, ast.Call] | None = None


@dataclass
class _Include:
    parent: str
    child: str
    module: Module
    call: ast.Call
    prefix: str | None


@dataclass
class _Declaration:
    holder: str
    row: RouteDecorator
    module: Module
    call: ast.Call
    local: str
    function: Function
    function_module: Module


def _scopes(body: list[ast.stmt], scope: str = "") -> Iterator[tuple[str, ast.stmt]]:
    """Every statement with the qualname of the function or class holding it ("" at the top)."""
    for statement in body:
        yield scope, statement
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = f"{scope}.{statement.name}" if scope else statement.name
            yield from _scopes(statement.body, inner)
        else:
            for name in ("body", "orelse", "finalbody", "handlers"):
                block = getattr(statement, name, None)
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                    yield from _scopes(block, scope)
                elif isinstance(block, list):
                    for handler in block:
                        if isinstance(handler, ast.ExceptHandler):
                            yield from _scopes(handler.body, scope)


def _calls(statement: ast.stmt) -> Iterator[ast.Call]:
    """The calls of one statement, without those of the blocks it holds."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    if isinstance(statement, (ast.If, ast.While)):
        parts: list[ast.AST] = [statement.test]
    elif isinstance(statement, (ast.For, ast.AsyncFor)):
        parts = [statement.iter]
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        parts = list(statement.items)
    elif isinstance(statement, (ast.Try, ast.Match)):
        parts = []
    else:
        parts = [statement]
    for part in parts:
        for node in ast.walk(part):
            if isinstance(node, ast.Call):
                yield node


def normalise(path: str) -> str:
    """`/items/{item_id:int}` -> `/items/{item_id}`, with single slashes between parts."""
    path = _WERKZEUG_PARAM.sub(r"{\1}", _STARLETTE_PARAM.sub(r"{\1}", path))
    return re.sub(r"/{2,}", "/", path)


class _Builder:
    def __init__(self, source: Source) -> None:
        self.source = source
        self.sends = Sends(source)
        self.holders: dict[str, _Holder] = {}
        self.includes: list[_Include] = []
        self.declarations: list[_Declaration] = []
        # Whether the route being built has had every documentation it reads read whole.
        self.whole = True

    # -- finding --------------------------------------------------------------------------------
    def find(self) -> None:
        modules = [
            module for module in self.source.modules.values() if not is_test_file(module.path)
        ]
        for module in modules:
            for scope, statement in _scopes(module.tree.body):
                if isinstance(statement, (ast.Assign, ast.AnnAssign)):
                    self._holder(module, scope, statement)
        for module in modules:
            for scope, statement in _scopes(module.tree.body):
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    local = f"{scope}.{statement.name}" if scope else statement.name
                    for decorator in statement.decorator_list:
                        if isinstance(decorator, ast.Call):
                            self._decorator(module, scope, decorator, local, statement)
                for call in _calls(statement):
                    self._call(module, scope, call)

    def _holder(self, module: Module, scope: str, statement: ast.Assign | ast.AnnAssign) -> None:
        value = statement.value
        target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
        if not isinstance(value, ast.Call) or not isinstance(target, ast.Name):
            return
        qualified = self.source.qualified(module, value.func)
        if qualified is None:
            return
        init: tuple[Module, ast.Call] | None = None
        for cls in self.source.bases(qualified):
            found = HOLDER_CLASSES.get(cls)
            if found is not None:
                key = ".".join(part for part in (module.name, scope, target.id) if part)
                self.holders[key] = _Holder(key, found[0], found[1], module, value, init)
                return
            init = init or self._super_init(cls)

    def _super_init(self, cls: str) -> tuple[Module, ast.Call] | None:
        located = self.source.function(f"{cls}.__init__")
        if located is None:
            return None
        module, _, function = located
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "__init__"
                and isinstance(node.func.value, ast.Call)
            ):
                return module, node
        return None

    def holder_of(self, module: Module, scope: str, node: ast.expr) -> _Holder | None:
        """The holder an expression names: a name bound in the enclosing function, or at the
        top of this or another module."""
        if isinstance(node, ast.Name):
            parts = scope.split(".") if scope else []
            for cut in range(len(parts), 0, -1):
                local = ".".join([module.name, *parts[:cut], node.id])
                if local in self.holders:
                    return self.holders[local]
        qualified = self.source.qualified(module, node)
        return self.holders.get(self.source.resolve(qualified)) if qualified else None

    def _decorator(
        self, module: Module, scope: str, decorator: ast.Call, local: str, function: Function
    ) -> None:
        if not isinstance(decorator.func, ast.Attribute):
            return
        holder = self.holder_of(module, scope, decorator.func.value)
        framework = holder.framework if holder else self._parameter(module, scope, decorator)
        name = decorator.func.attr
        if framework is not None and name in framework.exception_handlers and decorator.args:
            module.functions.setdefault(local, function)  # one nested in a registering function
            self._handler(module, decorator.args[0], f"{module.name}.{local}")
            return
        if holder is None:
            return
        row = DECORATORS[holder.framework.name].get(name)
        if row is not None and row.endpoint is None:
            self.declarations.append(
                _Declaration(holder.key, row, module, decorator, local, function, module)
            )

    def _call(self, module: Module, scope: str, call: ast.Call) -> None:
        if not isinstance(call.func, ast.Attribute):
            return
        holder = self.holder_of(module, scope, call.func.value)
        framework = holder.framework if holder else self._parameter(module, scope, call)
        if framework is None:
            return
        name = call.func.attr
        if name in framework.exception_handlers and len(call.args) >= 2:
            handler = self.source.qualified(module, call.args[1])
            if handler is not None:
                self._handler(module, call.args[0], self.source.resolve(handler))
            return
        if holder is None:
            return
        include = INCLUDES[framework.name].get(name)
        if include is not None and call.args:
            child = self.holder_of(module, scope, call.args[0])
            if child is not None:
                given = keyword(call, include.prefix) if include.prefix else None
                prefix = self.source.string(module, given) or "" if given is not None else None
                self.includes.append(_Include(holder.key, child.key, module, call, prefix))
            return
        row = DECORATORS[framework.name].get(name)
        if row is not None and row.endpoint is not None:
            endpoint = keyword(call, row.view, row.endpoint)
            qualified = self.source.qualified(module, endpoint) if endpoint is not None else None
            located = self.source.function(qualified) if qualified else None
            if located is not None:
                target, local, function = located
                self.declarations.append(
                    _Declaration(holder.key, row, module, call, local, function, target)
                )

    def _parameter(self, module: Module, scope: str, call: ast.Call) -> Framework | None:
        """The framework of an application or router passed to the enclosing function, by its
        annotation (`def register_exception_handlers(app: FastAPI)`): its exception handlers
        are registered on the application that function is given."""
        func = call.func
        function = module.functions.get(scope)
        if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
            return None
        if function is None:
            return None
        for arg in (*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs):
            if arg.arg == func.value.id and arg.annotation is not None:
                qualified = self.source.qualified(module, arg.annotation)
                found = HOLDER_CLASSES.get(self.source.resolve(qualified)) if qualified else None
                return found[0] if found is not None else None
        return None

    def _handler(self, module: Module, exception: ast.expr, handler: str) -> None:
        qualified = self.source.qualified(module, exception)
        if qualified is not None:
            self.sends.handlers.setdefault(self.source.resolve(qualified), []).append(handler)

    # -- building -------------------------------------------------------------------------------
    def contexts(self, key: str, seen: frozenset[str] = frozenset()) -> list[list[str | _Include]]:
        """Every chain of holders and includes from a root holder down to `key`."""
        parents = [include for include in self.includes if include.child == key]
        if not parents or key in seen:
            return [[key]]
        chains: list[list[str | _Include]] = []
        for include in parents:
            for chain in self.contexts(include.parent, seen | {key}):
                chains.append([*chain, include, key])
        return chains

    def routes(self) -> list[Route]:
        found: list[Route] = []
        for declaration in self.declarations:
            for chain in self.contexts(declaration.holder):
                found.append(self._route(declaration, chain))
        unique = {(route.methods, route.path, route.handler): route for route in found}
        return sorted(unique.values(), key=lambda r: (r.path, r.methods, r.handler))

    def _route(self, declaration: _Declaration, chain: list[str | _Include]) -> Route:
        holder = self.holders[declaration.holder]
        framework = holder.framework
        module, call, row = declaration.module, declaration.call, declaration.row
        function, target = declaration.function, declaration.function_module
        prefix = ""
        names: list[str] = []
        documented: list[Documented] = []
        dependencies: list[tuple[Module, ast.expr]] = []
        replaced = False
        # Under a router included nowhere the table knows, what its includer documents is not.
        root = chain[0]
        self.whole = isinstance(root, str) and self.holders[root].row.prefix is None
        for link in chain:
            if isinstance(link, str):
                linked = self.holders[link]
                if not replaced:
                    prefix += self._string(linked.module, linked.call, linked.row.prefix)
                if linked.row.name is not None:
                    names.append(self._string(linked.module, linked.call, None, linked.row.name))
                settings = [(linked.module, linked.call)]
                settings += [linked.init] if linked.init is not None else []
                for where, setting in settings:
                    documented += self._documented(where, setting, linked.row.documented)
                    dependencies += self._listed(where, setting, linked.row.dependencies)
            else:
                include = self._include_row(framework, link)
                prefix += link.prefix or ""
                replaced = include.replaces_prefix and link.prefix is not None
                documented += self._documented(link.module, link.call, include.documented)
                dependencies += self._listed(link.module, link.call, include.dependencies)
        path = self._string(module, call, row.path_keyword, 0)
        methods = row.methods or self._methods(module, call)
        documented += self._documented(module, call, row.documented)
        if row.extra is not None:
            extra = keyword(call, row.extra)
            documented += [
                Documented(*found) for found in self.source.statuses_of_extra(module, extra)
            ]
            self.whole = self.whole and (extra is None or self.source.whole_extra(module, extra))
        dependencies += self._listed(module, call, row.dependencies)
        handler = label(target, declaration.local)
        declared = self.source.status(module, keyword(call, row.status)) if row.status else None
        sends = [
            Sent(
                declared or framework.default_status,
                module.path,
                call.lineno,
                "status_code" if declared else "default",
            ),
            *self.sends.of(f"{target.name}.{declaration.local}"),
            *self.sends.dependencies(target, function),
        ]
        for dependency_module, marker in dependencies:
            if isinstance(marker, ast.Call) and self.sends.is_dependency(dependency_module, marker):
                sends += self.sends.dependency(dependency_module, marker)
        if framework.documents_success:
            success = declared or framework.default_status
            documented.append(Documented(success, module.path, call.lineno))
        has_parameters = self._has_parameters(target, function) or any(
            isinstance(marker, ast.Call) and self._validates(where, marker)
            for where, marker in dependencies
        )
        implicit = [row_ for row_ in framework.implicit if row_.when == "always" or has_parameters]
        documented += [
            Documented(row_.status, module.path, call.lineno)
            for row_ in implicit
            if row_.documented
        ]
        name_node = keyword(call, row.route_name)
        name = self.source.string(module, name_node) if name_node is not None else None
        return Route(
            framework.name,
            methods,
            normalise(prefix + path),
            ".".join([*names, name or function.name]),
            handler,
            target.path,
            function.lineno,
            sorted(set(sends)),
            sorted({Implicit(row_.status, row_.reason) for row_ in implicit}),
            sorted({entry.status: entry for entry in sorted(documented, reverse=True)}.values()),
            documented_whole=self.whole,
        )

    @staticmethod
    def _include_row(framework: Framework, link: _Include) -> Include:
        assert isinstance(link.call.func, ast.Attribute)  # found as `holder.include_router(...)`
        return INCLUDES[framework.name][link.call.func.attr]

    def _string(
        self, module: Module, call: ast.Call, name: str | None, position: int | None = None
    ) -> str:
        if name is None and position is None:
            return ""
        return self.source.string(module, keyword(call, name, position)) or ""

    def _methods(self, module: Module, call: ast.Call) -> tuple[str, ...]:
        node = keyword(call, "methods")
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            found = [self.source.string(module, item) for item in node.elts]
            return tuple(sorted(method.upper() for method in found if method))
        return ("GET",)

    def _documented(self, module: Module, call: ast.Call, name: str | None) -> list[Documented]:
        if name is None:
            return []
        if any(item.arg in {None, "include_in_schema"} for item in call.keywords):
            self.whole = False  # `**settings`, or a route perhaps kept out of the schema
        value = keyword(call, name)
        if value is not None and not self.source.whole_mapping(module, value):
            self.whole = False
        return [
            Documented(*found)
            for found in self.source.statuses_of_mapping(module, keyword(call, name))
        ]

    def _listed(
        self, module: Module, call: ast.Call, name: str | None
    ) -> list[tuple[Module, ast.expr]]:
        node = keyword(call, name) if name else None
        if isinstance(node, (ast.List, ast.Tuple)):
            return [(module, item) for item in node.elts]
        return []

    def _has_parameters(self, module: Module, function: Function, depth: int = 0) -> bool:
        """Whether the framework validates something for this handler: a parameter it does not
        inject, here or in a dependency."""
        injected = {name for found in HOLDER_CLASSES.values() for name in found[0].injected}
        arguments = function.args
        positional = [*arguments.posonlyargs, *arguments.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults))
        defaults += arguments.defaults
        for arg, default in (
            *zip(positional, defaults, strict=True),
            *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
        ):
            if arg.arg in {"self", "cls"}:
                continue
            annotation = ast.unparse(arg.annotation) if arg.annotation else ""
            if any(re.search(rf"\b{name}\b", annotation) for name in injected):
                continue
            markers = [annotation, ast.unparse(default) if default is not None else ""]
            if any("Depends(" in text or "Security(" in text for text in markers):
                continue
            return True
        if depth > 5:
            return False
        return any(
            self._validates(marker_module, marker, depth)
            for marker_module, marker in self.sends.dependency_calls(module, function)
        )

    def _validates(self, module: Module, marker: ast.Call, depth: int = 0) -> bool:
        """Whether a dependency (`Depends(x)`) reads parameters the framework validates."""
        target = keyword(marker, "dependency", 0)
        qualified = self.source.qualified(module, target) if target is not None else None
        located = self.source.function(qualified) if qualified else None
        return located is not None and self._has_parameters(located[0], located[2], depth + 1)


def routes_of(source: Source) -> list[Route]:
    """The project's routes with what each sends, documents and answers implicitly (not what
    its tests check)."""
    builder = _Builder(source)
    builder.find()
    routes = builder.routes() + DjangoRoutes(source, builder.sends).routes()
    return sorted(routes, key=lambda route: (route.path, route.methods, route.handler))


def route_map(root: Path) -> RouteMap:
    """The route map of the project under `root`."""
    source = Source(root)
    routes = routes_of(source)
    tests = Tests(source, routes)
    tests.apply()
    return RouteMap(routes, source.errors, sorted(set(tests.unresolved)))
