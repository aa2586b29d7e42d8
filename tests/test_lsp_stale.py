"""Hover and quick fixes while a large document's check runs (issue 22, point 8), through a real
client: they answer from the last result, moved with the edits made since; a finding whose
literal was edited is gone, and no fix is offered for text it was not computed for."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.lsp_edits import apply
from tests.test_lsp_large import (
    LINE,
    opened,
    published_for,
    record_versions,
    timed_hover,
    until,
)

# Two views with a finding each, then 25,000 functions without one: a check of several seconds
# (the same as test_lsp_large's), and few findings to fix.
FILLER = "def helper{n}(request):\n    return HttpResponse('x')\n"
LARGE = (
    "from django.http import HttpResponse\n"
    + LINE.format(n=0)
    + LINE.format(n=1)
    + "".join(FILLER.format(n=n) for n in range(25_000))
)
# A line added to the first view (the lines below move down one), its literal edited, and the
# second view's line edited before its literal (which moves right by one).
CHANGES = [
    (types.Range(types.Position(2, 0), types.Position(2, 0)), "    x = 1\n"),
    (types.Range(types.Position(3, 36), types.Position(3, 39)), "410"),
    (types.Range(types.Position(5, 24), types.Position(5, 27)), "'yy'"),
]
SECOND_VIEW = "    return HttpResponse('yy', status=404)"
# Hover is answered while the check runs in this time, on a loaded machine: the added line makes
# the check parse the whole text, which holds the interpreter for up to a second here (without
# it, tens of milliseconds: test_lsp_large). Code actions in this: the noqa action tokenizes
# the new text (once per version), seconds for 50,000 lines, on the thread that answers them.
HOVER_SECONDS = 2.0
ACTIONS_SECONDS = 15.0


def edited_text() -> str:
    text = LARGE
    for span, new_text in CHANGES:
        text = apply(text, [types.TextEdit(span, new_text)])
    return text


async def timed_actions(
    client: LanguageClient, uri: str, span: types.Range
) -> tuple[dict[str, types.CodeAction], float]:
    """The code actions for `span` but the fix-all one (thousands of edits here), and how long
    they took to come."""
    sent = time.monotonic()
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=span,
                context=types.CodeActionContext(diagnostics=[]),
            )
        ),
        timeout=300,
    )
    waited = time.monotonic() - sent
    return {
        action.title: action
        for action in actions or []
        if isinstance(action, types.CodeAction) and not action.title.startswith("Fix all")
    }, waited


@pytest.mark.slow
async def test_hover_and_fixes_from_the_last_result_while_a_check_runs(
    gated_client: LanguageClient, tmp_path: Path
) -> None:
    client = gated_client  # version 2's check starts when the test writes large.py.go
    uri = (tmp_path / "large.py").as_uri()
    opened(client, uri, LARGE)
    await published_for(client, uri)
    published = record_versions(client, uri)
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(range=span, text=new_text)
                for span, new_text in CHANGES
            ],
        )
    )
    await asyncio.sleep(0.3)  # past the debounce: version 2's check is due, and held
    text = edited_text()
    assert text.split("\n")[5] == SECOND_VIEW
    literal = types.Range(types.Position(5, 37), types.Position(5, 40))
    hover, hover_waited = await timed_hover(client, uri, types.Position(5, 38), 300)
    edited, _ = await timed_actions(client, uri, CHANGES[1][0])
    assert published == []  # both came from version 1's result
    (tmp_path / "large.py.go").touch()  # the check runs from here on
    asked = asyncio.ensure_future(timed_actions(client, uri, literal))
    await asyncio.sleep(0.2)  # the code actions are being worked out (seconds: see above)
    _, hover_beside = await timed_hover(client, uri, types.Position(5, 38), 300)
    actions, actions_waited = await asked
    print(
        f"hover after {hover_waited:.3f} s; code actions after {actions_waited:.3f} s;"
        f" a hover meanwhile after {hover_beside:.3f} s"
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "**HS101**" in hover.contents.value
    fix = actions["Replace with `HTTPStatus.NOT_FOUND`"]
    assert fix.edit is not None
    assert fix.edit.changes is not None
    replace = fix.edit.changes[uri][0]
    assert replace.range == literal
    fixed = apply(text, fix.edit.changes[uri]).split("\n")
    assert "    return HttpResponse('yy', status=HTTPStatus.NOT_FOUND)" in fixed
    assert "from http import HTTPStatus" in fixed
    assert "Add `# noqa: HS101`" in actions
    assert edited == {}  # the first view's literal was edited: its finding is gone
    assert hover_waited < HOVER_SECONDS
    assert actions_waited < ACTIONS_SECONDS
    assert hover_beside < HOVER_SECONDS  # code actions are worked out off the event loop
    await until(published, 2, 300)
    assert published == [2]


# A large document that stops parsing shows its kept findings and the parse error in this time
# (the line diff that moves the kept findings took minutes on this file's repeated lines).
UNPARSED_SECONDS = 30.0


@pytest.mark.slow
async def test_a_large_document_that_stops_parsing_is_shown_in_time(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = (tmp_path / "large.py").as_uri()
    opened(client, uri, LARGE)
    await published_for(client, uri)
    published = record_versions(client, uri)
    started = time.monotonic()
    client.text_document_did_change(  # the first view's call left open
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(2, 39), types.Position(2, 40)), text=""
                )
            ],
        )
    )
    await until(published, 2, 300)
    assert published == [2]
    waited = time.monotonic() - started
    print(f"diagnostics of the text that does not parse after {waited:.2f} s")
    assert published == [2]
    codes = [diagnostic.code for diagnostic in client.diagnostics[uri]]
    assert codes == ["invalid-syntax", "HS101"]  # the first view's line changed: dropped
    assert waited < UNPARSED_SECONDS
