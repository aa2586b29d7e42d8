"""What the route map finds before it joins prefixes: the objects holding routes, the links
that mount one in another, and each route's declaration with its handler."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flake8_httpstatus.knowledge.routing import Framework, RouteDecorator, RouteHolder
from flake8_httpstatus.routes.source import Module, Source, keyword
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
        # A function's parameter given a holder (`setup_routes(app)`), by the parameter's
        # qualified name (`pkg.routes.setup_routes.app`).
        self.parameters: dict[str, Holder] = {}
        # Names bound to an instance of a project class (`handler = SiteHandler(mongo)`), and
        # parameters given one, by qualified name, with the class.
        self.instances: dict[str, str] = {}
        # The route lists read (by node), so a list read through an app is not read again.
        self.listed: set[int] = set()
        # A loop's name bound to the holder of the item being read (`for bp in BLUEPRINTS`),
        # by (module, function, name).
        self.loop_bound: dict[tuple[str, str, str], Holder] = {}

    def holder_of(self, module: Module, scope: str, node: ast.expr) -> Holder | None:
        """The holder an expression names: a name bound (or imported) in the enclosing
        function, or at the top of this or another module; its router attribute (`app.router`); or the call of
        a project function returning one (`add_subapp("/admin", make_admin())`)."""
        if isinstance(node, ast.Call):
            return self._made_by(module, node)
        if isinstance(node, ast.Attribute):
            owner = self.holder_of(module, scope, node.value)
            if owner is not None and owner.row.router == node.attr:
                return owner
        if isinstance(node, ast.Name):
            if (module.name, scope, node.id) in self.loop_bound:
                return self.loop_bound[module.name, scope, node.id]
            parts = scope.split(".") if scope else []
            for cut in range(len(parts), 0, -1):
                local = ".".join([module.name, *parts[:cut], node.id])
                if local in self.holders:
                    return self.holders[local]
                if local in self.parameters:
                    return self.parameters[local]
            imported = self.source.imported_in(module, scope, node.id)
            if imported is not None:
                return self.holders.get(self.source.resolve(imported))
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

    def given(self, holder: Holder) -> None:
        """`FastAPI(lifespan=lifespan)`: the framework calls that project function with the
        holder, so its first parameter is the holder."""
        node = keyword(holder.call, holder.row.given_to) if holder.row.given_to else None
        qualified = self.source.qualified(holder.module, node) if node is not None else None
        located = self.source.function(qualified) if qualified else None
        if located is None:
            return
        target, local, function = located
        names = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
        if names:
            self.parameters[f"{target.name}.{local}.{names[0]}"] = holder

    def bind(self, module: Module, scope: str, call: ast.Call) -> set[str]:
        """`setup_routes(app)`: the project function's parameter is that holder. The functions
        (`module.qualname`) given a holder here."""
        qualified = self.source.qualified(module, call.func)
        located = self.source.function(qualified) if qualified else None
        if located is None:
            return set()
        target, local, function = located
        arguments = function.args
        names = [arg.arg for arg in (*arguments.posonlyargs, *arguments.args)]
        if names and names[0] in {"self", "cls"}:
            names = names[1:]
        given = [(name, value) for name, value in zip(names, call.args, strict=False)] + [
            (item.arg, item.value) for item in call.keywords if item.arg
        ]
        bound: set[str] = set()
        for name, value in given:
            holder = self.holder_of(module, scope, value)
            key = f"{target.name}.{local}.{name}"
            if holder is not None and self.parameters.get(key) is not holder:
                self.parameters[key] = holder
                bound.add(f"{target.name}.{local}")
            cls = self.instance_of(module, scope, value)
            if cls is not None:
                self.instances[key] = cls
        return bound

    def instance(self, module: Module, scope: str, name: str, value: ast.expr) -> None:
        """`handler = SiteHandler(mongo)`: the name holds an instance of a project class."""
        if isinstance(value, ast.Call):
            qualified = self.source.qualified(module, value.func)
            if qualified is not None and self.source.class_(qualified) is not None:
                key = ".".join(part for part in (module.name, scope, name) if part)
                self.instances[key] = self.source.resolve(qualified)
        else:
            cls = self.instance_of(module, scope, value)
            if cls is not None:
                self.instances[".".join(part for part in (module.name, scope, name) if part)] = cls

    def instance_of(self, module: Module, scope: str, node: ast.expr) -> str | None:
        """The project class of the instance a name holds, in a function or at the top."""
        if not isinstance(node, ast.Name):
            return None
        parts = scope.split(".") if scope else []
        for cut in range(len(parts), -1, -1):
            key = ".".join([module.name, *parts[:cut], node.id])
            if key in self.instances:
                return self.instances[key]
        return None

    def method_of(self, module: Module, scope: str, node: ast.expr) -> str | None:
        """`h.index`, `h` holding an instance of a project class: that class's method."""
        if isinstance(node, ast.Attribute):
            cls = self.instance_of(module, scope, node.value)
            if cls is not None:
                return f"{cls}.{node.attr}"
        return None
