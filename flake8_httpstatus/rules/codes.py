"""HS2xx: codes that do not exist, are not standard or are deprecated, and constant names that
do not exist or are deprecated at the target versions."""

from __future__ import annotations

from flake8_httpstatus.knowledge.registry import (
    Standing,
    lookup,
)
from flake8_httpstatus.rules._rule import FixSafety, Rule, Severity

HS201 = Rule(
    "HS201",
    "unknown-status-code",
    "A status code that is not assigned, or not a valid status code at all.",
    """
## What it does
Flags, at any status position (literal or constant), a code outside 100–599 (`600`, `0`, `-1`)
or one that no registry assigns (`299`, `471`).

## Why is this bad?
RFC 9110 §15: "Values outside the range 100..599 are invalid", and a client treats an
unrecognized code as the x00 code of its class, so `299` means nothing more than `200`. The
frameworks differ on invalid codes: Django raises `ValueError`, uvicorn drops the connection
without a response (while the Starlette test client passes), WebOb raises `KeyError`,
Werkzeug and aiohttp send them as they are. A typo such as `4040` ships silently.

## Example
```python
from flask import Response

def teapot_check():
    return Response("odd", status=299)
```

## Use instead
```python
from flask import Response

def teapot_check():
    return Response("odd")
```

## Options
- `httpstatus-allow-codes`: codes that are fine anyway (an internal convention).

## References
- [RFC 9110 §15: Status Codes](https://www.rfc-editor.org/rfc/rfc9110#section-15)
- [IANA HTTP Status Code Registry](https://www.iana.org/assignments/http-status-codes/)
""",
    Severity.ERROR,
    {
        "": "unknown status code {code}: not assigned; clients read it as {read_as}",
        "invalid": "invalid status code {code}: status codes are 100-599",
    },
)

# The standings HS203 questions; a reserved code (402) is in use and left alone.
QUESTIONED = frozenset({Standing.DEPRECATED, Standing.UNUSED, Standing.TEMPORARY})


def _concerns_nonstandard(code: int) -> str | None:
    entry = lookup(code)
    if entry is None or entry.standing is not Standing.NONSTANDARD:
        return None
    return "it is not registered with IANA (accept it with httpstatus-allow-nonstandard)"


HS202 = Rule(
    "HS202",
    "nonstandard-status-code",
    "A non-standard status code (nginx, Cloudflare, IIS, Laravel, ...).",
    """
## What it does
Flags, at any status position, a code that is in common use but not registered with IANA:
`419`, `420`, `444`, `449`, `499`, `509`, `520`–`530`, `598`, `599` and the others listed by
`flake8-httpstatus codes --search non-standard`.

## Why is this bad?
Clients, proxies and libraries that do not know the code treat it as the x00 code of its class
(RFC 9110 §15): a `499` is a plain `400` to them. Some of these codes are meant for logs only
(nginx's `499` is never sent) or belong to a proxy (Cloudflare's `52x`), not to an application.

## Example
```python
from rest_framework import status
from rest_framework.response import Response

def download(request):
    return Response({"error": "quota used up"}, status=status.HTTP_509_BANDWIDTH_LIMIT_EXCEEDED)
```

## Use instead
```python
from rest_framework import status
from rest_framework.response import Response

def download(request):
    return Response({"error": "quota used up"}, status=status.HTTP_429_TOO_MANY_REQUESTS)
```

## Options
- `httpstatus-allow-nonstandard`: codes to accept (`499,520`), or `all`.
- `httpstatus-allow-codes`: codes that are fine anyway.

## References
- [RFC 9110 §15: Status Codes](https://www.rfc-editor.org/rfc/rfc9110#section-15)
""",
    Severity.WARNING,
    {
        "": "non-standard status code {code} ({phrase}, {reference}): clients that do not know "
        "it read it as {read_as}",
    },
    concerns=_concerns_nonstandard,
)


def _concerns_standing(code: int) -> str | None:
    entry = lookup(code)
    if entry is None or entry.standing not in QUESTIONED:
        return None
    return f"its standing is {entry.standing.value}, wherever it is used"


