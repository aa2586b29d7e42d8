"""HS5xx: what a route's API documentation says against what its code does."""

from __future__ import annotations

from collections.abc import Iterator

from flake8_httpstatus.engine import FileContext, RawFinding
from flake8_httpstatus.flow import FunctionFacts
from flake8_httpstatus.rules._rule import Rule, Severity


def _concerns_documented(code: int) -> str | None:
    if code < 400:
        return None
    return "raised by a route whose documented responses do not list it (off by default)"


HS501 = Rule(
    "HS501",
    "undocumented-error-response",
    "A FastAPI or Litestar route that raises an HTTP exception its `responses=` does not document.",
    """
## What it does
Flags, in a FastAPI or Litestar route, an `HTTPException` raised with a status that is neither
the route's `status_code` nor a key of its `responses=`. Raises nested in `if`, `try` and `with`
count, and so do raises in functions of the same module that the route calls (one level deep).
Statuses are read from literals and constants alike; a route whose `responses=` cannot be read
(a variable, a `"4XX"` key) or whose Litestar `raises=` is set is left alone.

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

## Known problems
Exceptions raised by dependencies, middleware or helpers in other modules are not seen, nor
exception classes with a built-in status (`NotFoundException()`).

## References
- [FastAPI: Additional Responses in OpenAPI](https://fastapi.tiangolo.com/advanced/additional-responses/)
- [ruff FAST004](https://docs.astral.sh/ruff/rules/fast-api-undocumented-error-response/)
""",
    Severity.WARNING,
    {
        "": "route {name}() raises {code}, which its responses= does not document",
        "helper": "route {name}() raises {codes} through {callee}(), which its responses= does "
        "not document",
    },
    default_enabled=False,
    concerns=_concerns_documented,
)

RULES = (HS501,)
_FRAMEWORKS = frozenset({"fastapi", "litestar"})


def check_module(ctx: FileContext) -> Iterator[RawFinding]:
    for facts in ctx.functions.values():
        route = facts.route
        if route is None or route.documented is None or route.sink.framework not in _FRAMEWORKS:
            continue
        if any(keyword.arg == "raises" for keyword in route.decorator.keywords):
            continue
        yield from _undocumented(ctx, facts, route.documented)


def _undocumented(
    ctx: FileContext, facts: FunctionFacts, documented: frozenset[int]
) -> Iterator[RawFinding]:
    name = facts.node.name
    for site in facts.raised:
        if site.code is not None and site.code not in documented:
            yield HS501.finding(site.expr, name=name, code=site.code)
    for callee, call in facts.calls:
        helper = ctx.functions.get(callee)
        if helper is None or helper is facts or helper.route is not None:
            continue
        codes = sorted({site.code for site in helper.raised if site.code is not None} - documented)
        if codes:
            listed = ", ".join(map(str, codes))
            yield HS501.finding(call, "helper", name=name, codes=listed, callee=callee)
