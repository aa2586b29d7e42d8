"""HS3xx: responses that break HTTP itself: content where the status forbids it, 1xx as a final
status, required headers missing."""

from __future__ import annotations

from flake8_httpstatus.knowledge.frameworks import Sink
from flake8_httpstatus.knowledge.registry import Requirement, StatusCode, lookup
from flake8_httpstatus.rules._rule import Rule, Severity

# FastAPI strips bodies for these (fastapi/utils.py); Litestar refuses <200, 204 and 304.
TITLES = {"fastapi": "FastAPI", "litestar": "Litestar"}
ROUTE_NO_CONTENT = {"fastapi": frozenset({204, 205, 304}), "litestar": frozenset({204, 304})}
# The headers HS304 checks: RFC 9110's MUST and SHOULD rules, but not 101 (HS303's) nor 206,
# whose Content-Range may instead be a multipart/byteranges body.
HEADER_CODES = frozenset({301, 302, 307, 308, 401, 405, 407, 416, 426})


def no_content(code: int | None) -> StatusCode | None:
    entry = lookup(code) if code is not None else None
    return entry if entry is not None and not entry.content_allowed else None


def missing_headers(
    code: int | None, present: set[str], sink: Sink | None, view: frozenset[str] = frozenset()
) -> list[str]:
    """The required headers not in `present`, nor added by the callable (a redirect helper's
    Location) or by the framework to every response of the view (`view`: DRF's Allow)."""
    if code not in HEADER_CODES:
        return []
    entry = lookup(code) if code is not None else None
    if entry is None:
        return []
    added = (sink.sets_headers if sink is not None else frozenset()) | view
    return [
        f"{rule.header} ({rule.level.value}, {rule.reference})"
        for rule in entry.headers
        if rule.level in (Requirement.MUST, Requirement.SHOULD)
        and rule.header.lower() not in present
        and rule.header.lower() not in added
    ]


def _concerns_content(code: int) -> str | None:
    return None if no_content(code) is None else "a body sent with it"


HS301 = Rule(
    "HS301",
    "content-with-no-content-status",
    "Content sent with a status that forbids it (1xx, 204, 205, 304).",
    """
## What it does
Flags a body that goes out with a status that must not have one:
- a call that passes both, `JSONResponse({"deleted": True}, status_code=204)`, DRF
  `Response(data, status=204)`, aiohttp `web.Response(text="x", status=204)`, Sanic
  `json(data, status=204)`, Werkzeug/Flask/Quart `Response("x", status=304)`, Pyramid
  `Response("x", status=204)`, and `JSONResponse(None, status_code=204)`, which renders `null`;
- a Flask or Quart view returning `(body, 204)` with a non-empty body;
- a body set on a response whose status was set to such a code earlier in the same function,
  on every path to it: `resp.status_code = 204` then `resp.text = "..."`,
  `self.set_status(204)` then `self.write(...)` in Tornado.

An empty body (`None` where it renders nothing, `""`, `b""`) is fine: `HttpResponse(status=204)`
and DRF's `Response(None, status=204)` stay clean.

## Why is this bad?
RFC 9110 §15.3.5, §15.4.5, §15.2: a 204, 304 or 1xx response "cannot contain content", and
§15.3.6: "a server MUST NOT generate content in a 205 response". What happens instead depends on
the stack, and the test clients hide it: Django sends the body after the 204 headers (its test
client strips it), uvicorn raises `LocalProtocolError` and the client gets headers only,
Starlette's TestClient returns the body, hypercorn keeps a lying `content-length`, Tornado
raises a 500, Litestar raises. FastAPI, Flask and aiohttp drop it silently.

## Example
```python
from starlette import status
from starlette.responses import JSONResponse

async def delete_book(request):
    return JSONResponse({"deleted": True}, status_code=status.HTTP_204_NO_CONTENT)
```

## Use instead
```python
from starlette import status
from starlette.responses import Response

async def delete_book(request):
    return Response(status_code=status.HTTP_204_NO_CONTENT)
```

## References
- [RFC 9110 §15.3.5: 204 No Content](https://www.rfc-editor.org/rfc/rfc9110#section-15.3.5)
- [RFC 9110 §15.3.6: 205 Reset Content](https://www.rfc-editor.org/rfc/rfc9110#section-15.3.6)
- [Starlette #1764: bodies are not stripped, it is the application's job](https://github.com/Kludex/starlette/issues/1764)
""",
    Severity.ERROR,
    {
        "": "{what} sent with status {label}, which forbids content: drop the body or use "
        "another status",
        "view_return": "view returns a body with status {label}, which forbids content: return "
        "an empty body",
        "dict_key": "response holds a body with status {label}, which forbids content: send an "
        "empty body",
        "after_status": "body set on `{key}`, whose status is {label}, which forbids content",
    },
    concerns=_concerns_content,
)


def _concerns_route(code: int) -> str | None:
    frameworks = [
        name for name, codes in ROUTE_NO_CONTENT.items() if code in codes or 100 <= code <= 199
    ]
    if not frameworks:
        return None
    return f"a {'/'.join(sorted(TITLES[name] for name in frameworks))} route declaring it that returns data"


