"""The project index: helpers, classes and base classes of one module known in the others, the
same findings from every front end and whatever files are named, and a cache that changes
nothing but the time taken.

The project is tests/fixtures/project, copied to a temporary directory (the cache is written
beside it); the expected findings are written beside its code as in tests/fixtures/checks."""

from __future__ import annotations

import argparse
import hashlib
import json
import marshal
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Set as AbstractSet
from pathlib import Path
from typing import Any

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_httpstatus import __version__
from flake8_httpstatus.analysis import inference
from flake8_httpstatus.config.options import OPTIONS
from flake8_httpstatus.config.settings import Settings, parse_cache_dir, parse_extra_sinks
from flake8_httpstatus.frontends.plugin import Plugin
from flake8_httpstatus.frontends.runner import Job, Selection, process, run
from flake8_httpstatus.project import cache as cache_file
from flake8_httpstatus.project import index as project
from flake8_httpstatus.project.index import ProjectIndex, find_root, module_of
from flake8_httpstatus.rules.candidates import Candidates
from tests.expectations import read_fixture

FIXTURE = Path(__file__).parent / "fixtures" / "project"
JOB = Job(Settings(), Selection(), "check")
Found = set[tuple[str, int, int, str]]


@pytest.fixture
def shop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "shop-project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".httpstatus_cache"))
    monkeypatch.delenv(project.CACHE_ENV, raising=False)
    project._INDEXES.clear()
    project._ROOTS.clear()
    return root


def files(root: Path) -> list[Path]:
    return sorted(root.rglob("*.py"))


def expected(root: Path) -> Found:
    found: Found = set()
    for path in files(root):
        items, _ = read_fixture(path)
        found |= {(path.relative_to(root).as_posix(), e.line, e.col, e.code) for e in items}
    return found


def from_runner(root: Path, paths: list[Path], jobs: int = 1) -> Found:
    return {
        (Path(result.path).relative_to(root).as_posix(), f.line, f.col, f.code)
        for result in run([str(path) for path in paths], JOB, jobs)
        for f in result.findings
    }


def test_every_pattern_and_negative_has_an_expectation(shop: Path) -> None:
    want = expected(shop)
    assert {name for name, *_ in want} == {
        "shop/views.py",
        "shop/api/errors.py",
        "shop/api/responses.py",
        "shop/api/relative.py",  # a helper module imported as `from . import responses`
        "shoptests/orders.py",
        "shop/resources/orders.py",  # a view class through a base in another module
        "shoptests/pages.py",  # Django's assertions through a base in another module
        "shoptests/inline.py",  # local helpers and classes, status aliases, loop tables
        "shoptests/conftest.py",  # a fixture's params, read in another module's tests
        "shop/tests/conftest.py",  # a package's fixture, read by the package's tests only
        "shoptests/returned.py",  # a base class's helpers returning a status tuple, a response
        "shop/web/handlers.py",  # a module-level alias of Tornado's error, imported renamed
    }
    assert from_runner(shop, files(shop)) == want


def test_one_file_named_gives_what_the_tree_gives(shop: Path) -> None:
    want = expected(shop)
    for path in files(shop):
        name = path.relative_to(shop).as_posix()
        project._INDEXES.clear()  # a fresh process, as pre-commit runs on changed files
        assert from_runner(shop, [path]) == {item for item in want if item[0] == name}, name


def test_jobs(shop: Path) -> None:
    assert from_runner(shop, files(shop), jobs=2) == expected(shop)


def test_outside_the_project_only_the_file_itself_counts(shop: Path, tmp_path: Path) -> None:
    """Without the index, the view's helpers are unknown: nothing is inferred across files."""
    loose = tmp_path / "loose"
    loose.mkdir()
    shutil.copy(shop / "shop" / "views.py", loose / "views.py")
    assert find_root(loose) is None
    assert process(str(loose / "views.py"), JOB).findings == []


def test_module_names(shop: Path) -> None:
    assert module_of(shop / "shop" / "api" / "errors.py") == ("shop.api.errors", False)
    assert module_of(shop / "shop" / "api" / "__init__.py") == ("shop.api", True)
    assert module_of(shop / "shoptests" / "orders.py") == ("orders", False)
    assert find_root(shop / "shop" / "api") == shop.resolve()


