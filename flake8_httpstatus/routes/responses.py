"""Statuses a route's own decorators document beyond `responses=`: flask-restx's
`@ns.response`, `@ns.doc(responses=...)` and `@ns.marshal_with(code=...)` on a resource or its
method, and the exceptions of a Litestar handler's `raises=[...]`."""

from __future__ import annotations

import ast

from flake8_httpstatus.knowledge.api_docs import (
    LITESTAR_RAISES,
    RESTX_DEFAULT_STATUS,
    RESTX_DOC,
    RESTX_MARSHAL,
    RESTX_RESPONSE,
)
from flake8_httpstatus.knowledge.openapi import EXCEPTION_STATUS
from flake8_httpstatus.routes.model import Documented, Route
from flake8_httpstatus.routes.sends import status_attribute
from flake8_httpstatus.routes.source import Module, Source, keyword


def document(source: Source, routes: list[Route]) -> None:
    for route in routes:
        if route.framework == "flask-restx":
            found = _restx(source, route)
        elif route.framework == "litestar":
            found = _raises(source, route)
        else:
            continue
        route.documented = sorted(
            {
                entry.status: entry for entry in sorted([*route.documented, *found], reverse=True)
            }.values()
        )


def _handler(
    source: Source, route: Route
) -> tuple[Module, ast.FunctionDef | ast.AsyncFunctionDef] | None:
    module_name, _, local = route.handler.partition(":")
    located = source.function(f"{module_name}.{local}")
    return (located[0], located[2]) if located is not None else None


def _restx(source: Source, route: Route) -> list[Documented]:
    located = _handler(source, route)
    if located is None:
        return []
    module, function = located
    owner = route.handler.partition(":")[2].rpartition(".")[0]
    cls = module.classes.get(owner)
    decorators = [*(cls.decorator_list if cls is not None else []), *function.decorator_list]
    found: list[Documented] = []
    for decorator in decorators:
        if not isinstance(decorator, ast.Call) or not isinstance(decorator.func, ast.Attribute):
            continue
        name = decorator.func.attr
        if name == RESTX_RESPONSE:
            status = source.status(module, keyword(decorator, "code", 0))
            found += [Documented(status, module.path, decorator.lineno)] if status else []
        elif name == RESTX_DOC:
            responses = keyword(decorator, "responses")
            found += [Documented(*entry) for entry in source.statuses_of_mapping(module, responses)]
        elif name in RESTX_MARSHAL:
            given = keyword(decorator, "code")
            status = source.status(module, given) if given is not None else RESTX_DEFAULT_STATUS
            found += [Documented(status, module.path, decorator.lineno)] if status else []
    return found or [Documented(RESTX_DEFAULT_STATUS, route.file, route.line)]


def _raises(source: Source, route: Route) -> list[Documented]:
    located = _handler(source, route)
    if located is None:
        return []
    module, function = located
    found: list[Documented] = []
    for decorator in function.decorator_list:
        listed = keyword(decorator, LITESTAR_RAISES) if isinstance(decorator, ast.Call) else None
        if isinstance(listed, (ast.List, ast.Tuple)):
            for item in listed.elts:
                status = _exception_status(source, module, item)
                if status is not None:
                    found.append(Documented(status, module.path, item.lineno))
    return found


def _exception_status(source: Source, module: Module, node: ast.expr) -> int | None:
    """An exception class's status: a `status_code` class attribute of it or a project base,
    else the framework's own class's."""
    qualified = source.qualified(module, node)
    if qualified is None:
        return None
    chain = source.bases(source.resolve(qualified))
    attribute = status_attribute(source, chain)
    if attribute is not None:
        return attribute.status
    return next((EXCEPTION_STATUS[base] for base in chain if base in EXCEPTION_STATUS), None)
