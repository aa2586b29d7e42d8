"""What each library does with status codes, as data: one `Library` record per library.

A library is its top-level packages, the callables that take a status (`calls`, by the
qualified name reached through a file's imports), the methods that do (`methods`, recognised
by name in files that import the library or on receivers named like its pytest fixtures), its
views and how their returned tuples are laid out, the classes whose class attribute is a
status, the dict keys that hold a status, and the modules that hold its named constants.
The engine reads only the tables derived from `LIBRARIES` at the end of this module: adding a
library means adding a record here, a fixture and a signature test, not editing the engine.

Positions are 0-based and exclude `self`. Facts come from the installed packages
(see ../shared/reference/frameworks.md and ecosystem.md) and are checked against them in
tests/test_frameworks.py.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field


class Kind(enum.Enum):
    """What a status position means, which decides the rules that look at it."""

    RESPONSE = "response"
    EXCEPTION = "exception"
    ABORT = "abort"
    REDIRECT = "redirect"
    ROUTE = "route decorator"
    ERROR_HANDLER = "error handler registration"
    ASSERTION = "test assertion"
    # A status an API description documents (drf-spectacular, drf-yasg, `@ns.response`).
    DOCUMENTATION = "API documentation"
    # Statuses an HTTP client acts on (urllib3's `Retry(status_forcelist=...)`).
    CLIENT = "client setting"


@dataclass(frozen=True)
class Param:
    """An argument reached by keyword and, unless keyword-only, by position.

    `many`: the argument may be a list, tuple or set of statuses (`status_forcelist=[...]`).
    """

    keyword: str | None
    position: int | None = None
    many: bool = False


@dataclass(frozen=True)
class Trap:
    """A positional argument where a status goes unnoticed: `position` None means any."""

    position: int | None
    meaning: str


@dataclass(frozen=True)
class Sink:
    """A callable that takes a status.

    `default` is the status sent when none is given (the class's own code for fixed-status
    classes such as `HttpResponseNotFound`, which a `status=` argument overrides).
    `mappings` names keyword arguments whose dict keys (or list items) are statuses
    (`responses=`).
    `status` may be None for a callable whose status is fixed and only its body matters.
    """

    kind: Kind
    framework: str
    status: Param | None
    body: tuple[Param, ...] = ()
    headers: Param | None = None
    default: int | None = None
    mappings: tuple[str, ...] = ()
    # For a class with a code of its own: the codes that agree with it.
    fixed: frozenset[int] = frozenset()
    # Positions where a status is silently read as something else.
    traps: tuple[Trap, ...] = ()
    # The only codes the callable can take, where it fails on the others.
    accepted: frozenset[int] | None = None
    # Whether a None body is rendered (JSONResponse(None) sends "null").
    none_is_body: bool = False
    # Headers the callable sets itself (lower case).
    sets_headers: frozenset[str] = frozenset()
    # An exception helper meant for every status, redirects included (Pyramid).
    any_status: bool = False
    # Further arguments that hold a status (`Mock(status_code=...)` and `Mock(status=...)`).
    also: tuple[Param, ...] = ()
    # Read only values 100-599: the argument's name is generic (`Mock(status=...)`).
    range_only: bool = False
    # The callable makes the status an int (Django's `int(status)`, Werkzeug's status setter)
    # or only looks it up, keeping no `HTTPStatus` member: one given there cannot be told from
    # the literal, so naming the literal is a safe fix. Checked for every row against the
    # installed package in tests/test_frameworks.py.
    makes_int: bool = False


@dataclass(frozen=True)
class MethodSink:
    """A method sink, recognised by name in files that import one of `packages`, or called on
    a receiver whose chain of names holds one of `receivers` (a pytest fixture's name, such as
    `requests_mock` or `httpserver`, needs no import)."""

    packages: frozenset[str]
    sink: Sink
    receivers: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Layout:
    """Where a view's returned tuple holds its status and its body."""

    status: int
    body: int | None
    sizes: frozenset[int]
    # The headers element, where a tuple of that size has one.
    headers: int | None = None
    # Read only values 100-599: views found by a heuristic (Connexion's module functions).
    range_only: bool = False
    # The framework makes the returned status an int, as `Sink.makes_int` (checked likewise).
    makes_int: bool = False


# Flask, Quart (and the Flask extensions' resources): (body, status) or (body, status, headers).
BODY_STATUS = Layout(1, 0, frozenset({2, 3}), headers=2, makes_int=True)
# django-ninja: (status, body).
STATUS_BODY = Layout(0, 1, frozenset({2}))
# Robyn: (description, headers, status).
BODY_HEADERS_STATUS = Layout(2, 0, frozenset({3}), headers=1)


@dataclass(frozen=True)
class Views:
    """How a library's views are recognised, and how their returned tuples are laid out."""

    layout: Layout
    # Decorator methods that make a function a view (`@app.route`, `@bp.get`).
    decorators: frozenset[str] = frozenset()
    # Qualified base classes whose methods named in `methods` are views.
    bases: frozenset[str] = frozenset()
    methods: frozenset[str] = frozenset()
    # Every module-level function is a view (Connexion's operation handlers).
    module_functions: bool = False


@dataclass(frozen=True)
class DictKey:
    """A literal dict key whose value is a status: Lambda's `{"statusCode": 404, ...}`.

    The dict may also carry the body under `body`; `requires` is another literal item the dict
    must hold for the key to count (ASGI's `"type": "http.response.start"`). The key also
    counts in a subscript assignment (`resp["statusCode"] = 404`) unless `requires` is set.
    """

    key: str
    sink: Sink
    body: str | None = None
    requires: tuple[str, str] | None = None


@dataclass(frozen=True)
class AddedHeaders:
    """Headers (lower case) a framework adds by itself to every response of a kind of view:
    the methods of classes deriving from `bases`, functions decorated with `decorators`."""

    headers: frozenset[str]
    bases: frozenset[str] = frozenset()
    decorators: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Library:
    """Everything the engine knows about one library.

    `packages`: the top-level import names that make a file use it (gating `methods`, `views`
    and gated `dict_keys`); `modules`: its public modules, where the signature tests look for
    re-exported sinks; `http`: whether importing it makes a file one where the generic
    `.status`/`.code` attributes hold statuses; `client_codes`: codes its client invents
    for its own errors, which tests rightly compare against.
    """

    name: str
    packages: frozenset[str]
    modules: tuple[str, ...] = ()
    calls: Mapping[str, Sink] = field(default_factory=dict)
    methods: tuple[tuple[Iterable[str], Sink], ...] = ()
    # Overrides `packages` for `methods` (Starlette's handlers also apply in FastAPI files).
    method_packages: frozenset[str] | None = None
    receivers: frozenset[str] = frozenset()
    views: tuple[Views, ...] = ()
    # Modules whose classes name their status in a class attribute, mapped to that attribute
    # and, for modules that also hold other classes, a word the class name must contain.
    status_classes: Mapping[str, tuple[str, str]] = field(default_factory=dict)
    # Modules or classes holding named status constants, mapped to the registry's style.
    holders: Mapping[str, str] = field(default_factory=dict)
    dict_keys: tuple[DictKey, ...] = ()
    # Whether `dict_keys` apply only in files importing the library.
    dict_keys_gated: bool = True
    # A status given by the `%` operator (respx's `route % 404`).
    modulo: Sink | None = None
    http: bool = True
    client_codes: frozenset[int] = frozenset()
    # Names that stand for an empty body (Connexion's `NoContent`).
    empty_bodies: frozenset[str] = frozenset()
    added_headers: tuple[AddedHeaders, ...] = ()


def _rows(names: Iterable[str], sink: Sink) -> dict[str, Sink]:
    return dict.fromkeys(names, sink)


def _status(position: int | None, keyword: str = "status") -> Param:
    return Param(keyword, position)


