"""Reading and writing Python source files without losing a byte: encoding cookie, BOM and
line endings survive, and a write is atomic and refused if the file changed meanwhile."""

from __future__ import annotations

import ast
import contextlib
import io
import os
import tempfile
import tokenize
from dataclasses import dataclass
from pathlib import Path

from flake8_httpstatus.core.filesystem import read_regular

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


def write(source: Source, text: str) -> None:
    """Replace the file with `text`, atomically, keeping its mode; refuse if it changed on disk
    since it was read."""
    data = source.encode(text)
    path = Path(source.path)
    try:
        current = read_regular(path)
    except OSError as error:
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None
    if current != source.raw:
        raise SourceError(f"{source.path}: changed on disk while being fixed; not written")
    if not os.access(path, os.W_OK):
        # The rename below would replace a read-only file all the same.
        raise SourceError(f"{source.path}: cannot write: the file is read-only; not written")
    try:
        mode = path.stat().st_mode
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".tmp"
        )
    except OSError as error:
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except OSError as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise SourceError(f"{source.path}: cannot write: {error.strerror or error}") from None
