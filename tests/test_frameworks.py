"""Every row of the framework tables agrees with the real, installed package's signature."""

from __future__ import annotations

import importlib
import inspect
import warnings
from typing import Any

import pytest

from flake8_httpstatus.frameworks import CALLS, METHODS, STATUS_CLASS_MODULES, Param, Sink

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
    # ORJSONResponse(*args, **kwargs) forwards to JSONResponse(content, status_code, headers).
    "fastapi.responses.ORJSONResponse": ("content", "status_code", "headers"),
    "fastapi.responses.UJSONResponse": ("content", "status_code", "headers"),
}


def _resolve(qualified: str) -> Any:
    parts = qualified.split(".")
    for split in range(len(parts) - 1, 0, -1):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                obj: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        for attr in parts[split:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(qualified)


def _positional(signature: inspect.Signature) -> list[str]:
    return [
        p.name
        for p in signature.parameters.values()
        if p.kind in (p.POSITIONAL_ONLY, p.POSITIONAL_OR_KEYWORD)
    ]


def _check_param(qualified: str, obj: Any, param: Param, what: str) -> None:
    signature = inspect.signature(obj)
    params = signature.parameters
    has_kwargs = any(p.kind is p.VAR_KEYWORD for p in params.values())
    positional = _positional(signature)
    if positional[:1] == ["self"]:
        positional = positional[1:]
    through = _THROUGH_ARGS.get(qualified.replace(".response.", "."))
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
            # where the position changed between versions (Django's redirects).
            assert "Redirect" in qualified, f"{qualified}: {param.keyword} is positional"


def _package(qualified: str) -> str:
    return qualified.partition(".")[0]


@pytest.mark.parametrize("qualified", sorted(CALLS))
def test_call_row_matches_signature(qualified: str) -> None:
    pytest.importorskip(_package(qualified))
    sink: Sink = CALLS[qualified]
    obj = _resolve(qualified)
    if sink.status is not None:
        _check_param(qualified, obj, sink.status, "status")
    for body in sink.body:
        _check_param(qualified, obj, body, "body")
    if sink.headers is not None:
        _check_param(qualified, obj, sink.headers, "headers")
    params = inspect.signature(obj).parameters
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
    ("starlette", "exception_handler"): "fastapi.FastAPI.exception_handler",
    (
        "starlette",
        "add_exception_handler",
    ): "starlette.applications.Starlette.add_exception_handler",
    ("fastapi", "include_router"): "fastapi.FastAPI.include_router",
    ("django", "assertContains"): "django.test.SimpleTestCase.assertContains",
    ("django", "assertNotContains"): "django.test.SimpleTestCase.assertNotContains",
    ("django", "assertRedirects"): "django.test.SimpleTestCase.assertRedirects",
}
_ROUTE_METHODS = (
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "options",
    "head",
    "trace",
    "api_route",
    "add_api_route",
)
_WEBTEST_METHODS = (
    "get",
    "post",
    "put",
    "patch",
    "delete",
    "head",
    "options",
    "post_json",
    "put_json",
    "patch_json",
    "delete_json",
)


def _method_rows() -> list[tuple[str, str, Sink]]:
    rows = []
    for name, methods in METHODS.items():
        for method in methods:
            framework = method.sink.framework
            if framework == "fastapi" and name in _ROUTE_METHODS:
                owner = f"fastapi.APIRouter.{name}"
            elif framework == "webtest":
                if name not in _WEBTEST_METHODS:
                    continue
                owner = f"webtest.TestApp.{name}"
            else:
                owner = _METHOD_OWNERS[(framework, name)]
            rows.append((owner, name, method.sink))
    return rows


@pytest.mark.parametrize(
    ("owner", "name", "sink"), _method_rows(), ids=[f"{o}" for o, _, _ in _method_rows()]
)
def test_method_row_matches_signature(owner: str, name: str, sink: Sink) -> None:
    pytest.importorskip(_package(owner))
    obj = _resolve(owner)
    if sink.status is not None:
        _check_param(owner, obj, sink.status, "status")
    params = inspect.signature(obj).parameters
    for mapping in sink.mappings:
        assert mapping in params, f"{owner}: no mapping parameter {mapping!r}"


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
    from flake8_httpstatus.frameworks import WERKZEUG_CODES

    assert frozenset(exceptions.default_exceptions) == WERKZEUG_CODES


def test_pyramid_codes_are_its_status_map() -> None:
    httpexceptions = pytest.importorskip("pyramid.httpexceptions")
    from flake8_httpstatus.frameworks import PYRAMID_CODES

    assert frozenset(httpexceptions.status_map) == PYRAMID_CODES
