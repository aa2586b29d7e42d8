"""Every row of the framework tables agrees with the real, installed package's signature."""

from __future__ import annotations

import ast
import enum
import importlib
import inspect
import sys
import warnings
from http import HTTPStatus
from pathlib import Path
from typing import Any

import pytest

from flake8_httpstatus.knowledge.frameworks import (
    CALLS,
    HOLDERS,
    LIBRARIES,
    METHODS,
    STATUS_CLASS_MODULES,
    Kind,
    Param,
    Sink,
)


def _configure_django() -> None:
    """django-ninja, drf-spectacular and drf-yasg import Django settings at import time."""
    try:
        import django  # type: ignore[import-untyped]
        from django.conf import settings  # type: ignore[import-untyped]
    except ImportError:
        return
    if not settings.configured:
        settings.configure(
            INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"]
        )
        django.setup()


_configure_django()

# The full positional parameter list of callables whose signature hides it behind *args.
_THROUGH_ARGS = {
    # HttpResponse(content=b'', *args, **kwargs) passes *args to HttpResponseBase(content_type,
    # status, reason, charset, headers).
    "django.http.HttpResponse": (
        "content",
        "content_type",
        "status",
        "reason",
        "charset",
        "headers",
    ),
    "django.http.StreamingHttpResponse": (
        "streaming_content",
        "content_type",
        "status",
        "reason",
        "charset",
        "headers",
    ),
    "django.http.FileResponse": ("file", "content_type", "status", "reason", "charset", "headers"),
    # make_response(*args) takes what a view may return: (body, status, headers).
    "flask.make_response": ("response", "status", "headers"),
    "flask.helpers.make_response": ("response", "status", "headers"),
    "quart.make_response": ("response", "status", "headers"),
    # Namespace.abort(*args, **kwargs) forwards to flask_restx.abort(code, message).
    "flask_restx.Namespace.abort": ("code", "message"),
    # ORJSONResponse(*args, **kwargs) forwards to JSONResponse(content, status_code, headers).
    "fastapi.responses.ORJSONResponse": ("content", "status_code", "headers"),
    "fastapi.responses.UJSONResponse": ("content", "status_code", "headers"),
}


def _resolve(qualified: str) -> Any:
    parts = qualified.split(".")
    # Attributes first: `connexion.problem` is both a module and the function it exports.
    for split in (*range(len(parts) - 1, 0, -1), len(parts)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                obj: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for attr in parts[split:]:
                obj = getattr(obj, attr)
        except AttributeError:
            # A submodule no other test has imported yet (`rest_framework.status`): import it.
            continue
        return obj
    raise ImportError(qualified)


def _stub_signature(obj: Any) -> inspect.Signature:
    """A compiled (Cython) class's `__init__` as its .pyi stub declares it (BlackSheep)."""
    module = sys.modules[obj.__module__]
    compiled = Path(module.__file__ or "")
    stub = compiled.parent / (compiled.name.partition(".")[0] + ".pyi")
    if stub.is_file():
        for node in ast.parse(stub.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef) and node.name == obj.__name__:
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name == "__init__":
                        args = item.args
                        return inspect.Signature(
                            [
                                *(
                                    inspect.Parameter(
                                        a.arg, inspect.Parameter.POSITIONAL_OR_KEYWORD
                                    )
                                    for a in args.args
                                ),
                                *(
                                    inspect.Parameter(a.arg, inspect.Parameter.KEYWORD_ONLY)
                                    for a in args.kwonlyargs
                                ),
                            ]
                        )
    raise AssertionError(f"no signature nor stub for {obj!r}")


def _signature(obj: Any) -> inspect.Signature:
    if isinstance(obj, type) and issubclass(obj, dict) and hasattr(obj, "__annotations__"):
        # A TypedDict (asgiref's ASGI events) is called with its keys as keywords.
        return inspect.Signature(
            [inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY) for key in obj.__annotations__]
        )
    try:
        return inspect.signature(obj)
    except ValueError:
        return _stub_signature(obj)


