"""The language server's hover on a route's decorator: that route's row of the route map
(methods, path, and each status sent, documented and tested), as `routes --format markdown`
writes it. The map is read from the project's files as saved, kept per project until one of
them changes on disk, and built off the server's event loop (it reads every module)."""

from __future__ import annotations

import ast
import threading
from pathlib import Path

from flake8_httpstatus.frontends.route_report import route_markdown
from flake8_httpstatus.project.index import find_root
from flake8_httpstatus.routes.model import Route, RouteMap
from flake8_httpstatus.routes.source import Stamp, files_stamp
from flake8_httpstatus.routes.table import route_map

_LOCK = threading.Lock()
_MAPS: dict[Path, tuple[Stamp, RouteMap]] = {}


def route_hover(tree: ast.Module | None, path: Path, line: int) -> str | None:
    """The rows of the routes whose handler's decorator spans `line` (0-based) of the
    document `tree` parses, or None when the line is in no decorator of a route."""
    function = _decorated(tree, line + 1) if tree is not None else None
    if function is None:
        return None
    root = find_root(path.parent)
    if root is None:
        return None
    try:
        relative = path.resolve().relative_to(root).as_posix()
    except ValueError:
        return None
    routes = _handled_by(_current(root).routes, relative, function)
    return "\n\n".join(route_markdown(route) for route in routes) or None


def _decorated(tree: ast.Module, line: int) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """The function one of whose decorators spans `line`: down through the statements that
    hold the line only (a hover in a large document must not walk it all)."""
    body: list[ast.stmt] = tree.body
    while body:
        inner: list[ast.stmt] = []
        for statement in body:
            decorators = getattr(statement, "decorator_list", [])
            start = min([statement.lineno, *(decorator.lineno for decorator in decorators)])
            if not start <= line <= (statement.end_lineno or statement.lineno):
                continue
            if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef) and any(
                decorator.lineno <= line <= (decorator.end_lineno or decorator.lineno)
                for decorator in decorators
            ):
                return statement
            for name in ("body", "orelse", "finalbody"):
                inner += getattr(statement, name, [])
            for handler in getattr(statement, "handlers", []):
                inner += handler.body
            break
        body = inner
    return None


def _handled_by(
    routes: list[Route], file: str, function: ast.FunctionDef | ast.AsyncFunctionDef
) -> list[Route]:
    """The routes of `function`: by file and name, the line telling apart functions of the
    same name (the document may have moved it since it was saved)."""
    named = [
        route
        for route in routes
        if route.file == file
        and route.handler.rpartition(".")[2].rpartition(":")[2] == function.name
    ]
    placed = [route for route in named if route.line == function.lineno]
    return placed or named


def _current(root: Path) -> RouteMap:
    stamp = files_stamp(root)
    with _LOCK:
        known = _MAPS.get(root)
    if known is not None and known[0] == stamp:
        return known[1]
    found = route_map(root)
    with _LOCK:
        _MAPS[root] = (stamp, found)
    return found
