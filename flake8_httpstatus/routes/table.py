"""The project's route table: every route with its full path (prefixes of routers and includes
joined), its handler, and the statuses it sends, documents and answers implicitly."""

from __future__ import annotations

import ast
import copy
import re
from collections.abc import Iterator
from pathlib import Path

from flake8_httpstatus.knowledge.openapi import BY_FRAMEWORK
from flake8_httpstatus.knowledge.routing import (
    DECORATORS,
    HOLDER_CLASSES,
    INCLUDES,
    Framework,
    Include,
    RouteDecorator,
)
from flake8_httpstatus.routes.connexion import ConnexionRoutes
from flake8_httpstatus.routes.declared import Declaration, Holder, Link
from flake8_httpstatus.routes.django import DjangoRoutes, regex_path
from flake8_httpstatus.routes.lists import RouteLists
from flake8_httpstatus.routes.loops import Loop, LoopValues, Where, loop_names
from flake8_httpstatus.routes.model import Documented, Implicit, Route, RouteMap, Sent
from flake8_httpstatus.routes.openapi import Document
from flake8_httpstatus.routes.openapi import document as document_openapi
from flake8_httpstatus.routes.responses import document as document_decorated
from flake8_httpstatus.routes.sends import Sends, label
from flake8_httpstatus.routes.smorest import document as document_smorest
from flake8_httpstatus.routes.smorest import old_response_code
from flake8_httpstatus.routes.source import Function, Module, Source, is_test_file, keyword
from flake8_httpstatus.routes.spectacular import document as document_spectacular
from flake8_httpstatus.routes.tested import Tests
from flake8_httpstatus.routes.views import View, views
from flake8_httpstatus.routes.wrappers import Wrappers

# `{name:converter}` in a Starlette path; `<converter(args):name>` in a Werkzeug rule.
_STARLETTE_PARAM = re.compile(r"{([a-zA-Z_][a-zA-Z0-9_]*)(?::[a-zA-Z_][a-zA-Z0-9_]*)?}")
_WERKZEUG_PARAM = re.compile(r"<(?:[^<>:]+:)?([a-zA-Z_][a-zA-Z0-9_]*)>")
# A wrapper's call may be of another wrapper; past this depth the map stops following.
_MAX_WRAPPED = 3
# How many functions deep a holder is followed as an argument.
_MAX_PASSED = 5


def _scopes(
    body: list[ast.stmt], scope: str = "", loops: tuple[Loop, ...] = ()
) -> Iterator[tuple[str, ast.stmt, tuple[Loop, ...]]]:
    """Every statement with the qualname of the function or class holding it ("" at the top)
    and the `for` loops around it there."""
    for statement in body:
        yield scope, statement, loops
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            inner = f"{scope}.{statement.name}" if scope else statement.name
            yield from _scopes(statement.body, inner)
        else:
            for name in ("body", "orelse", "finalbody", "handlers"):
                block = getattr(statement, name, None)
                within = loops
                if name == "body" and isinstance(statement, (ast.For, ast.AsyncFor)):
                    within = (*loops, Loop(statement.target, statement.iter))
                if isinstance(block, list) and block and isinstance(block[0], ast.stmt):
                    yield from _scopes(block, scope, within)
                elif isinstance(block, list):
                    for handler in block:
                        if isinstance(handler, ast.ExceptHandler):
                            yield from _scopes(handler.body, scope, loops)


