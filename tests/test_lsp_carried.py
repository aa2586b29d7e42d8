"""The last check's findings carried to a newer text (frontends/carried.py), and the language
server answering hover and code actions from them before the next check (issue 22, point 8)."""

from __future__ import annotations

import dataclasses

from lsprotocol import types
from pygls.workspace import Workspace

from flake8_httpstatus.core.findings import Edit, Finding, Fix
from flake8_httpstatus.core.positions import split_lines
from flake8_httpstatus.frontends import lsp
from flake8_httpstatus.frontends.carried import Change, carried
from flake8_httpstatus.frontends.runner import job_for
from tests.lsp_edits import apply
from tests.test_lsp_units import Sent, validate

TEXT = (
    "from django.http import HttpResponse\n"
    "\n"
    "\n"
    "def view(request):\n"
    "    x = 'é😀'; return HttpResponse(status=404)\n"
    "\n"
    "\n"
    "def other(request):\n"
    "    return HttpResponse(status=201)\n"
)
LITERAL = TEXT.split("\n")[4].index("404")  # in code points; UTF-16 units are one more
UNITS = LITERAL + 1


def findings(text: str) -> list[Finding]:
    found = lsp.findings_for(text, job_for(None)[0], None)
    assert found is not None
    return found


def carry(text: str, changes: list[Change] | None, new_text: str) -> list[Finding]:
    return carried(findings(text), split_lines(text), split_lines(new_text), changes)


def change(start: tuple[int, int], end: tuple[int, int], text: str) -> Change:
    return Change((start, end), text)


def edited(text: str, changes: list[Change]) -> str:
    for made in changes:
        (line, character), (end_line, end_character) = made.span
        span = types.Range(types.Position(line, character), types.Position(end_line, end_character))
        text = apply(text, [types.TextEdit(span, made.text)])
    return text


def test_moved_through_the_changes_and_equal_to_a_fresh_check() -> None:
    changes = [
        change((0, 0), (0, 0), "import os\n"),  # every line moves down one
        change((5, 4), (5, 5), "yy"),  # before the literal, on its line: it moves right one
        change((9, 11), (9, 11), " "),  # the second view's line, before its literal
    ]
    new_text = edited(TEXT, changes)
    moved = carry(TEXT, changes, new_text)
    assert moved == findings(new_text)  # with their fixes' edits
    assert [(f.line, f.col) for f in moved] == [
        (6, len("    yy = 'é😀'; return HttpResponse(status=".encode())),
        (10, 32),
    ]


def test_a_finding_whose_literal_was_edited_is_dropped() -> None:
    for start, end in [((4, UNITS), (4, UNITS + 3)), ((4, UNITS + 3), (4, UNITS + 3))]:
        changes = [change(start, end, "1")]  # replaced, or typed right after
        new_text = edited(TEXT, changes)
        assert [f.line for f in carry(TEXT, changes, new_text)] == [9]


def test_a_fix_whose_edit_was_touched_is_dropped_not_its_finding() -> None:
    first = findings(TEXT)[0]
    elsewhere = Fix((Edit(8, 0, 8, 3, "x"),), "Fix")  # an edit away from the literal
    changes = [change((7, 0), (7, 1), "D")]  # its text, not the finding's
    new_text = edited(TEXT, changes)
    (kept,) = carried(
        [dataclasses.replace(first, fix=elsewhere)],
        split_lines(TEXT),
        split_lines(new_text),
        changes,
    )
    assert kept == dataclasses.replace(first, fix=None)


def test_what_the_changes_do_not_explain_is_not_handed_out() -> None:
    """Changes that do not lead to the text (an edit the server missed): a finding whose text
    differs at its moved place is dropped, not shown beside its literal."""
    claimed = [change((0, 0), (0, 0), "#")]
    truth = TEXT.replace("status=404", "status=4O4")
    assert [f.line for f in carry(TEXT, claimed, truth)] == [9]


def test_without_the_changes_a_line_diff_moves_them() -> None:
    new_text = "import os\n" + TEXT.replace("    x = 'é😀'; ", "    y = 1; ")
    # The first view's line changed: dropped; the second moved down one line, with its fix.
    (moved,) = carry(TEXT, None, new_text)
    assert moved == findings(new_text)[-1]


def server_with(text: str) -> tuple[lsp.HttpStatusServer, Sent, str]:
    server = lsp.HttpStatusServer()
    server.protocol._workspace = Workspace(None)
    sent = Sent()
    server.protocol.set_writer(sent, include_headers=False)
    uri = "untitled:carried.py"
    server.workspace.put_text_document(
        types.TextDocumentItem(uri=uri, language_id="python", version=1, text=text)
    )
    validate(server, uri)
    return server, sent, uri


def changed(server: lsp.HttpStatusServer, uri: str, version: int, changes: list[Change]) -> None:
    """A didChange as pygls delivers it: the workspace updated, then the handler's record."""
    params = types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        [
            types.TextDocumentContentChangePartial(
                range=types.Range(types.Position(*c.span[0]), types.Position(*c.span[1])),
                text=c.text,
            )
            for c in changes
        ],
    )
    for event in params.content_changes:
        server.workspace.update_text_document(params.text_document, event)
    lsp.record(server, params)


def test_hover_and_actions_answer_before_the_next_check() -> None:
    server, _, uri = server_with(TEXT)
    changes = [change((0, 0), (0, 0), "import os\n"), change((9, 11), (9, 11), " ")]
    changed(server, uri, 2, changes)
    new_text = edited(TEXT, changes)
    assert server.workspace.get_text_document(uri).source == new_text
    hover = lsp.hover_for(
        server,
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(5, UNITS + 1)),
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "**HS101**" in hover.contents.value
    span = types.Range(types.Position(9, 32), types.Position(9, 35))
    actions = lsp.actions_for(
        server,
        types.CodeActionParams(
            types.TextDocumentIdentifier(uri), span, types.CodeActionContext(diagnostics=[])
        ),
    )
    by_title = {a.title: a for a in actions}
    fix = by_title["Replace with `HTTPStatus.CREATED`"]
    assert fix.edit is not None
    assert fix.edit.changes is not None
    assert fix.edit.changes[uri][0].range == span
    fixed = apply(new_text, fix.edit.changes[uri])
    assert "    return  HttpResponse(status=HTTPStatus.CREATED)" in fixed
    assert "from http import HTTPStatus" in fixed
    fix_all = by_title["Fix all HTTP status findings in this file"]
    assert fix_all.edit is not None
    assert fix_all.edit.changes is not None
    assert apply(new_text, fix_all.edit.changes[uri]).count("HTTPStatus.") == 2
    # The next check's result replaces the carried one.
    validate(server, uri)
    assert server.shown[uri].findings == findings(new_text)


def test_after_a_whole_text_change_a_line_diff_carries_them() -> None:
    server, _, uri = server_with(TEXT)
    new_text = "import os\n" + TEXT.replace("status=404", "status=410")
    params = types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [types.TextDocumentContentChangeWholeDocument(text=new_text)],
    )
    server.workspace.update_text_document(params.text_document, params.content_changes[0])
    lsp.record(server, params)
    assert server.changes[uri] == (2, None)  # nothing kept of the text: a line diff decides
    state = lsp.answering(server, uri)
    assert state is not None
    # The first view's line changed: its finding is dropped; the second's moved down a line.
    assert state.findings == [findings(new_text)[-1]]
