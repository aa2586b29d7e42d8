"""HS1xx: a status written as a bare number where a named constant says what it means."""

from __future__ import annotations

from flake8_httpstatus.rules._rule import (
    NO_CONSTANT,
    STATUS_DOUBTED,
    FixSafety,
    Rule,
    Severity,
)

_OPTIONS = """
## Options
- `httpstatus-style` (`auto`, `stdlib`, `drf`, `starlette`, `fastapi`, `litestar`): the constants
  to suggest. `auto` uses the style the file already uses, else its framework's, else
  `http.HTTPStatus`.
- `httpstatus-target-python`: names that do not exist on this Python are never suggested
  (default: the lowest version `requires-python` allows, else the version in
  `.python-version`, else 3.9).
- `httpstatus-library-versions`: the Starlette version (and others) names are checked against
  (default: the range the project declares; a name is suggested only if every version in it
  has it).
- `httpstatus-allow-codes`: codes whose literals are fine (e.g. `200`).
"""


def _messages(where: str) -> dict[str, str]:
    return {
        "": f"magic status code {{code}}{where}: use {{constant}}",
        # A literal bound to a local name that reaches the status position (see `_BOUND_USES`).
        "bound": "magic status code {code} (bound to `{parameter}`, {use}): use {constant}",
        NO_CONSTANT: f"magic status code {{code}}{where}: {{holder}} has no constant for it; "
        "see `flake8-httpstatus explain {code}`",
        STATUS_DOUBTED: f"magic status code {{code}}{where}: not named, the status itself "
        "looks wrong here ({other})",
    }


# Through the project's own callables and pytest tables (see inference.py).
_INFERRED = {
    "helper": "magic status code {code} passed to {helper}() (a status parameter): use {constant}",
    "default": "magic status code {code} as the default of {helper}()'s status parameter "
    "`{parameter}`: use {constant}",
    "table": "magic status code {code} in {helper}()'s parametrize table (`{parameter}` reaches "
    "a status position): use {constant}",
    "class": "magic status code {code} in class {helper}'s parametrize table (`{parameter}` "
    "reaches a status position in its tests): use {constant}",
    "module": "magic status code {code} in the module's pytestmark parametrize table "
    "(`{parameter}` reaches a status position in {helper}()): use {constant}",
    "fixture": "magic status code {code} in the params of fixture `{helper}` (`{parameter}` "
    "reaches a status position): use {constant}",
    "loop": "magic status code {code} in the table looped over as `{parameter}` (compared with "
    "a response status): use {constant}",
    "parameter_compared": "magic status code {code} compared with `{parameter}`, a status "
    "parameter of {helper}(): use {constant}",
    "loop_compared": "magic status code {code} compared with `{parameter}`, a status (it is "
    "compared with a response status): use {constant}",
    "returned_compared": "magic status code {code} compared with `{parameter}`, the status "
    "{helper}() returns: use {constant}",
}


_FIX_SAFETY = """
## Fix safety
Safe where nothing can tell the constant from the literal: DRF, Starlette, FastAPI and
Litestar constants are plain `int`s; an `HTTPStatus` member is an `IntEnum`, whose `repr()`
differs (and, before Python 3.11, `str()` and `%s`), so it is a safe fix only where the value
goes is shown to make it an `int` or only compare it: a comparison, a test assertion, and the
framework calls checked against the installed packages (Django's and DRF's responses, Flask's
and Werkzeug's `Response`, `abort`, `redirect` and `errorhandler`, Flask's view tuples,
aiohttp's responses, FastAPI's route `status_code=`). Elsewhere (the project's own helpers and
classes, parameter defaults, mocks, attributes, dict values, parametrize tables) the fix is
unsafe, and the message says why.
The fix adds the import the constant needs where isort would put it, in the file's style, and
never writes a name that means something else where it is written: it then uses
`http.HTTPStatus`, or `HTTPStatus` imported as `_HTTPStatus`, or leaves the literal and says
why. See [docs/fixes.md](../fixes.md).

No fix where the status is the bug: a literal that HS303, HS401, HS402, HS403 or HS405 also
flags (`abort(302)`, `redirect(url, code=200)`, `abort(402)`) is not named, and the message says
the status itself looks wrong; naming it would dress the bug up as intended.
"""


def _concerns_literal(code: int) -> str | None:
    return (
        "written as a number at a status position (HS102-HS105 in view tuples, status "
        "attributes, comparisons and mapping keys)"
    )


