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
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.workspace import TextDocument

from flake8_httpstatus import __version__
from flake8_httpstatus.analysis.inference import ModuleFacts, Solver
from flake8_httpstatus.config.files import ConfigError
from flake8_httpstatus.config.noqa import NoqaLines, noqa_edits
from flake8_httpstatus.config.settings import forget_configuration
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.core.positions import byte_to_utf16, split_lines, utf16_to_char
from flake8_httpstatus.fixes.fixer import plan
from flake8_httpstatus.fixes.import_settings import style_for
from flake8_httpstatus.fixes.imports import ImportStyle
from flake8_httpstatus.frontends.carried import MAX_CHANGES, Change, carried, common_head
from flake8_httpstatus.frontends.checker import ANSWER, CHECK, CHECK_LARGE, LARGE_LINES, Checker
from flake8_httpstatus.frontends.explain import code_markdown
from flake8_httpstatus.frontends.pieces import parse_in_pieces
from flake8_httpstatus.frontends.route_hover import route_hover
from flake8_httpstatus.frontends.runner import Job, job_for, visible, whole_project
from flake8_httpstatus.frontends.unparsed import while_unparsed
from flake8_httpstatus.knowledge.registry import MODULES, code_of
from flake8_httpstatus.project.index import ProjectIndex, project_for, refresh, release, reread
from flake8_httpstatus.rules import RULES, Severity, check_module

# The project index is shared by the checks and the changes on disk, and is not thread-safe:
# each reads or changes it holding this lock, which a check takes only for those moments.
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
    """A document's text and its findings: the last successful check (kept while the user
    types a syntax error), or what was last published, or that carried to a newer text."""

    version: int | None = None
    text: str = ""
    findings: list[Finding] = field(default_factory=list)
    # The text's tree: the next change re-parses only the top-level statement it touched.
    tree: ast.Module | None = None
    # Carried findings: an older text's tree whose top, up to the first statement after its
    # imports, is this text's (all a fix's import is placed by: see `placing`).
    top: ast.Module | None = None
    unparsable: bool = False  # parsed for a fix's import (`placing`), in vain

    def placing(self, base: DocumentState | None) -> ast.Module | None:
        """A tree to place a fix's import by: the text's (the check's, else parsed once, from
        `base`'s where it can), or one with the same top."""
        if self.tree is None and self.top is None and not self.unparsable:
            self.tree = parse(self.text, base)
            self.unparsable = self.tree is None
        return self.tree if self.tree is not None else self.top

    @functools.cached_property
    def lines(self) -> list[str]:
        return split_lines(self.text)

    @functools.cached_property
    def noqa(self) -> NoqaLines:
        """Read once per text; with the text's tree, a finding's statement is tokenized for
        its multi-line strings, not the whole file."""
        return NoqaLines(self.text, self.tree)


class HttpStatusServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("flake8-httpstatus", __version__)
        self.documents: dict[str, DocumentState] = {}
        # What hover and code actions answer from: the findings last published (or carried
        # to a newer text since), and the editor's changes since, with the version they reach.
        self.shown: dict[str, DocumentState] = {}
        self.changes: dict[str, tuple[int | None, list[Change] | None]] = {}
        self.pending: dict[str, asyncio.TimerHandle] = {}
        self.last_check: dict[str, float] = {}  # when the document's last check ended
        self.checker = Checker()
        self.checking: dict[str, asyncio.Future[Checked]] = {}  # the running check, by document
        # Documents whose running check may have read what another document passed on before
        # that changed: checked again at its end.
        self.rerun: set[str] = set()
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
    a third of a check. A large text is parsed a piece at a time (see `parse_in_pieces`)."""
    if previous is not None and previous.tree is not None:
        tree = _reparse(previous.text, previous.tree, text)
        if tree is not None:
            return tree
    if text.count("\n") >= LARGE_LINES:
        tree = parse_in_pieces(text)
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
    with INDEX_LOCK:
        project = project_for(filename, job.settings)
    locked = LockedProject(project) if project is not None else None
    found, facts = check_module(tree, job.settings, filename, locked, text)
    found += whole_project(filename, job.selection_for(filename), recheck=True)
    with INDEX_LOCK:
        changed = (
            project is not None and filename is not None and project.update(Path(filename), facts)
        )
    return visible(found, text, job.selection_for(filename)), changed


class LockedProject:
    """A project index as a check reads it: each read holds INDEX_LOCK, the check's own work
    does not (another document's check, or a change on disk, goes on meanwhile). The solutions
    it hands out are not changed afterwards: a change of the index makes new ones."""

    def __init__(self, index: ProjectIndex) -> None:
        self.index = index

    def module_of(self, filename: str | None) -> tuple[str, bool]:
        with INDEX_LOCK:
            return self.index.module_of(filename)

    def solver(self, facts: ModuleFacts) -> Solver:
        with INDEX_LOCK:
            return self.index.solver(facts)

    @property
    def solved(self) -> Solver:
        with INDEX_LOCK:
            return self.index.solved


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
    """The check itself, on a checker thread: the project index it reads and updates is
    shared, and held (INDEX_LOCK) only while it is read or changed."""
    if taken.refresh:
        with INDEX_LOCK:
            changed = refresh()
    else:
        changed = False
    # Parsing makes ~20 nodes per line: collections during it only walk the last tree again.
    # (With two checks at once, the first to end turns them on again: only a little slower.)
    collecting = gc.isenabled()
    gc.disable()
    try:
        tree = parse(taken.text, taken.previous)
        findings = None
        if tree is not None:
            findings, facts_changed = check_document(tree, taken.text, taken.job, taken.filename)
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
    ls.shown[taken.uri] = shown
    ls.changes[taken.uri] = (shown.version, [])
    ls.text_document_publish_diagnostics(
        types.PublishDiagnosticsParams(
            uri=taken.uri,
            version=shown.version,
            diagnostics=[to_diagnostic(shown.lines, finding) for finding in shown.findings],
        )
    )
    return checked.changed


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
    DEBOUNCE_SECONDS, always ending with the latest text. The check runs on a checker thread
    (a large document's on its own), so the event loop reads edits and answers requests
    meanwhile; while a document's check runs no other of it starts, and one that an edit
    overtook is dropped unpublished and followed by a check of the newest text."""
    loop = asyncio.get_running_loop()
    if uri in ls.pending:
        return  # a check of the latest text is already due
    wait = ls.last_check.get(uri, -math.inf) + DEBOUNCE_SECONDS - loop.time()

    def run() -> None:
        del ls.pending[uri]  # closing the document cancels the run instead
        if uri in ls.checking:
            # Its end looks at the version; and it may have read another document's facts
            # from before their change.
            ls.rerun.add(uri)
            return
        taken = snapshot(ls, uri)
        thread = CHECK_LARGE if taken.text.count("\n") >= LARGE_LINES else CHECK
        future = ls.checker.submit(functools.partial(check_snapshot, taken), thread)
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
    again = uri in ls.rerun
    ls.rerun.discard(uri)
    result = future.result()  # an error in the check is the loop's to log
    if ls.workspace.get_text_document(uri).version != result.snapshot.version:
        schedule(ls, uri)
        return
    if publish(ls, result):
        for other in list(ls.documents):
            if other != uri:
                schedule(ls, other)
    if again:
        schedule(ls, uri)


def record(ls: HttpStatusServer, params: types.DidChangeTextDocumentParams) -> None:
    """Keep the editor's changes since the findings shown, to carry them to the newest text."""
    uri = params.text_document.uri
    if uri not in ls.changes:
        return  # nothing shown yet
    changes = ls.changes[uri][1]
    for event in params.content_changes:
        if changes is None or len(changes) > MAX_CHANGES:
            changes = None  # a line diff then (see `carried`): nothing more is kept
            break
        if isinstance(event, types.TextDocumentContentChangePartial):
            start, end = event.range.start, event.range.end
            changes.append(
                Change(((start.line, start.character), (end.line, end.character)), event.text)
            )
        else:
            changes = None  # the whole text replaced
    ls.changes[uri] = (params.text_document.version, changes)


def answering(ls: HttpStatusServer, uri: str) -> DocumentState | None:
    """The findings hover and code actions answer from, for the document's text as it is now:
    the last ones shown, carried through the changes since while the next check runs."""
    shown = ls.shown.get(uri)
    if shown is None:
        return None
    document = ls.workspace.get_text_document(uri)
    if shown.version == document.version and shown.text == document.source:
        return shown
    reached, changes = ls.changes.get(uri, (None, []))
    known = changes if reached == document.version else None  # else: edited unseen
    now = DocumentState(document.version, document.source)
    now.findings = carried(shown.findings, shown.lines, now.lines, known)
    tree = shown.tree if shown.tree is not None else shown.top
    if tree is not None and common_head(shown.lines, now.lines) >= _top_lines(tree, shown.lines):
        now.top = tree  # saves a parse of a large text on the event loop
    ls.shown[uri] = now  # the next request carries it on from here
    ls.changes[uri] = (document.version, [])
    return now


def _top_lines(tree: ast.Module, lines: list[str]) -> int:
    """The lines a fix's import is placed by (fixes/imports.py): the module's first run of
    imports, what comes before it, and the first line of the statement after it."""
    imported = False
    for statement in tree.body:
        if isinstance(statement, ast.Import | ast.ImportFrom):
            imported = True
        elif imported:
            return min([statement.lineno, *(d.lineno for d in _decorators(statement))])
    return len(lines) + 1  # none after the imports: the whole text


def saved(ls: HttpStatusServer, uri: str) -> None:
    ls.jobs.clear()  # a saved configuration file applies from now on
    schedule(ls, uri)


def closed(ls: HttpStatusServer, uri: str) -> None:
    ls.documents.pop(uri, None)
    ls.shown.pop(uri, None)
    ls.changes.pop(uri, None)
    ls.last_check.pop(uri, None)
    ls.checking.pop(uri, None)  # a running check's result is dropped
    ls.rerun.discard(uri)
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
                schedule(ls, other)


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


async def files_changed(ls: HttpStatusServer, uris: list[str]) -> bool:
    """Files changed on disk: a configuration file is read again (the options, the declared
    versions, the target Python), a module again by the project index, on a checker thread;
    and the open documents are checked again (on theirs) if that changes anything; whether
    it did."""
    configured = False
    modules = []
    for uri in uris:
        if not uri.startswith("file:"):
            continue
        path = _path(uri)
        if is_configuration(path):
            configured = True
        else:
            modules.append(path)
    if configured:
        forget_configuration()
        ls.jobs.clear()
    changed = bool(modules) and await ls.checker.submit(functools.partial(reread_all, modules))
    if changed or configured:
        for open_uri in list(ls.documents):
            schedule(ls, open_uri)
    return changed or configured


def reread_all(paths: list[Path]) -> bool:
    """The modules read again by the project indexes that cover them: whether what a project
    passes on changed."""
    changed = False
    with INDEX_LOCK:
        for path in paths:
            changed = reread(path) or changed
    return changed


# The handlers only pass the request on: the functions above and below hold the logic, and
# tests call them in-process (tests/test_lsp_units.py) as well as through a real client.
@server.feature(types.TEXT_DOCUMENT_DID_OPEN)
async def did_open(ls: HttpStatusServer, params: types.DidOpenTextDocumentParams) -> None:
    schedule(ls, params.text_document.uri)


@server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: HttpStatusServer, params: types.DidChangeTextDocumentParams) -> None:
    # Not a coroutine: the changes are recorded before the next request is answered.
    record(ls, params)
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
        if not finding.line - 1 <= line_number <= finding.end_line - 1:
            continue  # cheaply out of range, before the columns are converted
        span = to_range(state.lines, finding)
        rule = RULES.get(finding.code)  # None: the parse error shown while the text is typed
        if (
            rule is not None
            and (line_number != span.start.line or span.start.character <= character)
            and (line_number != span.end.line or character <= span.end.character)
        ):
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
    state = answering(ls, uri) or DocumentState()
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
    tree: ast.Module | None = None,
) -> types.CodeAction | None:
    """The fixes' own edits, and their imports' (never the whole document: a client keeps its
    cursor, folds and undo steps); `tree`: the text's, if known."""
    style = style_for(str(_path(uri))) if uri.startswith("file:") else ImportStyle()
    planned = plan(text, findings, tree=tree, style=style, unsafe=unsafe)
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


