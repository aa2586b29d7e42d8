"""The project index: what every module of the project passes on as a status, so that a helper,
exception class or base class defined in one module is known in all the others.

The project is found from the checked file upwards (the nearest pyproject.toml, setup.cfg,
setup.py or .git), and indexed whole, whatever files the command line names: pre-commit passes
only the changed ones. Each module's facts (inference.ModuleFacts) come from the engine's own
walk; a cheap byte-level test skips files that cannot hold any. The facts are cached on disk
(project/cache.py: checked when loaded, keyed by path and content hash), in
`.httpstatus_cache/` at the project root, or in the directory the `httpstatus-cache-dir`
option names (`off`: no cache), or the one
`FLAKE8_HTTPSTATUS_CACHE_DIR` names (empty: no cache), which wins over the option as
`RUFF_CACHE_DIR` does over ruff's setting. The cache only saves time: results are the same
with it, without it, or after deleting it.
"""

from __future__ import annotations

import ast
import contextlib
import fnmatch
import gc
import hashlib
import os
import re
import warnings
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

from flake8_httpstatus.analysis.inference import CallableFacts, ModuleFacts, Solver
from flake8_httpstatus.config.settings import (
    CACHE_OFF,
    ExtraSink,
    Settings,
    resolved,
    resolved_parent,
)
from flake8_httpstatus.core.filesystem import TooLarge, read_regular, say_once
from flake8_httpstatus.project import cache

ROOT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git")
CACHE_ENV = "FLAKE8_HTTPSTATUS_CACHE_DIR"
CACHE_DIR = ".httpstatus_cache"
_WORD = re.compile(r"\w+")
# Past this many modules the "project" is more likely a home directory: not indexed.
MAX_FILES = 20_000
# The most read of one module: a larger file is generated, or hostile, and not indexed.
MAX_FILE_BYTES = 10 * 1024 * 1024
# Directories never indexed (virtual environments, caches, build output, VCS).
SKIPPED_DIRS = frozenset(
    {
        ".git",
        ".hg",
        ".svn",
        ".tox",
        ".nox",
        ".venv",
        "venv",
        ".eggs",
        "build",
        "dist",
        "__pycache__",
        ".mypy_cache",
        ".pytest_cache",
        ".ruff_cache",
        CACHE_DIR,
        "node_modules",
        "site-packages",
    }
)
# Functions hold facts only in a module that mentions one of these.
_WORDS = (b"status", b"code", b"abort", b"HTTP", b"Http", b"Response", b"Error", b"Exception")


def find_root(path: str | os.PathLike[str]) -> Path | None:
    """The nearest directory from `path` upwards that holds a project marker."""
    start = Path(path).resolve()
    for directory in (start, *start.parents) if start.is_dir() else start.parents:
        if any((directory / marker).exists() for marker in ROOT_MARKERS):
            return directory
    return None


def module_of(path: Path, root: Path | None = None) -> tuple[str, bool]:
    """`pkg.sub.mod` for pkg/sub/mod.py while pkg and sub hold an `__init__.py`, as Python
    imports it from the first directory above that is not a package; and whether the file is a
    package's `__init__`. Given the project's `root`, a directory without `__init__.py` below a
    package under it is a namespace package (PEP 420): `pkg/sub/mod.py` with only
    `pkg/__init__.py` is `pkg.sub.mod`, as Python imports it from pkg's parent (a source root
    such as `src/`)."""
    return _module_in(path.stem, _packages_of(path.parent, root))


def _packages_of(directory: Path, root: Path | None = None) -> tuple[str, ...]:
    """The packages `directory` is in, innermost first (see `module_of`)."""
    parts: list[str] = []
    while (directory / "__init__.py").exists() and directory != directory.parent:
        parts.append(directory.name)
        directory = directory.parent
    if root is None or root not in directory.parents:
        return tuple(parts)
    # Namespace portions up to the nearest package below the root, if there is one.
    between = [directory.name]
    for ancestor in directory.parents:
        if ancestor == root:
            break
        if (ancestor / "__init__.py").exists():
            return (*parts, *between, *_packages_of(ancestor, root))
        between.append(ancestor.name)
    return tuple(parts)


def _module_in(stem: str, packages: tuple[str, ...]) -> tuple[str, bool]:
    parts = [stem, *packages]
    is_package = parts[0] == "__init__"
    if is_package:
        parts.pop(0)
    return ".".join(reversed(parts)), is_package


