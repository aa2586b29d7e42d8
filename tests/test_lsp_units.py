"""The language server's pieces in-process (test_lsp.py drives the whole server through a real
client): ranges in UTF-16, diagnostics, the word and code under the cursor, hover text, and
the quick-fix and noqa actions' edits."""

from __future__ import annotations

import ast
import asyncio
import gc
import json
import math
import os
import shutil
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lsprotocol import types
from pygls.workspace import Workspace

from flake8_httpstatus import __version__
from flake8_httpstatus.config.noqa import NoqaLines
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.frontends import lsp
from flake8_httpstatus.frontends.lsp import (
    DEBOUNCE_SECONDS,
    REFRESH_SECONDS,
    SEVERITY,
    DocumentState,
    HttpStatusServer,
    _filename,
    _fix_action,
    _noqa_action,
    _path,
    _word_at,
    actions_for,
    check_document,
    check_snapshot,
    closed,
    code_under_cursor,
    did_change,
    did_change_watched_files,
    did_close,
    did_open,
    did_save,
    findings_for,
    hover_for,
    hover_text,
    initialized,
    publish,
    schedule,
    snapshot,
    to_diagnostic,
    to_range,
)
from flake8_httpstatus.frontends.runner import job_for
from flake8_httpstatus.project import index as project
from flake8_httpstatus.rules import RULES
from tests.lsp_edits import apply

TEXT = (
    "from django.http import HttpResponse\n"
    "\n"
    "\n"
    "def view(request):\n"
    "    x = 'é😀'; return HttpResponse(status=404)  # noqa: E501\n"
)

LINES = TEXT.splitlines()
PREFIX = LINES[4][: LINES[4].index("404")]
UNITS = len(PREFIX.encode("utf-16-le")) // 2


def findings() -> list[Finding]:
    found = findings_for(TEXT, job_for(None)[0], None)
    assert found is not None
    return found


def test_findings_for() -> None:
    (finding,) = findings()
    assert (finding.code, finding.line, finding.col) == ("HS101", 5, len(PREFIX.encode()))
    assert findings_for("def broken(:\n", job_for(None)[0], None) is None
    assert findings_for(TEXT.replace("E501", "HS101"), job_for(None)[0], None) == []


def test_range_and_diagnostic() -> None:
    (finding,) = findings()
    assert to_range(LINES, finding) == types.Range(
        types.Position(4, UNITS), types.Position(4, UNITS + 3)
    )
    diagnostic = to_diagnostic(LINES, finding)
    assert diagnostic.range == to_range(LINES, finding)
    assert diagnostic.data == {"fix": "safe"}
    assert to_diagnostic(LINES, Finding("HS201", "m", 5, 0, 5, 1)).data == {"fix": None}
    assert diagnostic.message == finding.message
    assert diagnostic.code == "HS101"
    assert diagnostic.source == "flake8-httpstatus"
    assert diagnostic.severity == SEVERITY[RULES["HS101"].severity]
    assert diagnostic.code_description == types.CodeDescription(href=RULES["HS101"].url)
    # A line past the end counts as empty rather than failing.
    beyond = Finding("HS101", "m", 9, 0, 9, 0)
    assert to_range(LINES, beyond) == types.Range(types.Position(8, 0), types.Position(8, 0))


def test_severity_table() -> None:
    assert {severity.value: level for severity, level in SEVERITY.items()} == {
        "error": types.DiagnosticSeverity.Error,
        "warning": types.DiagnosticSeverity.Warning,
        "info": types.DiagnosticSeverity.Information,
    }


@pytest.mark.parametrize(
    ("line", "character", "word"),
    [
        ("abort(404)", 6, ("404", 6, 9)),
        ("abort(404)", 9, ("404", 6, 9)),
        ("abort(404)", 0, ("abort", 0, 5)),
        ("x = HTTPStatus.NOT_FOUND", 8, ("HTTPStatus.NOT_FOUND", 4, 24)),
        ("'😀' + 404", 7, ("404", 6, 9)),  # UTF-16 in, characters out: the emoji is 2 units
        ("  ()  ", 1, None),
    ],
)
def test_word_at(line: str, character: int, word: tuple[str, int, int] | None) -> None:
    assert _word_at(line, character) == word


@pytest.mark.parametrize(
    ("word", "code"),
    [
        ("404", 404),
        ("4040", None),
        ("40", None),
        ("HTTPStatus.NOT_FOUND", 404),
        ("status.HTTP_201_CREATED", 201),
        ("falcon.HTTP_404", 404),
        ("NOT_FOUND", 404),
        ("request.user", None),
    ],
)
def test_code_under_cursor(word: str, code: int | None) -> None:
    assert code_under_cursor(word) == code


def test_hover_text() -> None:
    state = DocumentState(1, TEXT, findings())
    inside = hover_text(state, 4, UNITS + 1, LINES[4])
    assert inside is not None
    rule = RULES["HS101"]
    first, second = inside.split("\n\n---\n\n")
    assert first.startswith("**HS101** ")
    assert rule.summary in first
    assert first.endswith(f"([docs]({rule.url}))")
    assert "404 Not Found" in second
    # At the span's edges the finding counts; a character before it, only the word there.
    assert "**HS101**" in (hover_text(state, 4, UNITS, LINES[4]) or "")
    assert "**HS101**" in (hover_text(state, 4, UNITS + 3, LINES[4]) or "")
    assert "**HS101**" not in (hover_text(state, 4, UNITS - 2, LINES[4]) or "")
    assert hover_text(state, 3, 0, LINES[3]) is None


def test_fix_action_edits_only_the_literal_and_the_import() -> None:
    (finding,) = findings()
    uri = "untitled:app.py"
    action = _fix_action(uri, "Fix", TEXT, [finding], [], unsafe=False)
    assert action is not None
    assert action.title == "Fix"
    assert action.kind == types.CodeActionKind.QuickFix
    assert action.edit is not None
    assert action.edit.changes is not None
    edits = action.edit.changes[uri]
    replaced = [edit for edit in edits if edit.new_text.startswith("HTTPStatus")]
    assert [(e.range, e.new_text) for e in replaced] == [
        (
            types.Range(types.Position(4, UNITS), types.Position(4, UNITS + 3)),
            "HTTPStatus.NOT_FOUND",
        )
    ]
    assert any("from http import HTTPStatus" in edit.new_text for edit in edits)
    assert _fix_action(uri, "Fix", TEXT, [], [], unsafe=False) is None


