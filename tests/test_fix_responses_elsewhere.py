"""HS501's fix for the statuses a FastAPI route sends through other modules (a dependency, a
service, an exception handler of the application), read from the route table: `fix
--unsafe-fixes` on the golden project gives the golden files, `check` offers the fix in its
JSON, the language server as a code action, and FastAPI's OpenAPI document of the fixed
project lists every status each route sends (the project is run in a fresh Python, never here).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.test_lsp import actions_for, edited, open_document
from tests.whole_project import run

PROJECT = Path(__file__).parent / "fixtures" / "fix" / "hs501_elsewhere"
# The files the fix changes, as they must be after it; every other file stays as it is.
FIXED = PROJECT.with_name(PROJECT.name + ".fixed")
BOOKS = "shop/books.py"
# What each route sends, by path and method (read from the project by hand).
SENT = {
    "/api/books/{book_id}": {"get": {401, 404}, "delete": {401, 403}, "put": {401, 404}},
    "/api/books/{book_id}/reservations": {"post": {404, 409}},
    "/api/stock/{book_id}": {"get": {404, 423}},
}
_OPENAPI = """
import json, sys
sys.path.insert(0, sys.argv[1])
from shop.main import app
print(json.dumps({
    path: {method: sorted(int(code) for code in operation["responses"])
           for method, operation in operations.items()}
    for path, operations in app.openapi()["paths"].items()
}))
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "hs501_elsewhere"
    shutil.copytree(PROJECT, copy)
    return copy


def files(directory: Path) -> dict[str, str]:
    return {
        path.relative_to(directory).as_posix(): path.read_text(encoding="utf-8")
        for path in directory.rglob("*.py")
    }


Documentation = dict[str, dict[str, set[int]]]


def fixed_documentation(
    project: Path, capsys: pytest.CaptureFixture[str], sent: Documentation
) -> tuple[Documentation, Documentation]:
    """What the application documents before and after `fix --unsafe-fixes`, checked to list
    every status of `sent` (path, method, statuses) after and not before."""
    before = documented(project)
    run(project, capsys, "fix", "--select", "HS501", "--unsafe-fixes", ".")
    after = documented(project)
    for path, methods in sent.items():
        for method, statuses in methods.items():
            assert statuses <= after[path][method], (path, method)
            assert not statuses <= before[path][method], (path, method)
    return before, after


def documented(directory: Path) -> Documentation:
    done = subprocess.run(
        [sys.executable, "-c", _OPENAPI, str(directory)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return {
        path: {method: set(codes) for method, codes in methods.items()}
        for path, methods in json.loads(done.stdout).items()
    }


def test_every_route_aware_finding_offers_the_fix(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = json.loads(run(project, capsys, "check", "--select", "HS501", "--format", "json", "."))
    elsewhere = [item for item in found if " through " in item["message"]]
    assert len(elsewhere) == 5
    for item in elsewhere:
        assert item["fix"]["applicability"] == "unsafe", item["message"]
        assert item["fix"]["message"].startswith("Document "), item["message"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_the_command_gives_the_golden_files(
    project: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    before = files(project)
    run(project, capsys, "fix", "--select", "HS501", "--jobs", jobs, ".")  # unsafe: not asked
    assert files(project) == before
    run(project, capsys, "fix", "--select", "HS501", "--unsafe-fixes", "--jobs", jobs, ".")
    assert files(project) == {**before, **files(FIXED)}
    assert run(project, capsys, "check", "--select", "HS501", ".") == ""


def test_the_fixed_application_documents_what_it_sends(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("fastapi")
    before, after = fixed_documentation(project, capsys, SENT)
    assert after["/api/report"] == before["/api/report"]  # its responses= is a call


@pytest.fixture
def lsp_files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "shop").mkdir()  # the client writes the files, not their directories
    found = files(PROJECT)
    found["pyproject.toml"] = (PROJECT / "pyproject.toml").read_text(encoding="utf-8")
    found["pyproject.toml"] += '\n[tool.flake8-httpstatus]\nselect = ["HS501"]\n'
    return found


async def test_the_language_server_offers_it(client: LanguageClient, tmp_path: Path) -> None:
    path = tmp_path / BOOKS
    text = path.read_text(encoding="utf-8")
    uri = await open_document(client, path, text)
    diagnostic = next(
        d for d in client.diagnostics[uri] if d.message.startswith("HS501 route get_book()")
    )
    action = (await actions_for(client, uri, diagnostic))[
        "Document 401, 404 in the route's `responses=` (unsafe fix)"
    ]
    assert action.kind == types.CodeActionKind.QuickFix
    fixed = (FIXED / BOOKS).read_text(encoding="utf-8").splitlines(keepends=True)
    assert edited(uri, action, text).splitlines(keepends=True)[8] == fixed[8]
