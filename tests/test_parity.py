"""Every front end reports the same findings on the same files: real flake8 (the plugin),
`check` in text and JSON, and the language server through a real LSP client.

The files are every fixture under tests/fixtures/checks and the example app, as they are and
with noqa comments of every kind flake8 reads added to the lines with findings; the selections
are the default, `--select`, `--ignore` and both, with per-file-ignores written once for flake8
(setup.cfg) and once for the others (pyproject.toml). Findings are compared as sorted lists of
(file, line, column in characters, code, message), so a finding reported twice differs too.
"""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.rules import check

pytestmark = pytest.mark.slow

ROOT = Path(__file__).parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "checks").glob("*.py"))
EXAMPLES = sorted((ROOT / "examples").rglob("*.py"))
SKIPPED = "# flake8: noqa\nfrom flask import abort\nabort(404)\n"

# name: (pyproject table lines, flake8 command-line flags)
SELECTIONS = {
    "default": ([], []),
    "select": (['select = ["HS"]'], ["--select", "HS"]),
    "ignore": (['ignore = ["HS2", "HS104"]'], ["--ignore", "HS2,HS104"]),
    "select-ignore": (
        ['select = ["HS1", "HS3", "HS406"]', 'ignore = ["HS10"]'],
        ["--select", "HS1,HS3,HS406", "--ignore", "HS10"],
    ),
}
PER_FILE_PYPROJECT = '[tool.flake8-httpstatus.per-file-ignores]\n"fixtures/*_app.py" = ["HS1"]\n"test_*.py" = ["HS104"]\n'
PER_FILE_SETUP_CFG = (
    "[flake8]\nper-file-ignores =\n    fixtures/*_app.py: HS1\n    test_*.py: HS104\n"
)
# What is appended to the n-th line with a finding: hiding it or not, as flake8 decides.
NOQA_FORMS = (
    "  # noqa: E501,{code}",
    "  # noqa:{prefix}",
    "  # NOQA",
    "  # noqa : {code}",
    "  # noqa: HS999",
    "  # noqa: {lower}",
    "  # noqa: E501 {code}",
)

Finding = tuple[str, int, int, str, str]  # file, line, column (1-based characters), code, message


def with_noqa(text: str) -> str:
    """`text` with a noqa comment on each line that has a finding, cycling through the forms."""
    lines = text.splitlines(keepends=True)
    findings = check(ast.parse(text), Settings(), None)
    for index, line_number in enumerate(sorted({f.line for f in findings})):
        code = next(f.code for f in findings if f.line == line_number)
        line = lines[line_number - 1]
        body = line.rstrip("\r\n")
        if body.endswith("\\"):
            continue
        form = NOQA_FORMS[index % len(NOQA_FORMS)]
        comment = form.format(code=code, prefix=code[:3], lower=code.lower())
        lines[line_number - 1] = body + comment + line[len(body) :]
    changed = "".join(lines)
    try:
        ast.parse(changed)
    except SyntaxError:
        return text  # the comment landed in a string continued by a backslash
    return changed


def build(directory: Path, selection: str, noqa: bool) -> list[Path]:
    table, _ = SELECTIONS[selection]
    directory.mkdir(parents=True)
    (directory / "pyproject.toml").write_text(
        "[project]\nname = 'parity'\nrequires-python = '>=3.9'\n\n[tool.flake8-httpstatus]\n"
        + "".join(f"{line}\n" for line in table)
        + "\n"
        + PER_FILE_PYPROJECT,
        encoding="utf-8",
    )
    (directory / "setup.cfg").write_text(PER_FILE_SETUP_CFG, encoding="utf-8")
    files = [(Path("fixtures") / path.name, path.read_text(encoding="utf-8")) for path in FIXTURES]
    files += [(path.relative_to(ROOT), path.read_text(encoding="utf-8")) for path in EXAMPLES]
    files.append((Path("fixtures") / "skipped_app.py", SKIPPED))
    written = []
    for relative, text in files:
        target = directory / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(with_noqa(text) if noqa else text, encoding="utf-8")
        written.append(relative)
    return written


def char_column(path: Path, line: int, byte_column: int) -> int:
    text = path.read_bytes().decode("utf-8").splitlines()[line - 1]
    return len(text.encode("utf-8")[:byte_column].decode("utf-8")) + 1


def utf16_to_char(path: Path, line: int, units: int) -> int:
    text = path.read_bytes().decode("utf-8").splitlines()[line]
    return len(text.encode("utf-16-le")[: units * 2].decode("utf-16-le")) + 1


def through_flake8(directory: Path, selection: str) -> list[Finding]:
    _, flags = SELECTIONS[selection]
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "flake8",
            *flags,
            "--format=%(path)s\t%(row)d\t%(col)d\t%(code)s\t%(text)s",
            ".",
        ],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    found = []
    for line in done.stdout.splitlines():
        path, row, col, code, text = line.split("\t")
        if code.startswith("HS"):
            relative = Path(path).relative_to(".")
            column = char_column(directory / relative, int(row), int(col) - 1)
            found.append((relative.as_posix(), int(row), column, code, f"{code} {text}"))
    return sorted(found)


def through_check(directory: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> list[Finding]:
    cwd = Path.cwd()
    os.chdir(directory)
    try:
        capsys.readouterr()
        code = main(["check", "--format", fmt, "."])
        out, err = capsys.readouterr()
    finally:
        os.chdir(cwd)
    assert code in (0, 1), err
    found = []
    if fmt == "json":
        for item in json.loads(out):
            found.append(
                (
                    Path(item["filename"]).as_posix(),
                    item["line"],
                    item["column"],
                    item["code"],
                    item["message"],
                )
            )
        return sorted(found)
    for line in out.splitlines():
        if line.startswith("Found "):
            continue
        path, row, col, message = line.split(":", 3)
        message = message.strip()
        found.append((Path(path).as_posix(), int(row), int(col), message.split()[0], message))
    return sorted(found)


async def through_lsp(client: LanguageClient, directory: Path, files: list[Path]) -> list[Finding]:
    found = []
    for relative in files:
        path = directory / relative
        uri = path.as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=path.read_text(encoding="utf-8")
                )
            )
        )
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        for diagnostic in client.diagnostics[uri]:
            line = diagnostic.range.start.line
            found.append(
                (
                    relative.as_posix(),
                    line + 1,
                    utf16_to_char(path, line, diagnostic.range.start.character),
                    str(diagnostic.code),
                    diagnostic.message,
                )
            )
        client.text_document_did_close(
            types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return sorted(found)


def cases() -> Iterator[tuple[str, bool]]:
    for selection in SELECTIONS:
        for noqa in (False, True):
            yield selection, noqa


@pytest.mark.parametrize(
    ("selection", "noqa"),
    list(cases()),
    ids=[f"{selection}-{'noqa' if noqa else 'plain'}" for selection, noqa in cases()],
)
async def test_same_findings_everywhere(
    client: LanguageClient,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    selection: str,
    noqa: bool,
) -> None:
    directory = tmp_path / "project"
    files = build(directory, selection, noqa)
    flake8 = through_flake8(directory, selection)
    assert flake8, "nothing reported: the comparison would be empty"
    assert not any(path == "fixtures/skipped_app.py" for path, *_ in flake8)
    for name, found in [
        ("check", through_check(directory, capsys, "text")),
        ("check --format json", through_check(directory, capsys, "json")),
        ("language server", await through_lsp(client, directory, files)),
    ]:
        extra = [item for item in found if item not in flake8]
        missing = [item for item in flake8 if item not in found]
        assert found == flake8, f"{name}: not in flake8 {extra}; only in flake8 {missing}"
