"""A safe fix never changes what a program prints, on the oldest and the newest Python.

Programs are generated from templates: a status literal sent where a framework makes it an int
(Django's `HttpResponse`, Flask's `abort`, stubbed as they behave, see tests/stubs.py) or
compared, or where the enum would show (the project's own exception and helper, a default, a
mock, a dict value, a class attribute), each under a name that may shadow the constant's (every
binding form). Each program and its `fix`ed text are run on Python 3.10 (where `str()` of an
`HTTPStatus` member is its name) and the newest Python: what they print must be the same. The
unsafe fixes are run too, to show that the check can fail.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.fixes.fixer import fix_text
from flake8_httpstatus.rules import check

STUBS = Path(__file__).with_name("stubs.py")
PYTHONS = {
    version: sorted(Path.home().glob(f".pyenv/versions/{version}.*/bin/python"))
    for version in ("3.10", "3.13")
}

HEADER = """\
from unittest.mock import Mock

from django.http import HttpResponse
from flask import abort


class ApiError(Exception):
    def __init__(self, message, status_code):
        super().__init__(message)
        self.status_code = status_code

    def __str__(self):
        return "%s (%s)" % (self.args[0], self.status_code)


def fail(message, status_code):
    raise ApiError(message, status_code)

"""

# Where the literal goes: a statement printing what the program shows of it ({code}).
USES = {
    "django": "print(repr(HttpResponse(status={code}).status_code))",
    "abort": "print(abort({code}).status_code)",
    "compared": "print(HttpResponse(status=200).status_code == {code})",
    "own exception": "print(repr(ApiError('no', {code}).status_code), str(ApiError('no', {code})))",
    "own helper": "try:\n    fail('no', {code})\nexcept ApiError as error:\n    print(error)",
    "mock": "print(Mock(status_code={code}).status_code)",
    "dict": "print({{'statusCode': {code}, 'body': ''}})",
    "percent": "print('status %s' % HttpResponse(status={code}).status_code)",
}
# How the names a fix writes may be bound where the literal is ({use} indented inside).
BINDINGS = {
    "none": "{use}",
    "parameter": "def run({name}):\n    {use}\nrun(1)",
    "local": "def run():\n    {name} = 1\n    {use}\nrun()",
    "loop": "for {name} in [1]:\n    {use}",
    "comprehension": "_ = [({use}) for {name} in [1]]",
    "except": "try:\n    raise ValueError\nexcept ValueError as {name}:\n    {use}",
    "with": "import contextlib\nwith contextlib.nullcontext(1) as {name}:\n    {use}",
    "walrus": "def run():\n    if ({name} := 1):\n        {use}\nrun()",
    "match": "match [1]:\n    case [{name}]:\n        {use}",
    "class attribute": "class Holder:\n    {name} = 1\n    {use}",
    "enclosing": "def outer():\n    {name} = 1\n    def inner():\n        {use}\n    inner()\nouter()",
    "module rebound": "{use}\n{name} = 1",
    "other import": "from os import sep as {name}\n{use}",
}
NAMES = ("HTTPStatus", "_HTTPStatus", "status", "http", "x")
CODES = (200, 201, 204, 301, 400, 403, 404, 410, 422, 500)

UNIT = st.tuples(
    st.sampled_from(sorted(USES)),
    st.sampled_from(sorted(BINDINGS)),
    st.sampled_from(NAMES),
    st.sampled_from(CODES),
)


def program(units: list[tuple[str, str, str, int]]) -> str:
    parts = [HEADER]
    for use_name, binding, name, code in units:
        use = USES[use_name].format(code=code)
        if binding == "comprehension" and "\n" in use:
            binding = "none"  # a statement cannot be a comprehension's element
        body = BINDINGS[binding]
        indent = " " * (len(body.partition("{use}")[0].rpartition("\n")[2]))
        parts.append(body.format(name=name, use=use.replace("\n", "\n" + indent), code=code) + "\n")
    return "\n".join(parts)


def outputs(python: Path, programs: list[str]) -> list[str]:
    done = subprocess.run(
        [str(python), str(STUBS)],
        input=json.dumps(programs),
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    result: list[str] = json.loads(done.stdout)
    return result


def fixed(text: str, unsafe: bool) -> str:
    findings = check(ast.parse(text), Settings(), "views.py")
    return fix_text(text, findings, unsafe=unsafe).text


def _pythons() -> list[Path]:
    found = [paths[-1] for paths in PYTHONS.values() if paths]
    if len(found) < len(PYTHONS):
        pytest.skip("needs pyenv's Python 3.10 and 3.13")
    return found


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(UNIT, min_size=1, max_size=4))
def test_safe_fixes_print_the_same_on_every_python(units: list[tuple[str, str, str, int]]) -> None:
    before = program(units)
    after = fixed(before, unsafe=False)
    ast.parse(after)
    for python in _pythons():
        original, changed = outputs(python, [before, after])
        assert "raised" not in original, original  # the template itself runs
        assert changed == original, f"{python}\n{before}\n---\n{after}"


def test_the_check_can_fail_unsafe_fixes_print_otherwise_on_3_10() -> None:
    """What the safe fixes leave alone does show: the enum in an exception's str() on 3.10."""
    python = _pythons()[0]
    before = program([("own exception", "none", "x", 404), ("mock", "none", "x", 200)])
    unsafe = fixed(before, unsafe=True)
    assert fixed(before, unsafe=False) == before
    original, changed = outputs(python, [before, unsafe])
    assert original == "404 no (404)\n200\n"
    assert changed == "<HTTPStatus.NOT_FOUND: 404> no (HTTPStatus.NOT_FOUND)\nHTTPStatus.OK\n"


def test_every_binding_form_is_covered() -> None:
    """The shadowing forms the issue lists, each a template above."""
    assert set(BINDINGS) >= {
        "parameter",
        "local",
        "comprehension",
        "except",
        "with",
        "match",
        "walrus",
        "loop",
        "class attribute",
        "enclosing",
        "module rebound",
        "other import",
    }
    assert shutil.which("python3") is not None