def _positional(signature: inspect.Signature) -> list[str]:
    return [
        p.name
        for p in signature.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


def _check_param(qualified: str, obj: Any, param: Param, what: str) -> None:
    signature = _signature(obj)
    params = signature.parameters
    has_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
    positional = _positional(signature)
    if positional[:1] == ["self"]:
        positional = positional[1:]
    through = next((names for name, names in _THROUGH_ARGS.items() if _resolve(name) is obj), None)
    if param.keyword is not None:
        assert param.keyword in params or has_kwargs, f"{qualified}: no {what} {param.keyword!r}"
    if param.position is not None:
        names = list(through) if through is not None else positional
        assert param.position < len(names), f"{qualified}: {what} @{param.position} missing"
        if param.keyword is not None:
            assert names[param.position] == param.keyword, (
                f"{qualified}: {what} @{param.position} is {names[param.position]!r}"
            )
    elif param.keyword is not None and param.keyword in params:
        kind = params[param.keyword].kind
        if kind is not inspect.Parameter.KEYWORD_ONLY:
            # Keyword-only in our table although positional in the package: only allowed
            # where the position changed between versions (Django's redirects) or lies past
            # the fourth argument, which code passes by keyword (Robyn's routes).
            index = positional.index(param.keyword) if param.keyword in positional else 0
            assert "Redirect" in qualified or index >= 4, (
                f"{qualified}: {param.keyword} is positional"
            )


def _package(qualified: str) -> str:
    return qualified.partition(".")[0]


@pytest.mark.parametrize("qualified", sorted(CALLS))
def test_call_row_matches_signature(qualified: str) -> None:
    pytest.importorskip(_package(qualified))
    sink: Sink = CALLS[qualified]
    obj = _resolve(qualified)
    if sink.status is not None:
        for param in (sink.status, *sink.also):
            _check_param(qualified, obj, param, "status")
    for body in sink.body:
        _check_param(qualified, obj, body, "body")
    if sink.headers is not None:
        _check_param(qualified, obj, sink.headers, "headers")
    params = _signature(obj).parameters
    for mapping in sink.mappings:
        assert mapping in params, f"{qualified}: no mapping parameter {mapping!r}"


_METHOD_OWNERS = {
    ("tornado", "set_status"): "tornado.web.RequestHandler.set_status",
    ("tornado", "send_error"): "tornado.web.RequestHandler.send_error",
    ("tornado", "redirect"): "tornado.web.RequestHandler.redirect",
    ("aiohttp", "set_status"): "aiohttp.web.StreamResponse.set_status",
    ("flask", "errorhandler"): "flask.Flask.errorhandler",
    ("flask", "app_errorhandler"): "flask.Blueprint.app_errorhandler",
    ("flask", "register_error_handler"): "flask.Flask.register_error_handler",
    ("flask", "abort"): "flask_restx.Namespace.abort",
    ("starlette", "exception_handler"): "fastapi.FastAPI.exception_handler",
    (
        "starlette",
        "add_exception_handler",
    ): "starlette.applications.Starlette.add_exception_handler",
    ("fastapi", "include_router"): "fastapi.FastAPI.include_router",
    ("django", "assertContains"): "django.test.SimpleTestCase.assertContains",
    ("django", "assertNotContains"): "django.test.SimpleTestCase.assertNotContains",
    ("django", "assertRedirects"): "django.test.SimpleTestCase.assertRedirects",
    ("ninja", "create_response"): "ninja.NinjaAPI.create_response",
    ("bottle", "error"): "bottle.Bottle.error",
    ("emmett", "on_error"): "emmett.App.on_error",
    ("connexion", "add_error_handler"): "connexion.AsyncApp.add_error_handler",
    ("blacksheep", "exception_handler"): "blacksheep.Application.exception_handler",
    ("playwright", "fulfill"): "playwright.sync_api.Route.fulfill",
}
# Where the other method rows live, by framework: the class whose method the row reads.
_METHOD_CLASSES = {
    "fastapi": "fastapi.APIRouter",
    "webtest": "webtest.TestApp",
    "ninja": "ninja.Router",
    "powertools": "aws_lambda_powertools.event_handler.api_gateway.Router",
    "robyn": "robyn.Robyn",
    "blacksheep": "blacksheep.server.controllers.Controller",
    "apiflask": "apiflask.APIBlueprint",
    "flask-restx": "flask_restx.Namespace",
    "flask-smorest": "flask_smorest.Blueprint",
    "responses": "responses.RequestsMock",
    "requests-mock": "requests_mock.Mocker",
    "respx": "respx.Route",
    "pytest-httpx": "pytest_httpx.HTTPXMock",
    "aioresponses": "aioresponses.aioresponses",
    "pytest-httpserver": "pytest_httpserver.RequestHandler",
}
# Method rows that name no real method of their class (WebTest's rows share generic names
# with other libraries' rows and are owned by those).
_NOT_METHODS = {("webtest", "trace"), ("webtest", "api_route"), ("webtest", "add_api_route")}


def _method_rows() -> list[tuple[str, str, Sink]]:
    rows = []
    for name, methods in METHODS.items():
        for method in methods:
            framework = method.sink.framework
            owner = _METHOD_OWNERS.get((framework, name))
            if owner is None:
                owner = f"{_METHOD_CLASSES[framework]}.{name}"
            rows.append((owner, name, method.sink))
    return rows


@pytest.mark.parametrize(
    ("owner", "name", "sink"), _method_rows(), ids=[f"{o}" for o, _, _ in _method_rows()]
)
def test_method_row_matches_signature(owner: str, name: str, sink: Sink) -> None:
    pytest.importorskip(_package(owner))
    obj = _resolve(owner)
    if sink.status is not None:
        for param in (sink.status, *sink.also):
            _check_param(owner, obj, param, "status")
    params = _signature(obj).parameters
    has_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
    for mapping in sink.mappings:
        assert mapping in params or has_kwargs, f"{owner}: no mapping parameter {mapping!r}"


@pytest.mark.parametrize("module", sorted(STATUS_CLASS_MODULES))
def test_status_class_modules_hold_status_classes(module: str) -> None:
    pytest.importorskip(_package(module))
    attribute, hint = STATUS_CLASS_MODULES[module]
    mod = importlib.import_module(module)
    classes = [
        value
        for name, value in vars(mod).items()
        if issubclass(type(value), type) and name[:1].isupper() and hint in name
    ]
    with_status = [
        cls for cls in classes if isinstance(inspect.getattr_static(cls, attribute, None), int)
    ]
    assert with_status, f"no class in {module} has an int {attribute!r}"


def test_werkzeug_codes_are_its_default_exceptions() -> None:
    exceptions = pytest.importorskip("werkzeug.exceptions")
    from flake8_httpstatus.knowledge.frameworks import WERKZEUG_CODES

    assert frozenset(exceptions.default_exceptions) == WERKZEUG_CODES


def test_pyramid_codes_are_its_status_map() -> None:
    httpexceptions = pytest.importorskip("pyramid.httpexceptions")
    from flake8_httpstatus.knowledge.frameworks import PYRAMID_CODES

    assert frozenset(httpexceptions.status_map) == PYRAMID_CODES


def _library_modules() -> list[tuple[str, str]]:
    return [(library.name, module) for library in LIBRARIES for module in library.modules]


def _sink_objects() -> dict[int, str]:
    """The real object behind every call row that resolves here, by identity."""
    objects = {}
    for qualified in CALLS:
        try:
            objects[id(_resolve(qualified))] = qualified
        except (ImportError, AttributeError):
            continue
    return objects


@pytest.mark.parametrize(("library", "module"), _library_modules())
def test_every_reexport_of_a_sink_is_a_row(library: str, module: str) -> None:
    """A sink re-exported by another public module (`rest_framework.views.Response`) is
    resolved like the original: the table must list the name under that module too."""
    pytest.importorskip(_package(module))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        mod = importlib.import_module(module)
    objects = _sink_objects()
    missing = [
        f"{module}.{name} (= {objects[id(value)]})"
        for name, value in vars(mod).items()
        if not name.startswith("_") and id(value) in objects and f"{module}.{name}" not in CALLS
    ]
    assert not missing, f"re-exported sinks missing from CALLS: {missing}"


@pytest.mark.parametrize("qualified", sorted(CALLS))
def test_every_sink_is_listed_where_it_is_defined(qualified: str) -> None:
    """The module an object says it comes from (`__module__`) is where imports of the
    defining module reach it: that name must be a row too."""
    pytest.importorskip(_package(qualified))
    obj = _resolve(qualified)
    module = getattr(obj, "__module__", None)
    name = getattr(obj, "__qualname__", None)
    if not module or not name or module == "builtins" or "<" in name or "." in name:
        return  # partials, methods and compiled classes have no importable home
    if module.partition(".")[0] != _package(qualified):
        return  # another package's object (requests.adapters.Retry is urllib3's)
    assert f"{module}.{name}" in CALLS, f"{qualified} is defined as {module}.{name}"


# Spellings read because code writes them, though the attribute is gone (Python 3.11+).
_GONE_HOLDERS = {"http.client.HTTPStatus"}


@pytest.mark.parametrize("holder", sorted(set(HOLDERS) - _GONE_HOLDERS))
def test_holders_exist(holder: str) -> None:
    pytest.importorskip(_package(holder))
    _resolve(holder)


def test_responses_add_callback_takes_the_callback_third() -> None:
    """The engine reads `add_callback`'s callback by keyword or at position 2 (after method, url),
    on the module-level function and on a RequestsMock."""
    responses = pytest.importorskip("responses")
    for add_callback in (responses.add_callback, responses.RequestsMock().add_callback):
        parameters = list(inspect.signature(add_callback).parameters)
        assert parameters[:3] == ["method", "url", "callback"]


# -- rows that say the callable makes the status an int ---------------------------------------
# Arguments the callables require besides the status, by parameter name.
_REQUIRED: dict[str, object] = {
    "redirect_to": "/elsewhere",
    "location": "/elsewhere",
    "data": {},
    "streaming_content": [],
    "template": "page.html",
    "request": None,
    "response": "",
    "path": "/",
    "endpoint": lambda: None,
}


def _kept_enums(obj: object, depth: int = 0) -> list[str]:
    """The `IntEnum` members an object keeps in its attributes, a few levels down."""
    if depth > 2:
        return []
    if isinstance(obj, dict):
        values = list(obj.values())
    elif isinstance(obj, list | tuple):
        values = list(obj)
    else:
        values = list(getattr(obj, "__dict__", {}).values())
    found = []
    for value in values:
        if isinstance(value, enum.Enum):
            found.append(repr(value))
        elif not callable(value) and not isinstance(value, str | bytes | int | float | None):
            found.extend(_kept_enums(value, depth + 1))
    return found


def _status_read_back(obj: object, code: int) -> bool:
    """Whether the object gives the status back as a plain int."""
    values = [getattr(obj, name, None) for name in ("status_code", "status", "code")]
    return any(type(value) is int and value == code for value in values)


def _call_with(obj: Any, sink: Sink, status: HTTPStatus) -> object:
    """The result of calling `obj` with `status` where the row says, and the arguments it
    requires; an exception it raises (abort) is the result."""
    assert sink.status is not None
    assert sink.status.keyword is not None
    kwargs: dict[str, object] = {sink.status.keyword: status}
    for name, param in _signature(obj).parameters.items():
        required = param.default is param.empty and param.kind in (
            param.POSITIONAL_OR_KEYWORD,
            param.KEYWORD_ONLY,
        )
        if required and name not in kwargs and name in _REQUIRED:
            kwargs[name] = _REQUIRED[name]
    try:
        return obj(**kwargs)
    except Exception as error:  # abort() raises the response it makes
        return error


def _status_for(sink: Sink) -> HTTPStatus:
    return HTTPStatus.SEE_OTHER if sink.kind is Kind.REDIRECT else HTTPStatus.NOT_FOUND


@pytest.mark.parametrize("qualified", sorted(q for q, sink in CALLS.items() if sink.makes_int))
def test_a_call_that_makes_the_status_an_int_does(qualified: str) -> None:
    """What makes naming the literal a safe fix there: the installed callable keeps no
    `HTTPStatus` member, and gives the status back as an int."""
    pytest.importorskip(_package(qualified))
    sink = CALLS[qualified]
    status = _status_for(sink)
    made = _call_with(_resolve(qualified), sink, status)
    assert not _kept_enums(made), f"{qualified} keeps {_kept_enums(made)}"
    assert _status_read_back(made, status.value), f"{qualified} gives no int status back"


def _error_handlers(owner: str, name: str, status: HTTPStatus) -> dict[Any, Any]:
    """The handlers by code a Flask app keeps once one is registered for `status`."""
    import flask

    cls = _resolve(owner.rpartition(".")[0])
    handler = _REQUIRED["endpoint"]
    app = flask.Flask(__name__)
    blueprint = cls("b", __name__) if issubclass(cls, flask.Blueprint) else None
    registrar: Any = blueprint if blueprint is not None else app
    if name == "register_error_handler":
        getattr(registrar, name)(status, handler)
    else:
        getattr(registrar, name)(status)(handler)
    if blueprint is not None:
        app.register_blueprint(blueprint)
    handlers: dict[Any, Any] = app.error_handler_spec[None]
    return handlers


_ROUTE_ROWS = [row for row in _method_rows() if row[2].makes_int and row[2].kind is Kind.ROUTE]
_HANDLER_ROWS = [
    row for row in _method_rows() if row[2].makes_int and row[2].kind is Kind.ERROR_HANDLER
]


@pytest.mark.parametrize(
    ("owner", "name", "sink"), _HANDLER_ROWS, ids=[r[0] for r in _HANDLER_ROWS]
)
def test_an_error_handler_registration_that_makes_the_status_an_int_does(
    owner: str, name: str, sink: Sink
) -> None:
    """`@app.errorhandler(404)`: the app keeps its handlers keyed by the int."""
    pytest.importorskip(_package(owner))
    handlers = _error_handlers(owner, name, HTTPStatus.NOT_FOUND)
    assert [type(code) for code in handlers] == [int], handlers


def test_every_method_row_that_makes_the_status_an_int_is_checked() -> None:
    checked = {(owner, name) for owner, name, _ in (*_ROUTE_ROWS, *_HANDLER_ROWS)}
    rows = {(owner, name) for owner, name, sink in _method_rows() if sink.makes_int}
    assert rows
    assert rows == checked


@pytest.mark.parametrize(("owner", "name", "sink"), _ROUTE_ROWS, ids=[r[0] for r in _ROUTE_ROWS])
def test_a_route_that_makes_the_status_an_int_does(owner: str, name: str, sink: Sink) -> None:
    """A route decorator's `status_code=`: the route the app keeps has it as an int."""
    pytest.importorskip(_package(owner))
    app = _resolve(owner.rpartition(".")[0])()  # FastAPI(), APIRouter()
    method = getattr(app, name)
    status = HTTPStatus.CREATED
    made = _call_with(method, sink, status)
    if name != "add_api_route":
        assert callable(made), made
        made(_REQUIRED["endpoint"])  # the decorator adds the route
    route = app.routes[-1]
    assert not _kept_enums(route), f"{owner} keeps {_kept_enums(route)}"
    assert _status_read_back(route, status.value)


def test_the_status_classes_that_keep_an_enum_are_not_rows_that_make_it_an_int() -> None:
    """The check can fail: Starlette's Response keeps the member as given."""
    pytest.importorskip("starlette")
    sink = CALLS["starlette.responses.Response"]
    made = _call_with(_resolve("starlette.responses.Response"), sink, HTTPStatus.NOT_FOUND)
    assert _kept_enums(made) == ["<HTTPStatus.NOT_FOUND: 404>"]
    assert not sink.makes_int


def _flask_view_response(package: str, status: HTTPStatus) -> object:
    """How each framework that reads BODY_STATUS tuples turns a view's tuple into a response."""
    if package == "quart":
        import asyncio

        import quart

        quart_app = quart.Quart(__name__)

        async def made() -> object:
            async with quart_app.app_context():
                return await quart_app.make_response(("body", status))

        return asyncio.run(made())
    import flask

    app = flask.Flask(__name__)
    with app.test_request_context():
        if package == "flask":
            return app.make_response(("body", status))
        api = importlib.import_module(package).Api(app)  # flask_restful, flask_restx
        return api.make_response({}, status)


@pytest.mark.parametrize("package", ["flask", "quart", "flask_restful", "flask_restx"])
def test_a_view_layout_that_makes_the_status_an_int_does(package: str) -> None:
    """The Flask record's views (Flask, Quart, Flask-RESTful and RESTX resources) return
    `(body, status)`: the response made of it keeps the status as an int."""
    pytest.importorskip(package)
    views = [views for library in LIBRARIES if library.name == "flask" for views in library.views]
    assert all(view.layout.makes_int for view in views)
    made = _flask_view_response(package, HTTPStatus.CREATED)
    assert not _kept_enums(made), f"{package} keeps {_kept_enums(made)}"
    assert _status_read_back(made, 201)


def test_only_checked_view_layouts_make_the_status_an_int() -> None:
    checked = {"flask"}
    for library in LIBRARIES:
        for views in library.views:
            assert not views.layout.makes_int or library.name in checked, library.name


@pytest.mark.parametrize("name", ["errorhandler", "register_error_handler"])
def test_quarts_error_handlers_share_the_flask_rows_and_make_the_status_an_int_too(
    name: str,
) -> None:
    """The Flask rows apply in Quart files (`method_packages`): Quart registers as Flask does."""
    quart = pytest.importorskip("quart")
    app = quart.Quart(__name__)
    handler = _REQUIRED["endpoint"]
    if name == "register_error_handler":
        app.register_error_handler(HTTPStatus.NOT_FOUND, handler)
    else:
        app.errorhandler(HTTPStatus.NOT_FOUND)(handler)
    assert [type(code) for code in app.error_handler_spec[None]] == [int]


def _defaulted_rows() -> list[tuple[str, Sink]]:
    """Every row with a default status (HS406), by the callable the signature is read from."""
    rows = [(qualified, sink) for qualified, sink in CALLS.items()]
    rows += [(owner, sink) for owner, _, sink in _method_rows()]
    return sorted(
        ((name, sink) for name, sink in rows if sink.default is not None and sink.status),
        key=lambda row: row[0],
    )


@pytest.mark.parametrize(
    ("qualified", "sink"), _defaulted_rows(), ids=[name for name, _ in _defaulted_rows()]
)
def test_a_default_status_is_the_signature_default(qualified: str, sink: Sink) -> None:
    """HS406 drops an argument equal to `default`: the installed signature must make that
    parameter optional (a required one dropped breaks the call), and an int default there
    must be the row's. Routes whose default lives in the framework's logic (a decorator's
    `status_code=None`) only need the parameter to be optional."""
    pytest.importorskip(_package(qualified))
    obj = _resolve(qualified)
    param = sink.status
    assert param is not None
    params = _signature(obj).parameters
    if param.keyword is None or param.keyword not in params:
        return  # through **kwargs or *args (Django's HttpResponse): `_check_param`'s rows
    found = params[param.keyword]
    assert found.default is not inspect.Parameter.empty, f"{qualified}: {found} is required"
    if isinstance(found.default, int) and not isinstance(found.default, bool):
        assert found.default == sink.default, f"{qualified}: {found} is not {sink.default}"
