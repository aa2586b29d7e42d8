"""A status site: one place in the code that holds a status, as the engine found it."""

from __future__ import annotations

import ast
import enum
from dataclasses import dataclass

from flake8_httpstatus.knowledge import frameworks
from flake8_httpstatus.knowledge.frameworks import Kind, Sink
from flake8_httpstatus.knowledge.registry import code_of


class Where(enum.Enum):
    CALL = "call"
    VIEW_RETURN = "view return"
    ATTRIBUTE = "status attribute"
    COMPARISON = "comparison"
    MAPPING_KEY = "mapping key"
    # A status under a literal dict key: `{"statusCode": 404}` (Lambda), ASGI messages.
    DICT_KEY = "dict key"
    # Inferred from the project's own code (see inference.py).
    DEFAULT = "parameter default"
    PARAMETRIZE = "parametrize value"


@dataclass(frozen=True)
class Site:
    """`code` is the status the expression holds (literal or named constant), if known."""

    where: Where
    expr: ast.expr
    code: int | None
    literal: bool
    sink: Sink | None = None
    call: ast.Call | None = None
    # The name the call's result is assigned to (its headers may be set later), if any.
    target: str | None = None
    # Whether the call is raised right where it is made.
    raised: bool = False
    # For a view's returned tuple: the body beside the status.
    body: ast.expr | None = None
    # A `case` value: a bare name there would be a capture pattern, not a value.
    in_pattern: bool = False
    # For a view's returned tuple: its headers element, None when the tuple has none.
    headers: ast.expr | None = None
    # One branch of `302 if debug else 301`: the argument cannot simply be dropped.
    conditional: bool = False
    # A literal bound to a local name that reaches this status position: the name.
    bound: str = ""

    @property
    def kind(self) -> Kind | None:
        return self.sink.kind if self.sink is not None else None


# Where named status constants live, by qualified name, and the registry style of their names.
HOLDERS: dict[str, str] = frameworks.HOLDERS
# Holders whose every attribute is worth checking; the others also hold unrelated names.
STRICT_HOLDERS = frozenset(HOLDERS) - {"http.client", "falcon", "falcon.status_codes"}


def constant_code(qualname: str) -> int | None:
    """The code a qualified constant name stands for, e.g. `http.HTTPStatus.NOT_FOUND` → 404."""
    holder, _, name = qualname.rpartition(".")
    style = HOLDERS.get(holder)
    return code_of(style, name) if style is not None else None
