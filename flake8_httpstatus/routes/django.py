"""Django's and DRF's routes: `urlpatterns` lists with `path`/`re_path`/`include`, followed from
the root URL configuration, DRF routers with their viewsets' actions, class-based views."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

from flake8_httpstatus.knowledge.routing import (
    CLASS_VIEW_IMPLICIT,
    DJANGO_IMPLICIT,
    DJANGO_INCLUDE,
    DJANGO_PATHS,
    DJANGO_REGEX_PATHS,
    DRF_ACTION,
    DRF_API_VIEW,
    DRF_ROUTERS,
    HTTP_METHODS,
    VIEWSET_ACTIONS,
    VIEWSET_BASES,
    VIEWSET_CLASS_ACTIONS,
    ImplicitStatus,
    ViewsetAction,
)
from flake8_httpstatus.routes.model import Implicit, Route, Sent
from flake8_httpstatus.routes.permissions import Permissions
from flake8_httpstatus.routes.sends import Sends, label
from flake8_httpstatus.routes.source import Function, Module, Source, is_test_file, keyword

_CONVERTER = re.compile(r"<(?:[^<>:]+:)?([a-zA-Z_][a-zA-Z0-9_]*)>")
_NAMED_GROUP = re.compile(r"\(\?P<([a-zA-Z_][a-zA-Z0-9_]*)>")
# Most nested recursion through include() before the chain is taken for a cycle.
_MAX_INCLUDES = 20


def regex_path(pattern: str) -> str:
    """A `re_path` regex as a path: anchors dropped, named groups as `{name}`, unnamed ones
    as `{arg0}`... (ignored when any group is named, as Django does)."""
    pattern = pattern.removeprefix("^").removesuffix("$")
    named = bool(_NAMED_GROUP.search(pattern))
    out: list[str] = []
    position = 0
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if char == "\\" and index + 1 < len(pattern):
            out.append(pattern[index + 1])
            index += 2
            continue
        if char == "(":
            end = _group_end(pattern, index)
            group = pattern[index:end]
            match = _NAMED_GROUP.match(group)
            optional = pattern[end : end + 1] == "?"
            if match:
                out.append(f"{{{match.group(1)}}}")
            elif group.startswith("(?:"):
                out.append(regex_path(group[3:-1]))
            elif not named:
                out.append(f"{{arg{position}}}")
                position += 1
            index = end + (1 if optional else 0)
            continue
        if char not in "?*+":
            out.append(char)
        index += 1
    return "".join(out)


def _group_end(pattern: str, start: int) -> int:
    depth = 0
    index = start
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return index + 1
        index += 1
    return len(pattern)


def path_of(route: str, regex: bool) -> str:
    return regex_path(route) if regex else _CONVERTER.sub(r"{\1}", route)


@dataclass
class _Router:
    module: Module
    call: ast.Call
    trailing_slash: str
    registrations: list[ast.Call]


class DjangoRoutes:
    def __init__(self, source: Source, sends: Sends) -> None:
        self.source = source
        self.sends = sends
        self.routers: dict[str, _Router] = {}
        self.found: list[Route] = []
        # What another framework's object mounts (`path("api/", api.urls)`): where it is
        # written, the object and its prefix.
        self.mounted: list[tuple[Module, ast.expr, str]] = []
        # The class view (qualified) each route of a class comes from, by the route's id: its
        # handler may be a method of a base or mixin.
        self.view_classes: dict[int, str] = {}
        self.permissions = Permissions(source)
        for module in source.modules.values():
            self._find_routers(module)

    def routes(self) -> list[Route]:
        confs = {
            name: module
            for name, module in self.source.modules.items()
            if not is_test_file(module.path) and _patterns(module)
        }
        included = {
            target
            for module in confs.values()
            for call in _pattern_calls(module)
            for target in self._include_modules(module, call)
        }
        for name, module in sorted(confs.items()):
            if name not in included:
                self._walk(module, _patterns(module), "/", "", 0)
        for route in self.found:
            cls = self.view_classes.get(id(route))
            if cls is not None:
                route.sends = sorted({*route.sends, *self.permissions.of_class(cls)})
        return self.found

    # -- routers --------------------------------------------------------------------------------
    def _find_routers(self, module: Module) -> None:
        for statement in module.tree.body:
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                target = statement.targets[0]
                qualified = self.source.qualified(module, statement.value.func)
                chain = self.source.bases(qualified) if qualified else []
                if isinstance(target, ast.Name) and any(base in DRF_ROUTERS for base in chain):
                    slash = keyword(statement.value, "trailing_slash")
                    self.routers[f"{module.name}.{target.id}"] = _Router(
                        module,
                        statement.value,
                        "" if isinstance(slash, ast.Constant) and slash.value is False else "/",
                        [],
                    )
            elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call):
                call = statement.value
                if isinstance(call.func, ast.Attribute) and call.func.attr == "register":
                    owner = self.source.qualified(module, call.func.value)
                    router = self.routers.get(self.source.resolve(owner)) if owner else None
                    if router is not None:
                        router.registrations.append(call)

    # -- urlpatterns ----------------------------------------------------------------------------
    def _include_modules(self, module: Module, call: ast.Call) -> Iterator[str]:
        view = keyword(call, "view", 1)
        if isinstance(view, ast.Call) and self._is(module, view, DJANGO_INCLUDE) and view.args:
            target = view.args[0]
            if isinstance(target, ast.Constant) and isinstance(target.value, str):
                yield target.value

    def _is(self, module: Module, call: ast.Call, names: frozenset[str]) -> bool:
        qualified = self.source.qualified(module, call.func)
        return qualified is not None and self.source.resolve(qualified) in names

    def _walk(
        self, module: Module, patterns: list[ast.expr], prefix: str, namespace: str, depth: int
    ) -> None:
        if depth > _MAX_INCLUDES:
            return
        for item in patterns:
            if not isinstance(item, ast.Call):
                continue
            regex = self._is(module, item, DJANGO_REGEX_PATHS)
            if not regex and not self._is(module, item, DJANGO_PATHS):
                continue
            route = self.source.string(module, keyword(item, "route", 0))
            if route is None:
                continue
            here = prefix + path_of(route, regex)
            view = keyword(item, "view", 1)
            name_node = keyword(item, "name", 3)
            name = self.source.string(module, name_node) if name_node is not None else None
            if isinstance(view, ast.Call) and self._is(module, view, DJANGO_INCLUDE):
                self._include(module, view, here, namespace, depth)
            elif isinstance(view, ast.Attribute) and view.attr == "urls":
                self.mounted.append((module, view.value, _slashed(here)))
            elif view is not None:
                self._view(module, item, view, here, _named(namespace, name))

    def _include(
        self, module: Module, call: ast.Call, prefix: str, namespace: str, depth: int
    ) -> None:
        target = keyword(call, "arg", 0)
        given = keyword(call, "namespace", 1)
        inner = self.source.string(module, given) if given is not None else None
        if isinstance(target, ast.Tuple) and len(target.elts) == 2:
            inner = inner or self.source.string(module, target.elts[1])
            target = target.elts[0]
        if isinstance(target, ast.Constant) and isinstance(target.value, str):
            included = self.source.modules.get(target.value)
            if included is not None:
                app_name = included.assignments.get("app_name")
                inner = inner or (self.source.string(included, app_name) if app_name else None)
                self._walk(
                    included, _patterns(included), prefix, _nested(namespace, inner), depth + 1
                )
            return
        if isinstance(target, ast.Name):
            # `include(check_urls)`: a list bound at a module's top.
            located = self.source.constant(module, target)
            if located is not None and isinstance(located[1], (ast.List, ast.Tuple, ast.BinOp)):
                patterns = _items(located[1])
                self._walk(located[0], patterns, prefix, _nested(namespace, inner), depth + 1)
                return
        if isinstance(target, (ast.List, ast.Tuple)):
            self._walk(module, list(target.elts), prefix, _nested(namespace, inner), depth + 1)
            return
        if isinstance(target, ast.Attribute) and target.attr == "urls":
            owner = self.source.qualified(module, target.value)
            router = self.routers.get(self.source.resolve(owner)) if owner else None
            if router is not None:
                self._router(router, prefix, _nested(namespace, inner))
            else:
                self.mounted.append((module, target.value, _slashed(prefix)))

    # -- views ----------------------------------------------------------------------------------
    def _view(self, module: Module, item: ast.Call, view: ast.expr, path: str, name: str) -> None:
        if (
            isinstance(view, ast.Call)
            and isinstance(view.func, ast.Attribute)
            and view.func.attr == "as_view"
        ):
            cls = self.source.qualified(module, view.func.value)
            if cls is not None:
                self._class_view(module, item, self.source.resolve(cls), view, path, name)
            return
        qualified = self.source.qualified(module, view)
        located = self.source.function(qualified) if qualified else None
        if located is None:
            return
        target, local, function = located
        methods = self._api_view_methods(target, function)
        implicit = list(DJANGO_IMPLICIT) + ([CLASS_VIEW_IMPLICIT] if methods != ("*",) else [])
        self._emit(module, item, target, local, function.lineno, methods, path, name, 200, implicit)
        route = self.found[-1]
        permissions = self.permissions.of_function(target, function, methods != ("*",))
        route.sends = sorted({*route.sends, *permissions})

    def _api_view_methods(self, module: Module, function: Function) -> tuple[str, ...]:
        for decorator in function.decorator_list:
            if isinstance(decorator, ast.Call) and self._is(module, decorator, DRF_API_VIEW):
                listed = keyword(decorator, "http_method_names", 0)
                if isinstance(listed, (ast.List, ast.Tuple)):
                    names = [self.source.string(module, item) for item in listed.elts]
                    return tuple(name.upper() for name in names if name)
                return ("GET",)
        return ("*",)

    def _class_view(
        self, module: Module, item: ast.Call, cls: str, view: ast.Call, path: str, name: str
    ) -> None:
        actions = view.args[0] if view.args else keyword(view, "actions")
        mapping: dict[str, str] = {}
        if isinstance(actions, ast.Dict):
            for key, value in zip(actions.keys, actions.values, strict=True):
                method = self.source.string(module, key) if key is not None else None
                action = self.source.string(module, value)
                if method and action:
                    mapping[method] = action
        else:
            mapping = {method: method for method in self._defined(cls) if method in HTTP_METHODS}
        for method, action in mapping.items():
            row = next((row for row in VIEWSET_ACTIONS if row.name == action), None)
            self._action(module, item, cls, action, (method.upper(),), path, name, row)

    def _defined(self, cls: str) -> list[str]:
        """The methods a project class and its project bases define."""
        found: list[str] = []
        for base in self.source.bases(cls):
            located = self.source.class_(base)
            if located is None:
                continue
            for statement in located[1].body:
                if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    found.append(statement.name)
        return found

    def _router(self, router: _Router, prefix: str, namespace: str) -> None:
        for call in router.registrations:
            module = router.module
            base = self.source.string(module, keyword(call, "prefix", 0))
            viewset = keyword(call, "viewset", 1)
            qualified = self.source.qualified(module, viewset) if viewset is not None else None
            if base is None or qualified is None:
                continue
            cls = self.source.resolve(qualified)
            basename = self.source.string(module, keyword(call, "basename", 2)) or _basename(
                self.source, cls
            )
            chain = self.source.bases(cls)
            if not any(entry in VIEWSET_BASES for entry in chain):
                continue
            defined = set(self._defined(cls))
            available = defined | {
                action for entry in chain for action in VIEWSET_CLASS_ACTIONS.get(entry, ())
            }
            slash = router.trailing_slash
            lookup = _lookup(self.source, cls)
            for detail in (False, True):
                path = f"{prefix}{base}/{{{lookup}}}{slash}" if detail else f"{prefix}{base}{slash}"
                suffix = "detail" if detail else "list"
                for row in VIEWSET_ACTIONS:
                    if row.detail == detail and row.name in available:
                        self._action(
                            module,
                            call,
                            cls,
                            row.name,
                            (row.method,),
                            path,
                            _named(namespace, f"{basename}-{suffix}"),
                            row,
                        )
            for method_name, decorator in self._extra_actions(cls):
                located = self.source.class_(cls)
                owner = located[0] if located else module
                detail_node = keyword(decorator, "detail")
                detail = isinstance(detail_node, ast.Constant) and detail_node.value is True
                url_path = self.source.string(owner, keyword(decorator, "url_path")) or method_name
                url_name = self.source.string(owner, keyword(decorator, "url_name"))
                listed = keyword(decorator, "methods")
                methods: tuple[str, ...] = ("GET",)
                if isinstance(listed, (ast.List, ast.Tuple)):
                    names = [self.source.string(owner, item) for item in listed.elts]
                    methods = tuple(name.upper() for name in names if name)
                path = (
                    f"{prefix}{base}/{{{lookup}}}/{url_path}{slash}"
                    if detail
                    else f"{prefix}{base}/{url_path}{slash}"
                )
                route_name = f"{basename}-{url_name or method_name.replace('_', '-')}"
                self._action(
                    module,
                    call,
                    cls,
                    method_name,
                    methods,
                    path,
                    _named(namespace, route_name),
                    None,
                )

    def _extra_actions(self, cls: str) -> Iterator[tuple[str, ast.Call]]:
        for base in self.source.bases(cls):
            located = self.source.class_(base)
            if located is None:
                continue
            module, node = located
            for statement in node.body:
                if not isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                for decorator in statement.decorator_list:
                    if isinstance(decorator, ast.Call) and self._is(module, decorator, DRF_ACTION):
                        yield statement.name, decorator

    def _action(
        self,
        module: Module,
        item: ast.Call,
        cls: str,
        action: str,
        methods: tuple[str, ...],
        path: str,
        name: str,
        row: ViewsetAction | None,
    ) -> None:
        default = row.status if row is not None else 200
        implicit = [*DJANGO_IMPLICIT, CLASS_VIEW_IMPLICIT]
        if row is not None:
            implicit += row.implicit
        located = None
        for base in self.source.bases(cls):
            located = self.source.function(f"{base}.{action}")
            if located is not None:
                break
        if located is None:
            # Implemented by the framework's mixin: the class is where the handler is, and the
            # project sends nothing through it but its default.
            found = self.source.class_(cls)
            if found is None:
                return
            target, node = found
            local, line = f"{node.name}.{action}", node.lineno
        else:
            target, local, function = located
            line = function.lineno
        self._emit(module, item, target, local, line, methods, path, name, default, implicit)
        self.view_classes[id(self.found[-1])] = cls

    def _emit(
        self,
        module: Module,
        item: ast.Call,
        target: Module,
        local: str,
        line: int,
        methods: tuple[str, ...],
        path: str,
        name: str,
        default: int,
        implicit: list[ImplicitStatus],
    ) -> None:
        """The route to `target`'s `local` (a function or method, defined at `line`), with its
        default status and what it sends through the project (nothing when it is not the
        project's: an action a framework mixin implements)."""
        sends = [
            Sent(default, module.path, item.lineno, "default"),
            *self.sends.of(f"{target.name}.{local}"),
        ]
        self.found.append(
            Route(
                "django",
                methods,
                _slashed(path),
                name,
                label(target, local),
                target.path,
                line,
                sorted(set(sends)),
                sorted({Implicit(entry.status, entry.reason) for entry in implicit}),
            )
        )


def _named(namespace: str, name: str | None) -> str:
    if not name:
        return ""
    return f"{namespace}:{name}" if namespace else name


def _nested(namespace: str, inner: str | None) -> str:
    return ":".join(part for part in (namespace, inner) if part)


def _slashed(path: str) -> str:
    return "/" + path.lstrip("/")


def _patterns(module: Module) -> list[ast.expr]:
    """`urlpatterns = [...]`, with the lists added by `urlpatterns += [...]`."""
    found: list[ast.expr] = []
    for statement in module.tree.body:
        if isinstance(statement, ast.Assign) and any(
            isinstance(target, ast.Name) and target.id == "urlpatterns"
            for target in statement.targets
        ):
            found = _items(statement.value)
        elif (
            isinstance(statement, ast.AugAssign)
            and isinstance(statement.target, ast.Name)
            and statement.target.id == "urlpatterns"
        ):
            found += _items(statement.value)
    return found


def _items(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, (ast.List, ast.Tuple)):
        return list(node.elts)
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _items(node.left) + _items(node.right)
    return []


def _pattern_calls(module: Module) -> Iterator[ast.Call]:
    for item in _patterns(module):
        if isinstance(item, ast.Call):
            yield item


def _class_value(source: Source, cls: str, attribute: str) -> tuple[Module, ast.expr] | None:
    for base in source.bases(cls):
        located = source.class_(base)
        if located is None:
            continue
        for statement in located[1].body:
            if (
                isinstance(statement, ast.Assign)
                and isinstance(statement.targets[0], ast.Name)
                and statement.targets[0].id == attribute
            ):
                return located[0], statement.value
    return None


def _lookup(source: Source, cls: str) -> str:
    """The detail routes' URL keyword: `lookup_url_kwarg`, else `lookup_field`, else `pk`."""
    for attribute in ("lookup_url_kwarg", "lookup_field"):
        found = _class_value(source, cls, attribute)
        if found is not None:
            value = source.string(*found)
            if value:
                return value
    return "pk"


def _basename(source: Source, cls: str) -> str:
    """The router's default basename: the queryset's model name, lowercased."""
    found = _class_value(source, cls, "queryset")
    node = found[1] if found is not None else None
    while isinstance(node, (ast.Attribute, ast.Call)):
        node = node.value if isinstance(node, ast.Attribute) else node.func
    return node.id.lower() if isinstance(node, ast.Name) else ""
