"""The versions of its libraries the analysed project allows, read from what it declares.

Found from the checked file's project root, the nearest directory up the tree that holds a
pyproject.toml, setup.cfg, Pipfile, requirements file or lock file (a `.git` directory ends the
search). Exact versions in lock files (uv.lock, poetry.lock, pdm.lock, Pipfile.lock) win, except
for what a distributed package (with a `[build-system]`) declares in `[project]`; else the
ranges declared in pyproject.toml (PEP 621 dependencies and extras, dependency groups, Poetry's,
PDM's and uv's tables), Pipfile, setup.cfg and requirements*.txt / requirements/*.txt /
docker/**/requirements*.txt with their `-r` / `-c` includes, and constraints*.txt (which bound
every set); a framework declared there implies the range of the one it re-exports
(FastAPI pins Starlette). All the requirements of one install set hold at once, so they are
intersected; different sets (extras, groups, requirements files) are alternatives, so their ranges
are joined. Each root is read once per process. A file or line that cannot be read is a one-line
warning on stderr naming it, and counts as absent.
"""

from __future__ import annotations

import configparser
import functools
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flake8_httpstatus.core.filesystem import read_regular
from flake8_httpstatus.knowledge.registry import OLDEST_SUPPORTED, Version, VersionRange, comparable
from flake8_httpstatus.knowledge.registry._dependencies import IMPLIED

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

# The distributions whose versions change a rule's verdict, and those that imply one of them.
WATCHED = frozenset(name for name in OLDEST_SUPPORTED if name != "python") | frozenset(IMPLIED)
LOCK_FILES = ("uv.lock", "poetry.lock", "pdm.lock", "Pipfile.lock")
_MARKERS = ("pyproject.toml", "setup.cfg", "Pipfile", "requirements.txt", *LOCK_FILES)
_NAME = re.compile(r"[-_.]+")
_REQUIREMENT = re.compile(
    r"^\s*(?P<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[[^\]]*\])?\s*"
    r"(?:@\s*(?P<url>\S+)|\(?(?P<spec>[^;()]*)\)?)\s*(?:;.*)?$"
)
_CLAUSE = re.compile(r"^(===|~=|==|!=|<=|>=|<|>|\^|~)?\s*v?(\d+(?:\.\d+)*)((?:\.\*)?)[\w.+-]*$")
_NUMBER = re.compile(r"\d+")
# Requirement lines that name a URL, a path or an archive rather than a distribution.
_NOT_A_NAME = re.compile(r"^(?:[./~]|[\w+]+://)|\.(?:whl|zip|tar\.gz)$")


def canonical(name: str) -> str:
    return _NAME.sub("-", name).lower()


_WARNED: set[str] = set()


def warn(path: Path, message: str) -> None:
    """Once per process: a file is read again for each install set that includes it."""
    text = f"flake8-httpstatus: warning: {path}: {message}; ignoring it"
    if text not in _WARNED:
        _WARNED.add(text)
        # One write: flake8's worker processes share the stream.
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


# -- specifiers --------------------------------------------------------------------------------
def _bump(version: Version, index: int) -> Version:
    """The version right after every release starting with `version[: index + 1]`."""
    index = max(index, 0)
    padded = version + (0,) * (index + 1 - len(version))
    return (*padded[:index], padded[index] + 1)


def _clause(text: str) -> VersionRange | None:
    match = _CLAUSE.match(text.strip())
    if match is None:
        return None
    operator, number, wildcard = match.group(1) or "==", match.group(2), match.group(3)
    version = tuple(int(part) for part in _NUMBER.findall(number))
    if operator in {"==", "==="}:
        if wildcard:
            return VersionRange(version, _bump(version, len(version) - 1))
        return VersionRange.exactly(version)
    if operator == "!=":
        return VersionRange()
    if operator in {">=", ">"}:
        return VersionRange(version)
    if operator in {"<", "<="}:
        return VersionRange(None, version, operator == "<=")
    if operator == "~=":
        return VersionRange(version, _bump(version, len(version) - 2))
    if operator == "~":  # Poetry: ~1.2.3 is >=1.2.3,<1.3; ~1 is >=1,<2
        return VersionRange(version, _bump(version, min(1, len(version) - 1)))
    # Poetry's caret: up to the next change of the leftmost non-zero part.
    first = next((index for index, part in enumerate(version) if part), len(version) - 1)
    return VersionRange(version, _bump(version, first))


