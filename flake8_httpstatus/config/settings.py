"""Options shared by every front end, parsed from strings into one frozen `Settings`.

Each parser raises `ValueError` with a message that names the bad value; the front ends turn
that into a one-line error naming the option.
"""

from __future__ import annotations

import functools
import importlib.metadata
import os
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from flake8_httpstatus.config.versions import (
    declared_versions,
    forget_declared,
    poetry_python,
    project_name,
    project_root,
)
from flake8_httpstatus.core.filesystem import read_regular
from flake8_httpstatus.knowledge.frameworks import Kind, Param, Sink
from flake8_httpstatus.knowledge.registry._model import Version, VersionRange

STYLES = ("auto", "stdlib", "drf", "starlette", "fastapi", "litestar")
DEFAULT_TARGET_PYTHON: Version = (3, 9)

# Distributions whose installed version changes what the rules say, and the name the
# `--httpstatus-library-versions` option uses for each.
LIBRARIES = {
    "starlette": "starlette",
    "django": "django",
    "djangorestframework": "djangorestframework",
    "litestar": "litestar",
    "falcon": "falcon",
    "httpx": "httpx",
    "requests": "requests",
    "sanic": "sanic",
}


@dataclass(frozen=True)
class ExtraSink:
    """A project's own helper that takes a status: `module:callable:param@position`."""

    qualified_name: str
    param: Param

    def sink(self) -> Sink:
        return Sink(Kind.RESPONSE, "project", self.param)


@dataclass(frozen=True)
class Settings:
    style: str = "auto"
    target_python: Version | None = None
    library_versions: Mapping[str, Version] = field(default_factory=dict)
    allow_codes: frozenset[int] = frozenset()
    allow_nonstandard: frozenset[int] | None = frozenset()
    extra_sinks: tuple[ExtraSink, ...] = ()
    # Where the project index caches its facts and the results cache its entries: "" for the
    # default, CACHE_OFF for neither.
    cache_dir: str = ""
    # Patterns (fnmatch, as flake8's `exclude`) of what the project index does not read.
    exclude: tuple[str, ...] = ()
    # False where nothing may be written (`fix --diff`, `fix --check`): the cache is only read.
    write_cache: bool = True

    def allows_nonstandard(self, code: int) -> bool:
        """`allow_nonstandard` None means every non-standard code is allowed."""
        return self.allow_nonstandard is None or code in self.allow_nonstandard


class Versions(Mapping[str, VersionRange]):
    """The versions a file's constant names must work on, by distribution.

    For a library: the explicit option first, then what the file's project declares (lock files,
    pins, ranges; see `declared`), then the installed version, but only when the linter runs in
    the project's own environment. A library with none of these has no entry: its range is
    unknown, and the registry assumes any supported version. Nothing is read until a rule asks.
    """

    def __init__(
        self,
        python: Version,
        explicit: Mapping[str, Version],
        filename: str | None = None,
        python_source: str = "",
    ) -> None:
        self._python = python
        self._python_source = python_source
        self._explicit = explicit
        self._filename = filename
        self._declared: Mapping[str, VersionRange] | None = None
        self._root: Path | None = None

    def _project(self) -> Mapping[str, VersionRange]:
        if self._declared is None:
            self._declared = {}
            if self._filename and self._filename not in {"-", "stdin"}:
                directory = resolved_parent(self._filename)  # once per directory, not per file
                self._root = project_root(directory)
                if self._root is not None:
                    self._declared = declared_versions(self._root)
                else:  # no project files up the tree: the file's directory stands for it
                    self._root = directory
        return self._declared

    def __getitem__(self, name: str) -> VersionRange:
        if name == "python":
            return VersionRange(self._python, source=self._python_source)
        if name in self._explicit:
            return VersionRange.exactly(self._explicit[name], "from httpstatus-library-versions")
        declared = self._project()
        if name in declared:
            return declared[name]
        if self._root is not None and own_environment(self._root):
            installed = installed_version(name)
            if installed is not None:
                return VersionRange.exactly(installed, "installed in the project's environment")
        raise KeyError(name)

    def __iter__(self) -> Iterator[str]:
        return iter(("python", *LIBRARIES))

    def __len__(self) -> int:
        return 1 + len(LIBRARIES)


@functools.cache
def own_environment(root: Path) -> bool:
    """Whether the running interpreter is the project's: its prefix (a venv) lies inside the
    project, or the project's own distribution is installed in it."""
    try:
        if Path(sys.prefix).resolve().is_relative_to(root):
            return True
    except OSError:
        return False
    name = project_name(root)
    if name is None:
        return False
    try:
        importlib.metadata.distribution(name)
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return False
    return True


