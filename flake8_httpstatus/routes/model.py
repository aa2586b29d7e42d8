"""The route map's records: a route and the statuses it sends, documents, answers by itself
and is tested for."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Sent:
    """A status and where it is written; `via` is the callable holding that place
    (`module:qualname`), or what the route itself declares."""

    status: int
    file: str
    line: int
    via: str
    # The exception classes (qualified) whose raising sends it, which a `try` around the call
    # may catch; empty when it is sent otherwise (a response returned). Not part of its identity.
    raised: frozenset[str] = field(default=frozenset(), compare=False, repr=False)


@dataclass(frozen=True, order=True)
class Documented:
    status: int
    file: str
    line: int


@dataclass(frozen=True, order=True)
class Implicit:
    status: int
    reason: str


@dataclass(frozen=True, order=True)
class Tested:
    status: int
    file: str
    line: int


@dataclass(frozen=True, order=True)
class Unresolved:
    """A test request whose route, or whose asserted status, could not be told."""

    file: str
    line: int
    reason: str


@dataclass
class Route:
    framework: str
    methods: tuple[str, ...]
    path: str
    name: str
    handler: str
    file: str
    line: int
    sends: list[Sent] = field(default_factory=list)
    implicit: list[Implicit] = field(default_factory=list)
    documented: list[Documented] = field(default_factory=list)
    tested: list[Tested] = field(default_factory=list)
    unresolved_tests: list[Unresolved] = field(default_factory=list)
    # Whether every `responses=` on its way was read whole (no call, `**`, `"4XX"` or
    # `"default"` key, `include_in_schema=`): HS501 reads `documented` as complete only then.
    # Not part of the route map's output.
    documented_whole: bool = field(default=True, compare=False)
    # The route's path relative to each holder on its way, by the holder's key: what a test
    # client of that router requests (django-ninja's `TestClient(router)`). Not output.
    relative: dict[str, str] = field(default_factory=dict, compare=False)
    # Where the call that declares it is (file, line, column): the decorator, or the
    # `add_api_route(...)`, whose `responses=` HS501's fix completes. Not part of the output.
    declared_at: tuple[str, int, int] | None = field(default=None, compare=False)
    # Under a router whose class a project function makes (Polar's `APIRouter =
    # get_api_router_class(APIRoute)`): the route class it imposes may change what the schema
    # documents at run time, so HS501 and HS502 leave the route alone. Not part of the output.
    made_router: bool = field(default=False, compare=False)
    # Its router is made in its file and reaches an application only through includes in
    # other modules: the engine's HS501, which reads one file, leaves what the route sends in
    # its own file to the route table. Not part of the output.
    included_elsewhere: bool = field(default=False, compare=False)


@dataclass(frozen=True, order=True)
class Unmatched:
    """An operation of an OpenAPI document that no route answers."""

    method: str
    path: str
    file: str
    line: int


@dataclass
class RouteMap:
    routes: list[Route]
    errors: list[str]
    # Test requests not matched to any route.
    unresolved_tests: list[Unresolved] = field(default_factory=list)
    # The OpenAPI documents read (`--openapi`, Connexion's), and their operations no route
    # answers.
    openapi: list[str] = field(default_factory=list)
    unmatched_operations: list[Unmatched] = field(default_factory=list)
