"""Text for `explain` and `codes`: the registry's entries and the rules' pages, rendered."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flake8_httpstatus.knowledge.registry import (
    MODULES,
    Constant,
    Standing,
    StatusCode,
    VersionRange,
    all_codes,
    check_name,
    lookup,
    versions_having,
)
from flake8_httpstatus.rules import RULES, Rule

_CLASS_TITLES = {
    "1xx": "Informational",
    "2xx": "Success",
    "3xx": "Redirection",
    "4xx": "Client Errors",
    "5xx": "Server Errors",
}
_STYLE_TITLES = {
    "stdlib": "Python (http.HTTPStatus)",
    "drf": "Django REST framework",
    "starlette": "Starlette",
    "fastapi": "FastAPI",
    "litestar": "Litestar",
    "robyn": "Robyn",
    "falcon": "Falcon",
    "httpx": "httpx",
    "requests": "requests",
}
_VERSION_LABELS = {"python": "Python", "starlette": "Starlette"}


def explain_rule(rule: Rule) -> str:
    return rule.page().rstrip()


def _spelled(constant: Constant) -> str:
    module = MODULES[constant.style]
    if constant.style == "fastapi":
        return f"from fastapi import status; status.{constant.name}"
    if module.owner is not None:
        return f"{module.module}.{module.owner}.{constant.name}"
    return f"{module.module}.{constant.name}"


def _version(constant: Constant) -> str:
    label = _VERSION_LABELS.get(
        MODULES[constant.style].version_of, MODULES[constant.style].version_of
    )
    notes = []
    if constant.since:
        notes.append(f"since {label} {'.'.join(map(str, constant.since))}")
    if constant.deprecated_since:
        notes.append(f"deprecated since {label} {'.'.join(map(str, constant.deprecated_since))}")
    if constant.alias:
        notes.append("alias")
    return f" ({', '.join(notes)})" if notes else ""


def explain_code(code: int) -> str:
    entry = lookup(code)
    if entry is None:
        if 100 <= code <= 599:
            return (
                f"{code}: not an assigned status code.\n"
                f"Clients treat an unrecognized code as {code // 100}00 (RFC 9110 §15); "
                "flake8-httpstatus reports it as HS201."
            )
        return f"{code}: not a valid status code; valid codes are 100-599 (RFC 9110 §15)."
    lines = [
        f"{entry.code} {entry.phrase}",
        "",
        f"Class:       {entry.status_class} - {_CLASS_TITLES[entry.status_class]}",
        f"Standing:    {entry.standing.value}",
        f"Reference:   {entry.reference}",
        f"Content:     {'allowed' if entry.content_allowed else 'not allowed (no body)'}",
        "",
        entry.description,
    ]
    if entry.use_cases:
        lines += ["", "Common use cases:", *(f"  - {case}" for case in entry.use_cases)]
    if entry.note:
        lines += ["", f"Note: {entry.note}"]
    if entry.headers:
        lines += ["", "Headers:"]
        lines += [
            f"  - {rule.header}: {rule.level.value} ({rule.reference})" for rule in entry.headers
        ]
    if entry.standing is Standing.NONSTANDARD:
        lines += [
            "",
            f"Not registered with IANA: clients that do not know it read it as {code // 100}00.",
        ]
    concerned = _rules_for(code)
    if concerned:
        lines += ["", "Rules:", *concerned]
    lines += ["", "Constants:"]
    if entry.constants:
        for style, title in _STYLE_TITLES.items():
            names = [c for c in entry.constants if c.style == style]
            if names:
                lines.append(f"  {title}:")
                lines += [f"    {_spelled(c)}{_version(c)}" for c in names]
    else:
        lines.append("  none in any library")
    return "\n".join(lines)


def _rules_for(code: int) -> list[str]:
    """The rules that may report `code`, each with why, from the rules' own records."""
    lines = []
    for rule in RULES.values():
        reason = rule.concerns(code) if rule.concerns is not None else None
        if reason is not None:
            lines.append(f"  - {rule.code} {rule.name}: {reason}")
    return lines


def unknown_code(code: int) -> str:
    """The one-line error for `explain` of a code the registry does not have."""
    if 100 <= code <= 599:
        return (
            f"{code} is not an assigned status code (clients read it as {code // 100}00; "
            "HS201 reports it)"
        )
    return f"{code} is not a valid status code (status codes are 100-599; HS201 reports it)"


