"""What each framework puts in a route's OpenAPI responses, as data for HS501.

A route's documented statuses come from its decorator and from the layers above it (routers,
applications, controllers), as far as each framework documents responses there. Each row was
read from the framework's source: FastAPI's `get_openapi_path` (routing.py, openapi/utils.py),
Litestar's `ResponseFactory.create_responses` and `resolve_include_in_schema`, django-ninja's
`Operation` and drf-spectacular's `extend_schema`.
"""

from __future__ import annotations

from dataclasses import dataclass

# Statuses documented by an exception class itself (`raise NotFound()`), by qualified name.
EXCEPTION_STATUS: dict[str, int] = {
    **{
        f"rest_framework.exceptions.{name}": code
        for name, code in (
            ("ValidationError", 400),
            ("ParseError", 400),
            ("AuthenticationFailed", 401),
            ("NotAuthenticated", 401),
            ("PermissionDenied", 403),
            ("NotFound", 404),
            ("MethodNotAllowed", 405),
            ("NotAcceptable", 406),
            ("UnsupportedMediaType", 415),
            ("Throttled", 429),
        )
    },
    "django.http.Http404": 404,
    "django.core.exceptions.PermissionDenied": 403,
    **{
        f"litestar.exceptions.{name}": code
        for name, code in (
            ("ClientException", 400),
            ("ValidationException", 400),
            ("NotAuthorizedException", 401),
            ("PermissionDeniedException", 403),
            ("NotFoundException", 404),
            ("MethodNotAllowedException", 405),
            ("TooManyRequestsException", 429),
            ("InternalServerException", 500),
            ("ServiceUnavailableException", 503),
        )
    },
}

# Exceptions whose status is an argument, by qualified name, with its position, where the
# exception is not a status sink of its own.
EXCEPTION_ARGUMENT: dict[str, int] = {"ninja.errors.HttpError": 0}


def _codes(*spans: tuple[int, int]) -> frozenset[int]:
    return frozenset(code for low, high in spans for code in range(low, high + 1))


@dataclass(frozen=True)
class Documentation:
    """How one framework documents a route's responses.

    `responses`: the route keyword whose mapping keys are documented statuses (`"4XX"` and
    `"default"` keys document a class or everything). `extra`: a keyword whose literal dict's
    `"responses"` key documents more (FastAPI's `openapi_extra`). `hidden`: the keyword that,
    False, keeps the route out of the schema (and `hidden_true` the one that does it when True).
    `raises`: the route keyword listing exception classes the schema documents (Litestar).
    `layers`: constructors of routers and applications, and whether they take `responses` too;
    `include`: the method that includes a router in another layer, with `responses` and
    `hidden` keywords of its own. `controllers`: base classes whose class attribute `hidden`
    applies to their handlers. `with_parameters`: statuses documented for any route that takes
    parameters (the validation error). `ranges`: names standing for a set of statuses.
    """

    framework: str
    package: str  # the import that makes a file worth looking at
    responses: str
    extra: str | None = None
    hidden: str | None = "include_in_schema"
    hidden_true: str | None = None
    raises: str | None = None
    layers: frozenset[str] = frozenset()
    layer_responses: bool = False
    # The layers at the top: a chain of routers that does not end at one, in the same file,
    # documents what the file cannot see (set where routers document responses).
    applications: frozenset[str] = frozenset()
    include: str | None = None
    route_handlers: str | None = None
    controllers: frozenset[str] = frozenset()
    with_parameters: frozenset[int] = frozenset()
    # Where the route declares no status of its own: the success status documented when
    # `responses` is absent or a single schema (`response=BookOut`) rather than a mapping.
    success: int | None = None
    ranges: tuple[tuple[str, frozenset[int]], ...] = ()
    # Decorators that document a route by themselves (drf-spectacular), when the route is not
    # a framework route sink.
    decorators: frozenset[str] = frozenset()
    # Method names of route decorators on `layers` objects, when not a route sink.
    methods: frozenset[str] = frozenset()
    # The application keyword that serves the schema: None serves none, so the routes of that
    # application are documented nowhere a client reads (FastAPI's `setup`, ninja's
    # `get_openapi_urls`, Litestar's `OpenAPIPlugin.on_app_init`). A string literal or a call
    # of `schema_configs` serves one; any other value (a setting, a call) may be None.
    schema: str | None = None
    schema_configs: frozenset[str] = frozenset()


FASTAPI = Documentation(
    "fastapi",
    "fastapi",
    "responses",
    extra="openapi_extra",
    layers=frozenset(
        {
            "fastapi.FastAPI",
            "fastapi.APIRouter",
            "fastapi.applications.FastAPI",
            "fastapi.routing.APIRouter",
        }
    ),
    layer_responses=True,
    applications=frozenset({"fastapi.FastAPI", "fastapi.applications.FastAPI"}),
    include="include_router",
    with_parameters=frozenset({422}),
    schema="openapi_url",
)
LITESTAR = Documentation(
    "litestar",
    "litestar",
    "responses",
    raises="raises",
    layers=frozenset(
        {"litestar.Litestar", "litestar.Router", "litestar.app.Litestar", "litestar.router.Router"}
    ),
    route_handlers="route_handlers",
    controllers=frozenset({"litestar.Controller", "litestar.controller.Controller"}),
    with_parameters=frozenset({400}),
    schema="openapi_config",
    schema_configs=frozenset(
        {"litestar.openapi.OpenAPIConfig", "litestar.openapi.config.OpenAPIConfig"}
    ),
)
NINJA = Documentation(
    "django-ninja",
    "ninja",
    "response",
    success=200,
    layers=frozenset(
        {"ninja.NinjaAPI", "ninja.Router", "ninja.main.NinjaAPI", "ninja.router.Router"}
    ),
    methods=frozenset({"get", "post", "put", "patch", "delete", "api_operation"}),
    # `docs_url=None` turns the docs page off only: the schema is still served.
    schema="openapi_url",
    ranges=tuple(
        (f"ninja.responses.codes_{name}", codes)
        for name, codes in (
            ("1xx", _codes((100, 101))),
            ("2xx", _codes((200, 206))),
            ("3xx", _codes((300, 308))),
            ("4xx", _codes((400, 412)) | frozenset({416, 418, 425, 429, 451})),
            ("5xx", _codes((500, 504))),
        )
    ),
)
SPECTACULAR = Documentation(
    "drf-spectacular",
    "drf_spectacular",
    "responses",
    success=200,
    hidden=None,
    hidden_true="exclude",
    decorators=frozenset({"drf_spectacular.utils.extend_schema"}),
)
DOCUMENTATIONS = (FASTAPI, LITESTAR, NINJA, SPECTACULAR)
BY_FRAMEWORK = {documentation.framework: documentation for documentation in DOCUMENTATIONS}
