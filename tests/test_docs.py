"""Rule docs cannot drift: docs/rules/ is generated from the rules, and each page's examples
are checked against the engine. Regenerate with `UPDATE_DOCS=1 python -m pytest tests/test_docs.py`.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.rules import RULES, Rule, check
from tests.conftest import updating
from tests.whole_project import whole_project_findings

DOCS = Path(__file__).resolve().parents[1] / "docs" / "rules"
REQUIRED = ("## What it does", "## Why is this bad?", "## Example", "## Use instead")
_BLOCK = re.compile(r"## (Example|Use instead)\n```python\n(.*?)```", re.DOTALL)

rules = pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))


@rules
def test_page_is_up_to_date(rule: Rule) -> None:
    path = DOCS / f"{rule.code}.md"
    if updating("UPDATE_DOCS"):
        DOCS.mkdir(parents=True, exist_ok=True)
        path.write_text(rule.page(), encoding="utf-8")
    assert path.read_text(encoding="utf-8") == rule.page()


def test_no_page_without_a_rule() -> None:
    assert {path.stem for path in DOCS.glob("HS*.md")} == set(RULES)
    assert {path.name for path in DOCS.glob("*.md")} - {f"{code}.md" for code in RULES} == {
        "index.md"  # the rule index, tests/docs_pages.py
    }


@rules
def test_page_has_required_sections(rule: Rule) -> None:
    for section in REQUIRED:
        assert section in rule.doc, section
    if rule.fixable:
        assert "## Fix safety" in rule.doc
    assert "## Options" in rule.doc or "httpstatus-" not in rule.doc


@rules
def test_example_is_flagged_and_use_instead_is_clean(rule: Rule) -> None:
    """Every rule runs, those off by default too: the example breaks only its own rule, and
    what the page recommends breaks none."""
    blocks = dict(_BLOCK.findall(rule.doc))
    example = _messages(rule, blocks["Example"])
    assert example
    assert all(message.startswith(f"{rule.code} ") for message in example), example
    assert _messages(rule, blocks["Use instead"]) == []


def _messages(rule: Rule, code: str) -> list[str]:
    """The engine's findings in `code`, with the rule's own when it is over the whole project."""
    found = check(ast.parse(code), Settings(target_python=(3, 9)))
    if rule.whole_project:
        found += whole_project_findings(code)
    return [finding.message for finding in found]


@rules
def test_explain_prints_the_page(rule: Rule, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", rule.code.lower()]) == 0
    assert capsys.readouterr().out == rule.page().rstrip() + "\n"
