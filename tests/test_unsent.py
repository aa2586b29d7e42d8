"""HS502, documented statuses never sent, over a small FastAPI project of several modules:
`check`, real flake8 and the language server (a real LSP client) report the same findings when
it is selected, nothing reads the route table when it is not, and the statuses the table reads
as documented are those FastAPI itself puts in its OpenAPI document."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from pytest_lsp import LanguageClient

from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.routes import whole
from tests.test_lsp import open_document

PROJECT = Path(__file__).parent / "fixtures" / "unsent" / "fastapi_docs"
ITEMS = "docs_app/items.py"
MAIN = "docs_app/main.py"
# file, line, column (1-based), message
EXPECTED = [
    (ITEMS, 10, 38, "HS502 route get_item() documents 410, which nothing it reaches sends"),
    (ITEMS, 30, 56, "HS502 route rename_item() documents 418, which nothing it reaches sends"),
    (
        MAIN,
        9,
        45,
        "HS502 503 is documented for 4 routes (create_item(), delete_item(), get_item(), ...), "
        "none of which sends it",
    ),
]
# HS501 over the route table: what a route sends through other modules. `report()`'s
# `responses=` is a call, which may document anything: silent.
ROUTE_AWARE = [
    (
        MAIN,
        40,
        5,
        "HS501 route stats() sends 401, 403 through docs_app.deps:get_user, "
        "docs_app.deps:require_admin, which its OpenAPI responses do not document",
    ),
]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / "fastapi_docs"
    shutil.copytree(PROJECT, copy)
    return copy


def through_check(
    directory: Path, capsys: pytest.CaptureFixture[str], *flags: str, code: str = "HS502"
) -> list[tuple[str, int, int, str]]:
    cwd = Path.cwd()
    os.chdir(directory)
    try:
        capsys.readouterr()
        main(["check", "--format", "json", *flags, "."])
    finally:
        os.chdir(cwd)
    return sorted(
        (Path(item["filename"]).as_posix(), item["line"], item["column"], item["message"])
        for item in json.loads(capsys.readouterr().out)
        if item["code"] == code
    )


def through_flake8(
    directory: Path, *flags: str, code: str = "HS502"
) -> list[tuple[str, int, int, str]]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "flake8",
            *flags,
            "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s %(text)s",
            ".",
        ],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    found = []
    for line in done.stdout.splitlines():
        path, row, col, message = line.split("\t")
        if message.startswith(code):
            found.append((Path(path).as_posix(), int(row), int(col), message))
    return sorted(found)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_check_reports_each_declaration_once(
    project: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    assert through_check(project, capsys, "--select", "HS502", "--jobs", jobs) == EXPECTED


@pytest.mark.parametrize("flags", [["--select", "HS502"], ["--extend-select", "HS502"]])
def test_flake8_gives_the_same_answer(project: Path, flags: list[str]) -> None:
    assert through_flake8(project, *flags) == EXPECTED


def test_route_aware_hs501_through_each_front_end(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert through_check(project, capsys, "--select", "HS501", code="HS501") == ROUTE_AWARE
    assert through_flake8(project, "--extend-select", "HS501", code="HS501") == ROUTE_AWARE
    assert through_check(project, capsys, "--select", "HS502", code="HS501") == []


def test_off_by_default_and_the_route_table_is_never_read(
    project: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(*args: object) -> object:
        raise AssertionError("the route table was read for a rule not selected")

    monkeypatch.setattr(whole, "findings_in", refuse)
    assert through_check(project, capsys) == []
    assert through_check(project, capsys, "--select", "HS1,HS5", "--ignore", "HS501,HS502") == []
    assert through_flake8(project) == []


def test_selected_by_its_prefix_as_flake8_selects(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert through_check(project, capsys, "--select", "HS") == EXPECTED
    assert through_flake8(project, "--select", "HS") == EXPECTED


def test_noqa_on_the_key_line_hides_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = project / MAIN
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[8] = lines[8].rstrip("\n") + "  # noqa: HS502\n"
    path.write_text("".join(lines), encoding="utf-8")
    expected = [finding for finding in EXPECTED if finding[0] != MAIN]
    assert through_check(project, capsys, "--select", "HS502") == expected
    assert through_flake8(project, "--select", "HS502") == expected


_OPENAPI = """
import json, sys
sys.path.insert(0, sys.argv[1])
from docs_app.main import app
print(json.dumps({
    path: {method: sorted(int(code) for code in operation["responses"] if code.isdigit())
           for method, operation in operations.items()}
    for path, operations in app.openapi()["paths"].items()
}))
"""


def test_documented_statuses_are_those_of_fastapis_openapi(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`openapi_extra` with a constant key, a router's constant imported from another module,
    an include's `responses=`: FastAPI documents what the table reads."""
    pytest.importorskip("fastapi")
    done = subprocess.run(
        [sys.executable, "-c", _OPENAPI, str(project)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    real = json.loads(done.stdout)
    capsys.readouterr()
    assert main(["routes", str(project), "--format", "json"]) == 0
    ours: dict[str, dict[str, list[int]]] = {}
    for route in json.loads(capsys.readouterr().out)["routes"]:
        for method in route["methods"]:
            documented = sorted(entry["status"] for entry in route["documented"])
            ours.setdefault(route["path"], {})[method.lower()] = documented
    assert "/orphan/stats" in ours  # a router no application includes: not in FastAPI's
    assert {path: ours[path] for path in real} == real


@pytest.fixture
def lsp_files(tmp_path: Path) -> dict[str, str]:
    (tmp_path / "docs_app").mkdir()  # the client writes the files, not their directories
    files = {
        path.relative_to(PROJECT).as_posix(): path.read_text(encoding="utf-8")
        for path in (*PROJECT.rglob("*.py"), PROJECT / "pyproject.toml")
    }
    files["pyproject.toml"] += '\n[tool.flake8-httpstatus]\nselect = ["HS501", "HS502"]\n'
    return files


async def test_language_server_publishes_them(
    client: LanguageClient, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same findings as `check`: HS502's, and HS501's of the engine and of the table."""
    for name in (ITEMS, MAIN):
        path = tmp_path / name
        uri = await open_document(client, path, path.read_text(encoding="utf-8"))
        found = sorted(
            (d.range.start.line + 1, d.range.start.character + 1, d.message)
            for d in client.diagnostics[uri]
        )
        expected = sorted(
            finding[1:]
            for code in ("HS501", "HS502")
            for finding in through_check(tmp_path, capsys, code=code)
            if finding[0] == name
        )
        assert found == expected
        assert any(message.startswith("HS502") for *_, message in found)
    assert any(message == ROUTE_AWARE[0][3] for *_, message in found)
