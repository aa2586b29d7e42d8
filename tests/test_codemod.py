"""The LibCST codemod (`python -m libcst.tool codemod httpstatus.FixStatusCodes`): the real
`libcst.tool` on the fixer's golden fixtures gives `fix`'s files byte for byte, `list` shows the
command, and LibCST's own test helpers check what it does with one module."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from libcst.codemod import CodemodContext, CodemodTest

from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.frontends.codemods.httpstatus import FixStatusCodes
from tests.test_fix import CASES

CONFIG = (
    "modules:\n"
    "  - libcst.codemod.commands\n"
    "  - flake8_httpstatus.frontends.codemods\n"
    "formatter: []\n"
)
COMMAND = "httpstatus.FixStatusCodes"
CHECKS = Path(__file__).parent / "fixtures" / "checks"
EXAMPLES = Path(__file__).parent.parent / "examples"
# The bytes `fix` must keep, as in test_fix.test_bytes_survive_the_fix.
ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "crlf": lambda text: text.replace("\n", "\r\n").encode(),
    "bom": lambda text: b"\xef\xbb\xbf" + text.encode(),
    "latin1_cookie": lambda text: ("# -*- coding: latin-1 -*-\n# café\n" + text).encode("latin-1"),
}


def codemod(directory: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "libcst.tool", *args],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )


def _headers(text: str, kind: str) -> list[tuple[str, str]]:
    """The `key=value` items of a fixture's `# config:` or `# style:` header lines."""
    items = [
        item.partition("=")
        for line in re.findall(rf"^# {kind}: (.*)$", text, re.MULTILINE)
        for item in line.split()
    ]
    return [(key, value) for key, _, value in items]


def _pyproject(text: str) -> str:
    """A fixture's `# config:` headers as the configuration `fix` reads (`enable=HS406` as an
    explicit select, which turns on the rules that are off by default)."""
    lines = ["[tool.flake8-httpstatus]"]
    for key, value in _headers(text, "config"):
        lines.append('select = "HS"' if key == "enable" else f"{key} = {value!r}")
    return "\n".join(lines) + "\n"


def _isort(text: str) -> str:
    """A fixture's `# style: ...` header as the isort configuration that gives that style."""
    style = dict(_headers(text, "style"))
    lines = (
        ["[tool.isort]"] if style.get("wrap") == "grid" else ["[tool.isort]", 'profile = "black"']
    )
    for key, value in style.items():
        if key.startswith("known_"):
            lines.append(f"{key} = {value.split(',')!r}")
        elif key == "line_length":
            lines.append(f"{key} = {value}")
        elif key == "wrap":
            lines.append("multi_line_output = 0")  # GRID
        else:
            lines.append(f"{key} = {value}")
    return "\n".join(lines) + "\n"


UNSAFE = "# --unsafe-fixes\n"


def _group(path: Path) -> str:
    """Fixtures that `fix` runs alike share a run: the configuration is read from the working
    directory, `--unsafe-fixes` is per run (the import style is per file, from its project)."""
    text = path.read_text(encoding="utf-8")
    if "# fix: unsafe" in text:
        return UNSAFE + _pyproject(text)
    return _pyproject(text)


GROUPS: dict[str, list[Path]] = {}
for _case in CASES:
    GROUPS.setdefault(_group(_case), []).append(_case)


def _lay_out(root: Path, cases: list[Path]) -> dict[str, bytes]:
    """The fixtures in `root` (those with an import style in a project of their own), and the
    bytes each should end up as."""
    first = cases[0].read_text(encoding="utf-8")
    (root / "pyproject.toml").write_text(_pyproject(first), encoding="utf-8")
    (root / ".libcst.codemod.yaml").write_text(CONFIG, encoding="utf-8")
    expected: dict[str, bytes] = {}
    for case in cases:
        text = case.read_text(encoding="utf-8")
        golden = case.with_name(case.stem + ".fixed.py")
        after = golden.read_text(encoding="utf-8") if golden.exists() else text
        name = case.name
        if _headers(text, "style"):
            (root / case.stem).mkdir()
            (root / case.stem / "pyproject.toml").write_text(_isort(text), encoding="utf-8")
            name = f"{case.stem}/{case.name}"
        (root / name).write_text(text, encoding="utf-8")
        expected[name] = after.encode()
        if case.stem == "stdlib_adds_import":
            for encoding, encode in ENCODINGS.items():
                (root / f"{encoding}.py").write_bytes(encode(text))
                expected[f"{encoding}.py"] = encode(after)
    return expected


DEFAULT = _pyproject("")