@functools.cache
def installed_version(distribution: str) -> Version | None:
    try:
        return parse_version(importlib.metadata.version(distribution))
    except (importlib.metadata.PackageNotFoundError, ValueError):
        return None


_VERSION = re.compile(r"(\d+)(?:\.(\d+))?(?:\.(\d+))?")


def parse_version(text: str) -> Version:
    match = _VERSION.match(text.strip())
    if match is None:
        raise ValueError(f"{text!r} is not a version like 3.9 or 0.48.0")
    return tuple(int(part) for part in match.groups() if part is not None)


CACHE_OFF = "off"
_CACHE_OFF_WORDS = frozenset({"off", "none", "false", "no", "0"})


def parse_cache_dir(text: str) -> str:
    """A directory for the project index's cache (relative: to the project root), or one of
    `off`, `none`, `false` for no cache; empty for the default."""
    text = text.strip()
    return CACHE_OFF if text.lower() in _CACHE_OFF_WORDS else text


def parse_style(text: str) -> str:
    style = text.strip().lower()
    if style not in STYLES:
        raise ValueError(f"{text!r} is not one of {', '.join(STYLES)}")
    return style


def parse_target_python(text: str) -> Version | None:
    text = text.strip()
    if not text:
        return None
    number = text
    if number.lower().startswith("py3"):
        number = "3." + number[3:].lstrip(".")  # ruff's and black's py311, or py3.11
    version = parse_version(number)
    if len(version) < 2 or version[0] != 3:
        raise ValueError(f"{text!r} is not a Python 3 version like 3.9")
    return version[:2]


def _items(text: str) -> list[str]:
    return [item for item in re.split(r"[,\s]+", text.strip()) if item]


def parse_codes(text: str) -> frozenset[int]:
    codes = set()
    for item in _items(text):
        if not item.isdigit():
            raise ValueError(f"{item!r} is not a status code")
        codes.add(int(item))
    return frozenset(codes)


def parse_nonstandard(text: str) -> frozenset[int] | None:
    """A list of codes, or `all` (None): which non-standard codes are fine."""
    if text.strip().lower() in {"all", "true", "yes", "1"}:
        return None
    if text.strip().lower() in {"", "none", "false", "no", "0"}:
        return frozenset()
    return parse_codes(text)


def parse_library_versions(text: str) -> dict[str, Version]:
    versions = {}
    for item in _items(text):
        name, sep, version = item.partition("=")
        name = name.strip().lower()
        if not sep or name not in LIBRARIES:
            raise ValueError(
                f"{item!r} is not NAME=VERSION with NAME one of {', '.join(LIBRARIES)}"
            )
        versions[LIBRARIES[name]] = parse_version(version.lstrip("="))
    return versions


_SINK = re.compile(
    r"(?P<module>[A-Za-z_][\w.]*):(?P<callable>[A-Za-z_][\w.]*)"
    r":(?P<keyword>[A-Za-z_]\w*)?(?:@(?P<position>\d+))?$"
)


def parse_extra_sinks(text: str) -> tuple[ExtraSink, ...]:
    sinks = []
    for item in _items(text):
        match = _SINK.match(item)
        if match is None or not (match["keyword"] or match["position"]):
            raise ValueError(
                f"{item!r} is not module:callable:param@position (e.g. myapp.http:error_response:status@1)"
            )
        position = int(match["position"]) if match["position"] else None
        sinks.append(
            ExtraSink(f"{match['module']}.{match['callable']}", Param(match["keyword"], position))
        )
    return tuple(sinks)


# -- the target Python, from requires-python -----------------------------------------------------
# A PEP 440 clause; pre-, post- and dev-release suffixes are read as the release they belong to.
_CLAUSE = re.compile(
    r"^(~=|==|!=|<=|>=|<|>|===)?\s*v?(\d+(?:\.\d+)*)(\.\*)?"
    r"(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview|post|rev|r|dev)[-_.]?\d*)*$",
    re.IGNORECASE,
)
# Patch releases tried per minor version: `>=3.9.1` allows 3.9, `~=3.9.2` too.
_PATCHES = range(0, 40)


