"""HS501 over the route table leaves alone the routes of an application that serves no OpenAPI
schema (`FastAPI(openapi_url=None)`, Polar's backoffice) and of one whose schema URL is not a
literal (a setting read at run time): nothing a client reads documents them. The fixture
project's whole table is `fastapi_backoffice.json` (tests/test_routes.py); here FastAPI itself
says which of its applications serve a schema."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.whole_project import hs501_lines

PROJECT = Path(__file__).parent / "fixtures" / "routes" / "fastapi_backoffice"
_SERVED = """
import json, sys
sys.path.insert(0, sys.argv[1])
from fastapi.testclient import TestClient
from office.main import app, backoffice, tools
print(json.dumps({
    name: TestClient(application).get(application.openapi_url or "/openapi.json").status_code
    for name, application in (("app", app), ("backoffice", backoffice), ("tools", tools))
}))
"""


def test_only_the_application_serving_its_schema_is_checked(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = hs501_lines(PROJECT, tmp_path, capsys)
    assert lines[:-1] == [
        "office/public.py:9:5: HS501 route get_book() sends 404 through office.errors:get_or_404,"
    ]


def test_fastapi_serves_the_schema_of_the_public_application_only() -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    done = subprocess.run(
        [sys.executable, "-c", _SERVED, str(PROJECT)],
        capture_output=True,
        text=True,
        check=True,
        env={
            **{key: value for key, value in os.environ.items() if key != "OFFICE_OPENAPI_URL"},
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    )
    assert json.loads(done.stdout) == {"app": 200, "backoffice": 404, "tools": 404}