# Werkzeug's `default_exceptions`: the only codes `abort` and `errorhandler` accept.
WERKZEUG_CODES = frozenset(
    {
        400,
        401,
        403,
        404,
        405,
        406,
        408,
        409,
        410,
        411,
        412,
        413,
        414,
        415,
        416,
        417,
        418,
        421,
        422,
        423,
        424,
        428,
        429,
        431,
        451,
        500,
        501,
        502,
        503,
        504,
        505,
    }
)
# Pyramid's `httpexceptions.status_map`: the codes `exception_response` accepts.
PYRAMID_CODES = frozenset(
    {
        200,
        201,
        202,
        203,
        204,
        205,
        206,
        300,
        301,
        302,
        303,
        304,
        305,
        307,
        308,
        400,
        401,
        402,
        403,
        404,
        405,
        406,
        407,
        408,
        409,
        410,
        411,
        412,
        413,
        414,
        415,
        416,
        417,
        418,
        422,
        423,
        424,
        428,
        429,
        431,
        500,
        501,
        502,
        503,
        504,
        505,
        507,
        520,
    }
)
REDIRECT_CODES = frozenset({301, 302, 303, 307, 308})
_LOCATION = frozenset({"location"})
_CONTENT_TYPE_TRAP = (Trap(1, "the content type"),)


# -- Django ------------------------------------------------------------------------------------
_DJANGO_CONTENT = (Param("content", 0),)
_DJANGO_FIXED = {
    "HttpResponseBadRequest": 400,
    "HttpResponseNotFound": 404,
    "HttpResponseForbidden": 403,
    "HttpResponseGone": 410,
    "HttpResponseServerError": 500,
}

_DJANGO_CALLS: dict[str, Sink] = {
    **_rows(
        ("django.http.HttpResponse", "django.http.response.HttpResponse"),
        Sink(
            Kind.RESPONSE,
            "django",
            _status(2),
            _DJANGO_CONTENT,
            Param("headers", 5),
            200,
            traps=_CONTENT_TYPE_TRAP,
            makes_int=True,
        ),
    ),
    **_rows(
        ("django.http.JsonResponse", "django.http.response.JsonResponse"),
        Sink(
            Kind.RESPONSE,
            "django",
            _status(None),
            (Param("data", 0),),
            Param("headers"),
            200,
            makes_int=True,
        ),
    ),
    **_rows(
        ("django.http.StreamingHttpResponse", "django.http.response.StreamingHttpResponse"),
        Sink(
            Kind.RESPONSE,
            "django",
            _status(2),
            (Param("streaming_content", 0),),
            Param("headers", 5),
            200,
            traps=_CONTENT_TYPE_TRAP,
            makes_int=True,
        ),
    ),
    **_rows(
        ("django.http.FileResponse", "django.http.response.FileResponse"),
        Sink(Kind.RESPONSE, "django", _status(2), (), Param("headers", 5), 200, makes_int=True),
    ),
    **{
        name: Sink(
            Kind.RESPONSE,
            "django",
            _status(None),
            _DJANGO_CONTENT,
            Param("headers"),
            code,
            fixed=frozenset({code}),
            traps=_CONTENT_TYPE_TRAP,
            makes_int=True,
        )
        for cls, code in _DJANGO_FIXED.items()
        for name in (f"django.http.{cls}", f"django.http.response.{cls}")
    },
    # The redirect classes take the status only by keyword: the second positional argument
    # is `preserve_request` from Django 5.2 on, and content before that.
    **_rows(
        ("django.http.HttpResponseRedirect", "django.http.response.HttpResponseRedirect"),
        Sink(
            Kind.REDIRECT,
            "django",
            _status(None),
            (),
            Param("headers"),
            302,
            fixed=frozenset({302, 303, 307}),
            traps=(Trap(1, "preserve_request (Django 5.2+; the content before)"),),
            sets_headers=_LOCATION,
            makes_int=True,
        ),
    ),
    **_rows(
        (
            "django.http.HttpResponsePermanentRedirect",
            "django.http.response.HttpResponsePermanentRedirect",
        ),
        Sink(
            Kind.REDIRECT,
            "django",
            _status(None),
            (),
            Param("headers"),
            301,
            fixed=frozenset({301, 308}),
            traps=(Trap(1, "preserve_request (Django 5.2+; the content before)"),),
            sets_headers=_LOCATION,
            makes_int=True,
        ),
    ),
    "django.shortcuts.render": Sink(Kind.RESPONSE, "django", _status(4), default=200),
    **_rows(
        ("django.template.response.TemplateResponse", "django.template.response.TemplateResponse"),
        Sink(Kind.RESPONSE, "django", _status(4), (), Param("headers", 7), 200, makes_int=True),
    ),
    "django.template.response.SimpleTemplateResponse": Sink(
        Kind.RESPONSE, "django", _status(3), (), Param("headers", 6), 200, makes_int=True
    ),
}

# -- Django REST framework -----------------------------------------------------------------------
_DRF_CALLS: dict[str, Sink] = {
    "rest_framework.response.Response": Sink(
        Kind.RESPONSE,
        "drf",
        _status(1),
        (Param("data", 0),),
        Param("headers", 3),
        200,
        makes_int=True,
    ),
}

# -- Flask / Werkzeug / Quart --------------------------------------------------------------------
_FLASK_CALLS: dict[str, Sink] = {
    **_rows(
        (
            "flask.Response",
            "flask.wrappers.Response",
            "werkzeug.Response",
            "werkzeug.wrappers.Response",
            "werkzeug.wrappers.response.Response",
            "quart.Response",
            "quart.wrappers.Response",
            "quart.wrappers.response.Response",
        ),
        Sink(
            Kind.RESPONSE,
            "flask",
            _status(1),
            (Param("response", 0),),
            Param("headers", 2),
            200,
            makes_int=True,
        ),
    ),
    **_rows(
        ("flask.make_response", "flask.helpers.make_response", "quart.make_response"),
        Sink(Kind.RESPONSE, "flask", Param(None, 1), (Param(None, 0),), Param(None, 2), 200),
    ),
    **_rows(
        ("flask.abort", "flask.helpers.abort", "quart.abort"),
        Sink(Kind.ABORT, "flask", _status(0, "code"), accepted=WERKZEUG_CODES, makes_int=True),
    ),
    **_rows(
        ("werkzeug.exceptions.abort",),
        Sink(Kind.ABORT, "flask", _status(0), accepted=WERKZEUG_CODES, makes_int=True),
    ),
    **_rows(
        ("flask.redirect", "flask.helpers.redirect", "werkzeug.utils.redirect", "quart.redirect"),
        Sink(
            Kind.REDIRECT,
            "flask",
            _status(1, "code"),
            default=302,
            sets_headers=_LOCATION,
            makes_int=True,
        ),
    ),
}

