"""Reading and writing Python source files without losing a byte: encoding cookie, BOM and
line endings survive, and a write is atomic and refused if the file changed meanwhile."""

from __future__ import annotations

import ast
import contextlib
import io
import os
import tempfile
import time
import tokenize
from dataclasses import dataclass
from pathlib import Path

from flake8_httpstatus.core.filesystem import (
    keep_metadata,
    read_regular,
    remove_stale,
    write_in_place,
)

BOM = b"\xef\xbb\xbf"


class SourceError(Exception):
    """A file that cannot be read, decoded, parsed or written; the message is one line."""


class ParseError(SourceError):
    """A file the parser rejects: the parser's own message, and where (a 1-based line and a
    0-based character column), for the front ends that report it as a finding."""

    def __init__(self, message: str, reason: str, line: int, column: int) -> None:
        super().__init__(message)
        self.reason = reason
        self.line = line
        self.column = column


@dataclass(frozen=True)
class Source:
    path: str
    raw: bytes
    text: str
    encoding: str
    bom: bool

    def encode(self, text: str) -> bytes:
        data = text.encode(self.encoding)
        return BOM + data if self.bom else data


def decode(path: str, raw: bytes) -> Source:
    bom = raw.startswith(BOM)
    body = raw[len(BOM) :] if bom else raw
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    except SyntaxError as error:
        raise SourceError(f"{path}: cannot decode: {error.msg}") from None
    encoding = "utf-8" if encoding == "utf-8-sig" else encoding
    try:
        text = body.decode(encoding)
    except (UnicodeError, LookupError) as error:  # UnicodeError: punycode, `undefined`
        raise SourceError(f"{path}: cannot decode as {encoding}: {error}") from None
    return Source(path, raw, text, encoding, bom)


def read(path: str) -> Source:
    try:
        raw = read_regular(path)
    except OSError as error:
        raise SourceError(f"{path}: cannot read: {error.strerror or error}") from None
    return decode(path, raw)


def parse(source: Source) -> ast.Module:
    if "\0" in source.text:
        raise SourceError(f"{source.path}: cannot parse: the file contains a NUL byte")
    try:
        return ast.parse(source.text, filename=source.path)
    except SyntaxError as error:
        where = f"line {error.lineno}" if error.lineno else "somewhere"
        message = f"{source.path}: cannot parse ({where}): {error.msg}"
        column = max((error.offset or 1) - 1, 0)
        raise ParseError(message, error.msg, error.lineno or 1, column) from None
    except (RecursionError, MemoryError, ValueError) as error:
        raise SourceError(f"{source.path}: cannot parse: {type(error).__name__}") from None


def write(source: Source, text: str, within: Path | None = None) -> None:
    """Replace the file with `text`; refuse if it changed on disk since it was read.

    The new text goes to a temporary file beside it, to disk (fsync), and the file is checked
    once more right before that copy replaces it: a process appending meanwhile is not
    overwritten. The file stays what it was: a symbolic link's target is written (only when
    inside `within`, the project), owner, group, extended attributes and mode are kept, and a
    file with other hard links, or whose owner cannot be kept, is written through its own
    inode once the copy is safely on disk. A read-only file is never written, even by root."""
    data = source.encode(text)
    try:
        target = _target(Path(source.path), within)
        _unchanged(source, target)
        original = target.stat()
    except OSError as error:
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None
    if not os.access(target, os.W_OK) or not original.st_mode & 0o222:
        # The rename below would replace a read-only file all the same (and root may write it).
        raise SourceError(f"{source.path}: cannot write: the file is read-only; not written")
    prefix = f".{target.name}."
    remove_stale(str(target.parent), prefix, ".tmp", time.time())
    try:
        handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=prefix, suffix=".tmp")
    except OSError as error:
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        kept = original.st_nlink == 1 and keep_metadata(original, str(target), temporary)
        _unchanged(source, target)  # right before the file is replaced: no lost update
        if kept:
            os.replace(temporary, target)
        else:
            write_in_place(str(target), data)
            os.unlink(temporary)
    except (OSError, SourceError) as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, SourceError):
            raise
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None


def _target(path: Path, within: Path | None) -> Path:
    """The file to write for `path`: itself, or the file its symbolic link leads to when that
    is inside `within` (replacing the link would turn it into a copy)."""
    if not path.is_symlink():
        return path
    target = path.resolve(strict=True)
    if within is None or not target.is_relative_to(within.resolve()):
        raise SourceError(f"{path}: a symbolic link to a file outside the project; not written")
    return target


def _unchanged(source: Source, target: Path) -> None:
    if read_regular(target) != source.raw:
        raise SourceError(f"{source.path}: changed on disk while being fixed; not written")
