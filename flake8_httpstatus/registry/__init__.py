"""The status-code registry: the single source of truth for every code, its rules and its names.

Everything here is built from literal tables in `_codes` and `_modules` when first imported;
nothing reads files or imports the frameworks.
"""

from __future__ import annotations

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache

from flake8_httpstatus.registry._codes import CODES
from flake8_httpstatus.registry._model import (
    Constant,
    ConstantModule,
    HeaderRule,
    Requirement,
    Standing,
    StatusCode,
    Version,
)
from flake8_httpstatus.registry._modules import MODULES

__all__ = [
    "MODULES",
    "Constant",
    "ConstantModule",
    "HeaderRule",
    "NameCheck",
    "Requirement",
    "Standing",
    "StatusCode",
    "Version",
    "all_codes",
    "check_name",
    "code_of",
    "constant_for",
    "lookup",
    "search",
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


def _exists(constant: Constant, version: Version | None) -> bool:
    return version is None or constant.since is None or version >= constant.since


def _deprecated(constant: Constant, version: Version | None) -> bool:
    if constant.deprecated_since is None:
        return False
    return version is None or version >= constant.deprecated_since


def _version(style: str, versions: Mapping[str, Version]) -> Version | None:
    """The version that decides what a style's names are; None means the newest known."""
    return versions.get(MODULES[style].version_of)


def constant_for(code: int, style: str, versions: Mapping[str, Version]) -> Constant | None:
    """The name to suggest for `code` in `style` at the given versions.

    The canonical name when it exists there, else an alias; never a name that is missing
    or deprecated at those versions. None when the style has no such constant.
    """
    entry = _BY_CODE.get(code)
    if entry is None:
        return None
    version = _version(style, versions)
    usable = [
        constant
        for constant in entry.constants
        if constant.style == style
        and _exists(constant, version)
        and not _deprecated(constant, version)
    ]
    usable.sort(key=lambda constant: constant.alias)
    return usable[0] if usable else None


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


def check_name(style: str, name: str, versions: Mapping[str, Version]) -> NameCheck | None:
    """None when `name` is a good constant of `style` at `versions`; otherwise the problem."""
    module = MODULES[style]
    if name in module.other_names:
        return None
    found = _names(style).get(name)
    if found is None:
        guesses = difflib.get_close_matches(name, _names(style), n=1)
        if not guesses:
            return NameCheck("unknown", None, None)
        code, guessed = _names(style)[guesses[0]]
        version = _version(style, versions)
        if _exists(guessed, version) and not _deprecated(guessed, version):
            return NameCheck("unknown", code, guessed, guesses[0])
        return NameCheck("unknown", code, constant_for(code, style, versions), guesses[0])
    code, constant = found
    version = _version(style, versions)
    if not _exists(constant, version):
        return NameCheck("missing", code, constant_for(code, style, versions), None, constant)
    if _deprecated(constant, version):
        return NameCheck("deprecated", code, constant_for(code, style, versions), None, constant)
    return None
