"""drf-spectacular's documented statuses of DRF routes: in a project importing
drf-spectacular, each DRF view's operation documents the keys of its `extend_schema`
`responses=` dict, or else the one status drf-spectacular gives it (204, 201 or 200)."""

from __future__ import annotations

import ast

from flake8_httpstatus.knowledge.api_docs import (
    DRF_PACKAGE,
    EXTEND_SCHEMA,
    EXTEND_SCHEMA_VIEW,
    SPECTACULAR_CREATE_STATUS,
    SPECTACULAR_CREATE_VIEWS,
    SPECTACULAR_DEFAULT_STATUS,
    SPECTACULAR_DELETE_STATUS,
    SPECTACULAR_MODULE,
)
from flake8_httpstatus.knowledge.routing import DRF_API_VIEW
from flake8_httpstatus.routes.model import Documented, Route
from flake8_httpstatus.routes.source import Module, Source, is_test_file, keyword


def uses_spectacular(source: Source) -> bool:
    return any(
        imported == SPECTACULAR_MODULE or imported.startswith(SPECTACULAR_MODULE + ".")
        for module in source.modules.values()
        if not is_test_file(module.path)
        for imported in module.imports.values()
    )


def document(source: Source, routes: list[Route], view_classes: dict[int, str]) -> None:
    """Add drf-spectacular's documented statuses to the project's DRF routes; `view_classes`:
    the class view of each route that comes from one, by the route's id."""
    if not uses_spectacular(source):
        return
    for route in routes:
        if route.framework == "django":
            found = _documented(source, route, view_classes.get(id(route)))
            route.documented = sorted({*route.documented, *found})


def _documented(source: Source, route: Route, view: str | None) -> list[Documented]:
    module_name, _, local = route.handler.partition(":")
    module = source.modules.get(module_name)
    if module is None:
        return []
    action = local.rpartition(".")[2]
    # The `extend_schema` calls that apply, nearest first, each with its module.
    schemas: list[tuple[Module, ast.Call]] = []
    if view is not None:
        # The handler may be a mixin's method: the view class tells DRF's from Django's.
        located = source.class_(view)
        bases = source.bases(view)
        if located is None or not any(base.startswith(DRF_PACKAGE) for base in bases):
            return []
        owner, cls = located
        method = source.function(f"{module_name}.{local}")
        if method is not None:
            schemas += _decorators(source, method[0], method[2].decorator_list, EXTEND_SCHEMA)
        for _, given_view in _decorators(source, owner, cls.decorator_list, EXTEND_SCHEMA_VIEW):
            given = keyword(given_view, action)
            if isinstance(given, ast.Call) and _is(source, owner, given.func, EXTEND_SCHEMA):
                schemas.append((owner, given))
        schemas += _decorators(source, owner, cls.decorator_list, EXTEND_SCHEMA)
        create = route.methods == ("POST",) and (
            action == "create" or any(base in SPECTACULAR_CREATE_VIEWS for base in bases)
        )
    else:
        function = module.functions.get(local)
        if function is None or not _decorators(
            source, module, function.decorator_list, DRF_API_VIEW
        ):
            return []
        schemas += _decorators(source, module, function.decorator_list, EXTEND_SCHEMA)
        create = False
    if any(_excluded(schema) for _, schema in schemas):
        return []
    for where, schema in schemas:
        responses = keyword(schema, "responses")
        if responses is None:
            continue
        found = _keys(source, where, responses)
        if found is not None:
            return found
        break  # a serializer: the default status below
    if "DELETE" in route.methods:
        status = SPECTACULAR_DELETE_STATUS
    else:
        status = SPECTACULAR_CREATE_STATUS if create else SPECTACULAR_DEFAULT_STATUS
    return [Documented(status, route.file, route.line)]


def _keys(source: Source, module: Module, node: ast.expr) -> list[Documented] | None:
    """A `responses=` dict's statuses (None when it is not a dict): `(status, media type)`
    keys by their status."""
    if isinstance(node, ast.Name):
        located = source.constant(module, node)
        return _keys(source, *located) if located is not None else None
    if not isinstance(node, ast.Dict):
        return None
    found = [Documented(*entry) for entry in source.statuses_of_mapping(module, node)]
    for key in node.keys:
        if isinstance(key, ast.Tuple) and key.elts:
            status = source.status(module, key.elts[0])
            if status is not None:
                found.append(Documented(status, module.path, key.lineno))
    return found


def _decorators(
    source: Source, module: Module, decorators: list[ast.expr], names: frozenset[str]
) -> list[tuple[Module, ast.Call]]:
    return [
        (module, decorator)
        for decorator in decorators
        if isinstance(decorator, ast.Call) and _is(source, module, decorator.func, names)
    ]


def _is(source: Source, module: Module, node: ast.expr, names: frozenset[str]) -> bool:
    """drf-spectacular's decorator, also through a project module that re-exports it with a
    fallback of its own (pretalx imports `extend_schema` from drf-spectacular or, failing
    that, from a shim module: the last import is what the names say)."""
    qualified = source.qualified(module, node)
    if qualified is None:
        return False
    resolved = source.resolve(qualified)
    return resolved in names or resolved.rpartition(".")[2] in {
        name.rpartition(".")[2] for name in names
    }


def _excluded(schema: ast.Call) -> bool:
    value = keyword(schema, "exclude")
    return isinstance(value, ast.Constant) and value.value is True