def code_markdown(code: int) -> str:
    """`explain_code` as Markdown, for hovers."""
    text = explain_code(code)
    title, _, rest = text.partition("\n")
    entry = lookup(code)
    if entry is None:
        return f"**{title}**\n\n{rest.strip()}"
    body = (
        rest.replace("Common use cases:", "**Common use cases:**")
        .replace("Headers:", "**Headers:**")
        .replace("Rules:", "**Rules:**")
        .replace("Constants:", "**Constants:**")
    )
    lines = []
    for line in body.strip().splitlines():
        stripped = line.strip()
        if line.startswith("    ") and not stripped.startswith("-"):
            lines.append(f"    - `{stripped}`")
        elif line.startswith("  ") and stripped.endswith(":") and not stripped.startswith("-"):
            lines.append(f"  - {stripped}")
        elif ":" in stripped and stripped.split(":")[0] in {
            "Class",
            "Standing",
            "Reference",
            "Content",
        }:
            lines.append(f"{stripped}  ")
        else:
            lines.append(line)
    return f"### {title}\n\n" + "\n".join(lines)


def list_codes(entries: list[StatusCode], total: int) -> str:
    lines = ["HTTP Status Codes Reference", "", f"Showing {len(entries)} of {total} status codes"]
    current = None
    for entry in entries:
        if entry.status_class != current:
            current = entry.status_class
            lines += ["", f"{current} - {_CLASS_TITLES[current]}"]
        lines += [
            "",
            f"{entry.code} {entry.phrase} ({entry.standing.value})",
            f"    {entry.description}",
        ]
        if entry.use_cases:
            lines.append(f"    Use cases: {'; '.join(entry.use_cases)}")
    return "\n".join(lines)


def code_to_json(entry: StatusCode) -> dict[str, Any]:
    constants: dict[str, list[str]] = {}
    for constant in entry.constants:
        constants.setdefault(constant.style, []).append(constant.name)
    return {
        "code": entry.code,
        "phrase": entry.phrase,
        "class": entry.status_class,
        "description": entry.description,
        "use_cases": list(entry.use_cases),
        "standing": entry.standing.value,
        "reference": entry.reference,
        "content_allowed": entry.content_allowed,
        "headers": [
            {"header": rule.header, "level": rule.level.value, "reference": rule.reference}
            for rule in entry.headers
        ],
        "constants": constants,
        "note": entry.note,
        "in_reference": entry.in_seed,
    }


def explain_name(name: str, versions: Mapping[str, VersionRange]) -> str | None:
    """Which versions have a constant name (`status.HTTP_422_UNPROCESSABLE_ENTITY` or the bare
    name), in each style that has it, and what that means for the project's `versions`.
    None when no style has such a name."""
    bare = name.strip().rpartition(".")[2]
    found = [
        (entry, constant)
        for entry in all_codes()
        for constant in entry.constants
        if constant.name == bare
    ]
    if not found:
        return None
    lines = [f"{bare}: {found[0][0].code} {found[0][0].phrase}", ""]
    for entry, constant in found:
        lines.append(f"  {_spelled(constant)}: {versions_having(constant)}")
        if constant.deprecated_since or constant.since:
            others = [
                other
                for other in entry.constants
                if other.style == constant.style and other.name != bare
            ]
            lines += [
                f"      other name: {other.name} ({versions_having(other)})" for other in others
            ]
    lines.append("")
    for style in dict.fromkeys(constant.style for _, constant in found):
        distribution = MODULES[style].version_of
        allowed = versions.get(distribution)
        where = (
            allowed.describe(distribution)
            if allowed is not None and allowed.source
            else f"{distribution}: nothing declared (any supported version)"
        )
        if distribution == "python" and allowed is not None and allowed.low:
            source = allowed.source if allowed.source.startswith("from") else "by default"
            where = f"Python >= {'.'.join(map(str, allowed.low))} (target {source})"
        problem = check_name(style, bare, versions)
        since = next(c.since for _, c in found if c.style == style)
        if problem is not None:
            use = f": use {problem.replacement.name}" if problem.replacement else ""
            verdict = f"{problem.problem} in some allowed version{use}"
        elif since and (allowed is None or not allowed.source):
            verdict = (
                f"needs {distribution} {'.'.join(map(str, since))}; not reported while the "
                "project declares no version"
            )
        else:
            verdict = "fine in every allowed version"
        lines.append(f"This project, {_STYLE_TITLES[style]}: {where}: {verdict}")
    return "\n".join(lines)