def test_noqa_action_joins_the_existing_comment() -> None:
    (finding,) = findings()
    diagnostic = to_diagnostic(LINES, finding)
    action = _noqa_action("untitled:app.py", NoqaLines(TEXT), finding, diagnostic)
    assert action is not None
    assert action.title == "Add `# noqa: HS101`"
    assert action.diagnostics == [diagnostic]
    assert action.edit is not None
    assert action.edit.changes is not None
    (edit,) = action.edit.changes["untitled:app.py"]
    end = len(LINES[4].encode("utf-16-le")) // 2
    assert edit.range == types.Range(types.Position(4, 0), types.Position(4, end))
    assert edit.new_text == LINES[4].replace("# noqa: E501", "# noqa: E501, HS101")
    hidden = NoqaLines(TEXT.replace("E501", "HS1"))
    assert _noqa_action("untitled:app.py", hidden, finding, diagnostic) is None


def test_first_line_columns() -> None:
    lines = ["é = abort(404)"]
    finding = Finding("HS101", "m", 1, len("é = abort(".encode()), 1, len("é = abort(404".encode()))
    assert to_range(lines, finding) == types.Range(types.Position(0, 10), types.Position(0, 13))


def test_server_identity() -> None:
    server = HttpStatusServer()
    assert (server.name, server.version) == ("flake8-httpstatus", __version__)
    assert (server.documents, server.pending, server.last_check, server.jobs) == ({}, {}, {}, {})


def test_fix_action_diagnostics() -> None:
    (finding,) = findings()
    diagnostic = to_diagnostic(LINES, finding)
    with_diagnostic = _fix_action("untitled:a.py", "Fix", TEXT, [finding], [diagnostic], False)
    assert with_diagnostic is not None
    assert with_diagnostic.diagnostics == [diagnostic]
    without = _fix_action("untitled:a.py", "Fix", TEXT, [finding], [], False)
    assert without is not None
    assert without.diagnostics is None


# -- the server in-process: its handlers' logic, what it sends --------------------------------
def validate(ls: HttpStatusServer, uri: str) -> None:
    """Check the document's current text here and now and publish its diagnostics, as a check
    on a checker thread would; when what it passes on as a status changed, the other open
    documents too."""
    if publish(ls, check_snapshot(snapshot(ls, uri))):
        for other in list(ls.documents):
            if other != uri:
                validate(ls, other)


PUBLISH = types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS


class Sent:
    """The server's side of the connection: each message it sends, as JSON."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []

    def write(self, data: bytes) -> None:
        self.messages.append(json.loads(data))

    def close(self) -> None:
        pass

    def published(self, uri: str) -> list[dict[str, Any]]:
        return [
            m["params"]
            for m in self.messages
            if m.get("method") == PUBLISH and m["params"]["uri"] == uri
        ]

    def codes(self, uri: str) -> list[str]:
        return [d["code"] for d in self.published(uri)[-1]["diagnostics"]]


@pytest.fixture
def ls() -> tuple[HttpStatusServer, Sent]:
    server = HttpStatusServer()
    server.protocol._workspace = Workspace(None)
    sent = Sent()
    server.protocol.set_writer(sent, include_headers=False)
    return server, sent


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> list[float]:
    """The server's `time.monotonic`, frozen at its one value: a test moves it by hand."""
    now = [1000.0]
    monkeypatch.setattr(time, "monotonic", lambda: now[0])
    return now


def opened(server: HttpStatusServer, uri: str, text: str, version: int = 1) -> None:
    server.workspace.put_text_document(
        types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)
    )


def edited_to(server: HttpStatusServer, uri: str, text: str, version: int) -> None:
    server.workspace.update_text_document(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        types.TextDocumentContentChangeWholeDocument(text=text),
    )


def test_validate_publishes_and_keeps_the_last_good_findings(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path
) -> None:
    server, sent = ls
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, TEXT, 3)
    validate(server, uri)
    (published,) = sent.published(uri)
    assert published["version"] == 3
    (diagnostic,) = published["diagnostics"]
    assert diagnostic["code"] == "HS101"
    assert diagnostic["range"]["start"] == {"line": 4, "character": UNITS}
    assert server.documents[uri].text == TEXT
    # A syntax error below: the last findings again, where they are in the new text (the same
    # lines), and the parse error; published for the new text's version.
    edited_to(server, uri, TEXT + "def broken(:\n", 4)
    validate(server, uri)
    again = sent.published(uri)[-1]
    assert again["version"] == 4
    # Its fix's edits are for the last text: the moved finding is shown without one.
    assert again["diagnostics"][0] == {**diagnostic, "data": {"fix": None}}
    assert again["diagnostics"][1]["code"] == "invalid-syntax"
    assert server.documents[uri].text == TEXT  # the next edit re-parses from the last tree
    edited_to(server, uri, "x = 1\n", 5)
    validate(server, uri)
    assert sent.published(uri)[-1] == {"uri": uri, "version": 5, "diagnostics": []}


def test_a_document_that_never_parsed(ls: tuple[HttpStatusServer, Sent]) -> None:
    server, sent = ls
    opened(server, "untitled:1", "def broken(:\n", 7)
    validate(server, "untitled:1")
    (published,) = sent.published("untitled:1")
    assert published["version"] == 7
    (diagnostic,) = published["diagnostics"]
    assert (diagnostic["code"], diagnostic["range"]["start"]) == (
        "invalid-syntax",
        {"line": 0, "character": 11},
    )
    assert server.documents["untitled:1"] == DocumentState()


async def settled(server: HttpStatusServer, uri: str) -> None:
    """Until the document's due and running checks have ended."""
    while uri in server.pending or uri in server.checking:
        await asyncio.sleep(0.01)


