"""Imports go where isort and ruff's `I` rules put them: every golden fix file is checked with the
real ruff and the real isort, before and after, with the settings its `# style:` header names;
a file sorted before is sorted after, and an unsorted one gains no new finding. And the
project's own isort/ruff settings are read as those tools read them."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import isort
import pytest

from flake8_httpstatus.core.findings import ImportSpec
from flake8_httpstatus.fixes.import_settings import style_for
from flake8_httpstatus.fixes.imports import ImportStyle, import_edits
from tests.test_fix import CASES, fixed, style_of

FIXED = [(path, path.with_name(path.stem + ".fixed.py")) for path in CASES]
FIXED = [(before, after) for before, after in FIXED if after.exists()]


def ruff_findings(text: str, style: ImportStyle) -> int:
    options = [f"--line-length={style.line_length}"]
    if style.known_first_party:
        names = ", ".join(f"'{name}'" for name in sorted(style.known_first_party))
        options += ["--config", f"lint.isort.known-first-party=[{names}]"]
    if style.force_sort_within_sections:
        options += ["--config", "lint.isort.force-sort-within-sections=true"]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "ruff",
            "check",
            "--isolated",
            "--no-cache",
            "--select",
            "I",
            *options,
            "--output-format",
            "concise",
            "--stdin-filename",
            "app.py",
            "-",
        ],
        input=text,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stdout.count(" I001 ")


def isort_sorted(text: str, style: ImportStyle) -> bool:
    options: dict[str, object] = {"line_length": style.line_length}
    if style.wrap == "vertical":
        options["profile"] = "black"
    if style.known_first_party:
        options["known_first_party"] = sorted(style.known_first_party)
    if style.force_sort_within_sections:
        options["force_sort_within_sections"] = True
    return isort.check_code(text, config=isort.Config(**options))  # type: ignore[arg-type]


@pytest.mark.parametrize(("before", "after"), FIXED, ids=[b.stem for b, _ in FIXED])
def test_ruff_I_finds_nothing_new(before: Path, after: Path) -> None:
    old, new = before.read_text(encoding="utf-8"), after.read_text(encoding="utf-8")
    style = style_of(old)
    if style.wrap == "grid":
        pytest.skip("isort's default wrapping, which ruff does not write")
    assert ruff_findings(new, style) <= ruff_findings(old, style)


@pytest.mark.parametrize(("before", "after"), FIXED, ids=[b.stem for b, _ in FIXED])
def test_isort_sorted_stays_sorted(before: Path, after: Path) -> None:
    old, new = before.read_text(encoding="utf-8"), after.read_text(encoding="utf-8")
    style = style_of(old)
    if isort_sorted(old, style):
        assert isort_sorted(new, style)


def test_the_unsorted_file_is_left_unsorted_but_no_worse() -> None:
    path = next(path for path in CASES if path.stem == "imports_unsorted")
    text = path.read_text(encoding="utf-8")
    assert ruff_findings(text, ImportStyle()) == 1
    assert not isort_sorted(text, ImportStyle())
    after = fixed(text, path)[0]
    kept = [line for line in text.splitlines() if line.startswith(("import", "from"))]
    new = [line for line in after.splitlines() if line.startswith(("import", "from"))]
    assert [line for line in new if line in kept] == kept, "nothing was reordered"


def edited(text: str, needs: list[ImportSpec], style: ImportStyle | None = None) -> str:
    from flake8_httpstatus.fixes.fixer import _LINE_BREAK, apply

    lines = _LINE_BREAK.split(text)
    newline = "\r\n" if "\r\n" in text else "\n"
    edits = import_edits(lines, newline, ast.parse(text), needs, style or ImportStyle(), 10**6)
    return apply(text, edits)


HTTP = ImportSpec("http", "HTTPStatus")


@pytest.mark.parametrize(
    ("before", "after"),
    [
        ("", "from http import HTTPStatus\n"),
        ("x = 1", "from http import HTTPStatus\n\nx = 1"),
        ("import os", "import os\nfrom http import HTTPStatus\n"),
        ("import os\n", "import os\nfrom http import HTTPStatus\n"),
        ("import os\r\n\r\nx = 1\r\n", "import os\r\nfrom http import HTTPStatus\r\n\r\nx = 1\r\n"),
        ("import zlib\n", "import zlib\nfrom http import HTTPStatus\n"),
        ("from json import dumps\n", "from http import HTTPStatus\nfrom json import dumps\n"),
        ("import flask\n", "from http import HTTPStatus\n\nimport flask\n"),
        ("from . import x\n", "from http import HTTPStatus\n\nfrom . import x\n"),
        ("from http import client\n", "from http import HTTPStatus, client\n"),
        ("from http import *\n", "from http import *\nfrom http import HTTPStatus\n"),
        (
            '"""Doc."""\ndef f(): pass\n',
            '"""Doc."""\n\nfrom http import HTTPStatus\n\n\ndef f(): pass\n',
        ),
        ("# comment\nx = 1\n", "# comment\n\nfrom http import HTTPStatus\n\nx = 1\n"),
    ],
)
def test_placement(before: str, after: str) -> None:
    result = edited(before, [HTTP])
    assert result == after
    assert edited(result, [HTTP]) == result, "a present import is not added twice"


def test_force_single_line_adds_a_statement() -> None:
    style = ImportStyle(force_single_line=True)
    text = "from http import client\n"
    assert edited(text, [HTTP], style) == "from http import HTTPStatus\nfrom http import client\n"


def write(root: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")


def test_settings_from_pyproject_isort(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.isort]\nprofile = 'black'\nknown_first_party = ['shop']\n"
            "force_sort_within_sections = true\n",
            "app/views.py": "",
        },
    )
    style = style_for(str(tmp_path / "app" / "views.py"))
    assert style.line_length == 88
    assert style.wrap == "vertical"
    assert style.force_sort_within_sections
    assert "shop" in style.known_first_party


def test_settings_from_isort_defaults(tmp_path: Path) -> None:
    write(tmp_path, {"setup.cfg": "[isort]\nknown_first_party = shop, things\n", "a.py": ""})
    style = style_for(str(tmp_path / "a.py"))
    assert (style.line_length, style.wrap) == (79, "grid")
    assert {"shop", "things"} <= style.known_first_party


def test_settings_from_ruff(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.ruff]\nline-length = 100\n"
            "[tool.ruff.lint.isort]\nknown-first-party = ['shop']\nforce-single-line = true\n",
            "a.py": "",
        },
    )
    style = style_for(str(tmp_path / "a.py"))
    assert (style.line_length, style.wrap) == (100, "vertical")
    assert style.force_single_line
    assert "shop" in style.known_first_party


def test_first_party_found_as_ruff_and_isort_find_it(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[project]\nname = 'x'\n",
            "kitsune/__init__.py": "",
            "kitsune/sumo/__init__.py": "",
            "kitsune/sumo/views.py": "",
            "manage.py": "",
        },
    )
    style = style_for(str(tmp_path / "kitsune" / "sumo" / "views.py"))
    assert {"kitsune", "manage"} <= style.known_first_party
    assert style.section("kitsune.sumo.urlresolvers") == "firstparty"
    assert style.section("rest_framework") == "thirdparty"
    assert style.section("http") == "stdlib"


def test_bad_settings_are_ignored(tmp_path: Path) -> None:
    write(
        tmp_path,
        {
            "pyproject.toml": "[tool.ruff]\nline-length = 'wide'\n[tool.isort]\nline_length = -3\n",
            "a.py": "",
        },
    )
    assert style_for(str(tmp_path / "a.py")).line_length == 79
    write(tmp_path / "b", {"pyproject.toml": "[tool.isort\n", "a.py": ""})
    broken = style_for(str(tmp_path / "b" / "a.py"))
    assert (broken.line_length, broken.wrap) == (88, "vertical")