@pytest.mark.parametrize(
    "group",
    # The fixtures with a configuration of their own are one run each: those are slow.
    [
        group if group == DEFAULT else pytest.param(group, marks=pytest.mark.slow)
        for group in GROUPS
    ],
    ids=[cases[0].stem if group != DEFAULT else "default" for group, cases in GROUPS.items()],
)
def test_golden_fixtures_as_fix_leaves_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, group: str
) -> None:
    unsafe = ["--unsafe-fixes"] if group.startswith(UNSAFE) else []
    by_fix, by_codemod = tmp_path / "fix", tmp_path / "codemod"
    by_fix.mkdir()
    expected = _lay_out(by_fix, GROUPS[group])
    shutil.copytree(by_fix, by_codemod)
    before = {name: (by_fix / name).read_bytes() for name in expected}

    monkeypatch.chdir(by_fix)
    main(["fix", *unsafe, "."])
    ran = codemod(by_codemod, "codemod", COMMAND, "--no-format", "--hide-progress", *unsafe, ".")
    assert ran.returncode == 0, ran.stderr

    for name, after in expected.items():
        assert (by_codemod / name).read_bytes() == (by_fix / name).read_bytes(), name
        assert (by_fix / name).read_bytes() == after, name
    changed = sum(after != before[name] for name, after in expected.items())
    assert f"Transformed {changed} files successfully." in ran.stderr
    assert f"Skipped {len(expected) - changed} files." in ran.stderr


@pytest.mark.slow
@pytest.mark.parametrize(
    "flags",
    [[], ["--select", "HS1"], ["--ignore", "HS101"], ["--unsafe-fixes"]],
    ids=["default", "select", "ignore", "unsafe"],
)
def test_check_fixtures_and_example_as_fix_leaves_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, flags: list[str]
) -> None:
    """Every finding fixture and the example app, with a per-file-ignores table: the same
    files from both, whatever the selection."""
    by_fix, by_codemod = tmp_path / "fix", tmp_path / "codemod"
    shutil.copytree(CHECKS, by_fix / "checks")
    shutil.copytree(EXAMPLES, by_fix / "examples")
    (by_fix / "pyproject.toml").write_text(
        '[tool.flake8-httpstatus.per-file-ignores]\n"*_tests.py" = ["HS101"]\n'
    )
    (by_fix / ".libcst.codemod.yaml").write_text(CONFIG, encoding="utf-8")
    shutil.copytree(by_fix, by_codemod)
    files = sorted(path.relative_to(by_fix) for path in by_fix.rglob("*.py"))

    monkeypatch.chdir(by_fix)
    main(["fix", *flags, "."])
    ran = codemod(by_codemod, "codemod", COMMAND, "--no-format", "--hide-progress", *flags, ".")
    assert ran.returncode == 0, ran.stderr

    assert any(
        (by_fix / name).read_bytes() != (CHECKS.parent / name).read_bytes()
        for name in files
        if name.parts[0] == "checks"
    )
    for name in files:
        assert (by_codemod / name).read_bytes() == (by_fix / name).read_bytes(), name


def test_listed_and_reported(tmp_path: Path) -> None:
    (tmp_path / ".libcst.codemod.yaml").write_text(CONFIG, encoding="utf-8")
    listed = codemod(tmp_path, "list")
    assert f"{COMMAND} - {FixStatusCodes.DESCRIPTION}" in listed.stdout.splitlines()
    assert "noop.NOOPCommand - Does absolutely nothing." in listed.stdout.splitlines()

    before = "from fastapi import HTTPException\n\nraise HTTPException(status_code=404)\n"
    (tmp_path / "views.py").write_text(before)
    (tmp_path / "clean.py").write_text("x = 1\n")
    (tmp_path / "venv").mkdir()
    (tmp_path / "venv" / "vendored.py").write_text(before)
    ran = codemod(tmp_path, "codemod", COMMAND, "--no-format", "--hide-progress", ".")
    assert ran.returncode == 0, ran.stderr
    assert (tmp_path / "views.py").read_text() == (
        "from fastapi import HTTPException, status\n\n"
        "raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)\n"
    )
    assert f"Skipped codemodding {tmp_path / 'clean.py'}: nothing to fix" in ran.stderr
    assert f"Skipped codemodding {tmp_path / 'venv' / 'vendored.py'}: excluded" in ran.stderr
    assert "Transformed 1 files successfully." in ran.stderr
    assert (tmp_path / "venv" / "vendored.py").read_text() == before


