"""HS502 over the route table: a status an API documentation declares (a `responses=` key on a
route, its router or an include, `openapi_extra`) that no route it documents sends. Routes
under a router whose class a project function makes are left alone (routes/model.py)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.routes.model import Route
from flake8_httpstatus.routes.source import Module, Source
from flake8_httpstatus.rules.documentation import HS502

# Routes named in a shared declaration's message, before "...".
_NAMED = 3


def unsent(source: Source, routes: list[Route]) -> dict[str, list[Finding]]:
    """HS502's findings of the project, by file (relative to its root, with `/`)."""
    declared: dict[tuple[str, int, int], list[tuple[Route, bool]]] = {}
    for route in routes:
        if route.made_router:
            continue  # its route class may keep it out of the schema, or document more
        answered = {entry.status for entry in route.sends}
        answered |= {entry.status for entry in route.implicit}
        for entry in route.documented:
            key = (entry.file, entry.line, entry.status)
            declared.setdefault(key, []).append((route, entry.status in answered))
    modules = {module.path: module for module in source.modules.values()}
    found: dict[str, list[Finding]] = {}
    for (file, line, status), covering in sorted(declared.items()):
        module = modules.get(file)
        if module is None or any(sent for _, sent in covering):
            continue
        node = next(_keys(source, module, line, status), None)
        if node is None:
            continue  # what the framework documents by itself: no key to report
        found.setdefault(file, []).append(_finding(node, status, [route for route, _ in covering]))
    return found


def _keys(source: Source, module: Module, line: int, status: int) -> Iterator[ast.expr]:
    """The mapping keys on `line` of `module` that name `status`."""
    for node in ast.walk(module.tree):
        if isinstance(node, ast.Dict) and node.lineno <= line <= (node.end_lineno or line):
            for key in node.keys:
                if key is not None and key.lineno == line and _names(source, module, key, status):
                    yield key


def _names(source: Source, module: Module, key: ast.expr, status: int) -> bool:
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        return key.value == str(status)
    return source.status(module, key) == status


def _finding(node: ast.expr, status: int, routes: list[Route]) -> Finding:
    names = sorted({route.handler.rpartition(":")[2] for route in routes})
    if len(names) == 1:
        return HS502.finding_at(node, route=names[0], code=status)
    shown = ", ".join(f"{name}()" for name in names[:_NAMED])
    if len(names) > _NAMED:
        shown += ", ..."
    return HS502.finding_at(node, "shared", code=status, count=len(names), routes=shown)