HS101 = Rule(
    "HS101",
    "magic-status-in-call",
    "A status literal passed to a response, exception, abort, redirect, route decorator or "
    "error handler registration.",
    """
## What it does
Flags an integer status passed where a framework takes a status:
`HttpResponse(status=404)`, DRF `Response(data, 201)`, `abort(404)`,
`@app.post("/", status_code=201)`, `@app.errorhandler(404)`, `self.set_status(201)`,
`HTTPException(status_code=404)`, `RedirectResponse(url, status_code=301)`, and your own
helpers declared with `httpstatus-extra-sinks`. Response definitions count too: the status of
a Lambda proxy response (`{"statusCode": 404}`) or an ASGI `http.response.start` message, and
the statuses given to HTTP mocking libraries and test doubles (`responses.add(status=404)`,
`requests_mock.get(url, status_code=500)`, `respx.get(url).respond(404)`,
`httpx.Response(404)`, `Mock(status_code=404)`, `Retry(status_forcelist=[502, 503])`).

The project's own helpers need no declaration: a function, method or class whose parameter
reaches a status position (a framework's status argument, `self.status_code = code`,
`super().__init__(status_code=code)`, another such helper) takes a status there, and the
literal passed to it is flagged, naming it:
`HS101 magic status code 404 passed to error_response() (a status parameter)`. So is the
parameter's default (`def problem(detail, code=500)`). A parameter only printed or passed to
`range()` reaches no status position and is never read as one.

Only the argument at the framework's status position counts: `HttpResponse("x", 404)` passes
404 as the content type, and Sanic's `redirect(url, 301)` passes it as the headers, so neither is
read as a status.

## Why is this bad?
A bare number hides what the response means; `HTTPStatus.NOT_FOUND` says it, and is found by a
search for the name. Numbers also invite typos (`403` for `404`) that no one sees in review.

## Example
```python
from django.http import HttpResponse

def view(request):
    return HttpResponse(status=404)
```

## Use instead
```python
from http import HTTPStatus

from django.http import HttpResponse

def view(request):
    return HttpResponse(status=HTTPStatus.NOT_FOUND)
```
"""
    + _FIX_SAFETY
    + _OPTIONS
    + """
- `httpstatus-extra-sinks`: your own callables that take a status, as
  `module:callable:param@position` (e.g. `myapp.http:error_response:status@1`).

## References
- [RFC 9110 §15: Status Codes](https://www.rfc-editor.org/rfc/rfc9110#section-15)
- [`http.HTTPStatus`](https://docs.python.org/3/library/http.html#http.HTTPStatus)
""",
    Severity.INFO,
    {**_messages(""), **_INFERRED},
    fix_safety=FixSafety.MIXED,
    concerns=_concerns_literal,
)

HS102 = Rule(
    "HS102",
    "magic-status-in-view-return",
    "A status literal in a Flask or Quart view's returned tuple.",
    """
## What it does
Flags the status of a `(body, status)` or `(body, status, headers)` tuple returned by a Flask or
Quart view: a function decorated with `@app.route`, `@bp.get`, `@app.errorhandler` and the like,
or a method of a `MethodView` or Flask-RESTful `Resource`. Plain functions that return tuples of
numbers are not views and are never flagged, nor is a `(body, headers)` tuple.

## Why is this bad?
`return body, 201` reads as a tuple of two values; `return body, HTTPStatus.CREATED` reads as a
response.

## Example
```python
from flask import Flask, jsonify

app = Flask(__name__)

@app.post("/books")
def create_book():
    return jsonify(id=1), 201
```

## Use instead
```python
from http import HTTPStatus

from flask import Flask, jsonify

app = Flask(__name__)

@app.post("/books")
def create_book():
    return jsonify(id=1), HTTPStatus.CREATED
```
"""
    + _FIX_SAFETY
    + _OPTIONS
    + """
## References
- [Flask: About Responses](https://flask.palletsprojects.com/en/stable/quickstart/#about-responses)
""",
    Severity.INFO,
    _messages(" in a view's return value"),
    fix_safety=FixSafety.MIXED,
)

HS103 = Rule(
    "HS103",
    "magic-status-in-attribute",
    "A status literal assigned to a status attribute, or as the status class attribute of an "
    "HTTP exception or response subclass.",
    """
## What it does
Flags `response.status_code = 204`, `resp.status_int = 404`, `resp.status = 201` (in files that
import an HTTP framework or client, for values 100–599), and the class attribute that carries
the status of an HTTP exception or response subclass:
`class Conflict(APIException): status_code = 409` (DRF, Starlette, aiohttp, Sanic, Litestar,
Django responses) or `code = 409` (Werkzeug, Pyramid, WebOb).

## Why is this bad?
The number says nothing about the status it sets; the constant does.

## Example
```python
from rest_framework.exceptions import APIException

class Conflict(APIException):
    status_code = 409
```

## Use instead
```python
from rest_framework import status
from rest_framework.exceptions import APIException

class Conflict(APIException):
    status_code = status.HTTP_409_CONFLICT
```
"""
    + _FIX_SAFETY
    + _OPTIONS
    + """
## References
- [DRF: Custom exceptions](https://www.django-rest-framework.org/api-guide/exceptions/#custom-exceptions)
""",
    Severity.INFO,
    _messages(" assigned to a status attribute"),
    fix_safety=FixSafety.MIXED,
)