HS203 = Rule(
    "HS203",
    "deprecated-status-code",
    "A deprecated, reserved, unused or only temporarily registered status code.",
    """
## What it does
Flags, at any status position, `305 Use Proxy` (deprecated, RFC 9110 §15.4.6), `306` (unused,
§15.4.7), `418` (reserved as unused, §15.5.19), `102 Processing` (dropped by RFC 4918),
`510 Not Extended` (obsoleted) and `104` (a temporary registration).

## Why is this bad?
Clients do not implement deprecated codes (browsers ignore `305` for security reasons), and a
reserved code promises a meaning it does not have. `418` is a joke that some proxies and
clients reject.

## Example
```python
from http import HTTPStatus

from flask import abort

def brew():
    abort(HTTPStatus.IM_A_TEAPOT)
```

## Use instead
```python
from http import HTTPStatus

from flask import abort

def brew():
    abort(HTTPStatus.BAD_REQUEST)
```

## Options
- `httpstatus-allow-codes`: codes that are fine anyway (keep your `418` easter egg).

## References
- [RFC 9110 §15.4.6: 305 Use Proxy](https://www.rfc-editor.org/rfc/rfc9110#section-15.4.6)
- [RFC 9110 §15.4.7: 306 (Unused)](https://www.rfc-editor.org/rfc/rfc9110#section-15.4.7)
- [RFC 9110 §15.5.19: 418 (Unused)](https://www.rfc-editor.org/rfc/rfc9110#section-15.5.19)
""",
    Severity.WARNING,
    {
        "": "{standing} status code {code} {phrase}: see {reference}",
        "temporary": "status code {code} ({phrase}) is only temporarily registered ({reference})",
    },
    concerns=_concerns_standing,
)

HS204 = Rule(
    "HS204",
    "bad-status-constant",
    "A named status constant that does not exist, or is deprecated, at the target versions.",
    """
## What it does
Flags a status constant that fails or warns where the code runs:
- `HTTPStatus.UNPROCESSABLE_CONTENT`, `CONTENT_TOO_LARGE`, `URI_TOO_LONG` and
  `RANGE_NOT_SATISFIABLE` before Python 3.13 (`AttributeError`), and `EARLY_HINTS`,
  `IM_A_TEAPOT`, `TOO_EARLY` before 3.9;
- Starlette's (and FastAPI's) `HTTP_413_REQUEST_ENTITY_TOO_LARGE`, `HTTP_414_REQUEST_URI_TOO_LONG`,
  `HTTP_416_REQUESTED_RANGE_NOT_SATISFIABLE` and `HTTP_422_UNPROCESSABLE_ENTITY` from Starlette
  0.48 on (a warning, shown by default from 1.4), and their RFC 9110 names before 0.48;
- the RFC 9110 names in DRF's, Litestar's and httpx's constants, which do not have them;
- `import fastapi.status` and `from fastapi.status import ...` (FastAPI has no such module);
- a misspelled name (`HTTPStatus.NOT_FOUN`, `status.HTTP_404_NOTFOUND`).

The message names the constant to use instead. Where that constant is itself deprecated in part
of the allowed range (a distributed package whose declared range spans a rename), no name of the
module works across it, and there is no fix.

## Why is this bad?
A name that does not exist raises `AttributeError` or `ImportError` only when the line runs,
often on an error path that tests do not reach. A deprecated Starlette name fills logs with
warnings and breaks when it is removed.

## Example
```python
from http import HTTPStatus

def reject(errors):
    return {"errors": errors}, HTTPStatus.UNPROCESSABLE_CONTENT  # Python 3.9 target
```

## Use instead
```python
from http import HTTPStatus

def reject(errors):
    return {"errors": errors}, HTTPStatus.UNPROCESSABLE_ENTITY
```

## Fix safety
Safe for attribute access (`HTTPStatus.X`, `status.X`): the replacement has the same value.
Names imported with `from ... import` and `import fastapi.status` are reported, not fixed.

## Options
- `httpstatus-target-python`: the lowest Python the code runs on (default: from
  `requires-python`, else `.python-version`, else 3.9).
- `httpstatus-library-versions`: e.g. `starlette=0.47` (default: the range the project declares in its lock file, pins or requirements; see the README).

## References
- [Python 3.13: RFC 9110 names in `http.HTTPStatus`](https://github.com/python/cpython/issues/102247)
- [Starlette 0.48: RFC 9110 names](https://github.com/Kludex/starlette/pull/2939)
""",
    Severity.ERROR,
    {
        "": "{shown} does not exist in {where}{advice}",
        "missing": "{shown} needs {version}{advice}",
        "deprecated": "{shown} is deprecated since {version}{advice}",
        "fastapi_status": "fastapi.status is not a module (ModuleNotFoundError): "
        "use `from fastapi import status`",
    },
    fix_safety=FixSafety.SAFE,
)

RULES = (HS201, HS202, HS203, HS204)
