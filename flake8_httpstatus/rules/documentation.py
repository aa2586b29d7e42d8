"""HS5xx: what a route's API documentation says against what its code does."""

from __future__ import annotations

from flake8_httpstatus.rules._rule import FixSafety, Rule, Severity


def _concerns_documented(code: int) -> str | None:
    if code < 400:
        return None
    return "raised by a route whose documented responses do not list it (off by default)"


HS501 = Rule(
    "HS501",
    "undocumented-error-response",
    "A FastAPI, Litestar, django-ninja or drf-spectacular route that sends an error status its "
    "OpenAPI responses do not document.",
    """
## What it does
Flags, in a route, an error status that the route raises (`HTTPException(status_code=404)`,
`NotFound()`, `HttpError(404, ...)`) or returns (`JSONResponse(..., status_code=404)`,
`Response(status=...)` with a 4xx or 5xx), when the OpenAPI schema the framework builds for the
route does not list it. Raises nested in `if`, `try` and `with` count, and so do raises in
functions of the same module that the route calls (one level deep). Statuses are read from
literals and constants alike.

What the schema lists is read as the framework builds it:
- **FastAPI**: the route's `status_code` and `responses=`, `openapi_extra={"responses": ...}`,
  the `responses=` of its `APIRouter(...)` (annotated or not), of every
  `include_router(router, responses=...)` that includes it and of the `FastAPI(...)` app it ends
  up in, and the 422 FastAPI adds to every route with parameters;
- **Litestar**: the handler's `status_code`, `responses=` and `raises=` (exception classes), and
  the 400 of its validation for handlers with parameters (Litestar documents responses on
  handlers only);
- **django-ninja**: `response={...}` (`codes_4xx` and the other ranges included), or 200 alone;
- **DRF with drf-spectacular**: `@extend_schema(responses=...)`; views without it are not
  checked.

On a FastAPI route, the statuses it sends through other modules count too: its dependencies
(`Depends` on its parameters, its decorator, its routers and includes), helpers, exception
classes and exception handlers defined elsewhere, at any depth, as the route map
(`flake8-httpstatus routes`) finds them. These are reported once per route, at its function's
name, naming where they are sent, when every `responses=` on the route's way (route, routers,
includes, app) is read whole: a literal or a module constant, every key a status (no call, no
`"4XX"` or `"default"` key, no `include_in_schema=`) and its routers are included in the
application (in any module), and its router's class is not made by a project function (whose
route class may change the documentation at run time); a 422 sent elsewhere is taken as
FastAPI's own. A route whose router is made in its
file but reaches the application only through includes in other modules (which its file cannot
show) has the statuses it sends in its own file reported there too, in the same finding. Their
fix is the one below, made in the route's file whatever module sends the status. The project's route
table is read for this only when HS501 is selected.

Keys `"4XX"` document a whole class, `"default"` everything. A route kept out of the schema
(`include_in_schema=False` on the route, its router, its include, a Litestar controller, router
or app; `extend_schema(exclude=True)`) is not documented at all and is left alone, and so is a
route whose documentation cannot be read: `responses=` or `openapi_extra=` from a variable or a
call, an `openapi_extra` key that is neither a literal nor a module constant holding a
string (a call, an imported name), a router made by a factory or imported, `**kwargs` on the decorator or the router, a `raises=` entry that is not a
known exception class. `responses=None` documents nothing.

An application that serves no schema documents its routes nowhere a client reads: the routes
of `FastAPI(openapi_url=None)` (on the app or on the routers it includes), of
`NinjaAPI(openapi_url=None)` (`docs_url=None` still serves the schema) and the handlers listed
by `Litestar(openapi_config=None)` are left alone, and so are those of an application whose
`openapi_url=` is neither a literal string nor None (a setting, a call: it may be None at run
time) or whose `openapi_config=` is neither None nor an `OpenAPIConfig(...)` call. A schema
the project builds itself (`get_openapi(routes=...)` served on a route of its own, as Polar's
versioned API does beside `openapi_url=None`) is not read: those routes are left alone too.

Off by default, because documenting every error is a policy, not a bug. Enable it with
`extend-select = HS501`.

## Why is this bad?
The OpenAPI schema is what clients are generated from: an undocumented 404 is a response the
generated client does not expect.

## Example
```python
from fastapi import FastAPI, HTTPException, status

app = FastAPI()

@app.get("/books/{book_id}")
def get_book(book_id: int):
    if book_id > 100:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    return {"id": book_id}
```

## Use instead
```python
from fastapi import FastAPI, HTTPException, status

app = FastAPI()

@app.get(
    "/books/{book_id}",
    responses={status.HTTP_404_NOT_FOUND: {"description": "No such book"}},
)
def get_book(book_id: int):
    if book_id > 100:
        raise HTTPException(status_code=status.HTTP_404_NOT_FOUND)
    return {"id": book_id}
```

## Fix safety
On a FastAPI route, an unsafe fix adds every status the route misses to its `responses=`, each
described by the status's phrase (`{status.HTTP_404_NOT_FOUND: {"description": "Not Found"}}`):
into its dict literal, in place of `responses=None`, or as a new keyword of the decorator. The
key is written as the route writes the status where it sends it, else as a number (always for
a status sent through another module, whose constant the route's file may not import). The
call edited is the one that declares the route (its decorator, or an `add_api_route(...)` in
the route's file). It changes the OpenAPI schema the application serves (and the clients
generated from it); the description is generic, worth rewriting. Other frameworks' routes get
no fix, nor does a route whose `responses=` is a name.

## Known problems
In the route's own module, only what the file shows is read; what a route sends through
other modules, and in its own module when its router is included in another module, is read
from the route map, with its own limits (middleware is not seen; a router included where the
map cannot see, such as through a plugin's attribute, leaves its routes alone). A
router included in several places counts as documented where any of them documents it. A 422
raised in a FastAPI route with parameters is taken as documented by FastAPI's own "Validation
Error" response, although its body differs.

## References
- [FastAPI: Additional Responses in OpenAPI](https://fastapi.tiangolo.com/advanced/additional-responses/)
- [ruff FAST004](https://docs.astral.sh/ruff/rules/fast-api-undocumented-error-response/)
""",
    Severity.WARNING,
    {
        "": "route {name}() sends {code}, which its OpenAPI responses do not document",
        "helper": "route {name}() sends {codes} through {callee}(), which its OpenAPI "
        "responses do not document",
        "elsewhere": "route {name}() sends {codes} through {via}, which its OpenAPI responses "
        "do not document",
    },
    fix_safety=FixSafety.UNSAFE,
    default_enabled=False,
    concerns=_concerns_documented,
    whole_project=True,
)