def test_bad_arguments_and_configuration_are_one_line(tmp_path: Path) -> None:
    (tmp_path / ".libcst.codemod.yaml").write_text(CONFIG, encoding="utf-8")
    (tmp_path / "views.py").write_text("status = 404\n")
    ran = codemod(tmp_path, "codemod", COMMAND, "--select", "HS9", "views.py")
    assert ran.returncode == 2
    assert ran.stderr.splitlines()[-1].endswith(
        "error: argument --select: select/ignore: 'HS9' matches no rule"
    )
    (tmp_path / "pyproject.toml").write_text("[tool.flake8-httpstatus]\nstyle = 'nonsense'\n")
    ran = codemod(tmp_path, "codemod", COMMAND, "views.py")
    assert ran.returncode == 2
    assert "Traceback" not in ran.stderr
    assert "httpstatus-style" in ran.stderr.splitlines()[-1]
    assert (tmp_path / "views.py").read_text() == "status = 404\n"


def test_standard_input_is_a_filter(tmp_path: Path) -> None:
    """`-` as `fix -`: the fixed module out, and a clean one out unchanged (LibCST's standard
    input takes a skip for a failure and prints nothing)."""
    (tmp_path / ".libcst.codemod.yaml").write_text(CONFIG, encoding="utf-8")
    for before, after in [
        ("from flask import abort\n\nabort(404)\n", "abort(HTTPStatus.NOT_FOUND)\n"),
        ("x = 1\n", "x = 1\n"),
    ]:
        ran = subprocess.run(
            [sys.executable, "-m", "libcst.tool", "codemod", COMMAND, "--no-format", "-"],
            cwd=tmp_path,
            input=before,
            capture_output=True,
            text=True,
            check=False,
        )
        assert ran.returncode == 0, ran.stderr
        assert ran.stdout.endswith(after + "\n")  # LibCST's print adds a line break


class TestFixStatusCodes(CodemodTest):
    """LibCST's helpers: a module in, the module out; in a file (`in_file`) as the codemod
    runner gives it, else as `fix -` reads standard input."""

    TRANSFORM = FixStatusCodes

    @pytest.fixture(autouse=True)
    def _elsewhere(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.chdir(tmp_path)  # no configuration but the defaults
        self.tmp_path = tmp_path

    def in_file(self, name: str = "app.py") -> CodemodContext:
        return CodemodContext(filename=str(self.tmp_path / name))

    def test_fixes(self) -> None:
        before = """
            from fastapi import HTTPException

            def missing():
                raise HTTPException(status_code=404)
        """
        after = """
            from fastapi import HTTPException, status

            def missing():
                raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
        """
        self.assertCodemod(before, after, context_override=self.in_file())
        self.assertCodemod(before, after)

    def test_nothing_to_fix_skips_the_file(self) -> None:
        source = """
            from fastapi import status

            OK = status.HTTP_200_OK
        """
        self.assertCodemod(source, source, expected_skip=True, context_override=self.in_file())
        self.assertCodemod(source, source)  # no file to skip

    def test_excluded_files_are_skipped(self) -> None:
        source = """
            from fastapi import HTTPException

            raise HTTPException(status_code=404)
        """
        vendored = self.in_file("node_modules/app.py")
        self.assertCodemod(source, source, expected_skip=True, context_override=vendored)

    def test_unsafe_fixes_warn_unless_asked(self) -> None:
        before = """
            from litestar.exceptions import HTTPException

            raise HTTPException(404)
        """
        after = """
            from litestar.exceptions import HTTPException
            from litestar.status_codes import HTTP_404_NOT_FOUND

            raise HTTPException(status_code=HTTP_404_NOT_FOUND)
        """
        warning = (
            "line 3: HS404 left: its fix changes what the code does (--unsafe-fixes applies it)"
        )
        self.assertCodemod(
            before,
            before,
            expected_skip=True,
            expected_warnings=[warning],
            context_override=self.in_file(),
        )
        self.assertCodemod(before, after, unsafe_fixes=True, context_override=self.in_file())

    def test_selection(self) -> None:
        before = """
            from flask import abort

            abort(404)
        """
        after = """
            from http import HTTPStatus

            from flask import abort

            abort(HTTPStatus.NOT_FOUND)
        """
        for selection in ({"ignore": "HS1"}, {"select": "HS2"}):
            self.assertCodemod(
                before, before, expected_skip=True, context_override=self.in_file(), **selection
            )
        self.assertCodemod(before, after, select="HS101", context_override=self.in_file())

    def test_a_file_is_checked_with_its_project(self) -> None:
        """With a file name, as `fix` checks the file: its project's versions (here a Starlette
        whose 422 constant has its new name); without one, as `fix -` (no project)."""
        project = self.tmp_path / "shop"
        project.mkdir()
        (project / "pyproject.toml").write_text(
            '[project]\nname = "shop"\ndependencies = ["starlette>=0.48"]\n'
        )
        before = """
            from starlette import status

            invalid = status.HTTP_422_UNPROCESSABLE_ENTITY
        """
        after = before.replace("ENTITY", "CONTENT")
        self.assertCodemod(before, after, context_override=self.in_file("shop/app.py"))
        self.assertCodemod(before, before)
