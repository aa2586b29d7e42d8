"""The status-code registry: the single source of truth for every code, its rules and its names.

Everything here is built from literal tables in `_codes` and `_modules` when first imported;
nothing reads files or imports the frameworks.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from flake8_httpstatus.knowledge.registry._codes import CODES
from flake8_httpstatus.knowledge.registry._model import (
    Constant,
    ConstantModule,
    HeaderRule,
    Requirement,
    Standing,
    StatusCode,
    Version,
    VersionRange,
    comparable,
    shown,
)
from flake8_httpstatus.knowledge.registry._modules import MODULES

__all__ = [
    "MODULES",
    "OLDEST_SUPPORTED",
    "Constant",
    "ConstantModule",
    "HeaderRule",
    "NameCheck",
    "Requirement",
    "Standing",
    "StatusCode",
    "Version",
    "VersionRange",
    "Versions",
    "all_codes",
    "check_name",
    "code_of",
    "comparable",
    "constant_for",
    "depends_on_version",
    "deprecated_somewhere",
    "lookup",
    "search",
    "shown",
    "versions_having",
]

_BY_CODE: dict[int, StatusCode] = {entry.code: entry for entry in CODES}


def lookup(code: int) -> StatusCode | None:
    """The registry entry for `code`, or None for a code nobody assigned."""
    return _BY_CODE.get(code)


def all_codes() -> tuple[StatusCode, ...]:
    return CODES


def search(text: str, codes: tuple[StatusCode, ...] = CODES) -> list[StatusCode]:
    """Codes whose number, phrase, description or use cases contain `text` (case-insensitive)."""
    needle = text.casefold().strip()
    return [
        entry
        for entry in codes
        if needle in str(entry.code)
        or needle in entry.phrase.casefold()
        or needle in entry.description.casefold()
        or any(needle in case.casefold() for case in entry.use_cases)
    ]


@cache
def _names(style: str) -> dict[str, tuple[int, Constant]]:
    return {
        constant.name: (entry.code, constant)
        for entry in CODES
        for constant in entry.constants
        if constant.style == style
    }


def code_of(style: str, name: str) -> int | None:
    """The code a constant name stands for in a style, whatever the version (None if unknown)."""
    found = _names(style).get(name)
    return found[0] if found is not None else None


# The oldest version of each distribution the tool supports (the test extras' minimums): a
# project whose range is unknown may run any of them, so nothing newer is suggested to it.
OLDEST_SUPPORTED: dict[str, Version] = {
    "python": (3, 9),
    "starlette": (0, 37),
    "djangorestframework": (3, 14),
    "litestar": (2, 8),
    "falcon": (3, 1),
    "httpx": (0, 27),
    "requests": (2, 31),
}

Versions = Mapping[str, Version | VersionRange]


def _range(style: str, versions: Versions) -> tuple[str, VersionRange]:
    """The distribution that decides a style's names, and the range of it the project allows;
    a bare version is that version exactly, a missing entry an unknown range."""
    distribution = MODULES[style].version_of
    found = versions.get(distribution)
    if found is None:
        return distribution, VersionRange()
    if isinstance(found, VersionRange):
        return distribution, found
    return distribution, VersionRange.exactly(found)


def _everywhere(constant: Constant, distribution: str, allowed: VersionRange) -> bool:
    """Whether `constant` exists in every version of the range."""
    if constant.since is None:
        return True
    low = allowed.low if allowed.low is not None else OLDEST_SUPPORTED.get(distribution)
    return low is not None and comparable(low) >= comparable(constant.since)


def _somewhere(constant: Constant, allowed: VersionRange) -> bool:
    """Whether `constant` exists in at least one version of the range."""
    return constant.since is None or allowed.below_high(constant.since)


def _deprecated(constant: Constant, allowed: VersionRange) -> bool:
    """Whether `constant` is deprecated in at least one version of the range."""
    if constant.deprecated_since is None:
        return False
    return allowed.below_high(constant.deprecated_since)


def deprecated_somewhere(constant: Constant, versions: Versions) -> bool:
    """Whether `constant` is deprecated in some version the project allows: a fix must not
    write it (a test suite may turn the warning into an error on the newest version)."""
    return _deprecated(constant, _range(constant.style, versions)[1])


def constant_for(code: int, style: str, versions: Versions) -> Constant | None:
    """The name to suggest for `code` in `style` for the versions a project allows.

    Only a name that exists in every allowed version; among those, one deprecated in none
    of them first, then the canonical name before an alias. None when there is no such name.
    """
    entry = _BY_CODE.get(code)
    if entry is None:
        return None
    distribution, allowed = _range(style, versions)
    usable = [
        constant
        for constant in entry.constants
        if constant.style == style and _everywhere(constant, distribution, allowed)
    ]
    usable.sort(key=lambda constant: (_deprecated(constant, allowed), constant.alias))
    return usable[0] if usable else None


@cache
def depends_on_version(code: int, style: str) -> bool:
    """Whether which of `code`'s names to use in `style` depends on the library's version."""
    entry = _BY_CODE.get(code)
    return entry is not None and any(
        constant.style == style and (constant.since or constant.deprecated_since)
        for constant in entry.constants
    )


def versions_having(constant: Constant) -> str:
    """`all versions`, `Starlette >= 0.48`, or `all versions, deprecated since 0.48`."""
    distribution = MODULES[constant.style].version_of
    text = f">= {shown(constant.since)}" if constant.since else "all versions"
    if constant.deprecated_since:
        text += f", deprecated since {shown(constant.deprecated_since)}"
    return f"{distribution} {text}"


@dataclass(frozen=True)
class NameCheck:
    """What is wrong with a constant name at the target versions, and what to use instead.

    `problem` is "missing" (the name is too new for the versions), "deprecated", or "unknown"
    (no such name at any version); `code` is the code the name stands for, when known.
    """

    problem: str
    code: int | None
    replacement: Constant | None
    guess: str | None = None
    # The flagged name's own record, when the registry knows it (its since / deprecated_since).
    constant: Constant | None = None


def check_name(style: str, name: str, versions: Versions) -> NameCheck | None:
    """None when `name` is a good constant of `style` in every version the project allows.

    "missing" when some allowed version lacks the name (judged only where the range's lowest
    version is known, or no allowed version has it); "deprecated" only when a replacement
    exists in every allowed version, so that following the advice never breaks the code.
    """
    module = MODULES[style]
    if name in module.other_names:
        return None
    found = _names(style).get(name)
    distribution, allowed = _range(style, versions)
    if found is None:
        guesses = difflib.get_close_matches(name, _names(style), n=1)
        if not guesses:
            return NameCheck("unknown", None, None)
        code, guessed = _names(style)[guesses[0]]
        if _everywhere(guessed, distribution, allowed) and not _deprecated(guessed, allowed):
            return NameCheck("unknown", code, guessed, guesses[0])
        return NameCheck("unknown", code, constant_for(code, style, versions), guesses[0])
    code, constant = found
    if not _somewhere(constant, allowed) or (
        allowed.low is not None and not _everywhere(constant, distribution, allowed)
    ):
        return NameCheck("missing", code, constant_for(code, style, versions), None, constant)
    if _deprecated(constant, allowed):
        replacement = constant_for(code, style, versions)
        if replacement is not None and not _deprecated(replacement, allowed):
            return NameCheck("deprecated", code, replacement, None, constant)
    return None
