"""The per-file-ignores table copied from ruff matches files as ruff does: each pattern checked
against real ruff on the same tree (ruff's F401 next to our HS101, in one pyproject.toml)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.runner import job_for

FILES = (
    "tests/test_main.py",
    "tests/sub/test_a.py",
    "tests/sub/deep/test_b.py",
    "src/test_c.py",
    "src/app.py",
)
PATTERNS = (
    "tests/**/*.py",
    "tests/*",
    "tests/*.py",
    "./tests/*.py",
    "test_*.py",
    "tests",
    "sub/*.py",
    "**/deep/*.py",
    "tests/**",
    "*/test_a.py",
    "tests/sub/test_[ab].py",
    "tests/sub/test_[!a].py",
    "tests/{sub,src}/*.py",
    "tests/s?b/*.py",
    "app.py",
)
RUFF = Path(sys.executable).parent / "ruff"


def _ignored_by_ruff(root: Path) -> set[str]:
    result = subprocess.run(
        [str(RUFF), "check", "--no-cache", "--output-format", "json", "."],
        cwd=root,
        capture_output=True,
        text=True,
        check=False,
    )
    reported = {
        Path(item["filename"]).relative_to(root).as_posix() for item in json.loads(result.stdout)
    }
    return set(FILES) - reported


@pytest.mark.skipif(not RUFF.exists(), reason="ruff is not installed beside this Python")
@pytest.mark.parametrize("pattern", PATTERNS)
def test_the_table_matches_as_ruff_does(tmp_path: Path, pattern: str) -> None:
    for name in FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("import os\n", encoding="utf-8")
    table = json.dumps(pattern)
    (tmp_path / "pyproject.toml").write_text(
        f'[tool.ruff.lint]\nselect = ["F401"]\n\n[tool.ruff.lint.per-file-ignores]\n{table} = ["F401"]\n\n'
        f'[tool.flake8-httpstatus.per-file-ignores]\n{table} = ["HS101"]\n',
        encoding="utf-8",
    )
    job, _ = job_for(tmp_path)
    ours = {name for name in FILES if "HS101" not in job.selection_for(str(tmp_path / name))}
    assert ours == _ignored_by_ruff(tmp_path)


def test_every_matching_pattern_counts(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-httpstatus.per-file-ignores]\n"tests/**" = ["HS101"]\n"test_*.py" = ["HS104"]\n',
        encoding="utf-8",
    )
    selection = job_for(tmp_path)[0].selection_for(str(tmp_path / "tests" / "test_x.py"))
    assert "HS101" not in selection
    assert "HS104" not in selection
    assert "HS201" in selection


def test_flake8s_own_per_file_ignores_keep_flake8s_matching(tmp_path: Path) -> None:
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\nper-file-ignores =\n    tests/**/*.py: HS101\n", encoding="utf-8"
    )
    job, _ = job_for(tmp_path)
    # fnmatch's `**/` needs a directory: flake8 reports in tests/test_main.py.
    assert "HS101" in job.selection_for(str(tmp_path / "tests" / "test_main.py"))
    assert "HS101" not in job.selection_for(str(tmp_path / "tests" / "sub" / "test_a.py"))
