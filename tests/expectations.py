"""Read the expected findings written beside the code in fixture files.

A trailing comment `# HS101:23` expects HS101 at 0-based column 23 of that line; several may
follow each other, and each may carry a quoted piece of its message:
`# HS101:23 "use HTTPStatus.NOT_FOUND" HS201:40`. Header lines `# config: name=value` set
options (the `httpstatus-` prefix may be left out); `# config: enable=HS406` turns on rules
that are off by default, as `extend-select` does in flake8.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from flake8_httpstatus.config.options import OPTIONS, settings_from
from flake8_httpstatus.config.settings import Settings

_EXPECTATION = re.compile(r'(HS\d{3}):(\d+)(?:\s+"([^"]*)")?')
_ITEM = r'HS\d{3}:\d+(?:\s+"[^"]*")?'
# The whole comment must be expectations: anything else is a typo that would expect nothing.
_EXPECTATIONS = re.compile(rf"#\s*{_ITEM}(?:\s+{_ITEM})*\s*$")
# Where an expectation comment starts: `# HS` with anything after it.
_START = re.compile(r"#\s*HS")
_CONFIG = re.compile(r"^#\s*config:\s*([\w-]+)\s*=\s*(.*?)\s*$")


@dataclass(frozen=True)
class Expected:
    line: int
    code: str
    col: int
    text: str | None


class FixtureError(ValueError):
    """An expectation comment that cannot be read."""


def _comment(line: str, where: str) -> str:
    """The trailing expectation comment of a line of code (fixture files have no `# HS` in
    strings); one that is not entirely well-formed expectations is an error, never silently
    nothing. Comment lines are prose."""
    start = _START.search(line)
    if start is None or line.lstrip().startswith("#"):
        return ""  # no expectation, or a comment line of prose
    comment = line[start.start() :]
    if not line[: start.start()].endswith("  ") or _EXPECTATIONS.match(comment) is None:
        raise FixtureError(f"{where}: cannot read the expectation {comment!r}")
    return comment


@dataclass(frozen=True)
class Fixture:
    expected: list[Expected]
    settings: Settings
    enabled: frozenset[str]


def read_fixture(path: Path) -> tuple[list[Expected], Settings]:
    fixture = load_fixture(path)
    return fixture.expected, fixture.settings


def load_fixture(path: Path) -> Fixture:
    expected = []
    enabled: set[str] = set()
    options = {option.field: option.parse(option.default) for option in OPTIONS}
    by_name = {option.name.removeprefix("httpstatus-"): option for option in OPTIONS}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        config = _CONFIG.match(line)
        if config is not None and config.group(1) == "enable":
            enabled.update(code.strip() for code in config.group(2).split(","))
            continue
        if config is not None:
            option = by_name[config.group(1).removeprefix("httpstatus-")]
            options[option.field] = option.parse(config.group(2))
            continue
        for code, col, text in _EXPECTATION.findall(_comment(line, f"{path.name}:{number}")):
            expected.append(Expected(number, code, int(col), text or None))
    return Fixture(expected, settings_from(options), frozenset(enabled))


Key = tuple[int, str, int]  # line, code, column


def compare(want: Iterable[Key], got: Iterable[Key]) -> tuple[list[Key], list[Key]]:
    """What is missing and what is unexpected, counted rather than compared as sets, so that
    a finding reported twice is unexpected."""
    wanted, found = Counter(want), Counter(got)
    return sorted((wanted - found).elements()), sorted((found - wanted).elements())
