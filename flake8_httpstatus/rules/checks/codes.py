"""HS2xx's checks: unknown, nonstandard, deprecated and version-dependent codes (records: rules/codes.py)."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator

from flake8_httpstatus.analysis.context import FileContext
from flake8_httpstatus.analysis.sites import STRICT_HOLDERS, Site, Where
from flake8_httpstatus.core.findings import Fix, RawFinding
from flake8_httpstatus.knowledge.registry import (
    MODULES,
    Standing,
    Version,
    VersionRange,
    check_name,
    deprecated_somewhere,
    lookup,
)
from flake8_httpstatus.knowledge.registry import shown as dotted
from flake8_httpstatus.rules.codes import HS201, HS202, HS203, HS204, QUESTIONED

_LIBRARY_NAMES = {"python": "Python", "starlette": "Starlette"}
_FALCON_NAME = re.compile(r"HTTP_[A-Z0-9_]+$")


def check_site(ctx: FileContext, site: Site) -> Iterator[RawFinding]:
    code = site.code
    if code is None or code in ctx.settings.allow_codes:
        return
    entry = lookup(code)
    if entry is None:
        if code < 100 and site.where is Where.COMPARISON:
            return  # `status_code == 0` tests for "no response", as requests and browsers use it
        variant = "" if 100 <= code <= 599 else "invalid"
        yield HS201.finding(site.expr, variant, code=code, read_as=f"{code // 100}00")
        return
    standing = entry.standing
    if standing is Standing.NONSTANDARD:
        if not ctx.settings.allows_nonstandard(code):
            yield HS202.finding(
                site.expr,
                code=code,
                phrase=entry.phrase,
                reference=entry.reference,
                read_as=f"{code // 100}00",
            )
    elif standing is Standing.TEMPORARY:
        yield HS203.finding(
            site.expr, "temporary", code=code, phrase=entry.phrase, reference=entry.reference
        )
    elif standing in QUESTIONED:
        phrase = entry.phrase if entry.phrase.startswith("(") else f"({entry.phrase})"
        yield HS203.finding(
            site.expr, standing=standing.value, code=code, phrase=phrase, reference=entry.reference
        )


def _version_text(ctx: FileContext, style: str, since: Version | None = None) -> str:
    """`Python 3.9`, or with `since`: `Starlette 0.48 (starlette 0.46.2 from uv.lock)`."""
    distribution = MODULES[style].version_of
    label = _LIBRARY_NAMES.get(distribution, distribution)
    allowed = ctx.versions.get(distribution, VersionRange())
    if distribution == "python":
        where = f"target: {dotted(allowed.low)}" if allowed.low else "target: any"
        if allowed.source:
            where += f" {allowed.source}" if allowed.source.startswith("from") else ", the default"
    else:
        where = (
            allowed.describe(distribution) if allowed.source else f"{distribution}: not declared"
        )
    if since is None:
        return f"{label} ({where})"
    return f"{label} {dotted(since)} ({where})"


def check_constant(ctx: FileContext, node: ast.AST, style: str, name: str) -> Iterator[RawFinding]:
    if name.startswith("_"):
        return
    if style == "falcon":
        if not _FALCON_NAME.match(name):
            return
    elif isinstance(node, ast.Attribute):
        holder = ctx.qualname(node.value)
        if holder not in STRICT_HOLDERS:
            return
    elif style == "stdlib":
        return  # from http.client import ...: that module holds far more than constants
    problem = check_name(style, name, ctx.versions)
    if problem is None:
        return
    if isinstance(node, ast.Attribute):
        prefix = ast.unparse(node.value)
        shown = f"{prefix}.{name}"
    else:
        prefix, shown = "", f"{name} (from {MODULES[style].module})"
    replacement = problem.replacement.name if problem.replacement is not None else None
    use = f"{prefix}.{replacement}" if prefix and replacement else replacement
    advice = f": use {use}" if use else ""
    fix = Fix.replace(node, use) if prefix and use else None
    if problem.replacement is not None and deprecated_somewhere(problem.replacement, ctx.versions):
        # Each name fails somewhere in the range (missing, or warning): a fix would too.
        advice, fix = f"{advice}, deprecated in part of that range (no fix)", None
    if problem.problem == "unknown":
        module = MODULES[style]
        where = f"{module.module}.{module.owner}" if module.owner else module.module
        yield HS204.finding(node, shown=shown, where=where, advice=advice, fix=fix)
        return
    constant = problem.constant
    if problem.problem == "missing":
        since = constant.since if constant is not None else None
        variant = "missing"
    else:
        since = constant.deprecated_since if constant is not None else None
        variant = "deprecated"
    version = _version_text(ctx, style, since)
    yield HS204.finding(node, variant, shown=shown, version=version, advice=advice, fix=fix)


def check_import(ctx: FileContext, node: ast.AST, module: str) -> Iterator[RawFinding]:
    if module == "fastapi.status" or module.startswith("fastapi.status."):
        yield HS204.finding(node, "fastapi_status")
