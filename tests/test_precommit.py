"""The published pre-commit hooks, run by real `pre-commit try-repo` on a temporary repository."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
APP = "from flask import abort\n\n\ndef view():\n    abort(404)\n"


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@t.invalid", *args],
        cwd=cwd,
        check=True,
        capture_output=True,
    )


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs this project's git repo")
@pytest.mark.parametrize(
    ("hook", "fixes"), [("flake8-httpstatus", False), ("flake8-httpstatus-fix", True)]
)
def test_hook(tmp_path: Path, pre_commit_home: Path, hook: str, fixes: bool) -> None:
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "app.py").write_text(APP, encoding="utf-8")
    _git(repo, "add", "app.py")
    _git(repo, "commit", "-qm", "app")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    text = (repo / "app.py").read_text(encoding="utf-8")
    if fixes:
        assert "abort(HTTPStatus.NOT_FOUND)" in text
        assert "files were modified by this hook" in result.stdout
    else:
        assert text == APP
        assert "HS101 magic status code 404: use HTTPStatus.NOT_FOUND" in result.stdout


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="try-repo needs this project's git repo")
def test_fix_hook_leaves_the_excluded_files(tmp_path: Path, pre_commit_home: Path) -> None:
    """pre-commit names every file; the project's `exclude` keeps the hook off migrations/."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    (repo / "shop" / "migrations").mkdir(parents=True)
    (repo / "pyproject.toml").write_text(
        '[tool.flake8-httpstatus]\nexclude = ["migrations"]\n', encoding="utf-8"
    )
    for name in ("shop/views.py", "shop/migrations/0001_init.py"):
        (repo / name).write_text(APP, encoding="utf-8")
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "shop")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}
    hook = ["try-repo", str(ROOT), "flake8-httpstatus-fix", "--all-files"]
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", *hook],
        cwd=repo,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    assert "abort(HTTPStatus.NOT_FOUND)" in (repo / "shop" / "views.py").read_text()
    assert (repo / "shop" / "migrations" / "0001_init.py").read_text(encoding="utf-8") == APP