async def test_configuration_is_read_per_directory_and_again_after_a_save(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path
) -> None:
    server, sent = ls
    server.last_refresh = math.inf  # no looking again at the files (the loop's clock runs)
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, TEXT)
    await did_open(
        server, types.DidOpenTextDocumentParams(types.TextDocumentItem(uri, "python", 1, TEXT))
    )
    await settled(server, uri)
    assert sent.codes(uri) == ["HS101"]
    assert list(server.jobs) == [tmp_path]
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nhttpstatus-allow-codes = 404\n", encoding="utf-8"
    )
    validate(server, uri)
    assert sent.codes(uri) == ["HS101"]  # the job is kept until a save (or REFRESH_SECONDS)
    await did_save(server, types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    await settled(server, uri)
    assert sent.codes(uri) == []


def test_a_bad_configuration_is_shown_once_and_the_defaults_apply(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path
) -> None:
    server, sent = ls
    (tmp_path / "setup.cfg").write_text("[flake8]\nhttpstatus-allow-codes = x\n", encoding="utf-8")
    uri = (tmp_path / "app.py").as_uri()
    job = server.job(uri)
    assert job == job_for(None)[0]
    assert server.job(uri) is job
    (shown,) = [m for m in sent.messages if m.get("method") == types.WINDOW_SHOW_MESSAGE]
    assert shown["params"]["type"] == types.MessageType.Error
    assert shown["params"]["message"].startswith("flake8-httpstatus: ")
    assert "httpstatus-allow-codes" in shown["params"]["message"]


def test_a_document_without_a_file_uses_the_working_directory(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, _ = ls
    monkeypatch.chdir(tmp_path)
    server.job("untitled:1")
    assert list(server.jobs) == [tmp_path]


def test_paths_from_uris() -> None:
    assert _path("file:///tmp/a%20b/c.py") == Path("/tmp/a b/c.py")
    assert _filename("file:///tmp/a%20b/c.py") == str(Path("/tmp/a b/c.py"))
    assert _filename("untitled:Untitled-1") is None


def test_close_clears_the_document(ls: tuple[HttpStatusServer, Sent], tmp_path: Path) -> None:
    server, sent = ls
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, TEXT)
    validate(server, uri)
    server.last_check[uri] = 1.0
    loop = asyncio.new_event_loop()
    try:
        server.pending[uri] = handle = loop.call_later(60, lambda: None)
        did_close(server, types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
        assert handle.cancelled()
    finally:
        loop.close()
    assert (server.documents, server.pending, server.last_check) == ({}, {}, {})
    assert sent.published(uri)[-1] == {"uri": uri, "diagnostics": []}
    closed(server, uri)  # closing twice, or a document never checked, is harmless
    assert sent.published(uri)[-1] == {"uri": uri, "diagnostics": []}


async def test_changes_are_checked_at_once_then_at_most_every_debounce(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path
) -> None:
    server, sent = ls
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, TEXT)
    loop = asyncio.get_running_loop()
    params = types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=2), []
    )
    before = loop.time()
    did_change(server, params)
    first = server.pending[uri]
    assert before <= first.when() <= loop.time()  # after a quiet spell: at once
    schedule(server, uri)
    assert server.pending[uri] is first  # one check is due for the latest text
    await settled(server, uri)
    checked = server.last_check[uri]
    assert before <= checked <= loop.time()
    assert len(sent.published(uri)) == 1
    # Typing on right after a check: the next waits for the rest of the window.
    started = server.last_check[uri] = loop.time()
    schedule(server, uri)
    assert server.pending[uri].when() == pytest.approx(started + DEBOUNCE_SECONDS, abs=0.005)
    await settled(server, uri)
    assert len(sent.published(uri)) == 2
    assert server.last_check[uri] >= started + DEBOUNCE_SECONDS


async def test_a_check_overtaken_by_an_edit_is_dropped_and_the_newest_checked(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, sent = ls
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, TEXT)
    edited = threading.Event()

    def slow_check(taken: lsp.Snapshot) -> lsp.Checked:
        if taken.version == 1:
            edited.wait(10)  # a long check: the edit below arrives while it runs
        return check_snapshot(taken)

    monkeypatch.setattr(lsp, "check_snapshot", slow_check)
    schedule(server, uri)
    while uri not in server.checking:  # version 1's check has begun
        await asyncio.sleep(0.001)
    edited_to(server, uri, TEXT.replace("404", "299"), 2)
    schedule(server, uri)
    await asyncio.sleep(DEBOUNCE_SECONDS * 2)  # due while version 1's runs: left to its end
    edited.set()
    await settled(server, uri)
    assert [p["version"] for p in sent.published(uri)] == [2]
    assert sent.codes(uri) == ["HS201"]


def test_debounce_window() -> None:
    assert DEBOUNCE_SECONDS == 0.05


def test_hover_for(ls: tuple[HttpStatusServer, Sent], tmp_path: Path) -> None:
    server, _ = ls
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, TEXT)
    validate(server, uri)

    def at(line: int, character: int) -> types.Hover | None:
        return hover_for(
            server,
            types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(line, character)),
        )

    found = at(4, UNITS + 1)
    assert found is not None
    assert isinstance(found.contents, types.MarkupContent)
    assert found.contents.kind == types.MarkupKind.Markdown
    assert found.contents.value == hover_text(server.documents[uri], 4, UNITS + 1, LINES[4])
    assert at(3, 0) is None
    assert at(5, 0) is None  # the empty line after the last newline
    assert at(6, 0) is None  # past the end
    # A line ending in \r\n: the word at its end is read without the line break.
    opened(server, "untitled:crlf", "x = 404\r\n")
    crlf = hover_for(
        server,
        types.HoverParams(types.TextDocumentIdentifier("untitled:crlf"), types.Position(0, 7)),
    )
    assert crlf is not None
    assert isinstance(crlf.contents, types.MarkupContent)
    assert "404 Not Found" in crlf.contents.value


def action_params(uri: str, start: tuple[int, int], end: tuple[int, int]) -> types.CodeActionParams:
    """Code actions asked for the range from `start` to `end` (line, character), no context."""
    return types.CodeActionParams(
        types.TextDocumentIdentifier(uri),
        types.Range(types.Position(*start), types.Position(*end)),
        types.CodeActionContext(diagnostics=[]),
    )


def actions(server: HttpStatusServer, uri: str, start: int, end: int) -> list[str]:
    params = action_params(uri, (start, 0), (end, 80))
    return [action.title for action in actions_for(server, params)]


SEVERAL = (
    "from django.http import HttpResponse\n"
    "\n"
    "\n"
    "def view(request):\n"
    "    if request.GET:\n"
    "        return HttpResponse(status=404)\n"
    "    return HttpResponse(status=201)\n"
)
FIX_ALL = "Fix all HTTP status findings in this file"


def test_actions_for_a_range(ls: tuple[HttpStatusServer, Sent]) -> None:
    server, _ = ls
    uri = "untitled:several"
    opened(server, uri, SEVERAL)
    validate(server, uri)
    first = ["Replace with `HTTPStatus.NOT_FOUND`", "Add `# noqa: HS101`"]
    second = ["Replace with `HTTPStatus.CREATED`", "Add `# noqa: HS101`"]
    assert actions(server, uri, 5, 5) == [*first, FIX_ALL]
    assert actions(server, uri, 6, 6) == [*second, FIX_ALL]
    assert actions(server, uri, 5, 6) == [*first, *second, FIX_ALL]
    assert actions(server, uri, 0, 4) == [FIX_ALL]
    assert actions(server, uri, 7, 7) == [FIX_ALL]
    # Columns: a range that ends before the literal on its line, or starts after it.
    line = SEVERAL.splitlines()[5]
    column = line.index("404")
    for start, end, want in [
        ((5, 0), (5, column - 1), [FIX_ALL]),
        ((5, 0), (5, column), [*first, FIX_ALL]),
        ((5, column + 3), (5, 40), [*first, FIX_ALL]),
        ((5, column + 4), (5, 40), [FIX_ALL]),
    ]:
        params = action_params(uri, start, end)
        assert [a.title for a in actions_for(server, params)] == want, (start, end)


