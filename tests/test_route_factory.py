"""A FastAPI router class made by a project function (Polar's `APIRouter =
get_api_router_class(APIRoute)`, which returns a subclass of FastAPI's `APIRouter` defined in its
body): its routes are in the map, with the paths FastAPI builds, and their documentation is not
taken as read, since the route class it imposes may change it at run time (here it keeps every
route not tagged "public" out of the OpenAPI document), so HS501 and HS502 leave them alone."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main
from tests.whole_project import run

PROJECT = Path(__file__).parent / "fixtures" / "routes" / "fastapi_factory"
# What FastAPI answers a request to each route (the path's parameter 1), and the paths its
# OpenAPI document lists.
_FASTAPI = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from fastapi.testclient import TestClient
from shop.main import app
client = TestClient(app)
print(json.dumps({
    "answers": {
        f"{method} {path}": client.request(method, re.sub(r"{\\w+}", "1", path) + "?name=x").status_code
        for method, path in json.loads(sys.argv[2])
    },
    "documented": sorted(app.openapi()["paths"]),
}))
"""


def test_routes_of_a_factory_made_router_are_fastapis(capsys: pytest.CaptureFixture[str]) -> None:
    capsys.readouterr()
    assert main(["routes", str(PROJECT), "--format", "json"]) == 0
    routes = json.loads(capsys.readouterr().out)["routes"]
    ours = sorted([route["path"], route["methods"]] for route in routes)
    assert ours == [
        ["/api/items", ["POST"]],
        ["/api/items/{item_id}", ["GET"]],
        ["/health", ["GET"]],
    ]
    sends = {route["path"]: [entry["status"] for entry in route["sends"]] for route in routes}
    assert sends["/api/items/{item_id}"] == [200, 404]
    pytest.importorskip("fastapi")
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            _FASTAPI,
            str(PROJECT),
            json.dumps([[method, path] for path, methods in ours for method in methods]),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    real = json.loads(done.stdout)
    assert real["answers"] == {
        "POST /api/items": 201,
        "GET /api/items/{item_id}": 200,
        "GET /health": 200,
    }
    # What the route class does: the GET route, sending an undocumented 404 and documenting a
    # 409 it never sends, is not in the document at all.
    assert real["documented"] == ["/api/items", "/health"]


def test_hs501_and_hs502_leave_them_alone(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    copy = tmp_path / PROJECT.name
    shutil.copytree(PROJECT, copy)
    out = run(copy, capsys, "check", "--select", "HS501,HS502", ".")
    assert out == ""