def intersect(first: VersionRange, second: VersionRange) -> VersionRange | None:
    """The versions in both ranges (source of `first`); None when no version is."""
    lows = [low for low in (first.low, second.low) if low is not None]
    low = max(lows, key=comparable) if lows else None
    highs = [(r.high, r.high_inclusive) for r in (first, second) if r.high is not None]
    high, inclusive = (None, False)
    if highs:
        # The smaller bound; at equal bounds the exclusive one.
        high, inclusive = min(highs, key=lambda item: (comparable(item[0]), item[1]))
    result = VersionRange(low, high, inclusive, first.source)
    if low is not None and high is not None and not result.below_high(low):
        return None
    if (
        low is not None
        and high is not None
        and not inclusive
        and comparable(low) == comparable(high)
    ):
        return None
    return result


def join(first: VersionRange, second: VersionRange) -> VersionRange:
    """The smallest range holding both."""
    low = None
    if first.low is not None and second.low is not None:
        low = min(first.low, second.low, key=comparable)
    high, inclusive = None, False
    if first.high is not None and second.high is not None:
        high, inclusive = max(
            (first.high, first.high_inclusive),
            (second.high, second.high_inclusive),
            key=lambda item: (comparable(item[0]), item[1]),
        )
    return VersionRange(low, high, inclusive, _joined(first.source, second.source))


def _joined(first: str, second: str) -> str:
    """`from uv.lock` and `from poetry.lock` as `from uv.lock, poetry.lock`."""
    if not first or not second or first == second:
        return first or second
    if first.startswith("from ") and second.startswith("from "):
        files = first.removeprefix("from ").split(", ")
        extra = second.removeprefix("from ")
        return first if extra in files else f"{first}, {extra}"
    return f"{first}; {second}"


def parse_specifier(text: str) -> VersionRange | None:
    """A PEP 440 or Poetry specifier as one range (`!=` ignored); None when unreadable."""
    text = text.strip()
    if text in {"", "*"}:
        return VersionRange()
    alternatives = []
    for alternative in text.split("||"):
        allowed: VersionRange | None = VersionRange()
        for clause in re.split(r",|\s+(?=[<>=!~^])", alternative):
            if not clause.strip():
                continue
            parsed = _clause(clause)
            if parsed is None or allowed is None:
                return None
            allowed = intersect(allowed, parsed)
        if allowed is not None:
            alternatives.append(allowed)
    if not alternatives:
        return None
    return functools.reduce(join, alternatives)


# -- one install set ---------------------------------------------------------------------------
@dataclass
class InstallSet:
    """The requirements installed together, from one file (and its includes)."""

    file: str
    ranges: dict[str, VersionRange]
    # The specifier as written and the file it is written in, for messages.
    written: dict[str, tuple[str, str]]

    def add(self, name: str, allowed: VersionRange, written: str, where: str = "") -> None:
        name = canonical(name)
        if name not in WATCHED:
            return
        previous = self.ranges.get(name)
        both = allowed if previous is None else intersect(previous, allowed)
        self.ranges[name] = both if both is not None else allowed
        if written or name not in self.written:
            self.written[name] = (written.replace(" ", ""), where or self.file)

    def resolved(self) -> dict[str, VersionRange]:
        """Each watched distribution's range, with the ranges its frameworks imply."""
        result = {
            name: VersionRange(r.low, r.high, r.high_inclusive, f"from {self.written[name][1]}")
            for name, r in self.ranges.items()
            if name not in IMPLIED
        }
        for name, allowed in self.ranges.items():
            if name not in IMPLIED:
                continue
            target, rows = IMPLIED[name]
            implied = _implied(allowed, rows)
            if implied is None:
                continue
            written, where = self.written[name]
            source = f"via {name}{written or ' (any version)'} in {where}"
            implied = VersionRange(implied.low, implied.high, implied.high_inclusive, source)
            direct = result.get(target)
            both = implied if direct is None else intersect(implied, direct)
            result[target] = implied if both is None else _credited(both, direct, implied)
        return result


