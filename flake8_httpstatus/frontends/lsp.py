"""The language server (`flake8-httpstatus lsp`, extra `[lsp]`): diagnostics, hover and quick
fixes from the same engine, configuration and fixer as `check` and `fix`.

Columns: the engine reports UTF-8 bytes, LSP counts UTF-16 code units; `positions` converts.
"""

from __future__ import annotations

import ast
import asyncio
import bisect
import functools
import gc
import math
import os
import re
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from flake8_httpstatus import __version__
from flake8_httpstatus.config.files import ConfigError
from flake8_httpstatus.config.noqa import NoqaLines, noqa_edits
from flake8_httpstatus.config.settings import forget_configuration
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.core.positions import byte_to_utf16, split_lines, utf16_to_char
from flake8_httpstatus.fixes.fixer import plan
from flake8_httpstatus.fixes.import_settings import style_for
from flake8_httpstatus.fixes.imports import ImportStyle
from flake8_httpstatus.frontends.explain import code_markdown
from flake8_httpstatus.frontends.runner import Job, job_for, visible
from flake8_httpstatus.frontends.unparsed import while_unparsed
from flake8_httpstatus.knowledge.registry import MODULES, code_of
from flake8_httpstatus.project.index import project_for, refresh, release, reread
from flake8_httpstatus.rules import RULES, Severity, check_module

# The project index is shared by the checks and the changes on disk; it is not thread-safe.
INDEX_LOCK = threading.Lock()
# At most one check per document in this window while the user types.
DEBOUNCE_SECONDS = 0.05
SEVERITY = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}
# Files whose change on disk the server must see: the project's modules (a helper edited in
# another editor, a git checkout) and the configuration files: the options' and those that
# declare the library versions and the target Python (see `declared` and `settings`), with
# requirements*.txt and requirements/*.txt.
CONFIG_FILES = frozenset(
    {
        "pyproject.toml",
        "setup.cfg",
        "tox.ini",
        ".flake8",
        "Pipfile",
        "Pipfile.lock",
        "uv.lock",
        "poetry.lock",
        "pdm.lock",
        ".python-version",
    }
)
WATCHERS = [
    types.FileSystemWatcher(glob_pattern=pattern)
    for pattern in (
        "**/*.py",
        *(f"**/{name}" for name in sorted(CONFIG_FILES)),
        "**/requirements*.txt",
        "**/requirements/*.txt",
    )
]
WATCH_ID = "flake8-httpstatus-files"
# Where the client cannot watch files for the server: before a check, the project's modules'
# sizes and modification times are looked at again, at most this often.
REFRESH_SECONDS = 2.0
# A status literal or a dotted constant name around the cursor.
_WORD = re.compile(r"[A-Za-z_][\w.]*|\d+")


@dataclass
class DocumentState:
    """The last successful check of a document: kept while the user types a syntax error."""

    version: int | None = None
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    # The text's tree: the next change re-parses only the top-level statement it touched.
    tree: ast.Module | None = None

    @functools.cached_property
    def lines(self) -> list[str]:
        return split_lines(self.text)

    @functools.cached_property
    def noqa(self) -> NoqaLines:
        """Read once per text: it tokenizes the whole file for multi-line strings."""
        return NoqaLines(self.text)


class HttpStatusServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("flake8-httpstatus", __version__)
        self.documents: dict[str, DocumentState] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.last_check: dict[str, float] = {}  # when the document's last check ended
        # One thread checks, one document at a time (see `check_snapshot`).
        self.checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="check")
        self.checking: dict[str, asyncio.Future[Checked]] = {}  # the running check, by document
        self.jobs: dict[Path, Job] = {}
        self.watching = False  # the client reports files changed on disk
        self.last_refresh = -math.inf
        # Without watching: the configuration files in the directories of the documents
        # checked and above, with their sizes and modification times (see `refreshed`).
        self.configuration: dict[Path, frozenset[tuple[str, int, int]]] = {}

    def job(self, uri: str) -> Job:
        directory = _path(uri).parent if uri.startswith("file:") else Path.cwd()
        job = self.jobs.get(directory)
        if job is None:
            try:
                job = job_for(directory)[0]
            except ConfigError as error:
                self.window_show_message(
                    types.ShowMessageParams(types.MessageType.Error, f"flake8-httpstatus: {error}")
                )
                job = job_for(None)[0]
            self.jobs[directory] = job
        return job


