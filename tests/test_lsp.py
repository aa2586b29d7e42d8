"""The language server through a real LSP client (pytest-lsp) over stdio."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.fixes.fixer import fix_text
from flake8_httpstatus.rules import check
from tests.lsp_edits import apply

SOURCE = (
    "from django.http import HttpResponse\n"
    "\n"
    "\n"
    "def view(request):\n"
    "    x = 'é😀'; return HttpResponse(status=404)\n"
)


@pytest.fixture
def lsp_files() -> dict[str, str]:
    return {"setup.cfg": "[flake8]\nhttpstatus-allow-codes = 418\n"}


async def open_document(client: LanguageClient, path: Path, text: str) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=text
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


async def test_diagnostics_on_open(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_document(client, tmp_path / "app.py", SOURCE)
    (diagnostic,) = client.diagnostics[uri]
    assert diagnostic.code == "HS101"
    assert diagnostic.message == "HS101 magic status code 404: use HTTPStatus.NOT_FOUND"
    assert diagnostic.source == "flake8-httpstatus"
    assert diagnostic.severity == types.DiagnosticSeverity.Information
    assert diagnostic.code_description is not None
    assert diagnostic.code_description.href.endswith("docs/rules/HS101.md")
    # UTF-16 columns: 'é' counts 1, '😀' counts 2.
    column = SOURCE.splitlines()[4].index("404") + 1
    assert diagnostic.range.start == types.Position(line=4, character=column)
    assert diagnostic.range.end == types.Position(line=4, character=column + 3)


async def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


async def test_change_and_syntax_error(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_document(client, tmp_path / "app.py", SOURCE)
    await change(client, uri, 2, SOURCE.replace("404", "299"))
    assert [d.code for d in client.diagnostics[uri]] == ["HS201"]
    # A half-typed line keeps the last good diagnostics rather than clearing them, and shows
    # the parse error.
    await change(client, uri, 3, SOURCE.replace("404", "299") + "def broken(:\n")
    assert [d.code for d in client.diagnostics[uri]] == ["HS201", "invalid-syntax"]
    await change(client, uri, 4, "x = 1\n")
    assert list(client.diagnostics[uri]) == []


async def test_kept_diagnostics_move_with_the_edits(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_document(client, tmp_path / "app.py", SOURCE)
    (before,) = client.diagnostics[uri]
    # Two lines inserted above, one of them not parsing: the finding moves down two lines.
    await change(client, uri, 2, "import os\nif (:\n" + SOURCE)
    error, found = client.diagnostics[uri]
    assert (found.code, found.range.start.line) == ("HS101", before.range.start.line + 2)
    assert found.range.start.character == before.range.start.character
    assert (error.code, error.range.start.line) == ("invalid-syntax", 1)
    assert error.severity == types.DiagnosticSeverity.Error
    assert error.message.startswith("invalid-syntax: ")
    # The finding's own line edited: it goes (its span is unknown until the text parses).
    broken = "if (:\n" + SOURCE.replace("status=404", "status=40")
    await change(client, uri, 3, broken)
    assert [d.code for d in client.diagnostics[uri]] == ["invalid-syntax"]


async def test_a_document_that_never_parses(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_document(client, tmp_path / "app.py", "from flask import abort\nabort(404\n")
    (diagnostic,) = client.diagnostics[uri]
    assert diagnostic.code == "invalid-syntax"
    assert diagnostic.range.start == types.Position(line=1, character=5)
    assert diagnostic.message == "invalid-syntax: '(' was never closed"


async def test_configuration_applies(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_document(client, tmp_path / "app.py", SOURCE.replace("404", "418"))
    assert [d.code for d in client.diagnostics[uri]] == []


async def test_hover_on_literal_and_constant(client: LanguageClient, tmp_path: Path) -> None:
    text = SOURCE + "\n\nCODE = HTTPStatus.NOT_FOUND\n"
    uri = await open_document(client, tmp_path / "app.py", text)
    column = SOURCE.splitlines()[4].index("404") + 1 + 1  # inside the literal, UTF-16
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=4, character=column),
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    value = hover.contents.value
    assert "404 Not Found" in value
    assert "The server can not find the requested resource" in value
    assert "**HS101** (info)" in value  # the rule's severity, from its record
    assert "**Rules:**" in value  # the rules that concern 404
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=7, character=12),
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "404 Not Found" in hover.contents.value
    nothing = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=3, character=1),
        )
    )
    assert nothing is None


async def test_code_actions(client: LanguageClient, tmp_path: Path) -> None:
    uri = await open_document(client, tmp_path / "app.py", SOURCE)
    (diagnostic,) = client.diagnostics[uri]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert actions is not None
    by_title = {action.title: action for action in actions if isinstance(action, types.CodeAction)}
    assert set(by_title) == {
        "Replace with `HTTPStatus.NOT_FOUND`",
        "Add `# noqa: HS101`",
        "Fix all HTTP status findings in this file",
    }
    for title, expected in [
        ("Replace with `HTTPStatus.NOT_FOUND`", "status=HTTPStatus.NOT_FOUND)"),
        ("Fix all HTTP status findings in this file", "from http import HTTPStatus"),
        ("Add `# noqa: HS101`", "status=404)  # noqa: HS101"),
    ]:
        edit_set = by_title[title].edit
        assert edit_set is not None
        assert edit_set.changes is not None
        assert expected in apply(SOURCE, edit_set.changes[uri])


SEVERAL = (
    "from django.http import HttpResponse\n"
    "\n"
    "\n"
    "def view(request):\n"
    "    if request.GET:\n"
    "        return HttpResponse(status=404)  # noqa: E501\n"
    "    return HttpResponse(status=201)\n"
)


async def actions_for(
    client: LanguageClient, uri: str, diagnostic: types.Diagnostic
) -> dict[str, types.CodeAction]:
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert actions is not None
    return {action.title: action for action in actions if isinstance(action, types.CodeAction)}


def edited(uri: str, action: types.CodeAction, text: str) -> str:
    assert action.edit is not None
    assert action.edit.changes is not None
    return apply(text, action.edit.changes[uri])


async def test_code_actions_for_one_range_of_several(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = await open_document(client, tmp_path / "app.py", SEVERAL)
    first, second = client.diagnostics[uri]
    assert (first.range.start.line, second.range.start.line) == (5, 6)
    by_title = await actions_for(client, uri, second)
    assert set(by_title) == {
        "Replace with `HTTPStatus.CREATED`",
        "Add `# noqa: HS101`",
        "Fix all HTTP status findings in this file",
    }
    fixed = edited(uri, by_title["Replace with `HTTPStatus.CREATED`"], SEVERAL)
    (finding,) = (f for f in check(ast.parse(SEVERAL), Settings(), None) if f.line == 7)
    assert fixed == fix_text(SEVERAL, [finding]).text
    assert "status=404)  # noqa: E501\n" in fixed
    assert "status=HTTPStatus.CREATED)" in fixed
    assert edited(uri, by_title["Add `# noqa: HS101`"], SEVERAL) == SEVERAL.replace(
        "status=201)", "status=201)  # noqa: HS101"
    )
    # The noqa joins the comment already on the line, as flake8 reads it.
    by_title = await actions_for(client, uri, first)
    assert "Replace with `HTTPStatus.NOT_FOUND`" in by_title
    assert edited(uri, by_title["Add `# noqa: HS101`"], SEVERAL) == SEVERAL.replace(
        "# noqa: E501", "# noqa: E501, HS101"
    )


async def test_noqa_hides_as_flake8_reads_it(client: LanguageClient, tmp_path: Path) -> None:
    text = SEVERAL.replace("# noqa: E501", "# noqa: E501,HS101").replace(
        "status=201)", "status=201)  # noqa: HS201"
    )
    uri = await open_document(client, tmp_path / "app.py", text)
    assert [(d.code, d.range.start.line) for d in client.diagnostics[uri]] == [("HS101", 6)]


async def test_per_file_ignores(client: LanguageClient, tmp_path: Path) -> None:
    project = tmp_path / "project"
    (project / "tests").mkdir(parents=True)
    (project / "setup.cfg").write_text("[flake8]\nper-file-ignores = tests/*: HS1\n")
    ignored = await open_document(client, project / "tests" / "test_app.py", SOURCE)
    shown = await open_document(client, project / "app.py", SOURCE)
    assert list(client.diagnostics[ignored]) == []
    assert [d.code for d in client.diagnostics[shown]] == ["HS101"]


async def test_unsafe_fix_is_offered_by_name_not_in_fix_all(
    client: LanguageClient, tmp_path: Path
) -> None:
    text = (
        "from litestar.exceptions import HTTPException\n\n\n"
        "def a():\n    raise HTTPException(404)\n\n\n"
        "def b():\n    raise HTTPException(status_code=410)\n"
    )
    uri = await open_document(client, tmp_path / "app.py", text)
    trap, magic = client.diagnostics[uri]
    assert (trap.code, trap.data) == ("HS404", {"fix": "unsafe"})
    assert (magic.code, magic.data) == ("HS101", {"fix": "safe"})
    by_title = await actions_for(client, uri, trap)
    unsafe = by_title["Pass as `status_code=` (unsafe fix)"]
    assert not unsafe.is_preferred
    assert "raise HTTPException(status_code=404)" in edited(uri, unsafe, text)
    fix_all = edited(uri, by_title["Fix all HTTP status findings in this file"], text)
    assert "raise HTTPException(404)" in fix_all
    assert "status_code=HTTP_410_GONE" in fix_all
