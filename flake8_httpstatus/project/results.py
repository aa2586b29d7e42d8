"""The results cache: each walked file's findings, kept from the run that found them, so that a
file unchanged since, in a project that passes on the same statuses, is answered without
walking it (as ruff's cache does), and without importing the engine at all.

An entry is found by a key that holds everything `rules.check` reads, so a cached answer is
the one a fresh walk would give, byte for byte:

- the file's text, and where it is (its absolute path and dotted module name: test-file
  heuristics, conftest fixtures, relative imports);
- every `Settings` field, and what the engine derives for the file's directory: the target
  Python (and where it was read) and the version range of every library it consults (explicit,
  declared in the project's pins and lock files, or installed);
- the project's facts: a digest of what every indexed module passes on (not of modification
  times: a function body edited without changing what it passes on keeps the other files'
  entries), with the project root;
- this tool: its version, the format of the entries, the running Python's (major, minor) (the
  stdlib `ast` differs), and the size and modification time of each of its own source files
  (an editable install changes without a new version).

Entries live in `results/` under the project index's cache directory (the same options turn
both off), one file per key, named by the key's SHA-256. Like the facts, an entry is untrusted
input: read through the directory's descriptor without following a link and without blocking,
at most MAX_ENTRY_BYTES, checked (magic, checksum, format, its own key, the shape of every
finding, positions inside the text); anything in doubt is a miss, never an error. Writing goes
through a temporary file renamed over the entry, so concurrent processes (flake8's workers, a
second flake8) never see half an entry; two writers of one key write the same bytes. Past
MAX_ENTRIES entries, the oldest (by modification time) are removed down to three quarters.
"""

from __future__ import annotations

import ast
import contextlib
import dataclasses
import functools
import hashlib
import json
import os
import stat
import sys
import time
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flake8_httpstatus import __version__
from flake8_httpstatus.config.settings import Settings, Versions, python_target, resolved_parent
from flake8_httpstatus.config.versions import project_root
from flake8_httpstatus.core.filesystem import (
    STALE_SECONDS,
    lstat_in,
    open_directory,
    read_in,
    write_in,
)
from flake8_httpstatus.core.findings import Edit, Finding, Fix, ImportSpec
from flake8_httpstatus.project import cache

if TYPE_CHECKING:
    from flake8_httpstatus.project.index import ProjectIndex

# Bumped when what an entry holds, or what the key covers, changes.
RESULTS_FORMAT = 1
MAGIC = b"flake8-httpstatus results\n"
DIRECTORY = "results"
# An entry larger than this is not read (a file with thousands of findings takes about 1 MB).
MAX_ENTRY_BYTES = 8 * 1024 * 1024
# Past this many entries the oldest are removed, down to three quarters of it.
MAX_ENTRIES = 20_000
_HEADER = len(MAGIC) + 32


def findings(
    tree: ast.AST,
    settings: Settings,
    filename: str | None,
    project: ProjectIndex | None,
    text: str,
    fixes: bool = True,
) -> list[Finding]:
    """`rules.check(tree, settings, filename, project, text)`: from the cache when stored,
    else checked (the engine imported only then) and stored. A file outside any project
    (standard input) is not cached. Not `fixes` (flake8 shows none): a stored finding comes
    without its fix, which is then neither checked nor built (a fraction of flake8's warm
    cost per file)."""
    from_cache = results_for(settings, project) if filename and project is not None else None
    if from_cache is None or not filename:
        return _check(tree, settings, filename, project, text)
    key = from_cache.key(filename, text)
    stored = from_cache.get(key, text, fixes)
    if stored is not None:
        return stored
    found = _check(tree, settings, filename, project, text)
    from_cache.put(key, found)
    return found


def _check(
    tree: ast.AST,
    settings: Settings,
    filename: str | None,
    project: ProjectIndex | None,
    text: str,
) -> list[Finding]:
    from flake8_httpstatus.rules import check

    return check(tree, settings, filename, project, text)


# One `Results` per settings and project index in this run (`forget` ends the run); the least
# recently opened closed past _KEPT (a process that runs `check` again and again: each run's
# settings are new).
_OPEN: dict[tuple[int, ProjectIndex], tuple[Settings, Results | None]] = {}
_KEPT = 8


