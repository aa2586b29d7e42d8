"""What one function does with the responses it builds, in statement order.

The engine records, per function, each response's status, headers and bodies as events with
the path of statement blocks they sit in, so that a rule can tell that "status set to 204"
dominates "body set" (same block or an enclosing one, earlier) rather than sitting in another
branch. Nothing here walks the tree: the engine feeds it during its single pass.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from functools import cached_property

from flake8_httpstatus.analysis.sites import Site
from flake8_httpstatus.knowledge.frameworks import EMPTY_BODIES, Sink

BlockPath = tuple[int, ...]

# Attributes that carry a response's body, and those that set one header each.
BODY_ATTRIBUTES = frozenset({"content", "text", "body", "data", "media", "json", "json_body"})
HEADER_ATTRIBUTES = {
    "allow": "allow",
    "location": "location",
    "www_authenticate": "www-authenticate",
    "content_range": "content-range",
}
# Methods of a response that write its body, and of it or its headers that set headers.
BODY_METHODS = frozenset({"write", "set_data", "finish"})
HEADER_METHODS = frozenset({"set_header", "add_header"})
HEADERS_METHODS = frozenset({"update", "setdefault", "add", "set", "extend", "add_header"})


@dataclass(frozen=True)
class Event:
    """Something done to a response at `node`, in the body of `function`."""

    node: ast.AST
    function: ast.FunctionDef | ast.AsyncFunctionDef

    @cached_property
    def path(self) -> BlockPath:
        return block_path(self.function, self.node)

    def dominates(self, later: Event) -> bool:
        """Whether this event runs whenever `later` does, before it."""
        if later.path[: len(self.path)] != self.path:
            return False
        mine = (self.node.lineno, self.node.col_offset)  # type: ignore[attr-defined]
        theirs = (later.node.lineno, later.node.col_offset)  # type: ignore[attr-defined]
        return mine < theirs


@dataclass
class ResponseState:
    """One response object of a function, known by the name that holds it (`resp`,
    `request.response`, `self` for Tornado handlers)."""

    key: str
    sink: Sink | None = None
    code: int | None = None
    status: Event | None = None
    headers: set[str] = field(default_factory=set)
    # A header was set under a name we cannot read: assume any header may be there.
    headers_unknown: bool = False
    # Whether every header the response gets is visible in this function.
    headers_visible: bool = False
    bodies: list[Event] = field(default_factory=list)


@dataclass(frozen=True)
class RouteInfo:
    """A route decorator and the status it declares."""

    decorator: ast.Call
    sink: Sink
    code: int | None
    status_node: ast.AST


@dataclass
class FunctionFacts:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    responses: dict[str, ResponseState] = field(default_factory=dict)
    route: RouteInfo | None = None
    # Only collected for routes.
    returns: list[ast.Return] = field(default_factory=list)
    # Exception sites raised directly in this function.
    raised: list[Site] = field(default_factory=list)
    # What is raised in this function (`raise NotFound()`, `raise NotFound`), for HS501.
    raised_exceptions: list[ast.expr] = field(default_factory=list)
    # Status sites of calls returned directly (`return JSONResponse(..., status_code=404)`).
    returned: list[Site] = field(default_factory=list)
    # Headers the framework adds to every response of this function (a DRF view's Allow).
    added_headers: frozenset[str] = frozenset()
    # Calls of plain names, to follow module-level helpers one level.
    calls: list[tuple[str, ast.Call]] = field(default_factory=list)

    def response(self, key: str) -> ResponseState:
        state = self.responses.get(key)
        if state is None:
            state = self.responses[key] = ResponseState(key)
        return state

    def event(self, node: ast.AST) -> Event:
        return Event(node, self.node)


# Statements whose blocks the walk enters without leaving the function's scope.
_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)


def block_path(function: ast.FunctionDef | ast.AsyncFunctionDef, node: ast.AST) -> BlockPath:
    """The statement blocks of `function` that enclose `node`, outermost first, each known by
    its list's identity: found again by position when a rule asks, rather than tracked for
    every statement of every file during the walk (few responses have both a status and a
    body). Nested functions and classes hold no events of this function's responses."""
    where = (node.lineno, node.col_offset)  # type: ignore[attr-defined]
    path: list[int] = []
    block: list[ast.stmt] | None = function.body
    while block:
        path.append(id(block))
        statement = _spanning(block, where)
        if statement is None or isinstance(statement, _SCOPES):
            break
        block = next((inner for inner in _blocks(statement) if _spanning(inner, where)), None)
    return tuple(path)


def _spanning(block: list[ast.stmt], where: tuple[int, int]) -> ast.stmt | None:
    for statement in block:
        if (
            (statement.lineno, statement.col_offset)
            <= where
            <= (
                statement.end_lineno or statement.lineno,
                statement.end_col_offset or 0,
            )
        ):
            return statement
    return None


def _blocks(statement: ast.stmt) -> list[list[ast.stmt]]:
    """The statement lists directly under a statement: bodies, `else`, `finally`, and those of
    its `except` handlers and `case` clauses."""
    blocks = [
        value
        for name in ("body", "orelse", "finalbody")
        if type(value := getattr(statement, name, None)) is list and value
    ]
    for clause in (*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())):
        blocks.append(clause.body)
    return blocks


def key_of(node: ast.expr) -> str | None:
    """`resp`, `request.response` or `self`: a dotted name without calls, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def literal_header_names(node: ast.expr | None) -> set[str] | None:
    """Lower-cased keys of a literal headers mapping, or None when they cannot be read."""
    if node is None:
        return set()
    if isinstance(node, ast.Dict):
        names = set()
        for key in node.keys:
            if not (isinstance(key, ast.Constant) and isinstance(key.value, str)):
                return None
            names.add(key.value.lower())
        return names
    if isinstance(node, ast.List | ast.Tuple):
        # [("Allow", "GET"), ...] as WebOb's headerlist and Werkzeug take it
        names = set()
        for item in node.elts:
            if not (isinstance(item, ast.Tuple) and item.elts):
                return None
            first = item.elts[0]
            if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
                return None
            names.add(first.value.lower())
        return names
    if isinstance(node, ast.Constant) and node.value is None:
        return set()
    return None


def is_empty_body(node: ast.expr) -> bool:
    """A body argument that sends nothing: None, "", b"", an empty literal container, or a
    library's name for an empty body (Connexion's `NoContent`)."""
    if isinstance(node, ast.Constant):
        return node.value is None or node.value in ("", b"")
    if isinstance(node, ast.Name):
        return node.id in EMPTY_BODIES
    return isinstance(node, ast.List | ast.Tuple) and not node.elts
