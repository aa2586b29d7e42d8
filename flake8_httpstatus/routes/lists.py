"""Routes declared as lists: `Starlette(routes=[Route(...), Mount("/api", routes=[...])])`,
a `Mount` of a whole app, Tornado's `Application([(r"/x", Handler)])`, aiohttp's
`add_routes([web.get(...)])`; and how one declaration call becomes a route per handler and
path."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flake8_httpstatus.knowledge.routing import (
    ENTRIES,
    HANDLERS,
    HOLDER_CLASSES,
    Framework,
    RouteDecorator,
)
from flake8_httpstatus.routes.declared import Declaration, Declared, Holder, Link
from flake8_httpstatus.routes.source import Module, keyword
from flake8_httpstatus.routes.views import View, views

# Lists nest (a Mount's routes hold Mounts); past this depth a name refers back to itself.
_MAX_DEPTH = 20


class RouteLists(Declared):
    def holder_lists(self, holder: Holder, depth: int = 0) -> None:
        """The routes listed in a holder's constructor, and the app it mounts whole."""
        row = holder.row
        if row.routes is not None or row.routes_position is not None:
            listed = keyword(holder.call, row.routes, row.routes_position)
            self.route_list(holder, holder.module, listed, depth)
        mounted = keyword(holder.call, row.mounted) if row.mounted else None
        child = self.holder_of(holder.module, holder.scope, mounted) if mounted else None
        if child is not None:
            self.includes.append(Link(holder.key, child.key, holder.module, None, None))

    def route_list(
        self, holder: Holder, module: Module, node: ast.expr | None, depth: int = 0
    ) -> None:
        if depth > _MAX_DEPTH:
            return
        for where, item in self._items(module, node, depth):
            if isinstance(item, ast.Call):
                self._list_call(holder, where, item, depth)
            elif isinstance(item, (ast.Name, ast.Attribute)):
                self._list_name(holder, where, item, depth)
            elif isinstance(item, ast.Tuple) and holder.framework.tuple_entries and item.elts:
                self._tuple_entry(holder, where, item)

    def _list_call(self, holder: Holder, module: Module, call: ast.Call, depth: int) -> None:
        qualified = self.source.qualified(module, call.func)
        if qualified is None:
            return
        qualified = self.source.resolve(qualified)
        entry = ENTRIES.get(qualified)
        if entry is not None:
            framework, row = entry
            endpoint = keyword(call, row.view, row.endpoint)
            if endpoint is not None:
                self.declare(
                    holder, row, module, call, views(self.source, framework, module, endpoint)
                )
            return
        for cls in self.source.bases(qualified):
            found = HOLDER_CLASSES.get(cls)
            if found is not None:
                key = f"{module.name}.<{cls.rpartition('.')[2]}:{call.lineno}:{call.col_offset}>"
                inner = Holder(key, found[0], found[1], module, call, scope=holder.scope)
                self.holders[key] = inner
                self.includes.append(Link(holder.key, key, module, None, None))
                self.holder_lists(inner, depth + 1)
                return

    def _list_name(self, holder: Holder, module: Module, node: ast.expr, depth: int) -> None:
        """A holder (a Litestar `Router`), a handler function, or a controller class."""
        child = self.holder_of(module, holder.scope, node)
        if child is not None:
            self.includes.append(Link(holder.key, child.key, module, None, None))
            return
        qualified = self.source.qualified(module, node)
        if qualified is None:
            return
        located = self.source.class_(qualified)
        if located is not None:
            self._controller(holder, self.source.resolve(qualified), depth)
            return
        function = self.source.function(qualified)
        if function is not None:
            self.handler(holder, View(*function))

    def handler(self, holder: Holder, view: View) -> None:
        """A function (or method) whose decorator makes it a route handler (`@get("/x")`)."""
        for decorator in view.function.decorator_list:
            if not isinstance(decorator, ast.Call):
                continue
            qualified = self.source.qualified(view.module, decorator.func)
            found = HANDLERS.get(self.source.resolve(qualified)) if qualified else None
            if found is not None:
                self.declare(holder, found[1], view.module, decorator, [view])

    def unlisted(self, modules: list[Module]) -> None:
        """Controllers and handler functions no holder lists (the app is configured where the
        map does not follow, such as a plugin's `on_app_init`): routes at their own path."""
        declared = {(found.view.module.name, found.view.local) for found in self.declarations}
        for module in modules:
            for value in list(module.assignments.values()):
                framework = self._handler_list(module, value)
                if framework is not None and id(value) not in self.listed:
                    self.route_list(self._root(framework, module), module, value)
            for name in module.classes:
                if f"{module.name}.{name}" not in self.holders:
                    self._controller(None, f"{module.name}.{name}", 0)
            for local, function in module.functions.items():
                if "." in local or (module.name, local) in declared:
                    continue
                for decorator in function.decorator_list:
                    qualified = (
                        self.source.qualified(module, decorator.func)
                        if isinstance(decorator, ast.Call)
                        else None
                    )
                    found = HANDLERS.get(self.source.resolve(qualified)) if qualified else None
                    if found is not None:
                        self.handler(self._root(found[0], module), View(module, local, function))
                        break

    def _handler_list(self, module: Module, node: ast.expr) -> Framework | None:
        """The framework of a list of `(path, Handler)` tuples, its handlers deriving from
        the framework's handler class."""
        if not isinstance(node, (ast.List, ast.Tuple)):
            return None
        for item in node.elts:
            if not isinstance(item, ast.Tuple) or len(item.elts) < 2:
                continue
            qualified = self.source.qualified(module, item.elts[1])
            bases = set(self.source.bases(qualified)) if qualified else set()
            for framework, _ in HOLDER_CLASSES.values():
                if framework.tuple_entries and bases & set(framework.handler_bases):
                    return framework
        return None

    def _root(self, framework: Framework, module: Module) -> Holder:
        """A holder standing for the app of handlers listed nowhere the map sees."""
        key = f"<{framework.name}>"
        if key not in self.holders:
            call = ast.Call(ast.Name(framework.name), [], [])
            self.holders[key] = Holder(key, framework, framework.holders[0], module, call)
        return self.holders[key]

    def _controller(self, holder: Holder | None, cls: str, depth: int) -> None:
        """A controller class listed in a holder: a holder of its own, whose settings are its
        class attributes (`path = "/items"`), holding its methods' handlers."""
        row = next(
            (
                HOLDER_CLASSES[base]
                for base in self.source.bases(cls)
                if base in HOLDER_CLASSES and HOLDER_CLASSES[base][1].controller
            ),
            None,
        )
        located = self.source.class_(cls)
        if row is None or located is None or depth > _MAX_DEPTH:
            return
        module, node = located
        settings: list[ast.keyword] = []
        for base in reversed(self.source.bases(cls)):
            found = self.source.class_(base)
            for statement in found[1].body if found is not None else []:
                if (
                    isinstance(statement, ast.Assign)
                    and len(statement.targets) == 1
                    and isinstance(statement.targets[0], ast.Name)
                ):
                    settings.append(ast.keyword(statement.targets[0].id, statement.value))
        call = ast.copy_location(ast.Call(ast.Name(node.name), [], settings), node)
        key = cls
        if key not in self.holders:
            self.holders[key] = Holder(key, row[0], row[1], module, call)
            for base in self.source.bases(cls):
                for method in self._class_methods(base):
                    self.handler(self.holders[key], method)
        if holder is not None:
            self.includes.append(Link(holder.key, key, module, None, None))

    def _class_methods(self, cls: str) -> Iterator[View]:
        located = self.source.class_(cls)
        if located is None:
            return
        module, node = located
        for statement in node.body:
            if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                local = f"{cls.removeprefix(module.name + '.')}.{statement.name}"
                yield View(module, local, statement)

    def _tuple_entry(self, holder: Holder, module: Module, item: ast.Tuple) -> None:
        """`(r"/items/([0-9]+)", ItemHandler, {...})`: a path and a handler class."""
        framework = holder.framework
        row = framework.entries[0]
        if len(item.elts) < 2:
            return
        path = self.source.string(module, item.elts[0])
        if path is None:
            return
        call = ast.Call(func=ast.Name("tuple"), args=list(item.elts), keywords=[])
        ast.copy_location(call, item)
        found = views(self.source, framework, module, item.elts[1])
        self.declare(holder, row, module, call, found, path)

    def _items(
        self, module: Module, node: ast.expr | None, depth: int
    ) -> Iterator[tuple[Module, ast.expr]]:
        """A list's items, through names bound to lists (here or in another module), `+` and
        `*unpacking`."""
        if node is None or depth > _MAX_DEPTH:
            return
        if isinstance(node, (ast.List, ast.Tuple)):
            self.listed.add(id(node))
            for item in node.elts:
                if isinstance(item, ast.Starred):
                    yield from self._items(module, item.value, depth + 1)
                else:
                    yield module, item
        elif isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            yield from self._items(module, node.left, depth + 1)
            yield from self._items(module, node.right, depth + 1)
        elif isinstance(node, (ast.Name, ast.Attribute)):
            located = self.source.constant(module, node)
            if located is not None and isinstance(located[1], (ast.List, ast.Tuple, ast.BinOp)):
                yield from self._items(*located, depth + 1)
            else:
                yield module, node

    def declare(
        self,
        holder: Holder,
        row: RouteDecorator,
        module: Module,
        call: ast.Call,
        found: list[View],
        path: str | None = None,
    ) -> None:
        """A declaration per handler and path (`add_resource(Resource, "/a", "/b")`)."""
        paths: list[str | None] = [path]
        given = keyword(call, row.path_keyword or None, row.path_position)
        if path is None and row.more_paths:
            listed = [self.source.string(module, arg) for arg in call.args[row.path_position :]]
            paths = [text for text in listed if text is not None]
        elif path is None and isinstance(given, (ast.List, ast.Tuple)):
            # `@get(["/a", "/b"])`: a route per path.
            listed = [self.source.string(module, item) for item in given.elts]
            paths = [text for text in listed if text is not None]
        for view in found:
            for each in paths:
                self.declarations.append(Declaration(holder.key, row, module, call, view, each))
