"""Column units, converted in one place.

`ast` counts UTF-8 bytes, LibCST counts code points, and LSP and SARIF count UTF-16 code
units. Lines are the same everywhere (1-based here); only columns differ.
"""

from __future__ import annotations

import re


def byte_to_char(line: str, byte_col: int) -> int:
    """A UTF-8 byte offset in `line` as a code point offset."""
    return len(line.encode("utf-8")[:byte_col].decode("utf-8", errors="ignore"))


def char_to_byte(line: str, char_col: int) -> int:
    return len(line[:char_col].encode("utf-8"))


def char_to_utf16(line: str, char_col: int) -> int:
    return len(line[:char_col].encode("utf-16-le")) // 2


def utf16_to_char(line: str, utf16_col: int) -> int:
    units = 0
    for index, char in enumerate(line):
        if units >= utf16_col:
            return index
        units += 2 if ord(char) > 0xFFFF else 1
    return len(line)


def byte_to_utf16(line: str, byte_col: int) -> int:
    if line.isascii():
        return byte_col  # one byte, one code unit: most lines of most files
    return char_to_utf16(line, byte_to_char(line, byte_col))


# Python's line breaks (the tokenizer's, and LSP's): not the form feed, \x1c-\x1e, \x85 or
# U+2028/U+2029 that `str.splitlines` also splits at, which may stand inside a line of code.
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")


def split_lines(text: str, keepends: bool = False) -> list[str]:
    """`text.splitlines(keepends)`, with Python's line breaks only."""
    lines = _LINE.findall(text)
    return lines if keepends else [line.rstrip("\r\n") for line in lines]
