"""VS Code's Flake8 extension (ms-python.flake8), as it runs flake8: in its server process with
`runpy` and its own output format, the text piped with `--stdin-display-name`, and with its
bundled flake8 first on `sys.path` (`importStrategy: useBundled`, the default). And the
`flake8.severity` mapping docs/editors.md gives, read the way the extension reads it."""

from __future__ import annotations

import importlib.metadata
import json
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

from lsprotocol import types

from flake8_httpstatus.frontends.lsp import SEVERITY
from flake8_httpstatus.rules import RULES

ROOT = Path(__file__).resolve().parents[1]
# The extension's output format and the pattern it reads diagnostics with (lsp_server.py).
FORMAT = "--format=%(row)d,%(col)d,%(code).1s,%(code)s:%(text)s"
DIAGNOSTIC = re.compile(r"(?P<line>\d+),(?P<column>-?\d+),(?P<type>\w+),(?P<code>\w+\d+):")
# What its server process does in module mode: the bundled libraries first, then flake8 run
# with runpy in the same process.
SERVER = """\
import runpy, sys
sys.path.insert(0, sys.argv[1])
import flake8
print(flake8.__file__, file=sys.stderr)
sys.argv = ["flake8", *sys.argv[2:]]
try:
    runpy.run_module("flake8", run_name="__main__")
except SystemExit:
    pass
"""


def _bundle(libs: Path) -> None:
    """flake8 and its dependencies laid out as the extension ships them (`pip install -t`)."""
    for name in ("flake8", "pyflakes", "pycodestyle", "mccabe"):
        distribution = importlib.metadata.distribution(name)
        for file in distribution.files or ():
            if file.parts[0] == ".." or "__pycache__" in file.parts:
                continue
            target = libs / file
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(Path(str(distribution.locate_file(file))), target)


def test_the_bundled_flake8_loads_the_plugin_of_the_selected_environment(tmp_path: Path) -> None:
    libs = tmp_path / "bundled" / "libs"
    _bundle(libs)
    project = tmp_path / "project"
    (project / "app").mkdir(parents=True)
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n', encoding="utf-8")
    (project / "app" / "__init__.py").write_text("", encoding="utf-8")
    (project / "app" / "helpers.py").write_text(
        textwrap.dedent(
            """\
            from django.http import JsonResponse


            def error_response(message, code):
                return JsonResponse({"error": message}, status=code)
            """
        ),
        encoding="utf-8",
    )
    unsaved = 'from .helpers import error_response\n\n\ndef view(request):\n    return error_response("x", 404)\n'
    display = str(project / "app" / "views.py")
    result = subprocess.run(
        [sys.executable, "-c", SERVER, str(libs), FORMAT, "--stdin-display-name", display, "-"],
        cwd=project,
        input=unsaved,
        capture_output=True,
        text=True,
        check=False,
        env={"FLAKE8_HTTPSTATUS_CACHE_DIR": "", "PATH": ""},
    )
    assert result.stderr.splitlines()[0].startswith(str(libs)), result.stderr  # bundled
    # The piped text's name brings its project: the helper in the module beside it.
    (line,) = result.stdout.splitlines()
    assert line == (
        "5,32,H,HS101:magic status code 404 passed to error_response() (a status parameter): "
        "use HTTPStatus.NOT_FOUND (unsafe fix: the project's error_response() keeps the value as "
        "given; an HTTPStatus member's repr(), and str() before 3.11, show its name)"
    )
    found = DIAGNOSTIC.match(line)
    assert found is not None
    shown = _extension_severity(found["code"], found["type"], _documented_severity())
    assert shown == "Information"


def _documented_severity() -> dict[str, str]:
    text = (ROOT / "docs" / "editors.md").read_text(encoding="utf-8")
    block = re.search(r'```json\n(\{\n    "flake8\.severity".*?\})\n```', text, re.DOTALL)
    assert block is not None, "docs/editors.md shows the flake8.severity setting"
    mapping: dict[str, str] = json.loads(block.group(1))["flake8.severity"]
    return mapping


def _extension_severity(code: str, code_type: str, severity: dict[str, str]) -> str:
    """The extension's lookup: the code, then ever shorter prefixes of it, then the format's
    type letter, else Error."""
    for end in range(len(code), 0, -1):
        if code[:end] in severity:
            return severity[code[:end]]
    return severity.get(code_type, "Error")


def test_the_documented_mapping_gives_each_rule_its_severity() -> None:
    mapping = _documented_severity()
    for code, rule in RULES.items():
        expected = types.DiagnosticSeverity(SEVERITY[rule.severity]).name  # the server's too
        assert _extension_severity(code, code[0], mapping) == expected, code
    # flake8's own letters keep the extension's defaults.
    assert {key: mapping[key] for key in "EFIW"} == {
        "E": "Error",
        "F": "Error",
        "I": "Information",
        "W": "Warning",
    }
    # Without it, every HS finding is an Error.
    defaults = {"E": "Error", "F": "Error", "I": "Information", "W": "Warning"}
    assert _extension_severity("HS101", "H", defaults) == "Error"
