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


@pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs this project's git repo")
def test_a_rev_that_resolves(tmp_path: Path, pre_commit_home: Path) -> None:
    """docs/ci.md's set-up before a release: any `rev:`, frozen by autoupdate to the commit
    the repository's head is at, then the hooks run from it."""
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    repo = tmp_path / "repo"
    repo.mkdir()
    _git(repo, "init", "-q")
    (repo / "app.py").write_text(APP, encoding="utf-8")
    config = repo / ".pre-commit-config.yaml"
    config.write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: main\n    hooks:\n      - id: flake8-httpstatus\n",
        encoding="utf-8",
    )
    _git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(pre_commit_home)}

    def pre_commit(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", *args],
            cwd=repo,
            capture_output=True,
            text=True,
            env=env,
            check=False,
        )

    frozen = pre_commit("autoupdate", "--bleeding-edge", "--freeze")
    assert frozen.returncode == 0, frozen.stdout + frozen.stderr
    head = subprocess.run(
        ["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.strip()
    assert f"rev: {head}" in config.read_text(encoding="utf-8")
    result = pre_commit("run", "--all-files")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "HS101 magic status code 404: use HTTPStatus.NOT_FOUND" in result.stdout