def _credited(both: VersionRange, *parts: VersionRange | None) -> VersionRange:
    """`both` with the source of the part whose bounds it has, else of every part."""
    sources = [part.source for part in parts if part is not None]
    for part in parts:
        if part is not None and part.specifier() == both.specifier():
            sources = [part.source]
            break
    return VersionRange(both.low, both.high, both.high_inclusive, "; ".join(sources))


def _implied(allowed: VersionRange, rows: tuple[tuple[Version, str], ...]) -> VersionRange | None:
    """The join of the rows' ranges over every version of `allowed`."""
    found: VersionRange | None = None
    for index, (start, specifier) in enumerate(rows):
        end = rows[index + 1][0] if index + 1 < len(rows) else None
        if (
            end is not None
            and allowed.low is not None
            and comparable(end) <= comparable(allowed.low)
        ):
            continue
        if not allowed.below_high(start):
            continue
        row = parse_specifier(specifier)
        if row is not None:
            found = row if found is None else join(found, row)
    if found is not None and allowed.low is None:
        # No lowest version declared: the lowest implied is unknown too, not FastAPI 0.1's.
        found = VersionRange(None, found.high, found.high_inclusive)
    return found


# -- readers -----------------------------------------------------------------------------------
def _requirement(line: str) -> tuple[str, VersionRange, str] | None:
    match = _REQUIREMENT.match(line)
    if match is None:
        return None
    if match["url"]:
        return match["name"], VersionRange(), ""
    spec = (match["spec"] or "").strip()
    allowed = parse_specifier(spec)
    return None if allowed is None else (match["name"], allowed, spec)


def _add_requirements(target: InstallSet, items: Iterable[Any], path: Path) -> None:
    for item in items:
        if not isinstance(item, str):
            continue  # {include-group = "..."} in dependency groups
        parsed = _requirement(item)
        if parsed is None:
            warn(path, f"cannot read requirement {item!r}")
            continue
        target.add(*parsed)


def _poetry(target: InstallSet, table: Any, path: Path) -> None:
    if not isinstance(table, dict):
        return
    for name, value in table.items():
        if isinstance(value, dict):
            value = value.get("version", "*")
        if isinstance(value, list):  # several constraints by marker: any may apply
            specs = [v.get("version", "*") for v in value if isinstance(v, dict)]
            value = "||".join(str(spec) for spec in specs) or "*"
        allowed = parse_specifier(str(value))
        if allowed is None:
            warn(path, f"cannot read the version {value!r} of {name}")
            continue
        target.add(name, allowed, str(value))


def _read_toml(path: Path) -> dict[str, Any] | None:
    try:
        data: dict[str, Any] = tomllib.loads(_read_text(path))
    except (OSError, UnicodeDecodeError):
        return None
    except tomllib.TOMLDecodeError as error:
        warn(path, f"invalid TOML ({error})")
        return None
    return data


def _table(data: Any, *keys: str) -> Any:
    for key in keys:
        if not isinstance(data, dict):
            return None
        data = data.get(key)
    return data


def _pyproject_sets(path: Path) -> Iterator[InstallSet]:
    data = _read_toml(path)
    if data is None:
        return
    name = path.name
    base = InstallSet(name, {}, {})
    _add_requirements(base, _table(data, "project", "dependencies") or (), path)
    _poetry(base, _table(data, "tool", "poetry", "dependencies"), path)
    yield base
    lists: list[Any] = []
    for key in (("project", "optional-dependencies"), ("tool", "pdm", "dev-dependencies")):
        groups = _table(data, *key)
        if isinstance(groups, dict):
            lists += groups.values()
    groups = data.get("dependency-groups")
    if isinstance(groups, dict):
        lists += groups.values()
    lists.append(_table(data, "tool", "uv", "dev-dependencies") or ())
    for items in lists:
        if isinstance(items, list):
            extra = InstallSet(name, dict(base.ranges), dict(base.written))
            _add_requirements(extra, items, path)
            yield extra
    poetry_groups = [_table(data, "tool", "poetry", "dev-dependencies")]
    groups = _table(data, "tool", "poetry", "group")
    if isinstance(groups, dict):
        poetry_groups += [_table(group, "dependencies") for group in groups.values()]
    for table in poetry_groups:
        if isinstance(table, dict):
            extra = InstallSet(name, dict(base.ranges), dict(base.written))
            _poetry(extra, table, path)
            yield extra


