"""The documentation site cannot drift: its generated parts are current, every page is in the
navigation, every internal link resolves, and the commands the README and the pages show run.

Rewrite the generated parts with `UPDATE_DOCS=1 python -m pytest tests/test_site.py`.
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main
from tests import docs_pages
from tests.conftest import in_ci, updating

ROOT = docs_pages.ROOT
DOCS = docs_pages.DOCS
PAGES = sorted(DOCS.rglob("*.md"))
# The Markdown people read: the README, the changelog and every page of the site.
TEXTS = [ROOT / "README.md", ROOT / "CHANGELOG.md", *PAGES]

parts = pytest.mark.parametrize(
    ("page", "name"),
    [(page, name) for page, names in docs_pages.PARTS.items() for name in names],
)


@parts
def test_generated_part_is_current(page: str, name: str) -> None:
    if updating("UPDATE_DOCS"):
        docs_pages.rewrite(page)
    assert docs_pages.written(page, name) == docs_pages.expected(page, name), (
        f"docs/{page} is out of date: UPDATE_DOCS=1 python -m pytest tests/test_site.py"
    )


def test_every_page_is_in_the_navigation() -> None:
    nav = re.findall(r"^\s*-\s+(?:[^:\n]+:\s+)?(\S+\.md)\s*$", _read(ROOT / "mkdocs.yml"), re.M)
    assert sorted(nav) == sorted(page.relative_to(DOCS).as_posix() for page in PAGES)


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def _without_code(text: str) -> str:
    """The text outside fenced code blocks and code spans, where links are links."""
    text = re.sub(r"^```.*?^```", "", text, flags=re.M | re.S)
    return re.sub(r"`[^`\n]*`", "", text)


def slug(heading: str) -> str:
    """The anchor MkDocs' toc extension gives a heading (Python-Markdown's default slugify)."""
    text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", heading).replace("`", "")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors(path: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", _read(path), flags=re.M | re.S)
    return {slug(found) for found in re.findall(r"^#{1,6} (.+)$", text, re.M)}


def links(path: Path) -> list[str]:
    return re.findall(r"\]\(([^)\s]+)\)", _without_code(_read(path)))


@pytest.mark.parametrize("path", TEXTS, ids=[str(p.relative_to(ROOT)) for p in TEXTS])
def test_internal_links_resolve(path: Path) -> None:
    broken = []
    for link in links(path):
        if re.match(r"[a-z]+:", link):
            continue  # a web address
        target, _, anchor = link.partition("#")
        resolved = (path.parent / target).resolve() if target else path
        missing = not resolved.exists() or (
            bool(anchor) and resolved.suffix == ".md" and anchor not in anchors(resolved)
        )
        # The site holds only docs/: a page links to the rest of the repository by its address.
        outside = path.is_relative_to(DOCS) and not resolved.is_relative_to(DOCS)
        if missing or outside:
            broken.append(link)
    assert broken == []


def test_every_page_starts_with_a_title() -> None:
    for page in PAGES:
        if page.name == "changelog.md":  # the repository's CHANGELOG.md, included
            assert _read(page).startswith('--8<-- "CHANGELOG.md"')
            continue
        assert _read(page).startswith("# "), page


def _flake8(*args: str) -> subprocess.CompletedProcess[str]:
    flake8 = Path(sys.executable).with_name("flake8")
    return subprocess.run(
        [str(flake8), *args], cwd=ROOT, capture_output=True, text=True, check=False
    )


def test_readme_example_is_what_flake8_prints() -> None:
    block = re.search(r"```console\n\$ (flake8 \S+)\n(.*?)```", _read(ROOT / "README.md"), re.S)
    assert block is not None
    shown = block.group(2).splitlines()
    printed = _flake8(*block.group(1).split()[1:]).stdout.splitlines()
    assert shown
    assert set(shown) <= set(printed)


_COMMAND = re.compile(
    r"^(?:\s*-?\s*(?:run:\s*)?)(?:cat (?P<stdin>\S+) \| )?(?P<command>flake8-httpstatus "
    r"(?:check|fix|explain|codes|routes)\b[^#\n]*?)\s*(?:#.*)?$",
    re.M,
)


def commands() -> list[tuple[str, str, str | None]]:
    """(where, command, the file piped into it) for every command shown in a code block."""
    found = []
    for path in TEXTS:
        for block in re.findall(r"^```[a-z]*\n(.*?)^```", _read(path), re.M | re.S):
            for match in _COMMAND.finditer(block):
                command = re.sub(r"\s*>\s*\S+$", "", match.group("command"))
                found.append((path.relative_to(ROOT).as_posix(), command, match.group("stdin")))
    return sorted(set(found), key=lambda row: (row[0], row[1]))


def test_the_pages_show_commands() -> None:
    shown = {where for where, _command, _stdin in commands()}
    assert {"README.md", "docs/getting-started.md", "docs/ci.md"} <= shown


@pytest.mark.parametrize(("where", "command", "stdin"), commands())
def test_command_example_runs(
    where: str,
    command: str,
    stdin: str | None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Each command runs on a copy of the example app, laid out as the examples name it
    (`app.py`, `src/`, `tests/`): it reports or fixes (exit 0 or 1), never fails (exit 2)."""
    project = tmp_path / "project"
    shutil.copytree(ROOT / "examples", project)
    shutil.copy(project / "bookshop" / "flask_app.py", project / "app.py")
    shutil.copytree(project / "bookshop", project / "src")
    shutil.copytree(project / "bookshop" / "django_app", project / "tests")
    monkeypatch.chdir(project)
    if stdin is not None:
        data = (project / stdin).read_bytes()
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status = main(command.split()[1:])
    captured = capsys.readouterr()
    assert status in (0, 1), (where, command, captured.err)
    assert captured.out or captured.err or status == 0, (where, command)


