"""The language server in a real editor: Debian's Neovim, headless, with the documented config.

The config is taken from the Neovim block of docs/editors.md, so what users copy is what is
tested. The driver (tests/neovim/driver.lua) opens a file, waits for diagnostics, asks for the code actions
on the first, applies the preferred quick fix and writes the buffer. Without `nvim` the test
skips on a developer's machine and fails under CI (CI=true), where .ci/run installs it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.rules import RULES, Severity

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
DRIVER = Path(__file__).parent / "neovim" / "driver.lua"
# vim.diagnostic.severity, which are LSP's numbers.
VIM_SEVERITY = {Severity.ERROR: 1, Severity.WARNING: 2, Severity.INFO: 3}

SOURCE = (
    "from django.http import HttpResponse\n"
    "\n"
    "\n"
    "def view(request):\n"
    "    name = 'café 😀'; return HttpResponse(status=404)\n"
    "\n"
    "\n"
    "def other(request):\n"
    "    return HttpResponse(status=299)\n"
)
FIXED = (
    "from http import HTTPStatus\n"
    "\n"
    "from django.http import HttpResponse\n"
    "\n"
    "\n"
    "def view(request):\n"
    "    name = 'café 😀'; return HttpResponse(status=HTTPStatus.NOT_FOUND)\n"
    "\n"
    "\n"
    "def other(request):\n"
    "    return HttpResponse(status=299)\n"
)


def documented_config() -> str:
    editors = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    section = editors[editors.index("## Neovim") :]
    match = re.search(r"```lua\n(.*?)```", section, re.DOTALL)
    assert match is not None, "docs/editors.md has no Neovim config block"
    return match.group(1)


def nvim() -> str:
    found = shutil.which("nvim")
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("nvim is not installed; .ci/run installs Debian's neovim package")
        pytest.skip("nvim is not installed (apt-get install -y neovim)")
    return found


def test_quick_fix_in_neovim(tmp_path: Path) -> None:
    editor = nvim()
    project = tmp_path / "project"
    project.mkdir()
    # The project's own configuration, so none from the directories above applies.
    (project / "pyproject.toml").write_text("[project]\nname = 'x'\n", encoding="utf-8")
    app = project / "app.py"
    app.write_text(SOURCE, encoding="utf-8")
    config = tmp_path / "init.lua"
    config.write_text(documented_config(), encoding="utf-8")
    out = tmp_path / "result.json"
    home = tmp_path / "home"
    env = {
        **os.environ,
        # The server is started as users start it: `flake8-httpstatus lsp` from PATH.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_STATE_HOME": str(home / "state"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "HS_NVIM_FILE": str(app),
        "HS_NVIM_OUT": str(out),
    }
    done = subprocess.run(
        [editor, "--headless", "-u", str(config), "-i", "NONE", "-n", "-c", f"luafile {DRIVER}"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=240,
        check=False,
    )
    assert out.exists(), f"nvim wrote no result\n{done.stdout}\n{done.stderr}"
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result.get("error") is None, result

    line = SOURCE.splitlines()[4]
    start = len(line[: line.index("404")].encode("utf-8"))  # Neovim keeps byte columns
    assert [
        (d["code"], d["lnum"], d["col"], d["end_lnum"], d["end_col"], d["severity"], d["source"])
        for d in result["diagnostics"]
    ] == [
        (
            "HS101",
            4,
            start,
            4,
            start + 3,
            VIM_SEVERITY[RULES["HS101"].severity],
            "flake8-httpstatus",
        ),
        ("HS201", 8, 31, 8, 34, VIM_SEVERITY[RULES["HS201"].severity], "flake8-httpstatus"),
    ]
    assert result["diagnostics"][0]["message"].startswith("HS101 magic status code 404")
    assert "Replace with `HTTPStatus.NOT_FOUND`" in result["actions"]
    assert "Add `# noqa: HS101`" in result["actions"]
    assert result["applied"] == "Replace with `HTTPStatus.NOT_FOUND`"
    assert app.read_text(encoding="utf-8") == FIXED
    assert [(d["code"], d["lnum"]) for d in result["after"]] == [("HS201", 10)]