# -- Starlette / FastAPI -------------------------------------------------------------------------
_STARLETTE_CALLS: dict[str, Sink] = {
    **{
        name: Sink(
            Kind.RESPONSE,
            "starlette",
            _status(1, "status_code"),
            (Param("content", 0),),
            Param("headers", 2),
            200,
            none_is_body="JSON" in name,
        )
        for name in (
            "fastapi.Response",
            *(
                f"{module}.{cls}"
                for module in ("starlette.responses", "fastapi.responses")
                for cls in (
                    "Response",
                    "JSONResponse",
                    "HTMLResponse",
                    "PlainTextResponse",
                    "StreamingResponse",
                )
            ),
            "fastapi.responses.ORJSONResponse",
            "fastapi.responses.UJSONResponse",
        )
    },
    **{
        f"{module}.FileResponse": Sink(
            Kind.RESPONSE, "starlette", _status(1, "status_code"), (), Param("headers", 2), 200
        )
        for module in ("starlette.responses", "fastapi.responses")
    },
    **{
        f"{module}.RedirectResponse": Sink(
            Kind.REDIRECT,
            "starlette",
            _status(1, "status_code"),
            (),
            Param("headers", 2),
            307,
            sets_headers=_LOCATION,
        )
        for module in ("starlette.responses", "fastapi.responses")
    },
    **_rows(
        (
            "starlette.exceptions.HTTPException",
            "fastapi.HTTPException",
            "fastapi.exceptions.HTTPException",
        ),
        Sink(
            Kind.EXCEPTION,
            "starlette",
            _status(0, "status_code"),
            (Param("detail", 1),),
            Param("headers", 2),
        ),
    ),
    **_rows(
        (
            "fastapi.FastAPI",
            "fastapi.applications.FastAPI",
        ),
        Sink(Kind.ROUTE, "fastapi", None, mappings=("responses", "exception_handlers")),
    ),
    **_rows(
        ("fastapi.APIRouter", "fastapi.routing.APIRouter"),
        Sink(Kind.ROUTE, "fastapi", None, mappings=("responses",)),
    ),
    **_rows(
        ("starlette.applications.Starlette",),
        Sink(Kind.ROUTE, "starlette", None, mappings=("exception_handlers",)),
    ),
}

# -- aiohttp -------------------------------------------------------------------------------------
_AIOHTTP_CALLS: dict[str, Sink] = {
    **_rows(
        ("aiohttp.web.Response", "aiohttp.web_response.Response"),
        Sink(
            Kind.RESPONSE,
            "aiohttp",
            _status(None),
            (Param("body"), Param("text")),
            Param("headers"),
            200,
            makes_int=True,
        ),
    ),
    **_rows(
        ("aiohttp.web.json_response", "aiohttp.web_response.json_response"),
        Sink(
            Kind.RESPONSE,
            "aiohttp",
            _status(None),
            (Param("data", 0), Param("text"), Param("body")),
            Param("headers"),
            200,
            none_is_body=True,
            makes_int=True,
        ),
    ),
    **_rows(
        ("aiohttp.web.StreamResponse", "aiohttp.web_response.StreamResponse"),
        Sink(Kind.RESPONSE, "aiohttp", _status(None), (), Param("headers"), 200, makes_int=True),
    ),
    **_rows(
        ("aiohttp.web.FileResponse", "aiohttp.web_fileresponse.FileResponse"),
        Sink(Kind.RESPONSE, "aiohttp", _status(2), (), Param("headers", 4), 200),
    ),
}

# -- Tornado -------------------------------------------------------------------------------------
_TORNADO_CALLS: dict[str, Sink] = {
    **_rows(
        ("tornado.web.HTTPError",),
        Sink(Kind.EXCEPTION, "tornado", _status(0, "status_code"), default=500),
    ),
    # The client's response, built by tests as a double: `HTTPResponse(request, 204)`.
    "tornado.httpclient.HTTPResponse": Sink(Kind.RESPONSE, "tornado", _status(1, "code")),
}

# -- Sanic ---------------------------------------------------------------------------------------
_SANIC_CALLS: dict[str, Sink] = {
    **_rows(
        (
            *(
                f"{module}.{name}"
                for module in ("sanic", "sanic.response")
                for name in ("text", "html", "raw", "HTTPResponse")
            ),
        ),
        Sink(Kind.RESPONSE, "sanic", _status(1), (Param("body", 0),), Param("headers", 2), 200),
    ),
    **_rows(
        ("sanic.json", "sanic.response.json", "sanic.response.JSONResponse"),
        Sink(
            Kind.RESPONSE,
            "sanic",
            _status(1),
            (Param("body", 0),),
            Param("headers", 2),
            200,
            none_is_body=True,
        ),
    ),
    **_rows(
        ("sanic.file", "sanic.response.file"),
        Sink(Kind.RESPONSE, "sanic", _status(1), (), Param("headers", 5), 200),
    ),
    "sanic.response.file_stream": Sink(
        Kind.RESPONSE, "sanic", _status(1), (), Param("headers", 4), 200
    ),
    **_rows(
        ("sanic.empty", "sanic.response.empty"),
        Sink(Kind.RESPONSE, "sanic", _status(0), (), Param("headers", 1), 204),
    ),
    **_rows(
        ("sanic.redirect", "sanic.response.redirect"),
        Sink(
            Kind.REDIRECT,
            "sanic",
            _status(2),
            (),
            Param("headers", 1),
            302,
            traps=(Trap(1, "the headers"),),
            sets_headers=_LOCATION,
        ),
    ),
    **_rows(
        ("sanic.SanicException", "sanic.exceptions.SanicException"),
        Sink(
            Kind.EXCEPTION,
            "sanic",
            _status(1, "status_code"),
            (Param("message", 0),),
            Param("headers"),
            500,
            traps=(Trap(0, "the message"),),
        ),
    ),
}

# -- Falcon --------------------------------------------------------------------------------------
_FALCON_CALLS: dict[str, Sink] = {
    **_rows(
        ("falcon.HTTPError", "falcon.http_error.HTTPError"),
        Sink(Kind.EXCEPTION, "falcon", _status(0), (), Param("headers")),
    ),
    **_rows(
        ("falcon.HTTPStatus", "falcon.http_status.HTTPStatus"),
        Sink(Kind.RESPONSE, "falcon", _status(0), (Param("text", 2),), Param("headers", 1)),
    ),
}

# -- Litestar ------------------------------------------------------------------------------------
_LITESTAR_CALLS: dict[str, Sink] = {
    **_rows(
        ("litestar.Response", "litestar.response.Response"),
        Sink(
            Kind.RESPONSE,
            "litestar",
            _status(None, "status_code"),
            (Param("content", 0),),
            Param("headers"),
        ),
    ),
    **_rows(
        ("litestar.response.Redirect", "litestar.response.redirect.Redirect"),
        Sink(
            Kind.REDIRECT,
            "litestar",
            _status(None, "status_code"),
            (),
            Param("headers"),
            302,
            sets_headers=_LOCATION,
        ),
    ),
    **_rows(
        ("litestar.exceptions.HTTPException", "litestar.exceptions.http_exceptions.HTTPException"),
        Sink(
            Kind.EXCEPTION,
            "litestar",
            _status(None, "status_code"),
            (),
            Param("headers"),
            500,
            traps=(Trap(None, "the detail"),),
        ),
    ),
    # Litestar's default status depends on the method: POST 201, DELETE 204, others 200.
    **{
        f"{module}.{method}": Sink(
            Kind.ROUTE,
            "litestar",
            _status(None, "status_code"),
            default=default,
            mappings=("responses", "exception_handlers"),
        )
        for module in ("litestar", "litestar.handlers")
        for method, default in (
            ("get", 200),
            ("post", 201),
            ("put", 200),
            ("patch", 200),
            ("delete", 204),
            ("head", 200),
            ("route", None),
        )
    },
    **_rows(
        ("litestar.Litestar", "litestar.Router"),
        Sink(Kind.ROUTE, "litestar", None, mappings=("exception_handlers",)),
    ),
}

# -- Pyramid / WebOb -----------------------------------------------------------------------------
_PYRAMID_CALLS: dict[str, Sink] = {
    **_rows(
        ("pyramid.response.Response", "webob.Response", "webob.response.Response"),
        Sink(
            Kind.RESPONSE, "pyramid", _status(1), (Param("body", 0),), Param("headerlist", 2), 200
        ),
    ),
    **_rows(
        ("pyramid.httpexceptions.exception_response",),
        Sink(
            Kind.EXCEPTION,
            "pyramid",
            _status(0, "status_code"),
            accepted=PYRAMID_CODES,
            any_status=True,
        ),
    ),
}

