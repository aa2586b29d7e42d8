"""The project's own import-sorting settings, from its isort or ruff configuration, where they
change where a new import goes: first-party packages, sorting within sections, single-line
imports, line length and wrapping. Read once per directory."""

from __future__ import annotations

import configparser
import functools
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from flake8_httpstatus.core.filesystem import read_regular
from flake8_httpstatus.core.positions import split_lines
from flake8_httpstatus.fixes.imports import ImportStyle

_ROOT_MARKERS = (
    "pyproject.toml",
    "ruff.toml",
    ".ruff.toml",
    ".isort.cfg",
    "setup.cfg",
    "tox.ini",
    ".flake8",
    "setup.py",
    ".git",
)
_FLAGS = ("force_sort_within_sections", "force_single_line", "order_by_type", "case_sensitive")


def style_for(path: str) -> ImportStyle:
    """The style for a file: from the nearest project root above it (or the working directory
    for standard input)."""
    return _style_in(_directory_of(path))


@functools.cache
def _style_in(directory: Path) -> ImportStyle:
    root = _root(directory)
    if root is None:
        return ImportStyle(known_first_party=frozenset(_own_packages(directory, [directory])))
    isort, ruff = _isort_settings(root), _ruff_settings(root)
    settings: dict[str, Any] = {}
    line_length = 88
    wrap = "vertical"
    if isort is not None:
        profile = str(isort.get("profile", ""))
        line_length = 88 if profile == "black" else 79
        wrap = "vertical" if profile == "black" else "grid"
        if profile == "google":
            line_length = 1000
            settings.update(force_single_line=True, force_sort_within_sections=True)
            settings.update(order_by_type=False)
        if "multi_line_output" in isort:
            vertical = str(isort["multi_line_output"]) in {"3", "VERTICAL_HANGING_INDENT"}
            wrap = "vertical" if vertical else "grid"
        if "line_length" in isort:
            line_length = _int(isort["line_length"], line_length)
        for key in _FLAGS:
            if key in isort:
                settings[key] = _bool(isort[key])
        for key in ("known_first_party", "known_third_party"):
            if key in isort:
                settings[key] = frozenset(_names(isort[key]))
    src: list[Path] = [root, root / "src"]
    if ruff is not None:
        top, options = ruff
        line_length = _int(top.get("line-length"), line_length if isort is not None else 88)
        wrap = "vertical"
        for key in _FLAGS:
            if key.replace("_", "-") in options:
                settings[key] = _bool(options[key.replace("_", "-")])
        for key in ("known-first-party", "known-third-party"):
            if key in options:
                settings[key.replace("-", "_")] = frozenset(_names(options[key]))
        src += [root / str(entry) for entry in top.get("src", [])]
    detected = _own_packages(directory, src)
    settings["known_first_party"] = settings.get("known_first_party", frozenset()) | detected
    return ImportStyle(line_length=line_length, wrap=wrap, **settings)


def _root(directory: Path) -> Path | None:
    for candidate in (directory, *directory.parents):
        if any((candidate / marker).exists() for marker in _ROOT_MARKERS):
            return candidate
    return None


