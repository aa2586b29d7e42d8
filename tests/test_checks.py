"""Every fixture under tests/fixtures/checks gives exactly the findings written in it, and each
finding is whole as recorded in tests/snapshots/checks: its end, its full message and its fix
(edits, import, safety), which the expectation comments do not spell out.
UPDATE_SNAPSHOTS=1 rewrites those records (never in CI); review the difference."""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.rules import RULES, check
from tests.conftest import updating
from tests.expectations import compare, load_fixture, read_fixture

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "checks").glob("*.py"))
RECORDS = Path(__file__).parent / "snapshots" / "checks"


def reported(path: Path) -> tuple[Finding, ...]:
    """The findings of the fixture at `path`, with the rules its header turns on."""
    fixture = load_fixture(path)
    source = path.read_text(encoding="utf-8")
    return tuple(
        finding
        for finding in check(ast.parse(source), fixture.settings, str(path))
        if RULES[finding.code].default_enabled or finding.code in fixture.enabled
    )


def record(findings: Sequence[Finding]) -> str:
    """Each finding on a line of its own (span, code, message), its fix indented below it."""
    lines = []
    for f in sorted(findings, key=lambda f: (f.line, f.col, f.code, f.end_line, f.end_col)):
        lines.append(f"{f.line}:{f.col}-{f.end_line}:{f.end_col} {f.message}")
        if f.fix is not None:
            needs = f" (needs `{f.fix.needs.statement()}`)" if f.fix.needs else ""
            lines.append(f"    {f.fix.applicability} fix: {f.fix.title}{needs}")
            lines += [
                f"    {e.line}:{e.col}-{e.end_line}:{e.end_col} {e.content!r}" for e in f.fix.edits
            ]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_fixture(path: Path) -> None:
    expected = load_fixture(path).expected
    source = path.read_text(encoding="utf-8")
    findings = reported(path)
    got = sorted((f.line, f.code, f.col) for f in findings)
    want = sorted((e.line, e.code, e.col) for e in expected)
    lines = source.splitlines()

    def show(items: list[tuple[int, str, int]]) -> str:
        return "\n".join(
            f"  {line}:{col} {code}   | {lines[line - 1].strip()}" for line, code, col in items
        )

    missing, unexpected = compare(want, got)
    report = f"\nmissing:\n{show(missing)}\nunexpected:\n{show(unexpected)}\n" + "\n".join(
        f"  {f.line}:{f.col} {f.message}" for f in findings
    )
    assert not missing, report
    assert not unexpected, report
    messages = {(f.line, f.code, f.col): f.message for f in findings}
    for item in expected:
        if item.text is not None:
            assert item.text in messages[(item.line, item.code, item.col)]


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_findings_are_whole(path: Path) -> None:
    recorded = RECORDS / f"{path.stem}.txt"
    actual = record(reported(path))
    if updating("UPDATE_SNAPSHOTS"):
        RECORDS.mkdir(parents=True, exist_ok=True)
        recorded.write_text(actual, encoding="utf-8")
        return
    if not recorded.exists():
        pytest.fail(f"{recorded} does not exist; write it with UPDATE_SNAPSHOTS=1 and check it in")
    assert actual == recorded.read_text(encoding="utf-8"), (
        f"{path.name}'s findings differ from {recorded.name}: if the change is intended, "
        "rewrite it with UPDATE_SNAPSHOTS=1 and review the difference"
    )


def test_every_record_has_its_fixture() -> None:
    assert sorted(p.stem for p in RECORDS.glob("*.txt")) == [p.stem for p in FIXTURES]


def test_no_placeholder_left() -> None:
    for path in FIXTURES:
        assert not re.search(r"HS\d{3}:\?", path.read_text(encoding="utf-8")), path.name


def test_every_fixture_expects_something_or_says_it_is_clean() -> None:
    for path in FIXTURES:
        expected, _ = read_fixture(path)
        assert expected or path.stem.endswith("_clean"), f"{path.name} expects no finding"


def test_the_default_target_python_is_said_to_be_the_default(tmp_path: Path) -> None:
    # Outside this repository (its requires-python would be read): no configuration anywhere.
    path = tmp_path / "app.py"
    source = "from http import HTTPStatus\n\nstatus = HTTPStatus.CONTENT_TOO_LARGE\n"
    path.write_text(source, encoding="utf-8")
    (finding,) = check(ast.parse(source), Settings(), str(path))
    assert finding.message == (
        "HS204 HTTPStatus.CONTENT_TOO_LARGE needs Python 3.13 (target: 3.9, the default): "
        "use HTTPStatus.REQUEST_ENTITY_TOO_LARGE"
    )
