"""Property tests: programs generated with status literals at known positions, in every
framework style, are fixed without changing what they mean."""

from __future__ import annotations

import ast
import subprocess
import sys
import warnings

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flake8_httpstatus.fixer import fix_text
from flake8_httpstatus.registry import all_codes, constant_for
from flake8_httpstatus.rules import RULES, check
from flake8_httpstatus.settings import Settings
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
    # Every literal had a constant, but for those whose status is itself the bug (HS303...).
    assert not [f for f in again if f.code.startswith("HS1") and f.fix is not None]
    assert all("looks wrong here" in f.message for f in again if f.code.startswith("HS1"))
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
