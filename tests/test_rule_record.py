"""Every front end takes a rule's identity from its `Rule` record: the code and message of each
finding, and one severity per rule in JSON, SARIF, GitHub annotations, the language server (a
real client) and docs/rules/. Each rule's own doc example is the finding under test."""

from __future__ import annotations

import ast
import asyncio
import json
import re
from pathlib import Path

import pytest
from lsprotocol import types
from pytest_lsp import LanguageClient

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.core.findings import Finding
from flake8_httpstatus.frontends.report import render
from flake8_httpstatus.frontends.runner import FileResult
from flake8_httpstatus.knowledge.registry import all_codes
from flake8_httpstatus.rules import RULES, FixSafety, Rule, Severity, check
from tests.conftest import updating
from tests.whole_project import whole_project_findings

ROOT = Path(__file__).resolve().parents[1]
_EXAMPLE = re.compile(r"## Example\n```python\n(.*?)```", re.DOTALL)
# Written out here, not derived from the record, so a wrong mapping in a front end fails.
SARIF = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
GITHUB = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
LSP = {
    Severity.ERROR: types.DiagnosticSeverity.Error,
    Severity.WARNING: types.DiagnosticSeverity.Warning,
    Severity.INFO: types.DiagnosticSeverity.Information,
}

rules = pytest.mark.parametrize("rule", list(RULES.values()), ids=list(RULES))


def example(rule: Rule) -> str:
    match = _EXAMPLE.search(rule.doc)
    assert match is not None
    return match.group(1)


def own_findings(rule: Rule) -> tuple[FileResult, list[Finding]]:
    text = example(rule)
    findings = check(ast.parse(text), Settings(target_python=(3, 9)), "example.py")
    if rule.whole_project:
        findings += whole_project_findings(text)
    result = FileResult("example.py", findings, lines=text.splitlines())
    own = [finding for finding in findings if finding.code == rule.code]
    assert own
    return result, own


@rules
def test_messages_carry_the_code_once(rule: Rule) -> None:
    for template in rule.messages.values():
        assert not re.search(r"\bHS\d{3}\b", template), template
    for finding in own_findings(rule)[1]:
        assert finding.message.startswith(f"{rule.code} ")
        assert finding.message.count(rule.code) == 1
        assert not re.search(r"\{[a-z_]+\}", finding.message), finding.message


@rules
def test_text_and_json(rule: Rule) -> None:
    result, own = own_findings(rule)
    text = render([result], "text").splitlines()
    for finding in own:
        assert any(line.endswith(f": {finding.message}") for line in text)
    entries = [
        entry for entry in json.loads(render([result], "json")) if entry["code"] == rule.code
    ]
    assert entries
    assert {entry["severity"] for entry in entries} == {rule.severity.value}


@rules
def test_sarif(rule: Rule) -> None:
    result, _ = own_findings(rule)
    run = json.loads(render([result], "sarif"))["runs"][0]
    (described,) = [entry for entry in run["tool"]["driver"]["rules"] if entry["id"] == rule.code]
    assert described["defaultConfiguration"]["level"] == SARIF[rule.severity]
    assert described["defaultConfiguration"]["enabled"] is rule.default_enabled
    assert described["helpUri"] == rule.url
    levels = {entry["level"] for entry in run["results"] if entry["ruleId"] == rule.code}
    assert levels == {SARIF[rule.severity]}


@rules
def test_github(rule: Rule) -> None:
    result, own = own_findings(rule)
    lines = [
        line for line in render([result], "github").splitlines() if f"title={rule.code}" in line
    ]
    assert len(lines) == len(own)
    assert all(line.startswith(f"::{GITHUB[rule.severity]} ") for line in lines)


@rules
def test_doc_page_states_severity_and_fix(rule: Rule) -> None:
    page = (ROOT / "docs" / "rules" / f"{rule.code}.md").read_text(encoding="utf-8")
    assert f"*severity: {rule.severity.value}, " in page
    safety = {
        FixSafety.SAFE: "safe fix",
        FixSafety.UNSAFE: "unsafe fix",
        FixSafety.MIXED: "safe fix where it keeps behaviour, else unsafe",
        FixSafety.NONE: "no automatic fix",
    }
    assert safety[rule.fix_safety] in page.splitlines()[4]
    if rule.fix_safety is not FixSafety.NONE:
        assert "## Fix safety" in rule.doc


@rules
def test_fix_safety_matches_the_findings(rule: Rule) -> None:
    if rule.fix_safety is FixSafety.NONE:
        assert all(finding.fix is None for finding in own_findings(rule)[1])


def test_rule_modules_make_findings_through_the_record() -> None:
    for path in (ROOT / "flake8_httpstatus" / "rules").glob("*.py"):
        if path.name != "_rule.py":
            assert "RawFinding(" not in path.read_text(encoding="utf-8"), path.name
    for path in (ROOT / "flake8_httpstatus").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"code\[2\]", text), f"severity from the code's digit in {path.name}"


@pytest.fixture
def lsp_files() -> dict[str, str]:
    return {"pyproject.toml": '[tool.flake8-httpstatus]\nselect = ["HS"]\n'}


@pytest.mark.slow
async def test_language_server_severity(client: LanguageClient, tmp_path: Path) -> None:
    for rule in RULES.values():
        path = tmp_path / f"{rule.code}.py"
        path.write_text(example(rule), encoding="utf-8")  # HS502 reads the project as saved
        uri = path.as_uri()
        client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="python", version=1, text=example(rule)
                )
            )
        )
        while uri not in client.diagnostics:  # the notification may be another document's
            await asyncio.wait_for(
                client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 30
            )
        own = [d for d in client.diagnostics[uri] if d.code == rule.code]
        assert own, rule.code
        assert {d.severity for d in own} == {LSP[rule.severity]}, rule.code
        assert all(d.message.startswith(f"{rule.code} ") for d in own)


def test_readme_table_follows_the_records() -> None:
    rows = re.findall(
        r"^\| \[(HS\d{3})\]\(docs/rules/HS\d{3}\.md\) \| (\w+) \| ([^|]+) \| (\w+) \|",
        (ROOT / "README.md").read_text(encoding="utf-8"),
        flags=re.MULTILINE,
    )
    assert {row[0] for row in rows} == set(RULES)
    fixes = {
        FixSafety.SAFE: "safe",
        FixSafety.UNSAFE: "unsafe",
        FixSafety.MIXED: "mixed",
        FixSafety.NONE: "no",
    }
    for code, severity, enabled, fix in rows:
        rule = RULES[code]
        assert severity == rule.severity.value, code
        assert (enabled.strip() == "yes") is rule.default_enabled, code
        assert fix == fixes[rule.fix_safety], code


CONCERNS = ROOT / "tests" / "snapshots" / "rule_concerns.txt"


def test_what_each_rule_says_of_each_code() -> None:
    """`explain CODE` lists the rules that may report the code, each with its reason, from the
    records' `concerns`; recorded for every code in the registry (UPDATE_SNAPSHOTS=1 rewrites)."""
    lines = []
    for entry in all_codes():
        for rule in RULES.values():
            reason = rule.concerns(entry.code) if rule.concerns is not None else None
            if reason is not None:
                lines.append(f"{entry.code} {rule.code}: {reason}")
    actual = "\n".join(lines) + "\n"
    if updating("UPDATE_SNAPSHOTS"):
        CONCERNS.write_text(actual, encoding="utf-8")
        return
    assert actual == CONCERNS.read_text(encoding="utf-8"), (
        f"{CONCERNS.name} differs: if intended, rewrite it with UPDATE_SNAPSHOTS=1 and review it"
    )
