"""The test suite's own safeguards: they must be able to fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from flake8_httpstatus.config.files import find_config
from tests.conftest import updating
from tests.expectations import FixtureError, compare, load_fixture


def test_a_finding_reported_twice_is_unexpected() -> None:
    want = [(3, "HS101", 7)]
    assert compare(want, want) == ([], [])
    assert compare(want, want * 2) == ([], [(3, "HS101", 7)])
    assert compare(want * 2, want) == ([(3, "HS101", 7)], [])


@pytest.mark.parametrize(
    "line",
    [
        "abort(404)  # HS101",  # no column
        "abort(404)  # HS101:6 HS20:4",  # a bad second code
        "abort(404)  # HS101:6, HS201:8",  # a comma
        'abort(404)  # HS101:6 "unterminated',
        "abort(404)  # HS101:?",  # a placeholder left by fill_columns
        "abort(404) # HS101:6",  # one space: not the fixtures' trailing comment
        "abort(404)  #HS101:6 and words",
    ],
)
def test_an_unreadable_expectation_fails(tmp_path: Path, line: str) -> None:
    path = tmp_path / "fixture.py"
    path.write_text(f"from flask import abort\n{line}\n", encoding="utf-8")
    with pytest.raises(FixtureError, match=r"fixture\.py:2"):
        load_fixture(path)


def test_readable_expectations(tmp_path: Path) -> None:
    path = tmp_path / "fixture.py"
    path.write_text(
        'abort(404)  # HS101:6 "use HTTPStatus" HS201:6\nx = 1  #HS102:0\n', encoding="utf-8"
    )
    expected = load_fixture(path).expected
    assert [(e.line, e.code, e.col, e.text) for e in expected] == [
        (1, "HS101", 6, "use HTTPStatus"),
        (1, "HS201", 6, None),
        (2, "HS102", 0, None),
    ]


@pytest.mark.parametrize(
    ("env", "result"),
    [({}, False), ({"UPDATE_X": ""}, False), ({"UPDATE_X": "1"}, True)],
)
def test_golden_data_is_rewritten_only_when_asked(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], result: bool
) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("UPDATE_X", raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    assert updating("UPDATE_X") is result


@pytest.mark.parametrize(("ci", "value"), [(None, "yes"), (None, "0"), ("true", "1")])
def test_golden_data_guard_fails(
    monkeypatch: pytest.MonkeyPatch, ci: str | None, value: str
) -> None:
    if ci is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", ci)
    monkeypatch.setenv("UPDATE_X", value)
    with pytest.raises(pytest.fail.Exception):
        updating("UPDATE_X")


def test_temporary_projects_are_isolated(
    tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # The search for configuration stops at pytest's base temporary directory.
    config = find_config(tmp_path / "project")
    assert config.source == str(tmp_path_factory.getbasetemp() / "tox.ini")
    assert config.values == {}
