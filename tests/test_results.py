"""The results cache (project/results.py): a file unchanged, in a project that passes on the same
statuses, is answered from the run that walked it; anything its findings depend on, changed,
makes it walked again; an entry that is not what it claims is a miss, never an error."""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from flake8_httpstatus import __version__, rules
from flake8_httpstatus.config.settings import (
    ExtraSink,
    Settings,
    forget_configuration,
    parse_extra_sinks,
)
from flake8_httpstatus.core.findings import Edit, Finding, Fix, ImportSpec
from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.project import index as project
from flake8_httpstatus.project import results
from tests.test_robustness import APP, HELPER, helper_project

FINDING = "app.py:3:24: HS101 magic status code 404 passed to error_response()"
EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    root = helper_project(tmp_path, monkeypatch)
    fresh()
    yield root
    fresh()


def fresh() -> None:
    """What a new process starts with: no index, no open results cache, nothing read."""
    project._INDEXES.clear()
    project._ROOTS.clear()
    results.forget()
    forget_configuration()


@pytest.fixture
def walked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files the engine walks (a cached answer walks none)."""
    names: list[str] = []
    real = rules.check

    def check(tree: Any, settings: Settings, filename: str | None = None, *rest: Any) -> Any:
        names.append(os.path.basename(filename or "-"))
        return real(tree, settings, filename, *rest)

    monkeypatch.setattr(rules, "check", check)
    return names


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    fresh()
    code = main(["check", *args])
    out, err = capsys.readouterr()
    return code, out, err


def entries(root: Path) -> list[Path]:
    directory = root / project.CACHE_DIR / results.DIRECTORY
    return sorted(path for path in directory.iterdir() if not path.name.startswith("."))


# -- a hit is the fresh answer, without the walk ------------------------------------------------


def test_second_run_answers_from_the_cache(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    cold = run(capsys, ".")
    assert cold[1].startswith(FINDING)
    assert sorted(walked) == ["app.py", "helpers.py"]
    walked.clear()
    assert run(capsys, ".") == cold
    assert walked == []
    assert len(entries(tree)) == 2


def test_the_cache_answers_the_json_format_byte_for_byte(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    cold = run(capsys, "--format", "json", "--unsafe-fixes", ".")
    assert run(capsys, "--format", "json", "--unsafe-fixes", ".") == cold
    assert sorted(walked) == ["app.py", "helpers.py"]  # the cold run's walks only


def test_a_finding_round_trips_with_its_fix() -> None:
    fix = Fix(
        (Edit(3, 15, 3, 18, "HTTPStatus.NOT_FOUND"), Edit(1, 0, 1, 0, "import x\n")),
        "Replace with `HTTPStatus.NOT_FOUND`",
        ImportSpec("http", "HTTPStatus", None),
        safe=False,
    )
    found = [Finding("HS101", "m\u00e9ssage", 3, 15, 3, 18, fix), Finding("HS202", "n", 1, 0, 1, 4)]
    assert results.parse_entry(results.entry_bytes("k" * 64, found), "k" * 64, 3) == found


def test_flake8_reads_the_findings_without_their_fixes() -> None:
    """flake8 shows no fix: its reading of an entry neither checks nor builds them; a fix of
    another shape than a list still puts the entry in doubt."""
    fix = Fix((Edit(3, 15, 3, 18, "HTTPStatus.NOT_FOUND"),), "Replace", None, safe=True)
    found = [Finding("HS101", "m", 3, 15, 3, 18, fix), Finding("HS202", "n", 1, 0, 1, 4)]
    entry = results.entry_bytes("k" * 64, found)
    without = [dataclasses.replace(finding, fix=None) for finding in found]
    assert results.parse_entry(entry, "k" * 64, 3, fixes=False) == without
    payload = json.dumps(
        [results.RESULTS_FORMAT, __version__, "k" * 64, [["HS101", "m", 3, 15, 3, 18, "fix"]]]
    ).encode()
    odd = results.MAGIC + hashlib.sha256(payload).digest() + payload
    assert results.parse_entry(odd, "k" * 64, 3, fixes=False) is None
    assert results.parse_entry(odd, "k" * 64, 3) is None


# -- every part of the key, changed, makes the file walked again --------------------------------


def test_the_files_text(tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]) -> None:
    run(capsys, ".")
    (tree / "app.py").write_text(APP.replace("404", "410"), encoding="utf-8")
    walked.clear()
    assert "HS101 magic status code 410" in run(capsys, ".")[1]
    assert walked == ["app.py"]


def test_another_modules_helper_no_longer_passing_the_status_on(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    assert run(capsys, "app.py")[1].startswith(FINDING)
    # The status is now the first parameter: 404 is passed as the message.
    (tree / "helpers.py").write_text(
        HELPER.replace("(message, status)", "(status, message)"), encoding="utf-8"
    )
    walked.clear()
    assert run(capsys, "app.py")[:2] == (0, "")
    assert walked == ["app.py"]
    # No status parameter at all: app.py is no longer walked (nothing in it can hold one).
    (tree / "helpers.py").write_text(
        HELPER.replace("status=status", 'headers={"X-Status": str(status)}'), encoding="utf-8"
    )
    assert run(capsys, "app.py")[:2] == (0, "")


def test_a_helper_body_edited_without_changing_its_facts_keeps_the_others_entries(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    cold = run(capsys, ".")
    (tree / "helpers.py").write_text(
        HELPER.replace("    return", "    message = message.strip()\n    return"),
        encoding="utf-8",
    )
    walked.clear()
    assert run(capsys, ".") == cold
    assert walked == ["helpers.py"]  # app.py: its project passes on the same statuses


def test_a_pin_in_the_projects_requirements(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    (tree / "app.py").write_text(
        "from starlette import status\nfrom starlette.responses import JSONResponse\n\n\n"
        "def view():\n    return JSONResponse({}, status_code=422)\n",
        encoding="utf-8",
    )
    (tree / "requirements.txt").write_text("starlette==0.46.2\n", encoding="utf-8")
    assert "HTTP_422_UNPROCESSABLE_ENTITY" in run(capsys, "app.py")[1]
    (tree / "requirements.txt").write_text("starlette==0.48.0\n", encoding="utf-8")
    walked.clear()
    assert "HTTP_422_UNPROCESSABLE_CONTENT" in run(capsys, "app.py")[1]
    assert walked == ["app.py"]


def test_the_target_python_read_from_the_project(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    (tree / "app.py").write_text(
        "from http import HTTPStatus\nfrom django.http import HttpResponse\n\n\n"
        "def view(request):\n    return HttpResponse(status=422)\n",
        encoding="utf-8",
    )
    assert "HTTPStatus.UNPROCESSABLE_ENTITY" in run(capsys, "app.py")[1]
    (tree / ".python-version").write_text("3.13\n", encoding="utf-8")
    walked.clear()
    assert "HTTPStatus.UNPROCESSABLE_CONTENT" in run(capsys, "app.py")[1]
    assert walked == ["app.py"]


def test_a_configuration_change(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    assert run(capsys, "app.py")[1].startswith(FINDING)
    (tree / "pyproject.toml").write_text(
        "[tool.flake8-httpstatus]\nallow-codes = [404]\n", encoding="utf-8"
    )
    walked.clear()
    assert run(capsys, "app.py")[:2] == (0, "")
    assert walked == ["app.py"]


def test_the_files_place_in_the_project(
    tree: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    (tree / "pkg").mkdir()
    shutil.copy(tree / "app.py", tree / "pkg" / "app.py")
    run(capsys, ".")
    assert len(entries(tree)) == 3  # one text, two places
    (tree / "pkg" / "__init__.py").write_text("", encoding="utf-8")  # pkg/app.py: pkg.app now
    walked.clear()
    run(capsys, ".")
    assert sorted(walked) == ["app.py"]


def test_a_files_absolute_path_in_the_key_is_abspaths(
    tree: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Its directory made absolute once per run: the same path `os.path.abspath` gives."""
    monkeypatch.chdir(tree)
    found = results.Results(tree / "results", Settings(), project.ProjectIndex.load(tree))
    names = ["app.py", "./app.py", "pkg/app.py", "pkg//app.py", "../x/app.py", "a/../app.py"]
    names += [str(tree / "app.py"), "pkg/.", "pkg/..", ""]
    for name in names * 2:
        assert found._absolute(name) == os.path.abspath(name), name


