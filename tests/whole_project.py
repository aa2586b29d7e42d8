"""The findings of the rules over the whole project (HS501, HS502): in one piece of code, made
the one module of a project in a temporary directory, or from a command run in a project."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.routes.source import Source
from flake8_httpstatus.routes.whole import whole_project_findings as findings


def whole_project_findings(code: str) -> list[Finding]:
    with tempfile.TemporaryDirectory() as directory:
        project = Path(directory)
        (project / "pyproject.toml").write_text("[project]\nname = 'example'\n", encoding="utf-8")
        (project / "app.py").write_text(code, encoding="utf-8")
        return findings(Source(project)).get("app.py", [])


def run(directory: Path, capsys: pytest.CaptureFixture[str], *args: str) -> str:
    """What the command line prints when run with `args` from `directory`."""
    cwd = Path.cwd()
    os.chdir(directory)
    try:
        capsys.readouterr()
        main(list(args))
    finally:
        os.chdir(cwd)
    return capsys.readouterr().out


def hs501_lines(project: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What `check --select HS501` prints from the root of a copy of the fixture `project`,
    each line up to its " which " clause (the summary line last)."""
    copy = tmp_path / project.name
    shutil.copytree(project, copy)
    out = run(copy, capsys, "check", "--select", "HS501", ".")
    return [line.split(" which ")[0] for line in out.splitlines()]
