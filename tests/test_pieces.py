"""A large document parsed a piece at a time (frontends/pieces.py) gives `ast.parse`'s tree of
the whole, or nothing (then the whole is parsed): never a different tree."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.pieces import parse_in_pieces

PACKAGE = Path(__file__).parent.parent / "flake8_httpstatus"
# Where a cut at column 0 is not between two statements: each must come out whole or not at all.
TRICKY = {
    "string": 'x = """\n\nnot_code = 1\n"""\ny = 2\n',
    "brackets": "x = [\n\nfoo,\n]\ny = 2\n",
    "decorator": "@dec\n\ndef f():\n    pass\n\nclass C:\n    pass\n",
    "decorator-call": "@dec(\n    1,\n)\ndef f():\n    pass\n",
    "else": "if x:\n    pass\n\nelse:\n    pass\n",
    "try": "try:\n    pass\n\nexcept E:\n    pass\n\nfinally:\n    pass\n",
    "backslash": "x = 1 + \\\n2\n\ny = 3\n",
    "line-ends": "a = 1\r\n\r\nb = 2\r\rc = 3\n\ndef f():\r\n    return 4\n",
    "separators": "s = 'a\u2028b\x0cc'\n\nt = 1\n\x0c\nu = 2\n",
    "async": "async def f():\n    await g()\n\nasync def h():\n    pass\n",
    "broken": "def f():\n    pass\n\ndef g(:\n    pass\n",
}


def dump(tree: ast.AST) -> str:
    return ast.dump(tree, include_attributes=True)


def full(text: str) -> ast.Module | None:
    try:
        return ast.parse(text)
    except SyntaxError:
        return None


@pytest.mark.parametrize("name", sorted(TRICKY))
@pytest.mark.parametrize("piece_lines", [1, 2, 3])
def test_tricky_cuts(name: str, piece_lines: int) -> None:
    text = TRICKY[name]
    pieces, whole = parse_in_pieces(text, piece_lines), full(text)
    if pieces is not None:
        assert whole is not None
        assert dump(pieces) == dump(whole)


def test_most_code_is_cut_and_comes_out_the_same() -> None:
    cut = 0
    files = sorted(PACKAGE.rglob("*.py"))
    for path in files:
        text = path.read_text(encoding="utf-8")
        pieces = parse_in_pieces(text, 20)
        if pieces is not None:
            cut += 1
            assert dump(pieces) == dump(ast.parse(text)), path
    assert cut > len(files) * 0.9


def test_the_whole_in_one_piece() -> None:
    tree = parse_in_pieces(TRICKY["decorator"], 1_000)
    assert tree is not None
    assert dump(tree) == dump(ast.parse(TRICKY["decorator"]))
