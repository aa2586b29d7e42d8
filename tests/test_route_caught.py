"""A status raised inside a `try` whose handler catches it is not sent (lnbits'
`login_with_sso_provider`: the `ValueError` its provider lookup raises is caught by `except
Exception` in `_new_sso`, so the app's ValueError handler never answers 400). A handler that
re-raises sends what it raises: the caught exception for a bare `raise` or `raise error` of
`except ... as error`, the new one for `raise ... from`. The fixture project's whole table is `fastapi_caught.json` (tests/test_routes.py);
here FastAPI itself answers each route."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main

PROJECT = Path(__file__).parent / "fixtures" / "routes" / "fastapi_caught"
# What each route sends, read from the project by hand.
SENDS = {
    "/sso/{provider}": [200, 401],
    "/reraised/{provider}": [200, 400],
    "/named/{provider}": [200, 404],
    "/translated/{provider}": [200, 409],
    "/base/{provider}": [200],
    "/other/{provider}": [200, 400],
    "/tuple/{provider}": [200],
    "/bare/{provider}": [200],
}
_ANSWERS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from fastapi.testclient import TestClient
from sso.main import app
client = TestClient(app, raise_server_exceptions=False)
print(json.dumps({
    path: client.get(path.replace("{provider}", "nobody")).status_code
    for path in json.loads(sys.argv[2])
}))
"""


def _sends(capsys: pytest.CaptureFixture[str]) -> dict[str, list[int]]:
    capsys.readouterr()
    assert main(["routes", str(PROJECT), "--format", "json"]) == 0
    return {
        route["path"]: [entry["status"] for entry in route["sends"]]
        for route in json.loads(capsys.readouterr().out)["routes"]
    }


def test_a_caught_exception_is_not_sent(capsys: pytest.CaptureFixture[str]) -> None:
    assert _sends(capsys) == SENDS


def test_what_fastapi_answers_is_sent(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    done = subprocess.run(
        [sys.executable, "-c", _ANSWERS, str(PROJECT), json.dumps(sorted(SENDS))],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    answers = json.loads(done.stdout)
    sends = _sends(capsys)
    for path, status in answers.items():
        assert status in sends[path], path