def test_module_names_of_namespace_packages_below_a_package(tmp_path: Path) -> None:
    """Given the root, a directory without `__init__.py` inside a package under it is a
    namespace package (`src/hub/data/source/views.py`, with `hub` and `hub/data` packages);
    one in no package (`tests/`, `scripts/`) keeps the file's own name."""
    for folder in ("src/hub/data/source", "tests/api"):
        (tmp_path / folder).mkdir(parents=True)
    for package in ("src/hub", "src/hub/data"):
        (tmp_path / package / "__init__.py").write_text("")
    views = tmp_path / "src/hub/data/source/views.py"
    assert module_of(views, tmp_path) == ("hub.data.source.views", False)
    assert module_of(views) == ("views", False)
    assert module_of(tmp_path / "tests/api/test_x.py", tmp_path) == ("test_x", False)


def test_cache_changes_nothing_but_time(
    shop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    want = expected(shop)
    assert from_runner(shop, files(shop)) == want  # cold: writes the cache
    cache = shop / project.CACHE_DIR
    (written,) = cache.glob("facts-*.marshal")
    assert (cache / ".gitignore").read_text(encoding="utf-8").endswith("*\n")
    entries = cache_file.read(written)
    assert entries["shop/views.py"][2] is not None  # re-exports only: kept as aliases
    project._INDEXES.clear()
    assert from_runner(shop, files(shop)) == want  # warm
    # The facts read from the cache share one empty list each field: nothing added to it.
    assert inference._READ_ONLY_EMPTY == []
    # Moved elsewhere, disabled, or deleted: the same findings.
    moved = tmp_path / "elsewhere"
    monkeypatch.setenv(project.CACHE_ENV, str(moved))
    project._INDEXES.clear()
    assert from_runner(shop, files(shop)) == want
    assert list(moved.glob("facts-*.marshal"))
    monkeypatch.setenv(project.CACHE_ENV, "")
    project._INDEXES.clear()
    assert from_runner(shop, files(shop)) == want
    monkeypatch.delenv(project.CACHE_ENV)
    shutil.rmtree(cache)
    project._INDEXES.clear()
    assert from_runner(shop, files(shop)) == want


def test_cache_folder_from_the_option(shop: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`httpstatus-cache-dir`: a folder relative to the project root, or `off`; the
    environment variable wins over it. The findings are the same each way."""

    def found(cache_dir: str) -> Found:
        job = Job(Settings(cache_dir=parse_cache_dir(cache_dir)), Selection(), "check")
        project._INDEXES.clear()
        return {
            (Path(r.path).relative_to(shop).as_posix(), f.line, f.col, f.code)
            for r in run([str(path) for path in files(shop)], job)
            for f in r.findings
        }

    want = expected(shop)
    assert found("build/hs-cache") == want
    assert list((shop / "build" / "hs-cache").glob("facts-*.marshal"))
    assert not (shop / project.CACHE_DIR).exists()
    assert found("false") == want
    assert not (shop / project.CACHE_DIR).exists()
    elsewhere = shop / "from-env"
    monkeypatch.setenv(project.CACHE_ENV, str(elsewhere))
    assert project.cache_dir_for(shop, "off") == elsewhere
    assert project.cache_dir_for(shop, "build/x") == elsewhere
    monkeypatch.delenv(project.CACHE_ENV)
    assert project.cache_dir_for(shop, "") == shop / project.CACHE_DIR
    assert project.cache_dir_for(shop, "/abs/dir") == Path("/abs/dir")
    assert parse_cache_dir(" None ") == parse_cache_dir("OFF") == "off"


def test_cache_is_invalidated_by_a_change(shop: Path) -> None:
    views = shop / "shop" / "views.py"
    assert any(code == "HS101" for *_, code in from_runner(shop, [views]))
    helpers = shop / "shop" / "api" / "responses.py"
    text = helpers.read_text(encoding="utf-8")
    # error_response no longer passes its status on: its callers' literals are not statuses.
    helpers.write_text(
        text.replace("status=status)", "status=HTTPStatus.OK)").replace(
            "from django", "from http import HTTPStatus\nfrom django"
        ),
        encoding="utf-8",
    )
    os.utime(helpers, ns=(0, helpers.stat().st_mtime_ns + 10**9))
    project._INDEXES.clear()
    lines = {line for _, line, _, _ in from_runner(shop, [views])}
    assert 8 not in lines  # error_response("login first", 401)
    assert 16 not in lines  # problem() reached the status through error_response


def test_a_corrupt_cache_is_ignored(shop: Path) -> None:
    from_runner(shop, files(shop))
    (written,) = (shop / project.CACHE_DIR).glob("facts-*.marshal")
    data = written.read_bytes()
    for corrupt in (
        b"{not marshal",
        data[: len(data) // 2],
        b"",
        marshal.dumps([1, 2]),
        data[: len(cache_file.MAGIC)] + marshal.dumps([1, 2]),
    ):
        written.write_bytes(corrupt)
        project._INDEXES.clear()
        assert from_runner(shop, files(shop)) == expected(shop)
    # Another version's cache is ignored, then replaced.
    payload = marshal.dumps({"format": (0, "0"), "files": {}})
    written.write_bytes(cache_file.MAGIC + hashlib.sha256(payload).digest() + payload)
    project._INDEXES.clear()
    assert from_runner(shop, files(shop)) == expected(shop)
    payload = written.read_bytes()[len(cache_file.MAGIC) + 32 :]
    assert marshal.loads(payload)["format"] == (cache_file.FACTS_FORMAT, __version__)


def test_an_open_document_replaces_the_saved_file(shop: Path) -> None:
    index = ProjectIndex.load(shop.resolve())
    helpers = shop / "shop" / "api" / "responses.py"
    text = helpers.read_text(encoding="utf-8")
    assert not index.update(helpers, text)  # as saved: nothing changes
    assert index.update(helpers, text.replace("status=status", "status=200"))
    assert not index.update(helpers, "def broken(:\n")  # while typing: the last good facts
    names = index.solved.sink_names()
    assert "error_response" not in names
    assert "ShopError" in names


def check_json(root: Path) -> list[dict[str, Any]]:
    """`check --format=json .` run in `root`: its findings."""
    result = subprocess.run(
        [sys.executable, "-m", "flake8_httpstatus", "check", "--format=json", "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    findings: list[dict[str, Any]] = json.loads(result.stdout)
    return findings


def flake8(root: Path, *args: str) -> Found:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=HS", *args],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode in (0, 1), result.stderr
    found: Found = set()
    for line in result.stdout.splitlines():
        name, line_number, column, message = line.split(":", 3)
        path = (root / name).resolve().relative_to(root.resolve()).as_posix()
        found.add((path, int(line_number), int(column) - 1, message.split()[0]))
    return found


@pytest.mark.slow
def test_flake8_one_file_tree_and_jobs(shop: Path) -> None:
    want = expected(shop)
    assert flake8(shop, "--jobs=1", ".") == want
    assert flake8(shop, "--jobs=2", ".") == want
    views = "shop/views.py"
    assert flake8(shop, "--jobs=1", views) == {item for item in want if item[0] == views}


@pytest.mark.slow
def test_cache_folder_in_the_config_files(shop: Path) -> None:
    """The option from `[flake8]` (flake8) and `[tool.flake8-httpstatus]` (`check`)."""
    (shop / ".flake8").write_text("[flake8]\nhttpstatus-cache-dir = .cache/hs\n", "utf-8")
    assert flake8(shop, ".") == expected(shop)
    assert list((shop / ".cache" / "hs").glob("facts-*.marshal"))
    assert not (shop / project.CACHE_DIR).exists()
    pyproject = shop / "pyproject.toml"
    text = pyproject.read_text(encoding="utf-8")
    pyproject.write_text(text + "\n[tool.flake8-httpstatus]\ncache-dir = false\n", "utf-8")
    assert len(check_json(shop)) == len(expected(shop))
    assert not (shop / project.CACHE_DIR).exists()


@pytest.mark.slow
def test_check_command(shop: Path) -> None:
    got = {
        (Path(item["filename"]).as_posix(), item["line"], item["column"] - 1, item["code"])
        for item in check_json(shop)
    }
    assert got == expected(shop)


async def _opened(client: LanguageClient, path: Path) -> str:
    uri = path.as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=path.read_text(encoding="utf-8")
            )
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def _lines(client: LanguageClient, uri: str) -> set[tuple[int, int, str]]:
    return {
        (d.range.start.line + 1, d.range.start.character, str(d.code))
        for d in client.diagnostics[uri]
    }


@pytest.mark.slow
async def test_language_server_sees_an_edited_helper(
    client: LanguageClient, tmp_path: Path
) -> None:
    root = tmp_path / "shop-project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".httpstatus_cache"))
    views, helpers = root / "shop" / "views.py", root / "shop" / "api" / "responses.py"
    views_uri = await _opened(client, views)
    want = {
        (line, col, code) for name, line, col, code in expected(root) if name == "shop/views.py"
    }
    assert _lines(client, views_uri) == want  # columns: ASCII, so UTF-16 and bytes agree
    helpers_uri = await _opened(client, helpers)
    # Unsaved: error_response stops passing its status on; the open view is checked again.
    text = helpers.read_text(encoding="utf-8").replace("status=status)", "status=200)")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=helpers_uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )
    for _ in range(3):
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if 8 not in {line for line, _, _ in _lines(client, views_uri)}:
            break
    lines = {line for line, _, _ in _lines(client, views_uri)}
    assert 8 not in lines
    assert 16 not in lines
    assert 10 in lines  # ShopError still takes a status


@pytest.mark.slow
async def test_language_server_gives_the_files_findings(
    client: LanguageClient, tmp_path: Path
) -> None:
    """The local helpers, aliases, loop tables and fixture params as the other front ends
    report them: a conftest.py's params are read through tests in other modules."""
    root = tmp_path / "shop-project"
    shutil.copytree(FIXTURE, root, ignore=shutil.ignore_patterns(".httpstatus_cache"))
    want = expected(root)
    for name in ("shoptests/inline.py", "shoptests/conftest.py", "shop/tests/conftest.py"):
        uri = await _opened(client, root / name)
        assert _lines(client, uri) == {
            (line, col, code) for n, line, col, code in want if n == name
        }


def test_fix_on_one_file_uses_the_project(shop: Path) -> None:
    views = shop / "shop" / "views.py"
    # The project's own helper keeps what it is given: naming its status is an unsafe fix.
    assert run([str(views)], Job(Settings(), Selection(), "diff"))[0].diff == ""
    (result,) = run([str(views)], Job(Settings(), Selection(), "diff", unsafe_fixes=True))
    assert '-        return error_response("login first", 401)' in result.diff
    assert '+        return error_response("login first", HTTPStatus.UNAUTHORIZED)' in result.diff


def test_declared_sinks_count_in_the_index(tmp_path: Path) -> None:
    """A helper around a callable declared with httpstatus-extra-sinks is a sink across
    modules too: the index reads the modules with the same declarations as the check."""
    (tmp_path / "setup.py").write_text("", encoding="utf-8")
    (tmp_path / "helpers.py").write_text(
        "from legacylib import make_legacy\n\n\ndef legacy(body, code):\n"
        "    return make_legacy(body, code)\n",
        encoding="utf-8",
    )
    (tmp_path / "views.py").write_text(
        'from helpers import legacy\n\nlegacy("x", 404)\n', encoding="utf-8"
    )
    declared = Settings(extra_sinks=parse_extra_sinks("legacylib:make_legacy:code@1"))
    project._INDEXES.clear()
    (result,) = run([str(tmp_path / "views.py")], Job(declared, Selection(), "check"))
    assert [(f.line, f.code) for f in result.findings] == [(3, "HS101")]
    project._INDEXES.clear()
    (result,) = run([str(tmp_path / "views.py")], JOB)
    assert result.findings == []


def test_the_walk_finds_what_os_walk_finds(tmp_path: Path) -> None:
    for name in ("a.py", "b.txt", "pkg/__init__.py", "pkg/z.py", "pkg/m.py", "x.egg-info/s.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    for skipped in (".venv", "node_modules", project.CACHE_DIR, "build"):
        (tmp_path / skipped).mkdir()
        (tmp_path / skipped / "s.py").write_text("", encoding="utf-8")
    (tmp_path / "dir.py").mkdir()
    (tmp_path / "dir.py" / "inner.py").write_text("", encoding="utf-8")
    (tmp_path / "linked").symlink_to(tmp_path / "pkg", target_is_directory=True)
    (tmp_path / "linked.py").symlink_to(tmp_path / "a.py")
    want: list[Path] = []
    for directory, dirs, names in os.walk(tmp_path):
        dirs[:] = sorted(
            d for d in dirs if d not in project.SKIPPED_DIRS and not d.endswith(".egg-info")
        )
        want.extend(Path(directory, name) for name in sorted(names) if name.endswith(".py"))
    found = project._python_files(tmp_path)
    assert found == [(path.relative_to(tmp_path).as_posix(), str(path)) for path in want]
    assert [relative for relative, _ in found or ()] == [
        "a.py",
        "linked.py",
        "dir.py/inner.py",
        "pkg/__init__.py",
        "pkg/m.py",
        "pkg/z.py",
    ]


def test_flake8_options_solve_the_index_before_the_workers_fork(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """flake8 forks its workers after parse_options: each inherits the solved index instead
    of reading and solving its own."""
    monkeypatch.setattr(Plugin, "settings", Plugin.settings)
    monkeypatch.setattr(Plugin, "reported", Plugin.reported)
    values = {option.name.replace("-", "_"): option.parse(option.default) for option in OPTIONS}
    Plugin.parse_options(argparse.Namespace(**values, filenames=[str(shop / "shoptests")]))
    index = project._INDEXES[shop.resolve(), (), ()]
    assert index._solved is not None
    assert index._names is not None


def test_a_run_reads_the_names_it_solved_for_these_files(shop: Path) -> None:
    """The callables' names are stored beside the facts they were solved from: the next run's
    `mentions` reads them and the project is solved only when a file is checked."""
    first = ProjectIndex.load(shop)
    assert first.mentions("error_response(400)")
    assert not first.mentions("nothing_here()")
    again = ProjectIndex.load(shop)
    assert again._names is not None
    assert again.mentions("error_response(400)")
    assert not again.mentions("nothing_here()")
    assert again._solved is None


def test_the_facts_digest_is_stored_and_read_while_the_files_are_unchanged(shop: Path) -> None:
    made = ProjectIndex.load(shop).facts_digest
    written = next((shop / project.CACHE_DIR).glob("facts-*.marshal"))
    stored = cache_file.read_all(written)
    assert stored.digest == (cache_file.entries_key(stored.entries), made)
    again = ProjectIndex.load(shop)
    assert again._digest == made  # read, not made again
    for bad in [("0" * 64, "1" * 64), (stored.digest[0], "short"), (stored.digest[0], 1)]:
        cache_file.write(written, shop.resolve(), stored.entries, None, bad)  # type: ignore[arg-type]
        index = ProjectIndex.load(shop)
        assert index.facts_digest == made  # made again from the facts, and stored
        assert cache_file.read_all(written).digest == stored.digest


def test_stored_names_of_other_files_or_of_the_wrong_shape_are_solved_again(shop: Path) -> None:
    ProjectIndex.load(shop).mentions("")
    written = next((shop / project.CACHE_DIR).glob("facts-*.marshal"))
    entries, names, _ = cache_file.read_all(written)
    assert names is not None
    for bad in [("0" * 64, ["nothing_here"]), (names[0], [1]), (names[0][:10], names[1])]:
        cache_file.write(written, shop.resolve(), entries, bad)  # type: ignore[arg-type]
        index = ProjectIndex.load(shop)
        assert index._names is None
        assert not index.mentions("nothing_here()")
        assert index._solved is not None
    # What a file's change makes stale is solved again.
    helpers = next(path for path in files(shop) if "def error_response" in path.read_text())
    helpers.write_text(helpers.read_text().replace("def error_response", "def nothing_here"))
    index = ProjectIndex.load(shop)
    assert index._names is None
    assert index.mentions("nothing_here()")


def test_one_file_named_to_flake8_is_not_solved_before_it_is_checked(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(Plugin, "settings", Plugin.settings)
    monkeypatch.setattr(Plugin, "reported", Plugin.reported)
    values = {option.name.replace("-", "_"): option.parse(option.default) for option in OPTIONS}
    empty = shop / "empty.py"
    empty.write_text("")
    for _ in range(2):  # the first, with no cache yet, solves and stores the names
        project._INDEXES.clear()
        Plugin.parse_options(argparse.Namespace(**values, filenames=[str(empty)]))
    index = project._INDEXES[shop.resolve(), (), ()]
    assert index._names is not None
    assert index._solved is None


def test_flake8_options_freeze_what_is_loaded_once_per_process(
    shop: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The tables and the index are left out of the collector's passes; a long-lived flake8
    (parse_options at each run) freezes only the first time, so no later run's garbage is
    pinned."""
    import gc

    monkeypatch.setattr(Plugin, "settings", Plugin.settings)
    monkeypatch.setattr(Plugin, "reported", Plugin.reported)
    monkeypatch.setattr(Plugin, "frozen", False)
    frozen: list[None] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(None))
    values = {option.name.replace("-", "_"): option.parse(option.default) for option in OPTIONS}
    for _ in range(2):
        Plugin.parse_options(argparse.Namespace(**values, filenames=[str(shop / "shoptests")]))
    assert len(frozen) == 1


def test_a_runs_directories_look_at_each_ancestors_markers_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The directories of one project share their ancestors: each directory's root markers are
    looked at once per run, and a marker made since counts from the next run (forget_roots)."""
    (tmp_path / "pyproject.toml").write_text("")
    deep = (tmp_path / "a" / "b" / "c").resolve()
    deep.mkdir(parents=True)
    looked: list[Path] = []
    exists = Path.exists

    def counted(path: Path) -> bool:
        if path.name in project.ROOT_MARKERS:
            looked.append(path)
        return exists(path)

    monkeypatch.setattr(Path, "exists", counted)
    project.forget_roots()
    for directory in (deep, deep.parent, deep.parent.parent, deep):
        assert project._root_of(directory) == tmp_path.resolve() == find_root(directory)
    looked.clear()  # find_root's own
    project.forget_roots()
    for directory in (deep, deep.parent, deep.parent.parent, deep):
        assert project._root_of(directory) == tmp_path.resolve()
    assert len(looked) == len(set(looked)) > 0
    (deep / "setup.py").write_text("")
    assert project._root_of(deep) == tmp_path.resolve()
    project.forget_roots()
    assert project._root_of(deep) == deep
    project.forget_roots()


@pytest.mark.parametrize(
    "text",
    [
        "error_response(400)",
        "from shop import error_response as reply",
        "x = 3error_response",
        "nothing_here()",
        "error_responses = 1",
    ],
)
def test_the_identifiers_the_candidates_test_read_answer_as_the_text_does(
    shop: Path, text: str
) -> None:
    """The candidates' test hands `mentions` the identifiers it read from an ASCII text: the
    same answer, without reading the text again when no name is among them."""
    index = ProjectIndex.load(shop)
    identifiers = set(re.findall(r"[A-Za-z_][A-Za-z0-9_]*", text))
    assert index.mentions(text, identifiers) == index.mentions(text)
    asked: list[tuple[str, AbstractSet[str] | None]] = []

    class Asked:
        def mentions(self, text: str, identifiers: AbstractSet[str] | None = None) -> bool:
            asked.append((text, identifiers))
            return index.mentions(text, identifiers)

    source = f"import requests\n{text}\n"
    admitted = Candidates().admits(source, Asked())
    assert admitted == (Candidates().admits(source) or index.mentions(source))
    assert [seen is not None and "requests" in seen for _, seen in asked] in ([], [True])


def test_a_name_starting_with_a_digit_is_matched_as_a_word() -> None:
    assert isinstance(project._matcher(["reply", "send"]), frozenset)
    matcher = project._matcher(["reply", "3d"])
    assert isinstance(matcher, re.Pattern)
    assert matcher.search("turn(3d)")
    assert not matcher.search("turn(x3d)")
