"""The language server sees files changed on disk while it runs (issue 10): a helper module
rewritten by another editor or a git checkout, through a real client that watches files for it
(workspace/didChangeWatchedFiles, registered dynamically)."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_httpstatus.lsp import REFRESH_SECONDS, WATCH_ID, WATCHERS

FIXTURE = Path(__file__).parent / "fixtures" / "project"


@pytest.fixture
def lsp_capabilities() -> types.ClientCapabilities:
    return types.ClientCapabilities(
        workspace=types.WorkspaceClientCapabilities(
            did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
                dynamic_registration=True
            )
        )
    )


def lines(client: LanguageClient, uri: str) -> set[int]:
    return {d.range.start.line + 1 for d in client.diagnostics[uri]}


async def shop_views_opened(client: LanguageClient, tmp_path: Path) -> tuple[Path, Path, Path]:
    """A copy of the shop project, its views open and checked: root, views, helpers module."""
    root = tmp_path / "shop-project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".httpstatus_cache"))
    views, helpers = root / "shop" / "views.py", root / "shop" / "api" / "responses.py"
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(views.as_uri(), "python", 1, views.read_text(encoding="utf-8"))
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return root, views, helpers


async def test_a_helper_changed_on_disk(
    client: LanguageClient,
    tmp_path: Path,
    lsp_registrations: list[types.Registration],
) -> None:
    root, views, helpers = await shop_views_opened(client, tmp_path)
    uri = views.as_uri()
    assert {8, 10, 16} <= lines(client, uri)
    (registration,) = lsp_registrations
    assert registration.id == WATCH_ID
    assert registration.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
    options = types.DidChangeWatchedFilesRegistrationOptions(watchers=WATCHERS)
    assert registration.register_options == client.protocol._converter.unstructure(options)
    # Another editor saves the helper: error_response stops passing its status on.
    text = helpers.read_text(encoding="utf-8").replace("status=status)", "status=200)")
    helpers.write_text(text, encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(helpers.as_uri(), types.FileChangeType.Changed)]
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    assert 8 not in lines(client, uri)
    assert 10 in lines(client, uri)  # ShopError still takes a status
    # A configuration file changed on disk applies at once too.
    (root / "setup.cfg").write_text("[flake8]\nhttpstatus-allow-codes = 409\n", encoding="utf-8")
    assert 12 in lines(client, uri)
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent((root / "setup.cfg").as_uri(), types.FileChangeType.Created)]
        )
    )
    await asyncio.wait_for(
        client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
    )
    assert 12 not in lines(client, uri)


@pytest.mark.parametrize("lsp_capabilities", [types.ClientCapabilities()])
async def test_without_watching_the_files_are_looked_at_again(
    client: LanguageClient,
    tmp_path: Path,
    lsp_capabilities: types.ClientCapabilities,
    lsp_registrations: list[types.Registration],
) -> None:
    """A client that cannot watch files for the server (the default capabilities here): the
    server looks at the project's files again before a check, at most every REFRESH_SECONDS."""
    assert lsp_capabilities.workspace is None
    _, views, helpers = await shop_views_opened(client, tmp_path)
    uri = views.as_uri()
    assert 8 in lines(client, uri)
    assert lsp_registrations == []
    text = helpers.read_text(encoding="utf-8").replace("status=status)", "status=200)")
    helpers.write_text(text, encoding="utf-8")
    await asyncio.sleep(REFRESH_SECONDS)
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert 8 not in lines(client, uri)