def substituted(call: ast.Call, replaced: dict[str, ast.expr]) -> ast.Call:
    """A copy of `call` with the names in `replaced` replaced by their expressions."""

    class _Replace(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.expr:
            return copy.deepcopy(replaced[node.id]) if node.id in replaced else node

    copied = _Replace().visit(copy.deepcopy(call))
    assert isinstance(copied, ast.Call)
    return copied


def _calls(statement: ast.stmt) -> Iterator[ast.Call]:
    """The calls of one statement, without those of the blocks it holds."""
    if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return
    if isinstance(statement, (ast.If, ast.While)):
        parts: list[ast.AST] = [statement.test]
    elif isinstance(statement, (ast.For, ast.AsyncFor)):
        parts = [statement.iter]
    elif isinstance(statement, (ast.With, ast.AsyncWith)):
        parts = list(statement.items)
    elif isinstance(statement, (ast.Try, ast.Match)):
        parts = []
    else:
        parts = [statement]
    for part in parts:
        for node in ast.walk(part):
            if isinstance(node, ast.Call):
                yield node


def normalise(path: str) -> str:
    """`/items/{item_id:int}` -> `/items/{item_id}`, with single slashes between parts."""
    path = _WERKZEUG_PARAM.sub(r"{\1}", _STARLETTE_PARAM.sub(r"{\1}", path))
    return re.sub(r"/{2,}", "/", path)


def _joined(path: str) -> str:
    """Pieces joined with one `/`, none at the end: `/api/v1` + `items/` is `/api/v1/items`."""
    return normalise("/" + "/".join(part for part in path.split("/") if part))


class _Builder(RouteLists):
    def __init__(self, source: Source) -> None:
        super().__init__(source)
        self.sends = Sends(source)
        # The hooks run before the routes of a holder (by key), and those a holder registers
        # for every route of its app: (holder, hook), both as qualified names.
        self.hooks: dict[str, list[str]] = {}
        self.app_hooks: list[tuple[str, str]] = []
        # Whether the route being built has had every documentation it reads read whole.
        self.whole = True
        # The `for` loops around each call (by node) that has any.
        self.loops: dict[int, tuple[Loop, ...]] = {}
        self.values = LoopValues(source, [])
        self.wrappers = Wrappers(source)
        # The `super().__init__(...)` calls (by node) of router subclasses whose `**` is the
        # `__init__`'s own `**kwargs`, passed on untouched: what the call site gives.
        self.passed_on: dict[int, str] = {}
        # Holders whose class a project function makes: what that class does to its routes
        # (a route class of its own, `include_in_schema` set at run time) is not read.
        self.made_classes: set[str] = set()

    # -- finding --------------------------------------------------------------------------------
    def find(self) -> None:
        modules = [
            module for module in self.source.modules.values() if not is_test_file(module.path)
        ]
        # One walk over the statements: their assignments, definitions and calls.
        assignments: list[tuple[Module, str, ast.Assign | ast.AnnAssign]] = []
        definitions: list[tuple[Module, str, Function | ast.ClassDef]] = []
        calls: list[tuple[Module, str, ast.Call]] = []
        for module in modules:
            for scope, statement, loops in _scopes(module.tree.body):
                if isinstance(statement, (ast.Assign, ast.AnnAssign)):
                    assignments.append((module, scope, statement))
                elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    definitions.append((module, scope, statement))
                found = list(_calls(statement))
                calls += [(module, scope, call) for call in found]
                if loops:
                    self.loops.update((id(call), loops) for call in found)
        self.values = LoopValues(self.source, calls)
        for module, scope, statement in assignments:
            self._holder(module, scope, statement)
        # Holders made by another holder (`api.namespace(...)`), once every one it may come
        # from is known; then what the constructors say of parents and listed routes.
        for module, scope, statement in assignments:
            self._made(module, scope, statement)
        # Holders passed to project functions (`setup_routes(app)`), then names bound to a
        # holder or its router there (`router = app.router`).
        for module, scope, statement in assignments:
            target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
            if isinstance(target, ast.Name) and statement.value is not None:
                self.instance(module, scope, target.id, statement.value)
        for holder in list(self.holders.values()):
            self.given(holder)
        # A holder passed on from function to function (`lifespan(app)` calls `startup(app)`,
        # which calls `init_core_routers(app)`): the calls in each function just given one.
        passing = [
            (module, scope, call)
            for module, scope, call in calls
            if any(isinstance(argument, ast.Name) for argument in call.args)
        ]
        given: set[str] | None = None
        for _ in range(_MAX_PASSED):
            if not self.holders or given == set():
                break
            newly: set[str] = set()
            for module, scope, call in passing:
                if given is None or f"{module.name}.{scope}" in given:
                    newly |= self.bind(module, scope, call)
            given = newly
        for module, scope, statement in assignments:
            self._alias(module, scope, statement)
            target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
            if isinstance(target, ast.Name) and isinstance(statement.value, ast.Name):
                self.instance(module, scope, target.id, statement.value)
        # Each holder once, though several names may be bound to it.
        for holder in list({holder.key: holder for holder in self.holders.values()}.values()):
            self._parent(holder)
            self._members(holder)
            self.holder_lists(holder)
        for holder in {holder.key: holder for holder in self.holders.values()}.values():
            self._mapped_handlers(holder)
        for module, scope, definition in definitions:
            local = f"{scope}.{definition.name}" if scope else definition.name
            for decorator in definition.decorator_list:
                if isinstance(decorator, ast.Call):
                    self._decorator(module, scope, decorator, local, definition)
                elif isinstance(decorator, ast.Attribute) and not isinstance(
                    definition, ast.ClassDef
                ):
                    # `@app.before_request`: the function itself is the hook.
                    module.functions.setdefault(local, definition)
                    self._hook(module, scope, decorator, f"{module.name}.{local}")
        for module, scope, call in calls:
            self._call(module, scope, call)
        self.unlisted(modules)

    def _holder(self, module: Module, scope: str, statement: ast.Assign | ast.AnnAssign) -> None:
        value = statement.value
        target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
        if not isinstance(value, ast.Call) or not isinstance(target, ast.Name):
            return
        qualified = self.source.qualified(module, value.func)
        if qualified is None:
            return
        init: tuple[Module, ast.Call] | None = None
        made = self.source.made_class_bases(qualified)
        for cls in self.source.bases(qualified) + (made or []):
            found = HOLDER_CLASSES.get(cls)
            if found is not None:
                key = ".".join(part for part in (module.name, scope, target.id) if part)
                self.holders[key] = Holder(key, found[0], found[1], module, value, init, scope)
                if made is not None:
                    self.made_classes.add(key)
                return
            init = init or self._super_init(cls)

    def _made(self, module: Module, scope: str, statement: ast.Assign | ast.AnnAssign) -> None:
        """`ns = api.namespace("todos")`: a holder of the factory's class, mounted in `api`."""
        value = statement.value
        target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
        if (
            not isinstance(value, ast.Call)
            or not isinstance(value.func, ast.Attribute)
            or not isinstance(target, ast.Name)
        ):
            return
        maker = self.holder_of(module, scope, value.func.value)
        if maker is None:
            return
        made = dict(maker.framework.factories).get(value.func.attr)
        found = HOLDER_CLASSES.get(made) if made else None
        if found is not None:
            key = ".".join(part for part in (module.name, scope, target.id) if part)
            self.holders[key] = Holder(key, found[0], found[1], module, value, None, scope)
            self.includes.append(Link(maker.key, key, module, None, None))

    def _alias(self, module: Module, scope: str, statement: ast.Assign | ast.AnnAssign) -> None:
        """`api = app.router`, or `app = make_app()`: a name bound to a holder made elsewhere."""
        target = statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
        if not isinstance(target, ast.Name) or not isinstance(
            statement.value, (ast.Name, ast.Attribute, ast.Call)
        ):
            return
        key = ".".join(part for part in (module.name, scope, target.id) if part)
        holder = self.holder_of(module, scope, statement.value)
        if holder is not None and key not in self.holders:
            self.holders[key] = holder

    def _parent(self, holder: Holder) -> None:
        """`Api(app)`: the holder attaches to the app or blueprint it is given."""
        if holder.row.parent is None:
            return
        given = keyword(holder.call, "app", holder.row.parent)
        parent = self.holder_of(holder.module, holder.scope, given) if given else None
        if parent is not None and parent.key != holder.key:
            self.includes.append(Link(parent.key, holder.key, holder.module, None, None))

    def mount(self, module: Module, node: ast.expr, prefix: str) -> None:
        """A holder mounted from outside at `prefix` (ninja's `path("api/", api.urls)`)."""
        holder = self.holder_of(module, "", node)
        if holder is not None:
            outside = f"<{module.name}:{prefix}>"
            self.includes.append(Link(outside, holder.key, module, None, prefix))

    def _members(self, holder: Holder) -> None:
        """`Blueprint.group(users, orders)`: the group mounts each holder it is given."""
        if not holder.row.members:
            return
        for argument in holder.call.args:
            child = self.holder_of(holder.module, holder.scope, argument)
            if child is not None:
                self.includes.append(Link(holder.key, child.key, holder.module, None, None))

    def _mapped_handlers(self, holder: Holder) -> None:
        """`exception_handlers={NoteMissing: missing_note}` in the holder's constructor."""
        mapping = keyword(holder.call, holder.row.handlers) if holder.row.handlers else None
        if not isinstance(mapping, ast.Dict):
            return
        for exception, handler in zip(mapping.keys, mapping.values, strict=True):
            qualified = self.source.qualified(holder.module, handler)
            if exception is not None and qualified is not None:
                self._handler(holder.module, exception, self.source.resolve(qualified))

    def _super_init(self, cls: str) -> tuple[Module, ast.Call] | None:
        located = self.source.function(f"{cls}.__init__")
        if located is None:
            return None
        module, _, function = located
        for node in ast.walk(function):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "__init__"
                and isinstance(node.func.value, ast.Call)
            ):
                own = function.args.kwarg.arg if function.args.kwarg else None
                uses = [item for item in ast.walk(function) if isinstance(item, ast.Name)]
                if own is not None and sum(item.id == own for item in uses) == 1:
                    self.passed_on[id(node)] = own
                return module, node
        return None

    def _decorator(
        self,
        module: Module,
        scope: str,
        decorator: ast.Call,
        local: str,
        decorated: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef,
    ) -> None:
        if not isinstance(decorator.func, ast.Attribute):
            return
        holder = self.holder_of(module, scope, decorator.func.value)
        framework = holder.framework if holder else self._parameter(module, scope, decorator)
        name = decorator.func.attr
        if framework is not None and name in framework.exception_handlers and decorator.args:
            if not isinstance(decorated, ast.ClassDef):  # one nested in a registering function
                module.functions.setdefault(local, decorated)
            self._handler(module, decorator.args[0], f"{module.name}.{local}")
            return
        if holder is None:
            return
        row = DECORATORS[holder.framework.name].get(name)
        if row is None or row.endpoint is not None:
            return
        if isinstance(decorated, ast.ClassDef):
            # `@ns.route("/todos")` on a resource class: a route per method it answers.
            found = views(self.source, holder.framework, module, ast.Name(f"{local}"))
        else:
            found = [View(module, local, decorated)]
        self.declare(holder, row, module, decorator, found)

    def _hook(self, module: Module, scope: str, method: ast.Attribute, hook: str) -> None:
        """`@bp.before_request` or `bp.before_request(check)`: `hook` runs before the holder's
        routes (`before_app_request`: before every route of its app)."""
        holder = self.holder_of(module, scope, method.value)
        if holder is None:
            return
        if method.attr in holder.framework.request_hooks:
            self.hooks.setdefault(holder.key, []).append(hook)
        elif method.attr in holder.framework.app_request_hooks:
            self.app_hooks.append((holder.key, hook))

    def _call(self, module: Module, scope: str, call: ast.Call) -> None:
        """A call that may register something; in a loop, once per item of the loop."""
        loops = self.loops.get(id(call), ())
        used = (
            {node.id for node in ast.walk(call) if isinstance(node, ast.Name)} if loops else set()
        )
        bound_names = {name for loop in loops for name in loop_names(loop)}
        if not used & bound_names or not self._may_register(module, scope, call, bound_names):
            self._call_one(module, scope, call)
            return
        for bound in self.values.bindings(module, scope, loops, used):
            self._call_bound(module, scope, call, bound)

    def _may_register(
        self, module: Module, scope: str, call: ast.Call, bound_names: set[str]
    ) -> bool:
        """Whether a call in a loop is on a holder (or its member), or on a loop's name
        (`for bp in BLUEPRINTS: bp.add_url_rule(...)`): only those are read once per item."""
        if not isinstance(call.func, ast.Attribute):
            return False
        receiver = call.func.value
        if any(
            isinstance(node, ast.Name) and node.id in bound_names for node in ast.walk(receiver)
        ):
            return True
        owner = receiver.value if isinstance(receiver, ast.Attribute) else None
        return self.holder_of(module, scope, receiver) is not None or (
            owner is not None and self.holder_of(module, scope, owner) is not None
        )

    def _call_bound(
        self, module: Module, scope: str, call: ast.Call, bound: dict[str, Where]
    ) -> None:
        """The call with each loop name bound to one item: a holder by its key, an expression
        read in this module written in its place; an item that is neither is not read."""
        replaced: dict[str, ast.expr] = {}
        keys: list[tuple[str, str, str]] = []
        try:
            for name, (where, where_scope, item) in bound.items():
                holder = self.holder_of(where, where_scope, item)
                if holder is not None:
                    keys.append((module.name, scope, name))
                    self.loop_bound[keys[-1]] = holder
                elif where is module and where_scope in {"", scope}:
                    replaced[name] = item
                else:
                    return
            self._call_one(module, scope, substituted(call, replaced) if replaced else call)
        finally:
            for key in keys:
                del self.loop_bound[key]

    def _call_one(self, module: Module, scope: str, call: ast.Call, depth: int = 0) -> None:
        if not isinstance(call.func, ast.Attribute):
            return
        holder = self.holder_of(module, scope, call.func.value)
        framework = holder.framework if holder else self._parameter(module, scope, call)
        if framework is None:
            self._member_call(module, scope, call)
            return
        name = call.func.attr
        if name in framework.exception_handlers and len(call.args) >= 2:
            self._registered_handler(module, call.args[0], call.args[1])
            return
        if holder is None:
            return
        hooks = (*framework.request_hooks, *framework.app_request_hooks)
        if name in hooks and len(call.args) == 1:
            hook = self.source.qualified(module, call.args[0])
            if hook is not None and self.source.function(hook) is not None:
                self._hook(module, scope, call.func, self.source.resolve(hook))
            return
        include = INCLUDES[framework.name].get(name)
        if include is not None and keyword(call, include.child_keyword, include.child):
            self._include(holder, include, module, scope, call)
            return
        row = DECORATORS[framework.name].get(name)
        if row is None and depth < _MAX_WRAPPED:
            # `api.add_org_resource(...)`: a method of the holder's project class.
            made = self.source.qualified(holder.module, holder.call.func)
            cls = self.source.resolve(made) if made else None
            if cls is not None and self.source.class_(cls) is not None:
                for inner in self.wrappers.calls(cls, module, call):
                    self._call_one(module, scope, inner, depth + 1)
            return
        if row is not None and row.endpoint is not None:
            endpoint = keyword(call, row.view, row.endpoint)
            suffix_node = keyword(call, row.suffix) if row.suffix else None
            suffix = self.source.string(module, suffix_node) or "" if suffix_node else ""
            method = self.method_of(module, scope, endpoint) if endpoint is not None else None
            if method is not None:
                # `router.add_get("/", handler.index)`: a method of a project class's instance.
                located = self.source.function(method)
                found = [View(*located)] if located is not None else []
                self.declare(holder, row, module, call, found)
            elif endpoint is not None:
                found = views(self.source, framework, module, endpoint, suffix)
                self.declare(holder, row, module, call, found)

    def _member_call(self, module: Module, scope: str, call: ast.Call) -> None:
        """Sanic's `app.error_handler.add(Exc, handler)`: a handler registered through a
        member of the holder (`error_handler.add` among the framework's handler methods)."""
        assert isinstance(call.func, ast.Attribute)
        member = call.func.value
        if not isinstance(member, ast.Attribute):
            return
        owner = self.holder_of(module, scope, member.value)
        # Or an app passed to the enclosing function, by its annotation (`app: Sanic`).
        framework = owner.framework if owner else self._parameter(module, scope, member)
        exception, handler = keyword(call, "exception", 0), keyword(call, "handler", 1)
        if (
            framework is not None
            and f"{member.attr}.{call.func.attr}" in framework.exception_handlers
            and exception is not None
            and handler is not None
        ):
            self._registered_handler(module, exception, handler)

    def _registered_handler(self, module: Module, exception: ast.expr, handler: ast.expr) -> None:
        """`add_exception_handler(Exc, handler)`: the handler answers that exception."""
        qualified = self.source.qualified(module, handler)
        if qualified is not None:
            self._handler(module, exception, self.source.resolve(qualified))

    def _include(
        self, holder: Holder, include: Include, module: Module, scope: str, call: ast.Call
    ) -> None:
        argument = keyword(call, include.child_keyword, include.child)
        assert argument is not None  # checked by the caller
        if isinstance(argument, (ast.List, ast.Tuple)):
            # `app.add_routes([web.get(...)])`: the routes are the holder's own.
            self.route_list(holder, module, argument)
            return
        child = self.holder_of(module, scope, argument)
        if child is None:
            return
        given = (
            keyword(call, include.prefix, include.prefix_position)
            if include.prefix or include.prefix_position is not None
            else None
        )
        prefix = self.source.string(module, given) or "" if given is not None else None
        self.includes.append(Link(holder.key, child.key, module, call, prefix))

    def _parameter(
        self, module: Module, scope: str, call: ast.Call | ast.Attribute
    ) -> Framework | None:
        """The framework of an application or router passed to the enclosing function, by its
        annotation (`def register_exception_handlers(app: FastAPI)`): its exception handlers
        are registered on the application that function is given. `call`: a method call on
        it, or the method (`app.error_handler`)."""
        func = call.func if isinstance(call, ast.Call) else call
        function = module.functions.get(scope)
        if not isinstance(func, ast.Attribute) or not isinstance(func.value, ast.Name):
            return None
        if function is None:
            return None
        for arg in (*function.args.posonlyargs, *function.args.args, *function.args.kwonlyargs):
            if arg.arg == func.value.id and arg.annotation is not None:
                qualified = self.source.qualified(module, arg.annotation)
                found = HOLDER_CLASSES.get(self.source.resolve(qualified)) if qualified else None
                return found[0] if found is not None else None
        return None

    def _handler(self, module: Module, exception: ast.expr, handler: str) -> None:
        qualified = self.source.qualified(module, exception)
        if qualified is not None:
            self.sends.handlers.setdefault(self.source.resolve(qualified), []).append(handler)

    # -- building -------------------------------------------------------------------------------
    def contexts(self, key: str, seen: frozenset[str] = frozenset()) -> list[list[str | Link]]:
        """Every chain of holders and includes from a root holder down to `key`."""
        parents = [include for include in self.includes if include.child == key]
        if not parents or key in seen:
            return [[key]]
        chains: list[list[str | Link]] = []
        for include in parents:
            for chain in self.contexts(include.parent, seen | {key}):
                chains.append([*chain, include, key])
        return chains

    def routes(self) -> list[Route]:
        found: list[Route] = []
        for declaration in self.declarations:
            for chain in self.contexts(declaration.holder):
                found.append(self._route(declaration, chain))
        unique = {(route.methods, route.path, route.handler): route for route in found}
        return sorted(unique.values(), key=lambda r: (r.path, r.methods, r.handler))

    def _route(self, declaration: Declaration, chain: list[str | Link]) -> Route:
        holder = self.holders[declaration.holder]
        framework = holder.framework
        module, call, row = declaration.module, declaration.call, declaration.row
        view = declaration.view
        function, target = view.function, view.module
        prefix = ""
        names = ""
        documented: list[Documented] = []
        dependencies: list[tuple[Module, ast.expr]] = []
        replaced = False
        # Under a router included nowhere the table knows, what its includer documents is not.
        root = chain[0]
        self.whole = isinstance(root, str) and (
            root not in self.holders or self.holders[root].row.prefix is None
        )
        version: str | None = None
        # Where in `prefix` each holder on the way starts: its test client's paths.
        starts: dict[str, int] = {}
        for link in chain:
            if isinstance(link, str) and link not in self.holders:
                continue  # what mounts a holder from outside: Django's URLs
            if isinstance(link, str):
                starts[link] = len(prefix)
                linked = self.holders[link]
                version = self._version(linked.module, linked.call, linked.row.version) or version
                if not replaced:
                    prefix += self._prefix(linked)
                if linked.row.name is not None or linked.row.default_name:
                    name = self._string(
                        linked.module, linked.call, linked.row.name_keyword, linked.row.name
                    )
                    name = name or linked.row.default_name
                    names += name + linked.row.joiner if name else ""
                settings = [(linked.module, linked.call)]
                settings += [linked.init] if linked.init is not None else []
                for where, setting in settings:
                    documented += self._documented(where, setting, linked.row.documented)
                    self._serves_schema(where, setting, framework.name)
                    dependencies += self._listed(where, setting, linked.row.dependencies)
            elif link.call is not None:
                include = self._include_row(link)
                prefix += link.prefix or ""
                replaced = include.replaces_prefix and link.prefix is not None
                documented += self._documented(link.module, link.call, include.documented)
                dependencies += self._listed(link.module, link.call, include.dependencies)
            else:
                prefix += link.prefix or ""
                replaced = False
        below = {key: prefix[start:] for key, start in starts.items()}
        path = declaration.path
        if path is None:
            path = self._string(module, call, row.path_keyword or None, row.path_position)
        if framework.parameter is not None:
            path = re.sub(framework.parameter, r"{\1}", path)
        if framework.regex_paths:
            path = regex_path(path)
        version = self._version(module, call, row.version) or version
        if version is not None:
            prefix = f"/v{version}{prefix}"
        methods = declaration.methods or view.methods or row.methods
        methods = methods or self._methods(module, call, row)
        own = self._documented(module, call, row.documented)
        documented += own
        if row.extra is not None:
            extra = keyword(call, row.extra)
            documented += [
                Documented(*found) for found in self.source.statuses_of_extra(module, extra)
            ]
            self.whole = self.whole and (extra is None or self.source.whole_extra(module, extra))
        dependencies += self._listed(module, call, row.dependencies)
        dependencies += self.sends.view_dependencies(target, view.local)
        handler = label(target, view.local)
        declared = self.source.status(module, keyword(call, row.status)) if row.status else None
        declared = declared or self._decorated_status(target, function, framework)
        default = next(
            (status for method, status in framework.status_by_method if method in methods),
            framework.default_status,
        )
        if framework.success_from_documented:
            statuses = {entry.status for entry in own}
            default = statuses.pop() if len(statuses) == 1 else default
            documented += [] if own else [Documented(default, module.path, call.lineno)]
        sends = [
            Sent(
                declared or default,
                module.path,
                call.lineno,
                "status_code" if declared else "default",
            ),
            *self.sends.of(f"{target.name}.{view.local}"),
            *self.sends.dependencies(target, function),
        ]
        for dependency_module, marker in dependencies:
            if isinstance(marker, ast.Call) and self.sends.is_dependency(dependency_module, marker):
                sends += self.sends.dependency(dependency_module, marker)
        for hook in self._hooks_of(chain):
            sends += self.sends.of(hook)
        if framework.documents_success:
            success = declared or default
            documented.append(Documented(success, module.path, call.lineno))
        has_parameters = self._has_parameters(target, function, 0, framework.reserved) or any(
            isinstance(marker, ast.Call) and self._validates(where, marker)
            for where, marker in dependencies
        )
        implicit = [row_ for row_ in framework.implicit if row_.when == "always" or has_parameters]
        documented += [
            Documented(row_.status, module.path, call.lineno)
            for row_ in implicit
            if row_.documented
        ]
        name_node = keyword(call, row.route_name)
        given = self.source.string(module, name_node) if name_node is not None else None
        shaped = _joined if framework.joins_paths else normalise
        return Route(
            framework.name,
            methods,
            shaped(prefix + path),
            names + (given or view.name or self._default_name(framework, view)),
            handler,
            target.path,
            function.lineno,
            sorted(set(sends)),
            sorted({Implicit(row_.status, row_.reason) for row_ in implicit}),
            sorted({entry.status: entry for entry in sorted(documented, reverse=True)}.values()),
            documented_whole=self.whole,
            relative={key: shaped(inner + path) for key, inner in below.items()},
            made_router=any(isinstance(link, str) and link in self.made_classes for link in chain),
            declared_at=(module.path, call.lineno, call.col_offset),
            included_elsewhere=self._included_elsewhere(declaration),
        )

    def _included_elsewhere(self, declaration: Declaration) -> bool:
        """Whether the route's router is made in the file declaring it, and that file shows
        no way from it to an application (as rules/documentation.py reads one file)."""
        holder = self.holders.get(declaration.holder)
        if holder is None or holder.module is not declaration.module:
            return False
        return not self._reaches_app(holder.key, declaration.module.path, frozenset())

    def _reaches_app(self, key: str, path: str, seen: frozenset[str]) -> bool:
        """Whether every include of the holder `key` in the file `path` leads to an
        application made there (an app itself: one with no prefix)."""
        holder = self.holders.get(key)
        if holder is None or holder.module.path != path or key in seen:
            return False
        if holder.row.prefix is None:
            return True
        parents = [link for link in self.includes if link.child == key and link.module.path == path]
        return bool(parents) and all(
            self._reaches_app(link.parent, path, seen | {key}) for link in parents
        )

    def _decorated_status(
        self, module: Module, function: Function, framework: Framework
    ) -> int | None:
        """The success status a decorator of the handler sets (`@blp.response(201)`)."""
        for decorator in function.decorator_list:
            if isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute):
                for name, position in framework.success_decorators:
                    if decorator.func.attr == name:
                        status = self.source.status(
                            module, keyword(decorator, "status_code", position)
                        )
                        return status or old_response_code(self.source, module, decorator)
        return None

    def _hooks_of(self, chain: list[str | Link]) -> list[str]:
        """The hooks run before a route: its holders', and those registered for every route of
        the app at the chain's root by a holder mounted in that app."""
        found = [
            hook for link in chain if isinstance(link, str) for hook in self.hooks.get(link, ())
        ]
        root = chain[0]
        for holder, hook in self.app_hooks:
            if any(context[0] == root for context in self.contexts(holder)):
                found.append(hook)
        return found

    @staticmethod
    def _default_name(framework: Framework, view: View) -> str:
        if framework.default_name == "qualified":
            return f"{view.module.name}.{view.local}"
        return "" if framework.default_name == "none" else view.function.name

    def _version(self, module: Module, call: ast.Call, name: str | None) -> str | None:
        """A `version=` as its text (`1`, `"2.1"`), None when not given or not a literal."""
        node = keyword(call, name) if name else None
        if isinstance(node, ast.Constant) and isinstance(node.value, (int, float, str)):
            return str(node.value)
        return self.source.string(module, node)

    def _include_row(self, link: Link) -> Include:
        # Found as `holder.include_router(...)`, a call of the parent's framework.
        assert link.call is not None
        assert isinstance(link.call.func, ast.Attribute)
        return INCLUDES[self.holders[link.parent].framework.name][link.call.func.attr]

    def _prefix(self, holder: Holder) -> str:
        row = holder.row
        prefix = self._string(holder.module, holder.call, row.prefix, row.prefix_position)
        if not prefix and row.prefix_from_name and row.name is not None:
            name = self._string(holder.module, holder.call, "name", row.name)
            prefix = f"/{name}" if name else ""
        return prefix.rstrip("/") if row.prefix_from_name else prefix

    def _string(
        self, module: Module, call: ast.Call, name: str | None, position: int | None = None
    ) -> str:
        if name is None and position is None:
            return ""
        return self.source.string(module, keyword(call, name, position)) or ""

    def _methods(self, module: Module, call: ast.Call, row: RouteDecorator) -> tuple[str, ...]:
        node = keyword(call, row.methods_keyword, row.methods_position)
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            found = [self.source.string(module, item) for item in node.elts]
            return tuple(sorted(method.upper() for method in found if method))
        one = self.source.string(module, node) if node is not None else None
        return (one.upper(),) if one else ("GET",)

    def _documented(self, module: Module, call: ast.Call, name: str | None) -> list[Documented]:
        if name is None:
            return []
        if any(
            item.arg == "include_in_schema" or (item.arg is None and not self._own(call, item))
            for item in call.keywords
        ):
            self.whole = False  # `**settings`, or a route perhaps kept out of the schema
        value = keyword(call, name)
        if value is not None and not self.source.whole_mapping(module, value):
            self.whole = False
        return [
            Documented(*found)
            for found in self.source.statuses_of_mapping(module, keyword(call, name))
        ]

    def _serves_schema(self, module: Module, call: ast.Call, framework: str) -> None:
        """An application serving no schema (`FastAPI(openapi_url=None)`) documents its routes
        nowhere a client reads, and one whose schema URL is not a literal may not: not whole."""
        row = BY_FRAMEWORK.get(framework)
        node = keyword(call, row.schema) if row is not None and row.schema is not None else None
        if node is None or (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            return
        configs = row.schema_configs if row is not None else frozenset()
        if isinstance(node, ast.Call) and self.source.qualified(module, node.func) in configs:
            return
        self.whole = False

    def _own(self, call: ast.Call, item: ast.keyword) -> bool:
        """`**kwargs` in a router subclass's `super().__init__(...)` that passes on only what
        its own call site gives, which the map reads there."""
        own = self.passed_on.get(id(call))
        return own is not None and isinstance(item.value, ast.Name) and item.value.id == own

    def _listed(
        self, module: Module, call: ast.Call, name: str | None
    ) -> list[tuple[Module, ast.expr]]:
        node = keyword(call, name) if name else None
        if isinstance(node, (ast.List, ast.Tuple)):
            return [(module, item) for item in node.elts]
        return []

    def _has_parameters(
        self, module: Module, function: Function, depth: int = 0, reserved: tuple[str, ...] = ()
    ) -> bool:
        """Whether the framework validates something for this handler: a parameter it does not
        inject, here or in a dependency."""
        injected = {name for found in HOLDER_CLASSES.values() for name in found[0].injected}
        arguments = function.args
        positional = [*arguments.posonlyargs, *arguments.args]
        defaults: list[ast.expr | None] = [None] * (len(positional) - len(arguments.defaults))
        defaults += arguments.defaults
        for arg, default in (
            *zip(positional, defaults, strict=True),
            *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True),
        ):
            if arg.arg in {"self", "cls", *reserved}:
                continue
            annotation = ast.unparse(arg.annotation) if arg.annotation else ""
            if any(re.search(rf"\b{name}\b", annotation) for name in injected):
                continue
            markers = [annotation, ast.unparse(default) if default is not None else ""]
            if any("Depends(" in text or "Security(" in text for text in markers):
                continue
            return True
        if depth > 5:
            return False
        return any(
            self._validates(marker_module, marker, depth)
            for marker_module, marker in self.sends.dependency_calls(module, function)
        )

    def _validates(self, module: Module, marker: ast.Call, depth: int = 0) -> bool:
        """Whether a dependency (`Depends(x)`) reads parameters the framework validates."""
        target = keyword(marker, "dependency", 0)
        qualified = self.source.qualified(module, target) if target is not None else None
        located = self.source.function(qualified) if qualified else None
        return located is not None and self._has_parameters(located[0], located[2], depth + 1)


