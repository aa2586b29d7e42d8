"""Hostile and unlucky trees (issue 22): what is not a regular file, what cannot be read, a cache
that lies, writes that would leave the project. Nothing hangs, crashes or writes outside it.

A run that could hang runs in a subprocess with a timeout, so that a regression fails the test
instead of hanging the suite; one that could exhaust memory runs under an address-space limit.
"""

from __future__ import annotations

import errno
import os
import resource
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.project import index as project
from tests.conftest import isolate
from tests.test_bad_input import _run_unprivileged, shared_dir  # noqa: F401  (a fixture)

HELPER = (
    "from django.http import JsonResponse\n\n\n"
    "def error_response(message, status):\n"
    '    return JsonResponse({"error": message}, status=status)\n'
)
APP = 'from helpers import error_response\n\nerror_response("gone", 404)\n'
FINDING = (
    "app.py:3:24: HS101 magic status code 404 passed to error_response() (a status parameter):"
    " use HTTPStatus.NOT_FOUND (unsafe fix: the project's error_response() keeps the value as"
    " given; an HTTPStatus member's repr(), and str() before 3.11, show its name)"
)
TIMEOUT = 60


def helper_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project whose `app.py` has a finding only through the index (its helper module),
    made the current directory, with the cache where the project keeps it."""
    root = tmp_path / "tree"
    root.mkdir()
    isolate(root)
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    (root / "helpers.py").write_text(HELPER, encoding="utf-8")
    (root / "app.py").write_text(APP, encoding="utf-8")
    monkeypatch.chdir(root)
    monkeypatch.delenv(project.CACHE_ENV, raising=False)
    return root


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = helper_project(tmp_path, monkeypatch)
    project._INDEXES.clear()
    project._ROOTS.clear()
    yield root
    project._INDEXES.clear()
    project._ROOTS.clear()


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def spawn(root: Path, *args: str, memory: int | None = None) -> subprocess.CompletedProcess[str]:
    """A command in a fresh process; TimeoutExpired (a failure) if it hangs."""

    def limit() -> None:
        if memory is not None:
            resource.setrlimit(resource.RLIMIT_AS, (memory, memory))

    environment = {k: v for k, v in os.environ.items() if k != project.CACHE_ENV}
    return subprocess.run(
        [sys.executable, "-m", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=TIMEOUT,
        check=False,
        preexec_fn=limit,
        env=environment,
    )


def error_lines(err: str) -> list[str]:
    assert "Traceback" not in err
    return [line for line in err.splitlines() if line.startswith("flake8-httpstatus: ")]


# -- 1. only regular files are read ---------------------------------------------------------


def test_fifo_in_the_project_does_not_hang_check(tree: Path) -> None:
    (tree / "sub").mkdir()
    os.mkfifo(tree / "sub" / "x.py")
    done = spawn(tree, "flake8_httpstatus", "check", "app.py")
    assert (done.returncode, done.stdout.splitlines()[0], done.stderr) == (1, FINDING, "")
    done = spawn(tree, "flake8_httpstatus", "check", ".")
    assert done.stdout.splitlines()[0] == FINDING
    assert done.stderr == ""  # a FIFO found by the walk is not a Python file: skipped


def test_fifo_named_on_the_command_line_is_a_one_line_error(tree: Path) -> None:
    os.mkfifo(tree / "x.py")
    done = spawn(tree, "flake8_httpstatus", "check", "x.py", "app.py")
    assert done.returncode == 2
    assert done.stdout.splitlines()[0] == FINDING
    assert error_lines(done.stderr) == [
        "flake8-httpstatus: error: x.py: cannot read: not a regular file"
    ]


def test_fifo_does_not_hang_flake8(tree: Path) -> None:
    os.mkfifo(tree / "x.py")
    done = spawn(tree, "flake8", "--select", "HS", "--exclude", "x.py", ".")
    assert (done.returncode, done.stderr) == (1, "")
    assert done.stdout.splitlines() == [f"./{FINDING}"]


def test_symlink_to_dev_zero_is_not_read(tree: Path) -> None:
    (tree / "zero.py").symlink_to("/dev/zero")
    done = spawn(tree, "flake8_httpstatus", "check", "app.py", memory=1 << 30)
    assert (done.returncode, done.stdout.splitlines()[0], done.stderr) == (1, FINDING, "")


def test_index_reads_no_more_than_its_cap(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project, "MAX_FILE_BYTES", len(HELPER) - 1)
    code, out, err = cli(capsys, "check", "app.py")
    assert code == 0
    assert out == ""
    assert error_lines(err) == [
        f"flake8-httpstatus: warning: helpers.py: larger than {len(HELPER) - 1} bytes; not indexed"
    ]
    project._INDEXES.clear()
    cli(capsys, "check", "app.py")
    assert capsys.readouterr().err == ""  # said once per process


def test_index_walk_honours_exclude(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli(capsys, "check", "app.py")[1].splitlines()[0] == FINDING
    project._INDEXES.clear()
    code, out, _ = cli(capsys, "check", "--exclude", "helpers.py", "app.py")
    assert (code, out) == (0, "")


def test_flake8_exclude_reaches_the_index(tree: Path) -> None:
    done = spawn(tree, "flake8", "--select", "HS", "--exclude", "helpers.py", "app.py")
    assert (done.returncode, done.stdout, done.stderr) == (0, "", "")


# -- 2. unreadable parts are skipped, not fatal -----------------------------------------------


@pytest.mark.parametrize("command", [["fix"], ["fix", "--diff"], ["check", "--fix"]])
def test_unreadable_directory_in_the_package_scan(
    tree: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    # Root reads any directory: the refusal is simulated where a path below `pgdata` is looked at.
    (tree / "pgdata").mkdir()
    real_stat = os.stat

    def stat(path: object, *args: object, **kwargs: object) -> os.stat_result:
        if "pgdata" in Path(os.fsdecode(path)).parts[-2:-1]:  # type: ignore[arg-type]
            raise PermissionError(errno.EACCES, "Permission denied", path)
        return real_stat(path, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "stat", stat)
    # The helper keeps what it is given: naming its status is an unsafe fix.
    _, out, err = cli(capsys, *command, "--unsafe-fixes", "app.py")
    monkeypatch.undo()
    assert error_lines(err) == []
    fixed = out if "--diff" in command else (tree / "app.py").read_text(encoding="utf-8")
    assert "HTTPStatus.NOT_FOUND" in fixed


@pytest.mark.parametrize("cookie", ["punycode", "undefined"])
def test_encoding_cookie_that_cannot_decode(
    tree: Path, capsys: pytest.CaptureFixture[str], cookie: str
) -> None:
    (tree / "bad.py").write_bytes(f"# coding: {cookie}\nx = 1\n".encode())
    code, out, err = cli(capsys, "check", ".")
    assert code == 2
    assert out.splitlines()[0] == FINDING
    [line] = error_lines(err)
    assert line.startswith(f"flake8-httpstatus: error: bad.py: cannot decode as {cookie}")


# -- 4. writes stay inside the project and its cache -------------------------------------------


def test_dangling_gitignore_link_is_not_followed(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "outside" / "planted"
    (tmp_path / "outside").mkdir()
    (tree / project.CACHE_DIR).mkdir()
    (tree / project.CACHE_DIR / ".gitignore").symlink_to(target)
    assert cli(capsys, "check", "app.py")[1].splitlines()[0] == FINDING
    assert not target.exists()
    ignore = tree / project.CACHE_DIR / ".gitignore"
    assert not ignore.is_symlink()
    assert ignore.read_text(encoding="utf-8").endswith("*\n")


def test_symlinked_cache_directory_is_not_written_through(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (tree / project.CACHE_DIR).symlink_to(elsewhere, target_is_directory=True)
    code, out, err = cli(capsys, "check", "app.py")
    assert (code, out.splitlines()[0]) == (1, FINDING)
    assert list(elsewhere.iterdir()) == []
    assert error_lines(err) == [
        f"flake8-httpstatus: warning: cache directory {tree.resolve() / project.CACHE_DIR}:"
        " a symbolic link; not caching"
    ]


@pytest.mark.parametrize("configured", [".", "..", "./"])
def test_cache_directory_at_or_above_the_root_is_refused(
    tree: Path, capsys: pytest.CaptureFixture[str], configured: str
) -> None:
    (tree / "pyproject.toml").write_text(
        f'[tool.flake8-httpstatus]\ncache-dir = "{configured}"\n', encoding="utf-8"
    )
    code, out, err = cli(capsys, "check", "app.py")
    assert (code, out.splitlines()[0]) == (1, FINDING)
    assert not (tree / ".gitignore").exists()
    assert not (tree.parent / ".gitignore").exists()
    [line] = error_lines(err)
    assert line.startswith("flake8-httpstatus: error: cache directory ")
    assert line.endswith(": the project root or above it; not caching")


def test_empty_gitignore_is_rewritten(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tree / project.CACHE_DIR).mkdir()
    (tree / project.CACHE_DIR / ".gitignore").write_bytes(b"")  # a full disk, earlier
    cli(capsys, "check", "app.py")
    assert (tree / project.CACHE_DIR / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


# -- 3. the cache is untrusted -------------------------------------------------------------------


def cache_file(root: Path) -> Path:
    (written,) = (root / project.CACHE_DIR).glob("facts-*.marshal")
    return written


def test_every_byte_flip_of_the_cache_changes_nothing(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cold = cli(capsys, "check", "app.py")
    written = cache_file(tree)
    data = written.read_bytes()
    step = max(1, len(data) // 150)
    for position in range(0, len(data), step):
        for flip in (0x01, 0x80):
            written.write_bytes(
                data[:position] + bytes([data[position] ^ flip]) + data[position + 1 :]
            )
            project._INDEXES.clear()
            assert cli(capsys, "check", "app.py") == cold, (position, flip)


def test_cache_with_wrong_types_is_rebuilt(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from flake8_httpstatus.project import cache

    cold = cli(capsys, "check", "app.py")
    written = cache_file(tree)
    entries = cache.read(written)
    key, digest, facts = entries["helpers.py"]
    assert facts is not None
    wrong: list[dict[str, object]] = [
        {**facts, "callables": [[1] * 10]},
        {**facts, "callables": [[*facts["callables"][0][:6], {"status": "nonsense"}, [], [], []]]},
        {**facts, "callables": [[*facts["callables"][0][:6], {"nowhere": "response"}, [], [], []]]},
        {**facts, "classes": "not a list"},
        {**facts, "aliases": {"a": 1}},
        {k: v for k, v in facts.items() if k != "stars"},
    ]
    for bad in wrong:
        cache.write(written, tree.resolve(), {**entries, "helpers.py": (key, digest, bad)})
        project._INDEXES.clear()
        assert cli(capsys, "check", "app.py") == cold, bad


def test_stale_cache_with_matching_size_and_mtime_is_not_trusted(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # As a cache shipped in a tarball beside files of the same sizes and modification times.
    assert cli(capsys, "check", "app.py")[1].splitlines()[0] == FINDING
    helpers = tree / "helpers.py"
    before = helpers.stat()
    changed = HELPER.replace("status=status", "status=200000")
    assert len(changed) == len(HELPER)
    helpers.write_text(changed, encoding="utf-8")
    os.utime(helpers, ns=(before.st_atime_ns, before.st_mtime_ns))
    project._INDEXES.clear()
    assert cli(capsys, "check", "app.py")[:2] == (0, "")


# -- 6. no lost update -------------------------------------------------------------------------

SIMPLE = "from flask import abort\n\nabort(404)\n"


def test_append_during_the_write_is_not_lost(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    app = tree / "simple.py"
    app.write_text(SIMPLE, encoding="utf-8")
    real_fsync = os.fsync

    def fsync(descriptor: int) -> None:
        # Another process appends while the fixed text goes to disk.
        with app.open("a", encoding="utf-8") as stream:
            stream.write("# appended meanwhile\n")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", fsync)
    code, _, err = cli(capsys, "fix", "simple.py")
    monkeypatch.undo()
    assert code == 2
    assert "Fixed" not in err
    assert error_lines(err) == [
        "flake8-httpstatus: error: simple.py: changed on disk while being fixed; not written"
    ]
    assert app.read_text(encoding="utf-8") == SIMPLE + "# appended meanwhile\n"
    assert [path.name for path in tree.iterdir() if path.suffix == ".tmp"] == []


def test_temporary_files_of_a_killed_run_are_removed(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "simple.py").write_text(SIMPLE, encoding="utf-8")
    stale = tree / ".simple.py.k1ll3d_x.tmp"
    fresh = tree / ".simple.py.running.tmp"  # another run's, being written right now
    unrelated = tree / ".notes.tmp"
    for path in (stale, fresh, unrelated):
        path.write_text("half", encoding="utf-8")
    os.utime(stale, (0, 0))
    os.utime(unrelated, (0, 0))
    cli(capsys, "fix", "simple.py")
    assert "HTTPStatus" in (tree / "simple.py").read_text(encoding="utf-8")
    assert (stale.exists(), fresh.exists(), unrelated.exists()) == (False, True, True)
    # The cache's, likewise.
    written = cache_file(tree)
    left = written.with_name(f".{written.name}.k1ll3d.tmp")
    left.write_bytes(b"half")
    os.utime(left, (0, 0))
    (tree / "helpers.py").write_text(HELPER + "\n", encoding="utf-8")  # the cache is rewritten
    project._INDEXES.clear()
    cli(capsys, "check", "app.py")
    assert not left.exists()


# -- 5. fix keeps files as files ---------------------------------------------------------------


def test_symlinked_module_inside_the_project_fixes_its_target(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "real.py").write_text(SIMPLE, encoding="utf-8")
    (tree / "link.py").symlink_to("real.py")
    code, _, err = cli(capsys, "fix", "link.py")
    assert (code, error_lines(err)) == (1, [])
    assert os.readlink(tree / "link.py") == "real.py"
    assert "HTTPStatus.NOT_FOUND" in (tree / "real.py").read_text(encoding="utf-8")


def test_symlinked_module_outside_the_project_is_refused(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.py"
    outside.write_text(SIMPLE, encoding="utf-8")
    (tree / "link.py").symlink_to(outside)
    code, _, err = cli(capsys, "fix", "link.py")
    assert code == 2
    assert error_lines(err) == [
        "flake8-httpstatus: error: link.py: a symbolic link to a file outside the project;"
        " not written"
    ]
    assert (tree / "link.py").is_symlink()
    assert outside.read_text(encoding="utf-8") == SIMPLE


def test_hard_links_stay_linked(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = tree / "simple.py"
    app.write_text(SIMPLE, encoding="utf-8")
    other = tmp_path / "other-name.py"
    os.link(app, other)
    cli(capsys, "fix", "simple.py")
    assert app.stat().st_ino == other.stat().st_ino
    assert "HTTPStatus.NOT_FOUND" in other.read_text(encoding="utf-8")


@pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file to another user")
def test_owner_group_and_setuid_are_kept(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = tree / "simple.py"
    app.write_text(SIMPLE, encoding="utf-8")
    os.chown(app, 65534, 65534)
    app.chmod(0o4755)
    cli(capsys, "fix", "simple.py")
    status = app.stat()
    assert "HTTPStatus" in app.read_text(encoding="utf-8")
    assert (status.st_uid, status.st_gid, status.st_mode & 0o7777) == (65534, 65534, 0o4755)


def test_extended_attributes_are_kept(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    app = tree / "simple.py"
    app.write_text(SIMPLE, encoding="utf-8")
    try:
        os.setxattr(app, "user.origin", b"review")
    except OSError:
        pytest.skip("no user extended attributes on this file system")
    cli(capsys, "fix", "simple.py")
    assert "HTTPStatus" in app.read_text(encoding="utf-8")
    assert os.getxattr(app, "user.origin") == b"review"


def test_read_only_file_is_left_alone_even_as_root(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    app = tree / "simple.py"
    app.write_text(SIMPLE, encoding="utf-8")
    app.chmod(0o444)
    code, _, err = cli(capsys, "fix", "simple.py")
    assert code == 2
    assert error_lines(err) == [
        "flake8-httpstatus: error: simple.py: cannot write: the file is read-only; not written"
    ]
    assert app.read_text(encoding="utf-8") == SIMPLE


# -- 7. columns are the tokenizer's --------------------------------------------------------------

# Characters `str.splitlines` breaks at but Python does not, before the literal on its line.
ODD = 'from flask import abort\n\nnote = "\x0c\x1c\x1d\x1e\x85\u2028\u2029"; abort(404)\n'
ODD_LINE = ODD.split("\n")[2]
ODD_COLUMN = ODD_LINE.index("404") + 1  # 1-based, code points (= UTF-16 units here)


def test_columns_after_odd_characters_text_json_sarif(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    (tree / "odd.py").write_text(ODD, encoding="utf-8", newline="")
    out = cli(capsys, "check", "odd.py")[1]
    assert out.splitlines()[0].startswith(f"odd.py:3:{ODD_COLUMN}: HS101")
    [found] = json.loads(cli(capsys, "check", "--format", "json", "odd.py")[1])
    assert (found["line"], found["column"]) == (3, ODD_COLUMN)
    [edit] = [e for e in found["fix"]["edits"] if "NOT_FOUND" in e["content"]]
    assert edit["location"] == {"row": 3, "column": ODD_COLUMN}
    assert edit["end_location"] == {"row": 3, "column": ODD_COLUMN + 3}
    sarif = json.loads(cli(capsys, "check", "--format", "sarif", "odd.py")[1])
    [result] = sarif["runs"][0]["results"]
    region = result["locations"][0]["physicalLocation"]["region"]
    assert (region["startLine"], region["startColumn"]) == (3, ODD_COLUMN)
    diff = cli(capsys, "fix", "--diff", "odd.py")[1]
    assert "No newline at end of file" not in diff
    assert f"+{ODD_LINE.replace('404', 'HTTPStatus.NOT_FOUND')}\n" in diff


def test_columns_after_odd_characters_language_server() -> None:
    import ast

    from flake8_httpstatus.config.settings import Settings
    from flake8_httpstatus.frontends.lsp import DocumentState, hover_text, to_diagnostic
    from flake8_httpstatus.frontends.runner import Job, Selection, visible
    from flake8_httpstatus.rules import check

    findings = visible(
        check(ast.parse(ODD), Settings(), None), ODD, Job(Settings(), Selection()).selection
    )
    state = DocumentState(text=ODD, findings=findings)
    [diagnostic] = [to_diagnostic(state.lines, f) for f in findings if f.code == "HS101"]
    start = diagnostic.range.start
    assert (start.line, start.character) == (2, ODD_COLUMN - 1)
    hover = hover_text(state, 2, ODD_COLUMN, state.lines[2])
    assert hover is not None
    assert "HS101" in hover


# -- done-when extras ----------------------------------------------------------------------------


def test_sarif_uris_are_percent_encoded(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    (tree / "my app #1 100%.py").write_text(SIMPLE, encoding="utf-8")
    sarif = json.loads(cli(capsys, "check", "--format", "sarif", "my app #1 100%.py")[1])
    [result] = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20app%20%231%20100%25.py"
    absolute = tree / "my app #1 100%.py"
    sarif = json.loads(cli(capsys, "check", "--format", "sarif", str(absolute))[1])
    [result] = sarif["runs"][0]["results"]
    uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == absolute.as_uri()


def test_jobs_never_start_more_workers_than_files(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from concurrent.futures import ProcessPoolExecutor

    from flake8_httpstatus.frontends import runner

    started: list[int | None] = []

    class Recording(ProcessPoolExecutor):
        def __init__(self, max_workers: int | None = None) -> None:
            started.append(max_workers)
            super().__init__(max_workers)

    monkeypatch.setattr(runner, "ProcessPoolExecutor", Recording)
    (tree / "simple.py").write_text(SIMPLE, encoding="utf-8")
    cli(capsys, "check", "--jobs", "16", "app.py", "simple.py")
    assert started == [2]


# -- 9. one answer per module --------------------------------------------------------------------

NOT_PASSED = HELPER.replace('{"error": message}, status=status', '{"error": message, "s": status}')


@pytest.mark.parametrize("copy", ["vendor/helpers.py", "nested/project/helpers.py"])
def test_a_copy_of_a_module_elsewhere_lends_nothing(
    tree: Path, capsys: pytest.CaptureFixture[str], copy: str
) -> None:
    # The module `helpers` that app.py imports does not pass its status on; a copy of the
    # same dotted name elsewhere in the tree does.
    (tree / "helpers.py").write_text(NOT_PASSED, encoding="utf-8")
    (tree / copy).parent.mkdir(parents=True)
    (tree / copy).write_text(HELPER, encoding="utf-8")
    assert cli(capsys, "check", "app.py")[:2] == (0, "")


def test_a_nested_project_has_its_own_answer(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tree / "helpers.py").write_text(NOT_PASSED, encoding="utf-8")
    nested = tree / "nested"
    nested.mkdir()
    (nested / "pyproject.toml").write_text("", encoding="utf-8")
    (nested / "helpers.py").write_text(HELPER, encoding="utf-8")
    (nested / "app.py").write_text(APP, encoding="utf-8")
    assert cli(capsys, "check", "app.py")[:2] == (0, "")
    assert cli(capsys, "check", "nested/app.py")[0] == 1


def test_flake8_finds_a_helper_with_a_short_name(tree: Path) -> None:
    (tree / "tools.py").write_text(
        "from flask import abort\n\n\ndef fail(code):\n    abort(code)\n", encoding="utf-8"
    )
    (tree / "short.py").write_text("from tools import fail\n\nfail(404)\n", encoding="utf-8")
    done = spawn(tree, "flake8", "--select", "HS", "short.py")
    checked = spawn(tree, "flake8_httpstatus", "check", "short.py")
    assert checked.stdout.startswith("short.py:3:6: HS101")
    assert done.stdout.startswith("short.py:3:6: HS101")


def test_an_index_too_large_says_so_once(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(project, "MAX_FILES", 1)
    code, out, err = cli(capsys, "check", "app.py", "helpers.py")
    assert (code, out) == (0, "")
    assert error_lines(err) == [
        f"flake8-httpstatus: warning: {tree.resolve()}: more than 1 Python files;"
        " the project index is off (helpers in other modules are not followed)"
    ]


def test_language_server_applies_edits_on_pythons_lines() -> None:
    from lsprotocol import types
    from pygls.workspace import TextDocument

    import flake8_httpstatus.frontends.lsp  # noqa: F401  (the server's documents)

    document = TextDocument(
        "file:///x.py", 'a = "\u2028"\nb = 1\n', sync_kind=types.TextDocumentSyncKind.Incremental
    )
    start, end = types.Position(1, 0), types.Position(1, 1)
    document.apply_change(
        types.TextDocumentContentChangePartial(range=types.Range(start, end), text="c")
    )
    assert document.source == 'a = "\u2028"\nc = 1\n'


def test_fifo_in_place_of_the_cache_file_does_not_hang(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cli(capsys, "check", "app.py")
    written = cache_file(tree)
    written.unlink()
    os.mkfifo(written)
    done = spawn(tree, "flake8_httpstatus", "check", "app.py")
    assert (done.returncode, done.stdout.splitlines()[0], done.stderr) == (1, FINDING, "")


CONFIG_NAMES = (
    "setup.cfg",
    "tox.ini",
    ".flake8",
    ".python-version",
    "requirements.txt",
    "poetry.lock",
    ".isort.cfg",
    "ruff.toml",
)


def test_fifos_in_place_of_configuration_files_do_not_hang(tree: Path) -> None:
    for name in CONFIG_NAMES:
        (tree / name).unlink(missing_ok=True)
        os.mkfifo(tree / name)
    done = spawn(tree, "flake8_httpstatus", "check", "app.py")
    assert (done.returncode, done.stdout.splitlines()[0]) == (1, FINDING)
    assert "Traceback" not in done.stderr
    done = spawn(tree, "flake8_httpstatus", "fix", "--diff", "--unsafe-fixes", "app.py")
    assert '+error_response("gone", HTTPStatus.NOT_FOUND)' in done.stdout
    assert "Traceback" not in done.stderr


@pytest.mark.slow
@pytest.mark.parametrize("command", [["fix"], ["fix", "--diff"], ["check", "--fix"]])
def test_unreadable_directory_in_the_package_scan_for_real(
    shared_dir: Path,  # noqa: F811  (the fixture imported above)
    command: list[str],
) -> None:
    # As `nobody` (tests/test_bad_input.py's setup), beside a volume it cannot look into.
    (shared_dir / "pyproject.toml").write_text("", encoding="utf-8")
    (shared_dir / "app.py").write_text(SIMPLE, encoding="utf-8")
    volume = shared_dir / "pgdata"
    volume.mkdir()
    volume.chmod(0o000)  # each run gives the tree to `nobody`: the mode is what refuses
    done = _run_unprivileged(shared_dir, *command, "app.py")
    assert error_lines(done.stderr) == []
    fixed = done.stdout if "--diff" in command else (shared_dir / "app.py").read_text("utf-8")
    assert "HTTPStatus.NOT_FOUND" in fixed