def _path(uri: str) -> Path:
    return Path(unquote(urlparse(uri).path))


def is_configuration(path: Path) -> bool:
    """Whether a change of the file changes what a check reads besides the modules."""
    if path.name in CONFIG_FILES:
        return True
    requirements = path.name.startswith("requirements") or path.parent.name == "requirements"
    return requirements and path.suffix == ".txt"


def configuration_in(directory: Path) -> frozenset[tuple[str, int, int]]:
    """The configuration files in `directory` and its requirements/ folder, with their sizes and
    modification times."""
    found = set()
    for folder in (directory, directory / "requirements"):
        try:
            with os.scandir(folder) as entries:
                for entry in entries:
                    if is_configuration(Path(entry.path)):
                        stat = entry.stat()
                        found.add((entry.path, stat.st_size, stat.st_mtime_ns))
        except OSError:
            continue
    return frozenset(found)


def _filename(uri: str) -> str | None:
    return str(_path(uri)) if uri.startswith("file:") else None


def parse(text: str, previous: DocumentState | None = None) -> ast.Module | None:
    """The text's tree, or None when it does not parse. With the previous text's tree, an
    edit inside one top-level statement that keeps the number of lines re-parses only that
    statement: what the user types rarely reaches further, and a 5,000-line file's parse is
    a third of a check."""
    if previous is not None and previous.tree is not None:
        tree = _reparse(previous.text, previous.tree, text)
        if tree is not None:
            return tree
    try:
        return ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None


def _lines(text: str) -> list[str] | None:
    """The text's lines as the tokenizer counts them (None with a lone carriage return, left
    to a full parse)."""
    if text.count("\r") != text.count("\r\n"):
        return None
    return text.split("\n")


def _reparse(old_text: str, old_tree: ast.Module, text: str) -> ast.Module | None:
    """`text`'s tree from `old_text`'s, or None when a full parse must decide."""
    old, new = _lines(old_text), _lines(text)
    if old is None or new is None or len(old) != len(new):
        return None
    changed = [number for number in range(len(old)) if old[number] != new[number]]
    if not changed:
        return old_tree
    first, last = changed[0] + 1, changed[-1] + 1
    body = old_tree.body
    starts = [min([node.lineno, *(d.lineno for d in _decorators(node))]) for node in body]
    index = bisect.bisect_right(starts, first) - 1
    if index < 0:
        return None
    node = body[index]
    start, end = starts[index], node.end_lineno or node.lineno
    if last > end:
        return None
    try:
        snippet = ast.parse("\n".join(new[start - 1 : end]))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    # Exactly one statement, from whole lines: top-level statements that share a line are
    # simple ones joined by `;`, so the lines of one of them hold both (or a fragment of the
    # other, which does not parse).
    if len(snippet.body) != 1:
        return None
    replacement = ast.increment_lineno(snippet.body[0], start - 1)
    return ast.Module(body=[*body[:index], replacement, *body[index + 1 :]], type_ignores=[])


def _decorators(node: ast.stmt) -> list[ast.expr]:
    return getattr(node, "decorator_list", [])


def findings_for(text: str, job: Job, filename: str | None) -> list[Finding] | None:
    """The findings to show, or None when the text does not parse (keep the last ones)."""
    tree = parse(text)
    return None if tree is None else check_document(tree, text, job, filename)[0]


def check_document(
    tree: ast.Module, text: str, job: Job, filename: str | None
) -> tuple[list[Finding], bool]:
    """The findings to show; and whether what the document passes on as a status changed in
    its project's index, which takes the facts of the same walk (the other open documents
    must then be checked again)."""
    project = project_for(filename, job.settings)
    found, facts = check_module(tree, job.settings, filename, project, text)
    changed = project is not None and filename is not None and project.update(Path(filename), facts)
    return visible(found, text, job.selection_for(filename)), changed


