"""The rules over the whole project, on the route table: HS501's statuses sent through other
modules (routes/undocumented.py) and HS502 (routes/unsent.py). Their records are in rules/ like
the others; the front ends ask here for the findings in the file they check, only when one of
them is selected, and the project is read once per run."""

from __future__ import annotations

import os
from pathlib import Path

from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.project.index import find_root
from flake8_httpstatus.routes.source import Source, Stamp, files_stamp
from flake8_httpstatus.routes.table import routes_of
from flake8_httpstatus.routes.undocumented import undocumented
from flake8_httpstatus.routes.unsent import unsent

_PROJECTS: dict[Path, tuple[Stamp | None, dict[str, list[Finding]]]] = {}


def whole_project_findings(source: Source) -> dict[str, list[Finding]]:
    """Every such finding of the project, by file (relative to its root, with `/`)."""
    routes = routes_of(source)
    found = unsent(source, routes)
    for file, findings in undocumented(source, routes).items():
        found.setdefault(file, []).extend(findings)
    return found


def findings_in(
    filename: str | None, codes: tuple[str, ...], recheck: bool = False, text: str | None = None
) -> list[Finding]:
    """The findings of `codes` in the file `filename`, from its project as saved on disk. The
    project is read once per process; with `recheck` (a long-lived server) again when a file
    changed. With `text`, the file's fixed text not yet written: its findings, their places and
    fixes, are those of the project with that text, read again only when the file had some
    (a fix that documents a status moves what follows it)."""
    if not filename or filename in {"-", "stdin"}:
        return []
    path = os.path.abspath(filename)
    root = find_root(os.path.dirname(path))
    if root is None:
        return []
    stamp = files_stamp(root) if recheck else None
    known = _PROJECTS.get(root)
    if known is None or (recheck and known[0] != stamp):
        known = _PROJECTS[root] = (stamp, whole_project_findings(Source(root)))
    relative = Path(os.path.relpath(path, root)).as_posix()
    found = known[1].get(relative, [])
    if text is not None and any(finding.code in codes for finding in found):
        found = whole_project_findings(Source(root, {relative: text})).get(relative, [])
    return [finding for finding in found if finding.code in codes]


def forget() -> None:
    """Read every project again at its next use (a long-lived flake8 run again)."""
    _PROJECTS.clear()
