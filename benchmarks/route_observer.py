"""A pytest plugin that records, for each request an application's tests make through its
framework's test client, the route the framework matched, the method, the status it sent and
the test that made it: the ground truth `route_truth.py` holds the route map against.

It runs inside the application's own environment (where flake8-httpstatus is not installed),
so it imports nothing of this package:

    PYTHONPATH=/path/to/benchmarks python -m pytest -p route_observer \
        --route-observations=observed.jsonl [the app's test arguments]

Each observation is one JSON line, written when the response is sent, so a run that crashes
keeps what it saw: `framework`, `test` (the pytest node id), `caller` (`file:line` of the
innermost test-file frame that made the request), `method`, `path` (as requested), `route`
(the matched pattern as the framework writes it, `null` when nothing matched) and `status`.

Where the route is read:
- Django: the test client's response's `resolver_match.route` (`Client.request`,
  `AsyncClient.request`);
- Flask (and flask-restx, flask-restful on it): `request.url_rule.rule` while
  `Flask.finalize_request` runs, which every response, errors and 500s included, goes through;
- Starlette and FastAPI: the app given to `TestClient` or `httpx.ASGITransport` is wrapped;
  FastAPI's `APIRoute` puts itself in the request scope (`scope["route"]`; a plain Starlette
  route does not, and is then matched by the requested path); the status is the one in
  `http.response.start`.
"""

from __future__ import annotations

import functools
import importlib
import json
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

_state: dict[str, Any] = {"test": None, "out": None, "caller": None}

Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[dict[str, Any], Receive, Send], Awaitable[None]]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--route-observations",
        metavar="FILE",
        help="append one JSON line per test-client request (route, method, status, test)",
    )


def pytest_configure(config: pytest.Config) -> None:
    out = config.getoption("--route-observations")
    if not out:
        return
    _state["out"] = Path(out)
    for patch in (_patch_django, _patch_flask, _patch_starlette):
        try:
            patch()
        except ImportError:
            continue


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item: pytest.Item) -> Any:
    _state["test"] = item.nodeid
    yield
    _state["test"] = None


def _is_test_file(filename: str) -> bool:
    name = Path(filename).name
    return (
        "/tests/" in filename
        or "/test/" in filename
        or name.startswith("test_")
        or name.endswith("_test.py")
        or name in ("tests.py", "conftest.py")
    )


def _caller(frame: FrameType | None) -> str | None:
    """`file:line` of the innermost frame in a test file, outside installed packages."""
    while frame is not None:
        filename = frame.f_code.co_filename
        # A project's own test client subclass (CTFd's `CTFdTestClient.open`) is not the caller.
        client = type(frame.f_locals.get("self")).__name__.endswith("Client")
        if "site-packages" not in filename and _is_test_file(filename) and not client:
            return f"{filename}:{frame.f_lineno}"
        frame = frame.f_back
    return None


def _record(
    framework: str,
    method: str,
    path: str,
    route: str | None,
    status: int,
    caller: str | None = None,
) -> None:
    out: Path | None = _state["out"]
    if out is None:
        return
    caller = caller or _state["caller"] or _caller(sys._getframe(1))
    row = {
        "framework": framework,
        "test": _state["test"],
        "caller": caller,
        "method": method,
        "path": path,
        "route": route,
        "status": status,
    }
    with out.open("a", encoding="utf-8") as lines:
        lines.write(json.dumps(row) + "\n")


def _django_route(response: Any) -> str | None:
    try:
        match = response.resolver_match
        route = match.route
    except Exception:  # Resolver404: nothing matched
        return None
    return str(route) if route is not None else None


def _patch_django() -> None:
    client = importlib.import_module("django.test.client")

    def observe(response: Any) -> None:
        request = response.request
        _record(
            "django",
            str(request.get("REQUEST_METHOD", "GET")),
            str(request.get("PATH_INFO", "")),
            _django_route(response),
            int(response.status_code),
        )

    original = client.Client.request

    @functools.wraps(original)
    def request(self: Any, **request: Any) -> Any:
        response = original(self, **request)
        observe(response)
        return response

    client.Client.request = request

    async_original = client.AsyncClient.request

    @functools.wraps(async_original)
    async def async_request(self: Any, **request: Any) -> Any:
        response = await async_original(self, **request)
        observe(response)
        return response

    client.AsyncClient.request = async_request


def _patch_flask() -> None:
    flask = importlib.import_module("flask")
    original = flask.Flask.finalize_request

    @functools.wraps(original)
    def finalize_request(self: Any, rv: Any, from_error_handler: bool = False) -> Any:
        response = original(self, rv, from_error_handler)
        request = flask.request
        rule = request.url_rule
        _record(
            "flask",
            str(request.method),
            str(request.path),
            None if rule is None else str(rule.rule),
            int(response.status_code),
        )
        return response

    flask.Flask.finalize_request = finalize_request


def _route_of(scope: dict[str, Any]) -> str | None:
    route = scope.get("route")
    path = getattr(route, "path", None)
    if isinstance(path, str):
        return path
    return None


def _observed(app: ASGIApp) -> ASGIApp:
    if getattr(app, "_route_observer", False):
        return app

    async def observed(scope: dict[str, Any], receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await app(scope, receive, send)
            return
        caller = _state["caller"] or _caller(sys._getframe(1))
        sent: list[int] = []

        async def watch(message: Message) -> None:
            if message["type"] == "http.response.start":
                sent.append(int(message["status"]))
            await send(message)

        try:
            await app(scope, receive, watch)
        finally:
            if sent:
                route = _route_of(scope)
                _record("starlette", scope["method"], scope["path"], route, sent[0], caller)

    observed._route_observer = True  # type: ignore[attr-defined]
    return observed


def _patch_starlette() -> None:
    testclient = importlib.import_module("starlette.testclient")
    original_init = testclient.TestClient.__init__

    @functools.wraps(original_init)
    def init(self: Any, app: ASGIApp, *args: Any, **kwargs: Any) -> None:
        original_init(self, _observed(app), *args, **kwargs)

    testclient.TestClient.__init__ = init

    # The app runs in another thread under TestClient: the test's frame is taken here.
    original_request = testclient.TestClient.request

    @functools.wraps(original_request)
    def request(self: Any, *args: Any, **kwargs: Any) -> Any:
        _state["caller"] = _caller(sys._getframe(1))
        try:
            return original_request(self, *args, **kwargs)
        finally:
            _state["caller"] = None

    testclient.TestClient.request = request

    httpx = importlib.import_module("httpx")
    original_transport = httpx.ASGITransport.__init__

    @functools.wraps(original_transport)
    def transport(self: Any, app: ASGIApp, *args: Any, **kwargs: Any) -> None:
        original_transport(self, _observed(app), *args, **kwargs)

    httpx.ASGITransport.__init__ = transport