def test_actions_while_the_text_does_not_parse(ls: tuple[HttpStatusServer, Sent]) -> None:
    server, _ = ls
    uri = "untitled:stale"
    opened(server, uri, SEVERAL)
    assert actions(server, uri, 0, 9) == []  # never checked
    validate(server, uri)
    edited_to(server, uri, SEVERAL + "def broken(:\n", 2)
    validate(server, uri)
    # The findings kept from the last check can be silenced; their fixes wait for a parse (an
    # import's place is unknown), and the parse error itself takes no action.
    assert actions(server, uri, 0, 9) == ["Add `# noqa: HS101`", "Add `# noqa: HS101`"]
    edited_to(server, uri, "x = 1\n", 3)
    validate(server, uri)
    assert actions(server, uri, 0, 9) == []  # nothing to fix


def test_unsafe_fixes_by_name_only(ls: tuple[HttpStatusServer, Sent]) -> None:
    server, _ = ls
    uri = "untitled:unsafe"
    text = (
        "from litestar.exceptions import HTTPException\n\n\n"
        "def a():\n    raise HTTPException(404)\n"
    )
    opened(server, uri, text)
    validate(server, uri)
    params = action_params(uri, (4, 0), (4, 30))
    found = {a.title: a for a in actions_for(server, params)}
    assert set(found) == {"Pass as `status_code=` (unsafe fix)", "Add `# noqa: HS404`"}
    unsafe = found["Pass as `status_code=` (unsafe fix)"]
    assert unsafe.is_preferred is False
    assert unsafe.diagnostics is not None
    assert [d.code for d in unsafe.diagnostics] == ["HS404"]


def test_safe_fix_is_preferred(ls: tuple[HttpStatusServer, Sent]) -> None:
    server, _ = ls
    uri = "untitled:safe"
    opened(server, uri, SEVERAL)
    validate(server, uri)
    params = action_params(uri, (6, 0), (6, 80))
    replace, noqa, fix_all = actions_for(server, params)
    assert replace.is_preferred is True
    assert noqa.is_preferred is None
    assert fix_all.diagnostics is None
    assert fix_all.edit is not None
    assert fix_all.edit.changes is not None
    new_texts = [edit.new_text for edit in fix_all.edit.changes[uri]]
    assert "HTTPStatus.NOT_FOUND" in new_texts
    assert "HTTPStatus.CREATED" in new_texts


