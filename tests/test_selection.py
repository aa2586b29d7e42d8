"""--select, --ignore and per-file-ignores decide as flake8's own DecisionEngine decides."""

from __future__ import annotations

import argparse

from flake8.style_guide import Decision, DecisionEngine
from hypothesis import given
from hypothesis import strategies as st

from flake8_httpstatus.frontends.runner import Selection
from flake8_httpstatus.rules import DEFAULT_OFF, RULES

PREFIXES = [
    "HS",
    "HS1",
    "HS10",
    "HS101",
    "HS104",
    "HS2",
    "HS4",
    "HS40",
    "HS406",
    "HS5",
    "HS501",
    "E",
]
prefixes = st.lists(st.sampled_from(PREFIXES), max_size=3, unique=True).map(tuple)


def flake8_selects(
    code: str, select: tuple[str, ...], ignore: tuple[str, ...], extend: tuple[str, ...]
) -> bool:
    options = argparse.Namespace(
        select=list(select) or None,
        ignore=list(ignore) or None,
        extend_select=None,
        extend_ignore=list(extend) or None,
        # What flake8 registers for this plugin: its prefix, and the rules that are off by default.
        extended_default_select=["HS"],
        extended_default_ignore=list(DEFAULT_OFF),
    )
    return DecisionEngine(options).decision_for(code) is Decision.Selected


@given(st.sampled_from(sorted(RULES)), prefixes, prefixes, prefixes)
def test_same_decision_as_flake8(
    code: str, select: tuple[str, ...], ignore: tuple[str, ...], extend: tuple[str, ...]
) -> None:
    assert (code in Selection(select, ignore, extend)) is flake8_selects(
        code, select, ignore, extend
    )


def test_the_cases_that_surprise() -> None:
    # Off by default, and turned on by any explicit select of their prefix...
    assert "HS406" not in Selection()
    assert "HS406" in Selection(select=("HS",))
    # ...and by an explicit ignore, which replaces flake8's default ignore list...
    assert "HS406" in Selection(ignore=("HS2",))
    # ...but not by per-file-ignores, which extend it.
    assert "HS406" not in Selection(extend_ignore=("HS2",))
    # The longer prefix wins; a per-file-ignore beats a shorter explicit select.
    assert "HS101" not in Selection(select=("HS",), extend_ignore=("HS10",))
    assert "HS101" in Selection(select=("HS101",), ignore=("HS1",))


def test_the_longest_explicit_select_is_compared() -> None:
    # Both lists name HS101's prefixes: the longest of each decides (HS101 beats HS1).
    assert "HS101" in Selection(select=("HS", "HS101"), ignore=("HS1",))
    assert "HS101" in Selection(select=("HS101", "HS"), ignore=("HS1",))
    assert flake8_selects("HS101", ("HS", "HS101"), ("HS1",), ())
