"""The test that spares the walk of a file with no possible finding (rules/candidates.py).

Each admitted example holds a finding the engine reports although the file has none of the
old trigger words and no number from 100 to 599: the name, or the literal next to a
position's name, is all that lets the file through. The rejected examples are files the
first version of the test walked only because they import an HTTP package.
"""

from __future__ import annotations

import ast
import re
import textwrap

import pytest

from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.knowledge import frameworks
from flake8_httpstatus.knowledge.registry import lookup
from flake8_httpstatus.rules import check
from flake8_httpstatus.rules.candidates import (
    _PACKAGE_WORDS,
    VALUE_NAMES,
    WORDS,
    Candidates,
    _any_number,
)

ADMITTED = {
    "exception with a status of its own (HS501)": """\
        from django.http import Http404
        from ninja import Router

        router = Router()


        @router.get("/things/{name}")
        def thing(request, name: str):
            raise Http404(name)
        """,
    "route with a default no-content status (HS302)": """\
        from litestar import delete


        @delete("/items/{item_id:int}")
        async def remove(item_id: int) -> dict:
            return {"id": item_id}
        """,
    "invalid code at a positional status (HS201)": """\
        from django.http import HttpResponse


        def gone(request):
            return HttpResponse("gone", "text/plain", 600)
        """,
    "invalid code in a view's returned tuple (HS201)": """\
        from flask import Flask

        app = Flask(__name__)


        @app.get("/")
        def index():
            return "teapot", 0
        """,
}

REJECTED = {
    "a model": """\
        from django.db import models


        class Check(models.Model):
            name = models.CharField(max_length=100, blank=True)
            grace = models.DurationField(default=None)

            def __str__(self):
                return self.name
        """,
    "a migration": """\
        from django.db import migrations


        class Migration(migrations.Migration):
            dependencies = [("api", "0012_auto")]
            operations = []
        """,
    "a form without numbers": """\
        from django import forms


        class NameForm(forms.Form):
            name = forms.CharField(required=False)
        """,
}


def _findings(source: str) -> list[str]:
    return [finding.code for finding in check(ast.parse(source), Settings(), "app.py")]


@pytest.mark.parametrize("source", ADMITTED.values(), ids=ADMITTED.keys())
def test_a_file_whose_finding_needs_no_trigger_word_is_walked(source: str) -> None:
    source = textwrap.dedent(source)
    assert _findings(source)
    assert not any(word in source for word in WORDS)
    assert Candidates().admits(source)


@pytest.mark.parametrize("source", REJECTED.values(), ids=REJECTED.keys())
def test_a_file_that_only_imports_an_http_package_is_not_walked(source: str) -> None:
    source = textwrap.dedent(source)
    assert not _findings(source)
    assert not Candidates().admits(source)


def test_names_are_read_as_python_reads_identifiers() -> None:
    source = textwrap.dedent(ADMITTED["exception with a status of its own (HS501)"])
    disguised = source.replace("raise Http404", "raise Ｈttp404")
    assert _findings(disguised) == _findings(source)
    assert Candidates().admits(disguised)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "1",
        "x = 1",
        "(404)",
        "v1",
        "utf8",
        "x_1",
        ".5",
        "1.5",
        "v1 = 2",
        "\u00e91",
        "\u00b21",
        "a \u0663",
        "a\n3",
        "\u0663 4",
        "\uff11",
    ],
)
def test_a_number_is_a_digit_with_no_word_character_or_dot_before_it(text: str) -> None:
    assert _any_number(text) == (re.search(r"(?<![\w.])[0-9]", text) is not None)


def test_a_text_naming_an_http_package_holds_one_of_the_words_scanned_for() -> None:
    assert set(_PACKAGE_WORDS) <= frameworks.HTTP_PACKAGES
    assert all(
        any(word in package for word in _PACKAGE_WORDS) for package in frameworks.HTTP_PACKAGES
    )
    assert len(_PACKAGE_WORDS) < len(
        frameworks.HTTP_PACKAGES
    )  # `aiohttp` holds `http`: one scan less


def test_a_configured_sink_admits_a_file_by_its_name() -> None:
    source = "from shop.http import reply\n\nreply(x)\n"
    assert not Candidates().admits(source)
    assert Candidates(("reply",)).admits(source)


def test_a_default_of_200_is_never_what_a_rule_reports() -> None:
    """`VALUE_NAMES` leaves out the callables whose unwritten status is 200: the rules that
    read an unwritten status look for a no-content, informational, header-requiring, error or
    redirect status, and no error or redirect helper defaults to 200."""
    entry = lookup(200)
    assert entry is not None
    assert entry.content_allowed
    assert not entry.headers
    sinks = [
        *frameworks.CALLS.values(),
        *(method.sink for methods in frameworks.METHODS.values() for method in methods),
    ]
    kinds = {sink.kind for sink in sinks if sink.default == 200}
    assert kinds <= {frameworks.Kind.RESPONSE, frameworks.Kind.ROUTE}
    assert "HttpResponse" not in VALUE_NAMES
    assert {"Http404", "HttpResponseNotFound", "delete"} <= VALUE_NAMES


@pytest.mark.slow
def test_no_file_of_the_installed_frameworks_with_a_finding_is_rejected() -> None:
    """Over every file of the web frameworks the benchmark measures (outside any project):
    where the engine finds something, the candidates test admits the file."""
    from benchmarks.bench_plugin import PACKAGES, corpus, package_dirs

    candidates = Candidates()
    checked = 0
    for name, text in corpus(package_dirs(PACKAGES)):
        if not candidates.admits(text):
            assert not check(ast.parse(text), Settings(), name), name
            checked += 1
    assert checked > 100
