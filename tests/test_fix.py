"""The fixer: golden before/after files, and what must hold for every fix (the result parses,
a second run changes nothing, each constant equals the literal it replaced, no undefined or
redefined names), including CRLF, BOM and encoding cookies kept byte for byte."""

from __future__ import annotations

import ast
import importlib
import re
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest

from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.fixes.fixer import fix_text, in_place
from flake8_httpstatus.fixes.imports import ImportStyle
from flake8_httpstatus.rules import RULES, check
from tests.expectations import load_fixture

FIX = Path(__file__).parent / "fixtures" / "fix"
CASES = sorted(path for path in FIX.glob("*.py") if not path.name.endswith(".fixed.py"))


def style_of(text: str) -> ImportStyle:
    """The import style a fixture's `# style: key=value ...` header sets (else the default)."""
    match = re.search(r"^# style: (.*)$", text, re.MULTILINE)
    values: dict[str, Any] = {}
    for item in match.group(1).split() if match else ():
        key, _, value = item.partition("=")
        if key.startswith("known_"):
            values[key] = frozenset(value.split(","))
        elif key == "line_length":
            values[key] = int(value)
        elif key == "wrap":
            values[key] = value
        else:
            values[key] = value == "true"
    return ImportStyle(**values)


def fixed(text: str, path: Path, unsafe: bool = False) -> tuple[str, list[Finding]]:
    fixture = load_fixture(path)
    findings = [
        f
        for f in check(ast.parse(text), fixture.settings, str(path))
        if RULES[f.code].default_enabled or f.code in fixture.enabled
    ]
    unsafe = unsafe or "# fix: unsafe" in text
    result = fix_text(text, findings, style=style_of(text), unsafe=unsafe)
    applied = list(result.applied)
    if not all(in_place(finding) for finding in applied) and result.text != text:
        # As the runner does: what a keyword or a removal makes visible is fixed next (the
        # findings returned are the first round's, whose positions are in `text`).
        return fixed(result.text, path, unsafe)[0], applied
    return result.text, applied


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_golden(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    after, _ = fixed(before, path)
    expected = path.with_name(path.stem + ".fixed.py")
    if expected.exists():
        assert after == expected.read_text(encoding="utf-8")
    else:
        assert after == before, "a noop case must stay byte-identical"


@pytest.mark.parametrize("path", CASES, ids=[path.stem for path in CASES])
def test_fix_invariants(path: Path) -> None:
    before = path.read_text(encoding="utf-8")
    after, applied = fixed(before, path)
    ast.parse(after)
    assert fixed(after, path)[0] == after, "a second run must change nothing"
    old_names, new_names = _namespace(before), _namespace(after)
    for finding in applied:
        new = replacement(finding)
        if new is None:
            continue  # a fix elsewhere than its finding (HS501's responses= entries)
        segment = _segment(before, finding.line, finding.col, finding.end_line, finding.end_col)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # deprecated Starlette names warn on access
            try:
                original = eval(segment, dict(old_names))
            except AttributeError:
                original = _intended_code(segment, old_names)
            assert eval(new, dict(new_names)) == original, finding
    result = subprocess.run(
        [sys.executable, "-m", "pyflakes", "-"], input=after, capture_output=True, text=True
    )
    problems = [
        line
        for line in result.stdout.splitlines()
        if "undefined name" in line or "redefinition" in line
    ]
    assert not problems, problems


def replacement(finding: Finding) -> str | None:
    """The text a fix puts in the finding's place, if the fix is that one replacement."""
    if finding.fix is None or len(finding.fix.edits) != 1:
        return None
    (edit,) = finding.fix.edits
    same = (edit.line, edit.col, edit.end_line, edit.end_col) == (
        finding.line,
        finding.col,
        finding.end_line,
        finding.end_col,
    )
    return edit.content if same else None


def _intended_code(segment: str, names: dict[str, object]) -> int | None:
    """The code a constant name that does not exist here stands for (a newer name, or the
    name it misspells), from the registry."""
    import http

    from flake8_httpstatus.knowledge.registry import check_name

    holder_text, _, name = segment.rpartition(".")
    holder = eval(holder_text, dict(names))
    style = "stdlib" if holder is http.HTTPStatus else holder.__name__.partition(".")[0]
    problem = check_name(style, name, {"python": (3, 9)})
    assert problem is not None
    return problem.code


def _segment(text: str, line: int, col: int, end_line: int, end_col: int) -> str:
    lines = text.splitlines()
    assert line == end_line
    return lines[line - 1].encode()[col:end_col].decode()


# Modules that hold status constants, safe to import without configuring a framework.
_HOLDER_MODULES = {
    "http",
    "http.client",
    "rest_framework",
    "rest_framework.status",
    "starlette",
    "starlette.status",
    "fastapi",
    "litestar",
    "litestar.status_codes",
    "falcon",
    "httpx",
    "requests",
}


def _namespace(text: str) -> dict[str, object]:
    """A file's imports of constant holders, run for real (never the file itself)."""
    namespace: dict[str, object] = {}
    for node in ast.parse(text).body:
        if isinstance(node, ast.ImportFrom) and node.module in _HOLDER_MODULES:
            module = importlib.import_module(node.module)
            for alias in node.names:
                value = getattr(module, alias.name, None)
                if value is None:
                    try:
                        value = importlib.import_module(f"{node.module}.{alias.name}")
                    except ImportError:
                        continue
                    except Exception:  # e.g. rest_framework.generics wants Django settings
                        continue
                namespace[alias.asname or alias.name] = value
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name not in _HOLDER_MODULES:
                    continue
                head = alias.name.partition(".")[0]
                namespace[alias.asname or head] = importlib.import_module(
                    alias.name if alias.asname else head
                )
    return namespace


@pytest.mark.parametrize(
    ("name", "encode"),
    [
        ("crlf", lambda text: text.replace("\n", "\r\n").encode()),
        ("bom", lambda text: b"\xef\xbb\xbf" + text.encode()),
        (
            "latin-1 cookie",
            lambda text: ("# -*- coding: latin-1 -*-\n# café\n" + text).encode("latin-1"),
        ),
    ],
)
def test_bytes_survive_the_fix(tmp_path: Path, name: str, encode) -> None:
    from flake8_httpstatus.frontends.cli import main

    before = (FIX / "stdlib_adds_import.py").read_text(encoding="utf-8")
    after = (FIX / "stdlib_adds_import.fixed.py").read_text(encoding="utf-8")
    target = tmp_path / "app.py"
    target.write_bytes(encode(before))
    target.chmod(0o640)
    assert main(["fix", str(target)]) == 1
    assert target.read_bytes() == encode(after)
    assert target.stat().st_mode & 0o777 == 0o640
    assert main(["fix", str(target)]) == 0


def test_each_fix_is_as_safe_as_its_rule_says() -> None:
    from flake8_httpstatus.rules import FixSafety

    checks = Path(__file__).parent / "fixtures" / "checks"
    seen: set[tuple[str, bool]] = set()
    for path in [*CASES, *sorted(checks.glob("*.py"))]:
        text = path.read_text(encoding="utf-8")
        for finding in check(ast.parse(text), load_fixture(path).settings, str(path)):
            rule = RULES[finding.code]
            if finding.fix is None:
                continue
            assert rule.fix_safety is not FixSafety.NONE, finding
            if rule.fix_safety is not FixSafety.MIXED:
                assert finding.fix.safe is (rule.fix_safety is FixSafety.SAFE), finding
            seen.add((finding.code, finding.fix.safe))
    assert {("HS101", True), ("HS101", False), ("HS404", False), ("HS406", True)} <= seen


def test_unsafe_fixes_only_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flake8_httpstatus.frontends.cli import main

    monkeypatch.chdir(tmp_path)
    source = "from litestar.exceptions import HTTPException\n\nraise HTTPException(404)\n"
    (tmp_path / "app.py").write_text(source, encoding="utf-8")
    assert main(["fix", "app.py"]) == 0
    assert (tmp_path / "app.py").read_text(encoding="utf-8") == source
    assert main(["fix", "--unsafe-fixes", "app.py"]) == 1
    after = (tmp_path / "app.py").read_text(encoding="utf-8")
    # The keyword, then (next round) the constant that position now takes.
    assert after.endswith("raise HTTPException(status_code=HTTP_404_NOT_FOUND)\n")
    assert "from litestar.status_codes import HTTP_404_NOT_FOUND\n" in after
    assert main(["fix", "--unsafe-fixes", "app.py"]) == 0
