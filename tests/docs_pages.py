"""The documentation site's generated parts, written from the records they describe.

A generated part sits in a hand-written page between two markers,

    <!-- generated: NAME -->
    ...
    <!-- end generated: NAME -->

so the prose around it stays editable while the part cannot drift from its record:
`tests/test_site.py` fails when a part differs from what is written here.
Rewrite them with `python -m tests.docs_pages` (or `UPDATE_DOCS=1 python -m pytest
tests/test_site.py`).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from flake8_httpstatus.config.files import PER_FILE_IGNORES, RUNNER_KEYS
from flake8_httpstatus.config.options import OPTIONS
from flake8_httpstatus.frontends.explain import _CLASS_TITLES as CLASS_TITLES
from flake8_httpstatus.knowledge.frameworks import LIBRARIES, Library, Param, Sink
from flake8_httpstatus.knowledge.registry import (
    MODULES,
    OLDEST_SUPPORTED,
    StatusCode,
    all_codes,
    shown,
    versions_having,
)
from flake8_httpstatus.knowledge.registry._dependencies import IMPLIED
from flake8_httpstatus.rules import RULES
from flake8_httpstatus.rules._rule import FixSafety

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _table(header: Iterable[str], rows: Iterable[Iterable[str]]) -> str:
    head = list(header)
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(_cell(cell) for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def options() -> str:
    """Every engine option, from `config/options.py`, as each place spells it."""
    rows = (
        (
            f"`{option.name}`",
            f"`--{option.name}`",
            f"`{option.name.removeprefix('httpstatus-')}`",
            f"`{option.default}`" if option.default else "see its meaning",
            option.help,
        )
        for option in OPTIONS
    )
    header = ("`[flake8]` key", "command line", "`[tool.flake8-httpstatus]` key", "default")
    table = _table((*header, "meaning"), rows)
    others = ", ".join(f"`{key}`" for key in (*RUNNER_KEYS, PER_FILE_IGNORES))
    return (
        f"{table}\n\n"
        f"Besides these, `[tool.flake8-httpstatus]` takes {others} "
        "(see [Selecting rules and files](#selecting-rules-and-files))."
    )


FIX = {
    FixSafety.SAFE: "safe",
    FixSafety.MIXED: "mixed",
    FixSafety.UNSAFE: "unsafe",
    FixSafety.NONE: "no",
}


def rules() -> str:
    """The rule index, from each rule's record."""
    rows = (
        (
            f"[{rule.code}]({rule.code}.md)",
            rule.name,
            rule.severity.value,
            "yes" if rule.default_enabled else "**no**",
            FIX[rule.fix_safety],
            rule.summary,
        )
        for rule in RULES.values()
    )
    return _table(("code", "name", "severity", "on by default", "fix", "what it flags"), rows)


def _param(param: Param | None) -> str:
    if param is None:
        return "(fixed)"
    parts = []
    if param.keyword is not None:
        parts.append(f"`{param.keyword}=`")
    if param.position is not None:
        parts.append(f"position {param.position}")
    elif param.keyword is not None:
        parts.append("keyword only")
    if param.many:
        parts.append("a list of statuses")
    return ", ".join(parts) or "any position"


def _sink(sink: Sink) -> str:
    text = f"{sink.kind.value}; status: {_param(sink.status)}"
    for extra in sink.also:
        text += f", also {_param(extra)}"
    if sink.default is not None:
        text += f"; default {sink.default}"
    if sink.mappings:
        text += "; status keys of " + ", ".join(f"`{name}=`" for name in sink.mappings)
    if sink.accepted is not None:
        text += f"; takes only {len(sink.accepted)} codes"
    return text


def _versions(library: Library) -> list[str]:
    """The distributions whose declared versions decide this library's constant names."""
    found = []
    for style in sorted(set(library.holders.values())):
        distribution = MODULES[style].version_of
        oldest = OLDEST_SUPPORTED.get(distribution)
        since = f" (oldest supported: {shown(oldest)})" if oldest else ""
        found.append(f"`{distribution}`{since}, for the `{style}` constants")
    for distribution, (implied, _rows) in IMPLIED.items():
        if distribution.split("-")[0] in library.packages:
            found.append(f"`{distribution}`, which implies a `{implied}` range")
    return found


