"""The output formats, in-process and exactly: every field of JSON, SARIF and GitHub annotations,
the text extras (source, statistics, summary). Columns on non-ASCII lines are computed here
independently of positions.py."""

from __future__ import annotations

import json

import pytest

from flake8_httpstatus import __version__
from flake8_httpstatus.core.findings import Edit, Finding, Fix, ImportSpec
from flake8_httpstatus.frontends.report import render, statistics, statistics_json, summary
from flake8_httpstatus.frontends.runner import FileResult
from flake8_httpstatus.rules import RULES

LINES = ["x = 'é😀'; abort(404)", "abort(", "    299)"]
COL = len("x = 'é😀'; abort(".encode())  # UTF-8 bytes, as the engine reports
CHARS = len("x = 'é😀'; abort(")
UNITS = len("x = 'é😀'; abort(".encode("utf-16-le")) // 2

SAFE = Fix(
    (Edit(1, COL, 1, COL + 3, "HTTPStatus.NOT_FOUND"),),
    "Replace with `HTTPStatus.NOT_FOUND`",
    ImportSpec("http", "HTTPStatus"),
)
UNSAFE = Fix((Edit(3, 4, 3, 7, "200"),), "Replace with `200`", None, safe=False)
FIRST = Finding("HS101", "HS101 magic status code 404: use X", 1, COL, 1, COL + 3, SAFE)
# A finding that starts on one line and ends on the next.
SECOND = Finding("HS201", "HS201 unknown status code 299: 50% of\nclients\r", 2, 0, 3, 7, UNSAFE)


def result(*findings: Finding, path: str = "src/a:b,c.py") -> FileResult:
    return FileResult(path, list(findings), lines=LINES)


def test_text() -> None:
    assert render([result(FIRST)], "text") == f"src/a:b,c.py:1:{CHARS + 1}: {FIRST.message}"


def test_text_show_source() -> None:
    first = render([result(FIRST)], "text", show_source=True)
    assert first.splitlines()[1:] == [LINES[0], " " * CHARS + "^^^"]
    # A span that goes on to the next line: carets to the end of the first.
    second = render([result(SECOND)], "text", show_source=True)
    assert second.splitlines()[-2:] == [LINES[1], "^" * len(LINES[1])]


def test_json() -> None:
    items = json.loads(render([result(FIRST, SECOND)], "json"))
    assert render([result(FIRST)], "json") == json.dumps(items[:1], indent=2)
    assert items[0] == {
        "filename": "src/a:b,c.py",
        "line": 1,
        "column": CHARS + 1,
        "end_line": 1,
        "end_column": CHARS + 4,
        "code": "HS101",
        "name": "magic-status-in-call",
        "severity": RULES["HS101"].severity.value,
        "message": FIRST.message,
        "url": RULES["HS101"].url,
        "fix": {
            "applicability": "safe",
            "message": "Replace with `HTTPStatus.NOT_FOUND`",
            "edits": [
                {
                    "content": "HTTPStatus.NOT_FOUND",
                    "location": {"row": 1, "column": CHARS + 1},
                    "end_location": {"row": 1, "column": CHARS + 4},
                }
            ],
            "import": "from http import HTTPStatus",
        },
    }
    assert items[1]["fix"]["applicability"] == "unsafe"
    assert items[1]["fix"]["import"] is None
    assert (items[1]["end_line"], items[1]["end_column"]) == (3, 8)
    assert render([result()], "json") == "[]"


def test_github() -> None:
    (first, second) = render([result(FIRST, SECOND)], "github").splitlines()
    level = RULES["HS101"].severity.github
    assert first == (
        f"::{level} file=src/a%3Ab%2Cc.py,line=1,col={CHARS + 1},endLine=1,"
        f"endColumn={CHARS + 4},title=HS101::{FIRST.message}"
    )
    assert second.endswith("::HS201 unknown status code 299: 50%25 of%0Aclients%0D")
    assert f"::{RULES['HS201'].severity.github} " in second


