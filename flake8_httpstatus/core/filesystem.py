"""Reading and writing files in a tree nobody vetted (a fresh clone, a pull request).

Reading opens without blocking and reads only regular files: a FIFO named `x.py` would block
forever and `zero.py -> /dev/zero` never ends. Writing never follows a symbolic link: a link
planted where the tool writes must not send the write elsewhere.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
import sys

_READ = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_DIRECTORY = getattr(os, "O_DIRECTORY", 0)


class NotRegularFile(OSError):
    def __init__(self, path: str) -> None:
        super().__init__(errno.EINVAL, "not a regular file", path)


class TooLarge(OSError):
    def __init__(self, path: str, limit: int) -> None:
        super().__init__(errno.EFBIG, f"larger than {limit} bytes", path)


def read_regular(path: str | os.PathLike[str], limit: int | None = None) -> bytes:
    """The bytes of a regular file (a symlink to one is followed); NotRegularFile for anything
    else, TooLarge past `limit` bytes: both OSErrors, so callers handle them as a failed read."""
    name = os.fspath(path)
    descriptor = os.open(name, _READ)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(name)
        if limit is not None and status.st_size > limit:
            raise TooLarge(name, limit)
        with os.fdopen(descriptor, "rb", closefd=False) as stream:
            data = stream.read() if limit is None else stream.read(limit + 1)
    finally:
        os.close(descriptor)
    if limit is not None and len(data) > limit:  # grew since the fstat
        raise TooLarge(name, limit)
    return data


def is_special(path: str | os.PathLike[str]) -> bool:
    """Whether `path` is (or links to) a FIFO, a device or a socket: never a source file. A
    link that leads nowhere is not: reading it says why."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def open_directory(path: str | os.PathLike[str]) -> int:
    """A descriptor of the directory `path`, refused (OSError) when `path` itself is a
    symbolic link: what is written through it stays where the path says."""
    return os.open(path, os.O_RDONLY | _DIRECTORY | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0))


def write_in(directory: int, name: str, data: bytes) -> None:
    """`name` in the open `directory` replaced by `data`, atomically: written to a fresh
    temporary file (never a link) and renamed over it, so no reader sees half of it."""
    temporary = f".{name}.{secrets.token_hex(6)}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(temporary, flags, 0o644, dir_fd=directory)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=directory)
        raise


def read_in(directory: int, name: str, limit: int) -> bytes:
    """The bytes of `name` in the open `directory`, never through a symbolic link, never
    blocking (a FIFO), never more than `limit` bytes: NotRegularFile, TooLarge or another
    OSError otherwise."""
    descriptor = os.open(name, _READ | _NOFOLLOW, dir_fd=directory)
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise NotRegularFile(name)
        if status.st_size > limit:
            raise TooLarge(name, limit)
        chunks: list[bytes] = []
        size = 0
        while chunk := os.read(descriptor, limit + 1 - size):
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:  # grew since the fstat
                raise TooLarge(name, limit)
    finally:
        os.close(descriptor)
    return b"".join(chunks)


def lstat_in(directory: int, name: str) -> os.stat_result | None:
    """`name` in the open `directory`, not followed if a link; None if absent."""
    try:
        return os.stat(name, dir_fd=directory, follow_symlinks=False)
    except FileNotFoundError:
        return None


_SAID: set[str] = set()


def say_once(kind: str, message: str) -> None:
    """`flake8-httpstatus: <kind>: <message>` on stderr, once per process, in one write
    (flake8's workers share the stream)."""
    text = f"flake8-httpstatus: {kind}: {message}"
    if text not in _SAID:
        _SAID.add(text)
        sys.stderr.write(text + "\n")
        sys.stderr.flush()


def keep_metadata(original: os.stat_result, path: str, copy: str) -> bool:
    """Give `copy` (about to replace `path`) the owner, group, extended attributes and mode of
    `path`; False when the owner or an attribute cannot be kept (another user's file, a file
    system without extended attributes): the caller then writes over `path` itself instead.
    The mode is set last, as changing the owner clears a setuid bit."""
    try:
        if (original.st_uid, original.st_gid) != _owner(copy):
            os.chown(copy, original.st_uid, original.st_gid)
        if hasattr(os, "listxattr"):
            for name in _attribute_names(path):
                os.setxattr(copy, name, os.getxattr(path, name, follow_symlinks=False))
    except OSError as error:
        if error.errno not in _CANNOT_KEEP:
            raise
        return False
    os.chmod(copy, stat.S_IMODE(original.st_mode))
    return True


_CANNOT_KEEP = frozenset({errno.EPERM, errno.EACCES, errno.ENOTSUP, errno.EOPNOTSUPP})


def _owner(path: str) -> tuple[int, int]:
    status = os.stat(path)
    return status.st_uid, status.st_gid


def _attribute_names(path: str) -> list[str]:
    try:
        return os.listxattr(path, follow_symlinks=False)
    except OSError as error:
        if error.errno in {errno.ENOTSUP, errno.EOPNOTSUPP}:
            return []  # none to keep
        raise


def write_in_place(path: str, data: bytes) -> None:
    """`path` overwritten with `data` through its own inode (its hard links, owner and
    attributes stay). The space is reserved first, so a full disk fails before a byte is
    written."""
    descriptor = os.open(path, os.O_WRONLY | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    try:
        if data and hasattr(os, "posix_fallocate"):
            try:
                os.posix_fallocate(descriptor, 0, len(data))
            except OSError as error:
                if error.errno not in {errno.EINVAL, errno.EOPNOTSUPP, errno.ENOTSUP}:
                    raise
        view = memoryview(data)
        written = 0
        while written < len(data):
            written += os.pwrite(descriptor, view[written:], written)
        os.ftruncate(descriptor, len(data))
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# A temporary file of ours older than this is left by a killed run: no run takes that long to
# write one file.
STALE_SECONDS = 600.0


def remove_stale(directory: str, prefix: str, suffix: str, now: float) -> None:
    """Remove the temporary files `prefix*suffix` in `directory` that a killed run left
    (older than STALE_SECONDS; a younger one may be another run's, being written)."""
    with contextlib.suppress(OSError), os.scandir(directory) as entries:
        for entry in entries:
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(suffix)):
                continue
            with contextlib.suppress(OSError):
                status = entry.stat(follow_symlinks=False)
                if stat.S_ISREG(status.st_mode) and now - status.st_mtime > STALE_SECONDS:
                    os.unlink(entry.path)
