"""A status class attribute (`code` on a werkzeug exception, `status_code` on a Litestar one)
read through a class and its project bases, by what a route sends (routes/sends.py) and by what
Litestar's `raises=` documents (routes/responses.py): the nearest class that sets it decides,
and when it sets a value the map cannot read, no base's status is reported instead. Checked
against what Flask answers for the same code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from flake8_httpstatus.frontends.cli import main

_ERRORS = """
from werkzeug.exceptions import HTTPException, NotFound

CODES = {"configured": 409}


class Missing(NotFound):
    description = "missing"


class Configured(NotFound):
    code = CODES["configured"]


class AppError(HTTPException):
    code = 400


class Refused(AppError):
    code = 403


class Dynamic(AppError):
    code = CODES["configured"]
"""
_VIEWS = """
from flask import Flask

from shop import errors

app = Flask(__name__)


@app.get("/missing")
def missing():
    raise errors.Missing()


@app.get("/configured")
def configured():
    raise errors.Configured()


@app.get("/refused")
def refused():
    raise errors.Refused()


@app.get("/dynamic")
def dynamic():
    raise errors.Dynamic()
"""
_FLASK_ANSWERS = """
import json, sys
sys.path.insert(0, sys.argv[1])
from shop.views import app
client = app.test_client()
print(json.dumps({path: client.get(path).status_code for path in sys.argv[2:]}))
"""


def _write(root: Path, files: dict[str, str]) -> None:
    (root / "pyproject.toml").write_text("")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)


def _routes(capsys: pytest.CaptureFixture[str], root: Path) -> list[dict[str, Any]]:
    capsys.readouterr()
    assert main(["routes", str(root), "--format", "json"]) == 0
    found: list[dict[str, Any]] = json.loads(capsys.readouterr().out)["routes"]
    return found


def test_an_override_the_map_cannot_read_hides_the_bases_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write(tmp_path, {"shop/__init__.py": "", "shop/errors.py": _ERRORS, "shop/views.py": _VIEWS})
    sent = {
        route["path"]: sorted(
            entry["status"] for entry in route["sends"] if entry["via"] != "default"
        )
        for route in _routes(capsys, tmp_path)
    }
    assert sent == {"/missing": [404], "/configured": [], "/refused": [403], "/dynamic": []}
    pytest.importorskip("flask")
    done = subprocess.run(
        [sys.executable, "-c", _FLASK_ANSWERS, str(tmp_path), *sent],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    answered = json.loads(done.stdout)
    assert answered == {"/missing": 404, "/configured": 409, "/refused": 403, "/dynamic": 409}
    for path, statuses in sent.items():
        assert all(status == answered[path] for status in statuses), path


_LITESTAR_APP = """
from litestar import Litestar, get
from litestar.exceptions import HTTPException, NotFoundException

CODES = {"configured": 409}


class Gone(HTTPException):
    status_code = 410


class Configured(NotFoundException):
    status_code = CODES["configured"]


@get("/gone", raises=[Gone])
def gone() -> None:
    raise Gone()


@get("/configured", raises=[Configured])
def configured() -> None:
    raise Configured()
"""


def test_litestar_raises_reads_the_same_way(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    _write(tmp_path, {"store/__init__.py": "", "store/app.py": _LITESTAR_APP})
    found = {
        route["path"]: (
            sorted(entry["status"] for entry in route["sends"] if entry["via"] != "default"),
            sorted(entry["status"] for entry in route["documented"]),
        )
        for route in _routes(capsys, tmp_path)
    }
    # Documented: the success 200, and what `raises=` names when the map can read it.
    assert found == {"/gone": ([410], [200, 410]), "/configured": ([], [200])}
    pytest.importorskip("litestar")
    done = subprocess.run(
        [sys.executable, "-c", _LITESTAR_SCHEMA, str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert json.loads(done.stdout) == {"/gone": [200, 410], "/configured": [200, 409]}


_LITESTAR_SCHEMA = """
import json, sys
sys.path.insert(0, sys.argv[1])
from litestar import Litestar
from store.app import configured, gone
schema = Litestar([gone, configured]).openapi_schema.to_schema()
print(json.dumps({
    path: sorted(int(code) for code in item["get"]["responses"])
    for path, item in schema["paths"].items()
}))
"""
