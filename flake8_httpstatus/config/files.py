"""The standalone command's configuration: `[tool.flake8-httpstatus]` in pyproject.toml, else the
`httpstatus-*` keys (and flake8's own `per-file-ignores`) of `[flake8]` in setup.cfg, tox.ini or
.flake8, found from the current directory upwards. Keys and meanings are the plugin's; the
`httpstatus-` prefix is optional in pyproject.toml."""

from __future__ import annotations

import configparser
import fnmatch
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from flake8_httpstatus.config.globs import ruff_glob
from flake8_httpstatus.config.options import OPTIONS
from flake8_httpstatus.core.filesystem import read_regular

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# Keys that are not engine options: which rules to report and which files to skip.
RUNNER_KEYS = ("select", "ignore", "exclude")
PER_FILE_IGNORES = "per-file-ignores"
# What flake8 accepts as a code or a prefix of one (flake8.defaults.VALID_CODE_PREFIX).
_CODE_PREFIX = re.compile(r"^[A-Z]{1,3}[0-9]{0,3}$", re.ASCII)


@dataclass(frozen=True)
class PerFileIgnore:
    """Codes to ignore in the files a glob matches, matched as the tool the configuration was
    copied from matches it. flake8's (`per-file-ignores` in `[flake8]`, or on the command line):
    fnmatch on the file's name or absolute path, the pattern made absolute where it has a
    separator (`resolve_pattern`); only the longest matching pattern counts. Ruff's (the
    `[tool.flake8-httpstatus]` table, `root` the configuration's directory): ruff's globs
    (`globs.py`) on the absolute path, the glob taken from `root`, or on the file's name; every
    matching pattern counts."""

    pattern: str
    codes: tuple[str, ...]
    root: str | None = None

    def matches(self, path: str) -> bool:
        name = os.path.basename(path)
        absolute = os.path.abspath(path)
        if self.root is None:
            if name not in {".", ".."} and fnmatch.fnmatch(name, self.pattern):
                return True
            return fnmatch.fnmatch(absolute, self.pattern)
        if ruff_glob(self.pattern).fullmatch(name):
            return True
        pattern = self.pattern.rstrip("/")
        if os.path.isabs(pattern):
            return ruff_glob(os.path.normpath(pattern)).fullmatch(absolute) is not None
        root = re.escape(os.path.normpath(self.root).rstrip("/") + "/")
        glob = ruff_glob(os.path.normpath(pattern)).pattern
        return re.fullmatch(root + glob, absolute, re.DOTALL) is not None


PerFileIgnores = tuple[PerFileIgnore, ...]
_OPTION_KEYS = {option.name.removeprefix("httpstatus-") for option in OPTIONS}


class ConfigError(Exception):
    """A configuration that cannot be used; the message is one line and names the option."""


@dataclass
class Config:
    """Raw option values (strings) by key without the prefix, and where they came from."""

    values: dict[str, str] = field(default_factory=dict)
    source: str | None = None
    # Glob -> codes, the globs already resolved against the configuration file's directory.
    per_file_ignores: PerFileIgnores = ()


def resolve_pattern(pattern: str, directory: str) -> str:
    """flake8's `normalize_path`: a pattern with a separator is a path, made absolute from
    `directory`; one without (`test_*.py`) matches a file's name wherever it is."""
    if pattern == "." or "/" in pattern or (os.altsep and os.altsep in pattern):
        pattern = os.path.abspath(os.path.join(directory, pattern))
    return pattern.rstrip("/" + (os.altsep or ""))


def parse_per_file_ignores(text: str, directory: str) -> PerFileIgnores:
    """flake8's syntax, `PATTERNS:CODES` pairs (`tests/*: HS104 HS1`), read by flake8's own
    parser so that what flake8 accepts, and only that, is accepted here."""
    from flake8.exceptions import ExecutionError
    from flake8.utils import parse_files_to_codes_mapping

    try:
        pairs = parse_files_to_codes_mapping(text)
    except ExecutionError as error:
        first = str(error).splitlines()[0]
        raise ConfigError(f"{PER_FILE_IGNORES}: {first}") from None
    return tuple(
        PerFileIgnore(resolve_pattern(glob, directory), tuple(codes)) for glob, codes in pairs
    )


