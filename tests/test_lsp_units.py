"""The language server's pieces in-process (test_lsp.py drives the whole server through a real
client): ranges in UTF-16, diagnostics, the word and code under the cursor, hover text, and
the quick-fix and noqa actions' edits."""

from __future__ import annotations

import pytest
from lsprotocol import types

from flake8_httpstatus import __version__
from flake8_httpstatus.findings import Finding
from flake8_httpstatus.lsp import (
    SEVERITY,
    DocumentState,
    HttpStatusServer,
    _fix_action,
    _noqa_action,
    _word_at,
    code_under_cursor,
    findings_for,
    hover_text,
    to_diagnostic,
    to_range,
)
from flake8_httpstatus.noqa import NoqaLines
from flake8_httpstatus.rules import RULES
from flake8_httpstatus.runner import job_for

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