def _requirements_lines(path: Path, seen: set[Path]) -> Iterator[tuple[Path, int, str]]:
    """Every requirement line of `path` and of the files it includes, with where it is."""
    resolved = path.resolve()
    if resolved in seen:
        return
    seen.add(resolved)
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError) as error:
        warn(path, f"cannot read ({type(error).__name__})")
        return
    for number, raw in enumerate(re.sub(r"\\\r?\n", "", text).splitlines(), start=1):
        line = re.sub(r"(^|\s)#.*", "", raw).strip()
        if not line:
            continue
        include = re.match(r"^(?:-r|-c|--requirement|--constraint)(?:\s*=?\s*)(\S+)$", line)
        if include is not None:
            yield from _requirements_lines(path.parent / include.group(1), seen)
        elif not line.startswith("-") and not _NOT_A_NAME.search(line):
            yield path, number, re.sub(r"\s--?\w[\w-]*(=\S*|\s+\S+)?", "", line)


def _requirements_set(path: Path, root: Path) -> tuple[InstallSet, set[Path]]:
    """The install set of a requirements file, and the files it reads (itself included)."""
    target = InstallSet(_relative(path, root), {}, {})
    seen: set[Path] = set()
    for where, number, line in _requirements_lines(path, seen):
        parsed = _requirement(line)
        if parsed is None:
            warn(Path(f"{where}:{number}"), f"cannot read requirement {line!r}")
            continue
        target.add(*parsed, _relative(where, root))
    return target, seen


def _pipfile_set(path: Path) -> InstallSet | None:
    data = _read_toml(path)
    if data is None:
        return None
    target = InstallSet(path.name, {}, {})
    for section in ("packages", "dev-packages"):
        _poetry(target, data.get(section), path)
    return target


def _setup_cfg_set(path: Path) -> InstallSet | None:
    parser = configparser.RawConfigParser()
    try:
        parser.read_string(_read_text(path), str(path))
    except (configparser.Error, UnicodeDecodeError):
        warn(path, "cannot read it as an INI file")
        return None
    if not parser.has_option("options", "install_requires"):
        return None
    target = InstallSet(path.name, {}, {})
    lines = parser.get("options", "install_requires").splitlines()
    _add_requirements(target, [line for line in lines if line.strip()], path)
    return target


def _locked(path: Path) -> dict[str, list[Version]] | None:
    """The exact versions a lock file pins, by distribution (a uv lock may resolve a package
    twice, once per fork); None when it cannot be read."""
    try:
        text = _read_text(path)
    except (OSError, UnicodeDecodeError):
        return None
    entries = (
        _pipfile_lock_entries(path, text)
        if path.name == "Pipfile.lock"
        else _toml_lock_entries(path, text)
    )
    if entries is None:
        return None
    found: dict[str, list[Version]] = {}
    for name, version_text in entries:
        match = re.match(r"\d+(?:\.\d+)*", version_text)
        if match is None:
            continue  # installed from a path or a VCS URL: the lock has no release to name
        found.setdefault(name, []).append(tuple(int(part) for part in match.group().split(".")))
    return found


def _pipfile_lock_entries(path: Path, text: str) -> list[tuple[str, str]] | None:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        warn(path, f"invalid JSON ({error})")
        return None
    if not isinstance(data, dict) or not isinstance(data.get("default"), dict):
        warn(path, "no [default] section")
        return None
    return [
        (canonical(name), str(value.get("version", "")).lstrip("="))
        for section in ("default", "develop")
        if isinstance(data.get(section), dict)
        for name, value in data[section].items()
        if isinstance(value, dict) and canonical(name) in WATCHED
    ]


_NAME_KEY = re.compile(r"""^name\s*=\s*["']([^"']+)["']""", re.MULTILINE)


