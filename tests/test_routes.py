"""The route map (`flake8-httpstatus routes`): whole JSON tables of small multi-module projects,
checked against what the real frameworks build from the same code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main

ROUTES = Path(__file__).parent / "fixtures" / "routes"
# Each project beside its expected table: `<name>/` and `<name>.json`.
PROJECTS = sorted(path.name for path in ROUTES.iterdir() if path.is_dir())


def table(capsys: pytest.CaptureFixture[str], project: str) -> dict[str, object]:
    code = main(["routes", str(ROUTES / project), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    found: dict[str, object] = json.loads(out)
    return found


@pytest.mark.parametrize("project", PROJECTS)
def test_route_table_whole(capsys: pytest.CaptureFixture[str], project: str) -> None:
    expected = json.loads((ROUTES / f"{project}.json").read_text())
    assert table(capsys, project) == expected


_OPENAPI = """
import json, sys
sys.path.insert(0, sys.argv[1])
from shop.main import app
paths = {
    path: {method: sorted(int(code) for code in operation["responses"])
           for method, operation in operations.items()}
    for path, operations in app.openapi()["paths"].items()
}
print(json.dumps(paths))
"""


def test_fastapi_paths_and_documented_statuses_match_its_openapi(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """FastAPI itself, on the same project, builds the same paths, methods and documented
    statuses (its OpenAPI document merges app, router, include and route `responses=`)."""
    pytest.importorskip("fastapi")
    project = ROUTES / "fastapi_shop"
    done = subprocess.run(
        [sys.executable, "-c", _OPENAPI, str(project)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    real: dict[str, dict[str, list[int]]] = json.loads(done.stdout)
    ours: dict[str, dict[str, list[int]]] = {}
    for route in table(capsys, "fastapi_shop")["routes"]:  # type: ignore[attr-defined]
        for method in route["methods"]:
            documented = sorted(entry["status"] for entry in route["documented"])
            ours.setdefault(route["path"], {})[method.lower()] = documented
    assert ours == real


def test_text_output_is_a_table_per_route(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routes", str(ROUTES / "fastapi_shop")]) == 0
    out = capsys.readouterr().out
    assert "GET /api/v1/items/{item_id}  shop.api.items:get_item  shop/api/items.py:18" in out
    assert (
        "  404 Not Found              yes       yes         -       "
        "shop/services.py:10 shop.services:not_found"
    ) in out
    assert out.rstrip().endswith("7 routes")


def test_not_a_directory_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["routes", str(tmp_path / "missing")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "not a directory" in err


def test_a_file_that_does_not_parse_is_named_and_the_rest_mapped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "app.py").write_text(
        "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/x')\ndef x(): pass\n"
    )
    (tmp_path / "broken.py").write_text("def (:\n")
    assert main(["routes", str(tmp_path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert [route["path"] for route in json.loads(out)["routes"]] == ["/x"]
    assert err == "flake8-httpstatus: error: broken.py: SyntaxError\n"
