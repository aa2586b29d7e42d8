"""The language server's hover on a route's decorator shows the route's row of the route map,
through a real LSP client, on the multi-module FastAPI project of tests/test_unsent.py."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_httpstatus.frontends.route_hover import _decorated
from tests.test_lsp import open_document

PROJECT = Path(__file__).parent / "fixtures" / "unsent" / "fastapi_docs"


@pytest.fixture
def lsp_files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "docs_app").mkdir()  # the client writes the files, not their directories
    return {
        path.relative_to(PROJECT).as_posix(): path.read_text(encoding="utf-8")
        for path in (*PROJECT.rglob("*.py"), PROJECT / "pyproject.toml")
    }


async def hover_text(client: LanguageClient, uri: str, line: int, character: int) -> str | None:
    found = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    if found is None:
        return None
    assert isinstance(found.contents, types.MarkupContent)
    return found.contents.value


async def test_hover_on_a_route_decorator_shows_its_row(
    client: LanguageClient, tmp_path: Path
) -> None:
    path = tmp_path / "docs_app" / "items.py"
    text = path.read_text(encoding="utf-8")
    uri = await open_document(client, path, text)
    lines = text.splitlines()
    get_item = lines.index(
        next(line for line in lines if line.startswith('@router.get("/{item_id}"'))
    )
    shown = await hover_text(client, uri, get_item, 3)
    assert shown is not None
    assert shown.startswith(
        "## `GET /items/{item_id}`\n\n`docs_app.items:get_item` in `docs_app/items.py:11`"
    )
    assert (
        "| 401 Unauthorized | yes | yes | - | docs_app/deps.py:6 docs_app.deps:get_user |" in shown
    )
    assert (
        "| 404 Not Found | yes | yes | - | docs_app/services.py:10 docs_app.services:get_or_404 |"
        in shown
    )
    assert "| 410 Gone | - | yes | - |  |" in shown
    # A decorator spread over lines: any of them; the body and a function without a route: none.
    delete = lines.index("@router.delete(")
    shown = await hover_text(client, uri, delete + 3, 8)
    assert shown is not None
    assert shown.startswith("## `DELETE /items/{item_id}`")
    assert await hover_text(client, uri, delete + 6, 8) is None
    services = tmp_path / "docs_app" / "services.py"
    other = await open_document(client, services, services.read_text(encoding="utf-8"))
    assert await hover_text(client, other, 7, 4) is None


def test_the_decorated_function_is_found_in_blocks_and_classes() -> None:
    tree = ast.parse(
        "if True:\n"
        "    class Views:\n"
        "        @route(\n"
        "            '/x',\n"
        "        )\n"
        "        def x(self): ...\n"
        "@route('/y')\n"
        "def y(): ...\n"
    )
    found = [_decorated(tree, line) for line in range(1, 9)]
    assert [node.name if node is not None else None for node in found] == [
        None,
        None,
        "x",
        "x",
        "x",
        None,
        "y",
        None,
    ]