def may_hold_facts(data: bytes, path: Path) -> bool:
    """A package's `__init__` may re-export; a class may be a link between a framework's
    class and its subclasses elsewhere; functions, and module-level aliases of an imported
    callable (`HTTPError = web.HTTPError`), only matter if they mention a status."""
    if path.name == "__init__.py":
        return b"import" in data
    return (
        b"class " in data
        or ((b"def " in data or b"import" in data) and any(word in data for word in _WORDS))
        or b"namedtuple" in data  # a record type with a status field (recognizers/assignments.py)
    )


def facts_of(
    source: bytes | str | ast.Module, path: Path, extra_sinks: tuple[ExtraSink, ...] = ()
) -> ModuleFacts | None:
    """One module's facts (from its source, or its tree already parsed), from the engine's walk
    with no rules; None if it does not parse. The user's declared sinks count, as in the checked
    file's own walk."""
    from flake8_httpstatus.analysis.context import Rules
    from flake8_httpstatus.analysis.engine import Engine

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tree = source if isinstance(source, ast.Module) else ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    module, is_package = module_of(path)
    engine = Engine(
        Settings(extra_sinks=extra_sinks), str(path), Rules(), module=(module, is_package)
    )
    try:
        engine.run(tree)
    except RecursionError:
        return None
    return engine.collector.facts


def _python_files(root: Path, exclude: tuple[str, ...] = ()) -> list[tuple[str, str]] | None:
    """The project's modules, as (path relative to the root with `/`, path); None past
    MAX_FILES (a root that is a home directory). What `os.walk` finds, in its order (each
    directory's files sorted, then its subdirectories sorted; symlinked directories not
    entered), with strings only: no `Path` per file. Only regular files (a FIFO would block
    the read), and nothing the `exclude` patterns match."""
    found: list[tuple[str, str]] = []
    # `fnmatch.fnmatch` of each pattern, as one expression: three fnmatch calls per pattern and
    # entry cost more than the rest of the walk.
    matches = re.compile(
        "|".join(fnmatch.translate(os.path.normcase(pattern)) for pattern in exclude)
    ).match

    def excluded(name: str, relative: str, path: str) -> bool:
        normcase = os.path.normcase
        return bool(
            matches(normcase(name)) or matches(normcase(relative)) or matches(normcase(path))
        )

    def walk(directory: str, prefix: str) -> bool:
        try:
            with os.scandir(directory) as scan:
                entries = list(scan)
        except OSError:
            return True
        files: list[str] = []
        dirs: list[os.DirEntry[str]] = []
        for entry in entries:
            name = entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if exclude and excluded(name, prefix + name, entry.path):
                continue
            if is_dir:
                if name not in SKIPPED_DIRS and not name.endswith(".egg-info"):
                    dirs.append(entry)
            elif name.endswith(".py") and _is_file(entry):
                files.append(name)
        files.sort()
        found.extend((prefix + name, os.path.join(directory, name)) for name in files)
        if len(found) > MAX_FILES:
            return False
        dirs.sort(key=lambda entry: entry.name)
        for entry in dirs:
            if not entry.is_symlink() and not walk(entry.path, prefix + entry.name + "/"):
                return False
        return True

    return found if walk(str(root), "") else None


def _is_file(entry: os.DirEntry[str]) -> bool:
    """A regular file, or a link to one (not a FIFO, a device, a socket)."""
    try:
        return entry.is_file()
    except OSError:
        return False


def indexed(path: Path, root: Path) -> bool:
    """Whether the index covers `path`: under the root, outside the skipped directories."""
    return _covers(resolved_parent(str(path)), root)


def _covers(directory: Path, root: Path) -> bool:
    """Whether the index covers the files of a resolved `directory`."""
    try:
        relative = directory.relative_to(root)
    except ValueError:
        return False
    return not any(part in SKIPPED_DIRS for part in relative.parts)