def _with_imports(
    state: DocumentState, base: DocumentState | None, findings: list[Finding]
) -> tuple[list[Finding], ast.Module | None]:
    """`findings` whose fixes can be offered, and the tree their imports are placed by: while
    the text does not parse (findings carried to a text being typed), no fix that needs an
    import."""
    if not any(f.fix is not None and f.fix.needs is not None for f in findings):
        return findings, state.tree
    tree = state.placing(base)
    if tree is None:
        return [f for f in findings if f.fix is None or f.fix.needs is None], None
    return findings, tree


def actions_for(ls: HttpStatusServer, params: types.CodeActionParams) -> list[types.CodeAction]:
    uri = params.text_document.uri
    return actions_from(uri, answering(ls, uri), ls.documents.get(uri), params.range)


def actions_from(
    uri: str, state: DocumentState | None, base: DocumentState | None, wanted: types.Range
) -> list[types.CodeAction]:
    """The code actions for `wanted` from the findings `state` holds (on any thread: nothing
    of the server's is read); `base`: the last text that parsed, to parse `state`'s from."""
    if state is None:
        return []
    lines = state.lines
    noqa = state.noqa
    actions: list[types.CodeAction] = []
    for finding in state.findings:
        if finding.end_line - 1 < wanted.start.line or finding.line - 1 > wanted.end.line:
            continue  # cheaply out of range, before the columns are converted
        if finding.code not in RULES:
            continue  # the parse error shown while the text is typed
        diagnostic = to_diagnostic(lines, finding)
        span = diagnostic.range
        if (span.end.line, span.end.character) < (wanted.start.line, wanted.start.character):
            continue
        if (span.start.line, span.start.character) > (wanted.end.line, wanted.end.character):
            continue
        fixable, tree = _with_imports(state, base, [finding])
        if finding.fix is not None and fixable:
            safe = finding.fix.safe
            action = _fix_action(
                uri,
                finding.fix.title + ("" if safe else " (unsafe fix)"),
                state.text,
                fixable,
                [diagnostic],
                unsafe=True,  # asked for by name
                tree=tree,
            )
            if action is not None:
                action.is_preferred = safe
                actions.append(action)
        noqa_action = _noqa_action(uri, noqa, finding, diagnostic)
        if noqa_action is not None:
            actions.append(noqa_action)
    fixable, tree = _with_imports(
        state, base, [f for f in state.findings if f.fix is not None and f.fix.safe]
    )
    if fixable:
        # Without the diagnostics it resolves (they are optional): on a large file, hundreds of
        # them would double what the client has to read.
        action = _fix_action(
            uri, "Fix all HTTP status findings in this file", state.text, fixable, [], False, tree
        )
        if action is not None:
            actions.append(action)
    return actions


