"""The three column units (UTF-8 bytes, code points, UTF-16 units) on non-ASCII lines."""

from __future__ import annotations

import pytest

from flake8_httpstatus.core.positions import (
    byte_to_char,
    byte_to_utf16,
    char_to_byte,
    char_to_utf16,
    utf16_to_char,
)

LINE = "x = 'é😀'; abort(404)"
# 'é' is 1 code point, 2 bytes, 1 UTF-16 unit; '😀' is 1 code point, 4 bytes, 2 UTF-16 units.
CHAR = LINE.index("404")


def test_byte_and_char() -> None:
    byte = len(LINE[:CHAR].encode("utf-8"))
    assert byte == CHAR + 1 + 3
    assert byte_to_char(LINE, byte) == CHAR
    assert char_to_byte(LINE, CHAR) == byte


def test_utf16() -> None:
    assert char_to_utf16(LINE, CHAR) == CHAR + 1
    assert utf16_to_char(LINE, CHAR + 1) == CHAR
    assert byte_to_utf16(LINE, char_to_byte(LINE, CHAR)) == CHAR + 1


@pytest.mark.parametrize("text", ["", "abc", "é", "😀😀", "a😀é b"])
def test_round_trips(text: str) -> None:
    for index in range(len(text) + 1):
        assert byte_to_char(text, char_to_byte(text, index)) == index
        assert utf16_to_char(text, char_to_utf16(text, index)) == index
