"""The plugin through real flake8 in a subprocess: selection, noqa, config files, options."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

SOURCE = textwrap.dedent(
    """\
    from django.http import HttpResponse


    def view(request):
        return HttpResponse(status=404)
    """
)


def run_flake8(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--jobs", "1", *args, "."],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )


def write(directory: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        path = directory / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return directory


def test_version_lists_the_plugin(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True, check=True
    )
    assert "flake8-httpstatus" in result.stdout


def test_finding_reported_with_code_and_constant(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": SOURCE})
    result = run_flake8(tmp_path, "--select=HS")
    assert result.stdout.splitlines() == [
        "./app.py:5:32: HS101 magic status code 404: use HTTPStatus.NOT_FOUND"
    ]
    assert result.returncode == 1


def test_select_other_codes_hides_findings(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": SOURCE})
    result = run_flake8(tmp_path, "--select=E9")
    assert result.stdout == ""
    assert result.returncode == 0


def test_noqa_with_code(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": SOURCE.replace("status=404)", "status=404)  # noqa: HS101")})
    result = run_flake8(tmp_path, "--select=HS")
    assert result.stdout == ""


def test_noqa_with_other_code_keeps_finding(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": SOURCE.replace("status=404)", "status=404)  # noqa: HS201")})
    result = run_flake8(tmp_path, "--select=HS")
    assert "HS101" in result.stdout


def test_per_file_ignores(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": SOURCE,
            "tests/test_app.py": SOURCE,
            "setup.cfg": """\
                [flake8]
                select = HS
                per-file-ignores =
                    tests/*: HS101
            """,
        },
    )
    result = run_flake8(tmp_path)
    assert result.stdout.splitlines() == [
        "./app.py:5:32: HS101 magic status code 404: use HTTPStatus.NOT_FOUND"
    ]


@pytest.mark.parametrize("config_file", ["setup.cfg", "tox.ini", ".flake8"])
def test_options_from_config_files(tmp_path: Path, config_file: str) -> None:
    write(
        tmp_path,
        {
            "app.py": SOURCE,
            config_file: """\
                [flake8]
                select = HS
                httpstatus-style = drf
            """,
        },
    )
    result = run_flake8(tmp_path)
    assert "use status.HTTP_404_NOT_FOUND" in result.stdout


def test_allow_codes_from_config(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": SOURCE,
            "setup.cfg": "[flake8]\nselect = HS\nhttpstatus-allow-codes = 200, 404\n",
        },
    )
    assert run_flake8(tmp_path).stdout == ""


def test_command_line_option(tmp_path: Path) -> None:
    write(tmp_path, {"app.py": SOURCE})
    result = run_flake8(tmp_path, "--select=HS", "--httpstatus-style=fastapi")
    assert "use status.HTTP_404_NOT_FOUND" in result.stdout


def test_extra_sinks(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "app.py": """\
                from myapp.http import error_response


                def view(request):
                    return error_response("nope", 403)
            """,
            "setup.cfg": """\
                [flake8]
                select = HS
                httpstatus-extra-sinks =
                    myapp.http:error_response:status@1
            """,
        },
    )
    assert "HS101 magic status code 403: use HTTPStatus.FORBIDDEN" in run_flake8(tmp_path).stdout


@pytest.mark.parametrize(
    ("requires", "constant"),
    [(">=3.13", "UNPROCESSABLE_CONTENT"), (">=3.12", "UNPROCESSABLE_ENTITY")],
)
def test_target_python_from_pyproject(tmp_path: Path, requires: str, constant: str) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": f'[project]\nname = "x"\nrequires-python = "{requires}"\n',
            "app.py": """\
                from http import HTTPStatus
                from django.http import HttpResponse


                def view(request):
                    return HttpResponse(status=422)
            """,
        },
    )
    result = run_flake8(tmp_path, "--select=HS")
    assert f"use HTTPStatus.{constant}" in result.stdout


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("httpstatus-style", "bogus"),
        ("httpstatus-target-python", "two"),
        ("httpstatus-allow-codes", "4o4"),
        ("httpstatus-allow-nonstandard", "x"),
        ("httpstatus-extra-sinks", "no-colons"),
        ("httpstatus-library-versions", "starlette"),
    ],
)
@pytest.mark.parametrize("where", ["config", "command line"])
def test_bad_option_is_a_one_line_error(
    tmp_path: Path, option: str, value: str, where: str
) -> None:
    write(tmp_path, {"app.py": SOURCE})
    if where == "config":
        write(tmp_path, {"setup.cfg": f"[flake8]\n{option} = {value}\n"})
        result = run_flake8(tmp_path)
    else:
        result = run_flake8(tmp_path, f"--{option}={value}")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert option in result.stderr
    assert len(result.stderr.strip().splitlines()) <= 3


ROOT = Path(__file__).resolve().parents[1]


def test_example_app_shows_every_rule_on_by_default() -> None:
    # The README's quick start: plain `flake8 examples/`, nothing else to report.
    result = run_flake8(ROOT / "examples")
    codes = {line.split(": ")[1].split()[0] for line in result.stdout.splitlines()}
    from flake8_httpstatus.rules import RULES

    assert codes == {code for code, rule in RULES.items() if rule.default_enabled}


def test_off_by_default_rules_follow_flake8_selection(tmp_path: Path) -> None:
    write(
        tmp_path,
        {"app.py": "from django.http import HttpResponse\n\nHttpResponse(status=200)\n"},
    )
    assert "HS406" not in run_flake8(tmp_path).stdout
    assert "HS406" in run_flake8(tmp_path, "--extend-select=HS406").stdout


def test_self_lint_is_clean() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "flake8",
            "--select=HS",
            "--extend-exclude=tests/fixtures",
            "flake8_httpstatus",
            "tests",
            "benchmarks",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stdout == ""
    assert result.returncode == 0


def test_flake8_path_never_imports_the_fixer() -> None:
    script = (
        "import ast, sys\n"
        "from flake8_httpstatus.frontends.plugin import Plugin\n"
        "source = 'from flask import abort\\nabort(404)\\n'\n"
        "assert list(Plugin(ast.parse(source), 'x.py', source.splitlines(True)).run())\n"
        "fixer = ('libcst', 'flake8_httpstatus.fixes.fixer', 'flake8_httpstatus.fixes.imports')\n"
        "print(sorted(name for name in sys.modules if name.startswith(fixer)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_target_python_from_python_version_file(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": '[project]\nname = "app"\n',
            ".python-version": "3.14.7\n",
            "app.py": """\
                from http import HTTPStatus


                def check(response):
                    assert response.status_code == HTTPStatus.UNPROCESSABLE_CONTENT
            """,
        },
    )
    assert "HS204" not in run_flake8(tmp_path, "--select=HS").stdout


CHECK_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "checks").glob("*.py"))


@pytest.mark.parametrize("path", CHECK_FIXTURES, ids=[path.stem for path in CHECK_FIXTURES])
def test_the_plugin_skips_no_file_with_findings(path: Path) -> None:
    """The plugin skips the walk of a file its candidates test rejects. A file with findings
    must never be skipped, or the front ends differ."""
    from flake8_httpstatus.rules.candidates import Candidates
    from tests.expectations import load_fixture
    from tests.test_checks import reported

    if not reported(path):
        return
    settings = load_fixture(path).settings
    names = tuple(sink.qualified_name.rpartition(".")[2] for sink in settings.extra_sinks)
    assert Candidates(names).admits(path.read_text(encoding="utf-8"))


def test_flake8_and_check_agree_on_one_tree(tmp_path: Path) -> None:
    """Both front ends on the same tree: a response's `.code` in a file importing only json,
    and flake8's own `exclude` in setup.cfg, which `check` honours as flake8 does."""
    write(
        tmp_path,
        {
            "setup.cfg": "[flake8]\nexclude = scripts/*\nextend-exclude = build\n",
            "tests/test_api.py": """\
                import json


                def test_fetch(response):
                    assert response.code == 200
                    assert json.loads(response.body) == {}
                """,
            "scripts/deploy.py": SOURCE,
            "build/lib/app.py": SOURCE,
            "app.py": SOURCE,
        },
    )
    flake8 = run_flake8(
        tmp_path, "--select", "HS", "--format", "%(path)s:%(row)d:%(col)d: %(code)s"
    )
    check = subprocess.run(
        [sys.executable, "-m", "flake8_httpstatus", "check", "."],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )

    def located(output: str) -> list[str]:
        return sorted(
            line.removeprefix("./").split(" ")[0].rstrip(":") + ":"
            for line in output.splitlines()
            if ": HS" in line
        )

    assert located(flake8.stdout) == ["app.py:5:32:", "tests/test_api.py:5:29:"], flake8.stdout
    assert located(check.stdout) == located(flake8.stdout), check.stdout