class ProjectIndex:
    """The facts of every module under `root`, solved together. Build with `load`."""

    def __init__(
        self,
        root: Path,
        modules: dict[str, ModuleFacts],
        extra_sinks: tuple[ExtraSink, ...] = (),
        exclude: tuple[str, ...] = (),
    ) -> None:
        self.root = root
        self.extra_sinks = extra_sinks
        self.exclude = exclude  # patterns of files and directories not indexed
        self.modules = modules  # by path relative to the root
        self.overrides: dict[str, ModuleFacts] = {}
        self._solved: Solver | None = None
        self._names: re.Pattern[str] | frozenset[str] | bool | None = None
        # Stores the names `mentions` solves for, while the modules are still the cache's.
        self._keep_names: Callable[[list[str]], None] | None = None
        self._by_module: dict[str, ModuleFacts] = {}
        self._packages: dict[tuple[str, str], tuple[str, ...]] = {}
        # Each module's size and modification time when read (`refresh`).
        self.stats: dict[str, tuple[int, int]] = {}
        self._digest: str | None = None

    # -- building -------------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        root: Path,
        cache_dir: Path | None = None,
        extra_sinks: tuple[ExtraSink, ...] = (),
        configured: str = "",
        exclude: tuple[str, ...] = (),
        write: bool = True,
    ) -> ProjectIndex:
        """`cache_dir`: the cache's directory; else as `cache_dir_for` finds it from the
        `httpstatus-cache-dir` value (`configured`) and the environment. `exclude`: patterns
        (flake8's, fnmatch) of what not to index. `write` False: the cache is read, never
        written."""
        cache_file = _cache_file(root, cache_dir, extra_sinks, configured)
        # Tens of thousands of small containers are made below and none is garbage: the cyclic
        # collector's passes over them would be a fifth of the time.
        collecting = gc.isenabled()
        gc.disable()
        try:
            return cls._load(root, cache_file, extra_sinks, exclude, write)
        finally:
            if collecting:
                gc.enable()

    @classmethod
    def _load(
        cls,
        root: Path,
        cache_file: Path | None,
        extra_sinks: tuple[ExtraSink, ...],
        exclude: tuple[str, ...],
        write: bool,
    ) -> ProjectIndex:
        stored = cache.read_all(cache_file)
        cached = stored.entries
        entries: dict[str, cache.Entry] = {}
        stats: dict[str, tuple[int, int]] = {}
        modules: dict[str, ModuleFacts] = {}
        changed = False
        found = _python_files(root, exclude)
        if found is None:
            say_once(
                "warning",
                f"{root}: more than {MAX_FILES} Python files; the project index is off"
                " (helpers in other modules are not followed)",
            )
        for relative, name in found or ():
            try:
                status = os.stat(name)
            except OSError:
                continue
            key = cache.stat_key(status)
            entry = cached.get(relative)
            if entry is not None and entry[0] == key:
                digest, data = entry[1], entry[2]
            else:
                changed = True
                raw = _read_module(Path(name))
                if raw is None:
                    continue
                digest = cache.content_hash(raw)
                if entry is not None and entry[1] == digest:  # touched, not changed
                    data = entry[2]
                else:
                    data = _facts_json_of(raw, Path(name), extra_sinks)
            entries[relative] = (key, digest, data)
            stats[relative] = (status.st_size, status.st_mtime_ns)
            if data is not None:
                modules[relative] = ModuleFacts.from_json(data)
        index = cls(root, modules, extra_sinks, exclude)
        index.stats = stats
        # The names solved from these very files, and the digest of their facts, are read, not
        # made again: a run whose files hold no candidate never solves the project (`solved` is
        # lazy), and a run whose files are unchanged never goes over every module's facts.
        solved_from = cache.entries_key(entries)
        names = stored.names if stored.names and stored.names[0] == solved_from else None
        if stored.digest and stored.digest[0] == solved_from:
            index._digest = stored.digest[1]
        if write and cache_file is not None:
            if changed or len(entries) != len(cached) or index._digest is None:
                cache.write(cache_file, root, entries, names, (solved_from, index.facts_digest))
            if names is None:
                kept = (solved_from, index.facts_digest)
                index._keep_names = lambda found: cache.write(
                    cache_file, root, entries, (solved_from, found), kept
                )
        if names is not None:
            index._names = _matcher(names[1])
        return index

    # -- the engine's view (inference.Project) ---------------------------------------------------
    def module_of(self, filename: str | None) -> tuple[str, bool]:
        if not filename:
            return "", False
        # The packages of each directory looked up once for this index (many files share one);
        # no Path per file: this runs for every file flake8 checks.
        directory, name = os.path.split(filename)
        key = (directory, "" if os.path.isabs(directory) else os.getcwd())
        packages = self._packages.get(key)
        if packages is None:
            packages = self._packages[key] = _packages_of(Path(directory))
        return _module_in(os.path.splitext(name)[0], packages)

    def solver(self, facts: ModuleFacts) -> Solver:
        """The project solved with `facts` as this module's: the shared solution when they are
        what the index holds (the file as saved), else a fresh one."""
        solved = self.solved
        indexed = self._by_module.get(facts.module)
        if indexed == facts:
            return solved
        if indexed is None:  # a module the index skipped: nothing else depends on it
            return Solver([facts], base=solved)
        return Solver(
            [*(m for m in self._all() if m.module != facts.module), facts],
            conftests=solved.conftests,
        )

    @property
    def solved(self) -> Solver:
        if self._solved is None:
            modules = self._all()
            self._by_module = {module.module: module for module in modules}
            self._solved = Solver(modules, conftests=self._conftests())
        return self._solved

    @property
    def facts_digest(self) -> str:
        """A digest of what every module passes on, by its path relative to the root: equal
        whenever the solution is (the results cache's key holds it; project/results.py)."""
        if self._digest is None:
            digest = hashlib.sha256()
            modules = {**self.modules, **self.overrides}
            for relative in sorted(modules):
                digest.update(f"{relative}\0{modules[relative].to_json()!r}\n".encode())
            self._digest = digest.hexdigest()
        return self._digest

    def _unsolve(self) -> None:
        """What the modules pass on changed: solved again when next asked."""
        self._solved = None
        self._digest = None
        self._names = None
        self._keep_names = None

    def mentions(self, text: str, identifiers: AbstractSet[str] | None = None) -> bool:
        """Whether `text` names one of the project's status-taking callables: a file the
        front ends' candidates test (rules/candidates.py) would skip may still call one.
        `identifiers`: those of the (ASCII) text, when the candidates' test read them: a name
        none of them is, is none of the text's words (it starts with no digit), and the text
        need not be read again."""
        names = self._names
        if names is None:
            # Every name a call can use, however short or generic (flake8 must find what
            # `check` finds); `__init__` and the like are called through the class's name.
            found = sorted(name for name in self.solved.sink_names() if not name.startswith("__"))
            names = self._names = _matcher(found)
            if self._keep_names is not None:
                self._keep_names(found)
                self._keep_names = None
        if isinstance(names, frozenset):
            if identifiers is not None and names.isdisjoint(identifiers):
                return False
            return not names.isdisjoint(_WORD.findall(text))
        return bool(names) and names.search(text) is not None  # type: ignore[union-attr]

    def _conftests(self) -> dict[str, dict[str, CallableFacts]]:
        """The fixtures of every `conftest.py` (several may share the module name `conftest`),
        by name, by the absolute directory it applies to and below."""
        found: dict[str, dict[str, CallableFacts]] = {}
        for relative, facts in {**self.modules, **self.overrides}.items():
            directory, _, name = relative.rpartition("/")
            if name != "conftest.py":
                continue
            fixtures = {c.fixture: c for c in facts.callables.values() if c.fixture}
            if fixtures:
                found[os.path.normpath(os.path.join(self.root, directory))] = fixtures
        return found

    def _all(self) -> list[ModuleFacts]:
        modules = _one_per_module({**self.modules, **self.overrides})
        return [*modules.values(), _namespace_aliases(modules)]

    def reread(self, path: Path) -> bool:
        """Read one module again from disk, changed, created or deleted while the language
        server runs (another editor, a git checkout); whether what the project passes on
        changed. An open document's text still stands for its file."""
        relative = resolved(str(path)).relative_to(self.root).as_posix()
        data = _facts_json(path, self.extra_sinks)
        facts = ModuleFacts.from_json(data) if data is not None else None
        if facts == self.modules.get(relative):
            return False
        if facts is None:
            del self.modules[relative]
        else:
            self.modules[relative] = facts
        if relative in self.overrides:
            return False
        self._unsolve()
        return True

    def release(self, path: Path) -> bool:
        """An open document closed: its file stands for it again (unsaved edits are gone);
        whether what the module passes on changed."""
        relative = resolved(str(path)).relative_to(self.root).as_posix()
        facts = self.overrides.pop(relative, None)
        if facts is None or facts == self.modules.get(relative, ModuleFacts(facts.module)):
            return False
        self._unsolve()
        return True

    def refresh(self) -> bool:
        """Read again the modules created, deleted or changed (size, modification time) on
        disk since they were read: for a language server whose client does not report them;
        whether what the project passes on changed."""
        found: dict[str, tuple[int, int]] = {}
        for relative, name in _python_files(self.root, self.exclude) or ():
            with contextlib.suppress(OSError):
                stat = os.stat(name)
                found[relative] = (stat.st_size, stat.st_mtime_ns)
        changed = False
        for relative in sorted(found.keys() | self.stats.keys()):
            if found.get(relative) != self.stats.get(relative):
                changed = self.reread(self.root / relative) or changed
        self.stats = found
        return changed

    def update(self, path: Path, source: str | ast.Module | ModuleFacts) -> bool:
        """Take an open document's text (or its tree, or the facts its check found) instead of
        the saved file's (the language server); whether what the module passes on changed."""
        relative = path.resolve().relative_to(self.root).as_posix()
        if isinstance(source, ModuleFacts):
            facts: ModuleFacts | None = source
        else:
            facts = facts_of(source, path, self.extra_sinks)
        if facts is None:  # being typed: keep what it passed on when it last parsed
            return False
        if (
            self.overrides.get(relative, self.modules.get(relative, ModuleFacts(facts.module)))
            == facts
        ):
            return False
        self.overrides[relative] = facts
        self._unsolve()
        return True


