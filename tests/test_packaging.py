"""The built wheel and sdist work in a fresh environment with no source tree beside them."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [sys.executable, "-m", "build", "--outdir", str(out), str(ROOT)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.mark.parametrize("pattern", ["*.whl", "*.tar.gz"], ids=["wheel", "sdist"])
def test_installed_distribution_works_alone(dist: Path, tmp_path: Path, pattern: str) -> None:
    (archive,) = dist.glob(pattern)
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    subprocess.run(
        [str(python), "-m", "pip", "install", "-q", str(archive)], check=True, cwd=tmp_path
    )
    work = tmp_path / "work"
    work.mkdir()
    (work / "app.py").write_text(
        "from flask import abort\n\ndef view():\n    abort(404)\n", encoding="utf-8"
    )

    def run(*args: str) -> str:
        result = subprocess.run(
            [str(python), *args], cwd=work, capture_output=True, text=True, check=False
        )
        assert "Traceback" not in result.stderr, result.stderr
        return result.stdout

    assert "The server can not find the requested resource" in run(
        "-m", "flake8_httpstatus", "explain", "404"
    )
    assert "## What it does" in run("-m", "flake8_httpstatus", "explain", "HS101")
    assert '"code": 429' in run("-m", "flake8_httpstatus", "codes", "--json")
    assert "HS101 magic status code 404" in run("-m", "flake8", "--select=HS", "app.py")
    # The version is written once, in the package, and the metadata reads it from there.
    assert run("-c", "import importlib.metadata as m; print(m.version('flake8-httpstatus'))") == (
        run("-c", "import flake8_httpstatus; print(flake8_httpstatus.__version__)")
    )
    cli = env / "bin" / "flake8-httpstatus"
    assert cli.exists()


def test_the_wheel_carries_the_codemod_and_its_extra(dist: Path) -> None:
    """`[libcst]` installs LibCST, and the command module is in the wheel for it to find."""
    (wheel,) = dist.glob("*.whl")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (metadata,) = (name for name in names if name.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode().splitlines()
    assert "flake8_httpstatus/frontends/codemods/httpstatus.py" in names
    assert "Provides-Extra: libcst" in lines
    assert 'Requires-Dist: libcst>=1.1; extra == "libcst"' in lines
