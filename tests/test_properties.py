"""Property tests: programs generated with status literals at known positions, in every
framework style, are fixed without changing what they mean."""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings

import isort
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.fixes.fixer import fix_text
from flake8_httpstatus.fixes.imports import ImportStyle
from flake8_httpstatus.knowledge.registry import all_codes, constant_for
from flake8_httpstatus.rules import RULES, check
from tests.test_fix import _namespace, _segment, replacement

TARGET = Settings(target_python=(3, 9))
CODES = [
    entry.code for entry in all_codes() if constant_for(entry.code, "stdlib", {"python": (3, 9)})
]
HEADERS = {
    "stdlib": "from http import HTTPStatus\n",
    "drf": "from rest_framework import status\n",
    "fastapi": "from fastapi import status\n",
    "starlette": "from starlette import status\n",
    "none": "",
}
# Each template puts the status (and an unrelated number) at a position the engine knows.
TEMPLATES = [
    "    return HttpResponse(status={code})",
    "    abort({code})",
    "    response.status_code = {code}",
    "    assert response.status_code == {code}",
    "    assert response.status_code in ({code}, 200)",
    "    raise HTTPException(status_code={code})",
    "    return JSONResponse({{'n': {other}}}, status_code={code})",
    "    per_page = {other}",
    "    status = {other}",
]
IMPORTS = (
    "from django.http import HttpResponse\n"
    "from flask import abort\n"
    "from fastapi import HTTPException\n"
    "from fastapi.responses import JSONResponse\n"
)

statement = st.tuples(st.sampled_from(TEMPLATES), st.sampled_from(CODES), st.integers(0, 10**6))
function = st.lists(statement, min_size=1, max_size=6)


def program(style: str, functions: list[list[tuple[str, int, int]]]) -> str:
    parts = [HEADERS[style], IMPORTS]
    for index, body in enumerate(functions):
        parts.append(f"\n\ndef view_{index}(request, response):  # é\n")
        parts.extend(
            template.format(code=code, other=other) + "\n" for template, code, other in body
        )
    return "".join(parts)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(sorted(HEADERS)), st.lists(function, min_size=1, max_size=3))
def test_fixing_keeps_meaning(style: str, functions: list[list[tuple[str, int, int]]]) -> None:
    source = program(style, functions)
    findings = [f for f in check(ast.parse(source), TARGET) if RULES[f.code].default_enabled]
    result = fix_text(source, findings)
    fixed = result.text
    ast.parse(fixed)
    again = [f for f in check(ast.parse(fixed), TARGET) if RULES[f.code].default_enabled]
    assert fix_text(fixed, again).text == fixed
    # Every literal had a constant, but for those whose status is itself the bug (HS303...)
    # and those where an enum would show (an unsafe fix, docs/fixes.md).
    assert not [f for f in again if f.code.startswith("HS1") and f.fix and f.fix.safe]
    assert all(
        "looks wrong here" in f.message or "unsafe fix: " in f.message
        for f in again
        if f.code.startswith("HS1")
    )
    old_names, new_names = _namespace(source), _namespace(fixed)
    for finding in result.applied:
        literal = eval(
            _segment(source, finding.line, finding.col, finding.end_line, finding.end_col),
            dict(old_names),
        )
        new = replacement(finding)
        assert new is not None, "a literal's fix is one replacement of it"
        with warnings.catch_warnings():
            # With no declared Starlette range the fix keeps to names every supported version
            # has, such as HTTP_422_UNPROCESSABLE_ENTITY, which Starlette 0.48+ deprecates.
            warnings.simplefilter("ignore")
            assert eval(new, dict(new_names)) == literal
    # Numbers that are not statuses are left alone.
    for template, _, other in (item for body in functions for item in body):
        if "{other}" in template:
            assert str(other) in fixed
    flakes = subprocess.run(
        [sys.executable, "-m", "pyflakes", "-"],
        input=fixed,
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    assert "undefined name" not in flakes


# Import blocks as isort writes them, from these pools: the fix must keep them sorted.
STDLIB = ["import os", "import sys", "from json import dumps", "from http import client"]
THIRD = [
    "from django.http import HttpResponse",
    "from flask import abort",
    "from rest_framework import generics",
    "from rest_framework.response import Response",
]
FIRST = ["from shop import models", "import shop.views"]
USES = [
    "    return HttpResponse(status={code})",
    "    abort({code})",
    "    return Response(status={code})",
    "    assert response.status_code == {code}",
]
SORTED_STYLE = ImportStyle(known_first_party=frozenset({"shop"}))
SORTED_CONFIG = isort.Config(profile="black", known_first_party=["shop"])


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.booleans(),
    st.booleans(),
    st.lists(st.sampled_from(STDLIB), unique=True),
    st.lists(st.sampled_from(THIRD), min_size=1, unique=True),
    st.lists(st.sampled_from(FIRST), unique=True),
    st.lists(st.tuples(st.sampled_from(USES), st.sampled_from(CODES)), min_size=1, max_size=5),
)
def test_sorted_imports_stay_sorted(
    docstring: bool,
    future: bool,
    stdlib: list[str],
    third: list[str],
    first: list[str],
    uses: list[tuple[str, int]],
) -> None:
    head = ('"""Doc."""\n' if docstring else "") + (
        "from __future__ import annotations\n" if future else ""
    )
    imports = "\n".join([*stdlib, *third, *first]) + "\n"
    body = "\n\ndef view(request, response):\n" + "".join(
        template.format(code=code) + "\n" for template, code in uses
    )
    source = isort.code(head + imports + body, config=SORTED_CONFIG)
    assert isort.check_code(source, config=SORTED_CONFIG)
    findings = [f for f in check(ast.parse(source), TARGET) if RULES[f.code].default_enabled]
    fixed = fix_text(source, findings, style=SORTED_STYLE).text
    ast.parse(fixed)
    assert isort.check_code(fixed, config=SORTED_CONFIG, show_diff=True), fixed
