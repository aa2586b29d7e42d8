"""The project index's cache file, treated as untrusted input: it may be corrupt (a full disk, a
byte flipped), stale (shipped in a tarball with the sizes and modification times of its files)
or crafted. What is loaded is checked (a checksum over it, then the shape and type of every
entry), an entry stands for a file only while the file's content hash is the one it was made
from, and on any doubt the facts are made again: the cache can cost a rebuild, never a wrong
answer or a crash.

Writing never follows a symbolic link (a planted `.gitignore` link, a linked cache directory)
and never writes into the project root or above it.
"""

from __future__ import annotations

import contextlib
import hashlib
import marshal
import os
import stat
import time
from pathlib import Path
from typing import Any

from flake8_httpstatus import __version__
from flake8_httpstatus.analysis.inference import PARAM
from flake8_httpstatus.core.filesystem import (
    lstat_in,
    open_directory,
    read_regular,
    remove_stale,
    say_once,
    write_in,
)
from flake8_httpstatus.knowledge.frameworks import Kind

# Bumped when what the facts hold changes: older caches are ignored.
FACTS_FORMAT = 10
MAGIC = b"flake8-httpstatus facts\n"
GITIGNORE = b"# created by flake8-httpstatus\n*\n"
_KINDS = frozenset({kind.value for kind in Kind} | {"mixed"})
_RETURNED = frozenset({"status", "response", "other", "mixed"})

# One file's entry: (size, mtime_ns, ctime_ns, inode) -- the shortcut that spares reading the
# file -- the SHA-256 of its content, and its facts (ModuleFacts.to_json) or None.
Stat = tuple[int, int, int, int]
Entry = tuple[Stat, str, dict[str, Any] | None]
# The names of the project's status-taking callables (ProjectIndex.mentions), with the
# `entries_key` of the entries they were solved from: a run whose files hold no candidate reads
# them instead of solving the project.
Names = tuple[str, list[str]]


def stat_key(status: os.stat_result) -> Stat:
    """What must all be unchanged to trust an entry without reading the file: a file extracted
    from a tarball or checked out gets a new change time and inode whatever its mtime says."""
    return status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino


def content_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def entries_key(entries: dict[str, Entry]) -> str:
    """What the solved names depend on: each file's path and content hash (the root, the
    declared sinks and the version are in the cache file's name and format)."""
    digest = hashlib.sha256()
    for relative in sorted(entries):
        digest.update(f"{relative}\0{entries[relative][1]}\n".encode())
    return digest.hexdigest()


def read(path: Path | None) -> dict[str, Entry]:
    """The entries of the cache file at `path`; empty if absent, unreadable, of another version,
    failing its checksum, or holding anything of the wrong shape."""
    return read_all(path)[0]


def read_all(path: Path | None) -> tuple[dict[str, Entry], Names | None]:
    """The entries (as `read`) and the solved names if stored and of the right shape."""
    return _read_entries(path) or ({}, None)


def _read_entries(path: Path | None) -> tuple[dict[str, Entry], Names | None] | None:
    if path is None:
        return None
    try:
        raw = read_regular(path)  # a FIFO planted in its place would block an open()
    except OSError:
        return None
    header = len(MAGIC) + 32
    if not raw.startswith(MAGIC) or len(raw) < header:
        return None
    payload = raw[header:]
    if hashlib.sha256(payload).digest() != raw[len(MAGIC) : header]:
        return None
    try:
        data = marshal.loads(payload)
    except (ValueError, EOFError, TypeError):
        return None
    if not isinstance(data, dict) or data.get("format") != (FACTS_FORMAT, __version__):
        return None
    files = data.get("files")
    if not isinstance(files, dict):
        return None
    entries: dict[str, Entry] = {}
    for relative, entry in files.items():
        if not (isinstance(relative, str) and _valid_entry(entry)):
            return None  # one entry in doubt: the whole file is
        key, digest, facts = entry
        entries[relative] = (tuple(key), digest, facts)
    names = data.get("names")
    if not (isinstance(names, list) and _valid_names(names)):
        return entries, None
    return entries, (names[0], names[1])


def write(path: Path, root: Path, entries: dict[str, Entry], names: Names | None = None) -> None:
    """Written whole to a temporary file and renamed: a reader never sees half a cache. A cache
    that cannot be written, or whose directory is a symbolic link, is simply not written."""
    directory = path.parent
    if refused(directory, root):
        return
    with contextlib.suppress(OSError):
        directory.mkdir(parents=True, exist_ok=True)
        descriptor = open_directory(directory)
        remove_stale(str(directory), f".{path.name}.", ".tmp", time.time())  # a killed run's
        try:
            ignore = lstat_in(descriptor, ".gitignore")
            # Replaced when left empty (a full disk) or not a file: a link is renamed over,
            # never followed.
            if ignore is None or not stat.S_ISREG(ignore.st_mode) or ignore.st_size == 0:
                write_in(descriptor, ".gitignore", GITIGNORE)
            data: dict[str, object] = {
                "format": (FACTS_FORMAT, __version__),
                "files": {key: [list(s), d, f] for key, (s, d, f) in entries.items()},
            }
            if names is not None:
                data["names"] = [names[0], names[1]]
            payload = marshal.dumps(data)
            write_in(descriptor, path.name, MAGIC + hashlib.sha256(payload).digest() + payload)
        except ValueError:  # not built-in data (a bug): no cache
            pass
        finally:
            os.close(descriptor)


