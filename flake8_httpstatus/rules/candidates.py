"""Whether a file's text can hold a finding at all, read before its tree is walked.

Every finding is made at a status the walk recognises, and a status enters a file in one of
these ways only (rules/*.py, analysis/recognizers/*.py):

- a literal (an int, or a string starting with three digits) at a status position: a call
  to a status-taking callable (by its name, or a keyword naming the status), a view's
  returned tuple (a decorator or a class-based view's method), a status attribute or class
  attribute, a comparison with a response's status (`.status_code`, `.status`, `.code`), a
  status mapping or dict key, respx's `%`, the tuple a `responses` callback returns;
- a pytest table or fixture whose values reach a status: only registry codes (100-599) count;
- a named constant, reached through its holder (`HTTPStatus`, `status`, `codes`, `client`);
- a callable or exception with a status of its own (`Http404`, `HttpResponseNotFound`,
  Litestar's `@delete`, `NotFound` documented by the OpenAPI tables); a default of 200 is
  never what a rule reports (tests/test_candidates.py checks the rules agree);
- a project callable that passes a parameter on to a status position (`ProjectIndex.mentions`,
  asked by the front ends, since it depends on the project).

A literal needs a position, except in a table. So a file is walked when it holds one of the
words below (as before: `status`, `HTTP`, ...), or names an HTTP package and also a name that
brings a status (`VALUE_NAMES`), an int literal together with a position's name
(`POSITION_NAMES`), or a table holding a status-like number (100-599). A file naming no HTTP
package and none of the words is not walked, as before; one that imports Django only for its
models, forms or migrations is no longer walked either.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from typing import Protocol

from flake8_httpstatus.config.settings import ExtraSink, Settings
from flake8_httpstatus.knowledge import frameworks, openapi
from flake8_httpstatus.knowledge.frameworks import HTTP_PACKAGES, Sink

# Substrings: the status attributes and keywords, `HTTPStatus` and the `HTTP_...` constants,
# the helpers named after what they do, and pytest's `request.param`.
WORDS = (
    "status",
    "HTTP",
    "abort",
    "redirect",
    "errorhandler",
    "exception_handler",
    "set_status",
    "send_error",
    "request.param",  # a fixture's params may be statuses its tests elsewhere compare
    ".code",  # Tornado's and urllib's `response.code`, in tests that import no HTTP library
)

# pytest's tables (`parametrize`, a fixture's `params`): their registry codes are statuses
# where the test or fixture reading them, perhaps in another module, compares them with one.
_TABLE_WORDS = ("parametrize", "params")
# A digit: any int literal (or a string starting with a digit) is one with no word character
# or dot before it (`_any_number`); an invalid code is HS201's finding.
_DIGIT = re.compile(r"[0-9]")


def _shortest(words: Iterable[str]) -> tuple[str, ...]:
    """`words` without those holding another (`aiohttp` holds `http`): a text holds one of
    these exactly when it holds one of `words`, in fewer scans."""
    kept: list[str] = []
    for word in sorted(set(words), key=lambda word: (len(word), word)):
        if not any(other in word for other in kept):
            kept.append(word)
    return tuple(kept)


# What a text naming an HTTP package holds.
_PACKAGE_WORDS = _shortest(HTTP_PACKAGES)


def _any_number(text: str) -> bool:
    r"""Whether `(?<![\w.])[0-9]` is found: a scan for digits, then a look at the character
    before each (a lookbehind tried at every position costs three times as much)."""
    for match in _DIGIT.finditer(text):
        start = match.start()
        if start == 0:
            return True
        before = text[start - 1]
        if not (before.isalnum() or before == "_" or before == "."):
            return True
    return False


def _last(name: str) -> str:
    return name.rpartition(".")[2]


def _sinks() -> Iterator[Sink]:
    yield from frameworks.CALLS.values()
    for methods in frameworks.METHODS.values():
        for method in methods:
            yield method.sink


def _keywords(sink: Sink) -> Iterator[str]:
    for param in (sink.status, *sink.also):
        if param is not None and param.keyword is not None:
            yield param.keyword
    yield from sink.mappings


def _has_own_status(sink: Sink) -> bool:
    return (sink.default is not None and sink.default != 200) or bool(sink.fixed)


# Names that bring a status with no literal written in the file.
VALUE_NAMES = frozenset(
    {
        *(_last(holder) for holder in frameworks.HOLDERS),
        *(_last(name) for name, sink in frameworks.CALLS.items() if _has_own_status(sink)),
        *(
            name
            for name, methods in frameworks.METHODS.items()
            if any(_has_own_status(method.sink) for method in methods)
        ),
        *(_last(name) for name in openapi.EXCEPTION_STATUS),
    }
)

# Names next to which a literal is read as a status.
POSITION_NAMES = frozenset(
    {
        *(_last(name) for name in frameworks.CALLS),
        *frameworks.METHODS,
        *(keyword for sink in _sinks() for keyword in _keywords(sink)),
        *(name for _, views in frameworks.VIEWS for name in (*views.decorators, *views.methods)),
        *(attribute for attribute, _ in frameworks.STATUS_CLASS_MODULES.values()),
        *frameworks.DICT_KEYS,
        *(package for packages, _ in frameworks.MODULO for package in packages),
        *(_last(name) for name in openapi.EXCEPTION_ARGUMENT),
        "add_callback",  # responses' callbacks return (status, headers, body)
    }
)


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
# A registry code's first two digits; the third and the boundaries are checked in `_status_number`.
_STATUS_DIGITS = re.compile(r"[1-5][0-9][0-9](?![0-9])")
_NOT_BEFORE = frozenset("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_.")


def _status_number(text: str) -> bool:
    """A number from 100 to 599 standing alone (not `v1.404`, `x404`, `4040`): a cheap scan,
    then a look at the character before."""
    for match in _STATUS_DIGITS.finditer(text):
        start = match.start()
        end = match.end()
        if (start == 0 or text[start - 1] not in _NOT_BEFORE) and text[end : end + 1] != ".":
            return True
    return False


class Mentions(Protocol):
    """A project's index (project/index.py), which knows its own status-taking callables."""

    def mentions(self, text: str, identifiers: AbstractSet[str] | None = None) -> bool: ...