def to_range(lines: list[str], finding: Finding) -> types.Range:
    def line(number: int) -> str:
        return lines[number - 1] if 0 < number <= len(lines) else ""

    return types.Range(
        start=types.Position(finding.line - 1, byte_to_utf16(line(finding.line), finding.col)),
        end=types.Position(
            finding.end_line - 1, byte_to_utf16(line(finding.end_line), finding.end_col)
        ),
    )


def to_diagnostic(lines: list[str], finding: Finding) -> types.Diagnostic:
    rule = RULES.get(finding.code)  # None: a text that does not parse (invalid-syntax)
    return types.Diagnostic(
        range=to_range(lines, finding),
        message=finding.message,
        severity=SEVERITY[rule.severity if rule is not None else Severity.ERROR],
        code=finding.code,
        code_description=types.CodeDescription(href=rule.url) if rule is not None else None,
        source="flake8-httpstatus",
        data={"fix": finding.fix.applicability if finding.fix is not None else None},
    )


# LSP's line breaks are Python's (\n, \r\n, \r); pygls splits a document's lines with
# `str.splitlines`, which also breaks at U+2028 and the like, and would apply an editor's edit
# after one on the wrong line of its copy of the text.
TextDocument.lines = property(  # type: ignore[method-assign, assignment]
    lambda document: tuple(split_lines(document.source, keepends=True))
)
server = HttpStatusServer()


@dataclass(frozen=True)
class Snapshot:
    """What a check reads, taken on the event loop's thread: pygls's workspace and the
    server's state are not thread-safe."""

    uri: str
    version: int | None
    text: str
    filename: str | None
    job: Job
    previous: DocumentState | None
    refresh: bool  # the project indexes' modules are due to be looked at again
    configured: bool  # a configuration file changed


@dataclass(frozen=True)
class Checked:
    snapshot: Snapshot
    tree: ast.Module | None
    findings: list[Finding] | None  # None: the text does not parse
    changed: bool  # what the document passes on as a status (or the project) changed


def snapshot(ls: HttpStatusServer, uri: str) -> Snapshot:
    document = ls.workspace.get_text_document(uri)
    configured, refresh_due = configuration_refreshed(ls, uri)
    return Snapshot(
        uri,
        document.version,
        document.source,
        _filename(uri),
        ls.job(uri),
        ls.documents.get(uri),
        refresh_due,
        configured,
    )


def check_snapshot(taken: Snapshot) -> Checked:
    """The check itself, on any thread: the project index it reads and updates is shared, so
    one check (or change of the index) at a time holds INDEX_LOCK."""
    with INDEX_LOCK:
        # Parsing makes ~20 nodes per line: collections during it only walk the last tree again.
        collecting = gc.isenabled()
        gc.disable()
        try:
            changed = taken.refresh and refresh()
            tree = parse(taken.text, taken.previous)
            findings = None
            if tree is not None:
                findings, facts_changed = check_document(
                    tree, taken.text, taken.job, taken.filename
                )
                changed = facts_changed or changed
        finally:
            if collecting:
                gc.enable()
    return Checked(taken, tree, findings, changed or taken.configured)


def publish(ls: HttpStatusServer, checked: Checked) -> bool:
    """Keep the check's result and publish its diagnostics (on the event loop's thread);
    whether the other open documents must be checked again."""
    taken = checked.snapshot
    if checked.findings is not None:
        state = shown = DocumentState(taken.version, taken.text, checked.findings, checked.tree)
    else:
        # Kept as it was (the next edit re-parses from its tree); shown as the text is now.
        state = taken.previous if taken.previous is not None else DocumentState()
        kept = while_unparsed(
            state.findings, state.lines, taken.text, taken.filename, taken.job.settings
        )
        shown = DocumentState(taken.version, taken.text, kept)
    ls.documents[taken.uri] = state
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(
            uri=taken.uri,
            version=shown.version,
            diagnostics=[to_diagnostic(shown.lines, finding) for finding in shown.findings],
        )
    )
    return checked.changed