def refused(directory: Path, root: Path) -> bool:
    """A cache directory that is the project root or above it would hide the project from git
    (its `.gitignore` holds `*`); one inside the project reached through a symbolic link
    would be written wherever the link points. Both refused, said once."""
    try:
        resolved = directory.resolve()
    except (OSError, RuntimeError):
        return True
    if resolved == root or resolved in root.parents:
        say_once("error", f"cache directory {directory}: the project root or above it; not caching")
        return True
    with contextlib.suppress(ValueError):
        parts = directory.relative_to(root).parts
        for depth in range(1, len(parts) + 1):
            if root.joinpath(*parts[:depth]).is_symlink():
                say_once("warning", f"cache directory {directory}: a symbolic link; not caching")
                return True
    return False


# -- the shape of what was loaded -----------------------------------------------------------------
# `marshal` makes only the built-in types themselves, never a subclass: exact type tests (and
# `map` over a list rather than a generator) say the same as `isinstance` here, at a fraction of
# the cost, and every run with a project reads the whole cache through these.
def _valid_names(names: object) -> bool:
    return (
        type(names) is list
        and len(names) == 2
        and type(names[0]) is str
        and len(names[0]) == 64
        and _strings(names[1])
    )


def _valid_entry(entry: object) -> bool:
    if not (type(entry) is list and len(entry) == 3):
        return False
    key, digest, facts = entry
    return (
        type(key) is list
        and len(key) == 4
        and all(map(_is_int, key))
        and type(digest) is str
        and len(digest) == 64
        and (facts is None or _valid_facts(facts))
    )


def _valid_facts(facts: object) -> bool:
    if not (type(facts) is dict and facts.keys() == _FACTS_KEYS):
        return False
    aliases = facts["aliases"]
    return (
        type(facts["module"]) is str
        and _list_of(facts["callables"], _valid_callable)
        and _list_of(facts["classes"], _valid_class)
        and type(aliases) is dict
        and all(map(_is_str, aliases))
        and all(map(_is_str, aliases.values()))
        and _strings(facts["stars"])
    )


_FACTS_KEYS = frozenset({"module", "callables", "classes", "aliases", "stars"})


def _valid_callable(item: object) -> bool:
    if not (type(item) is list and len(item) == 13):
        return False
    key, label, params, positional, keyword, bound, reaches, ranged, mappings, edges, returns = (
        item[:11]
    )
    if not (
        type(key) is str
        and type(label) is str
        and _strings(params)
        and _is_int(positional)
        and 0 <= positional <= len(params)
        and _strings(keyword)
        and type(bound) is bool
        and type(reaches) is dict
        and _strings(ranged)
        and _strings(mappings)
        and _list_of(edges, _valid_edge)
        and type(returns) is dict
        and all(map(_is_str, returns))
        and all(map(_RETURNED.__contains__, returns.values()))
        and _list_of(item[11], _strings)
        and type(item[12]) is str
    ):
        return False
    # What `CallableFacts.sinks` looks up: each parameter that reaches a status is one of the
    # callable's, and reaches a kind of position that exists.
    return all(
        type(param) is str
        and kind in _KINDS
        and (param.endswith("]") or param == PARAM or param in keyword or param in params)
        for param, kind in reaches.items()
    )


def _valid_class(item: object) -> bool:
    return (
        type(item) is list
        and len(item) == 4
        and type(item[0]) is str
        and _strings(item[1])
        and type(item[2]) is bool
        and type(item[3]) is dict
        and all(type(k) is str and _held(v) for k, v in item[3].items())
    )


def _held(kind: object) -> bool:
    """A `ClassFacts.held` value: a returned kind, or "class:<name>"."""
    return kind in _RETURNED or (type(kind) is str and kind.startswith("class:"))


def _valid_edge(item: object) -> bool:
    return (
        type(item) is list
        and len(item) == 4
        and type(item[0]) is str
        and _strings(item[1])
        and (item[2] is None or _is_int(item[2]))
        and (item[3] is None or type(item[3]) is str)
    )


def _list_of(value: object, valid: Any) -> bool:
    return type(value) is list and all(map(valid, value))


def _strings(value: object) -> bool:
    return type(value) is list and all(map(_is_str, value))


def _is_str(value: object) -> bool:
    return type(value) is str


def _is_int(value: object) -> bool:
    return type(value) is int