def _matcher(found: list[str]) -> re.Pattern[str] | frozenset[str] | bool:
    """How `mentions` looks for these names in a text."""
    if not found:
        return False
    if all(_WORD.fullmatch(name) and not name[0].isdigit() for name in found):
        # A whole-word match is a maximal run of word characters: comparing the text's runs
        # with a set is far cheaper than an alternation of a thousand names. (A name starting
        # with a digit, never a Python one, is no identifier: see `mentions`.)
        return frozenset(found)
    return re.compile(r"\b(?:" + "|".join(map(re.escape, found)) + r")\b")


def _one_per_module(modules: dict[str, ModuleFacts]) -> dict[str, ModuleFacts]:
    """Of the files with one dotted name (`helpers.py` and a `vendor/helpers.py` copy, a
    nested project's), the one Python imports from the root: its import base (the directory
    its top package is in) the root, else `src/`, else the shallowest; the others lend
    nothing under that name."""
    chosen: dict[str, tuple[tuple[bool, bool, int, str], str]] = {}
    for relative, facts in modules.items():
        if not facts.module:
            continue
        rank = _import_base_rank(relative, facts.module)
        if facts.module not in chosen or rank < chosen[facts.module][0]:
            chosen[facts.module] = (rank, relative)
    if len(chosen) == sum(1 for facts in modules.values() if facts.module):
        return modules  # no name twice: the usual case
    kept = {relative for _, relative in chosen.values()}
    return {r: facts for r, facts in modules.items() if r in kept or not facts.module}


