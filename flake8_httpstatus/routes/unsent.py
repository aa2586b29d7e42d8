"""HS502 over the route table: a status an API documentation declares (a `responses=` key on a
route, its router or an include, `openapi_extra`, `extend_schema`) that no route it documents
sends. A rule over the whole project: rules/ holds its record, the front ends ask here for the
findings of the file they check when it is selected, and the project is read once per run."""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator
from pathlib import Path

from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.project.index import find_root
from flake8_httpstatus.routes.model import Route
from flake8_httpstatus.routes.source import Module, Source, Stamp, files_stamp
from flake8_httpstatus.routes.table import routes_of
from flake8_httpstatus.rules.documentation import HS502

# Routes named in a shared declaration's message, before "...".
_NAMED = 3
_PROJECTS: dict[Path, tuple[Stamp | None, dict[str, list[Finding]]]] = {}


def unsent_in(filename: str | None, recheck: bool = False) -> list[Finding]:
    """HS502's findings in the file `filename`, from its project as saved on disk. The project
    is read once per process; with `recheck` (a long-lived server) again when a file changed."""
    if not filename or filename in {"-", "stdin"}:
        return []
    path = os.path.abspath(filename)
    root = find_root(os.path.dirname(path))
    if root is None:
        return []
    stamp = files_stamp(root) if recheck else None
    known = _PROJECTS.get(root)
    if known is None or (recheck and known[0] != stamp):
        known = _PROJECTS[root] = (stamp, unsent(Source(root)))
    return known[1].get(Path(os.path.relpath(path, root)).as_posix(), [])


def forget() -> None:
    """Read every project again at its next use (a long-lived flake8 run again)."""
    _PROJECTS.clear()


def unsent(source: Source) -> dict[str, list[Finding]]:
    """HS502's findings of the project, by file (relative to its root, with `/`)."""
    declared: dict[tuple[str, int, int], list[tuple[Route, bool]]] = {}
    for route in routes_of(source):
        answered = {entry.status for entry in route.sends}
        answered |= {entry.status for entry in route.implicit}
        for entry in route.documented:
            key = (entry.file, entry.line, entry.status)
            declared.setdefault(key, []).append((route, entry.status in answered))
    modules = {module.path: module for module in source.modules.values()}
    found: dict[str, list[Finding]] = {}
    for (file, line, status), routes in sorted(declared.items()):
        module = modules.get(file)
        if module is None or any(sent for _, sent in routes):
            continue
        node = next(_keys(source, module, line, status), None)
        if node is None:
            continue  # what the framework documents by itself: no key to report
        found.setdefault(file, []).append(_finding(node, status, [route for route, _ in routes]))
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
