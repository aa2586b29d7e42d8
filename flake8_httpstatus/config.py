"""The standalone command's configuration: `[tool.flake8-httpstatus]` in pyproject.toml, else the
`httpstatus-*` keys of `[flake8]` in setup.cfg, tox.ini or .flake8, found from the current
directory upwards. Keys and meanings are the plugin's; the `httpstatus-` prefix is optional in
pyproject.toml."""

from __future__ import annotations

import configparser
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flake8_httpstatus.options import OPTIONS

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Keys that are not engine options: which rules to report and which files to skip.
RUNNER_KEYS = ("select", "ignore", "exclude")
_OPTION_KEYS = {option.name.removeprefix("httpstatus-") for option in OPTIONS}


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line and names the option."""


@dataclass
class Config:
    """Raw option values (strings) by key without the prefix, and where they came from."""

    values: dict[str, str] = field(default_factory=dict)
    source: str | None = None


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _from_pyproject(path: Path) -> Config | None:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("flake8-httpstatus")
    if not isinstance(table, dict):
        return None
    values = {}
    for key, value in table.items():
        name = key.removeprefix("httpstatus-")
        if name not in _OPTION_KEYS and name not in RUNNER_KEYS:
            raise ConfigError(f"{path}: [tool.flake8-httpstatus] has no option {key!r}")
        values[name] = _as_text(value)
    return Config(values, str(path))


def _from_ini(path: Path) -> Config | None:
    parser = configparser.RawConfigParser()
    try:
        parser.read(path, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read: {type(error).__name__}") from None
    if not parser.has_section("flake8"):
        return None
    values = {
        key.removeprefix("httpstatus-"): value
        for key, value in parser.items("flake8")
        if key.startswith("httpstatus-")
    }
    return Config(values, str(path))


def find_config(start: Path) -> Config:
    directory = start.resolve()
    while True:
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            found = _from_pyproject(pyproject)
            if found is not None:
                return found
        for name in ("setup.cfg", "tox.ini", ".flake8"):
            candidate = directory / name
            if candidate.is_file():
                found = _from_ini(candidate)
                if found is not None:
                    return found
        if directory.parent == directory:
            return Config()
        directory = directory.parent