def _import_base_rank(relative: str, module: str) -> tuple[bool, bool, int, str]:
    directories = relative.split("/")[:-1]
    packages = module.count(".") + (1 if relative.rpartition("/")[2] == "__init__.py" else 0)
    base = directories[: len(directories) - packages]
    return bool(base), base != ["src"], len(base), relative


def _namespace_aliases(modules: dict[str, ModuleFacts]) -> ModuleFacts:
    """Modules in directories without `__init__.py` (tests/) are imported by their path from
    the root too (`tests.base`, as pytest's rootdir import does): both names lead to them."""
    aliases = ModuleFacts("")
    for relative, facts in modules.items():
        dotted = relative.removesuffix(".py").replace("/", ".")
        if dotted == facts.module or not facts.module:
            continue
        for key in (*facts.callables, *facts.classes):
            alias = dotted + key[len(facts.module) :]
            aliases.aliases.setdefault(alias, key)
    return aliases


def _facts_json(path: Path, extra_sinks: tuple[ExtraSink, ...]) -> dict[str, Any] | None:
    data = _read_module(path)
    return None if data is None else _facts_json_of(data, path, extra_sinks)


def _read_module(path: Path) -> bytes | None:
    """A module's bytes; None for what is not a regular file, cannot be read or is too large
    (said once)."""
    try:
        return read_regular(path, MAX_FILE_BYTES)
    except TooLarge as error:
        say_once("warning", f"{_shown(path)}: {error.strerror}; not indexed")
    except OSError:
        pass
    return None


def _facts_json_of(
    data: bytes, path: Path, extra_sinks: tuple[ExtraSink, ...]
) -> dict[str, Any] | None:
    if not may_hold_facts(data, path):
        return None
    facts = facts_of(data, path, extra_sinks)
    if facts is None or not (facts.callables or facts.classes or facts.aliases or facts.stars):
        return None
    return facts.to_json()


def _shown(path: Path) -> str:
    """`path` relative to the working directory when under it, as the checked files are named."""
    with contextlib.suppress(ValueError):
        return str(path.relative_to(Path.cwd()))
    return str(path)


