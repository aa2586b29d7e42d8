"""HS501's fix, run for real: `fix --unsafe-fixes` on the golden case gives the golden result,
and FastAPI's OpenAPI document of the fixed application lists every status each route sends,
which that of the application before did not (the file is run in a fresh Python, never here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main

CASE = Path(__file__).parent / "fixtures" / "fix" / "hs501_add_responses.py"
FIXED = CASE.with_name(CASE.stem + ".fixed.py")
# What each route sends, by path and method (read from the case by hand).
SENT = {
    "/books/{book_id}": {"get": {404, 410}, "put": {409, 423}, "delete": {403}, "patch": {404}},
    "/books": {"post": {507}},
    "/health": {"get": {503}},
}
_OPENAPI = """
import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("case_app", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(json.dumps({
    path: {method: sorted(int(code) for code in operation["responses"])
           for method, operation in operations.items()}
    for path, operations in module.app.openapi()["paths"].items()
}))
"""


def documented(path: Path) -> dict[str, dict[str, set[int]]]:
    done = subprocess.run(
        [sys.executable, "-c", _OPENAPI, str(path)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    found = json.loads(done.stdout)
    return {
        route: {method: set(codes) for method, codes in methods.items()}
        for route, methods in found.items()
    }


def test_the_fixed_application_documents_what_it_sends() -> None:
    pytest.importorskip("fastapi")
    before, after = documented(CASE), documented(FIXED)
    for route, methods in SENT.items():
        for method, statuses in methods.items():
            assert statuses <= after[route][method], (route, method)
            if route != "/health":  # documented already
                assert not statuses <= before[route][method], (route, method)


def test_the_command_gives_the_golden_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    target = tmp_path / "app.py"
    target.write_text(CASE.read_text(encoding="utf-8"), encoding="utf-8")
    main(["fix", "--select", "HS501", "app.py"])  # an unsafe fix: not made without asking
    assert target.read_text(encoding="utf-8") == CASE.read_text(encoding="utf-8")
    main(["fix", "--select", "HS501", "--unsafe-fixes", "app.py"])
    assert target.read_text(encoding="utf-8") == FIXED.read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--select", "HS501", "app.py"]) == 0