def test_start_runs_the_server_on_stdio(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(lsp.server, "start_io", lambda: calls.append("io"))
    assert lsp.start() == 0
    assert calls == ["io"]


# -- the project index from the open documents ------------------------------------------------
FIXTURE = Path(__file__).parent / "fixtures" / "project"


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "shop-project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".httpstatus_cache"))
    monkeypatch.setenv(project.CACHE_ENV, "")
    return root


def lines_of(sent: Sent, uri: str) -> set[int]:
    return {d["range"]["start"]["line"] + 1 for d in sent.published(uri)[-1]["diagnostics"]}


def test_an_edited_helper_rechecks_the_other_open_documents(
    ls: tuple[HttpStatusServer, Sent], shop: Path
) -> None:
    server, sent = ls
    views, helpers = shop / "shop" / "views.py", shop / "shop" / "api" / "responses.py"
    views_uri, helpers_uri = views.as_uri(), helpers.as_uri()
    source = helpers.read_text(encoding="utf-8")
    opened(server, views_uri, views.read_text(encoding="utf-8"))
    opened(server, helpers_uri, source)
    validate(server, views_uri)
    validate(server, helpers_uri)
    assert {8, 10, 16} <= lines_of(sent, views_uri)
    assert len(sent.published(views_uri)) == 1
    # What the helper passes on is the same: the view is not checked again.
    edited_to(server, helpers_uri, source.replace("print(status)", "print(status, 1)"), 2)
    validate(server, helpers_uri)
    assert len(sent.published(views_uri)) == 1
    edited_to(server, helpers_uri, source.replace("status=status)", "status=200)"), 3)
    validate(server, helpers_uri)
    assert len(sent.published(views_uri)) == 2
    assert 8 not in lines_of(sent, views_uri)
    assert 10 in lines_of(sent, views_uri)


def test_check_document_outside_a_project(tmp_path: Path) -> None:
    job = job_for(None)[0]
    text = "from django.http import HttpResponse\n\n\ndef f(status):\n    return HttpResponse(status=status)\n"
    tree = ast.parse(text)
    assert check_document(tree, text, job, None) == ([], False)
    assert check_document(tree, text, job, str(tmp_path / "app.py")) == ([], False)


def test_check_document_takes_the_facts_of_its_own_walk(shop: Path) -> None:
    """What the index takes from an open document is what it reads from the file."""
    job = job_for(shop)[0]
    helpers = shop / "shop" / "api" / "responses.py"
    text = helpers.read_text(encoding="utf-8")
    filename = str(helpers)
    _, changed = check_document(ast.parse(text), text, job, filename)
    assert changed is False  # the same as the file the index read
    index = project.project_for(filename, job.settings)
    assert index is not None
    assert index.overrides == {}
    edited = text.replace("status=status)", "status=200)")
    _, changed = check_document(ast.parse(edited), edited, job, filename)
    assert changed is True
    assert index.overrides["shop/api/responses.py"] == project.facts_of(edited, helpers)


# -- parsing again only the statement an edit touched ---------------------------------------
MODULE = (
    "import x\n"
    "\n"
    "\n"
    "@decorator(1)\n"
    "def view(request):\n"
    "    return HttpResponse(status=404)\n"
    "# a comment between statements\n"
    "a = 1; b = 2\n"
    "CODE = 200\n"
)


def dump(tree: ast.AST | None) -> str | None:
    return None if tree is None else ast.dump(tree, include_attributes=True)


@pytest.mark.parametrize(
    ("old", "new", "reused"),
    [
        ("status=404", "status=410", True),  # inside one statement: only it is parsed again
        ("@decorator(1)", "@decorator(2)", True),  # a decorator belongs to its statement
        ("CODE = 200", "CODE = 201", True),  # the last statement
        ("import x", "import y", True),  # the first
        ("status=404", "status=404, x=1", True),
        ("a = 1", "a = 3", False),  # a line two statements share
        ("# a comment", "c = 1 # a", False),  # between statements
        ("status=404)", "status=404", False),  # the statement no longer ends there
        ("    return", "return", False),  # now two statements
        ("CODE = 200\n", "CODE = 200\nX = 1\n", False),  # one line more
        ("status=404)", "status=404)  # é😀", True),
    ],
)
def test_reparse(old: str, new: str, reused: bool) -> None:
    tree = ast.parse(MODULE)
    text = MODULE.replace(old, new, 1)
    state = DocumentState(1, MODULE, [], tree)
    reparsed = lsp._reparse(MODULE, tree, text)
    assert (reparsed is not None) is reused
    assert dump(lsp.parse(text, state)) == dump(lsp.parse(text))
    if reparsed is not None:
        assert dump(reparsed) == dump(ast.parse(text))
        # The statements it did not touch are the old tree's own.
        kept = [node for node in reparsed.body if any(node is old for old in tree.body)]
        assert len(kept) == len(tree.body) - 1


def test_reparse_falls_back_to_a_full_parse() -> None:
    tree = ast.parse(MODULE)
    assert lsp._reparse(MODULE, tree, MODULE) is tree
    state = DocumentState(1, MODULE, [], tree)
    broken = MODULE.replace("status=404)", "status=404")
    assert lsp.parse(broken, state) is None
    assert lsp.parse(broken.replace("CODE = 200", "CODE = 200)"), state) is None
    for text in (
        "\ufeff" + MODULE,
        MODULE.replace("x\n", "x\r", 1),
        MODULE.replace("\n", "\r\n"),  # lines of another length than the old text's
    ):
        assert lsp._reparse(MODULE, tree, text) is None
        assert dump(lsp.parse(text, state)) == dump(lsp.parse(text))
    crlf = MODULE.replace("\n", "\r\n")
    crlf_tree = ast.parse(crlf)
    changed = crlf.replace("404", "410")
    assert dump(lsp._reparse(crlf, crlf_tree, changed)) == dump(ast.parse(changed))
    assert lsp.parse("x = (\n", None) is None
    assert lsp.parse("x = 1\n", DocumentState()) is not None  # no tree yet: a full parse


FIXTURE_TEXTS = sorted(
    path.read_text(encoding="utf-8")
    for path in (Path(__file__).parent / "fixtures" / "checks").glob("*.py")
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    index=st.integers(min_value=0),
    line=st.integers(min_value=0),
    column=st.integers(min_value=0),
    cut=st.integers(min_value=0, max_value=3),
    insert=st.sampled_from(["", "1", "(", ")", ":", "\\", '"', "'''", " ", "    ", "x", "#"]),
)
def test_reparse_agrees_with_a_full_parse(
    index: int, line: int, column: int, cut: int, insert: str
) -> None:
    """One edit inside a line of a fixture: the tree is the full parse's, or the text does not
    parse either way."""
    text = FIXTURE_TEXTS[index % len(FIXTURE_TEXTS)]
    tree = ast.parse(text)
    lines = text.split("\n")
    number = line % len(lines)
    at = column % (len(lines[number]) + 1)
    lines[number] = lines[number][:at] + insert + lines[number][at + cut :]
    edited = "\n".join(lines)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        assert dump(lsp.parse(edited, DocumentState(1, text, [], tree))) == dump(lsp.parse(edited))


# -- files changed on disk ------------------------------------------------------------------
WATCHING = types.ClientCapabilities(
    workspace=types.WorkspaceClientCapabilities(
        did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities(
            dynamic_registration=True
        )
    )
)


@pytest.mark.parametrize(
    ("capabilities", "asked"),
    [
        (WATCHING, True),
        (types.ClientCapabilities(), False),
        (types.ClientCapabilities(workspace=types.WorkspaceClientCapabilities()), False),
        (
            types.ClientCapabilities(
                workspace=types.WorkspaceClientCapabilities(
                    did_change_watched_files=types.DidChangeWatchedFilesClientCapabilities()
                )
            ),
            False,
        ),
    ],
)
async def test_watch_files(
    ls: tuple[HttpStatusServer, Sent],
    monkeypatch: pytest.MonkeyPatch,
    capabilities: types.ClientCapabilities,
    asked: bool,
) -> None:
    server, _ = ls
    server.protocol.client_capabilities = capabilities
    requests: list[types.RegistrationParams] = []

    async def register(params: types.RegistrationParams) -> None:
        requests.append(params)

    monkeypatch.setattr(server, "client_register_capability_async", register)
    await initialized(server, types.InitializedParams())
    assert await lsp.watch_files(server) is asked
    assert server.watching is asked
    if not asked:
        assert requests == []
        return
    first, _ = requests
    (registration,) = first.registrations
    assert registration.id == lsp.WATCH_ID == "flake8-httpstatus-files"
    assert registration.method == "workspace/didChangeWatchedFiles"
    assert registration.register_options == types.DidChangeWatchedFilesRegistrationOptions(
        watchers=lsp.WATCHERS
    )
    assert [watcher.glob_pattern for watcher in lsp.WATCHERS] == [
        "**/*.py",
        "**/.flake8",
        "**/.python-version",
        "**/Pipfile",
        "**/Pipfile.lock",
        "**/pdm.lock",
        "**/poetry.lock",
        "**/pyproject.toml",
        "**/setup.cfg",
        "**/tox.ini",
        "**/uv.lock",
        "**/requirements*.txt",
        "**/requirements/*.txt",
    ]


async def watched(server: HttpStatusServer, *paths: Path | str) -> None:
    """The client reports `paths` changed; until the checks that follow have ended."""
    uris = [path if isinstance(path, str) else path.as_uri() for path in paths]
    await did_change_watched_files(
        server,
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(uri, types.FileChangeType.Changed) for uri in uris]
        ),
    )
    for uri in list(server.documents):
        await settled(server, uri)


async def changed_on_disk(server: HttpStatusServer, *paths: Path) -> bool:
    """`files_changed`, until the checks that follow have ended."""
    changed = await lsp.files_changed(server, [path.as_uri() for path in paths])
    for uri in list(server.documents):
        await settled(server, uri)
    return changed