def cache_dir_for(root: Path, configured: str = "") -> Path | None:
    """The cache's directory: the environment's, else the option's (relative to the project
    root), else `.httpstatus_cache` at the root; None for no cache."""
    environment = os.environ.get(CACHE_ENV)
    if environment is not None:
        return Path(environment) if environment else None
    if configured == CACHE_OFF:
        return None
    if configured:
        return root / Path(configured).expanduser()
    return root / CACHE_DIR


def _cache_file(
    root: Path, cache_dir: Path | None, extra_sinks: tuple[ExtraSink, ...], configured: str = ""
) -> Path | None:
    directory = cache_dir if cache_dir is not None else cache_dir_for(root, configured)
    if directory is None:
        return None
    digest = hashlib.sha256(f"{root}\n{extra_sinks!r}".encode()).hexdigest()[:16]
    return directory / f"facts-{digest}.marshal"


# One index per project root (and declared sinks) and process: flake8 checks many files of one
# project.
_INDEXES: dict[tuple[Path, tuple[ExtraSink, ...], tuple[str, ...]], ProjectIndex] = {}
# Per directory of a checked file: its project's root, and whether the index covers the files
# in it (a file that is itself a symlink is looked at on its own).
_ROOTS: dict[str, tuple[Path | None, bool]] = {}
# Per resolved directory: whether it holds a root marker. A project's directories share their
# ancestors: each is looked at once per run, not once for every directory below it.
_MARKED: dict[Path, bool] = {}


def reread(path: Path) -> bool:
    """A module changed on disk, read again by every index that covers it: whether what a
    project passes on changed."""
    changed = False
    for (root, *_), index in _INDEXES.items():
        if path.suffix == ".py" and indexed(path, root):
            changed = index.reread(path) or changed
    return changed


def release(path: Path) -> bool:
    """A document closed in the language server, released by every index that covers it."""
    changed = False
    for (root, *_), index in _INDEXES.items():
        if indexed(path, root):
            changed = index.release(path) or changed
    return changed


def forget_roots() -> None:
    """Forget which project each directory belongs to, for a long-lived flake8 run again: a
    `pyproject.toml` (or another root marker) made or removed since moves a project's root."""
    _ROOTS.clear()
    _MARKED.clear()


def _root_of(directory: Path) -> Path | None:
    """`find_root` of a resolved directory, through `_MARKED`."""
    for candidate in (directory, *directory.parents):
        marked = _MARKED.get(candidate)
        if marked is None:
            marked = _MARKED[candidate] = any(
                (candidate / marker).exists() for marker in ROOT_MARKERS
            )
        if marked:
            return candidate
    return None


def refresh() -> bool:
    """Every index read again where its modules changed on disk (ProjectIndex.refresh)."""
    changed = [index.refresh() for index in _INDEXES.values()]
    return any(changed)


def project_for(filename: str | None, settings: Settings | None = None) -> ProjectIndex | None:
    """The index of the project `filename` belongs to, or None outside any project."""
    if not filename or filename in {"-", "stdin"}:
        return None
    directory = os.path.dirname(os.path.abspath(filename))
    place = _ROOTS.get(directory)
    if place is None:
        resolved = Path(directory).resolve()
        root = _root_of(resolved)
        place = _ROOTS[directory] = (root, root is not None and _covers(resolved, root))
    root, covered = place
    if root is None:
        return None
    if os.path.islink(filename):
        covered = indexed(Path(filename), root)
    if not covered:
        return None
    extra_sinks = settings.extra_sinks if settings is not None else ()
    exclude = settings.exclude if settings is not None else ()
    index = _INDEXES.get((root, extra_sinks, exclude))
    if index is None:
        configured = settings.cache_dir if settings is not None else ""
        write = settings.write_cache if settings is not None else True
        index = _INDEXES[root, extra_sinks, exclude] = ProjectIndex.load(
            root, extra_sinks=extra_sinks, configured=configured, exclude=exclude, write=write
        )
    return index


def preload(path: str, settings: Settings | None = None) -> None:
    """Load the index of the project `path` (a file or a directory to check) lies in, with the
    names of its callables, and solve it for a directory: flake8's workers, forked afterwards,
    inherit it instead of each building their own. A file is one check: its project is solved
    only if the file is a candidate (a one-file run in an editor or a pre-commit hook)."""
    if path in {"-", ""}:
        return
    directory = os.path.isdir(path)
    index = project_for(os.path.join(path, "__init__.py") if directory else path, settings)
    if index is not None:
        index.mentions("")  # the pattern of the callables' names (stored, else solved)
        if directory:
            _ = index.solved  # before the workers fork
