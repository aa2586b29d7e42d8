"""The language server under a burst of edits (issue 22, point 8), through a real client: the
checks coalesce to the newest text, and a hover sent behind the burst is answered in time."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

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
    published: list[int | None] = []
    features = client.protocol.fm.features
    recorded = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: types.PublishDiagnosticsParams) -> None:
        published.append(params.version)
        recorded(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
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
    sent = time.monotonic()
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                position=types.Position(2, 37),
            )
        ),
        timeout=120,
    )
    waited = time.monotonic() - sent
    deadline = time.monotonic() + 120
    while EDITS + 1 not in published and time.monotonic() < deadline:
        await asyncio.sleep(0.05)
    print(f"hover after {waited:.2f} s; {len(published)} checks for {EDITS} edits")
    assert hover is not None
    assert published[-1] == EDITS + 1  # the newest text is checked last
    assert len(published) <= EDITS // 10