# Each Settings field, with a value other than the default.
CHANGED: dict[str, Any] = {
    "style": "drf",
    "target_python": (3, 12),
    "library_versions": {"django": (5, 0)},
    "allow_codes": frozenset({404}),
    "allow_nonstandard": None,
    "extra_sinks": parse_extra_sinks("app.http:fail:status@1"),
    "cache_dir": ".cache",
    "exclude": ("vendor",),
    "write_cache": False,
}


def test_every_settings_field_is_in_the_key() -> None:
    assert set(CHANGED) == {field.name for field in dataclasses.fields(Settings)}
    default = results.settings_key(Settings())
    for name, value in CHANGED.items():
        assert results.settings_key(Settings(**{name: value})) != default, name


def test_equal_settings_give_one_key() -> None:
    first = Settings(
        allow_codes=frozenset(range(100, 140)), library_versions={"a": (1,), "b": (2,)}
    )
    second = Settings(
        allow_codes=frozenset(range(139, 99, -1)), library_versions={"b": (2,), "a": (1,)}
    )
    assert results.settings_key(first) == results.settings_key(second)
    sink = ExtraSink("m.f", parse_extra_sinks("m:f:status")[0].param)
    assert results.settings_key(Settings(extra_sinks=(sink,))) == results.settings_key(
        Settings(extra_sinks=parse_extra_sinks("m:f:status"))
    )


