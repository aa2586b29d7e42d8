"""What each framework does with status codes, as data.

`CALLS` maps the qualified name of a callable (as reached through a file's imports) to the
places in its arguments that hold a status. `METHODS` covers methods called on objects the
file cannot name by import (`app.errorhandler`, `self.set_status`): they apply only in files
that import one of the framework's packages. Adding a framework means adding rows here.

Positions are 0-based and exclude `self`. Facts come from the installed packages
(see ../shared/reference/frameworks.md).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Kind(enum.Enum):
    """What a status position means, which decides the rules that look at it."""

    RESPONSE = "response"
    EXCEPTION = "exception"
    ABORT = "abort"
    REDIRECT = "redirect"
    ROUTE = "route decorator"
    ERROR_HANDLER = "error handler registration"
    ASSERTION = "test assertion"


@dataclass(frozen=True)
class Param:
    """An argument reached by keyword and, unless keyword-only, by position."""

    keyword: str | None
    position: int | None = None


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
    `mappings` names keyword arguments whose dict keys are statuses (`responses=`).
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


@dataclass(frozen=True)
class MethodSink:
    """A method sink, recognised by name in files that import one of `packages`."""

    packages: frozenset[str]
    sink: Sink


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

CALLS: dict[str, Sink] = {
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
        ),
    ),
    **_rows(
        ("django.http.JsonResponse", "django.http.response.JsonResponse"),
        Sink(Kind.RESPONSE, "django", _status(None), (Param("data", 0),), Param("headers"), 200),
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
        ),
    ),
    **_rows(
        ("django.http.FileResponse", "django.http.response.FileResponse"),
        Sink(Kind.RESPONSE, "django", _status(2), (), Param("headers", 5), 200),
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
        ),
    ),
    "django.shortcuts.render": Sink(Kind.RESPONSE, "django", _status(4), default=200),
    **_rows(
        ("django.template.response.TemplateResponse", "django.template.response.TemplateResponse"),
        Sink(Kind.RESPONSE, "django", _status(4), (), Param("headers", 7), 200),
    ),
    "django.template.response.SimpleTemplateResponse": Sink(
        Kind.RESPONSE, "django", _status(3), (), Param("headers", 6), 200
    ),
    # -- Django REST framework -----------------------------------------------------------------
    "rest_framework.response.Response": Sink(
        Kind.RESPONSE, "drf", _status(1), (Param("data", 0),), Param("headers", 3), 200
    ),
    # -- Flask / Werkzeug / Quart --------------------------------------------------------------
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
        Sink(Kind.RESPONSE, "flask", _status(1), (Param("response", 0),), Param("headers", 2), 200),
    ),
    **_rows(
        ("flask.make_response", "flask.helpers.make_response", "quart.make_response"),
        Sink(Kind.RESPONSE, "flask", Param(None, 1), (Param(None, 0),), Param(None, 2), 200),
    ),
    **_rows(
        ("flask.abort", "flask.helpers.abort", "quart.abort"),
        Sink(Kind.ABORT, "flask", _status(0, "code"), accepted=WERKZEUG_CODES),
    ),
    **_rows(
        ("werkzeug.exceptions.abort",),
        Sink(Kind.ABORT, "flask", _status(0), accepted=WERKZEUG_CODES),
    ),
    **_rows(
        ("flask.redirect", "flask.helpers.redirect", "werkzeug.utils.redirect", "quart.redirect"),
        Sink(Kind.REDIRECT, "flask", _status(1, "code"), default=302, sets_headers=_LOCATION),
    ),
    # -- Starlette / FastAPI -------------------------------------------------------------------
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
    # -- aiohttp -------------------------------------------------------------------------------
    **_rows(
        ("aiohttp.web.Response", "aiohttp.web_response.Response"),
        Sink(
            Kind.RESPONSE,
            "aiohttp",
            _status(None),
            (Param("body"), Param("text")),
            Param("headers"),
            200,
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
        ),
    ),
    **_rows(
        ("aiohttp.web.StreamResponse", "aiohttp.web_response.StreamResponse"),
        Sink(Kind.RESPONSE, "aiohttp", _status(None), (), Param("headers"), 200),
    ),
    **_rows(
        ("aiohttp.web.FileResponse", "aiohttp.web_fileresponse.FileResponse"),
        Sink(Kind.RESPONSE, "aiohttp", _status(2), (), Param("headers", 4), 200),
    ),
    # -- Tornado -------------------------------------------------------------------------------
    **_rows(
        ("tornado.web.HTTPError",),
        Sink(Kind.EXCEPTION, "tornado", _status(0, "status_code"), default=500),
    ),
    # -- Sanic ---------------------------------------------------------------------------------
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
    # -- Falcon --------------------------------------------------------------------------------
    **_rows(
        ("falcon.HTTPError", "falcon.http_error.HTTPError"),
        Sink(Kind.EXCEPTION, "falcon", _status(0), (), Param("headers")),
    ),
    **_rows(
        ("falcon.HTTPStatus", "falcon.http_status.HTTPStatus"),
        Sink(Kind.RESPONSE, "falcon", _status(0), (Param("text", 2),), Param("headers", 1)),
    ),
    # -- Litestar ------------------------------------------------------------------------------
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
    # -- Pyramid / WebOb -----------------------------------------------------------------------
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

_FASTAPI_ROUTE = Sink(
    Kind.ROUTE, "fastapi", _status(None, "status_code"), default=200, mappings=("responses",)
)
_FLASK_ERROR_HANDLER = Sink(
    Kind.ERROR_HANDLER, "flask", Param("code_or_exception", 0), accepted=WERKZEUG_CODES
)
_BLUEPRINT_ERROR_HANDLER = Sink(
    Kind.ERROR_HANDLER, "flask", Param("code", 0), accepted=WERKZEUG_CODES
)
_STARLETTE_ERROR_HANDLER = Sink(
    Kind.ERROR_HANDLER, "starlette", Param("exc_class_or_status_code", 0)
)
# WebTest's TestApp takes the expected status as `status=`; its receiver is usually a fixture,
# so no import is required.
_WEBTEST = Sink(Kind.ASSERTION, "webtest", _status(4))
_WEBTEST_OPTIONS = Sink(Kind.ASSERTION, "webtest", _status(3))
_WEBTEST_JSON = Sink(Kind.ASSERTION, "webtest", _status(None))
_ANY: frozenset[str] = frozenset()
_FASTAPI = frozenset({"fastapi"})
_FLASK = frozenset({"flask", "quart"})
_STARLETTE = frozenset({"fastapi", "starlette"})
_DJANGO = frozenset({"django", "rest_framework"})


def _methods(
    *rows: tuple[Iterable[str], frozenset[str], Sink],
) -> dict[str, tuple[MethodSink, ...]]:
    table: dict[str, tuple[MethodSink, ...]] = {}
    for names, packages, sink in rows:
        for name in names:
            table[name] = (*table.get(name, ()), MethodSink(packages, sink))
    return table


_HTTP_METHODS = ("get", "post", "put", "patch", "delete", "options", "head")

METHODS: dict[str, tuple[MethodSink, ...]] = _methods(
    ((*_HTTP_METHODS, "trace", "api_route", "add_api_route"), _FASTAPI, _FASTAPI_ROUTE),
    (("include_router",), _FASTAPI, Sink(Kind.ROUTE, "fastapi", None, mappings=("responses",))),
    (("errorhandler", "register_error_handler"), _FLASK, _FLASK_ERROR_HANDLER),
    (("app_errorhandler",), _FLASK, _BLUEPRINT_ERROR_HANDLER),
    (("exception_handler", "add_exception_handler"), _STARLETTE, _STARLETTE_ERROR_HANDLER),
    (
        ("set_status",),
        frozenset({"tornado"}),
        Sink(Kind.RESPONSE, "tornado", _status(0, "status_code")),
    ),
    (("set_status",), frozenset({"aiohttp"}), Sink(Kind.RESPONSE, "aiohttp", _status(0))),
    (
        ("send_error",),
        frozenset({"tornado"}),
        Sink(Kind.ABORT, "tornado", _status(0, "status_code"), default=500),
    ),
    (
        ("redirect",),
        frozenset({"tornado"}),
        Sink(Kind.REDIRECT, "tornado", _status(2), default=302, sets_headers=_LOCATION),
    ),
    # Django's SimpleTestCase assertions.
    (("assertContains",), _DJANGO, Sink(Kind.ASSERTION, "django", _status(3, "status_code"))),
    (("assertNotContains",), _DJANGO, Sink(Kind.ASSERTION, "django", _status(2, "status_code"))),
    (("assertRedirects",), _DJANGO, Sink(Kind.ASSERTION, "django", _status(2, "status_code"))),
    (
        ("assertRedirects",),
        _DJANGO,
        Sink(Kind.ASSERTION, "django", _status(3, "target_status_code")),
    ),
    (("get", "post", "put", "patch", "delete", "head"), _ANY, _WEBTEST),
    (("options",), _ANY, _WEBTEST_OPTIONS),
    (("post_json", "put_json", "patch_json", "delete_json"), _ANY, _WEBTEST_JSON),
)

# Modules whose classes name their status in a class attribute (not Starlette's HTTPException,
# whose __init__ sets status_code from its required argument), mapped to that attribute and,
# for modules that also hold other classes, a word the class name must contain.
STATUS_CLASS_MODULES: dict[str, tuple[str, str]] = {
    "rest_framework.exceptions": ("status_code", ""),
    "werkzeug.exceptions": ("code", ""),
    "aiohttp.web_exceptions": ("status_code", ""),
    "aiohttp.web": ("status_code", "HTTP"),
    "sanic.exceptions": ("status_code", ""),
    "sanic": ("status_code", ""),
    "litestar.exceptions": ("status_code", ""),
    "pyramid.httpexceptions": ("code", ""),
    "webob.exc": ("code", ""),
    "django.http": ("status_code", "HttpResponse"),
    "django.http.response": ("status_code", "HttpResponse"),
}


@dataclass(frozen=True)
class AddedHeaders:
    """Headers (lower case) a framework adds by itself to every response of a kind of view:
    the methods of classes deriving from `bases`, functions decorated with `decorators`."""

    headers: frozenset[str]
    bases: frozenset[str] = frozenset()
    decorators: frozenset[str] = frozenset()


VIEW_ADDED_HEADERS = (
    # DRF: APIView.finalize_response copies default_response_headers (Allow: the view's
    # methods) onto every response; @api_view makes a function such a view.
    AddedHeaders(
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
                    for name in (
                        "ViewSet",
                        "GenericViewSet",
                        "ReadOnlyModelViewSet",
                        "ModelViewSet",
                    )
                ),
            }
        ),
        decorators=frozenset({"rest_framework.decorators.api_view"}),
    ),
)

# Bases of class-based views whose methods return Flask-style `(body, status)` tuples.
VIEW_CLASSES = frozenset(
    {
        "flask.views.MethodView",
        "flask.views.View",
        "quart.views.MethodView",
        "quart.views.View",
        "flask_restful.Resource",
        "flask_restx.Resource",
    }
)
# Decorator methods that make a function a Flask/Quart view (or error handler) whose returned
# tuple carries a status.
VIEW_DECORATORS = frozenset(
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
VIEW_PACKAGES = frozenset({"flask", "quart"})

# Attributes that hold a response's status. The generic names are read as a status only on a
# receiver shown to be a response (receivers.py), and only with a value in 100-599.
STATUS_ATTRIBUTES = frozenset({"status_code", "status_int"})
GENERIC_STATUS_ATTRIBUTES = frozenset({"status", "code"})

# Top-level packages whose import makes a file "HTTP code" for the generic attributes above.
HTTP_PACKAGES = frozenset(
    {
        "aiohttp",
        "django",
        "falcon",
        "fastapi",
        "flask",
        "http",
        "httpx",
        "litestar",
        "pyramid",
        "quart",
        "requests",
        "rest_framework",
        "sanic",
        "starlette",
        "tornado",
        "urllib",
        "urllib3",
        "webob",
        "webtest",
        "werkzeug",
    }
)

# Codes an HTTP client invents for its own errors, which tests rightly compare against: Tornado's
# client reports timeouts and connection errors as 599.
CLIENT_CODES: dict[str, frozenset[int]] = {"tornado": frozenset({599})}

# unittest assertions that compare their first two arguments.
UNITTEST_COMPARISONS = frozenset(
    {"assertEqual", "assertEquals", "assertNotEqual", "assertNotEquals", "assertIn", "assertNotIn"}
)
