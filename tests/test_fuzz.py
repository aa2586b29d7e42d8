"""Fuzzing: programs generated from Python's grammar (hypothesmith) never crash the engine, the
flake8 plugin or the runner, and whatever the fixer produces parses and is a fixed point."""

from __future__ import annotations

import ast

import hypothesmith
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.frontends.plugin import Plugin
from flake8_httpstatus.frontends.runner import FileResult, Job, Selection, process
from flake8_httpstatus.rules import check

FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
SOURCES = st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node())
# Status calls appended to a generated program, so that the fixer has work to do.
INJECTED = st.sampled_from(
    [
        "\nfrom flask import abort\nabort(404)\n",
        "\nfrom django.http import HttpResponse\nHttpResponse(status=201)\n",
        "\nfrom fastapi import HTTPException\nraise HTTPException(status_code=418)\n",
        "\nfrom rest_framework import status\nstatus.HTTP_404_NOT_FOUND\nx = status.HTTP_200\n",
    ]
)


def _parses(source: str) -> ast.Module:
    try:
        return ast.parse(source)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        assume(False)
        raise AssertionError("unreachable") from None


def _diff(source: str) -> FileResult:
    return process("x.py", Job(Settings(), Selection(), "diff"), raw=source.encode("utf-8"))


def _check_language_server(source: str) -> None:
    """The server's document handling: findings, diagnostics, hover on every line."""
    lsp = pytest.importorskip("flake8_httpstatus.frontends.lsp")
    job = Job(Settings(), Selection(), "check")
    findings = lsp.findings_for(source, job, None)
    if findings is None:
        return
    state = lsp.DocumentState(1, source, findings)
    lines = source.splitlines()
    for finding in findings:
        lsp.to_diagnostic(lines, finding)
    for number, line in enumerate(lines[:50]):
        for character in (0, len(line) // 2, len(line.encode("utf-16-le")) // 2):
            lsp.hover_text(state, number, character, line)


def _check_all_front_ends(source: str) -> None:
    _check_language_server(source)
    tree = _parses(source)
    check(tree, Settings())
    check(tree, Settings(), "tests/test_x.py")
    list(Plugin(tree, "x.py", source.splitlines(keepends=True)).run())
    result = _diff(source)
    assert result.error is None, result.error
    if result.text is not None and result.text != source:
        ast.parse(result.text)
        again = _diff(result.text)
        assert again.error is None, again.error
        assert again.fixed == 0
        assert again.text == result.text


@FUZZ
@given(SOURCES)
def test_generated_programs(source: str) -> None:
    _check_all_front_ends(source)


@FUZZ
@given(SOURCES, INJECTED)
def test_generated_programs_with_status_calls(source: str, injected: str) -> None:
    body = source if source.endswith("\n") else source + "\n"
    _parses(body)
    program = body + injected
    _parses(program)
    _check_all_front_ends(program)
    assert _diff(program).fixed >= 1


@pytest.mark.parametrize(
    "source",
    [
        "",
        "\n",
        "#",
        "abort(404)",
        "from flask import abort\nabort(404)",  # no final newline
        "from flask import abort\r\nabort(404)\r\n",
        "from flask import abort\nabort(404)  # noqa\n",
        "from flask import abort\nif 1:\n\tabort(404)\n",
        "from flask import abort\nabort(404); abort(500)\n",
        "from flask import abort\nabort(404) \\\n\n",
        "from flask import abort\nlambda: abort(404)\n",
        "from flask import abort\nf'{abort(404)}'\n",
        # An import that does not start its line: the new import cannot go above it.
        "x = [1,\n2]; from os import path\nfrom flask import abort\nabort(404)\n",
        "x = [1,\n2]; from os import path; from flask import abort\nabort(404)\n",
        "x = 1; \\\nimport os\nfrom flask import abort\nabort(404)\n",
        # An import whose line goes on after it: the new import cannot go below it.
        "import os; x = [1,\n2]\nfrom flask import abort\nabort(404)\n",
        "import os; \\\nx = 1\nfrom flask import abort\nabort(404)\n",
        "import os  # \\\nfrom flask import abort\nabort(404)\n",
    ],
)
def test_edge_programs(source: str) -> None:
    _check_all_front_ends(source)


def test_bom_and_cookie_survive_the_fixer() -> None:
    raw = b"\xef\xbb\xbffrom flask import abort\r\nabort(404)\r\n"
    result = process("x.py", Job(Settings(), Selection(), "diff"), raw=raw)
    assert result.error is None
    assert result.fixed == 1
    assert result.text is not None
    assert "\ufeff" not in result.text
    ast.parse(result.text)
    latin = b"# -*- coding: latin-1 -*-\nfrom flask import abort\nabort(404)  # \xe9\n"
    result = process("x.py", Job(Settings(), Selection(), "diff"), raw=latin)
    assert result.error is None
    assert result.fixed == 1
    assert result.text is not None
    assert result.text.endswith("# \xe9\n")
