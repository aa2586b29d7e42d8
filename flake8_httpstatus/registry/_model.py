"""The shapes of the registry's data: plain frozen records, no behaviour beyond derived fields."""

from __future__ import annotations

import enum
from dataclasses import dataclass

Version = tuple[int, ...]


class Standing(str, enum.Enum):
    """Where a code stands: registered and current, or something a linter should question."""

    STANDARD = "standard"
    DEPRECATED = "deprecated"
    UNUSED = "unused"
    NONSTANDARD = "non-standard"
    TEMPORARY = "temporary"
    # Registered but held for a future use (402, RFC 9110 §15.5.3): in use, so not questioned.
    RESERVED = "reserved"


class Requirement(str, enum.Enum):
    """RFC 2119 strength of a header requirement."""

    MUST = "MUST"
    SHOULD = "SHOULD"
    MAY = "MAY"


@dataclass(frozen=True)
class HeaderRule:
    """A header that a response with this status must, should or may carry."""

    header: str
    level: Requirement
    reference: str


@dataclass(frozen=True)
class Constant:
    """One named constant for a code in one constants module (see `ConstantModule`).

    `since` and `deprecated_since` are versions of the module's `version_of` distribution
    (the Python version for the stdlib). `alias` marks a second name for the same value that is
    neither canonical nor deprecated (HTTPStatus.UNPROCESSABLE_ENTITY on 3.13).
    """

    style: str
    name: str
    since: Version | None = None
    deprecated_since: Version | None = None
    alias: bool = False


@dataclass(frozen=True)
class ConstantModule:
    """A place that holds named status constants, and how code reaches it.

    `module` is the importable module; `owner` is the attribute of it that holds the names
    (`HTTPStatus` in `http`, `codes` in `httpx`), or None when the names are module attributes.
    `value_type` tells whether the constants are ints (usable wherever a literal was) or strings.
    `other_names` lists the module's public names that are not status constants, so a name
    missing from both is a misspelling.
    """

    style: str
    module: str
    owner: str | None
    version_of: str
    value_type: str
    other_names: frozenset[str] = frozenset()


@dataclass(frozen=True)
class StatusCode:
    """One HTTP status code and everything the rules and `explain` need to know about it."""

    code: int
    phrase: str
    description: str
    use_cases: tuple[str, ...]
    standing: Standing
    reference: str
    content_allowed: bool
    headers: tuple[HeaderRule, ...]
    constants: tuple[Constant, ...]
    in_seed: bool
    note: str = ""

    @property
    def status_class(self) -> str:
        return f"{self.code // 100}xx"