def _routes(source: Source) -> tuple[list[Route], DjangoRoutes, ConnexionRoutes]:
    builder = _Builder(source)
    builder.find()
    django = DjangoRoutes(source, builder.sends)
    django_routes = django.routes()
    for module, node, prefix in django.mounted:
        builder.mount(module, node, prefix)
    connexion = ConnexionRoutes(source, builder.sends)
    routes = builder.routes() + django_routes + connexion.routes()
    routes.sort(key=lambda route: (route.path, route.methods, route.handler))
    return routes, django, connexion


def routes_of(source: Source) -> list[Route]:
    """The project's routes with what each sends, documents in the code the rules read
    (FastAPI's `responses=`, an OpenAPI document Connexion is given) and answers implicitly
    (not what its tests check)."""
    return _routes(source)[0]


def route_map(root: Path, openapi: Document | None = None) -> RouteMap:
    """The route map of the project under `root`; `openapi`: a document to read the
    routes' documented statuses from (`--openapi FILE`)."""
    source = Source(root)
    routes, django, connexion = _routes(source)
    document_spectacular(source, routes, django.view_classes)
    document_decorated(source, routes)
    document_smorest(source, routes)
    documents, unmatched = connexion.documents, []
    if openapi is not None:
        unmatched = document_openapi(routes, openapi)
        documents = [*documents, openapi.file]
    tests = Tests(source, routes)
    tests.apply()
    return RouteMap(
        routes, source.errors, sorted(set(tests.unresolved)), documents, sorted(unmatched)
    )