def _library(library: Library) -> str:
    lines = [f"### {library.name}", ""]
    if library.packages:
        packages = ", ".join(f"`{name}`" for name in sorted(library.packages))
        lines += [f"Recognised in files importing {packages}.", ""]
    if library.modules:
        lines.append(
            "Public modules checked: " + ", ".join(f"`{m}`" for m in library.modules) + "."
        )
    lines.append("")
    if library.calls:
        lines += ["Calls:", ""]
        lines += [f"- `{name}`: {_sink(sink)}" for name, sink in sorted(library.calls.items())]
        lines.append("")
    if library.methods:
        lines += ["Methods (in files importing the library, or on its fixtures' names):", ""]
        for names, sink in library.methods:
            methods = ", ".join(f"`.{name}()`" for name in names)
            lines.append(f"- {methods}: {_sink(sink)}")
        lines.append("")
    if library.receivers:
        receivers = ", ".join(f"`{name}`" for name in sorted(library.receivers))
        lines += [f"Receivers recognised without an import: {receivers}.", ""]
    for views in library.views:
        layout = views.layout
        where = sorted(views.decorators) + sorted(views.bases)
        found = ", ".join(f"`{name}`" for name in where)
        if views.module_functions:
            found = "module-level functions"
        lines += [
            f"Views ({found}): a returned tuple of {' or '.join(map(str, sorted(layout.sizes)))} "
            f"items holds the status at index {layout.status}.",
            "",
        ]
    for module, (attribute, word) in sorted(library.status_classes.items()):
        named = f" named with `{word}`" if word else ""
        lines.append(f"- Classes{named} in `{module}`: the class attribute `{attribute}`.")
    for key in library.dict_keys:
        lines.append(f"- Dict key `{key.key!r}`: {_sink(key.sink)}")
    if library.modulo is not None:
        lines.append(f"- The `%` operator: {_sink(library.modulo)}")
    for added in library.added_headers:
        headers = ", ".join(sorted(added.headers))
        lines.append(
            f"- Headers it adds itself: {headers}, for views of "
            + ", ".join(f"`{name}`" for name in sorted(added.bases | added.decorators))
        )
    if library.holders:
        holders = ", ".join(f"`{holder}`" for holder in sorted(library.holders))
        lines.append(f"- Constants: {holders}.")
    for found in _versions(library):
        lines.append(f"- Versions read: {found}.")
    return "\n".join(lines).rstrip() + "\n"


def libraries() -> str:
    """Every library record of `knowledge/frameworks.py`."""
    return "\n".join(_library(library) for library in LIBRARIES).rstrip()


def versions() -> str:
    """The distributions whose versions are read, and the oldest each is assumed to be."""
    rows = [(f"`{name}`", shown(version)) for name, version in OLDEST_SUPPORTED.items()]
    rows += [
        (f"`{name}`", f"implies a `{implied}` range per release ({len(table)} rows)")
        for name, (implied, table) in IMPLIED.items()
    ]
    return _table(("distribution", "oldest supported / what it implies"), rows)


def _code(entry: StatusCode) -> str:
    lines = [f"### {entry.code} {entry.phrase}", ""]
    facts = [
        f"standing: {entry.standing.value}",
        f"reference: {entry.reference}" if entry.reference else "",
        "content allowed" if entry.content_allowed else "no content",
    ]
    lines += ["*" + "; ".join(fact for fact in facts if fact) + "*", "", entry.description, ""]
    if entry.note:
        lines += [entry.note, ""]
    if entry.use_cases:
        lines += ["Common use cases: " + "; ".join(entry.use_cases) + ".", ""]
    for header in entry.headers:
        lines.append(f"- Header `{header.header}`: {header.level.value} ({header.reference})")
    for constant in entry.constants:
        module = MODULES[constant.style]
        owner = f"{module.module}.{module.owner}" if module.owner else module.module
        alias = ", an alias" if constant.alias else ""
        lines.append(f"- `{owner}.{constant.name}` ({versions_having(constant)}{alias})")
    return "\n".join(lines).rstrip() + "\n"


def status_codes() -> str:
    """Every code of the registry, grouped by class."""
    parts = []
    current = ""
    for entry in all_codes():
        if entry.status_class != current:
            current = entry.status_class
            parts.append(f"## {current} {CLASS_TITLES[current]}\n")
        parts.append(_code(entry))
    return "\n".join(parts).rstrip()


# Page (relative to docs/) -> the generated parts it holds.
PARTS: dict[str, dict[str, Callable[[], str]]] = {
    "configuration.md": {"options": options},
    "rules/index.md": {"rules": rules},
    "frameworks.md": {"libraries": libraries},
    "versions.md": {"versions": versions},
    "status-codes.md": {"codes": status_codes},
}


def _part(name: str) -> re.Pattern[str]:
    return re.compile(
        rf"(<!-- generated: {name} -->\n)(.*?)(<!-- end generated: {name} -->)", re.DOTALL
    )


def written(page: str, name: str) -> str | None:
    """The part as the page holds it, or None when the page has no such part."""
    found = _part(name).search((DOCS / page).read_text(encoding="utf-8"))
    return None if found is None else found.group(2)


def expected(page: str, name: str) -> str:
    return PARTS[page][name]().rstrip() + "\n"


def rewrite(page: str) -> None:
    path = DOCS / page
    text = path.read_text(encoding="utf-8")
    for name in PARTS[page]:
        content = expected(page, name)
        found = list(_part(name).finditer(text))
        if len(found) != 1:
            raise SystemExit(f"{path}: no single part named {name!r}")
        text = text[: found[0].start(2)] + content + text[found[0].end(2) :]
    path.write_text(text, encoding="utf-8")


def main() -> int:
    for page in PARTS:
        rewrite(page)
    return 0


if __name__ == "__main__":
    sys.exit(main())