def _toml_lock_entries(path: Path, text: str) -> list[tuple[str, str]] | None:
    """uv.lock, poetry.lock and pdm.lock: each `[[package]]` table's name and version.

    Lock files run to megabytes and a full TOML parse costs more than checking the files, so
    only the watched packages' own keys (up to their first sub-table) are parsed."""
    blocks = ("\n" + text.replace("\r\n", "\n")).split("\n[[package]]\n")
    if len(blocks) < 2:
        warn(path, "no [[package]] tables")
        return None
    entries = []
    for block in blocks[1:]:
        name = _NAME_KEY.search(block)
        if name is None or canonical(name.group(1)) not in WATCHED:
            continue
        head = re.split(r"^\[", block, maxsplit=1, flags=re.MULTILINE)[0]
        try:
            table = tomllib.loads(head)
        except tomllib.TOMLDecodeError:
            warn(path, f"invalid TOML in the [[package]] table of {name.group(1)}")
            return None
        entries.append((canonical(name.group(1)), str(table.get("version", ""))))
    return entries


def _relative(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.relpath(path, root)).as_posix()


# -- the project ---------------------------------------------------------------------------------
@functools.cache
def project_root(directory: Path) -> Path | None:
    """The nearest directory up from `directory` that may declare dependencies (or is the top
    of a repository), or None."""
    try:
        names = {entry.name for entry in directory.iterdir()}
    except OSError:
        names = set()
    if any(name in names for name in (*_MARKERS, ".git", ".hg")) or any(
        name.startswith("requirements") for name in names
    ):
        return directory
    return None if directory.parent == directory else project_root(directory.parent)


# The files read for each root, with their modification times: a long-running front end (the
# language server) reads a root again once one of them changes.
_READ: list[Path] = []
_DECLARED: dict[Path, tuple[tuple[tuple[Path, int], ...], Mapping[str, VersionRange]]] = {}


def _read_text(path: Path) -> str:
    _READ.append(path)
    return read_regular(path).decode("utf-8")


def _stamps(paths: Iterable[Path]) -> tuple[tuple[Path, int], ...]:
    stamps = []
    for path in paths:
        try:
            stamps.append((path, path.stat().st_mtime_ns))
        except OSError:
            stamps.append((path, -1))
    return tuple(stamps)


def declared_versions(root: Path) -> Mapping[str, VersionRange]:
    """What the project at `root` allows, by distribution (only those it declares); read once,
    and again only when a file it was read from changes (or the root gains or loses one)."""
    cached = _DECLARED.get(root)
    if cached is not None and _stamps(path for path, _ in cached[0]) == cached[0]:
        return cached[1]
    _READ.clear()
    found = _read_declared(root)
    _DECLARED[root] = (_stamps([root, *dict.fromkeys(_READ)]), found)
    return found