@pytest.mark.slow
def test_site_builds_strictly(tmp_path: Path) -> None:
    mkdocs = shutil.which("mkdocs", path=str(Path(sys.executable).parent))
    if mkdocs is None:
        if in_ci():
            pytest.fail("mkdocs is not installed; .ci/run installs the docs extra")
        pytest.skip("mkdocs is not installed (pip install -e '.[docs]')")
    result = subprocess.run(
        [mkdocs, "build", "--strict", "--site-dir", str(tmp_path / "site")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "NO_COLOR": "1"},
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "site" / "rules" / "HS101" / "index.html").is_file()
    assert (tmp_path / "site" / "search" / "search_index.json").is_file()


def configurations() -> list[tuple[str, str, str]]:
    """(where, file name, text) for every configuration block the pages show whole."""
    found = []
    for path in TEXTS:
        where = path.relative_to(ROOT).as_posix()
        for kind, text in re.findall(r"^```(toml|ini)\n(.*?)^```", _read(path), re.M | re.S):
            if kind == "toml" and text.startswith("[tool.flake8-httpstatus"):
                found.append((where, "pyproject.toml", text))
            elif kind == "ini" and text.startswith("[flake8]"):
                found.append((where, "setup.cfg", text))
    return found


@pytest.mark.parametrize(("where", "name", "text"), configurations())
def test_configuration_example_is_read(
    where: str,
    name: str,
    text: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A configuration block, as the project's only configuration file, is read without an
    error by `check` (and so by `fix` and the language server, which read it the same way)."""
    shutil.copy(ROOT / "examples" / "bookshop" / "flask_app.py", tmp_path / "app.py")
    (tmp_path / name).write_text(text, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status = main(["check", "."])
    assert status in (0, 1), (where, capsys.readouterr().err)


def test_configuration_examples_are_found() -> None:
    assert {name for _where, name, _text in configurations()} == {"pyproject.toml", "setup.cfg"}