def validate(ls: HttpStatusServer, uri: str) -> None:
    """Check the document's current text here and now and publish its diagnostics; when what
    it passes on as a status changed, check the other open documents too."""
    if publish(ls, check_snapshot(snapshot(ls, uri))):
        # a helper changed: the documents that call it may read differently now
        for other in list(ls.documents):
            if other != uri:
                validate(ls, other)


def configuration_refreshed(ls: HttpStatusServer, uri: str) -> tuple[bool, bool]:
    """Without the client's file watching, what changed on disk is read again, at most every
    REFRESH_SECONDS: the configuration files in the checked documents' directories and above
    (here), and the project indexes' modules (by the check); whether a configuration file
    changed, and whether the modules are due."""
    if ls.watching:
        return False, False
    for directory in _path(uri).parents if uri.startswith("file:") else ():
        if directory not in ls.configuration:  # as it was when the document was first checked
            ls.configuration[directory] = configuration_in(directory)
    now = time.monotonic()
    if now - ls.last_refresh < REFRESH_SECONDS:
        return False, False
    ls.last_refresh = now
    configuration = {directory: configuration_in(directory) for directory in ls.configuration}
    configured = configuration != ls.configuration
    ls.configuration = configuration
    if configured:
        forget_configuration()
        ls.jobs.clear()
    return configured, True


def refreshed(ls: HttpStatusServer, uri: str) -> bool:
    """`configuration_refreshed`, with the modules looked at again: whether a configuration
    file or what a project passes on changed."""
    configured, due = configuration_refreshed(ls, uri)
    if not due:
        return configured
    with INDEX_LOCK:
        return refresh() or configured


def schedule(ls: HttpStatusServer, uri: str) -> None:
    """Check a change at once after a quiet spell; during a burst of typing, once per
    DEBOUNCE_SECONDS, always ending with the latest text. The check runs on the checker's
    thread, so the event loop reads edits and answers requests meanwhile; while a document's
    check runs no other of it starts, and one that an edit overtook is dropped unpublished
    and followed by a check of the newest text."""
    loop = asyncio.get_running_loop()
    if uri in ls.pending:
        return  # a check of the latest text is already due
    wait = ls.last_check.get(uri, -math.inf) + DEBOUNCE_SECONDS - loop.time()

    def run() -> None:
        del ls.pending[uri]  # closing the document cancels the run instead
        if uri in ls.checking:
            return  # the running check's end looks at the version and checks again
        taken = snapshot(ls, uri)
        future = loop.run_in_executor(ls.checker, check_snapshot, taken)
        ls.checking[uri] = future
        future.add_done_callback(functools.partial(checked, ls, uri))

    ls.pending[uri] = loop.call_later(max(wait, 0.0), run)


def checked(ls: HttpStatusServer, uri: str, future: asyncio.Future[Checked]) -> None:
    """A check's end, on the event loop's thread: published unless the document was closed
    or edited meanwhile (then the newest text is checked next)."""
    if ls.checking.get(uri) is not future:
        return  # closed meanwhile
    del ls.checking[uri]
    ls.last_check[uri] = asyncio.get_running_loop().time()
    result = future.result()  # an error in the check is the loop's to log
    if ls.workspace.get_text_document(uri).version != result.snapshot.version:
        schedule(ls, uri)
    elif publish(ls, result):
        for other in list(ls.documents):
            if other != uri:
                schedule(ls, other)


def saved(ls: HttpStatusServer, uri: str) -> None:
    ls.jobs.clear()  # a saved configuration file applies from now on
    schedule(ls, uri)


def closed(ls: HttpStatusServer, uri: str) -> None:
    ls.documents.pop(uri, None)
    ls.last_check.pop(uri, None)
    ls.checking.pop(uri, None)  # a running check's result is dropped
    pending = ls.pending.pop(uri, None)
    if pending is not None:
        pending.cancel()
    ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))
    # Closed without saving: the file on disk stands for the module again.
    if uri.startswith("file:"):
        with INDEX_LOCK:
            released = release(_path(uri))
        if released:
            for other in list(ls.documents):
                validate(ls, other)