@pytest.mark.parametrize(
    "change",
    ["python", "version", "format", "code", "facts"],
)
def test_the_tool_and_the_projects_facts_are_in_the_key(
    tree: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    index = project.project_for(str(tree / "app.py"), Settings())
    assert index is not None

    def key() -> str:
        opened = results.Results(tree / "results", Settings(), index)
        return opened.key(str(tree / "app.py"), APP)

    before = key()
    assert key() == before
    if change == "python":
        monkeypatch.setattr(results, "sys", type("sys", (), {"version_info": (3, 99, 0)}))
    elif change == "version":
        monkeypatch.setattr(results, "__version__", "99.0")
    elif change == "format":
        monkeypatch.setattr(results, "RESULTS_FORMAT", results.RESULTS_FORMAT + 1)
    elif change == "code":
        monkeypatch.setattr(results, "code_stamp", lambda: "another build")
    else:
        helper = tree / "helpers.py"
        helper.write_text(HELPER.replace("status=status", "status=200"), encoding="utf-8")
        assert index.refresh()
    assert key() != before


def test_the_code_stamp_follows_the_packages_files(tmp_path: Path) -> None:
    (tmp_path / "a.py").write_text("x = 1\n", encoding="utf-8")
    first = results.code_stamp.__wrapped__(tmp_path)
    os.utime(tmp_path / "a.py", ns=(0, 10**9))
    assert results.code_stamp.__wrapped__(tmp_path) != first


# -- where it is kept, and when not --------------------------------------------------------------


@pytest.mark.parametrize("how", ["environment", "option"])
def test_no_cache_means_no_results_either(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    if how == "environment":
        monkeypatch.setenv(project.CACHE_ENV, "")
    else:
        (tree / "pyproject.toml").write_text(
            '[tool.flake8-httpstatus]\ncache-dir = "off"\n', encoding="utf-8"
        )
    assert run(capsys, "app.py")[1].startswith(FINDING)
    assert not (tree / project.CACHE_DIR).exists()


def test_a_preview_reads_but_writes_nothing(tree: Path, capsys: pytest.CaptureFixture[str]) -> None:
    fresh()
    main(["fix", "--diff", "--unsafe-fixes", "app.py"])
    capsys.readouterr()
    assert not (tree / project.CACHE_DIR / results.DIRECTORY).exists()


def test_a_linked_results_directory_is_neither_read_nor_written(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], walked: list[str]
) -> None:
    cold = run(capsys, "app.py")
    directory = tree / project.CACHE_DIR / results.DIRECTORY
    elsewhere = tmp_path / "elsewhere"
    directory.rename(elsewhere)
    directory.symlink_to(elsewhere, target_is_directory=True)
    before = sorted(elsewhere.iterdir())
    (tree / "app.py").write_text(APP.replace("404", "410"), encoding="utf-8")
    walked.clear()
    _, out, err = run(capsys, "app.py")
    assert "HS101 magic status code 410" in out
    (tree / "app.py").write_text(APP, encoding="utf-8")
    assert run(capsys, "app.py")[:2] == cold[:2]
    assert walked == ["app.py", "app.py"]  # the stored entry not read through the link
    assert sorted(elsewhere.iterdir()) == before
    assert "a symbolic link; not caching" in err


# -- an entry is untrusted ----------------------------------------------------------------------


def app_entry(root: Path) -> Path:
    """The entry of app.py (of the two, the one with a finding)."""
    (found,) = [path for path in entries(root) if b"HS101" in path.read_bytes()]
    return found


def spoil(entry: Path, how: str, tmp_path: Path) -> None:
    data = entry.read_bytes()
    key = entry.name
    if how == "truncated":
        entry.write_bytes(data[: len(data) // 2])
    elif how == "flipped":
        entry.write_bytes(data[:-5] + bytes([data[-5] ^ 0x20]) + data[-4:])
    elif how == "empty":
        entry.write_bytes(b"")
    elif how == "another key":
        entry.write_bytes(results.entry_bytes("0" * 64, [Finding("HS101", "forged", 1, 0, 1, 1)]))
    elif how == "outside the text":
        entry.write_bytes(results.entry_bytes(key, [Finding("HS101", "forged", 99, 0, 99, 1)]))
    elif how == "wrong types":
        payload = b'[1,"%s","%s",[["HS101",7,3,1,3,4,null]]]' % (
            __version__.encode(),
            key.encode(),
        )
        entry.write_bytes(results.MAGIC + hashlib.sha256(payload).digest() + payload)
    elif how == "deeply nested":
        payload = b"[" * 100_000 + b"]" * 100_000
        entry.write_bytes(results.MAGIC + hashlib.sha256(payload).digest() + payload)
    elif how == "huge":
        with entry.open("ab") as stream:
            stream.truncate(results.MAX_ENTRY_BYTES + 1)
    elif how == "a link":
        target = tmp_path / "planted"
        target.write_bytes(results.entry_bytes(key, []))
        entry.unlink()
        entry.symlink_to(target)
    elif how == "a directory":
        entry.unlink()
        entry.mkdir()
    elif how == "a FIFO":
        entry.unlink()
        os.mkfifo(entry)


SPOILED = [
    "truncated",
    "flipped",
    "empty",
    "another key",
    "outside the text",
    "wrong types",
    "deeply nested",
    "huge",
    "a link",
    "a directory",
    "a FIFO",
]


@pytest.mark.parametrize("how", SPOILED)
def test_a_spoiled_entry_is_a_miss(
    tree: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], walked: list[str], how: str
) -> None:
    cold = run(capsys, "app.py")
    spoil(app_entry(tree), how, tmp_path)
    walked.clear()
    if how == "a FIFO":  # in a process of its own: a regression hangs, and the timeout fails
        done = subprocess.run(
            [sys.executable, "-m", "flake8_httpstatus", "check", "app.py"],
            cwd=tree,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env={k: v for k, v in os.environ.items() if k != project.CACHE_ENV},
        )
        assert (done.returncode, done.stdout, done.stderr) == cold
        return
    assert run(capsys, "app.py") == cold
    assert walked == ["app.py"]


def test_an_unreadable_entry_is_a_miss(
    tree: Path,
    capsys: pytest.CaptureFixture[str],
    walked: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cold = run(capsys, "app.py")

    def unreadable(directory: int, name: str, limit: int) -> Any:
        raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(results, "read_in", unreadable)
    walked.clear()
    assert run(capsys, "app.py") == cold
    assert walked == ["app.py"]


# -- bounded -------------------------------------------------------------------------------------


def test_pruning_removes_the_oldest_entries_and_stale_temporary_files(tmp_path: Path) -> None:
    for number in range(10):
        entry = tmp_path / f"{number:064x}"
        entry.write_bytes(b"x")
        os.utime(entry, ns=(0, (1_000_000 + number) * 10**9))
    stale = tmp_path / f".{0:064x}.abc.tmp"
    young = tmp_path / f".{1:064x}.def.tmp"
    stale.write_bytes(b"")
    young.write_bytes(b"")
    os.utime(stale, ns=(0, 10**9))
    descriptor = os.open(tmp_path, os.O_RDONLY)
    try:
        results.prune(descriptor, 8)
    finally:
        os.close(descriptor)
    kept = sorted(path.name for path in tmp_path.iterdir())
    assert kept == [young.name, *(f"{number:064x}" for number in range(4, 10))]


def test_an_entry_too_large_to_read_is_not_written(
    tree: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(results, "MAX_ENTRY_BYTES", 200)
    run(capsys, ".")
    assert [path.stat().st_size <= 200 for path in entries(tree)] == [True]  # helpers.py's


# -- flake8, and processes at once ----------------------------------------------------------------


def flake8(
    tree: Path, *args: str, cache: str | None = None, python: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k != project.CACHE_ENV}
    if cache is not None:
        environment[project.CACHE_ENV] = cache
    return subprocess.run(
        [sys.executable, *python, "-m", "flake8", "--isolated", "--select=HS", *args, "."],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env=environment,
    )


def test_flake8_warm_equals_uncached(tmp_path: Path) -> None:
    tree = tmp_path / "examples"
    shutil.copytree(EXAMPLES, tree)
    uncached = flake8(tree, cache="")
    cold = flake8(tree)
    assert (tree / project.CACHE_DIR / results.DIRECTORY).is_dir()
    warm = flake8(tree)
    assert uncached.stderr == cold.stderr == warm.stderr == ""
    assert uncached.stdout == cold.stdout == warm.stdout
    assert "HS101" in warm.stdout


def test_a_warm_run_imports_no_engine(tmp_path: Path) -> None:
    """Every file answered from the cache: neither the engine, nor a recognizer, nor a check is
    imported (only the project index's `inference`, whose facts it reads)."""
    tree = tmp_path / "examples"
    shutil.copytree(EXAMPLES, tree)
    cold = flake8(tree, "-j1", python=("-X", "importtime"))
    warm = flake8(tree, "-j1", python=("-X", "importtime"))
    assert "flake8_httpstatus.analysis.engine" in cold.stderr
    assert warm.stdout == cold.stdout
    assert "HS101" in warm.stdout
    imported = {line.rpartition("|")[2].strip() for line in warm.stderr.splitlines()}
    engine = sorted(
        name
        for name in imported
        if name.startswith(("flake8_httpstatus.analysis.", "flake8_httpstatus.rules.checks"))
        and name != "flake8_httpstatus.analysis.inference"
    )
    assert engine == []


@pytest.mark.slow
def test_workers_and_a_second_process_share_the_cache(tmp_path: Path) -> None:
    tree = tmp_path / "examples"
    shutil.copytree(EXAMPLES, tree)
    uncached = flake8(tree, "-j1", cache="")
    outputs: list[subprocess.CompletedProcess[str]] = []

    def one() -> None:
        outputs.append(flake8(tree, "-j2"))

    for _ in range(2):  # cold, two processes at once (each with two workers); then warm
        threads = [threading.Thread(target=one) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    for done in outputs:
        assert done.stderr == ""
        assert sorted(done.stdout.splitlines()) == sorted(uncached.stdout.splitlines())
    directory = tree / project.CACHE_DIR / results.DIRECTORY
    assert not [path for path in directory.iterdir() if path.name.endswith(".tmp")]


@pytest.mark.skipif(not Path("/proc/self/fd").is_dir(), reason="counts /proc/self/fd")
def test_a_process_running_check_again_and_again_keeps_few_directories_open(
    tree: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "app.py")  # the entries' directory exists from here on
    before = len(os.listdir("/proc/self/fd"))
    for _ in range(3 * results._KEPT):
        fresh_settings_run = main(["check", "app.py"])
        assert fresh_settings_run == 1
    capsys.readouterr()
    assert len(os.listdir("/proc/self/fd")) <= before + results._KEPT
