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

from flake8_httpstatus.frontends.lsp import REFRESH_SECONDS, WATCH_ID, WATCHERS
from tests.test_lsp_large import (
    HOVER_SECONDS,
    LARGE,
    SMALL,
    opened,
    published_for,
    record_versions,
    timed_hover,
)

FIXTURE = Path(__file__).parent / "fixtures" / "project"


WATCHING = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        )
    )
)


@pytest.fixture
def lsp_capabilities() -> types.ClientCapabilities:
    return WATCHING


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


# Both constants are HS204 under Starlette 0.46 and Python 3.9, neither under 0.48 and 3.13.
SIZES = (
    "from http import HTTPStatus\n\nfrom starlette import status\n\n\n"
    "def sizes() -> list[int]:\n"
    "    return [status.HTTP_413_CONTENT_TOO_LARGE, HTTPStatus.CONTENT_TOO_LARGE]\n"
)
PYPROJECT = '[project]\nname = "app"\nrequires-python = ">={}"\n'


def messages(client: LanguageClient, uri: str) -> list[str]:
    return sorted(d.message for d in client.diagnostics[uri])


@pytest.mark.parametrize(
    "lsp_capabilities",
    [
        pytest.param(WATCHING, id="watching"),
        pytest.param(types.ClientCapabilities(), id="looking-again"),
    ],
)
async def test_edited_pins_and_requires_python_apply_at_once(
    client: LanguageClient, tmp_path: Path, lsp_capabilities: types.ClientCapabilities
) -> None:
    """A pin in requirements.txt and requires-python in pyproject.toml edited while the server
    runs: the next check uses the new versions, reported by the client or looked at again."""
    root = tmp_path / "app"
    root.mkdir()
    (root / "pyproject.toml").write_text(PYPROJECT.format("3.9"), encoding="utf-8")
    (root / "requirements.txt").write_text("starlette==0.46.2\n", encoding="utf-8")
    uri = (root / "app.py").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, SIZES))
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    python, starlette = messages(client, uri)
    assert "(starlette 0.46.2 from requirements.txt)" in starlette
    assert "(target: 3.9 from requires-python)" in python
    version = 1

    async def edited(name: str, text: str) -> None:
        nonlocal version
        (root / name).write_text(text, encoding="utf-8")
        if lsp_capabilities.workspace is not None:
            client.workspace_did_change_watched_files(
                types.DidChangeWatchedFilesParams(
                    [types.FileEvent((root / name).as_uri(), types.FileChangeType.Changed)]
                )
            )
        else:  # the next check after REFRESH_SECONDS looks at the files again
            await asyncio.sleep(REFRESH_SECONDS)
            version += 1
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    [types.TextDocumentContentChangeWholeDocument(text=SIZES)],
                )
            )
        await asyncio.wait_for(
            client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 10
        )

    await edited("requirements.txt", "starlette==0.48.0\n")
    assert messages(client, uri) == [python]
    await edited("pyproject.toml", PYPROJECT.format("3.13"))
    assert messages(client, uri) == []


@pytest.mark.slow
async def test_a_change_on_disk_is_checked_off_the_event_loop(
    client: LanguageClient, tmp_path: Path
) -> None:
    """A configuration file changed on disk beside a large open document: its check runs on a
    checker thread, so a hover is answered meanwhile (issue 22, point 8)."""
    root = tmp_path / "app"
    root.mkdir()
    (root / "setup.cfg").write_text("[flake8]\n", encoding="utf-8")
    large, small = (root / "large.py").as_uri(), (root / "small.py").as_uri()
    opened(client, large, LARGE)
    opened(client, small, SMALL)
    await published_for(client, large)
    await published_for(client, small)
    published = record_versions(client, large)
    (root / "setup.cfg").write_text("[flake8]\nhttpstatus-allow-codes = 409\n", encoding="utf-8")
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent((root / "setup.cfg").as_uri(), types.FileChangeType.Changed)]
        )
    )
    await asyncio.sleep(0.3)  # the large document's check has begun
    hover, waited = await timed_hover(client, small, types.Position(2, 37), 300)
    checking = published == []
    print(f"small document's hover after {waited:.3f} s")
    assert hover is not None
    assert checking, "the large document's check ended before the hover was answered"
    assert waited < HOVER_SECONDS