def _concerns_unsent(code: int) -> str | None:
    if code < 200:
        return None
    return "documented by a route whose code, as far as the project shows, never sends it"


HS502 = Rule(
    "HS502",
    "documented-status-never-sent",
    "A status a route's OpenAPI responses document that nothing the route reaches in the "
    "project sends.",
    """
## What it does
Reads the project's route table (the one `flake8-httpstatus routes` prints) and flags a key of
a FastAPI `responses=` mapping (on a route, its router, an include or the app, or the
`"responses"` of a route's `openapi_extra`) whose status no route it documents can send.
A route sends what its handler returns and raises, at any depth through the project's functions,
methods, exception classes, dependencies (`Depends`), permission classes and exception
handlers; the statuses the framework answers by itself (the validation 422, 405, 500) count as
sent. A mapping shared by several routes (a router's, or a module constant) is reported once,
at its key, when none of them sends the status.

Off by default, and a rule over the whole project: it is evaluated only when selected
(`extend-select = HS502`), from the project's files as saved, once per run.

## Why is this bad?
Clients generated from the schema handle a response that never comes, and the documentation
no longer says what the route really answers: often the status was renamed in the code
(a 404 became a 410) and the documentation was left behind.

## Example
```python
from fastapi import FastAPI, status

app = FastAPI()

@app.get("/health", responses={status.HTTP_503_SERVICE_UNAVAILABLE: {"description": "Down"}})
def health():
    return {"status": "ok"}
```

## Use instead
```python
from fastapi import FastAPI

app = FastAPI()

@app.get("/health")
def health():
    return {"status": "ok"}
```

## Known problems
What the route table cannot see is not sent: a status sent by middleware, by a library the
route calls, or held in a variable the table cannot read, is reported as never sent. Keys
`"4XX"` and `"default"` are never reported, nor are the routes of a router whose class a
project function makes (Polar's `get_api_router_class(APIRoute)`), whose route class may change
their documentation at run time.

## References
- [FastAPI: Additional Responses in OpenAPI](https://fastapi.tiangolo.com/advanced/additional-responses/)
- [The route map](../routes.md)
""",
    Severity.INFO,
    {
        "": "route {route}() documents {code}, which nothing it reaches sends",
        "shared": "{code} is documented for {count} routes ({routes}), none of which sends it",
    },
    default_enabled=False,
    concerns=_concerns_unsent,
    whole_project=True,
)

RULES = (HS501, HS502)