def _satisfies(version: Version, clause: str) -> bool:
    match = _CLAUSE.match(clause.strip())
    if match is None:
        return True
    operator, number, wildcard = match.group(1) or "==", match.group(2), match.group(3)
    bound = tuple(int(part) for part in number.split("."))
    size = max(len(bound), len(version))
    padded, padded_bound = (
        version + (0,) * (size - len(version)),
        bound + (0,) * (size - len(bound)),
    )
    if operator in {"==", "==="}:
        return (
            version[: len(bound)] == bound
            if wildcard or len(bound) <= 2
            else padded == padded_bound
        )
    if operator == "!=":
        return version[: len(bound)] != bound if wildcard else padded != padded_bound
    if operator == "~=":
        return padded >= padded_bound and version[: len(bound) - 1] == bound[:-1]
    return {
        ">=": padded >= padded_bound,
        "<=": padded <= padded_bound,
        ">": padded > padded_bound,
        "<": padded < padded_bound,
    }[operator]


def lowest_python(requires_python: str) -> Version | None:
    """The lowest Python 3 minor version of which some release satisfies a `requires-python`
    specifier."""
    clauses = [clause for clause in requires_python.split(",") if clause.strip()]
    for minor in range(0, 30):
        if any(
            all(_satisfies((3, minor, patch), clause) for clause in clauses) for patch in _PATCHES
        ):
            return (3, minor)
    return None


def requires_python_of(pyproject: str) -> str | None:
    """`[project] requires-python` of a pyproject.toml's text; None when absent or not TOML."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    try:
        data = tomllib.loads(pyproject)
    except tomllib.TOMLDecodeError:
        return None
    project = data.get("project")
    value = project.get("requires-python") if isinstance(project, dict) else None
    return value if isinstance(value, str) else None


def _read(path: Path) -> str | None:
    try:
        return read_regular(path).decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


@functools.cache
def _requires_python_in(directory: Path) -> tuple[Version, str] | None:
    """From the nearest pyproject.toml up the tree: its requires-python, else the version an
    application pins in `.python-version` beside it (pyenv, uv); with where it was read."""
    text = _read(directory / "pyproject.toml")
    if text is not None:
        requires = requires_python_of(text)
        if requires is not None:
            lowest = lowest_python(requires)
            return (lowest, "from requires-python") if lowest is not None else None
        poetry = poetry_python(directory)
        if poetry is not None:
            return poetry, "from Poetry's python"
        pinned = _read(directory / ".python-version")
        if pinned is not None and pinned.strip():
            try:
                version = parse_version(pinned.strip().splitlines()[0])
            except ValueError:
                return None
            if len(version) >= 2 and version[0] == 3:
                return version[:2], "from .python-version"
        return None
    parent = directory.parent
    return None if parent == directory else _requires_python_in(parent)


def forget_configuration() -> None:
    """Forget what was read from the analysed projects' files: their roots, the versions they
    declare (pins, requirements, lock files), their names and whether this is their environment,
    and their target Python. A long-running front end (the language server) calls this when one
    of those files changes; the next check reads them again."""
    forget_declared()
    own_environment.cache_clear()
    _requires_python_in.cache_clear()


_RESOLVED_DIRS: dict[tuple[str, str], Path] = {}


def resolved(filename: str) -> Path:
    """`Path(filename).resolve()`, its directory resolved once per process (see below)."""
    name = os.path.basename(filename)
    if name in {"", ".", ".."} or os.path.islink(filename):
        return Path(filename).resolve()
    return resolved_parent(filename) / name


def resolved_parent(filename: str) -> Path:
    """The resolved directory of `filename` (`Path(filename).resolve().parent`), each directory
    resolved once per process unless the file itself is a symlink."""
    directory, name = os.path.split(filename)
    if name in {"", ".", ".."} or os.path.islink(filename):
        return Path(filename).resolve().parent
    key = (directory, "" if os.path.isabs(directory) else os.getcwd())
    parent = _RESOLVED_DIRS.get(key)
    if parent is None:
        parent = _RESOLVED_DIRS[key] = Path(directory).resolve()
    return parent


def python_target(filename: str | None, settings: Settings) -> tuple[Version, str]:
    """The lowest Python the file runs on, and where that was read: the explicit target, else
    the nearest pyproject.toml's requires-python or .python-version, else 3.9."""
    if settings.target_python is not None:
        return settings.target_python, "from httpstatus-target-python"
    if filename and filename not in {"-", "stdin"}:
        found = _requires_python_in(resolved_parent(filename))
        if found is not None:
            return found
    return DEFAULT_TARGET_PYTHON, "the default"