# APIView.finalize_response copies default_response_headers (Allow: the view's methods) onto
# every response; @api_view makes a function such a view.
_DRF_ADDED_HEADERS = AddedHeaders(
    frozenset({"allow"}),
    bases=frozenset(
        {
            "rest_framework.views.APIView",
            *(
                f"rest_framework.generics.{name}"
                for name in (
                    "GenericAPIView",
                    "CreateAPIView",
                    "ListAPIView",
                    "RetrieveAPIView",
                    "DestroyAPIView",
                    "UpdateAPIView",
                    "ListCreateAPIView",
                    "RetrieveUpdateAPIView",
                    "RetrieveDestroyAPIView",
                    "RetrieveUpdateDestroyAPIView",
                )
            ),
            *(
                f"rest_framework.viewsets.{name}"
                for name in ("ViewSet", "GenericViewSet", "ReadOnlyModelViewSet", "ModelViewSet")
            ),
        }
    ),
    decorators=frozenset({"rest_framework.decorators.api_view"}),
)

# -- django-ninja ------------------------------------------------------------------------------
_NINJA_CALLS: dict[str, Sink] = {
    "ninja.errors.HttpError": Sink(
        Kind.EXCEPTION, "ninja", _status(0, "status_code"), (Param("message", 1),)
    ),
    **_rows(
        ("ninja.Status", "ninja.responses.Status"),
        Sink(Kind.RESPONSE, "ninja", _status(0, "status_code"), (Param("value", 1),)),
    ),
}
_NINJA_ROUTES = ("get", "post", "put", "patch", "delete", "api_operation")

# -- Bottle ------------------------------------------------------------------------------------
# Bottle drops the body of 1xx, 204 and 304 responses itself: no body is listed.
_BOTTLE_CALLS: dict[str, Sink] = {
    "bottle.abort": Sink(Kind.ABORT, "bottle", _status(0, "code"), default=500),
    "bottle.HTTPError": Sink(Kind.EXCEPTION, "bottle", _status(0), default=500),
    "bottle.HTTPResponse": Sink(Kind.RESPONSE, "bottle", _status(1), (), Param("headers", 2), 200),
    "bottle.redirect": Sink(Kind.REDIRECT, "bottle", _status(1, "code"), sets_headers=_LOCATION),
    "bottle.error": Sink(Kind.ERROR_HANDLER, "bottle", _status(0, "code")),
}

# -- CherryPy ----------------------------------------------------------------------------------
# HTTPError takes 400-599 only and HTTPRedirect 300-399 only (ValueError): HS401 and HS402.
_CHERRYPY_CALLS: dict[str, Sink] = {
    **_rows(
        ("cherrypy.HTTPError", "cherrypy._cperror.HTTPError"),
        Sink(Kind.EXCEPTION, "cherrypy", _status(0), default=500),
    ),
    **_rows(
        ("cherrypy.HTTPRedirect", "cherrypy._cperror.HTTPRedirect"),
        Sink(Kind.REDIRECT, "cherrypy", _status(1), sets_headers=_LOCATION),
    ),
}

# -- Connexion ---------------------------------------------------------------------------------
_CONNEXION_CALLS: dict[str, Sink] = {
    **_rows(
        ("connexion.problem", "connexion.problem.problem"),
        Sink(Kind.RESPONSE, "connexion", _status(0), (Param("title", 1),), Param("headers", 5)),
    ),
    "connexion.exceptions.ProblemException": Sink(
        Kind.EXCEPTION, "connexion", _status(None), default=500
    ),
    "connexion.lifecycle.ConnexionResponse": Sink(
        Kind.RESPONSE, "connexion", _status(0, "status_code"), (Param("body", 3),), default=200
    ),
}

# -- AWS Chalice -------------------------------------------------------------------------------
_CHALICE_CALLS: dict[str, Sink] = _rows(
    ("chalice.Response", "chalice.app.Response"),
    Sink(
        Kind.RESPONSE,
        "chalice",
        _status(2, "status_code"),
        (Param("body", 0),),
        Param("headers", 1),
        200,
    ),
)

# -- AWS Lambda proxy integrations and ASGI: statuses in dicts ---------------------------------
_LAMBDA_KEY = DictKey("statusCode", Sink(Kind.RESPONSE, "lambda", None), body="body")
_ASGI_KEY = DictKey(
    "status", Sink(Kind.RESPONSE, "asgi", None), requires=("type", "http.response.start")
)
_ASGI_CALLS: dict[str, Sink] = {
    "asgiref.typing.HTTPResponseStartEvent": Sink(Kind.RESPONSE, "asgi", _status(None)),
}

# -- aws-lambda-powertools ---------------------------------------------------------------------
_POWERTOOLS_CALLS: dict[str, Sink] = {
    **_rows(
        (
            "aws_lambda_powertools.event_handler.Response",
            "aws_lambda_powertools.event_handler.api_gateway.Response",
        ),
        Sink(
            Kind.RESPONSE,
            "powertools",
            _status(0, "status_code"),
            (Param("body", 2),),
            Param("headers", 3),
        ),
    ),
    "aws_lambda_powertools.event_handler.exceptions.ServiceError": Sink(
        Kind.EXCEPTION, "powertools", _status(0, "status_code"), (Param("msg", 1),)
    ),
}
_POWERTOOLS_ROUTE = Sink(
    Kind.ROUTE,
    "powertools",
    _status(None, "status_code"),
    default=200,
    mappings=("responses",),
)

# -- Robyn -------------------------------------------------------------------------------------
_ROBYN_CALLS: dict[str, Sink] = {
    "robyn.Response": Sink(
        Kind.RESPONSE,
        "robyn",
        _status(0, "status_code"),
        (Param("description", 2), Param("body")),
        Param("headers", 1),
    ),
    **_rows(
        ("robyn.exceptions.HTTPException",),
        Sink(Kind.EXCEPTION, "robyn", _status(0, "status_code"), (Param("detail", 1),)),
    ),
}
_ROBYN_ROUTE = Sink(
    Kind.ROUTE,
    "robyn",
    _status(None, "status_code"),
    mappings=("responses",),
)
_ROBYN_ROUTES = ("get", "post", "put", "patch", "delete", "head", "options")

# -- BlackSheep --------------------------------------------------------------------------------
_BLACKSHEEP_HELPERS = ("json", "pretty_json", "text", "html")
_BLACKSHEEP_CALLS: dict[str, Sink] = {
    **_rows(
        ("blacksheep.Response", "blacksheep.messages.Response"),
        Sink(
            Kind.RESPONSE,
            "blacksheep",
            _status(0),
            (Param("content", 2),),
            Param("headers", 1),
        ),
    ),
    **{
        f"{module}.{name}": Sink(
            Kind.RESPONSE, "blacksheep", _status(1), (Param(body, 0),), default=200
        )
        for module in ("blacksheep", "blacksheep.server.responses")
        for name, body in (("json", "data"), ("pretty_json", "data"), ("text", "value"))
    },
    **{
        f"{module}.html": Sink(
            Kind.RESPONSE, "blacksheep", _status(1), (Param("value", 0),), default=200
        )
        for module in ("blacksheep", "blacksheep.server.responses")
    },
    **_rows(
        ("blacksheep.status_code", "blacksheep.server.responses.status_code"),
        Sink(Kind.RESPONSE, "blacksheep", _status(0), (Param("message", 1),), default=200),
    ),
    **_rows(
        ("blacksheep.HTTPException", "blacksheep.exceptions.HTTPException"),
        Sink(Kind.EXCEPTION, "blacksheep", _status(0)),
    ),
}

