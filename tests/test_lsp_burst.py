"""The language server under a burst of edits (issue 22, point 8), through a real client: the
checks coalesce to the newest text, and a hover sent behind the burst is answered in time."""

from __future__ import annotations

from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.test_lsp_large import record_versions, timed_hover, until

LINE = "def view{n}(request):\n    return HttpResponse('x', status=404)\n"
TEXT = "from django.http import HttpResponse\n" + "".join(LINE.format(n=n) for n in range(1000))
EDITS = 300


@pytest.mark.slow
async def test_a_burst_of_edits_is_checked_a_few_times(
    client: LanguageClient, tmp_path: Path
) -> None:
    uri = (tmp_path / "big.py").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=TEXT
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    published = record_versions(client, uri)
    for version in range(2, EDITS + 2):
        client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[
                    types.TextDocumentContentChangePartial(
                        range=types.Range(types.Position(1, 8), types.Position(1, 8)), text="x"
                    )
                ],
            )
        )
    hover, waited = await timed_hover(client, uri, types.Position(2, 37), 120)
    await until(published, EDITS + 1, 120)
    print(f"hover after {waited:.2f} s; {len(published)} checks for {EDITS} edits")
    assert hover is not None
    assert published[-1] == EDITS + 1  # the newest text is checked last
    assert len(published) <= EDITS // 10