@server.feature(types.INITIALIZED)
async def initialized(ls: HttpStatusServer, params: types.InitializedParams) -> None:
    await watch_files(ls)


@server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
async def did_change_watched_files(
    ls: HttpStatusServer, params: types.DidChangeWatchedFilesParams
) -> None:
    await files_changed(ls, [change.uri for change in params.changes])


@server.feature(types.TEXT_DOCUMENT_HOVER)
async def hover(ls: HttpStatusServer, params: types.HoverParams) -> types.Hover | None:
    return await with_route_row(ls, params, hover_for(ls, params))


async def with_route_row(
    ls: HttpStatusServer, params: types.HoverParams, found: types.Hover | None
) -> types.Hover | None:
    """On a route's decorator, the hover with the route's row of the route map added; the map
    is read on a thread of its own (frontends/route_hover.py), never on the event loop."""
    uri = params.text_document.uri
    state = ls.documents.get(uri)
    if state is None or not uri.startswith("file:"):
        return found
    loop = asyncio.get_running_loop()
    row = await loop.run_in_executor(
        None, route_hover, state.tree, _path(uri), params.position.line
    )
    if row is None:
        return found
    if found is not None and isinstance(found.contents, types.MarkupContent):
        row = f"{found.contents.value}\n\n---\n\n{row}"
    return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=row))


@server.feature(
    types.TEXT_DOCUMENT_CODE_ACTION,
    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
)
async def code_action(
    ls: HttpStatusServer, params: types.CodeActionParams
) -> list[types.CodeAction]:
    """Worked out on the ANSWER thread: a large file's fixes, and its tokens read for a noqa
    comment's place, take seconds, in which the event loop goes on reading edits and answering
    hover."""
    uri = params.text_document.uri
    state, base = answering(ls, uri), ls.documents.get(uri)
    work = functools.partial(actions_from, uri, state, base, params.range)
    return await ls.checker.submit(work, ANSWER)


def start() -> int:
    server.start_io()
    return 0
