"""The shapes of the registry's data: plain frozen records, no behaviour beyond derived fields."""

from __future__ import annotations

import enum
from dataclasses import dataclass

Version = tuple[int, ...]


def comparable(version: Version) -> Version:
    """`version` without trailing zeros, so that (4,), (4, 0) and (4, 0, 0) compare equal."""
    end = len(version)
    while end > 1 and version[end - 1] == 0:
        end -= 1
    return version[:end]


def shown(version: Version) -> str:
    return ".".join(map(str, version))


@dataclass(frozen=True)
class VersionRange:
    """The versions of one distribution a project may run on, and where that was read.

    `low` None means the lowest is unknown (any version up to `high`); `high` None means no
    upper bound. `source` says where the range came from, for messages
    (`from uv.lock`, `via fastapi==0.115.12 in requirements.txt`).
    """

    low: Version | None = None
    high: Version | None = None
    high_inclusive: bool = False
    source: str = ""

    @classmethod
    def exactly(cls, version: Version, source: str = "") -> VersionRange:
        return cls(version, version, True, source)

    def below_high(self, version: Version) -> bool:
        """Whether `version` is not above every version in the range."""
        if self.high is None:
            return True
        if self.high_inclusive:
            return comparable(version) <= comparable(self.high)
        return comparable(version) < comparable(self.high)

    def specifier(self) -> str:
        if (
            self.low is not None
            and self.high is not None
            and self.high_inclusive
            and comparable(self.low) == comparable(self.high)
        ):
            return shown(self.low)
        parts = []
        if self.low is not None:
            parts.append(f">={shown(self.low)}")
        if self.high is not None:
            parts.append(f"{'<=' if self.high_inclusive else '<'}{shown(self.high)}")
        return ",".join(parts) or "any version"

    def describe(self, name: str) -> str:
        """`starlette 0.46.2 from uv.lock`, `starlette >=0.40,<0.47 via fastapi==0.115.12 in ...`."""
        return " ".join(part for part in (name, self.specifier(), self.source) if part)


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