# -- APIFlask ----------------------------------------------------------------------------------
# apiflask.HTTPError takes 4xx and 5xx only (LookupError): HS401.
_APIFLASK_CALLS: dict[str, Sink] = {
    **_rows(
        ("apiflask.abort", "apiflask.exceptions.abort"),
        Sink(Kind.ABORT, "apiflask", _status(0, "status_code"), headers=Param("headers", 3)),
    ),
    **_rows(
        ("apiflask.HTTPError", "apiflask.exceptions.HTTPError"),
        Sink(
            Kind.EXCEPTION,
            "apiflask",
            _status(0, "status_code"),
            headers=Param("headers", 3),
            default=500,
        ),
    ),
}

# -- Flask-RESTful, Flask-RESTX, flask-smorest, webargs: Werkzeug's abort underneath ------------
_FLASK_EXTENSION_CALLS: dict[str, Sink] = {
    "flask_restful.abort": Sink(
        Kind.ABORT, "flask", _status(0, "http_status_code"), accepted=WERKZEUG_CODES
    ),
    **_rows(
        ("flask_restx.abort", "flask_restx.errors.abort"),
        Sink(Kind.ABORT, "flask", _status(0, "code"), default=500, accepted=WERKZEUG_CODES),
    ),
    **_rows(
        ("flask_smorest.abort", "webargs.flaskparser.abort"),
        Sink(Kind.ABORT, "flask", _status(0, "http_status_code"), accepted=WERKZEUG_CODES),
    ),
    # -- Quart-Schema: a route's declared response ---------------------------------------------
    **_rows(
        ("quart_schema.validate_response", "quart_schema.document_response"),
        Sink(Kind.ROUTE, "quart", _status(1, "status_code"), default=200),
    ),
}

# -- Emmett ------------------------------------------------------------------------------------
_EMMETT_CALLS: dict[str, Sink] = {
    **_rows(
        ("emmett.abort", "emmett.helpers.abort"),
        Sink(Kind.ABORT, "emmett", _status(0, "code")),
    ),
    **_rows(
        ("emmett.redirect", "emmett.http.redirect"),
        Sink(
            Kind.REDIRECT,
            "emmett",
            _status(1, "status_code"),
            default=303,
            sets_headers=_LOCATION,
        ),
    ),
    # `raise HTTP(404)` and `raise HTTP(302, headers={"location": url})`: a response, raised.
    **_rows(
        ("emmett.http.HTTP", "emmett.http.HTTPStringResponse"),
        Sink(
            Kind.RESPONSE,
            "emmett",
            _status(0, "status_code"),
            (Param("body", 1),),
            Param("headers", 2),
        ),
    ),
}

# -- API documentation: drf-spectacular, drf-yasg ----------------------------------------------
_API_DOCS_CALLS: dict[str, Sink] = {
    "drf_spectacular.utils.extend_schema": Sink(
        Kind.DOCUMENTATION, "drf-spectacular", None, mappings=("responses",)
    ),
    "drf_spectacular.utils.OpenApiExample": Sink(
        Kind.DOCUMENTATION, "drf-spectacular", Param("status_codes", 9, many=True)
    ),
    "drf_yasg.utils.swagger_auto_schema": Sink(
        Kind.DOCUMENTATION, "drf-yasg", None, mappings=("responses",)
    ),
}

# -- HTTP mocking and test clients: response definitions ---------------------------------------
# Missing headers are not reported on mocks (no `headers`): a 405 mock without Allow is what
# the test wants. Bodies are listed where the library hands them to the client with a 204.
_RESPONSES_BODY = (Param("body", 2), Param("json"))
_RESPONSES_CALLS: dict[str, Sink] = {
    **_rows(
        ("responses.add", "responses.upsert", "responses.replace"),
        Sink(Kind.RESPONSE, "responses", _status(None), _RESPONSES_BODY, default=200),
    ),
    **{
        f"responses.{method}": Sink(
            Kind.RESPONSE,
            "responses",
            _status(None),
            (Param("body", 1), Param("json")),
            default=200,
        )
        for method in ("get", "post", "put", "patch", "delete", "head", "options")
    },
    "responses.Response": Sink(
        Kind.RESPONSE, "responses", _status(4), (Param("body", 2), Param("json", 3)), default=200
    ),
}
# `responses.add_callback(method, url, callback)`: the status of each `(status, headers, body)`
# tuple the callback returns (the engine ties a same-file function to the call that passes it).
RESPONSES_CALLBACK = Sink(Kind.RESPONSE, "responses", None)
_REQUESTS_MOCK_SINK = Sink(
    Kind.RESPONSE,
    "requests-mock",
    _status(None, "status_code"),
    (Param("json"), Param("text"), Param("content"), Param("body")),
    default=200,
)
_REQUESTS_MOCK_METHODS = (
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "request",
    "register_uri",
)
_HTTPX_BODY = (Param("content"), Param("text"), Param("html"), Param("json"))
_HTTPX_CALLS: dict[str, Sink] = {
    "httpx.Response": Sink(Kind.RESPONSE, "httpx", _status(0, "status_code"), _HTTPX_BODY),
}
_URLLIB3_CALLS: dict[str, Sink] = {
    **_rows(
        ("urllib3.HTTPResponse", "urllib3.response.HTTPResponse"),
        Sink(Kind.RESPONSE, "urllib3", _status(2), (Param("body", 0),)),
    ),
    # `status=` is a retry count: only the forcelist holds statuses.
    **_rows(
        (
            "urllib3.Retry",
            "urllib3.util.Retry",
            "urllib3.util.retry.Retry",
            "requests.adapters.Retry",
        ),
        Sink(Kind.CLIENT, "urllib3", Param("status_forcelist", 7, many=True)),
    ),
}
# A test double standing in for a response: `Mock(status_code=404)`, `MagicMock(status=500)`.
_MOCK_SINK = Sink(
    Kind.RESPONSE,
    "mock",
    Param("status_code"),
    also=(Param("status"),),
    range_only=True,
)
_MOCK_CLASSES = ("Mock", "MagicMock", "AsyncMock", "NonCallableMock", "NonCallableMagicMock")
_MOCK_CALLS: dict[str, Sink] = {
    f"{module}.{cls}": _MOCK_SINK
    for module in ("unittest.mock", "mock", "mock.mock")
    for cls in _MOCK_CLASSES
}
# pytest-django's assertions are Django's, without `self`.
_PYTEST_DJANGO_CALLS: dict[str, Sink] = {
    "pytest_django.asserts.assertContains": Sink(
        Kind.ASSERTION, "django", _status(3, "status_code")
    ),
    "pytest_django.asserts.assertNotContains": Sink(
        Kind.ASSERTION, "django", _status(2, "status_code")
    ),
    "pytest_django.asserts.assertRedirects": Sink(
        Kind.ASSERTION,
        "django",
        _status(2, "status_code"),
        also=(Param("target_status_code", 3),),
    ),
}

# -- Method rows ---------------------------------------------------------------------------------
_FASTAPI_ROUTE = Sink(
    Kind.ROUTE,
    "fastapi",
    _status(None, "status_code"),
    default=200,
    mappings=("responses",),
    makes_int=True,
)
_FLASK_ERROR_HANDLER = Sink(
    Kind.ERROR_HANDLER,
    "flask",
    Param("code_or_exception", 0),
    accepted=WERKZEUG_CODES,
    makes_int=True,
)
_BLUEPRINT_ERROR_HANDLER = Sink(
    Kind.ERROR_HANDLER, "flask", Param("code", 0), accepted=WERKZEUG_CODES, makes_int=True
)
_STARLETTE_ERROR_HANDLER = Sink(
    Kind.ERROR_HANDLER, "starlette", Param("exc_class_or_status_code", 0)
)
_HTTP_METHODS = ("get", "post", "put", "patch", "delete", "options", "head")
_FLASK_VIEW_DECORATORS = frozenset(
    {
        "route",
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "errorhandler",
        "app_errorhandler",
        "websocket",
    }
)
_FLASK_VIEW_METHODS = frozenset({*_HTTP_METHODS, "dispatch_request"})