async def test_files_changed_on_disk(ls: tuple[HttpStatusServer, Sent], shop: Path) -> None:
    server, sent = ls
    views, helpers = shop / "shop" / "views.py", shop / "shop" / "api" / "responses.py"
    uri = views.as_uri()
    opened(server, uri, views.read_text(encoding="utf-8"))
    validate(server, uri)
    assert 8 in lines_of(sent, uri)
    source = helpers.read_text(encoding="utf-8")
    # Nothing the project passes on changed, or not a file: nothing is checked again.
    helpers.write_text(source.replace("print(status)", "print(status, 1)"), encoding="utf-8")
    await watched(server, helpers, "untitled:1", shop / "README.txt")
    assert await changed_on_disk(server, helpers) is False
    assert len(sent.published(uri)) == 1
    helpers.write_text(source.replace("status=status)", "status=200)"), encoding="utf-8")
    await watched(server, "untitled:1", helpers)
    assert len(sent.published(uri)) == 2
    assert 8 not in lines_of(sent, uri)
    # Deleted: what it passed on is gone too (the view's import now leads nowhere).
    helpers.write_text(source, encoding="utf-8")
    assert await changed_on_disk(server, helpers)
    assert 8 in lines_of(sent, uri)
    helpers.unlink()
    assert await changed_on_disk(server, helpers)
    assert 8 not in lines_of(sent, uri)
    # A configuration file: read again, and every open document checked again.
    server.job(uri)
    assert server.jobs
    (shop / "setup.cfg").write_text("[flake8]\nhttpstatus-allow-codes = 409\n", encoding="utf-8")
    assert 12 in lines_of(sent, uri)
    await watched(server, shop / "setup.cfg")
    assert 12 not in lines_of(sent, uri)


def unsaved_helper(server: HttpStatusServer, sent: Sent, shop: Path) -> tuple[Path, Path, str]:
    """The shop's views open beside its helpers module, whose helper the editor changed (not
    saved) to pass on no status: views, helpers, and the helpers' text on disk."""
    views, helpers = shop / "shop" / "views.py", shop / "shop" / "api" / "responses.py"
    source = helpers.read_text(encoding="utf-8")
    opened(server, views.as_uri(), views.read_text(encoding="utf-8"))
    opened(server, helpers.as_uri(), source.replace("status=status)", "status=200)"))
    validate(server, views.as_uri())
    validate(server, helpers.as_uri())
    assert 8 not in lines_of(sent, views.as_uri())
    return views, helpers, source


async def test_an_open_document_stands_for_its_file(
    ls: tuple[HttpStatusServer, Sent], shop: Path
) -> None:
    server, sent = ls
    views, helpers, source = unsaved_helper(server, sent, shop)
    # The file on disk changes (the editor's own save of older text, a checkout): the
    # unsaved text still counts.
    helpers.write_text(source.replace("print(status)", "print(status, 2)"), encoding="utf-8")
    assert not await changed_on_disk(server, helpers)
    assert 8 not in lines_of(sent, views.as_uri())


def test_reread_outside_every_index(tmp_path: Path) -> None:
    assert project.reread(tmp_path / "elsewhere.py") is False


def test_without_watching_the_project_is_looked_at_again(
    ls: tuple[HttpStatusServer, Sent], shop: Path, clock: list[float]
) -> None:
    server, sent = ls
    views, helpers = shop / "shop" / "views.py", shop / "shop" / "api" / "responses.py"
    uri = views.as_uri()
    opened(server, uri, views.read_text(encoding="utf-8"))
    validate(server, uri)
    assert server.last_refresh == 1000.0
    assert 8 in lines_of(sent, uri)
    source = helpers.read_text(encoding="utf-8")
    helpers.write_text(source.replace("status=status)", "status=200)"), encoding="utf-8")
    clock[0] += REFRESH_SECONDS - 0.01  # not yet: at most once per REFRESH_SECONDS
    validate(server, uri)
    assert 8 in lines_of(sent, uri)
    assert server.last_refresh == 1000.0
    clock[0] += 0.01
    validate(server, uri)
    assert server.last_refresh == clock[0]
    assert 8 not in lines_of(sent, uri)
    # A client that watches files reports them: no looking again.
    server.watching = True
    helpers.write_text(source, encoding="utf-8")
    clock[0] += 60
    assert lsp.refreshed(server, uri) is False
    validate(server, uri)
    assert 8 not in lines_of(sent, uri)


PYPROJECT = '[project]\nname = "app"\nrequires-python = ">={}"\n'


@pytest.mark.parametrize(
    ("name", "configuration"),
    [
        *((name, True) for name in sorted(lsp.CONFIG_FILES)),
        ("requirements.txt", True),
        ("requirements-dev.txt", True),
        ("requirements/base.txt", True),
        ("requirements.in", False),
        ("docs/notes.txt", False),
        ("requirements", False),
        ("app.py", False),
        ("setup.py", False),
    ],
)
def test_is_configuration(name: str, configuration: bool) -> None:
    path = Path("/work/app") / name
    assert lsp.is_configuration(path) is configuration
    # The client watches the same files (and the modules).
    watched = any(path.match(str(watcher.glob_pattern)) for watcher in lsp.WATCHERS[1:])
    assert watched is configuration


def test_configuration_in(tmp_path: Path) -> None:
    for name in ("pyproject.toml", "requirements/base.txt", "requirements/notes.md", "app.py"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    found = lsp.configuration_in(tmp_path)
    assert {name for name, _, _ in found} == {
        str(tmp_path / "pyproject.toml"),
        str(tmp_path / "requirements" / "base.txt"),
    }
    assert all(size == 6 for _, size, _ in found)
    stamp = (tmp_path / "pyproject.toml").stat().st_mtime_ns
    assert (str(tmp_path / "pyproject.toml"), 6, stamp) in found
    assert lsp.configuration_in(tmp_path / "missing") == frozenset()


async def test_a_changed_pin_is_read_again(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path
) -> None:
    """A requirements file reported changed: the declared versions are read again, even with
    the same modification time (a coarse file system clock)."""
    server, sent = ls
    pins = tmp_path / "requirements" / "base.txt"
    pins.parent.mkdir()
    pins.write_text("starlette==0.46.2\n", encoding="utf-8")
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, "from starlette import status\n\nstatus.HTTP_413_CONTENT_TOO_LARGE\n")
    validate(server, uri)
    assert sent.codes(uri) == ["HS204"]
    job = server.jobs[tmp_path]
    # Not a configuration file: nothing is read or checked again.
    assert await changed_on_disk(server, tmp_path / "notes.txt") is False
    assert len(sent.published(uri)) == 1
    stamp = pins.stat().st_mtime_ns
    pins.write_text("starlette==0.48.0\n", encoding="utf-8")
    os.utime(pins, ns=(stamp, stamp))
    await watched(server, pins)
    assert len(sent.published(uri)) == 2
    assert sent.codes(uri) == []
    assert server.jobs[tmp_path] is not job