class Candidates:
    """The test on a file's text; `extra_names`: the configured sinks' names, which admit a
    file as the trigger words do."""

    def __init__(self, extra_names: Iterable[str] = ()) -> None:
        self._words = (*WORDS, *extra_names)

    def admits(self, text: str, project: Mentions | None = None) -> bool:
        """Whether `text` may hold a finding, or names one of `project`'s status-taking
        callables. Substring tests first (`in` is far cheaper than a regular expression), the
        identifiers last; the project is asked only when the text does not admit itself."""
        normal = text if text.isascii() else unicodedata.normalize("NFKC", text)
        # Python reads identifiers in their NFKC form (`ｇｅｔ` is `get`).
        if any(word in normal for word in self._words):
            return True
        identifiers = None
        # Nothing HTTP at all: not walked, as before this test was narrowed.
        if any(package in normal for package in _PACKAGE_WORDS):
            has_number = _any_number(normal)
            tables = has_number and any(word in normal for word in _TABLE_WORDS)
            if tables and _status_number(normal):
                return True
            identifiers = set(_IDENTIFIER.findall(normal))
            if not VALUE_NAMES.isdisjoint(identifiers):
                return True
            if has_number and not POSITION_NAMES.isdisjoint(identifiers):
                return True
        # Those of an ASCII text are its words that do not start with a digit.
        read = identifiers if normal is text else None
        return project is not None and project.mentions(text, read)


def candidates_for(settings: Settings) -> Candidates:
    """The test for files checked with `settings`: its configured sinks admit a file by name."""
    return _candidates(settings.extra_sinks)


@functools.lru_cache(maxsize=8)
def _candidates(extra_sinks: tuple[ExtraSink, ...]) -> Candidates:
    return Candidates(sink.qualified_name.rpartition(".")[2] for sink in extra_sinks)
