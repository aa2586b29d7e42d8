"""The route map's output formats: a table per route (text, Markdown), JSON, and one
self-contained HTML page with the matrix of routes by status."""

from __future__ import annotations

import dataclasses
import html
import json

from flake8_httpstatus.knowledge.registry import lookup
from flake8_httpstatus.routes.model import Route, RouteMap

FORMATS = ("text", "json", "markdown", "html")


def render(routes: RouteMap, output: str) -> str:
    if output == "json":
        return to_json(routes)
    if output == "markdown":
        return to_markdown(routes)
    if output == "html":
        return to_html(routes)
    return to_text(routes)


def to_json(routes: RouteMap) -> str:
    document: dict[str, object] = {
        "routes": [_route_json(route) for route in routes.routes],
        "unresolved_tests": [dataclasses.asdict(entry) for entry in routes.unresolved_tests],
    }
    if routes.openapi:
        # Only where an OpenAPI document was read: its operations that match no route.
        document["openapi"] = {
            "files": routes.openapi,
            "unmatched": [dataclasses.asdict(entry) for entry in routes.unmatched_operations],
        }
    return json.dumps(document, indent=2)


def _route_json(route: Route) -> dict[str, object]:
    data = dataclasses.asdict(route)
    data["methods"] = list(route.methods)
    del data["documented_whole"], data["relative"]
    del data["declared_at"]
    del data["made_router"]
    del data["included_elsewhere"]
    for entry in data["sends"]:
        del entry["raised"]
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


def _rows(route: Route) -> list[tuple[str, str, str, str, str]]:
    """One row per status: (status, sent, documented, tested, where)."""
    rows = []
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
    return rows


def _title(route: Route) -> str:
    return f"{' '.join(route.methods)} {route.path}"


def to_text(routes: RouteMap) -> str:
    blocks: list[str] = []
    for route in routes.routes:
        lines = [f"{_title(route)}  {route.handler}  {route.file}:{route.line}"]
        rows = [("status", "sent", "documented", "tested", "where"), *_rows(route)]
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


def _cell(text: str) -> str:
    return text.replace("|", "\\|")


def to_markdown(routes: RouteMap) -> str:
    blocks = ["# Routes", *(route_markdown(route) for route in routes.routes)]
    if routes.unresolved_tests:
        blocks.append(
            "## Unresolved tests\n\n"
            + "\n".join(
                f"- `{entry.file}:{entry.line}`: {_cell(entry.reason)}"
                for entry in routes.unresolved_tests
            )
        )
    return "\n\n".join(blocks) + "\n"


def route_markdown(route: Route) -> str:
    """One route's block: its title, handler and a row per status (also the language
    server's hover on the route's decorator)."""
    lines = [
        f"## `{_title(route)}`",
        "",
        f"`{route.handler}` in `{route.file}:{route.line}`",
        "",
        "| status | sent | documented | tested | where |",
        "|---|---|---|---|---|",
    ]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in _rows(route)]
    lines += [
        f"- unresolved test `{entry.file}:{entry.line}`: {_cell(entry.reason)}"
        for entry in route.unresolved_tests
    ]
    return "\n".join(lines)


# Each mark in a matrix cell, in order: what the route does with that status.
_MARKS = (("S", "sent"), ("I", "implicit"), ("D", "documented"), ("T", "tested"))
_STYLE = """
body { font-family: system-ui, sans-serif; margin: 1.5em; }
table { border-collapse: collapse; font-size: 0.9em; }
th, td { border: 1px solid #bbb; padding: 0.2em 0.5em; text-align: center; }
td.route { text-align: left; white-space: nowrap; }
th.status { writing-mode: vertical-rl; }
td.gap { background: #fde2e2; }
td.ok { background: #e2f5e2; }
"""


def to_html(routes: RouteMap) -> str:
    """One page, no network: a row per route, a column per status; each cell holds the marks
    of _MARKS (a status sent but not documented is shaded as a gap)."""
    columns = sorted({status for route in routes.routes for status in statuses(route)})
    head = "".join(
        f'<th class="status" title="{html.escape(_phrase(status))}">{status}</th>'
        for status in columns
    )
    body = []
    for route in routes.routes:
        location = f"{route.file}:{route.line}"
        cells = [
            f'<td class="route"><a href="{html.escape(route.file)}" title="{html.escape(location)}">'
            f"{html.escape(_title(route))}</a><br><small>{html.escape(route.handler)}</small></td>"
        ]
        for status in columns:
            marks = _marks(route, status)
            sent, documented = "S" in marks, "D" in marks
            # Where the route documents anything, a status sent but not documented (or the
            # reverse) is a gap.
            gap = sent != documented and bool(route.documented)
            shade = ' class="gap"' if gap else ""
            shade = ' class="ok"' if sent and documented else shade
            title = ", ".join(name for mark, name in _MARKS if mark in marks)
            cells.append(f'<td{shade} title="{title}">{"".join(marks)}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    legend = ", ".join(f"{mark}: {name}" for mark, name in _MARKS)
    unresolved = "".join(
        f"<li>{html.escape(f'{entry.file}:{entry.line}')}: {html.escape(entry.reason)}</li>"
        for entry in routes.unresolved_tests
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>Routes</title><style>{_STYLE}</style></head><body>"
        f"<h1>Routes</h1><p>{len(routes.routes)} routes. {legend}.</p>"
        f'<table id="routes"><thead><tr><th>route</th>{head}</tr></thead>'
        f"<tbody>{''.join(body)}</tbody></table>"
        + (f"<h2>Unresolved tests</h2><ul>{unresolved}</ul>" if unresolved else "")
        + "</body></html>\n"
    )


def _marks(route: Route, status: int) -> str:
    found = {
        "S": any(entry.status == status for entry in route.sends),
        "I": any(entry.status == status for entry in route.implicit),
        "D": any(entry.status == status for entry in route.documented),
        "T": any(entry.status == status for entry in route.tested),
    }
    return "".join(mark for mark, _ in _MARKS if found[mark])
