"""The language server beside a very large document (issue 22, point 8), through a real client:
its check runs off the event loop, so a small document's hover is answered while it runs, and
a check that an edit overtook is not published."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

LINE = "def view{n}(request):\n    return HttpResponse('x', status=404)\n"
# 50,000 lines: a check of several seconds (200,000 take half a minute), the test stays short.
LARGE = "from django.http import HttpResponse\n" + "".join(LINE.format(n=n) for n in range(25_000))
SMALL = "from django.http import HttpResponse\n" + LINE.format(n=0)
# A hover for the small document, sent while the large one is checked, is answered in this time
# (on a loaded machine; on an idle one, a few milliseconds).
HOVER_SECONDS = 1.0


def opened(client: LanguageClient, uri: str, text: str) -> None:
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=text
            )
        )
    )


def edited(client: LanguageClient, uri: str, version: int) -> None:
    """One more character in the first function's name."""
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


def record_versions(client: LanguageClient, uri: str) -> list[int | None]:
    """The versions of `uri`'s diagnostics published from now on, in order."""
    published: list[int | None] = []
    features = client.protocol.fm.features
    recorded = features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS]

    def record(params: types.PublishDiagnosticsParams) -> None:
        if params.uri == uri:
            published.append(params.version)
        recorded(params)

    features[types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS] = record
    return published


async def timed_hover(
    client: LanguageClient, uri: str, position: types.Position, timeout: float
) -> tuple[types.Hover | None, float]:
    """The hover at `position`, and how long it took to come."""
    sent = time.monotonic()
    hover = await asyncio.wait_for(
        client.text_document_hover_async(
            types.HoverParams(
                text_document=types.TextDocumentIdentifier(uri=uri), position=position
            )
        ),
        timeout=timeout,
    )
    return hover, time.monotonic() - sent


async def published_for(client: LanguageClient, uri: str) -> None:
    while uri not in client.diagnostics:
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)


async def until(condition: list[int | None], version: int, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while version not in condition and time.monotonic() < deadline:
        await asyncio.sleep(0.05)


@pytest.mark.slow
async def test_a_large_document_does_not_stall_a_small_one(
    client: LanguageClient, tmp_path: Path
) -> None:
    large, small = (tmp_path / "large.py").as_uri(), (tmp_path / "small.py").as_uri()
    opened(client, large, LARGE)
    started = time.monotonic()
    await published_for(client, large)
    cost = time.monotonic() - started
    opened(client, small, SMALL)
    await published_for(client, small)
    published = record_versions(client, large)
    edited(client, large, 2)
    await asyncio.sleep(0.3)  # past the debounce: the large document's check has begun
    hover, waited = await timed_hover(client, small, types.Position(2, 37), 300)
    checking = published == []
    await until(published, 2, 300)
    print(f"large document's check {cost:.2f} s; small document's hover after {waited:.3f} s")
    assert hover is not None
    assert waited < HOVER_SECONDS
    assert checking, "the large document's check ended before the hover was answered"
    assert published == [2]


@pytest.mark.slow
async def test_a_check_overtaken_by_an_edit_is_not_published(
    gated_client: LanguageClient, tmp_path: Path
) -> None:
    client = gated_client  # version 2's check starts when the test writes large.py.go
    large = (tmp_path / "large.py").as_uri()
    opened(client, large, LARGE)
    await published_for(client, large)
    published = record_versions(client, large)
    edited(client, large, 2)
    await asyncio.sleep(0.3)  # version 2's check is due, and held
    edited(client, large, 3)
    (tmp_path / "large.py.go").touch()
    await until(published, 3, 300)
    assert published == [3]


# 200,000 lines: a check of half a minute and more.
HUGE = "from django.http import HttpResponse\n" + "".join(LINE.format(n=n) for n in range(100_000))
# A small document's diagnostics come in this time beside the huge document's check.
SMALL_SECONDS = 5.0


async def timed_diagnostics(
    client: LanguageClient, uri: str, version: int, seconds: float
) -> float:
    """How long `uri`'s diagnostics for `version` took to come (`seconds` if they did not)."""
    published = record_versions(client, uri)
    started = time.monotonic()
    await until(published, version, seconds)
    return time.monotonic() - started


@pytest.mark.slow
async def test_a_huge_document_does_not_stall_a_small_ones_diagnostics(
    client: LanguageClient, tmp_path: Path
) -> None:
    huge, small = (tmp_path / "huge.py").as_uri(), (tmp_path / "small.py").as_uri()
    huge_published = record_versions(client, huge)
    opened(client, huge, HUGE)
    await asyncio.sleep(0.3)  # its check has begun
    opened(client, small, SMALL)
    opened_after = await timed_diagnostics(client, small, 1, 60)
    edited(client, huge, 2)
    edited(client, small, 2)
    edited_after = await timed_diagnostics(client, small, 2, 60)
    checking = huge_published == []
    print(f"small document's diagnostics after {opened_after:.3f} s, {edited_after:.3f} s")
    assert checking, "the huge document's check ended first"
    assert opened_after < SMALL_SECONDS
    assert edited_after < SMALL_SECONDS


# The server ends in this time after `exit`, while a check of the huge document runs.
EXIT_SECONDS = 5.0


@pytest.mark.slow
async def test_the_server_exits_at_once_in_the_middle_of_a_check(
    client: LanguageClient, tmp_path: Path
) -> None:
    huge = (tmp_path / "huge.py").as_uri()
    published = record_versions(client, huge)
    opened(client, huge, HUGE)
    await asyncio.sleep(1.0)  # its check has begun
    started = time.monotonic()
    await asyncio.wait_for(client.shutdown_session(), 300)
    waited = time.monotonic() - started
    print(f"server ended {waited:.3f} s after shutdown and exit")
    assert published == [], "the check ended before the exit"
    assert waited < EXIT_SECONDS
