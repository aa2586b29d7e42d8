"""How each framework declares routes, as data: the objects that hold routes, the decorators
and calls that declare them with their default status, how prefixes are joined, and the
statuses the framework sends by itself. `routes/` reads only the tables at the end.

Facts come from the installed packages (../shared/reference/routing.md) and are checked
against them in tests/test_routes.py.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from flake8_httpstatus.knowledge.openapi import EXCEPTION_STATUS as EXCEPTION_STATUSES_DOCUMENTED


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
    # The position of the name that prefixes its routes' endpoint names (a Blueprint's), and
    # what joins it to them.
    name: int | None = None
    joiner: str = "."
    # The keyword naming it, and its name when not given (ninja's `urls_namespace`, by
    # default `api-1.0.0`).
    name_keyword: str = "name"
    default_name: str = ""
    # The prefix's position when it is not given by keyword (Starlette's `Mount("/api", ...)`);
    # `prefix_from_name`: without one, `/` and the name is the prefix (flask-restx's Namespace).
    prefix_position: int | None = None
    prefix_from_name: bool = False
    # The keyword (or position) holding a list of route entries (`Starlette(routes=[...])`,
    # Tornado's `Application([(r"/x", Handler)])`), and the one holding an app mounted whole
    # (`Mount("/sub", app=sub)`).
    routes: str | None = None
    routes_position: int | None = None
    mounted: str | None = None
    # The argument naming the app or blueprint it attaches to (flask-restful's `Api(app)`).
    parent: int | None = None
    # The attribute through which routes are declared on it (aiohttp's `app.router.add_get`).
    router: str | None = None
    # The keyword mapping exception classes to their handlers (`exception_handlers={...}`).
    handlers: str | None = None
    # A base class whose subclasses hold the routes their methods declare, their class
    # attributes being their settings (Litestar's `Controller` with `path = "/items"`).
    controller: bool = False
    # The keyword of a version that goes first in its routes' paths as `/v{version}` (Sanic).
    version: str | None = None
    # Its positional arguments are holders it mounts (Sanic's `Blueprint.group(a, b)`).
    members: bool = False
    # The keyword of a function the framework calls with the holder itself
    # (`FastAPI(lifespan=lifespan)`): what it does to its first parameter, it does to the holder.
    given_to: str | None = None


@dataclass(frozen=True)
class RouteDecorator:
    """A method of a route holder that declares a route: `@router.get(path, ...)`.

    `methods` None: the methods are read from the `methods=` keyword (`api_route`), GET
    without it.
    `endpoint`: the view's position for the call form (`add_api_route(path, endpoint)`), with
    its keyword `view`; None for a decorator.
    `name`: the keyword naming the route (for reversing it), the function's name without it.
    `extra`: a keyword whose dict's `"responses"` key documents more (FastAPI's
    `openapi_extra`).
    """

    framework: str
    name: str
    methods: tuple[str, ...] | None
    path_keyword: str = "path"
    status: str | None = None
    documented: str | None = None
    dependencies: str | None = None
    endpoint: int | None = None
    view: str = "endpoint"
    route_name: str = "name"
    extra: str | None = None
    # Where the path is when not by keyword; `more_paths`: every positional argument from there
    # on is a path (flask-restx's `@ns.route("/a", "/b")`, `add_resource(Resource, "/a", "/b")`).
    path_position: int = 0
    more_paths: bool = False
    # The keyword whose string ends each responder's name (Falcon's `suffix=`: `on_get_list`).
    suffix: str | None = None
    # The keyword or position of the methods, when not `methods=` (aiohttp's
    # `add_route("GET", path, handler)`), and the method that means any (`*`).
    methods_keyword: str = "methods"
    methods_position: int | None = None
    version: str | None = None


@dataclass(frozen=True)
class Include:
    """A method that mounts one holder's routes in another: `app.include_router(router,
    prefix="/api")`; the child is the first argument."""

    framework: str
    name: str
    prefix: str | None
    documented: str | None = None
    dependencies: str | None = None
    # The include's prefix replaces the child's own (Flask's `register_blueprint(url_prefix=)`)
    # instead of going in front of it.
    replaces_prefix: bool = False
    # Where the child and the prefix are when not first and by keyword (`app.mount("/sub", sub)`,
    # ninja's `api.add_router("/v1", router)`).
    child: int = 0
    prefix_position: int | None = None
    child_keyword: str | None = None


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
    # The framework's own API documentation lists each route's success status.
    documents_success: bool = False
    # Callables whose argument is a dependency (`Depends(get_user)`): its statuses are the route's.
    dependency_markers: tuple[str, ...] = ()
    # Method of a holder that registers an exception handler (`@app.exception_handler(Exc)`,
    # `app.add_exception_handler(Exc, handler)`), or of its member (`error_handler.add`).
    exception_handlers: tuple[str, ...] = ()
    # Methods of a holder that register a hook run before each of its routes (Flask's
    # `@bp.before_request`), and those that register one run before every route of the app it
    # is mounted in (`@bp.before_app_request`): what the hook sends, each route can send.
    request_hooks: tuple[str, ...] = ()
    app_request_hooks: tuple[str, ...] = ()
    # Parameter annotations the framework injects, which are not request parameters.
    injected: tuple[str, ...] = ()
    # Where a view's returned tuple holds the status (`return body, 201`), for the modules
    # importing one of `packages`.
    tuple_status: int | None = None
    packages: tuple[str, ...] = ()
    # A class view answers each method with its method of this name (Falcon's `on_{method}`).
    responder: str = "{method}"
    # The default success status by method, first match wins (Litestar: POST 201, DELETE 204).
    status_by_method: tuple[tuple[str, int], ...] = ()
    # Calls that declare one route inside a list of routes (Starlette's `Route(path, endpoint)`,
    # aiohttp's `web.get(path, handler)`), by qualified name; `name` is the callable's.
    entries: tuple[RouteDecorator, ...] = ()
    # A list's `(path, handler)` tuple is a route (Tornado's handler lists); a module's list
    # of such tuples whose handlers derive from one of `handler_bases` is read even when the
    # map does not see it given to an app (jupyter_server's `default_handlers`).
    tuple_entries: bool = False
    handler_bases: tuple[str, ...] = ()
    # Methods of a holder that make a holder of the named class (flask-restx's
    # `api.namespace("todos")`).
    factories: tuple[tuple[str, str], ...] = ()
    # How a class view's default route name is made from the class name: as it is
    # ("class"), lowercased ("lower"), or CamelCase to snake_case ("snake").
    class_name: str = "class"
    # Decorators that make a function a route handler by themselves, listed later in a holder
    # (Litestar's `@get("/x")`), by qualified name; `name` is the decorator's.
    handlers: tuple[RouteDecorator, ...] = ()
    # The path's pieces are joined with one `/` and no trailing one (Litestar's `join_paths`).
    joins_paths: bool = False
    # The route's documented statuses are its `documented=` dict's keys; one key is also its
    # success status; without a dict, the default status is documented (ninja's `response=`).
    success_from_documented: bool = False
    # Parameter names the framework passes by itself, whatever their annotation (ninja's
    # `request`).
    reserved: tuple[str, ...] = ()
    # A route's default name: the handler's name ("function"), its `module.qualname`
    # (Litestar: "qualified"), or none ("none": aiohttp, Falcon, Tornado).
    default_name: str = "function"
    # A path parameter written otherwise than `{name}` or `<converter:name>`: a regex whose
    # first group is the name (Sanic's `<name:type>`); `regex_paths`: paths are regexes
    # (Tornado), read as Django's `re_path`.
    parameter: str | None = None
    regex_paths: bool = False
    # Decorators of the handler that set its success status, by method name with the
    # position of their status (also `status_code=`): flask-smorest's `@blp.response(201)`.
    success_decorators: tuple[tuple[str, int], ...] = ()


_FASTAPI_METHODS = ("get", "post", "put", "patch", "delete", "options", "head", "trace")

FASTAPI = Framework(
    name="fastapi",
    holders=(
        RouteHolder(
            "fastapi",
            ("fastapi.FastAPI", "fastapi.applications.FastAPI"),
            documented="responses",
            dependencies="dependencies",
            given_to="lifespan",
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
                extra="openapi_extra",
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
            extra="openapi_extra",
        ),
        RouteDecorator(
            "fastapi",
            "add_api_route",
            None,
            status="status_code",
            documented="responses",
            dependencies="dependencies",
            endpoint=1,
            extra="openapi_extra",
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
        Include("fastapi", "mount", "path", child=1, prefix_position=0, child_keyword="app"),
    ),
    default_status=200,
    documents_success=True,
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

_FLASK_METHODS = ("get", "post", "put", "patch", "delete")

FLASK = Framework(
    name="flask",
    holders=(
        RouteHolder("flask", ("flask.Flask", "flask.app.Flask", "quart.Quart", "quart.app.Quart")),
        RouteHolder(
            "flask",
            ("flask.Blueprint", "flask.blueprints.Blueprint", "quart.Blueprint"),
            prefix="url_prefix",
            name=0,
        ),
    ),
    decorators=(
        RouteDecorator("flask", "route", None, path_keyword="rule", route_name="endpoint"),
        *(
            RouteDecorator(
                "flask", method, (method.upper(),), path_keyword="rule", route_name="endpoint"
            )
            for method in _FLASK_METHODS
        ),
        RouteDecorator(
            "flask",
            "add_url_rule",
            None,
            path_keyword="rule",
            endpoint=2,
            view="view_func",
            route_name="endpoint",
        ),
    ),
    includes=(Include("flask", "register_blueprint", "url_prefix", replaces_prefix=True),),
    default_status=200,
    implicit=(
        ImplicitStatus(405, "method not allowed"),
        ImplicitStatus(500, "unhandled exception"),
    ),
    exception_handlers=("errorhandler", "app_errorhandler", "register_error_handler"),
    request_hooks=("before_request",),
    app_request_hooks=("before_app_request",),
    tuple_status=1,
    packages=("flask", "quart"),
)


# flask-smorest and APIFlask: Flask blueprints (and APIFlask's app) whose `route` also takes
# a MethodView class; smorest's blueprints are registered on its `Api(app)`
# [S: flask_smorest.Api.register_blueprint, flask_smorest.Blueprint.route,
# apiflask.APIFlask, apiflask.APIBlueprint].
def _flask_like(
    name: str, holders: tuple[RouteHolder, ...], packages: tuple[str, ...], success: tuple[str, int]
) -> Framework:
    """Flask's rows under another name; `success`: the decorator setting the success status."""
    return replace(
        FLASK,
        name=name,
        holders=holders,
        decorators=tuple(replace(row, framework=name) for row in FLASK.decorators),
        includes=tuple(replace(row, framework=name) for row in FLASK.includes),
        packages=packages,
        success_decorators=(success,),
    )


FLASK_SMOREST = _flask_like(
    "flask-smorest",
    (
        RouteHolder("flask-smorest", ("flask_smorest.Api",), parent=0),
        RouteHolder(
            "flask-smorest",
            ("flask_smorest.Blueprint", "flask_smorest.blueprint.Blueprint"),
            prefix="url_prefix",
            name=0,
        ),
    ),
    ("flask_smorest",),
    ("response", 0),
)
APIFLASK = _flask_like(
    "apiflask",
    (
        RouteHolder("apiflask", ("apiflask.APIFlask", "apiflask.app.APIFlask")),
        RouteHolder(
            "apiflask",
            ("apiflask.APIBlueprint", "apiflask.blueprint.APIBlueprint"),
            prefix="url_prefix",
            name=0,
        ),
    ),
    ("apiflask",),
    ("output", 1),
)

# Starlette: route lists (`Starlette(routes=[Route(...), Mount(...)])`), `Mount` with its
# routes or a whole app, class endpoints (`HTTPEndpoint`) [S: starlette.routing].
STARLETTE = Framework(
    name="starlette",
    holders=(
        RouteHolder(
            "starlette",
            ("starlette.applications.Starlette", "starlette.Starlette"),
            routes="routes",
            given_to="lifespan",
        ),
        RouteHolder("starlette", ("starlette.routing.Router",), routes="routes"),
        RouteHolder(
            "starlette",
            ("starlette.routing.Mount",),
            prefix="path",
            prefix_position=0,
            routes="routes",
            mounted="app",
            name=3,
            joiner=":",
        ),
    ),
    decorators=(RouteDecorator("starlette", "add_route", None, endpoint=1, view="route"),),
    includes=(
        Include("starlette", "mount", "path", child=1, prefix_position=0, child_keyword="app"),
    ),
    default_status=200,
    implicit=(
        ImplicitStatus(405, "method not allowed"),
        ImplicitStatus(500, "unhandled exception"),
    ),
    exception_handlers=("add_exception_handler",),
    entries=(RouteDecorator("starlette", "starlette.routing.Route", None, endpoint=1),),
)

# Flask-RESTX and Flask-RESTful: `Resource` classes whose methods answer their HTTP method,
# added by `api.add_resource(Resource, *urls)` or `@ns.route(*urls)`; an `Api` attaches to the
# app or blueprint it is given; a flask-restx `Namespace` is `/{name}` unless given a `path`
# [S: flask_restx.api.Api.ns_urls, Namespace.path; flask_restful.Api._complete_url].
_RESOURCE_DECORATORS = (
    RouteDecorator(
        "flask-restx", "route", None, route_name="endpoint", more_paths=True, path_keyword=""
    ),
    RouteDecorator(
        "flask-restx",
        "add_resource",
        None,
        endpoint=0,
        view="resource",
        route_name="endpoint",
        path_position=1,
        more_paths=True,
        path_keyword="",
    ),
)
FLASK_RESTX = Framework(
    name="flask-restx",
    holders=(
        RouteHolder(
            "flask-restx", ("flask_restx.Api", "flask_restx.api.Api"), prefix="prefix", parent=0
        ),
        RouteHolder(
            "flask-restx",
            ("flask_restx.Namespace", "flask_restx.namespace.Namespace"),
            prefix="path",
            prefix_from_name=True,
            name=0,
            joiner="_",
        ),
    ),
    decorators=_RESOURCE_DECORATORS,
    includes=(
        Include("flask-restx", "add_namespace", "path", replaces_prefix=True, prefix_position=1),
    ),
    default_status=200,
    implicit=FLASK.implicit,
    exception_handlers=("errorhandler",),
    tuple_status=1,
    packages=("flask_restx",),
    factories=(("namespace", "flask_restx.Namespace"),),
    class_name="snake",
)
FLASK_RESTFUL = Framework(
    name="flask-restful",
    holders=(
        RouteHolder(
            "flask-restful",
            ("flask_restful.Api", "flask_restful.__init__.Api"),
            prefix="prefix",
            parent=0,
        ),
    ),
    decorators=_RESOURCE_DECORATORS[1:],
    includes=(),
    default_status=200,
    implicit=FLASK.implicit,
    tuple_status=1,
    packages=("flask_restful",),
    class_name="lower",
)

# Litestar: handler decorators (`@get("/x")`) on functions and on `Controller` methods, listed
# in `Litestar(route_handlers=[...])` and `Router(path=, route_handlers=[...])`; the default
# success status is 201 for a POST, 204 for a DELETE, else 200 [S: litestar.handlers.
# http_handlers._utils.get_default_status_code]; 400 for invalid parameters or body.
_LITESTAR_MODULES = (
    "litestar",
    "litestar.handlers",
    "litestar.handlers.http_handlers",
    "litestar.handlers.http_handlers.decorators",
)


def _litestar_handler(
    name: str, methods: tuple[str, ...] | None, methods_keyword: str = "methods"
) -> RouteDecorator:
    return RouteDecorator(
        "litestar",
        name,
        methods,
        status="status_code",
        documented="responses",
        methods_keyword=methods_keyword,
    )


LITESTAR = Framework(
    name="litestar",
    holders=(
        RouteHolder(
            "litestar",
            ("litestar.Litestar", "litestar.app.Litestar"),
            routes="route_handlers",
            routes_position=0,
            handlers="exception_handlers",
        ),
        RouteHolder(
            "litestar",
            ("litestar.Router", "litestar.router.Router"),
            prefix="path",
            prefix_position=0,
            routes="route_handlers",
            handlers="exception_handlers",
        ),
        RouteHolder(
            "litestar",
            ("litestar.Controller", "litestar.controller.Controller"),
            prefix="path",
            handlers="exception_handlers",
            controller=True,
        ),
    ),
    decorators=(),
    includes=(Include("litestar", "register", None),),
    default_status=200,
    status_by_method=(("POST", 201), ("DELETE", 204)),
    documents_success=True,
    implicit=(
        ImplicitStatus(400, "request validation", "parameters", documented=True),
        ImplicitStatus(405, "method not allowed"),
        ImplicitStatus(500, "unhandled exception"),
    ),
    injected=("Request", "State", "Scope", "WebSocket"),
    handlers=(
        *(
            _litestar_handler(f"{module}.{method}", (method.upper(),))
            for module in _LITESTAR_MODULES
            for method in ("get", "post", "put", "patch", "delete", "head")
        ),
        *(
            _litestar_handler(f"{module}.route", None, "http_method")
            for module in _LITESTAR_MODULES
        ),
    ),
    joins_paths=True,
    default_name="qualified",
)

_SERVER_IMPLICIT = (
    ImplicitStatus(405, "method not allowed"),
    ImplicitStatus(500, "unhandled exception"),
)

# Sanic: `@app.get(uri)`, `app.add_route(handler, uri)`, `Blueprint(name, url_prefix=,
# version=)`, `Blueprint.group(a, b, url_prefix=, version=)` and `app.blueprint(...)`, whose
# `url_prefix` replaces the blueprint's own; `/v{version}` goes first; a route's name is
# `app.blueprint.handler`; no trailing slash unless `strict_slashes` [S: sanic.blueprints.
# Blueprint.register, sanic.mixins.routes].
_SANIC_METHODS = ("get", "post", "put", "patch", "delete", "head", "options")
SANIC = Framework(
    name="sanic",
    holders=(
        RouteHolder("sanic", ("sanic.Sanic", "sanic.app.Sanic"), name=0),
        RouteHolder(
            "sanic",
            ("sanic.Blueprint", "sanic.blueprints.Blueprint"),
            prefix="url_prefix",
            name=0,
            version="version",
        ),
        RouteHolder(
            "sanic",
            (
                "sanic.Blueprint.group",
                "sanic.blueprints.Blueprint.group",
                "sanic.BlueprintGroup",
                "sanic.blueprint_group.BlueprintGroup",
            ),
            prefix="url_prefix",
            version="version",
            members=True,
        ),
    ),
    decorators=(
        RouteDecorator("sanic", "route", None, path_keyword="uri", version="version"),
        *(
            RouteDecorator(
                "sanic", method, (method.upper(),), path_keyword="uri", version="version"
            )
            for method in _SANIC_METHODS
        ),
        RouteDecorator(
            "sanic",
            "add_route",
            None,
            path_keyword="uri",
            path_position=1,
            endpoint=0,
            view="handler",
            version="version",
        ),
    ),
    includes=(Include("sanic", "blueprint", "url_prefix", replaces_prefix=True),),
    default_status=200,
    implicit=_SERVER_IMPLICIT,
    # `@app.exception(Exc)`, and `app.error_handler.add(Exc, handler)` on the app's member
    # [S: sanic.handlers.ErrorHandler.add].
    exception_handlers=("exception", "error_handler.add"),
    joins_paths=True,
    parameter=r"<([a-zA-Z_][a-zA-Z0-9_]*)(?::[^<>]*)?>",
)

# aiohttp: `RouteTableDef` decorators and `app.add_routes(...)`, `app.router.add_get(...)`,
# `web.get(...)` in a list, `web.View` classes, `app.add_subapp(prefix, app)`; a route has no
# name unless given [S: aiohttp.web_routedef, aiohttp.web_urldispatcher.UrlDispatcher].
_AIOHTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options")
AIOHTTP = Framework(
    name="aiohttp",
    holders=(
        RouteHolder(
            "aiohttp", ("aiohttp.web.Application", "aiohttp.web_app.Application"), router="router"
        ),
        RouteHolder("aiohttp", ("aiohttp.web.RouteTableDef", "aiohttp.web_routedef.RouteTableDef")),
    ),
    decorators=(
        *(RouteDecorator("aiohttp", method, (method.upper(),)) for method in _AIOHTTP_METHODS),
        RouteDecorator("aiohttp", "view", None),
        RouteDecorator("aiohttp", "route", None, methods_position=0, path_position=1),
        *(
            RouteDecorator(
                "aiohttp", f"add_{method}", (method.upper(),), endpoint=1, view="handler"
            )
            for method in _AIOHTTP_METHODS
        ),
        RouteDecorator("aiohttp", "add_view", None, endpoint=1, view="handler"),
        RouteDecorator(
            "aiohttp",
            "add_route",
            None,
            endpoint=2,
            view="handler",
            methods_keyword="method",
            methods_position=0,
            path_position=1,
        ),
    ),
    includes=(
        Include("aiohttp", "add_routes", None),
        Include(
            "aiohttp", "add_subapp", "prefix", child=1, prefix_position=0, child_keyword="subapp"
        ),
    ),
    default_status=200,
    implicit=_SERVER_IMPLICIT,
    # `{name:regex}`, the regex holding braces of its own (`{year:\d{4}}`).
    parameter=r"\{([a-zA-Z_][a-zA-Z0-9_]*):(?:[^{}]|\{[^{}]*\})*\}",
    entries=(
        *(
            RouteDecorator(
                "aiohttp", f"{module}.{method}", (method.upper(),), endpoint=1, view="handler"
            )
            for module in ("aiohttp.web", "aiohttp.web_routedef")
            for method in _AIOHTTP_METHODS
        ),
        *(
            RouteDecorator("aiohttp", f"{module}.view", None, endpoint=1, view="handler")
            for module in ("aiohttp.web", "aiohttp.web_routedef")
        ),
        *(
            RouteDecorator(
                "aiohttp",
                f"{module}.route",
                None,
                endpoint=2,
                view="handler",
                methods_keyword="method",
                methods_position=0,
                path_position=1,
            )
            for module in ("aiohttp.web", "aiohttp.web_routedef")
        ),
    ),
    default_name="none",
)

# Falcon: `app.add_route(uri_template, resource, suffix=None)`; a resource answers a method
# with its `on_get` (`on_get_{suffix}`) [S: falcon.routing.util.map_http_methods].
FALCON = Framework(
    name="falcon",
    holders=(
        RouteHolder(
            "falcon",
            (
                "falcon.App",
                "falcon.app.App",
                "falcon.asgi.App",
                "falcon.asgi.app.App",
                "falcon.API",
            ),
        ),
    ),
    decorators=(
        RouteDecorator(
            "falcon",
            "add_route",
            None,
            path_keyword="uri_template",
            endpoint=1,
            view="resource",
            suffix="suffix",
        ),
    ),
    includes=(),
    default_status=200,
    implicit=_SERVER_IMPLICIT,
    exception_handlers=("add_error_handler",),
    responder="on_{method}",
    default_name="none",
    # `{name:converter}`, with the converter's arguments (`{x:int(min=1)}`).
    parameter=r"\{([a-zA-Z_][a-zA-Z0-9_]*):[^{}]*\}",
)

# Tornado: `Application([(regex, Handler), url(regex, Handler, name=)])` and
# `app.add_handlers(host, [...])`; the handler class's `get`/`post`... answer its methods
# [S: tornado.web.Application, tornado.routing.URLSpec].
TORNADO = Framework(
    name="tornado",
    holders=(
        RouteHolder(
            "tornado",
            ("tornado.web.Application",),
            routes="handlers",
            routes_position=0,
        ),
    ),
    decorators=(),
    includes=(Include("tornado", "add_handlers", None, child=1),),
    default_status=200,
    implicit=_SERVER_IMPLICIT,
    entries=tuple(
        RouteDecorator("tornado", name, None, path_keyword="pattern", endpoint=1, view="handler")
        for name in ("tornado.web.url", "tornado.web.URLSpec", "tornado.routing.URLSpec")
    ),
    tuple_entries=True,
    handler_bases=("tornado.web.RequestHandler",),
    default_name="none",
    regex_paths=True,
)

# django-ninja: `NinjaAPI` and `Router` decorators, `add_router(prefix, router)`, mounted in
# Django's URLs as `path("api/", api.urls)`; `response=` documents its keys (one key is the
# success status); 422 for invalid input, not documented; names in the `api-1.0.0` namespace
# [S: ninja.main.NinjaAPI.urls, ninja.operation.Operation; ../shared/reference/routing.md 1.6].
_NINJA_METHODS = ("get", "post", "put", "patch", "delete")
NINJA = Framework(
    name="ninja",
    holders=(
        RouteHolder(
            "ninja",
            ("ninja.NinjaAPI", "ninja.main.NinjaAPI"),
            name_keyword="urls_namespace",
            default_name="api-1.0.0",
            joiner=":",
        ),
        RouteHolder("ninja", ("ninja.Router", "ninja.router.Router")),
    ),
    decorators=(
        *(
            RouteDecorator(
                "ninja", method, (method.upper(),), documented="response", route_name="url_name"
            )
            for method in _NINJA_METHODS
        ),
        RouteDecorator(
            "ninja",
            "api_operation",
            None,
            documented="response",
            route_name="url_name",
            methods_position=0,
            path_position=1,
        ),
    ),
    includes=(
        Include(
            "ninja", "add_router", "prefix", child=1, prefix_position=0, child_keyword="router"
        ),
    ),
    default_status=200,
    implicit=(
        ImplicitStatus(422, "request validation", "parameters"),
        ImplicitStatus(405, "method not allowed"),
        ImplicitStatus(500, "unhandled exception"),
    ),
    exception_handlers=("exception_handler", "add_exception_handler"),
    injected=("HttpRequest",),
    tuple_status=0,
    packages=("ninja",),
    parameter=r"\{(?:[a-zA-Z_][a-zA-Z0-9_]*:)?([a-zA-Z_][a-zA-Z0-9_]*)\}",
    success_from_documented=True,
    reserved=("request",),
)

FRAMEWORKS: tuple[Framework, ...] = (
    FASTAPI,
    FLASK,
    FLASK_SMOREST,
    APIFLASK,
    STARLETTE,
    FLASK_RESTX,
    FLASK_RESTFUL,
    LITESTAR,
    SANIC,
    AIOHTTP,
    FALCON,
    TORNADO,
    NINJA,
)

# Exceptions whose class names their status, by qualified name: werkzeug's (which Flask and
# Quart raise), with the rows HS501 already reads for DRF, Django and Litestar.
WERKZEUG_EXCEPTIONS: dict[str, int] = {
    f"werkzeug.exceptions.{name}": code
    for name, code in (
        ("BadRequest", 400),
        ("Unauthorized", 401),
        ("Forbidden", 403),
        ("NotFound", 404),
        ("MethodNotAllowed", 405),
        ("NotAcceptable", 406),
        ("RequestTimeout", 408),
        ("Conflict", 409),
        ("Gone", 410),
        ("LengthRequired", 411),
        ("PreconditionFailed", 412),
        ("RequestEntityTooLarge", 413),
        ("RequestURITooLarge", 414),
        ("UnsupportedMediaType", 415),
        ("RequestedRangeNotSatisfiable", 416),
        ("ExpectationFailed", 417),
        ("ImATeapot", 418),
        ("UnprocessableEntity", 422),
        ("Locked", 423),
        ("FailedDependency", 424),
        ("PreconditionRequired", 428),
        ("TooManyRequests", 429),
        ("RequestHeaderFieldsTooLarge", 431),
        ("UnavailableForLegalReasons", 451),
        ("InternalServerError", 500),
        ("NotImplemented", 501),
        ("BadGateway", 502),
        ("ServiceUnavailable", 503),
        ("GatewayTimeout", 504),
        ("HTTPVersionNotSupported", 505),
    )
}
# Sanic's, aiohttp's and Falcon's exception classes, each with its class's status (checked
# against the installed packages in tests/test_routes.py); `sanic` re-exports some of its own.
_SANIC_TOP_LEVEL = frozenset(
    {
        "BadRequest",
        "Unauthorized",
        "Forbidden",
        "NotFound",
        "FileNotFound",
        "MethodNotAllowed",
        "RangeNotSatisfiable",
        "ExpectationFailed",
        "ServerError",
        "InternalServerError",
        "ServiceUnavailable",
    }
)
SANIC_EXCEPTIONS: dict[str, int] = {
    f"{module}.{name}": code
    for module in ("sanic.exceptions", "sanic")
    for name, code in (
        ("BadRequest", 400),
        ("InvalidUsage", 400),
        ("Unauthorized", 401),
        ("Forbidden", 403),
        ("NotFound", 404),
        ("FileNotFound", 404),
        ("MethodNotAllowed", 405),
        ("MethodNotSupported", 405),
        ("RequestTimeout", 408),
        ("PayloadTooLarge", 413),
        ("URITooLong", 414),
        ("RangeNotSatisfiable", 416),
        ("ExpectationFailed", 417),
        ("ServerError", 500),
        ("InternalServerError", 500),
        ("ServiceUnavailable", 503),
    )
    if module == "sanic.exceptions" or name in _SANIC_TOP_LEVEL
}
AIOHTTP_EXCEPTIONS: dict[str, int] = {
    f"{module}.{name}": code
    for module in ("aiohttp.web", "aiohttp.web_exceptions")
    for name, code in (
        ("HTTPOk", 200),
        ("HTTPCreated", 201),
        ("HTTPAccepted", 202),
        ("HTTPNoContent", 204),
        ("HTTPMovedPermanently", 301),
        ("HTTPFound", 302),
        ("HTTPSeeOther", 303),
        ("HTTPNotModified", 304),
        ("HTTPTemporaryRedirect", 307),
        ("HTTPPermanentRedirect", 308),
        ("HTTPBadRequest", 400),
        ("HTTPUnauthorized", 401),
        ("HTTPPaymentRequired", 402),
        ("HTTPForbidden", 403),
        ("HTTPNotFound", 404),
        ("HTTPMethodNotAllowed", 405),
        ("HTTPNotAcceptable", 406),
        ("HTTPRequestTimeout", 408),
        ("HTTPConflict", 409),
        ("HTTPGone", 410),
        ("HTTPLengthRequired", 411),
        ("HTTPPreconditionFailed", 412),
        ("HTTPRequestEntityTooLarge", 413),
        ("HTTPRequestURITooLong", 414),
        ("HTTPUnsupportedMediaType", 415),
        ("HTTPRequestRangeNotSatisfiable", 416),
        ("HTTPExpectationFailed", 417),
        ("HTTPMisdirectedRequest", 421),
        ("HTTPUnprocessableEntity", 422),
        ("HTTPFailedDependency", 424),
        ("HTTPUpgradeRequired", 426),
        ("HTTPPreconditionRequired", 428),
        ("HTTPTooManyRequests", 429),
        ("HTTPRequestHeaderFieldsTooLarge", 431),
        ("HTTPUnavailableForLegalReasons", 451),
        ("HTTPInternalServerError", 500),
        ("HTTPNotImplemented", 501),
        ("HTTPBadGateway", 502),
        ("HTTPServiceUnavailable", 503),
        ("HTTPGatewayTimeout", 504),
    )
}
FALCON_EXCEPTIONS: dict[str, int] = {
    f"{module}.{name}": code
    for module in ("falcon", "falcon.errors")
    for name, code in (
        ("HTTPBadRequest", 400),
        ("HTTPMissingHeader", 400),
        ("HTTPMissingParam", 400),
        ("HTTPInvalidHeader", 400),
        ("HTTPInvalidParam", 400),
        ("HTTPUnauthorized", 401),
        ("HTTPForbidden", 403),
        ("HTTPNotFound", 404),
        ("HTTPRouteNotFound", 404),
        ("HTTPMethodNotAllowed", 405),
        ("HTTPNotAcceptable", 406),
        ("HTTPConflict", 409),
        ("HTTPGone", 410),
        ("HTTPLengthRequired", 411),
        ("HTTPPreconditionFailed", 412),
        ("HTTPContentTooLarge", 413),
        ("HTTPUriTooLong", 414),
        ("HTTPUnsupportedMediaType", 415),
        ("HTTPRangeNotSatisfiable", 416),
        ("HTTPUnprocessableEntity", 422),
        ("HTTPLocked", 423),
        ("HTTPFailedDependency", 424),
        ("HTTPPreconditionRequired", 428),
        ("HTTPTooManyRequests", 429),
        ("HTTPRequestHeaderFieldsTooLarge", 431),
        ("HTTPUnavailableForLegalReasons", 451),
        ("HTTPInternalServerError", 500),
        ("HTTPNotImplemented", 501),
        ("HTTPBadGateway", 502),
        ("HTTPServiceUnavailable", 503),
        ("HTTPGatewayTimeout", 504),
        ("HTTPVersionNotSupported", 505),
    )
}
EXCEPTION_STATUS: dict[str, int] = {
    **EXCEPTION_STATUSES_DOCUMENTED,
    **WERKZEUG_EXCEPTIONS,
    **SANIC_EXCEPTIONS,
    **AIOHTTP_EXCEPTIONS,
    **FALCON_EXCEPTIONS,
}

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
# Top-level package -> where that framework's views return their status in a tuple.
TUPLE_STATUS: dict[str, int] = {
    package: framework.tuple_status
    for framework in FRAMEWORKS
    if framework.tuple_status is not None
    for package in framework.packages
}
# A callable declaring one route in a list of routes -> (framework, how).
ENTRIES: dict[str, tuple[Framework, RouteDecorator]] = {
    entry.name: (framework, entry) for framework in FRAMEWORKS for entry in framework.entries
}
# A decorator making a route handler by itself -> (framework, how).
HANDLERS: dict[str, tuple[Framework, RouteDecorator]] = {
    handler.name: (framework, handler) for framework in FRAMEWORKS for handler in framework.handlers
}
DEPENDENCY_MARKERS = frozenset(
    marker for framework in FRAMEWORKS for marker in framework.dependency_markers
)


# -- Django and Django REST framework ------------------------------------------------------------
@dataclass(frozen=True)
class ViewsetAction:
    """A viewset action a DRF router maps to a URL: `detail` ones take the lookup
    (`users/{pk}/`). `implicit`: what the mixin that implements it sends by itself."""

    name: str
    method: str
    detail: bool
    status: int
    implicit: tuple[ImplicitStatus, ...] = ()


_INVALID = ImplicitStatus(400, "serializer validation (is_valid(raise_exception=True))")
_NO_OBJECT = ImplicitStatus(404, "no such object (get_object)")

# In the order SimpleRouter.routes lists them [S: rest_framework.routers, rest_framework.mixins].
VIEWSET_ACTIONS: tuple[ViewsetAction, ...] = (
    ViewsetAction("list", "GET", False, 200),
    ViewsetAction("create", "POST", False, 201, (_INVALID,)),
    ViewsetAction("retrieve", "GET", True, 200, (_NO_OBJECT,)),
    ViewsetAction("update", "PUT", True, 200, (_INVALID, _NO_OBJECT)),
    ViewsetAction("partial_update", "PATCH", True, 200, (_INVALID, _NO_OBJECT)),
    ViewsetAction("destroy", "DELETE", True, 204, (_NO_OBJECT,)),
)
# The actions each DRF class implements, by qualified name.
_MIXINS = {
    "rest_framework.mixins.ListModelMixin": ("list",),
    "rest_framework.mixins.CreateModelMixin": ("create",),
    "rest_framework.mixins.RetrieveModelMixin": ("retrieve",),
    "rest_framework.mixins.UpdateModelMixin": ("update", "partial_update"),
    "rest_framework.mixins.DestroyModelMixin": ("destroy",),
}
VIEWSET_CLASS_ACTIONS: dict[str, tuple[str, ...]] = {
    **_MIXINS,
    "rest_framework.viewsets.ModelViewSet": tuple(action.name for action in VIEWSET_ACTIONS),
    "rest_framework.viewsets.ReadOnlyModelViewSet": ("list", "retrieve"),
}
VIEWSET_BASES = frozenset(
    {
        "rest_framework.viewsets.ViewSet",
        "rest_framework.viewsets.GenericViewSet",
        "rest_framework.viewsets.ViewSetMixin",
        *VIEWSET_CLASS_ACTIONS,
    }
)
DRF_ROUTERS = frozenset(
    {
        "rest_framework.routers.SimpleRouter",
        "rest_framework.routers.DefaultRouter",
    }
)
DRF_ACTION = frozenset({"rest_framework.decorators.action"})
DRF_API_VIEW = frozenset({"rest_framework.decorators.api_view"})
# DRF permission checks [S: rest_framework.views.APIView.permission_denied, handle_exception,
# get_authenticate_header; rest_framework.settings.DEFAULTS]: a permission class refusing sends
# 403, or 401 when the request is unauthenticated and the first authentication class gives a
# `WWW-Authenticate` header.
DRF_PERMISSION_DECORATOR = frozenset({"rest_framework.decorators.permission_classes"})
DRF_AUTHENTICATION_DECORATOR = frozenset({"rest_framework.decorators.authentication_classes"})
DRF_ALLOW_ANY = frozenset({"rest_framework.permissions.AllowAny"})
DRF_DEFAULT_AUTHENTICATION: tuple[str, ...] = (
    "rest_framework.authentication.SessionAuthentication",
    "rest_framework.authentication.BasicAuthentication",
)
# The authentication classes whose `authenticate_header` gives a header.
DRF_AUTHENTICATE_HEADER = frozenset(
    {
        "rest_framework.authentication.BasicAuthentication",
        "rest_framework.authentication.TokenAuthentication",
    }
)
DRF_NOT_AUTHENTICATED = 401
DRF_PERMISSION_DENIED = 403
# `path(route, view, kwargs=None, name=None)` and its regex forms.
DJANGO_PATHS = frozenset({"django.urls.path", "django.urls.conf.path"})
DJANGO_REGEX_PATHS = frozenset(
    {"django.urls.re_path", "django.urls.conf.re_path", "django.conf.urls.url"}
)
DJANGO_INCLUDE = frozenset({"django.urls.include", "django.urls.conf.include"})
# Calls that raise Http404 [S: django.shortcuts].
RAISING_CALLS: dict[str, int] = {
    "django.shortcuts.get_object_or_404": 404,
    "django.shortcuts.get_list_or_404": 404,
    "rest_framework.generics.get_object_or_404": 404,
}


@dataclass(frozen=True)
class FixedStatus:
    """A framework callable or view decorator that sends one status, chosen by which of its
    `flags` keywords are given as a literal `True` (`redirect(to, permanent=True)` is 301)."""

    statuses: dict[frozenset[str], int]
    flags: tuple[str, ...] = ()


_NO_FLAG: frozenset[str] = frozenset()
_LOGIN_REDIRECT = FixedStatus({_NO_FLAG: 302})
_NOT_ALLOWED = FixedStatus({_NO_FLAG: 405})
# Framework helpers a view calls whose response has a fixed status [S: django.shortcuts.redirect,
# HttpResponseRedirect 302 / 307, HttpResponsePermanentRedirect 301 / 308].
FIXED_STATUS_CALLS: dict[str, FixedStatus] = {
    "django.shortcuts.redirect": FixedStatus(
        {
            _NO_FLAG: 302,
            frozenset({"permanent"}): 301,
            frozenset({"preserve_request"}): 307,
            frozenset({"permanent", "preserve_request"}): 308,
        },
        ("permanent", "preserve_request"),
    ),
}
# Flask-SQLAlchemy's methods that abort with 404 when nothing is found, on its `Query`
# (`Note.query.filter_by(...).first_or_404()`) and its `SQLAlchemy` object
# (`db.get_or_404(Note, id)`) [S: flask_sqlalchemy.query.Query, flask_sqlalchemy.SQLAlchemy],
# read in projects that import flask_sqlalchemy.
FLASK_SQLALCHEMY_404 = frozenset({"first_or_404", "get_or_404", "one_or_404"})
FLASK_SQLALCHEMY = "flask_sqlalchemy"
# View decorators that answer before the view runs [S: django.contrib.auth.decorators (a
# redirect to the login page; `permission_required(raise_exception=True)` raises
# PermissionDenied), django.views.decorators.http (HttpResponseNotAllowed)].
VIEW_DECORATORS: dict[str, FixedStatus] = {
    "django.contrib.auth.decorators.login_required": _LOGIN_REDIRECT,
    "django.contrib.auth.decorators.user_passes_test": _LOGIN_REDIRECT,
    "django.contrib.auth.decorators.permission_required": FixedStatus(
        {_NO_FLAG: 302, frozenset({"raise_exception"}): 403}, ("raise_exception",)
    ),
    "django.views.decorators.http.require_http_methods": _NOT_ALLOWED,
    "django.views.decorators.http.require_GET": _NOT_ALLOWED,
    "django.views.decorators.http.require_POST": _NOT_ALLOWED,
    "django.views.decorators.http.require_safe": _NOT_ALLOWED,
}
HTTP_METHODS = ("get", "post", "put", "patch", "delete", "head", "options", "trace")
DJANGO_IMPLICIT = (
    ImplicitStatus(404, "no route matched, or a path converter failed"),
    ImplicitStatus(500, "unhandled exception"),
)
# A class-based view answers 405 for the methods it does not define.
CLASS_VIEW_IMPLICIT = ImplicitStatus(405, "method not allowed")


# -- Test clients --------------------------------------------------------------------------------
# A test client's request methods, by name, with the HTTP method each sends (section 3 of
# ../shared/reference/routing.md: Starlette/FastAPI, httpx, Flask, Django, DRF, ninja, Litestar,
# Sanic and Falcon clients).
TEST_CLIENT_METHODS: dict[str, str] = {
    **{method: method.upper() for method in HTTP_METHODS},
    **{f"simulate_{method}": method.upper() for method in HTTP_METHODS},
}
# Test requests whose HTTP method is a keyword, GET without it, sent by the test case itself
# (Tornado's `AsyncHTTPTestCase.fetch(path, method="DELETE")`).
TEST_FETCH_METHODS: dict[str, str] = {"fetch": "method"}
# A receiver named like a test client: `client`, `self.client`, `api_client`, `test_client()`.
TEST_CLIENT_NAME = r"client"
# Test clients built on a router or an app (its first argument) that request paths relative
# to it: django-ninja's `TestClient(router)` [S: ninja.testing.client.NinjaClientBase].
ROUTER_TEST_CLIENTS = frozenset(
    {
        "ninja.testing.TestClient",
        "ninja.testing.TestAsyncClient",
        "ninja.testing.client.TestClient",
        "ninja.testing.client.TestAsyncClient",
    }
)
# Calls that turn a route's name into its URL: `url_for("bp.fn")`, `reverse("ns:name")`,
# `app.url_path_for("fn")`, as functions or methods; the name is the first argument.
URL_REVERSERS = frozenset({"url_for", "reverse", "reverse_lazy", "url_path_for", "route_reverse"})
# A response's status attributes, read in the test's assertions.
RESPONSE_STATUS_ATTRIBUTES = frozenset({"status_code", "status", "code"})