def _per_file_table(value: Any, path: Path) -> PerFileIgnores:
    """Ruff's form: a table of glob -> a list of codes (or one comma-separated string), its
    globs matched as ruff matches them."""
    where = f"{path}: [tool.flake8-httpstatus] {PER_FILE_IGNORES}"
    if not isinstance(value, dict):
        raise ConfigError(f"{where} must be a table of glob = [codes]")
    pairs = []
    for glob, codes in value.items():
        items = codes if isinstance(codes, list) else [codes]
        if not all(isinstance(item, str) for item in items):
            raise ConfigError(f"{where}: {glob!r} must map to a list of codes")
        listed = tuple(code.strip() for item in items for code in re.split(r"[,\s]+", item))
        listed = tuple(code for code in listed if code)
        for code in listed:
            if not _CODE_PREFIX.match(code):
                raise ConfigError(f"{where}: {code!r} (for {glob!r}) is not a code like HS104")
        pairs.append(PerFileIgnore(glob, listed, root=str(path.parent)))
    return tuple(pairs)


def _as_text(value: Any) -> str:
    if isinstance(value, list):
        return ",".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _from_pyproject(path: Path) -> Config | None:
    try:
        data = tomllib.loads(read_regular(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError):
        return None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: invalid TOML: {error}") from None
    table = data.get("tool", {}).get("flake8-httpstatus")
    if not isinstance(table, dict):
        return None
    values = {}
    per_file: PerFileIgnores = ()
    for key, value in table.items():
        name = key.removeprefix("httpstatus-")
        if name == PER_FILE_IGNORES:
            per_file = _per_file_table(value, path)
            continue
        if name not in _OPTION_KEYS and name not in RUNNER_KEYS:
            raise ConfigError(f"{path}: [tool.flake8-httpstatus] has no option {key!r}")
        values[name] = _as_text(value)
    return Config(values, str(path), per_file)


def _flake8_excludes(parser: configparser.RawConfigParser, directory: Path) -> str:
    """flake8's own `exclude` and `extend-exclude` of `[flake8]`, as flake8 reads them: split
    on commas and whitespace, a pattern with a separator made absolute from the file's
    directory. `check` skips what flake8 skips."""
    patterns = []
    for key in ("exclude", "extend-exclude", "extend_exclude"):
        if parser.has_option("flake8", key):
            items = re.split(r"[,\s]+", parser.get("flake8", key))
            patterns += [resolve_pattern(item, str(directory)) for item in items if item]
    return ",".join(patterns)


def _from_ini(path: Path) -> Config | None:
    parser = configparser.RawConfigParser()
    try:
        text = read_regular(path).decode("utf-8")
    except OSError:
        return None  # as `parser.read` skips what it cannot open
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: cannot read: {type(error).__name__}") from None
    try:
        parser.read_string(text, str(path))
    except configparser.Error as error:
        raise ConfigError(f"{path}: cannot read: {type(error).__name__}") from None
    if not parser.has_section("flake8"):
        return None
    values = {
        key.removeprefix("httpstatus-"): value
        for key, value in parser.items("flake8")
        if key.startswith("httpstatus-")
    }
    excludes = _flake8_excludes(parser, path.parent)
    if "exclude" not in values and excludes:
        values["exclude"] = excludes
    per_file: PerFileIgnores = ()
    # flake8 takes the key with dashes or underscores.
    key = next(
        (k for k in (PER_FILE_IGNORES, "per_file_ignores") if parser.has_option("flake8", k)), None
    )
    if key is not None:
        text = parser.get("flake8", key)
        try:
            per_file = parse_per_file_ignores(text, str(path.parent))
        except ConfigError as error:
            raise ConfigError(f"{path}: {error}") from None
    return Config(values, str(path), per_file)


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
