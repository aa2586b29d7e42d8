"""HS501 over the route table: the error statuses a FastAPI route sends through other modules
(dependencies, helpers, exception classes and handlers defined elsewhere), which the route's
OpenAPI responses, read whole along its routers and includes, do not document. What the
route's own module sends is the engine's HS501 (rules/documentation.py), never reported twice;
except for a route whose router is included in the application from another module only,
which the engine, reading one file, leaves alone: its own module's statuses are reported here.

Each finding has the engine's fix, made on the call that declares the route when it is in the
route's file: the statuses it names added to its `responses=`, keyed by number (the constant a
module elsewhere writes may not be imported in the route's)."""

from __future__ import annotations

import ast

from flake8_httpstatus.core.findings import Finding, Fix
from flake8_httpstatus.knowledge.openapi import BY_FRAMEWORK
from flake8_httpstatus.routes.model import Route, Sent
from flake8_httpstatus.routes.source import Source
from flake8_httpstatus.rules.checks.documentation import responses_fix
from flake8_httpstatus.rules.documentation import HS501

# Places named in a finding's message, before "...".
_NAMED = 3


def undocumented(source: Source, routes: list[Route]) -> dict[str, list[Finding]]:
    """The findings by file (relative to the root, with `/`), at each route's function."""
    modules = {module.path: module for module in source.modules.values()}
    # A function may be the route of several chains (a router included twice): one finding.
    missing: dict[tuple[str, int], tuple[Route, set[Sent]]] = {}
    for route in routes:
        if route.framework != "fastapi" or not route.documented_whole or route.made_router:
            continue
        # FastAPI documents 422 for a route whose dependencies read parameters, which the table
        # cannot always tell (a dependency made by a factory: `Depends(make_dependable(Q))`).
        covered = {entry.status for entry in route.documented} | {422}
        sent = {
            entry
            for entry in route.sends
            if entry.status >= 400
            and entry.status not in covered
            and (entry.file != route.file or route.included_elsewhere)
        }
        if sent:
            missing.setdefault((route.file, route.line), (route, set()))[1].update(sent)
    found: dict[str, list[Finding]] = {}
    for route, sent in missing.values():
        module = modules.get(route.file)
        function = _function(module.tree, route.line) if module is not None else None
        if module is not None and function is not None:
            fix = _fix(module.tree, route, {entry.status for entry in sent})
            found.setdefault(route.file, []).append(_finding(function, sorted(sent), fix))
    return found


def _function(tree: ast.Module, line: int) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.lineno == line:
            return node
    return None


def _fix(tree: ast.Module, route: Route, statuses: set[int]) -> Fix | None:
    """The missing statuses added to the `responses=` of the call declaring the route, when
    that call is in the route's file (`add_api_route` in another module: no fix there)."""
    if route.declared_at is None or route.declared_at[0] != route.file:
        return None
    _, line, column = route.declared_at
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and (node.lineno, node.col_offset) == (line, column):
            keys = {status: str(status) for status in statuses}
            return responses_fix(BY_FRAMEWORK["fastapi"], node, keys)
    return None


def _finding(
    function: ast.FunctionDef | ast.AsyncFunctionDef, sent: list[Sent], fix: Fix | None
) -> Finding:
    codes = ", ".join(str(status) for status in sorted({entry.status for entry in sent}))
    places = sorted({entry.via for entry in sent})
    via = ", ".join(places[:_NAMED]) + (", ..." if len(places) > _NAMED else "")
    # At the function's name: `def` and its decorators are the route, the name says which.
    keyword = "async def " if isinstance(function, ast.AsyncFunctionDef) else "def "
    name = ast.Name(function.name, lineno=function.lineno, end_lineno=function.lineno)
    name.col_offset = function.col_offset + len(keyword)
    name.end_col_offset = name.col_offset + len(function.name.encode("utf-8"))
    return HS501.finding_at(name, "elsewhere", fix=fix, name=function.name, codes=codes, via=via)