def test_sarif() -> None:
    sarif = json.loads(render([result(FIRST, SECOND)], "sarif"))
    assert sarif["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json"
    assert sarif["version"] == "2.1.0"
    (run,) = sarif["runs"]
    assert run["columnKind"] == "utf16CodeUnits"
    driver = run["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("flake8-httpstatus", __version__)
    assert driver["informationUri"] == "https://github.com/flake8-httpstatus/flake8-httpstatus"
    assert driver["rules"] == [
        {
            "id": rule.code,
            "name": rule.name,
            "shortDescription": {"text": rule.summary},
            "fullDescription": {"text": rule.summary},
            "helpUri": rule.url,
            "help": {"text": rule.page(), "markdown": rule.page()},
            "defaultConfiguration": {
                "level": rule.severity.sarif,
                "enabled": rule.default_enabled,
            },
        }
        for rule in RULES.values()
    ]
    first, second = run["results"]
    assert driver["rules"][first["ruleIndex"]]["id"] == "HS101"
    assert driver["rules"][second["ruleIndex"]]["id"] == "HS201"
    assert first == {
        "ruleId": "HS101",
        "ruleIndex": first["ruleIndex"],
        "level": RULES["HS101"].severity.sarif,
        "message": {"text": FIRST.message},
        "locations": [
            {
                "physicalLocation": {
                    "artifactLocation": {"uri": "src/a%3Ab%2Cc.py"},  # percent-encoded
                    "region": {
                        "startLine": 1,
                        "startColumn": UNITS + 1,
                        "endLine": 1,
                        "endColumn": UNITS + 4,
                    },
                }
            }
        ],
    }
    assert second["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 2,
        "startColumn": 1,
        "endLine": 3,
        "endColumn": 8,
    }


def test_statistics() -> None:
    """Ruff's table: the most frequent first; `[*]` where `fix` fixes some (unsafe fixes only
    with --unsafe-fixes); a file that does not parse has no code."""
    other = Finding("HS101", "HS101 magic status code 500: use Y", 2, 0, 2, 3)
    syntax = Finding("invalid-syntax", "invalid-syntax: '(' was never closed", 1, 5, 1, 5)
    results = [result(FIRST, SECOND), result(other), result(syntax)]
    assert statistics(results) == (
        "2\tHS101\t[*] magic-status-in-call\n"
        "1\tHS201\t[ ] unknown-status-code\n"
        "1\t     \t[ ] invalid-syntax"
    )
    assert "[*] unknown-status-code" in statistics(results, unsafe=True)
    assert statistics([result(syntax)]) == "1\t\tinvalid-syntax"
    assert statistics([]) == ""
    assert json.loads(statistics_json(results)) == [
        {
            "code": "HS101",
            "name": "magic-status-in-call",
            "count": 2,
            "fixable": True,
            "fixable_count": 1,
        },
        {
            "code": "HS201",
            "name": "unknown-status-code",
            "count": 1,
            "fixable": False,
            "fixable_count": 0,
        },
        {
            "code": None,
            "name": "invalid-syntax",
            "count": 1,
            "fixable": False,
            "fixable_count": 0,
        },
    ]


@pytest.mark.parametrize(
    ("unsafe", "expected"),
    [
        (False, "Found 3 findings (1 fixable with fix, 1 more with --unsafe-fixes)."),
        (True, "Found 3 findings (2 fixable with fix)."),
    ],
)
def test_summary(unsafe: bool, expected: str) -> None:
    plain = Finding("HS102", "HS102 x", 1, 0, 1, 3)
    assert summary([result(FIRST, SECOND, plain)], unsafe) == expected


def test_summary_default_is_safe_fixes_only() -> None:
    assert summary([result(SECOND)]) == "Found 1 finding (1 more with --unsafe-fixes)."
    assert summary([result(Finding("HS102", "HS102 x", 1, 0, 1, 3))]) == "Found 1 finding."
    assert summary([result()]) == ""


def test_json_without_a_fix() -> None:
    plain = Finding("HS102", "HS102 x", 1, 0, 1, 1)
    (item,) = json.loads(render([result(plain)], "json"))
    assert item["fix"] is None