def test_without_watching_the_configuration_is_looked_at_again(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path, clock: list[float]
) -> None:
    server, sent = ls
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text(PYPROJECT.format("3.9"), encoding="utf-8")
    (tmp_path / "sub").mkdir()
    text = "from http import HTTPStatus\n\nHTTPStatus.CONTENT_TOO_LARGE\n"
    uri, other = (tmp_path / "app.py").as_uri(), (tmp_path / "sub" / "other.py").as_uri()
    opened(server, uri, text)
    opened(server, other, text)
    validate(server, uri)
    assert sent.codes(uri) == ["HS204"]
    assert server.configuration[tmp_path] == lsp.configuration_in(tmp_path)
    assert set(server.configuration) == set(_path(uri).parents)
    job = server.jobs[tmp_path]
    pyproject.write_text(PYPROJECT.format("3.13"), encoding="utf-8")
    # Not yet (at most once per REFRESH_SECONDS); a new directory is taken as it is now.
    clock[0] += REFRESH_SECONDS - 0.01
    validate(server, other)
    assert sent.codes(other) == ["HS204"]
    assert tmp_path / "sub" in server.configuration
    clock[0] += 0.01
    validate(server, uri)
    assert sent.codes(uri) == []
    assert sent.codes(other) == []  # every open document is checked again
    assert server.jobs[tmp_path] is not job
    # Nothing changed since: the other document is not checked again.
    published = len(sent.published(other))
    clock[0] += REFRESH_SECONDS
    validate(server, uri)
    assert len(sent.published(other)) == published


def test_refresh_a_project_index(shop: Path) -> None:
    index = project.ProjectIndex.load(shop, cache_dir=None)
    helpers = shop / "shop" / "api" / "responses.py"
    assert "shop/api/responses.py" in index.stats
    assert index.refresh() is False
    (shop / "shop" / "extra.py").write_text(
        "from django.http import JsonResponse\n\n\n"
        "def gone(status):\n    return JsonResponse({}, status=status)\n",
        encoding="utf-8",
    )
    solved = index.solved
    assert index.refresh() is True
    assert index.solved is not solved
    assert "shop/extra.py" in index.modules
    (shop / "shop" / "extra.py").unlink()
    assert index.refresh() is True
    assert "shop/extra.py" not in index.modules
    assert "shop/extra.py" not in index.stats
    helpers.write_text(helpers.read_text(encoding="utf-8") + "\n# more\n", encoding="utf-8")
    assert index.refresh() is False  # read again, and it passes on the same
    assert index.stats["shop/api/responses.py"][0] == helpers.stat().st_size


# -- what the mutation run showed the tests above did not pin down --------------------------
def test_validate_reuses_the_untouched_statements_and_restores_the_collector(
    ls: tuple[HttpStatusServer, Sent],
) -> None:
    server, _ = ls
    opened(server, "untitled:1", MODULE)
    validate(server, "untitled:1")
    before = server.documents["untitled:1"].tree
    assert before is not None
    edited_to(server, "untitled:1", MODULE.replace("404", "410"), 2)
    validate(server, "untitled:1")
    after = server.documents["untitled:1"].tree
    assert after is not None
    assert after.body[0] is before.body[0]
    assert after.body[1] is not before.body[1]
    assert gc.isenabled()
    gc.disable()
    try:
        validate(server, "untitled:1")
        assert not gc.isenabled()  # left as it was found
    finally:
        gc.enable()


def test_parse_reuses_through_the_previous_state() -> None:
    tree = ast.parse(MODULE)
    reparsed = lsp.parse(MODULE.replace("404", "410"), DocumentState(1, MODULE, [], tree))
    assert reparsed is not None
    assert reparsed.body[0] is tree.body[0]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        # Three lines for the tokenizer, two for str.split.
        ("a = 1\rb = 2\nc = 404\n", "a = 1\rb = 2\nc = 410\n"),
        # A lone carriage return in one text only.
        ("a = 1\rb = 2\n", "a = 1\nb = 2\n"),
        ("a = 1\nb = 2\n", "a = 1\rb = 2\n"),
    ],
)
def test_a_lone_carriage_return_is_left_to_a_full_parse(before: str, after: str) -> None:
    tree = ast.parse(before)
    assert lsp._reparse(before, tree, after) is None
    assert dump(lsp.parse(after, DocumentState(1, before, [], tree))) == dump(ast.parse(after))


def test_the_file_decides_the_target_python(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path
) -> None:
    server, sent = ls
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\nrequires-python = ">=3.13"\n', encoding="utf-8"
    )
    text = "from django.http import HttpResponse\nHttpResponse(status=413)\n"
    uri = (tmp_path / "app.py").as_uri()
    opened(server, uri, text)
    validate(server, uri)
    (diagnostic,) = sent.published(uri)[-1]["diagnostics"]
    assert diagnostic["message"].endswith("use HTTPStatus.CONTENT_TOO_LARGE")
    found = findings_for(text, job_for(tmp_path)[0], str(tmp_path / "app.py"))
    assert found is not None
    assert found[0].message.endswith("use HTTPStatus.CONTENT_TOO_LARGE")


def test_declared_sinks_reach_the_project_index(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path
) -> None:
    server, sent = ls
    (tmp_path / "setup.py").write_text("", encoding="utf-8")
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nhttpstatus-extra-sinks = legacylib:make_legacy:code@1\n", encoding="utf-8"
    )
    helpers = (
        "from legacylib import make_legacy\n\n\ndef legacy(body, code):\n"
        "    return make_legacy(body, code)\n"
    )
    (tmp_path / "helpers.py").write_text(helpers, encoding="utf-8")
    views = 'from helpers import legacy\n\nlegacy("x", 404)\n'
    (tmp_path / "views.py").write_text(views, encoding="utf-8")
    views_uri, helpers_uri = (tmp_path / "views.py").as_uri(), (tmp_path / "helpers.py").as_uri()
    opened(server, views_uri, views)
    opened(server, helpers_uri, helpers)
    validate(server, views_uri)
    validate(server, helpers_uri)
    assert sent.codes(views_uri) == ["HS101"]
    edited_to(server, helpers_uri, helpers.replace("(body, code)\n", "(body, 200)\n"), 2)
    validate(server, helpers_uri)
    assert sent.codes(views_uri) == []


