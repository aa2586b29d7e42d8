"""The command as its hosts run it, in a subprocess: pre-commit names the files to check (the
configuration's `exclude` still applies), an editor pipes unsaved text with the file's name."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

APP = "from flask import abort\n\n\ndef view():\n    abort(404)\n"
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


def _write(root: Path, files: dict[str, str]) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")


def _run(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8_httpstatus", *args],
        cwd=cwd,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
        env={"FLAKE8_HTTPSTATUS_CACHE_DIR": "", "PATH": ""},
    )


@pytest.fixture
def project(tmp_path: Path) -> Path:
    _write(
        tmp_path,
        {
            "pyproject.toml": """\
                [project]
                name = "shop"
                requires-python = ">=3.13"

                [tool.flake8-httpstatus]
                exclude = ["migrations", "generated/*"]
                per-file-ignores = { "tests/*" = ["HS101"] }
            """,
            "migrations/0001_init.py": APP,
            "app/migrations/0002_more.py": APP,
            "generated/client.py": APP,
            "app/__init__.py": "",
            "app/helpers.py": HELPER,
            "app/views.py": VIEW,
            "tests/test_views.py": APP,
        },
    )
    return tmp_path


def test_named_files_are_excluded_as_flake8_excludes_them(project: Path) -> None:
    named = ("migrations/0001_init.py", "app/migrations/0002_more.py", "generated/client.py")
    result = _run(project, "check", *named)
    # flake8's rule: the name or the path matches; `migrations` is neither for these two.
    assert {line.split(":")[0] for line in result.stdout.splitlines() if ": HS" in line} == {
        "migrations/0001_init.py",
        "app/migrations/0002_more.py",
    }
    forced = _run(project, "check", "--force-exclude", *named)
    assert (forced.returncode, forced.stdout, forced.stderr) == (0, "", "")


def test_fix_leaves_an_excluded_named_file(project: Path) -> None:
    result = _run(
        project,
        "fix",
        "--unsafe-fixes",  # the helper keeps what it is given: naming its status is unsafe
        "--force-exclude",
        "migrations/0001_init.py",
        "app/views.py",
    )
    assert result.returncode == 1, result.stderr
    assert (project / "migrations/0001_init.py").read_text() == APP
    assert "HTTPStatus.NOT_FOUND" in (project / "app/views.py").read_text()


def test_stdin_filename_brings_the_project(project: Path) -> None:
    text = textwrap.dedent(VIEW) + '\n\ndef other(request):\n    return error_response("no", 422)\n'
    anonymous = _run(project, "check", "-", stdin=text)
    named = _run(project, "check", "--stdin-filename", "app/views.py", stdin=text)
    assert "error_response()" not in anonymous.stdout  # no project: the helper is unknown
    lines = named.stdout.splitlines()
    assert lines[0].startswith("app/views.py:5:35: HS101 magic status code 404 passed to")
    # The project's requires-python (>=3.13) picks the constant's newer name.
    assert any("HTTPStatus.UNPROCESSABLE_CONTENT" in line for line in lines), lines
    also_dash = _run(project, "check", "-", "--stdin-filename", "app/views.py", stdin=text)
    assert also_dash.stdout == named.stdout


def test_stdin_filename_per_file_ignores_and_exclude(project: Path) -> None:
    ignored = _run(project, "check", "--stdin-filename", "tests/test_views.py", stdin=APP)
    assert (ignored.returncode, ignored.stdout) == (0, "")
    excluded = _run(project, "check", "--stdin-filename", "generated/client.py", stdin=APP)
    assert (excluded.returncode, excluded.stdout) == (0, "")
    as_json = _run(
        project, "check", "--format", "json", "--stdin-filename", "generated/client.py", stdin=APP
    )
    assert (as_json.returncode, as_json.stdout) == (0, "[]\n")
    # fix gives back the text it was given: an editor replaces its buffer with the output.
    fixed = _run(project, "fix", "--stdin-filename", "generated/client.py", stdin=APP)
    assert (fixed.returncode, fixed.stdout) == (0, APP)


def test_fix_stdin_filename_writes_nothing(project: Path) -> None:
    before = (project / "app/views.py").read_text()
    result = _run(
        project,
        "fix",
        "--unsafe-fixes",
        "--stdin-filename",
        "app/views.py",
        stdin=textwrap.dedent(VIEW),
    )
    assert 'error_response("gone", HTTPStatus.NOT_FOUND)' in result.stdout
    assert (project / "app/views.py").read_text() == before


def test_no_path_is_a_one_line_error(project: Path) -> None:
    result = _run(project, "check")
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
