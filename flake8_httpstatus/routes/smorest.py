"""Statuses flask-smorest's and APIFlask's decorators on a view function or a MethodView's
method document, with those each library adds to its OpenAPI document by itself; and the
status of the request validation they add (`@blp.arguments`, `@blp.paginate`, `@app.input`),
which the library sends by itself: implicit."""

from __future__ import annotations

import ast

from flake8_httpstatus.knowledge.api_docs import (
    APIFLASK_ADDED,
    APIFLASK_DEFAULT_STATUS,
    APIFLASK_DOC,
    APIFLASK_OUTPUT,
    APIFLASK_PATH_PARAMETER_STATUS,
    APIFLASK_VALIDATED,
    SMOREST_DOC,
    SMOREST_ETAG,
    SMOREST_ETAG_STATUSES,
    SMOREST_OLD_CODE,
    SMOREST_OLD_DEFAULT_STATUS,
    SMOREST_OLD_RESPONSE,
    SMOREST_RESPONSES,
    SMOREST_VALIDATED,
    SMOREST_VALIDATION_STATUS,
    VALIDATION_REASON,
)
from flake8_httpstatus.routes.model import Documented, Implicit, Route
from flake8_httpstatus.routes.source import Module, Source, keyword


def document(source: Source, routes: list[Route]) -> None:
    for route in routes:
        if route.framework not in ("flask-smorest", "apiflask"):
            continue
        module_name, _, local = route.handler.partition(":")
        located = source.function(f"{module_name}.{local}")
        if located is None:
            continue
        module, function = located[0], located[2]
        read = _smorest if route.framework == "flask-smorest" else _apiflask
        found = read(source, module, route, function.decorator_list)
        route.documented = sorted(
            {
                entry.status: entry for entry in sorted([*route.documented, *found], reverse=True)
            }.values()
        )
        validated = _validation_status(source, module, route, function.decorator_list)
        if validated is not None:
            route.implicit = sorted({*route.implicit, Implicit(validated, VALIDATION_REASON)})


def _named(decorator: ast.expr) -> tuple[str, ast.Call | None] | None:
    """A `@holder.name` or `@holder.name(...)` decorator's name and call."""
    call = decorator if isinstance(decorator, ast.Call) else None
    target = call.func if call is not None else decorator
    return (target.attr, call) if isinstance(target, ast.Attribute) else None


def _smorest(
    source: Source, module: Module, route: Route, decorators: list[ast.expr]
) -> list[Documented]:
    found: list[Documented] = []
    for decorator in decorators:
        named = _named(decorator)
        if named is None:
            continue
        name, call = named
        here = (module.path, decorator.lineno)
        if name in SMOREST_RESPONSES and call is not None:
            status = source.status(module, keyword(call, "status_code", 0))
            if status is None and _old_response(source, module, call):
                code = keyword(call, SMOREST_OLD_CODE)  # unreadable: nothing documented
                status = source.status(module, code) if code else SMOREST_OLD_DEFAULT_STATUS
            found += [Documented(status, *here)] if status else []
        elif name == SMOREST_DOC and call is not None:
            responses = keyword(call, "responses")
            found += [Documented(*entry) for entry in source.statuses_of_mapping(module, responses)]
        elif name in SMOREST_VALIDATED:
            found.append(Documented(_smorest_validation(source, module, call), *here))
        elif name == SMOREST_ETAG:
            found += [
                Documented(status, *here)
                for methods, statuses in SMOREST_ETAG_STATUSES
                if methods.intersection(route.methods)
                for status in statuses
            ]
    return found


def old_response_code(source: Source, module: Module, call: ast.Call) -> int | None:
    """The `code=` of a `@blp.response(Schema, code=201)` written for flask-smorest before
    0.29.0."""
    if not isinstance(call.func, ast.Attribute) or call.func.attr != SMOREST_OLD_RESPONSE:
        return None
    code = keyword(call, SMOREST_OLD_CODE)
    return source.status(module, code) if code is not None else None


def _old_response(source: Source, module: Module, call: ast.Call) -> bool:
    """`response(...)` in flask-smorest's form before 0.29.0: `code=`, no status at all, or a
    schema first (the later form takes the status first)."""
    if not isinstance(call.func, ast.Attribute) or call.func.attr != SMOREST_OLD_RESPONSE:
        return False
    if keyword(call, SMOREST_OLD_CODE) is not None:
        return True
    first = keyword(call, "status_code", 0)
    return first is None or _is_schema(source, module, first)


def _is_schema(source: Source, module: Module, node: ast.expr) -> bool:
    """A class of the project, or a call of one (`TeamSchema`, `TeamSchema(many=True)`)."""
    if isinstance(node, ast.Call):
        node = node.func
    qualified = source.qualified(module, node)
    return qualified is not None and source.class_(qualified) is not None


def _smorest_validation(source: Source, module: Module, call: ast.Call | None) -> int:
    """The status of an `arguments`/`paginate` decorator's validation: its
    `error_status_code=`, else webargs' default."""
    given = keyword(call, "error_status_code") if call is not None else None
    status = source.status(module, given) if given is not None else None
    return status or SMOREST_VALIDATION_STATUS


def _validation_status(
    source: Source, module: Module, route: Route, decorators: list[ast.expr]
) -> int | None:
    """The status the route's request validation sends, if a decorator adds one."""
    for decorator in decorators:
        named = _named(decorator)
        if named is None:
            continue
        name, call = named
        if route.framework == "flask-smorest" and name in SMOREST_VALIDATED:
            return _smorest_validation(source, module, call)
        if route.framework == "apiflask" and name == APIFLASK_VALIDATED:
            return APIFLASK_ADDED[name]
    return None


def _apiflask(
    source: Source, module: Module, route: Route, decorators: list[ast.expr]
) -> list[Documented]:
    found: list[Documented] = []
    declared = False  # an `output` or a `doc(responses=)`: no default 200
    for decorator in decorators:
        named = _named(decorator)
        if named is None:
            continue
        name, call = named
        here = (module.path, decorator.lineno)
        if name == APIFLASK_OUTPUT and call is not None:
            declared = True
            given = keyword(call, "status_code", 1)
            status = source.status(module, given) if given is not None else APIFLASK_DEFAULT_STATUS
            found += [Documented(status, *here)] if status else []
        elif name == APIFLASK_DOC and call is not None:
            responses = keyword(call, "responses")
            declared = declared or responses is not None
            found += _apiflask_responses(source, module, responses)
        elif name in APIFLASK_ADDED:
            found.append(Documented(APIFLASK_ADDED[name], *here))
    if not declared:
        found.append(Documented(APIFLASK_DEFAULT_STATUS, route.file, route.line))
    if "{" in route.path:
        found.append(Documented(APIFLASK_PATH_PARAMETER_STATUS, route.file, route.line))
    return found


def _apiflask_responses(
    source: Source, module: Module, responses: ast.expr | None
) -> list[Documented]:
    """`responses=` as a list of statuses, or a dict whose keys are."""
    if not isinstance(responses, (ast.List, ast.Tuple)):
        return [Documented(*entry) for entry in source.statuses_of_mapping(module, responses)]
    found: list[Documented] = []
    for item in responses.elts:
        status = source.status(module, item)
        found += [Documented(status, module.path, item.lineno)] if status else []
    return found