def test_per_file_ignores(ls: tuple[HttpStatusServer, Sent], tmp_path: Path) -> None:
    server, sent = ls
    (tmp_path / "tests").mkdir()
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nper-file-ignores = tests/*: HS1\n", encoding="utf-8"
    )
    ignored, shown = (tmp_path / "tests" / "test_app.py").as_uri(), (tmp_path / "app.py").as_uri()
    for uri in (ignored, shown):
        opened(server, uri, TEXT)
        validate(server, uri)
    assert sent.codes(ignored) == []
    assert sent.codes(shown) == ["HS101"]


def test_hover_inside_a_finding_of_several_lines() -> None:
    text = "abort(\n    404,\n    'gone',\n)\n"
    state = DocumentState(1, text, [Finding("HS101", "m", 1, 0, 4, 1)])
    lines = text.splitlines()
    for line, character in [(1, 10), (2, 7), (0, 5), (3, 1)]:
        assert "**HS101**" in (hover_text(state, line, character, lines[line]) or ""), line
    assert "**HS101**" not in (hover_text(state, 3, 2, lines[3]) or "")
    assert hover_text(DocumentState(), 0, 1, "  ()  ") is None  # no word, no finding


def test_noqa_action_replaces_the_whole_line() -> None:
    for tail in ("  # X", "  # x   "):
        text = TEXT.replace("  # noqa: E501", tail)
        found = findings_for(text, job_for(None)[0], None)
        assert found is not None
        (finding,) = found
        lines = text.splitlines()
        action = _noqa_action("untitled:1", NoqaLines(text), finding, to_diagnostic(lines, finding))
        assert action is not None
        assert action.kind == types.CodeActionKind.QuickFix
        assert action.edit is not None
        assert action.edit.changes is not None
        (edit,) = action.edit.changes["untitled:1"]
        assert edit.range.end.character == len(lines[4].encode("utf-16-le")) // 2
        assert edit.new_text.startswith(lines[4].rstrip())


def test_fix_action_places_the_import_as_the_project_sorts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The working directory is another project, where `http` is a first-party package: a
    # document takes its own file's project's style, and one without a file the default.
    elsewhere = tmp_path / "elsewhere"
    (elsewhere / "http").mkdir(parents=True)
    (elsewhere / "http" / "__init__.py").write_text("", encoding="utf-8")
    (elsewhere / "pyproject.toml").write_text("[project]\nname = 'elsewhere'\n", encoding="utf-8")
    monkeypatch.chdir(elsewhere)
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "pyproject.toml").write_text(
        "[tool.isort]\nforce_sort_within_sections = true\n", encoding="utf-8"
    )
    text = (
        "import os\nfrom django.http import HttpResponse\n\n\n"
        "def view(request):\n    return HttpResponse(status=404)\n"
    )
    found = findings_for(text, job_for(None)[0], None)
    assert found is not None
    uri = (tmp_path / "project" / "app.py").as_uri()

    def fixed(uri: str) -> str:
        action = _fix_action(uri, "Fix", text, found, [], False)
        assert action is not None
        assert action.edit is not None
        assert action.edit.changes is not None
        return apply(text, action.edit.changes[uri])

    assert fixed(uri).startswith("from http import HTTPStatus\nimport os\n")
    assert fixed("untitled:app.py").startswith("import os\nfrom http import HTTPStatus\n")


def test_actions_for_one_of_two_findings_on_a_line(ls: tuple[HttpStatusServer, Sent]) -> None:
    server, _ = ls
    text = (
        "from django.http import HttpResponse\n\n\n"
        "def view(request):\n"
        "    return (HttpResponse(status=404), HttpResponse(status=201))\n"
    )
    opened(server, "untitled:two", text)
    validate(server, "untitled:two")
    column = text.splitlines()[4].index("201")
    params = action_params("untitled:two", (4, column), (4, column))
    found = actions_for(server, params)
    assert [a.title for a in found] == [
        "Replace with `HTTPStatus.CREATED`",
        "Add `# noqa: HS101`",
        FIX_ALL,
    ]
    noqa = found[1]
    assert noqa.edit is not None
    assert noqa.edit.changes is not None
    assert list(noqa.edit.changes) == ["untitled:two"]
    assert noqa.diagnostics is not None
    assert [(d.code, d.range.start.character) for d in noqa.diagnostics] == [("HS101", column)]


def test_fix_all_leaves_findings_without_a_safe_fix(ls: tuple[HttpStatusServer, Sent]) -> None:
    server, _ = ls
    text = (
        "from django.http import HttpResponse\n\n\n"
        "def view(request):\n"
        "    if request.GET:\n"
        "        return HttpResponse(status=299)\n"
        "    return HttpResponse(status=201)\n"
    )
    opened(server, "untitled:mixed", text)
    validate(server, "untitled:mixed")
    assert {f.code for f in server.documents["untitled:mixed"].findings} == {"HS101", "HS201"}
    params = action_params("untitled:mixed", (0, 0), (0, 0))
    (fix_all,) = actions_for(server, params)
    assert fix_all.edit is not None
    assert fix_all.edit.changes is not None
    fixed = apply(text, fix_all.edit.changes["untitled:mixed"])
    assert "status=299)" in fixed
    assert "status=HTTPStatus.CREATED)" in fixed


def test_the_project_cache_goes_where_the_configuration_says(
    ls: tuple[HttpStatusServer, Sent], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    server, _ = ls
    monkeypatch.delenv(project.CACHE_ENV, raising=False)
    (tmp_path / "setup.py").write_text("", encoding="utf-8")
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nhttpstatus-cache-dir = lsp-cache\n", encoding="utf-8"
    )
    (tmp_path / "helpers.py").write_text(
        "from django.http import JsonResponse\n\n\ndef fail(status):\n"
        "    return JsonResponse({}, status=status)\n",
        encoding="utf-8",
    )
    uri = (tmp_path / "views.py").as_uri()
    opened(server, uri, "from helpers import fail\n\nfail(404)\n")
    validate(server, uri)
    assert (tmp_path / "lsp-cache").is_dir()
    assert not (tmp_path / project.CACHE_DIR).exists()


async def test_closing_an_unsaved_helper_brings_back_its_file(
    ls: tuple[HttpStatusServer, Sent], shop: Path
) -> None:
    server, sent = ls
    views, helpers, _ = unsaved_helper(server, sent, shop)
    published = len(sent.published(views.as_uri()))
    closed(server, helpers.as_uri())  # the edit was never saved
    await settled(server, views.as_uri())  # checked again on a checker thread
    assert 8 in lines_of(sent, views.as_uri())
    # Closing it again, or a document whose text was its file's, changes nothing.
    closed(server, helpers.as_uri())
    closed(server, views.as_uri())
    assert len(sent.published(views.as_uri())) == published + 2
    assert project.release(shop / "elsewhere" / "x.py") is False


def test_kept_findings_move_with_the_lines() -> None:
    from flake8_httpstatus.core.findings import Finding
    from flake8_httpstatus.frontends.unparsed import moved

    before = ["a", "abort(", "    404)", "b", "c"]
    spanning = Finding("HS101", "HS101 x", 2, 0, 3, 7)
    last = Finding("HS201", "HS201 y", 5, 0, 5, 1)
    after = ["new", "a", "abort(", "    404)", "c"]  # a line added above, "b" deleted
    assert [(f.line, f.end_line) for f in moved([spanning, last], before, after)] == [
        (3, 4),
        (5, 5),
    ]
    # A line inside the span edited: the finding goes.
    assert moved([spanning], before, ["a", "abort(", "    40)", "b", "c"]) == []
