"""A fix never writes a name that means something else where it is written: every binding form
that can shadow `HTTPStatus` or `status`, resolved in the scope of the literal. Each program is
fixed (unsafe fixes included: this is about names, not safety), then both texts are run against
recording stubs: the fixed one must hand over the same status, as the constant."""

from __future__ import annotations

import ast
import textwrap

import pytest

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.fixes.fixer import fix_text
from flake8_httpstatus.rules import check
from tests.stubs import run

_DJANGO = "from django.http import HttpResponse\n"

# (case, program after the Django import, what the fixed text must write at the literal)
SHADOWED = [
    ("parameter", "def view(HTTPStatus):\n    return HttpResponse(status=404)\nview(1)\n"),
    ("local", "def view():\n    HTTPStatus = 1\n    return HttpResponse(status=404)\nview()\n"),
    (
        "local bound after the use",
        "def view():\n    r = HttpResponse(status=404)\n    HTTPStatus = 1\n    return r\nview()\n",
    ),
    ("comprehension", "[HttpResponse(status=404) for HTTPStatus in range(1)]\n"),
    (
        "nested comprehension",
        "[[HttpResponse(status=404) for y in range(1)] for HTTPStatus in range(1)]\n",
    ),
    (
        "except",
        "try:\n    raise ValueError\nexcept ValueError as HTTPStatus:\n"
        "    HttpResponse(status=404)\n",
    ),
    (
        "with",
        "import contextlib\ndef view():\n    with contextlib.nullcontext(1) as HTTPStatus:\n"
        "        return HttpResponse(status=404)\nview()\n",
    ),
    (
        "match capture",
        "def view(x):\n    match x:\n        case [HTTPStatus]:\n"
        "            return HttpResponse(status=404)\nview([1])\n",
    ),
    (
        "walrus",
        "def view():\n    if (HTTPStatus := 1):\n        return HttpResponse(status=404)\nview()\n",
    ),
    (
        "walrus in a comprehension",
        "def view():\n    [HTTPStatus := y for y in range(1)]\n"
        "    return HttpResponse(status=404)\nview()\n",
    ),
    ("loop", "for HTTPStatus in range(1):\n    HttpResponse(status=404)\n"),
    ("class attribute", "class View:\n    HTTPStatus = 1\n    r = HttpResponse(status=404)\n"),
    (
        "enclosing function",
        "def outer():\n    HTTPStatus = 1\n    def inner():\n"
        "        return HttpResponse(status=404)\n    return inner()\nouter()\n",
    ),
    ("lambda parameter", "(lambda HTTPStatus: HttpResponse(status=404))(1)\n"),
    (
        "import in the function",
        "def view():\n    from os import sep as HTTPStatus\n"
        "    return HttpResponse(status=404)\nview()\n",
    ),
    (
        "module name rebound later",
        "def view():\n    return HttpResponse(status=404)\nHTTPStatus = 1\nview()\n",
    ),
    (
        "module name written through global",
        "def setup():\n    global HTTPStatus\n"
        "    HTTPStatus = 1\ndef view():\n    return HttpResponse(status=404)\nsetup()\nview()\n",
    ),
    (
        "module name deleted",
        "from http import HTTPStatus\nx = HTTPStatus.OK\ndel HTTPStatus\n"
        "HttpResponse(status=404)\n",
    ),
]


def _fixed(text: str) -> tuple[str, list[str]]:
    findings = check(ast.parse(text), Settings(), "views.py")
    messages = [f.message for f in findings if f.code == "HS101"]
    return fix_text(text, findings, unsafe=True).text, messages


@pytest.mark.parametrize("program", [p for _, p in SHADOWED], ids=[c for c, _ in SHADOWED])
def test_a_shadowed_name_is_written_through_an_alias(program: str) -> None:
    before = _DJANGO + program
    after, _ = _fixed(before)
    assert "_HTTPStatus.NOT_FOUND" in after
    assert "HTTPStatus as _HTTPStatus" in after
    assert _statuses(after) == [("HttpResponse:status", "<HTTPStatus.NOT_FOUND: 404>")]
    assert _statuses(before) == [("HttpResponse:status", "404")]


@pytest.mark.parametrize("program", [p for _, p in SHADOWED], ids=[c for c, _ in SHADOWED])
def test_with_the_alias_shadowed_too_the_literal_stays_and_the_message_says_why(
    program: str,
) -> None:
    after, messages = _fixed(_both_shadowed(program))
    assert "status=404" in after, after
    assert any("no fix: `HTTPStatus` is" in message for message in messages), messages


def _both_shadowed(program: str) -> str:
    """The program with `_HTTPStatus` bound the same way as `HTTPStatus`, beside it."""
    return (
        _DJANGO
        + program
        + textwrap.dedent("""
        def _alias_user(_HTTPStatus):
            pass
        _HTTPStatus = None
    """)
    )


def _statuses(text: str) -> list[tuple[str, str]]:
    return [(where, shown) for where, shown, _ in run(text)]


NOT_SHADOWED = [
    (
        "method beside a class attribute",
        "class View:\n    HTTPStatus = 1\n"
        "    def get(self):\n        return HttpResponse(status=404)\nView().get()\n",
    ),
    (
        "default beside a parameter",
        "def view(HTTPStatus, r=HttpResponse(status=404)):\n    return r\n",
    ),
    (
        "comprehension's first iterable",
        "[HTTPStatus for HTTPStatus in [HttpResponse(status=404)]]\n",
    ),
    (
        "decorator of a function with the parameter",
        "def deco(r):\n    return lambda f: f\n"
        "@deco(HttpResponse(status=404))\ndef view(HTTPStatus):\n    pass\n",
    ),
    (
        "sibling function's local",
        "def other():\n    HTTPStatus = 1\ndef view():\n"
        "    return HttpResponse(status=404)\nview()\n",
    ),
    (
        "existing import",
        "from http import HTTPStatus\ndef view():\n    return HttpResponse(status=404)\nview()\n",
    ),
]


@pytest.mark.parametrize("program", [p for _, p in NOT_SHADOWED], ids=[c for c, _ in NOT_SHADOWED])
def test_a_binding_elsewhere_does_not_stop_the_usual_name(program: str) -> None:
    after, _ = _fixed(_DJANGO + program)
    assert "status=HTTPStatus.NOT_FOUND" in after, after
    assert "_HTTPStatus" not in after
    assert _statuses(after) == [("HttpResponse:status", "<HTTPStatus.NOT_FOUND: 404>")]


DRF = """\
from myapp import status
from rest_framework.response import Response

def view(request):
    return Response(status=404)
"""


def test_a_module_name_imported_from_elsewhere_is_not_reused_for_the_framework() -> None:
    after, _ = _fixed(DRF)
    assert "from rest_framework import status" not in after
    assert "status=HTTPStatus.NOT_FOUND" in after
    assert "from http import HTTPStatus\n" in after


def test_drf_status_as_a_parameter_falls_back_to_the_stdlib() -> None:
    text = (
        "from rest_framework import status\nfrom rest_framework.response import Response\n"
        "x = status.HTTP_200_OK\n\ndef view(status):\n    return Response(status=404)\n"
        "view(1)\n"
    )
    after, _ = _fixed(text)
    assert "Response(status=HTTPStatus.NOT_FOUND)" in after
    assert run(after)[-1][1] == "<HTTPStatus.NOT_FOUND: 404>"