def results_for(settings: Settings, project: ProjectIndex) -> Results | None:
    """The results cache of `project` checked with `settings`; None when caching is off."""
    found = _OPEN.get((id(settings), project))
    if found is None or found[0] is not settings:
        found = _OPEN[id(settings), project] = (settings, _open(settings, project))
        while len(_OPEN) > _KEPT:
            _, dropped = _OPEN.pop(next(iter(_OPEN)))
            if dropped is not None:
                dropped.close()
    return found[1]


def forget() -> None:
    """A new run (a long-lived flake8): what was derived from the project's files, read again."""
    for _, results in _OPEN.values():
        if results is not None:
            results.close()
    _OPEN.clear()


def _open(settings: Settings, project: ProjectIndex) -> Results | None:
    from flake8_httpstatus.project.index import cache_dir_for

    directory = cache_dir_for(project.root, settings.cache_dir)
    if directory is None:
        return None
    return Results(directory / DIRECTORY, settings, project)


class Results:
    """The entries of one project checked with one settings, in `directory`."""

    def __init__(self, directory: Path, settings: Settings, project: ProjectIndex) -> None:
        self.directory = directory
        self.settings = settings
        self.project = project
        self.write = settings.write_cache
        self._base: bytes | None = None
        self._places: dict[Path, bytes] = {}
        self._absolutes: dict[tuple[str, str], str] = {}
        self._ranges: dict[tuple[object, ...], bytes] = {}
        self._descriptor: int | None = None
        self._refused: bool | None = None
        self._pruned = False

    # -- the key -----------------------------------------------------------------------------
    def key(self, filename: str, text: str) -> str:
        digest = hashlib.sha256(self._run_key())
        digest.update(self._place_key(filename))
        module, is_package = self.project.module_of(filename)
        digest.update(f"{self._absolute(filename)}\0{module}\0{is_package}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _absolute(self, filename: str) -> str:
        """`os.path.abspath(filename)`, its directory made absolute once (many files share
        one; `abspath` asks the working directory and normalizes the whole path each time)."""
        directory, name = os.path.split(filename)
        if name in {"", ".", ".."} or os.path.isabs(directory):
            return os.path.abspath(filename)
        where = (directory, os.getcwd())
        absolute = self._absolutes.get(where)
        if absolute is None:
            absolute = self._absolutes[where] = os.path.abspath(directory)
        return os.path.join(absolute, name)

    def _run_key(self) -> bytes:
        """What every file's key holds: the tool, the settings and the project's facts."""
        if self._base is None:
            self._base = (
                f"{RESULTS_FORMAT}\0{__version__}\0{sys.version_info[:2]}\0{code_stamp()}\0"
                f"{settings_key(self.settings)}\0{self.project.root}\0"
                f"{self.project.facts_digest}\0"
            ).encode()
        return self._base

    def _place_key(self, filename: str) -> bytes:
        """The target Python and library versions the engine finds for the file: the same for
        every file of one (resolved) directory, and for every directory of one project root
        with one target Python."""
        directory = resolved_parent(filename)
        found = self._places.get(directory)
        if found is None:
            python, source = python_target(filename, self.settings)
            # Where `Versions` reads the declared versions (and whether it is the project's
            # own environment) from.
            place = (python, source, project_root(directory) or directory)
            found = self._ranges.get(place)
            if found is None:
                versions = Versions(python, self.settings.library_versions, filename, source)
                ranges = []
                for name in versions:
                    with contextlib.suppress(KeyError):
                        ranges.append(f"{name}={versions[name]!r}")
                found = self._ranges[place] = "\0".join(ranges).encode() + b"\0"
            self._places[directory] = found
        return found

    # -- reading and writing -----------------------------------------------------------------
    def get(self, key: str, text: str, fixes: bool = True) -> list[Finding] | None:
        """The findings stored under `key` (without their fixes unless `fixes`); None for a
        miss (absent, or anything in doubt)."""
        descriptor = self._open(create=False)
        if descriptor is None:
            return None
        try:
            raw = read_in(descriptor, key, MAX_ENTRY_BYTES)
        except OSError:
            return None
        return parse_entry(raw, key, text.count("\n") + 1, fixes)

    def put(self, key: str, found: list[Finding]) -> None:
        """Store `found` under `key`: whole or not at all."""
        if not self.write:
            return
        data = entry_bytes(key, found)
        if len(data) > MAX_ENTRY_BYTES:
            return
        descriptor = self._open(create=True)
        if descriptor is None:
            return
        with contextlib.suppress(OSError):
            write_in(descriptor, key, data)
        if not self._pruned:
            self._pruned = True
            prune(descriptor, MAX_ENTRIES)

    def _open(self, create: bool) -> int | None:
        """The directory's descriptor, opened once (never through a link; None if absent or
        refused); `create`: made first, with the cache directory's `.gitignore`."""
        if self._descriptor is not None:
            return self._descriptor
        if self._refused is None:
            # The cache directory as the facts' writer judges it (the project root or above
            # it, a link: said once for both), then the entries' own directory.
            self._refused = cache.refused(
                self.directory.parent, self.project.root
            ) or cache.refused(self.directory, self.project.root)
        if self._refused:
            return None
        if create:
            with contextlib.suppress(OSError):
                self.directory.mkdir(parents=True, exist_ok=True)
                _ignore(self.directory.parent)
        with contextlib.suppress(OSError):
            self._descriptor = open_directory(self.directory)
        return self._descriptor

    def close(self) -> None:
        if self._descriptor is not None:
            with contextlib.suppress(OSError):
                os.close(self._descriptor)
            self._descriptor = None


def _ignore(directory: Path) -> None:
    """The cache directory's `.gitignore`, as the facts' writer leaves it (not through a link)."""
    descriptor = open_directory(directory)
    try:
        ignore = lstat_in(descriptor, ".gitignore")
        if ignore is None or not stat.S_ISREG(ignore.st_mode) or ignore.st_size == 0:
            write_in(descriptor, ".gitignore", cache.GITIGNORE)
    finally:
        os.close(descriptor)


def prune(descriptor: int, limit: int) -> None:
    """Past `limit` entries, remove the oldest down to three quarters of it; and the temporary
    files a killed run left (older than STALE_SECONDS). Entries are counted by name (the
    directory's listing says which are files): only the temporary files, and the entries once
    past the limit, are `stat`-ed. Another process may prune at the same time: what is gone is
    gone."""
    now = time.time()
    names: list[str] = []
    with contextlib.suppress(OSError), os.scandir(descriptor) as scan:
        for entry in scan:
            with contextlib.suppress(OSError):
                name = entry.name
                if name.startswith(".") and name.endswith(".tmp"):
                    status = entry.stat(follow_symlinks=False)
                    if stat.S_ISREG(status.st_mode) and now - status.st_mtime > STALE_SECONDS:
                        os.unlink(name, dir_fd=descriptor)
                elif entry.is_file(follow_symlinks=False):
                    names.append(name)
    if len(names) <= limit:
        return
    entries: list[tuple[float, str]] = []
    for name in names:
        with contextlib.suppress(OSError):
            entries.append((os.stat(name, dir_fd=descriptor, follow_symlinks=False).st_mtime, name))
    entries.sort()
    for _, name in entries[: len(entries) - limit * 3 // 4]:
        with contextlib.suppress(OSError):
            os.unlink(name, dir_fd=descriptor)


# -- the entry ----------------------------------------------------------------------------------
def entry_bytes(key: str, found: list[Finding]) -> bytes:
    payload = json.dumps(
        [RESULTS_FORMAT, __version__, key, [_row(finding) for finding in found]],
        separators=(",", ":"),
    ).encode()
    return MAGIC + hashlib.sha256(payload).digest() + payload


def parse_entry(raw: bytes, key: str, lines: int, fixes: bool = True) -> list[Finding] | None:
    """The findings of an entry, if it is whole, of this format and version, for `key`, and
    every finding well formed and inside a text of `lines` lines; else None. Not `fixes`: each
    finding without its fix (a list, or None, not looked into: the checksum holds the entry
    whole, and what is not built cannot mislead)."""
    if len(raw) < _HEADER or not raw.startswith(MAGIC):
        return None
    payload = raw[_HEADER:]
    if hashlib.sha256(payload).digest() != raw[len(MAGIC) : _HEADER]:
        return None
    try:
        data = json.loads(payload)
    except (ValueError, RecursionError):
        return None
    if not (
        isinstance(data, list)
        and len(data) == 4
        and data[:3] == [RESULTS_FORMAT, __version__, key]
        and isinstance(data[3], list)
    ):
        return None
    found = []
    for row in data[3]:
        finding = _finding(row, lines, fixes)
        if finding is None:
            return None  # one finding in doubt: the entry is
        found.append(finding)
    return found


def _row(finding: Finding) -> list[object]:
    fix = finding.fix
    return [
        finding.code,
        finding.message,
        finding.line,
        finding.col,
        finding.end_line,
        finding.end_col,
        None
        if fix is None
        else [
            [
                (edit.line, edit.col, edit.end_line, edit.end_col, edit.content)
                for edit in fix.edits
            ],
            fix.title,
            None if fix.needs is None else (fix.needs.module, fix.needs.name, fix.needs.asname),
            fix.safe,
        ],
    ]


def _finding(row: object, lines: int, fixes: bool) -> Finding | None:
    if not (isinstance(row, list) and len(row) == 7):
        return None
    code, message, line, col, end_line, end_col, fix = row
    if not (
        isinstance(code, str)
        and isinstance(message, str)
        and _span(line, col, end_line, end_col, lines)
    ):
        return None
    if fix is None:
        return Finding(code, message, line, col, end_line, end_col)
    if not fixes:  # not looked into; but a fix is a list, and anything else puts it in doubt
        return (
            Finding(code, message, line, col, end_line, end_col) if isinstance(fix, list) else None
        )
    parsed = _fix(fix, lines)
    if parsed is None:
        return None
    return Finding(code, message, line, col, end_line, end_col, parsed)


def _fix(fix: object, lines: int) -> Fix | None:
    if not (isinstance(fix, list) and len(fix) == 4):
        return None
    edits, title, needs, safe = fix
    if not (
        isinstance(edits, list)
        and all(_edit(edit, lines) for edit in edits)
        and isinstance(title, str)
        and isinstance(safe, bool)
        and (needs is None or _import(needs))
    ):
        return None
    return Fix(
        tuple(Edit(*edit) for edit in edits),
        title,
        None if needs is None else ImportSpec(*needs),
        safe,
    )


def _edit(edit: object, lines: int) -> bool:
    if not (isinstance(edit, list) and len(edit) == 5):
        return False
    line, col, end_line, end_col, content = edit
    return _span(line, col, end_line, end_col, lines) and isinstance(content, str)


def _import(needs: object) -> bool:
    return (
        isinstance(needs, list)
        and len(needs) == 3
        and isinstance(needs[0], str)
        and all(part is None or isinstance(part, str) for part in needs[1:])
    )


def _span(line: object, col: object, end_line: object, end_col: object, lines: int) -> bool:
    """Line, column, end line, end column: ints, lines inside the text, columns not negative."""
    return (
        type(line) is int
        and type(col) is int
        and type(end_line) is int
        and type(end_col) is int
        and 1 <= line <= end_line <= lines + 1
        and col >= 0
        and end_col >= 0
    )


# -- what the key holds besides the file ------------------------------------------------------
def settings_key(settings: Settings) -> str:
    """Every field of `settings`, in a form equal settings always give (sets sorted)."""
    return "\0".join(
        f"{field.name}={_canonical(getattr(settings, field.name))}"
        for field in dataclasses.fields(settings)
    )


def _canonical(value: object) -> str:
    if isinstance(value, (set, frozenset)):
        return "{" + ",".join(sorted(_canonical(item) for item in value)) + "}"
    if isinstance(value, Mapping):
        items = sorted((_canonical(k), _canonical(v)) for k, v in value.items())
        return "{" + ",".join(f"{k}:{v}" for k, v in items) + "}"
    if isinstance(value, (tuple, list)):
        return "(" + ",".join(_canonical(item) for item in value) + ")"
    return repr(value)


_PACKAGE = Path(__file__).resolve().parent.parent


@functools.cache
def code_stamp(package: Path = _PACKAGE) -> str:
    """The size and modification time of each of this package's files, once per process: a
    source edited in an editable install (or another build of one version) makes other
    entries."""
    digest = hashlib.sha256()
    _stamp_into(digest, str(package), "")
    return digest.hexdigest()


def _stamp_into(digest: Any, directory: str, relative: str) -> None:
    with contextlib.suppress(OSError), os.scandir(directory) as scan:
        found = sorted(scan, key=lambda entry: entry.name)
    for entry in found:
        with contextlib.suppress(OSError):
            if entry.name.endswith(".py"):
                status = entry.stat()
                digest.update(
                    f"{relative}{entry.name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode()
                )
            elif entry.name != "__pycache__" and entry.is_dir():
                _stamp_into(digest, entry.path, f"{relative}{entry.name}/")
