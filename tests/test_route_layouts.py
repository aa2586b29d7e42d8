"""How real FastAPI projects lay out their route tables, read by the route map: routers in
namespace packages under a `src/` root (Dispatch), an app given to a function that includes the
routers (lnbits), router subclasses passing their `**kwargs` on (Mealie). The fixture project's
whole table is `fastapi_layout.json` (tests/test_routes.py); here it is checked against what
FastAPI itself builds and answers, and HS501 is checked on it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main
from tests.whole_project import hs501_lines, run

PROJECT = Path(__file__).parent / "fixtures" / "routes" / "fastapi_layout"
# FastAPI on the same project: each route's documented statuses, and what a request with the
# path's parameters set to 2 (an id the project does not know) answers.
_FASTAPI = """
import json, re, sys
sys.path.insert(0, sys.argv[1] + "/src")
from fastapi.testclient import TestClient
from hub.main import create_app
app = create_app()
with TestClient(app) as client:  # its lifespan includes routers
    answers = {
        f"{method.upper()} {path}": client.request(method, re.sub(r"{\\w+}", "2", path)).status_code
        for path, operations in app.openapi()["paths"].items()
        for method in operations
    }
print(json.dumps({
    f"{method.upper()} {path}": {
        "documented": sorted(int(code) for code in operation["responses"]),
        "answers": answers[f"{method.upper()} {path}"],
    }
    for path, operations in app.openapi()["paths"].items()
    for method, operation in operations.items()
}))
"""


def _ours(capsys: pytest.CaptureFixture[str]) -> dict[str, dict[str, list[int]]]:
    capsys.readouterr()
    assert main(["routes", str(PROJECT), "--format", "json"]) == 0
    return {
        f"{method} {route['path']}": {
            "documented": sorted(entry["status"] for entry in route["documented"]),
            "sends": sorted(entry["status"] for entry in route["sends"]),
        }
        for route in json.loads(capsys.readouterr().out)["routes"]
        for method in route["methods"]
    }


def test_paths_and_documentation_are_fastapis(capsys: pytest.CaptureFixture[str]) -> None:
    ours = _ours(capsys)
    pytest.importorskip("fastapi")
    done = subprocess.run(
        [sys.executable, "-c", _FASTAPI, str(PROJECT)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    real = json.loads(done.stdout)
    assert sorted(real) == sorted(ours)
    for route, found in real.items():
        assert found["documented"] == ours[route]["documented"], route
        # The status an unknown id gets is one the map says the route sends.
        assert found["answers"] in ours[route]["sends"], route


def test_hs501_names_what_the_routes_send_elsewhere(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = hs501_lines(PROJECT, tmp_path, capsys)
    assert sorted(lines[:-1]) == [
        "src/hub/data/source/views.py:10:5: HS501 route get_source() sends 404 through "
        "hub.data.source.service:get_or_404,",
        "src/hub/groups.py:9:5: HS501 route get_group() sends 401 through hub.auth:get_current_user,",
        "src/hub/wallet.py:9:5: HS501 route get_wallet() sends 402 through "
        "hub.payments:check_balance,",
    ]


def test_a_router_subclass_changing_its_kwargs_is_not_read_whole(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An `__init__` that does more with its `**kwargs` than pass them on (here: a default
    `responses=`) may document what the map does not read: HS501 stays silent."""
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "errors.py").write_text(
        "from fastapi import HTTPException\n\n\n"
        "def deny() -> None:\n    raise HTTPException(status_code=401)\n"
    )
    (tmp_path / "app.py").write_text(
        "from typing import Any\n\nfrom fastapi import APIRouter, FastAPI\n\n"
        "from errors import deny\n\n\n"
        "class AuthRouter(APIRouter):\n"
        "    def __init__(self, **kwargs: Any) -> None:\n"
        '        kwargs.setdefault("responses", {401: {"description": "No"}})\n'
        "        super().__init__(**kwargs)\n\n\n"
        "router = AuthRouter()\n\n\n"
        '@router.get("/x")\n'
        "def x() -> None:\n    deny()\n\n\n"
        "app = FastAPI()\napp.include_router(router)\n"
    )
    assert run(tmp_path, capsys, "check", "--select", "HS501", ".") == ""