def _read_declared(root: Path) -> Mapping[str, VersionRange]:
    sets: list[InstallSet] = []
    if (root / "pyproject.toml").is_file():
        sets += _pyproject_sets(root / "pyproject.toml")
    for name, reader in (("Pipfile", _pipfile_set), ("setup.cfg", _setup_cfg_set)):
        if (root / name).is_file():
            found = reader(root / name)
            if found is not None:
                sets.append(found)
    requirement_files = [
        *sorted(root.glob("requirements*.txt")),
        *sorted(root.glob("requirements/*.txt")),
        *sorted(root.glob("docker/**/requirements*.txt")),  # what the image installs
    ]
    constraint_files = sorted(root.glob("constraints*.txt"))
    read = [_requirements_set(path, root) for path in [*requirement_files, *constraint_files]]
    # A file another one includes is part of that install set, not one of its own (unless
    # they include each other).
    paths = [path.resolve() for path in [*requirement_files, *constraint_files]]
    constraints: list[InstallSet] = []
    for index, (install_set, files) in enumerate(read):
        if not any(
            paths[index] in others and paths[other] not in files
            for other, (_, others) in enumerate(read)
            if other != index
        ):
            (constraints if index >= len(requirement_files) else sets).append(install_set)
    result: dict[str, VersionRange] = {}
    for install_set in sets:
        for name, allowed in install_set.resolved().items():
            result[name] = allowed if name not in result else join(result[name], allowed)
    # A constraints file bounds whatever is installed, from any set.
    for install_set in constraints:
        for name, bound in install_set.resolved().items():
            declared = result.get(name)
            both = bound if declared is None else intersect(bound, declared)
            result[name] = bound if both is None else _credited(both, bound, declared)
    locked: dict[str, VersionRange] = {}
    locks = [root / name for name in LOCK_FILES if (root / name).is_file()]
    if not locks:
        locks = _workspace_lock(root)
    for lock in locks:
        pins = _locked(lock)
        for name, versions in (pins or {}).items():
            for version in versions:
                exact = VersionRange.exactly(version, f"from {_relative(lock, root)}")
                locked[name] = exact if name not in locked else join(locked[name], exact)
    for name, allowed in list(locked.items()):
        if name in IMPLIED and IMPLIED[name][0] not in locked:
            target, rows = IMPLIED[name]
            implied = _implied(allowed, rows)
            if implied is not None:
                where = allowed.source.replace("from ", "in ", 1)
                pinned = allowed.specifier()
                pinned = pinned if pinned[0] in "<>=" else f"=={pinned}"
                locked[target] = VersionRange(
                    implied.low,
                    implied.high,
                    implied.high_inclusive,
                    f"via {name}{pinned} {where}",
                )
    # A distributed package runs with whatever its users install: its lock file pins only its
    # own development environment, so what its `[project]` declares holds.
    distributed = _distributed(root / "pyproject.toml")
    distributed |= {IMPLIED[name][0] for name in distributed if name in IMPLIED}
    result.update((name, allowed) for name, allowed in locked.items() if name not in distributed)
    return result


def _distributed(path: Path) -> set[str]:
    """The distributions a package built for distribution (a `[build-system]` and a
    `[project]`) declares in its dependencies; none for an application."""
    data = _read_toml(path) if path.is_file() else None
    if data is None or "build-system" not in data or "project" not in data:
        return set()
    names: set[str] = set()
    for item in _table(data, "project", "dependencies") or ():
        found = _requirement(item) if isinstance(item, str) else None
        if found is not None:
            names.add(canonical(found[0]))
    return names


def _workspace_lock(root: Path) -> list[Path]:
    """The uv.lock of the uv workspace `root` is a member of: it lives in the workspace's root,
    a directory up the tree whose pyproject.toml has a [tool.uv.workspace] table."""
    for directory in root.parents:
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file() and (directory / "uv.lock").is_file():
            data = _read_toml(pyproject) or {}
            if isinstance(_table(data, "tool", "uv", "workspace"), dict):
                return [directory / "uv.lock"]
        if (directory / ".git").exists():
            break
    return []


def forget_declared() -> None:
    """Forget the roots, declarations and project names read so far: one of their files changed
    (`settings.forget_configuration`)."""
    project_root.cache_clear()
    project_name.cache_clear()
    _DECLARED.clear()


def poetry_python(root: Path) -> Version | None:
    """The lowest Python 3 minor version `[tool.poetry.dependencies] python` allows."""
    data = _read_toml(root / "pyproject.toml") or {}
    declared = _table(data, "tool", "poetry", "dependencies", "python")
    allowed = parse_specifier(declared) if isinstance(declared, str) else None
    if allowed is None or allowed.low is None or allowed.low[0] != 3:
        return None
    return (3, allowed.low[1] if len(allowed.low) > 1 else 0)


def read_ahead(path: str) -> None:
    """Read the declarations of the project `path` (a file or directory) lies in, so that
    processes forked afterwards (flake8's workers) inherit them and warn only once."""
    if path in {"-", ""}:
        return
    try:
        directory = Path(path).resolve()
        root = project_root(directory if directory.is_dir() else directory.parent)
    except OSError:
        return
    if root is not None:
        declared_versions(root)


@functools.cache
def project_name(root: Path) -> str | None:
    """The distribution name the project at `root` declares for itself."""
    if not (root / "pyproject.toml").is_file():
        return None
    data = _read_toml(root / "pyproject.toml") or {}
    name = _table(data, "project", "name") or _table(data, "tool", "poetry", "name")
    return name if isinstance(name, str) else None