HS302 = Rule(
    "HS302",
    "no-content-route-returns-data",
    "A route that declares a no-content status but returns data or declares a response body.",
    """
## What it does
Flags a FastAPI or Litestar route whose decorator declares a status that forbids content
(`status_code=204`, `304`, 1xx; in Litestar also the default 204 of `@delete`) while the handler:
- returns something other than `None` or a `Response` object,
- declares a return type other than `None` or a `Response` type, or
- passes `response_model=` (FastAPI).

## Why is this bad?
FastAPI refuses such a route at startup when it has a return type or `response_model`
(`AssertionError: Status code 204 must not have a response body`), and Litestar raises
`ImproperlyConfiguredException`. Without them, FastAPI strips the data it was given, so the
`return` is dead code that misleads the reader.

## Example
```python
from fastapi import FastAPI, status

app = FastAPI()

@app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: int) -> dict:
    return {"deleted": book_id}
```

## Use instead
```python
from fastapi import FastAPI, status

app = FastAPI()

@app.delete("/books/{book_id}", status_code=status.HTTP_204_NO_CONTENT)
def delete_book(book_id: int) -> None:
    return None
```

## References
- [FastAPI: Response Status Code](https://fastapi.tiangolo.com/tutorial/response-status-code/)
- [fastapi/fastapi#5145: bodies stripped for statuses that forbid them](https://github.com/fastapi/fastapi/pull/5145)
""",
    Severity.ERROR,
    {
        "": "route declares status {label} but returns data: return None",
        "return_type": "route declares status {label} but its return type is `{returns}`: "
        "declare `-> None`",
        "response_model": "route declares status {label} but has a response_model: drop it",
    },
    concerns=_concerns_route,
)


def _concerns_interim(code: int) -> str | None:
    return "used as a final status" if 100 <= code <= 199 and code != 101 else None


HS303 = Rule(
    "HS303",
    "informational-final-status",
    "An informational (1xx) status used as the final status of a response.",
    """
## What it does
Flags a 1xx status given to a response, a route, a status attribute or a view's return tuple:
`HttpResponse(status=100)`, `@app.post("/", status_code=102)`, `resp.status_code = 103`.
`101 Switching Protocols` is left alone: it is how WebSocket and other upgrade handlers answer.

## Why is this bad?
A 1xx response is interim (RFC 9110 §15.2): the client keeps waiting for the final one, and
"a server MUST NOT send a 1xx response to an HTTP/1.0 client". Frameworks do not send 1xx from
handlers correctly: Sanic rejects them with a 500, others send a response the client cannot
use.

## Example
```python
from http import HTTPStatus

from django.http import HttpResponse

def start_export(request):
    return HttpResponse(status=HTTPStatus.EARLY_HINTS)
```

## Use instead
```python
from http import HTTPStatus

from django.http import HttpResponse

def start_export(request):
    return HttpResponse(status=HTTPStatus.ACCEPTED)
```

## References
- [RFC 9110 §15.2: Informational 1xx](https://www.rfc-editor.org/rfc/rfc9110#section-15.2)
""",
    Severity.ERROR,
    {
        "": "informational status {label} used as a final status: 1xx responses are interim, "
        "the client waits for another",
    },
    concerns=_concerns_interim,
)


def _concerns_headers(code: int) -> str | None:
    missing = missing_headers(code, set(), None)
    return f"a response without {' or '.join(missing)}" if missing else None


HS304 = Rule(
    "HS304",
    "missing-required-header",
    "A response whose status requires a header that it does not set.",
    """
## What it does
Flags a response with a status that requires a header, when the headers are visible and the
header is not among them:
- MUST: `401` WWW-Authenticate, `405` Allow, `407` Proxy-Authenticate, `426` Upgrade;
- SHOULD (reported with that word): `301`, `302`, `307`, `308` Location, `416` Content-Range.

"Visible" means the call has no `headers=` argument or a literal mapping, and, for a response
kept in a variable, that the same function never sets the header on it (`resp["Allow"] = ...`,
`resp.headers["Allow"] = ...`, `resp.headers.update(...)`, `self.set_header("Allow", ...)`,
`resp.allow = [...]`). Helpers that add the header themselves are not flagged: redirect helpers
add Location, `HttpResponseNotAllowed` and `MethodNotAllowed(valid_methods=...)` add Allow, and
`abort(401)` or DRF's `NotAuthenticated` are not status sites at all.

## Why is this bad?
RFC 9110 §15.5.2: "The server generating a 401 response MUST send a WWW-Authenticate header
field"; §15.5.6: "The origin server MUST generate an Allow header field in a 405 response";
§15.5.22 the same for Upgrade on 426. Clients rely on them: a 401 without a challenge cannot be
answered, a redirect without Location goes nowhere.

## Example
```python
from fastapi import HTTPException, status

def require_token(token):
    if token is None:
        raise HTTPException(status_code=status.HTTP_401_UNAUTHORIZED, detail="Not authenticated")
```

## Use instead
```python
from fastapi import HTTPException, status

def require_token(token):
    if token is None:
        raise HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail="Not authenticated",
            headers={"WWW-Authenticate": "Bearer"},
        )
```

## References
- [RFC 9110 §15.5.2: 401 Unauthorized](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.2)
- [RFC 9110 §15.5.6: 405 Method Not Allowed](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.6)
- [RFC 9110 §15.4: Redirection 3xx](https://www.rfc-editor.org/rfc/rfc9110#section-15.4)
""",
    Severity.ERROR,
    {"": "{label} response without {missing}"},
    concerns=_concerns_headers,
)

RULES = (HS301, HS302, HS303, HS304)
