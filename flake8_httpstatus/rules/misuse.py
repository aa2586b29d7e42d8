"""HS4xx: a status the framework takes in a way that silently does something else."""

from __future__ import annotations

from flake8_httpstatus.knowledge.frameworks import (
    PYRAMID_CODES,
    REDIRECT_CODES,
    WERKZEUG_CODES,
)
from flake8_httpstatus.rules._rule import FixSafety, Rule, Severity


def _concerns_error(code: int) -> str | None:
    if code >= 400:
        return None
    return "given to an error helper (HTTP exception, abort, error handler registration)"


HS401 = Rule(
    "HS401",
    "error-helper-without-error",
    "An error helper given a status below 400.",
    """
## What it does
Flags a status below 400 given to something meant for errors: `HTTPException(status_code=200)`
(Starlette, FastAPI, Litestar), Tornado's `HTTPError(304)` and `send_error(204)`,
`SanicException(status_code=302)`, `falcon.HTTPError(200)`, `abort(302)`, and error handler
registrations such as `@app.errorhandler(200)` or `@app.exception_handler(302)`. Pyramid's
`exception_response` is meant for every status and is not flagged.

## Why is this bad?
Error machinery renders an error page, logs an error and often skips the normal response path:
a 2xx or 3xx raised through it reaches the client with an error body, without the headers a
redirect needs, or not at all (`abort(302)` raises `LookupError`, a 500). Return a response, or
use the framework's redirect helper.

## Example
```python
from fastapi import HTTPException, status

def moved():
    raise HTTPException(status_code=status.HTTP_301_MOVED_PERMANENTLY, detail="moved")
```

## Use instead
```python
from fastapi import status
from fastapi.responses import RedirectResponse

def moved():
    return RedirectResponse("/new-place", status_code=status.HTTP_301_MOVED_PERMANENTLY)
```

## References
- [RFC 9110 §15.5: Client Error 4xx](https://www.rfc-editor.org/rfc/rfc9110#section-15.5)
""",
    Severity.ERROR,
    {
        "": "{callee} given status {code}, which is not an error: return a response or use a "
        "redirect",
    },
    concerns=_concerns_error,
)


def _concerns_redirect(code: int) -> str | None:
    if not 300 <= code <= 399 or code in REDIRECT_CODES:
        return None  # any other class is as wrong, but 300 and 304 look like redirects
    return "given to a redirect helper (redirect(), RedirectResponse, HttpResponseRedirect, ...)"


HS402 = Rule(
    "HS402",
    "redirect-without-redirect-status",
    "A redirect helper given a status that is not a redirect.",
    """
## What it does
Flags a redirect helper given anything but 301, 302, 303, 307 or 308:
`redirect(url, code=200)` (Flask, Quart, Werkzeug), `RedirectResponse(url, status_code=404)`,
`HttpResponseRedirect(url, status=200)`, Tornado's `self.redirect(url, status=200)`, Sanic's
`redirect(url, status=200)` and Litestar's `Redirect(path, status_code=200)`.

## Why is this bad?
Flask, Starlette, Django and Sanic send whatever they are given, with a Location header that the
client ignores outside a redirect: the user sees an empty page. Tornado asserts and answers
500; Litestar raises `ImproperlyConfiguredException`. `300` and `304` are 3xx codes but not
redirects a helper can make.

## Example
```python
from http import HTTPStatus

from flask import redirect

def old_page():
    return redirect("/new", code=HTTPStatus.OK)
```

## Use instead
```python
from http import HTTPStatus

from flask import redirect

def old_page():
    return redirect("/new", code=HTTPStatus.MOVED_PERMANENTLY)
```

## References
- [RFC 9110 §15.4: Redirection 3xx](https://www.rfc-editor.org/rfc/rfc9110#section-15.4)
""",
    Severity.ERROR,
    {
        "": "{callee} given status {code}, which is not a redirect status "
        "(301, 302, 303, 307, 308)",
    },
    concerns=_concerns_redirect,
)

HS403 = Rule(
    "HS403",
    "status-contradicts-class",
    "A status that contradicts the response class it overrides.",
    """
## What it does
Flags a `status=` that overrides the code a Django response class exists for:
`HttpResponseNotFound(status=200)`, `HttpResponseGone(status=500)`,
`HttpResponsePermanentRedirect(url, status=302)` (a permanent redirect class sending a
temporary one). Redirect classes given a non-redirect status are HS402's.

## Why is this bad?
Django accepts the override silently: `HttpResponseNotFound(b"x", status=200)` sends 200. The
class name then lies to every reader, and a search for 404 responses misses it.

## Example
```python
from http import HTTPStatus

from django.http import HttpResponseNotFound

def page(request):
    return HttpResponseNotFound("gone for good", status=HTTPStatus.GONE)
```

## Use instead
```python
from django.http import HttpResponseGone

def page(request):
    return HttpResponseGone("gone for good")
```

## References
- [Django: HttpResponse subclasses](https://docs.djangoproject.com/en/stable/ref/request-response/#httpresponse-subclasses)
""",
    Severity.ERROR,
    {"": "{callee} given status {code}, which contradicts its own {own}"},
)

