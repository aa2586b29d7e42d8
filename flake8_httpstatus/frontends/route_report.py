"""The route map's output formats: a table per route (text) and JSON."""

from __future__ import annotations

import dataclasses
import json

from flake8_httpstatus.knowledge.registry import lookup
from flake8_httpstatus.routes.model import Route, RouteMap

FORMATS = ("text", "json")


def render(routes: RouteMap, output: str) -> str:
    if output == "json":
        return to_json(routes)
    return to_text(routes)


def to_json(routes: RouteMap) -> str:
    document = {
        "routes": [_route_json(route) for route in routes.routes],
        "unresolved_tests": [dataclasses.asdict(entry) for entry in routes.unresolved_tests],
    }
    return json.dumps(document, indent=2)


def _route_json(route: Route) -> dict[str, object]:
    data = dataclasses.asdict(route)
    data["methods"] = list(route.methods)
    return data


def statuses(route: Route) -> list[int]:
    """Every status the route's row shows, in order."""
    found = {entry.status for entry in route.sends}
    found.update(entry.status for entry in route.documented)
    found.update(entry.status for entry in route.tested)
    found.update(entry.status for entry in route.implicit)
    return sorted(found)


def _phrase(status: int) -> str:
    entry = lookup(status)
    return entry.phrase if entry is not None else ""


def to_text(routes: RouteMap) -> str:
    blocks: list[str] = []
    for route in routes.routes:
        lines = [
            f"{' '.join(route.methods)} {route.path}  {route.handler}  {route.file}:{route.line}",
        ]
        rows = [("status", "sent", "documented", "tested", "where")]
        for status in statuses(route):
            sent = [entry for entry in route.sends if entry.status == status]
            implicit = [entry for entry in route.implicit if entry.status == status]
            documented = any(entry.status == status for entry in route.documented)
            tested = [entry for entry in route.tested if entry.status == status]
            where = [f"{entry.file}:{entry.line} {entry.via}" for entry in sent]
            where += [f"implicit: {entry.reason}" for entry in implicit]
            where += [f"tested {entry.file}:{entry.line}" for entry in tested]
            rows.append(
                (
                    f"{status} {_phrase(status)}",
                    "yes" if sent else ("implicit" if implicit else "-"),
                    "yes" if documented else "-",
                    "yes" if tested else "-",
                    "; ".join(where),
                )
            )
        widths = [max(len(row[column]) for row in rows) for column in range(4)]
        for row in rows:
            cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
            lines.append(("  " + "  ".join([*cells, row[4]])).rstrip())
        for entry in route.unresolved_tests:
            lines.append(f"  unresolved test {entry.file}:{entry.line}: {entry.reason}")
        blocks.append("\n".join(lines))
    for entry in routes.unresolved_tests:
        blocks.append(f"unresolved test {entry.file}:{entry.line}: {entry.reason}")
    count = len(routes.routes)
    blocks.append(f"{count} route{'' if count == 1 else 's'}")
    return "\n\n".join(blocks)