def _own_packages(directory: Path, sources: list[Path]) -> set[str]:
    """First-party names as isort and ruff find them: packages and modules in the source
    directories, and the top package the file itself is in."""
    found: set[str] = set()
    for source in sources:
        try:
            entries = list(source.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.suffix == ".py":
                found.add(entry.stem)
            elif entry.name.isidentifier() and _is_package(entry):
                found.add(entry.name)
    package = directory
    while _is_package(package) and _is_package(package.parent):
        package = package.parent
    if _is_package(package):
        found.add(package.name)
    return found


def _is_package(directory: Path) -> bool:
    """A directory with an `__init__.py`; one that cannot be looked into (a database's volume
    such as `pgdata/`, mode 700 for another user) is not."""
    try:
        return directory.is_dir() and (directory / "__init__.py").exists()
    except OSError:
        return False


def _names(value: object) -> list[str]:
    if isinstance(value, str):
        return [name.strip() for name in value.replace("\n", ",").split(",") if name.strip()]
    if isinstance(value, list):
        return [str(name) for name in value]
    return []


def _int(value: object, default: int) -> int:
    """A line length as the tools take it; a value they would reject leaves the default."""
    try:
        number = int(str(value))
    except ValueError:
        return default
    return number if number > 0 else default


def _bool(value: object) -> bool:
    if isinstance(value, str):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    return bool(value)


@functools.cache
def _toml(path: Path) -> Mapping[str, Any] | None:
    try:
        data: Mapping[str, Any] = tomllib.loads(read_regular(path).decode("utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return data


def _isort_settings(root: Path) -> Mapping[str, Any] | None:
    pyproject = _toml(root / "pyproject.toml")
    if pyproject is not None and "isort" in pyproject.get("tool", {}):
        return dict(pyproject["tool"]["isort"])
    for name, sections in (
        (".isort.cfg", ("settings", "isort")),
        ("setup.cfg", ("isort", "tool:isort")),
        ("tox.ini", ("isort", "tool:isort")),
    ):
        path = root / name
        if not path.exists():
            continue
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(read_regular(path).decode("utf-8"), str(path))
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        for section in sections:
            if parser.has_section(section):
                return dict(parser.items(section))
    return None


def _ruff_settings(root: Path) -> tuple[Mapping[str, Any], Mapping[str, Any]] | None:
    """Ruff's top-level settings and its isort settings, if the project configures ruff."""
    for name in ("ruff.toml", ".ruff.toml"):
        data = _toml(root / name)
        if data is not None:
            return data, data.get("lint", {}).get("isort", data.get("isort", {}))
    pyproject = _toml(root / "pyproject.toml")
    if pyproject is None or "ruff" not in pyproject.get("tool", {}):
        return None
    ruff = pyproject["tool"]["ruff"]
    return ruff, ruff.get("lint", {}).get("isort", ruff.get("isort", {}))


# Ruff's and Black's default, where the project configures no line length.
DEFAULT_LINE_LENGTH = 88


def line_length_for(path: str) -> int:
    """The line length the project's formatter or linter holds its code to: ruff's
    `line-length`, else Black's, else flake8's `max-line-length`, else 88."""
    return _line_length_in(_directory_of(path))


def _directory_of(path: str) -> Path:
    """Where a file's settings are looked for from: its directory, or the working directory
    for standard input."""
    return Path(path).resolve().parent if path != "-" else Path.cwd()


@functools.cache
def _line_length_in(directory: Path) -> int:
    root = _root(directory)
    if root is None:
        return DEFAULT_LINE_LENGTH
    ruff = _ruff_settings(root)
    if ruff is not None and "line-length" in ruff[0]:
        return _int(ruff[0]["line-length"], DEFAULT_LINE_LENGTH)
    black = (_toml(root / "pyproject.toml") or {}).get("tool", {}).get("black", {})
    if "line-length" in black:
        return _int(black["line-length"], DEFAULT_LINE_LENGTH)
    for name in (".flake8", "setup.cfg", "tox.ini"):
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(read_regular(root / name).decode("utf-8"), str(root / name))
        except (configparser.Error, OSError, UnicodeDecodeError):
            continue
        for key in ("max-line-length", "max_line_length"):
            if parser.has_option("flake8", key):
                return _int(parser.get("flake8", key), DEFAULT_LINE_LENGTH)
    return DEFAULT_LINE_LENGTH


def lengthened(before: str, after: str, limit: int) -> list[int]:
    """The lines of `after` (1-based) longer than `limit` that `before` does not have as they
    are: the ones a fix made too long, for the formatter to wrap."""
    kept = set(split_lines(before))
    return [
        number
        for number, line in enumerate(split_lines(after), 1)
        if len(line) > limit and line not in kept
    ]
