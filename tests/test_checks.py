"""Every fixture under tests/fixtures/checks gives exactly the findings written in it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from flake8_httpstatus.rules import RULES, check
from tests.expectations import compare, load_fixture, read_fixture

FIXTURES = sorted((Path(__file__).parent / "fixtures" / "checks").glob("*.py"))


@pytest.mark.parametrize("path", FIXTURES, ids=[path.stem for path in FIXTURES])
def test_fixture(path: Path) -> None:
    fixture = load_fixture(path)
    expected = fixture.expected
    source = path.read_text(encoding="utf-8")
    findings = [
        finding
        for finding in check(ast.parse(source), fixture.settings, str(path))
        if RULES[finding.code].default_enabled or finding.code in fixture.enabled
    ]
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


def test_no_placeholder_left() -> None:
    for path in FIXTURES:
        assert not re.search(r"HS\d{3}:\?", path.read_text(encoding="utf-8")), path.name


def test_every_fixture_expects_something_or_says_it_is_clean() -> None:
    for path in FIXTURES:
        expected, _ = read_fixture(path)
        assert expected or path.stem.endswith("_clean"), f"{path.name} expects no finding"