# -- The libraries -------------------------------------------------------------------------------
LIBRARIES: tuple[Library, ...] = (
    Library(
        "stdlib",
        frozenset({"http", "urllib"}),
        holders={
            "http.HTTPStatus": "stdlib",
            "http.client.HTTPStatus": "stdlib",
            "http.client": "stdlib",
        },
    ),
    Library(
        "django",
        frozenset({"django"}),
        ("django.http", "django.http.response", "django.shortcuts", "django.template.response"),
        _DJANGO_CALLS,
        methods=(
            # SimpleTestCase's assertions.
            (("assertContains",), Sink(Kind.ASSERTION, "django", _status(3, "status_code"))),
            (("assertNotContains",), Sink(Kind.ASSERTION, "django", _status(2, "status_code"))),
            (
                ("assertRedirects",),
                Sink(
                    Kind.ASSERTION,
                    "django",
                    _status(2, "status_code"),
                    also=(Param("target_status_code", 3),),
                ),
            ),
        ),
        method_packages=frozenset({"django", "rest_framework", "pytest_django"}),
        status_classes={
            "django.http": ("status_code", "HttpResponse"),
            "django.http.response": ("status_code", "HttpResponse"),
        },
    ),
    Library("pytest-django", frozenset({"pytest_django"}), calls=_PYTEST_DJANGO_CALLS),
    Library(
        "drf",
        frozenset({"rest_framework"}),
        ("rest_framework.response", "rest_framework.views"),
        {
            **_DRF_CALLS,
            "rest_framework.views.Response": _DRF_CALLS["rest_framework.response.Response"],
        },
        status_classes={"rest_framework.exceptions": ("status_code", "")},
        holders={"rest_framework.status": "drf", "rest_framework.views.status": "drf"},
        added_headers=(_DRF_ADDED_HEADERS,),
    ),
    Library(
        "drf-spectacular, drf-yasg",
        frozenset({"drf_spectacular", "drf_yasg"}),
        ("drf_spectacular.utils", "drf_yasg.utils"),
        _API_DOCS_CALLS,
    ),
    Library(
        "django-ninja",
        frozenset({"ninja"}),
        ("ninja", "ninja.errors", "ninja.responses"),
        _NINJA_CALLS,
        methods=(
            (
                _NINJA_ROUTES,
                Sink(
                    Kind.ROUTE,
                    "ninja",
                    None,
                    default=200,
                    mappings=("response",),
                ),
            ),
            (
                ("create_response",),
                Sink(Kind.RESPONSE, "ninja", _status(None), (Param("data", 1),), default=200),
            ),
        ),
        views=(Views(STATUS_BODY, decorators=frozenset(_NINJA_ROUTES)),),
    ),
    Library(
        "flask",
        frozenset(
            {
                "flask",
                "quart",
                "werkzeug",
                "apiflask",
                "flask_restful",
                "flask_restx",
                "flask_smorest",
                "quart_schema",
            }
        ),
        ("flask", "flask.helpers", "werkzeug.exceptions", "werkzeug.utils", "quart"),
        {**_FLASK_CALLS, **_FLASK_EXTENSION_CALLS},
        methods=(
            (("errorhandler", "register_error_handler"), _FLASK_ERROR_HANDLER),
            (("app_errorhandler",), _BLUEPRINT_ERROR_HANDLER),
        ),
        method_packages=frozenset({"flask", "quart", "apiflask"}),
        views=(
            Views(
                BODY_STATUS,
                decorators=_FLASK_VIEW_DECORATORS,
                bases=frozenset(
                    {
                        "flask.views.MethodView",
                        "flask.views.View",
                        "quart.views.MethodView",
                        "quart.views.View",
                        "flask_restful.Resource",
                        "flask_restx.Resource",
                        "flask_smorest.MethodView",
                    }
                ),
                methods=_FLASK_VIEW_METHODS,
            ),
        ),
        status_classes={"werkzeug.exceptions": ("code", "")},
    ),
    Library(
        "apiflask",
        frozenset({"apiflask"}),
        ("apiflask", "apiflask.exceptions"),
        _APIFLASK_CALLS,
        methods=(
            (
                ("output",),
                Sink(Kind.ROUTE, "apiflask", _status(1, "status_code"), default=200),
            ),
            (("doc",), Sink(Kind.DOCUMENTATION, "apiflask", None, mappings=("responses",))),
        ),
        status_classes={
            "apiflask": ("status_code", "Error"),
            "apiflask.exceptions": ("status_code", "Error"),
        },
    ),
    Library(
        "flask-restx",
        frozenset({"flask_restx"}),
        ("flask_restx", "flask_restx.errors"),
        methods=(
            (("response",), Sink(Kind.DOCUMENTATION, "flask-restx", _status(0, "code"))),
            (("marshal_with",), Sink(Kind.ROUTE, "flask-restx", _status(2, "code"), default=200)),
            (
                ("marshal_list_with",),
                Sink(Kind.ROUTE, "flask-restx", _status(None, "code"), default=200),
            ),
            (
                ("abort",),
                Sink(Kind.ABORT, "flask", Param(None, 0), default=500, accepted=WERKZEUG_CODES),
            ),
            (("doc",), Sink(Kind.DOCUMENTATION, "flask-restx", None, mappings=("responses",))),
        ),
    ),
    Library(
        "flask-smorest",
        frozenset({"flask_smorest"}),
        ("flask_smorest",),
        methods=(
            (("response",), Sink(Kind.ROUTE, "flask-smorest", _status(0, "status_code"))),
            (
                ("alt_response",),
                Sink(Kind.DOCUMENTATION, "flask-smorest", _status(0, "status_code")),
            ),
        ),
    ),
    Library(
        "starlette",
        frozenset({"starlette"}),
        ("starlette.responses", "starlette.exceptions", "starlette.applications"),
        _STARLETTE_CALLS,
        methods=((("exception_handler", "add_exception_handler"), _STARLETTE_ERROR_HANDLER),),
        method_packages=frozenset({"fastapi", "starlette"}),
        holders={"starlette.status": "starlette"},
    ),
    Library(
        "fastapi",
        frozenset({"fastapi"}),
        ("fastapi", "fastapi.responses", "fastapi.exceptions", "fastapi.applications"),
        methods=(
            ((*_HTTP_METHODS, "trace", "api_route", "add_api_route"), _FASTAPI_ROUTE),
            (
                ("include_router",),
                Sink(Kind.ROUTE, "fastapi", None, mappings=("responses",)),
            ),
        ),
        holders={"fastapi.status": "fastapi"},
    ),
    Library(
        "aiohttp",
        frozenset({"aiohttp"}),
        ("aiohttp.web",),
        _AIOHTTP_CALLS,
        methods=((("set_status",), Sink(Kind.RESPONSE, "aiohttp", _status(0))),),
        status_classes={
            "aiohttp.web_exceptions": ("status_code", ""),
            "aiohttp.web": ("status_code", "HTTP"),
        },
    ),
    Library(
        "tornado",
        frozenset({"tornado"}),
        ("tornado.web",),
        _TORNADO_CALLS,
        methods=(
            (("set_status",), Sink(Kind.RESPONSE, "tornado", _status(0, "status_code"))),
            (
                ("send_error",),
                Sink(Kind.ABORT, "tornado", _status(0, "status_code"), default=500),
            ),
            (
                ("redirect",),
                Sink(Kind.REDIRECT, "tornado", _status(2), default=302, sets_headers=_LOCATION),
            ),
        ),
        # Tornado's client reports timeouts and connection errors as 599.
        client_codes=frozenset({599}),
    ),
    Library(
        "sanic",
        frozenset({"sanic"}),
        ("sanic", "sanic.response"),
        _SANIC_CALLS,
        status_classes={"sanic.exceptions": ("status_code", ""), "sanic": ("status_code", "")},
    ),
    Library(
        "falcon",
        frozenset({"falcon"}),
        ("falcon",),
        _FALCON_CALLS,
        holders={"falcon": "falcon", "falcon.status_codes": "falcon"},
    ),
    Library(
        "litestar",
        frozenset({"litestar"}),
        ("litestar", "litestar.response", "litestar.exceptions"),
        _LITESTAR_CALLS,
        status_classes={"litestar.exceptions": ("status_code", "")},
        holders={"litestar.status_codes": "litestar"},
    ),
    Library(
        "pyramid",
        frozenset({"pyramid", "webob"}),
        ("pyramid.response", "pyramid.httpexceptions", "webob"),
        _PYRAMID_CALLS,
        status_classes={"pyramid.httpexceptions": ("code", ""), "webob.exc": ("code", "")},
    ),
    Library(
        "webtest",
        frozenset({"webtest"}),
        # WebTest's TestApp is usually a fixture: its names enable the rows without an import.
        methods=(
            (
                ("get", "post", "put", "patch", "delete", "head"),
                Sink(Kind.ASSERTION, "webtest", Param("status", 4, many=True), range_only=True),
            ),
            (
                ("options",),
                Sink(Kind.ASSERTION, "webtest", Param("status", 3, many=True), range_only=True),
            ),
            (
                ("post_json", "put_json", "patch_json", "delete_json"),
                Sink(Kind.ASSERTION, "webtest", Param("status", None, many=True), range_only=True),
            ),
        ),
        receivers=frozenset({"testapp", "test_app", "webtest", "webapp"}),
    ),
    Library(
        "bottle",
        frozenset({"bottle"}),
        ("bottle",),
        _BOTTLE_CALLS,
        methods=((("error",), Sink(Kind.ERROR_HANDLER, "bottle", _status(0, "code"))),),
    ),
    Library("cherrypy", frozenset({"cherrypy"}), ("cherrypy",), _CHERRYPY_CALLS),
    Library(
        "emmett",
        frozenset({"emmett"}),
        ("emmett", "emmett.helpers", "emmett.http"),
        _EMMETT_CALLS,
        methods=((("on_error",), Sink(Kind.ERROR_HANDLER, "emmett", _status(0, "code"))),),
    ),
    Library(
        "connexion",
        frozenset({"connexion"}),
        ("connexion", "connexion.problem", "connexion.exceptions", "connexion.lifecycle"),
        _CONNEXION_CALLS,
        methods=(
            (
                ("add_error_handler",),
                Sink(Kind.ERROR_HANDLER, "connexion", Param("code_or_exception", 0)),
            ),
        ),
        # Operation handlers are named in the OpenAPI file, not decorated: every module-level
        # function of a file importing connexion, reading 100-599 only.
        views=(
            Views(
                Layout(1, 0, frozenset({2, 3}), headers=2, range_only=True), module_functions=True
            ),
        ),
        empty_bodies=frozenset({"NoContent"}),
    ),
    Library(
        "chalice",
        frozenset({"chalice"}),
        ("chalice", "chalice.app"),
        _CHALICE_CALLS,
        status_classes={
            "chalice": ("STATUS_CODE", "Error"),
            "chalice.app": ("STATUS_CODE", "Error"),
        },
    ),
    Library(
        "aws-lambda",
        frozenset(),
        dict_keys=(_LAMBDA_KEY,),
        dict_keys_gated=False,
    ),
    Library(
        "asgi",
        frozenset({"asgiref"}),
        ("asgiref.typing",),
        _ASGI_CALLS,
        dict_keys=(_ASGI_KEY,),
        dict_keys_gated=False,
    ),
    Library(
        "aws-lambda-powertools",
        frozenset({"aws_lambda_powertools"}),
        ("aws_lambda_powertools.event_handler", "aws_lambda_powertools.event_handler.exceptions"),
        _POWERTOOLS_CALLS,
        methods=((("get", "post", "put", "patch", "delete", "head", "route"), _POWERTOOLS_ROUTE),),
    ),
    Library(
        "robyn",
        frozenset({"robyn"}),
        ("robyn", "robyn.exceptions"),
        _ROBYN_CALLS,
        methods=((_ROBYN_ROUTES, _ROBYN_ROUTE),),
        views=(Views(BODY_HEADERS_STATUS, decorators=frozenset(_ROBYN_ROUTES)),),
        holders={"robyn.status_codes": "robyn"},
    ),
    Library(
        "blacksheep",
        frozenset({"blacksheep"}),
        ("blacksheep", "blacksheep.server.responses", "blacksheep.exceptions"),
        _BLACKSHEEP_CALLS,
        methods=(
            # A Controller's helpers, and the application's exception handlers.
            (
                ("json", "pretty_json", "text", "html"),
                Sink(Kind.RESPONSE, "blacksheep", _status(1), default=200),
            ),
            (("status_code",), Sink(Kind.RESPONSE, "blacksheep", _status(0), default=200)),
            (
                ("exception_handler",),
                Sink(Kind.ERROR_HANDLER, "blacksheep", Param("exception_type", 0)),
            ),
        ),
    ),
    Library(
        "responses",
        frozenset({"responses"}),
        ("responses",),
        _RESPONSES_CALLS,
        methods=(
            (
                ("add", "upsert", "replace"),
                Sink(Kind.RESPONSE, "responses", _status(None), _RESPONSES_BODY, default=200),
            ),
            (
                ("get", "post", "put", "patch", "delete", "head", "options"),
                Sink(
                    Kind.RESPONSE,
                    "responses",
                    _status(None),
                    (Param("body", 1), Param("json")),
                    default=200,
                ),
            ),
        ),
        http=False,
    ),
    Library(
        "requests-mock",
        frozenset({"requests_mock"}),
        ("requests_mock",),
        {
            "requests_mock.create_response": Sink(
                Kind.RESPONSE, "requests-mock", Param("status_code")
            )
        },
        methods=((_REQUESTS_MOCK_METHODS, _REQUESTS_MOCK_SINK),),
        receivers=frozenset({"requests_mock"}),
        dict_keys=(
            # `response_list=[{"status_code": 500}, ...]`
            DictKey(
                "status_code",
                Sink(Kind.RESPONSE, "requests-mock", None, range_only=True),
                body="text",
            ),
        ),
    ),
    Library(
        "respx",
        frozenset({"respx"}),
        ("respx",),
        methods=(
            (
                ("respond",),
                Sink(Kind.RESPONSE, "respx", _status(0, "status_code"), _HTTPX_BODY, default=200),
            ),
        ),
        modulo=Sink(Kind.RESPONSE, "respx", None),
    ),
    Library(
        "httpx",
        frozenset({"httpx"}),
        ("httpx",),
        _HTTPX_CALLS,
        holders={"httpx.codes": "httpx"},
    ),
    Library(
        "pytest-httpx",
        frozenset({"pytest_httpx"}),
        methods=(
            (
                ("add_response",),
                Sink(Kind.RESPONSE, "pytest-httpx", _status(0, "status_code"), _HTTPX_BODY),
            ),
        ),
        receivers=frozenset({"httpx_mock"}),
    ),
    Library(
        "aioresponses",
        frozenset({"aioresponses"}),
        methods=(
            (
                ("add",),
                Sink(Kind.RESPONSE, "aioresponses", _status(2), (Param("body"), Param("payload"))),
            ),
            (
                ("get", "post", "put", "patch", "delete", "head", "options"),
                Sink(
                    Kind.RESPONSE, "aioresponses", _status(None), (Param("body"), Param("payload"))
                ),
            ),
        ),
    ),
    Library(
        "pytest-httpserver",
        frozenset({"pytest_httpserver"}),
        # The Werkzeug server drops a 204's body: none is listed.
        methods=(
            (
                ("respond_with_json", "respond_with_data"),
                Sink(Kind.RESPONSE, "pytest-httpserver", _status(1), default=200),
            ),
        ),
        receivers=frozenset({"httpserver"}),
    ),
    Library("urllib3", frozenset({"urllib3"}), ("urllib3",), _URLLIB3_CALLS),
    Library(
        "requests",
        frozenset({"requests"}),
        holders={"requests.codes": "requests", "requests.status_codes.codes": "requests"},
    ),
    Library("unittest.mock", frozenset(), calls=_MOCK_CALLS, http=False),
    Library(
        "playwright",
        frozenset({"playwright"}),
        methods=(
            (
                ("fulfill",),
                Sink(Kind.RESPONSE, "playwright", _status(None), (Param("body"), Param("json"))),
            ),
        ),
    ),
)