HS404 = Rule(
    "HS404",
    "status-where-not-taken",
    "A status passed where the framework does not take it.",
    """
## What it does
Flags a status passed as a positional argument that means something else, so the response goes
out with another status or fails:
- Litestar `HTTPException(404)`: positional arguments are the detail; a 500 is sent;
- Sanic `SanicException(404)`: the first argument is the message; a 500 is sent;
- Sanic `redirect(url, 301)`: the second argument is the headers (TypeError);
- Django `HttpResponseRedirect(url, 301)` and `HttpResponsePermanentRedirect(url, 308)`: the
  second argument is `preserve_request` from Django 5.2 on (content before): a 302 is sent;
- Django `HttpResponse("x", 404)`: the second argument is the content type; a 200 is sent.

## Why is this bad?
Each of these runs without complaint in a quick test and sends the wrong status in production.

## Example
```python
from litestar.exceptions import HTTPException

def missing():
    raise HTTPException(404)
```

## Use instead
```python
from litestar.exceptions import HTTPException
from litestar.status_codes import HTTP_404_NOT_FOUND

def missing():
    raise HTTPException(status_code=HTTP_404_NOT_FOUND)
```

## Fix safety
Unsafe: the fix passes the status by the keyword the framework reads (`HTTPException(404)`
becomes `HTTPException(status_code=404)`, Sanic's `redirect(url, 301)` becomes
`redirect(url, status=301)`), so the response goes out with another status than it does
today, and the argument no longer fills the parameter it filled (the detail, the content
type). That is the intent, but it changes what the code does: `fix --unsafe-fixes` applies it.
Made only where the argument is the last positional one and the keyword is not passed already.

## References
- [Litestar exceptions](https://docs.litestar.dev/latest/usage/exceptions.html)
- [Django 5.2: `preserve_request`](https://docs.djangoproject.com/en/5.2/ref/request-response/#django.http.HttpResponseRedirect)
""",
    Severity.ERROR,
    {"": "{code} passed to {callee} as {meaning}, not as the status: pass {keyword}={code}"},
    fix_safety=FixSafety.UNSAFE,
)


def _concerns_cannot_raise(code: int) -> str | None:
    if code < 400:
        return None
    where = []
    if code not in WERKZEUG_CODES:
        where.append("Flask/Werkzeug abort() and errorhandler()")
    if code not in PYRAMID_CODES:
        where.append("Pyramid's exception_response()")
    return f"{' and '.join(where)} cannot take it" if where else None


HS405 = Rule(
    "HS405",
    "status-framework-cannot-raise",
    "A code the framework cannot raise or register.",
    """
## What it does
Flags Flask, Quart and Werkzeug `abort(N)`, `errorhandler(N)`, `register_error_handler(N, f)` and
`app_errorhandler(N)` with a 4xx or 5xx code that Werkzeug has no exception for (402, 407, 425,
426, 506–511, ...), and Pyramid's `exception_response(N)` with a code outside its status map
(451, 511, 299, ...).

## Why is this bad?
`abort(402)` raises `LookupError: no exception for 402`: the client gets a 500.
`@app.errorhandler(402)` raises `ValueError` when the app starts. Pyramid raises `KeyError`.
Define an `HTTPException` subclass with that `code` and raise or register it instead.

## Example
```python
from http import HTTPStatus

from flask import abort

def checkout(paid):
    if not paid:
        abort(HTTPStatus.PAYMENT_REQUIRED)
```

## Use instead
```python
from http import HTTPStatus

from werkzeug.exceptions import HTTPException

class PaymentRequired(HTTPException):
    code = HTTPStatus.PAYMENT_REQUIRED
    description = "Payment required."

def checkout(paid):
    if not paid:
        raise PaymentRequired()
```

## References
- [Werkzeug: `default_exceptions`](https://werkzeug.palletsprojects.com/en/stable/exceptions/)
""",
    Severity.ERROR,
    {"": "{callee} cannot take {code}: {why}; use an HTTPException subclass with that code"},
    concerns=_concerns_cannot_raise,
)

HS406 = Rule(
    "HS406",
    "redundant-default-status",
    "A status equal to what the callable sends anyway.",
    """
## What it does
Flags a status argument equal to the callable's default: `HttpResponse(status=200)`,
`redirect(url, code=302)`, `RedirectResponse(url, status_code=307)`,
`@app.get("/", status_code=200)`, Litestar's `@post("/", status_code=201)`.

Only where the argument is passed by the keyword the callable defaults, or at its position
with no positional argument after it: Tornado's `HTTPError(500, "message")` passes the default
first, and dropping it would make the message the status.

Off by default: some teams prefer to spell every status out. Enable it with
`extend-select = HS406`.

## Why is this bad?
The argument adds nothing, and a reader may think it differs from the default.

## Example
```python
from http import HTTPStatus

from django.http import HttpResponse

def ok(request):
    return HttpResponse("fine", status=HTTPStatus.OK)
```

## Use instead
```python
from django.http import HttpResponse

def ok(request):
    return HttpResponse("fine")
```

## Fix safety
Safe: the callable sends this status when the argument is absent, so removing it changes
nothing. The fix removes the argument and the comma before it (after it, for the first one);
it is made only where the argument shares its line with its neighbour, so no comment goes.

## References
- [RFC 9110 §15.3.1: 200 OK](https://www.rfc-editor.org/rfc/rfc9110#section-15.3.1)
""",
    Severity.INFO,
    {"": "status {code} is what {callee} sends anyway: drop the argument"},
    fix_safety=FixSafety.SAFE,
    default_enabled=False,
)

RULES = (HS401, HS402, HS403, HS404, HS405, HS406)
