"""flake8 run again and again in one process, as VS Code's Flake8 extension runs it (in its
server process, through `flake8.main.cli.main`): each run sees the project as it is on disk now."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

import pytest
from flake8.main import cli

HELPER = """\
    from django.http import JsonResponse


    def error_response(message, code):
        return JsonResponse({"error": message}, status=code)
"""
VIEW = """\
    from .helpers import error_response


    def view(request):
        return error_response("gone", 404)
"""
UNPROCESSABLE = """\
    from django.http import HttpResponse


    def view(request):
        return HttpResponse(status=422)
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def _touch_later(path: Path) -> None:
    """A modification time the index cannot mistake for the one it read."""
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 2_000_000_000))


def _flake8(project: Path, tmp_path: Path, *args: str) -> list[str]:
    output = tmp_path / "flake8-output.txt"
    output.unlink(missing_ok=True)  # flake8 appends to it
    cli.main(["--jobs", "1", "--select", "HS", f"--output-file={output}", *args, str(project)])
    lines = output.read_text(encoding="utf-8").splitlines()
    return [line.removeprefix(str(project) + os.sep) for line in lines]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "project"
    _write(root / "pyproject.toml", '[project]\nname = "x"\nrequires-python = ">=3.12"\n')
    _write(root / "app" / "__init__.py", "")
    _write(root / "app" / "helpers.py", HELPER)
    _write(root / "app" / "views.py", VIEW)
    monkeypatch.setenv("FLAKE8_HTTPSTATUS_CACHE_DIR", "")
    return root


def test_a_helper_that_stops_taking_a_status(project: Path, tmp_path: Path) -> None:
    first = _flake8(project, tmp_path)
    assert any(line.startswith("app/views.py:5:") and "HS101" in line for line in first)
    helper = project / "app" / "helpers.py"
    helper.write_text(helper.read_text().replace("status=code", "status=400"))
    _touch_later(helper)
    assert not any(line.startswith("app/views.py") for line in _flake8(project, tmp_path))


def test_a_new_helper_module(project: Path, tmp_path: Path) -> None:
    _write(project / "app" / "views.py", VIEW.replace(".helpers", ".errors"))
    assert not any(line.startswith("app/views.py") for line in _flake8(project, tmp_path))
    _write(project / "app" / "errors.py", HELPER)
    assert any(line.startswith("app/views.py:5:") for line in _flake8(project, tmp_path))


def test_requires_python_changed(project: Path, tmp_path: Path) -> None:
    _write(project / "app" / "views.py", UNPROCESSABLE)
    assert any("HTTPStatus.UNPROCESSABLE_ENTITY" in line for line in _flake8(project, tmp_path))
    pyproject = project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text().replace(">=3.12", ">=3.13"))
    _touch_later(pyproject)
    assert any("HTTPStatus.UNPROCESSABLE_CONTENT" in line for line in _flake8(project, tmp_path))


def test_a_project_root_that_appears(project: Path, tmp_path: Path) -> None:
    pyproject = project / "pyproject.toml"
    pyproject.unlink()  # no project yet: the helper in the module beside is not followed
    assert not any(line.startswith("app/views.py") for line in _flake8(project, tmp_path))
    _write(pyproject, '[project]\nname = "x"\n')
    assert any(line.startswith("app/views.py:5:") for line in _flake8(project, tmp_path))