# -- Tables the engine reads, derived from LIBRARIES -----------------------------------------
def _calls() -> dict[str, Sink]:
    table: dict[str, Sink] = {}
    for library in LIBRARIES:
        table.update(library.calls)
    return table


def _method_table() -> dict[str, tuple[MethodSink, ...]]:
    table: dict[str, tuple[MethodSink, ...]] = {}
    for library in LIBRARIES:
        packages = (
            library.method_packages if library.method_packages is not None else library.packages
        )
        for names, sink in library.methods:
            method = MethodSink(packages, sink, library.receivers)
            for name in names:
                table[name] = (*table.get(name, ()), method)
    return table


# Other names the libraries' own modules give their sinks: where each is defined (its
# `__module__`) and where another public module re-exports it. Found by the signature tests
# (tests/test_frameworks.py), which fail on any such name missing here.
_REEXPORTS = {
    "blacksheep.server.responses.Response": "blacksheep.messages.Response",
    "connexion.ProblemException": "connexion.exceptions.ProblemException",
    "connexion.exceptions.HTTPException": "starlette.exceptions.HTTPException",
    "connexion.exceptions.problem": "connexion.problem.problem",
    "django.shortcuts.HttpResponse": "django.http.response.HttpResponse",
    "django.shortcuts.HttpResponsePermanentRedirect": "django.http.response.HttpResponsePermanentRedirect",
    "django.shortcuts.HttpResponseRedirect": "django.http.response.HttpResponseRedirect",
    "django.template.response.HttpResponse": "django.http.response.HttpResponse",
    "fastapi.applications.HTMLResponse": "fastapi.responses.HTMLResponse",
    "fastapi.applications.HTTPException": "starlette.exceptions.HTTPException",
    "fastapi.applications.JSONResponse": "fastapi.responses.JSONResponse",
    "fastapi.applications.Response": "fastapi.responses.Response",
    "fastapi.applications.Starlette": "starlette.applications.Starlette",
    "fastapi.exceptions.StarletteHTTPException": "starlette.exceptions.HTTPException",
    "flask.helpers.BaseResponse": "werkzeug.wrappers.response.Response",
    "litestar.app.Litestar": "litestar.Litestar",
    "litestar.handlers.http_handlers.base.HTTPRouteHandler": "litestar.handlers.route",
    "litestar.handlers.http_handlers.decorators.delete": "litestar.delete",
    "litestar.handlers.http_handlers.decorators.get": "litestar.get",
    "litestar.handlers.http_handlers.decorators.head": "litestar.handlers.head",
    "litestar.handlers.http_handlers.decorators.patch": "litestar.handlers.patch",
    "litestar.handlers.http_handlers.decorators.post": "litestar.handlers.post",
    "litestar.handlers.http_handlers.decorators.put": "litestar.handlers.put",
    "litestar.response.base.Response": "litestar.Response",
    "litestar.router.Router": "litestar.Router",
    "ninja.errors.HttpResponse": "django.http.response.HttpResponse",
    "ninja.responses.JsonResponse": "django.http.response.JsonResponse",
    "pyramid.httpexceptions.Response": "pyramid.response.Response",
    "quart.helpers.abort": "quart.abort",
    "quart.helpers.make_response": "quart.make_response",
    "quart.helpers.redirect": "quart.redirect",
    "quart_schema.documentation.document_response": "quart_schema.document_response",
    "quart_schema.validation.validate_response": "quart_schema.validate_response",
    "requests_mock.response.create_response": "requests_mock.create_response",
    "responses.HTTPResponse": "urllib3.response.HTTPResponse",
    "rest_framework.response.SimpleTemplateResponse": "django.template.response.SimpleTemplateResponse",
    "sanic.response.convenience.empty": "sanic.empty",
    "sanic.response.convenience.file": "sanic.file",
    "sanic.response.convenience.file_stream": "sanic.response.file_stream",
    "sanic.response.convenience.html": "sanic.html",
    "sanic.response.convenience.json": "sanic.json",
    "sanic.response.convenience.raw": "sanic.raw",
    "sanic.response.convenience.redirect": "sanic.redirect",
    "sanic.response.convenience.text": "sanic.response.text",
    "sanic.response.types.HTTPResponse": "sanic.HTTPResponse",
    "sanic.response.types.JSONResponse": "sanic.response.JSONResponse",
    "starlette.applications.Response": "fastapi.responses.Response",
}

