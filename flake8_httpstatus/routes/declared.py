"""What the route map finds before it joins prefixes: the objects holding routes, the links
that mount one in another, and each route's declaration with its handler."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flake8_httpstatus.knowledge.routing import Framework, RouteDecorator, RouteHolder
from flake8_httpstatus.routes.source import Module, Source
from flake8_httpstatus.routes.views import View


@dataclass
class Holder:
    key: str
    framework: Framework
    row: RouteHolder
    module: Module
    call: ast.Call
    # A project subclass (`class UserAPIRouter(APIRouter)`): the `super().__init__(...)` call
    # of its `__init__`, whose settings (`dependencies=`) every instance has.
    init: tuple[Module, ast.Call] | None = None
    scope: str = ""


@dataclass
class Link:
    """One holder mounted in another (`include_router`, `register_blueprint`, a `Mount` in a
    list); `call` is None where no call of the framework's includes says so."""

    parent: str
    child: str
    module: Module
    call: ast.Call | None
    prefix: str | None


@dataclass
class Declaration:
    holder: str
    row: RouteDecorator
    module: Module
    call: ast.Call
    view: View
    # Where the declaration's call does not say them in the row's places.
    path: str | None = None
    methods: tuple[str, ...] | None = None


class Declared:
    """The holders, links and declarations found so far, and how a name finds its holder."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.holders: dict[str, Holder] = {}
        self.includes: list[Link] = []
        self.declarations: list[Declaration] = []

    def holder_of(self, module: Module, scope: str, node: ast.expr) -> Holder | None:
        """The holder an expression names: a name bound in the enclosing function, or at the
        top of this or another module; its router attribute (`app.router`); or the call of
        a project function returning one (`add_subapp("/admin", make_admin())`)."""
        if isinstance(node, ast.Call):
            return self._made_by(module, node)
        if isinstance(node, ast.Attribute):
            owner = self.holder_of(module, scope, node.value)
            if owner is not None and owner.row.router == node.attr:
                return owner
        if isinstance(node, ast.Name):
            parts = scope.split(".") if scope else []
            for cut in range(len(parts), 0, -1):
                local = ".".join([module.name, *parts[:cut], node.id])
                if local in self.holders:
                    return self.holders[local]
        qualified = self.source.qualified(module, node)
        return self.holders.get(self.source.resolve(qualified)) if qualified else None

    def _made_by(self, module: Module, call: ast.Call) -> Holder | None:
        qualified = self.source.qualified(module, call.func)
        located = self.source.function(qualified) if qualified else None
        if located is None:
            return None
        target, local, function = located
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Name):
                found = self.holder_of(target, local, node.value)
                if found is not None:
                    return found
        return None