async def watch_files(ls: HttpStatusServer) -> bool:
    """Ask the client to report the files changed on disk (workspace/didChangeWatchedFiles),
    if it can register for them; whether it was asked."""
    workspace = ls.client_capabilities.workspace
    watched = workspace.did_change_watched_files if workspace is not None else None
    if watched is None or not watched.dynamic_registration:
        return False
    await ls.client_register_capability_async(
        types.RegistrationParams(
            registrations=[
                types.Registration(
                    id=WATCH_ID,
                    method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                    register_options=types.DidChangeWatchedFilesRegistrationOptions(
                        watchers=WATCHERS
                    ),
                )
            ]
        )
    )
    ls.watching = True
    return True


def files_changed(ls: HttpStatusServer, uris: list[str]) -> bool:
    """Files changed on disk: a configuration file is read again (the options, the declared
    versions, the target Python), a module again by the project index, and the open documents
    are checked again if that changes anything."""
    changed = False
    for uri in uris:
        if not uri.startswith("file:"):
            continue
        path = _path(uri)
        if is_configuration(path):
            forget_configuration()
            ls.jobs.clear()
            changed = True
        else:
            with INDEX_LOCK:
                changed = reread(path) or changed
    if changed:
        for open_uri in list(ls.documents):
            validate(ls, open_uri)
    return changed


# The handlers only pass the request on: the functions above and below hold the logic, and
# tests call them in-process (tests/test_lsp_units.py) as well as through a real client.
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: HttpStatusServer, params: types.DidOpenTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
async def did_change(ls: HttpStatusServer, params: types.DidChangeTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_SAVE)
async def did_save(ls: HttpStatusServer, params: types.DidSaveTextDocumentParams) -> None:
    saved(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: HttpStatusServer, params: types.DidCloseTextDocumentParams) -> None:
    closed(ls, params.text_document.uri)


def _word_at(line: str, character: int) -> tuple[str, int, int] | None:
    column = utf16_to_char(line, character)
    for match in _WORD.finditer(line):
        if match.start() <= column <= match.end():
            return match.group(), match.start(), match.end()
    return None


def code_under_cursor(word: str) -> int | None:
    """A status literal, or the code of a constant name (`HTTPStatus.NOT_FOUND`,
    `status.HTTP_404_NOT_FOUND`, `falcon.HTTP_404`) under the cursor."""
    if word.isdigit():
        return int(word) if len(word) == 3 else None
    name = word.rpartition(".")[2]
    for style in MODULES:
        code = code_of(style, name)
        if code is not None:
            return code
    return None


def hover_text(state: DocumentState, line_number: int, character: int, line: str) -> str | None:
    parts = []
    for finding in state.findings:
        span = to_range(state.lines, finding)
        if (
            span.start.line <= line_number <= span.end.line
            and (line_number != span.start.line or span.start.character <= character)
            and (line_number != span.end.line or character <= span.end.character)
        ):
            rule = RULES[finding.code]
            parts.append(
                f"**{finding.code}** ({rule.severity.value}) {rule.summary} ([docs]({rule.url}))"
            )
    word = _word_at(line, character)
    code = code_under_cursor(word[0]) if word is not None else None
    if code is not None:
        parts.append(code_markdown(code))
    return "\n\n---\n\n".join(parts) if parts else None


def hover_for(ls: HttpStatusServer, params: types.HoverParams) -> types.Hover | None:
    uri = params.text_document.uri
    document = ls.workspace.get_text_document(uri)
    state = ls.documents.get(uri, DocumentState())
    lines = document.lines
    if params.position.line >= len(lines):
        return None
    # The line is passed with its line break, which no word pattern matches.
    text = hover_text(
        state, params.position.line, params.position.character, lines[params.position.line]
    )
    if text is None:
        return None
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=text))