CALLS: dict[str, Sink] = _calls()
CALLS.update({alias: CALLS[original] for alias, original in _REEXPORTS.items()})
METHODS: dict[str, tuple[MethodSink, ...]] = _method_table()
STATUS_CLASS_MODULES: dict[str, tuple[str, str]] = {
    module: found for library in LIBRARIES for module, found in library.status_classes.items()
}
HOLDERS: dict[str, str] = {
    holder: style for library in LIBRARIES for holder, style in library.holders.items()
}
# Views by the packages that enable them; class-based views by their qualified base.
VIEWS: tuple[tuple[frozenset[str], Views], ...] = tuple(
    (library.packages, views) for library in LIBRARIES for views in library.views
)
VIEW_BASES: dict[str, Views] = {
    base: views for library in LIBRARIES for views in library.views for base in views.bases
}
VIEW_CLASSES = frozenset(VIEW_BASES)
VIEW_ADDED_HEADERS: tuple[AddedHeaders, ...] = tuple(
    row for library in LIBRARIES for row in library.added_headers
)
# Dict keys, with the packages a file must import for them (empty: any file).
DICT_KEYS: dict[str, tuple[tuple[DictKey, frozenset[str]], ...]] = {}
for _library in LIBRARIES:
    for _key in _library.dict_keys:
        _gate = _library.packages if _library.dict_keys_gated else frozenset()
        DICT_KEYS[_key.key] = (*DICT_KEYS.get(_key.key, ()), (_key, _gate))
MODULO: tuple[tuple[frozenset[str], Sink], ...] = tuple(
    (library.packages, library.modulo) for library in LIBRARIES if library.modulo is not None
)

EMPTY_BODIES = frozenset(name for library in LIBRARIES for name in library.empty_bodies)

# Top-level packages whose import makes a file "HTTP code" for the generic attributes below.
HTTP_PACKAGES = frozenset(
    package for library in LIBRARIES if library.http for package in library.packages
)

# Attributes that hold a response's status. The generic names are read as a status only on a
# receiver shown to be a response (receivers.py), and only with a value in 100-599.
STATUS_ATTRIBUTES = frozenset({"status_code", "status_int"})
GENERIC_STATUS_ATTRIBUTES = frozenset({"status", "code"})

# Codes an HTTP client invents for its own errors, which tests rightly compare against.
CLIENT_CODES: dict[str, frozenset[int]] = {
    package: library.client_codes
    for library in LIBRARIES
    if library.client_codes
    for package in library.packages
}

# unittest assertions that compare their first two arguments.
UNITTEST_COMPARISONS = frozenset(
    {"assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals", "assertIn", "assertNotIn"}
)