HS104 = Rule(
    "HS104",
    "magic-status-in-comparison",
    "A status literal compared with, or asserted against, a response's status.",
    """
## What it does
Flags the literal in `r.status_code == 200`, `200 != r.status_code`,
`r.status_code in (200, 201)`, `match r.status_code: case 404:`,
`self.assertEqual(response.status_code, 404)` and the other unittest comparisons, Django's
`assertContains(..., status_code=200)` and `assertRedirects(..., status_code=301)`, and WebTest's
`app.get(url, status=404)`. `.status_code` and `.status_int` count everywhere; `.status` and
`.code` (values 100–599) where the receiver is shown to be a response: the result of a request
(`resp = client.get(...)`, `await session.post(...)`, `page.goto(...)`, `urlopen(...)`), a name
or annotation that says so (`response`, `resp`, `rv`, `r: ClientResponse`), an HTTP error
caught or expected (`except HTTPError as e`, `with pytest.raises(HTTPError) as info`), or
`self` in a class named for HTTP or a response. What the file imports does not matter.

Also flagged through the project's own code: literals passed to a helper or method whose
parameter is compared with a response's status (`self.assertHttpStatus(response, 200)`), and
the values of a `@pytest.mark.parametrize` argument that reaches such a comparison (on the
test, or on its class), and a fixture's `params=[...]` when `request.param` or the fixture's
value in a test reaches one; and a literal compared with such a parameter
(`if expected_status == 200:`). A name
bound once in a function to a response's status (`code = response.status_code`) compares like
the status itself. A loop over a literal table (`for url, expected in [("/a", 200), ...]`, also
over `enumerate(self.permission_matrix)` or a name bound once to the table) whose variable is
compared with a response's status in the loop's body makes that column's literals statuses,
and `if expected == 200:` a status comparison.

Ranges and arithmetic (`r.status_code >= 400`, `r.status_code // 100 == 2`) are not flagged:
they test a class of codes, which is what the numbers say.

## Why is this bad?
`assert r.status_code == HTTPStatus.CREATED` says what the test expects; `== 201` makes the
reader translate. A failing assertion shows the same value either way.

## Example
```python
def test_create(client):
    response = client.post("/books", json={"title": "Dune"})
    assert response.status_code == 201
```

## Use instead
```python
from http import HTTPStatus

def test_create(client):
    response = client.post("/books", json={"title": "Dune"})
    assert response.status_code == HTTPStatus.CREATED
```
"""
    + _FIX_SAFETY
    + _OPTIONS
    + """
## References
- [`http.HTTPStatus`](https://docs.python.org/3/library/http.html#http.HTTPStatus)
""",
    Severity.INFO,
    {**_messages(" compared with a response status"), **_INFERRED},
    fix_safety=FixSafety.MIXED,
)

HS105 = Rule(
    "HS105",
    "magic-status-mapping-key",
    "A status literal as the key of a status mapping.",
    """
## What it does
Flags integer keys of the mappings frameworks key by status: FastAPI's
`responses={404: {...}}` on routes, routers and the app, and `exception_handlers={404: ...}` on
FastAPI, Starlette and Litestar applications and routers. String keys such as `"4XX"` or
`"default"` are left alone.

## Why is this bad?
The keys document the API (FastAPI turns them into the OpenAPI schema); constants make the
mapping read as what it is, and match the constants used in the handlers.

## Example
```python
from fastapi import FastAPI

app = FastAPI()

@app.get("/books/{book_id}", responses={404: {"description": "No such book"}})
def get_book(book_id: int): ...
```

## Use instead
```python
from fastapi import FastAPI, status

app = FastAPI()

@app.get(
    "/books/{book_id}",
    responses={status.HTTP_404_NOT_FOUND: {"description": "No such book"}},
)
def get_book(book_id: int): ...
```
"""
    + _FIX_SAFETY
    + _OPTIONS
    + """
## References
- [FastAPI: Additional Responses in OpenAPI](https://fastapi.tiangolo.com/advanced/additional-responses/)
""",
    Severity.INFO,
    _messages(" as a status mapping key"),
    fix_safety=FixSafety.MIXED,
)

RULES = (HS101, HS102, HS103, HS104, HS105)