def _fix_action(
    uri: str,
    title: str,
    text: str,
    findings: list[Finding],
    diagnostics: list[types.Diagnostic],
    unsafe: bool,
) -> types.CodeAction | None:
    """The fixes' own edits, and their imports' (never the whole document: a client keeps its
    cursor, folds and undo steps)."""
    style = style_for(str(_path(uri))) if uri.startswith("file:") else ImportStyle()
    planned = plan(text, findings, style=style, unsafe=unsafe)
    if not planned.edits:
        return None
    lines = planned.lines

    def position(line: int, col: int) -> types.Position:
        return types.Position(line - 1, byte_to_utf16(lines[line - 1], col))

    edits = [
        types.TextEdit(
            range=types.Range(position(e.line, e.col), position(e.end_line, e.end_col)),
            new_text=e.content,
        )
        for e in planned.edits
    ]
    return types.CodeAction(
        title=title,
        kind=types.CodeActionKind.QuickFix,
        diagnostics=diagnostics or None,
        edit=types.WorkspaceEdit(changes={uri: edits}),
    )


def _noqa_action(
    uri: str, noqa: NoqaLines, finding: Finding, diagnostic: types.Diagnostic
) -> types.CodeAction | None:
    """`# noqa: CODE` where flake8 looks for it, joining a noqa comment already there."""
    edits, _ = noqa_edits(noqa, [finding])
    if not edits:
        return None
    (edit,) = edits
    old = noqa.lines[edit.line - 1].rstrip("\r\n")
    end = len(old.encode("utf-16-le")) // 2
    text_edit = types.TextEdit(
        range=types.Range(types.Position(edit.line - 1, 0), types.Position(edit.line - 1, end)),
        new_text=edit.text,
    )
    return types.CodeAction(
        title=f"Add `# noqa: {finding.code}`",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes={uri: [text_edit]}),
    )


def actions_for(ls: HttpStatusServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    state = ls.documents.get(uri)
    document = ls.workspace.get_text_document(uri)
    if state is None or state.text != document.source:
        return []  # stale findings: offer nothing until the document parses again
    lines = state.lines
    noqa = state.noqa
    wanted = params.range
    actions: list[types.CodeAction] = []
    for finding in state.findings:
        if finding.end_line - 1 < wanted.start.line or finding.line - 1 > wanted.end.line:
            continue  # cheaply out of range, before the columns are converted
        diagnostic = to_diagnostic(lines, finding)
        span = diagnostic.range
        if (span.end.line, span.end.character) < (wanted.start.line, wanted.start.character):
            continue
        if (span.start.line, span.start.character) > (wanted.end.line, wanted.end.character):
            continue
        if finding.fix is not None:
            safe = finding.fix.safe
            action = _fix_action(
                uri,
                finding.fix.title + ("" if safe else " (unsafe fix)"),
                state.text,
                [finding],
                [diagnostic],
                unsafe=True,  # asked for by name
            )
            if action is not None:
                action.is_preferred = safe
                actions.append(action)
        noqa_action = _noqa_action(uri, noqa, finding, diagnostic)
        if noqa_action is not None:
            actions.append(noqa_action)
    fixable = [f for f in state.findings if f.fix is not None and f.fix.safe]
    if fixable:
        # Without the diagnostics it resolves (they are optional): on a large file, hundreds of
        # them would double what the client has to read.
        action = _fix_action(
            uri, "Fix all HTTP status findings in this file", state.text, fixable, [], False
        )
        if action is not None:
            actions.append(action)
    return actions


@server.feature(types.INITIALIZED)
async def initialized(ls: HttpStatusServer, params: types.InitializedParams) -> None:
    await watch_files(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched_files(
    ls: HttpStatusServer, params: types.DidChangeWatchedFilesParams
) -> None:
    files_changed(ls, [change.uri for change in params.changes])


@server.feature(types.TEXT_DOCUMENT_HOVER)
def hover(ls: HttpStatusServer, params: types.HoverParams) -> types.Hover | None:
    return hover_for(ls, params)


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
def code_action(ls: HttpStatusServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    return actions_for(ls, params)


def start() -> int:
    server.start_io()
    return 0
