"""How each framework declares routes, as data: the objects that hold routes, the decorators
and calls that declare them with their default status, how prefixes are joined, and the
statuses the framework sends by itself. `routes/` reads only the tables at the end.

Facts come from the installed packages (../shared/reference/routing.md) and are checked
against them in tests/test_routes.py.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class RouteHolder:
    """A class whose instances hold routes (an app, a router, a blueprint).

    `prefix`: the constructor keyword whose string goes in front of every route declared on it.
    `documented`: the keyword whose dict keys document statuses for all its routes.
    `dependencies`: the keyword listing dependencies run before each of its routes.
    """

    framework: str
    classes: tuple[str, ...]
    prefix: str | None = None
    documented: str | None = None
    dependencies: str | None = None


@dataclass(frozen=True)
class RouteDecorator:
    """A method of a route holder that declares a route: `@router.get(path, ...)`.

    `methods` None: the methods are read from the `methods=` keyword (`api_route`).
    `endpoint`: the endpoint's position for the call form (`add_api_route(path, endpoint)`);
    None for a decorator.
    """

    framework: str
    name: str
    methods: tuple[str, ...] | None
    path_keyword: str = "path"
    status: str | None = None
    documented: str | None = None
    dependencies: str | None = None
    endpoint: int | None = None


@dataclass(frozen=True)
class Include:
    """A method that mounts one holder's routes in another: `app.include_router(router,
    prefix="/api")`; the child is the first argument."""

    framework: str
    name: str
    prefix: str | None
    documented: str | None = None
    dependencies: str | None = None


@dataclass(frozen=True)
class ImplicitStatus:
    """A status the framework sends by itself; `when`: "always", or "parameters" (the route
    reads parameters or a body, which the framework validates); `documented`: the framework's
    OpenAPI document lists it on its own."""

    status: int
    reason: str
    when: str = "always"
    documented: bool = False


@dataclass(frozen=True)
class Framework:
    """What the route map needs to know about one framework."""

    name: str
    holders: tuple[RouteHolder, ...]
    decorators: tuple[RouteDecorator, ...]
    includes: tuple[Include, ...]
    default_status: int
    implicit: tuple[ImplicitStatus, ...]
    # Callables whose argument is a dependency (`Depends(get_user)`): its statuses are the route's.
    dependency_markers: tuple[str, ...] = ()
    # Method of a holder that registers an exception handler (`@app.exception_handler(Exc)`,
    # `app.add_exception_handler(Exc, handler)`).
    exception_handlers: tuple[str, ...] = ()
    # Parameter annotations the framework injects, which are not request parameters.
    injected: tuple[str, ...] = ()


_FASTAPI_METHODS = ("get", "post", "put", "patch", "delete", "options", "head", "trace")

FASTAPI = Framework(
    name="fastapi",
    holders=(
        RouteHolder(
            "fastapi",
            ("fastapi.FastAPI", "fastapi.applications.FastAPI"),
            documented="responses",
            dependencies="dependencies",
        ),
        RouteHolder(
            "fastapi",
            ("fastapi.APIRouter", "fastapi.routing.APIRouter"),
            prefix="prefix",
            documented="responses",
            dependencies="dependencies",
        ),
    ),
    decorators=(
        *(
            RouteDecorator(
                "fastapi",
                method,
                (method.upper(),),
                status="status_code",
                documented="responses",
                dependencies="dependencies",
            )
            for method in _FASTAPI_METHODS
        ),
        RouteDecorator(
            "fastapi",
            "api_route",
            None,
            status="status_code",
            documented="responses",
            dependencies="dependencies",
        ),
        RouteDecorator(
            "fastapi",
            "add_api_route",
            None,
            status="status_code",
            documented="responses",
            dependencies="dependencies",
            endpoint=1,
        ),
    ),
    includes=(
        Include(
            "fastapi",
            "include_router",
            "prefix",
            documented="responses",
            dependencies="dependencies",
        ),
    ),
    default_status=200,
    implicit=(
        ImplicitStatus(422, "request validation", "parameters", documented=True),
        ImplicitStatus(405, "method not allowed"),
        ImplicitStatus(500, "unhandled exception"),
    ),
    dependency_markers=("fastapi.Depends", "fastapi.Security", "fastapi.params.Depends"),
    exception_handlers=("exception_handler", "add_exception_handler"),
    injected=(
        "Request",
        "Response",
        "WebSocket",
        "BackgroundTasks",
        "SecurityScopes",
        "HTTPConnection",
    ),
)

FRAMEWORKS: tuple[Framework, ...] = (FASTAPI,)

# -- Tables routes/ reads ------------------------------------------------------------------------
# A holder class's qualified name -> (framework, holder).
HOLDER_CLASSES: dict[str, tuple[Framework, RouteHolder]] = {
    cls: (framework, holder)
    for framework in FRAMEWORKS
    for holder in framework.holders
    for cls in holder.classes
}
# Per framework: the method name -> how it declares a route, or includes another holder.
DECORATORS: dict[str, dict[str, RouteDecorator]] = {
    framework.name: {decorator.name: decorator for decorator in framework.decorators}
    for framework in FRAMEWORKS
}
INCLUDES: dict[str, dict[str, Include]] = {
    framework.name: {include.name: include for include in framework.includes}
    for framework in FRAMEWORKS
}
DEPENDENCY_MARKERS = frozenset(
    marker for framework in FRAMEWORKS for marker in framework.dependency_markers
)
