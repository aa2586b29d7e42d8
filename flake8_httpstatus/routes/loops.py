"""Routes and blueprints registered in a loop: `for bp in BLUEPRINTS: app.register_blueprint(bp)`.
The loop runs over a literal list or tuple, a module constant, a name the function binds to one,
or a parameter the function's callers give one (lemur passes its blueprints through two
factories); each item is bound to the loop's names in turn."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterator
from dataclasses import dataclass

from flake8_httpstatus.routes.source import Module, Source

# Sequences nest and names refer to one another; past this depth a name refers back to itself.
_MAX_DEPTH = 12
# Registrations one call stands for at most (nested loops multiply).
_MAX_BINDINGS = 1000

# An expression with the module and the function (its qualname, "" at the top) to read it in.
Where = tuple[Module, str, ast.expr]


@dataclass(frozen=True)
class Loop:
    target: ast.expr
    iterable: ast.expr


def loop_names(loop: Loop) -> list[str]:
    """The names a loop binds: `bp`, or `rule, view` from a tuple target."""
    targets = loop.target.elts if isinstance(loop.target, ast.Tuple) else [loop.target]
    return [target.id for target in targets if isinstance(target, ast.Name)]


def _callee(call: ast.Call) -> str | None:
    if isinstance(call.func, ast.Name):
        return call.func.id
    return call.func.attr if isinstance(call.func, ast.Attribute) else None


class LoopValues:
    """The items loops run over, read through names and the calls of the enclosing function."""

    def __init__(self, source: Source, calls: list[tuple[Module, str, ast.Call]]) -> None:
        self.source = source
        # The project's calls by the name they call, to find a function's callers.
        self.calls: dict[str, list[tuple[Module, str, ast.Call]]] = {}
        for module, scope, call in calls:
            name = _callee(call)
            if name is not None:
                self.calls.setdefault(name, []).append((module, scope, call))

    def bindings(
        self, module: Module, scope: str, loops: tuple[Loop, ...], used: set[str]
    ) -> Iterator[dict[str, Where]]:
        """Each binding of the loops' names the call uses (`used`) to one item."""
        choices: list[list[dict[str, Where]]] = []
        for loop in loops:
            names = loop_names(loop)
            if not used & set(names):
                continue
            choices.append(list(self._items_bound(module, scope, loop, names)))
        for count, combination in enumerate(itertools.product(*choices)):
            if count >= _MAX_BINDINGS:
                return
            bound: dict[str, Where] = {}
            for part in combination:
                bound.update(part)
            yield bound

    def _items_bound(
        self, module: Module, scope: str, loop: Loop, names: list[str]
    ) -> Iterator[dict[str, Where]]:
        for where, item_scope, item in self.items(module, scope, loop.iterable):
            if isinstance(loop.target, ast.Name):
                yield {loop.target.id: (where, item_scope, item)}
            elif (
                isinstance(loop.target, ast.Tuple)
                and isinstance(item, (ast.Tuple, ast.List))
                and len(item.elts) == len(loop.target.elts)
            ):
                yield {
                    target.id: (where, item_scope, value)
                    for target, value in zip(loop.target.elts, item.elts, strict=True)
                    if isinstance(target, ast.Name)
                }

    def items(
        self,
        module: Module,
        scope: str,
        node: ast.expr,
        depth: int = 0,
        seen: frozenset[tuple[str, str, str]] = frozenset(),
    ) -> list[Where]:
        """The items of a sequence: a literal, `+` of sequences, `*unpacking`, or a name bound
        to one (each binding it may have, once)."""
        if depth > _MAX_DEPTH:
            return []
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            found: list[Where] = []
            for item in node.elts:
                if isinstance(item, ast.Starred):
                    found += self.items(module, scope, item.value, depth + 1, seen)
                else:
                    found.append((module, scope, item))
            return found
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self.items(module, scope, node.left, depth + 1, seen)
            return left + self.items(module, scope, node.right, depth + 1, seen)
        if isinstance(node, ast.Name) and scope and scope in module.functions:
            key = (module.name, scope, node.id)
            values = self._arguments(module, scope, node.id)
            if key not in seen:  # `blueprints = blueprints + DEFAULT`: the parameter's own
                values += self._assigned(module, scope, node.id)
            found = []
            for where, where_scope, value in values:
                found += self.items(where, where_scope, value, depth + 1, seen | {key})
            if values or self._is_parameter(module, scope, node.id):
                return list({id(item[2]): item for item in found}.values())
        if isinstance(node, (ast.Name, ast.Attribute)):
            located = self.source.constant(module, node)
            if located is not None:
                return self.items(located[0], "", located[1], depth + 1, seen)
        return []

    @staticmethod
    def _assigned(module: Module, scope: str, name: str) -> list[Where]:
        """The values a function binds to a name (`blueprints = blueprints + DEFAULT`)."""
        found: list[Where] = []
        for node in ast.walk(module.functions[scope]):
            if isinstance(node, ast.Assign) and len(node.targets) == 1:
                target = node.targets[0]
                if isinstance(target, ast.Name) and target.id == name:
                    found.append((module, scope, node.value))
            elif (
                isinstance(node, ast.AugAssign)
                and isinstance(node.op, ast.Add)
                and isinstance(node.target, ast.Name)
                and node.target.id == name
            ):
                found.append((module, scope, node.value))
        return found

    @staticmethod
    def _parameters(module: Module, scope: str) -> list[str]:
        arguments = module.functions[scope].args
        names = [arg.arg for arg in (*arguments.posonlyargs, *arguments.args)]
        return names[1:] if "." in scope and names[:1] in (["self"], ["cls"]) else names

    def _is_parameter(self, module: Module, scope: str, name: str) -> bool:
        arguments = module.functions[scope].args
        return name in self._parameters(module, scope) or any(
            arg.arg == name for arg in arguments.kwonlyargs
        )

    def _arguments(self, module: Module, scope: str, name: str) -> list[Where]:
        """What the function's callers in the project give its parameter `name`."""
        if not self._is_parameter(module, scope, name):
            return []
        positional = self._parameters(module, scope)
        index = positional.index(name) if name in positional else None
        qualified = f"{module.name}.{scope}"
        found: list[Where] = []
        for caller, caller_scope, call in self.calls.get(scope.rpartition(".")[2], ()):
            callee = (
                self.source.imported_in(caller, caller_scope, call.func.id)
                if isinstance(call.func, ast.Name)
                else None
            ) or self.source.qualified(caller, call.func)
            if callee is None or self.source.resolve(callee) != qualified:
                continue
            given = next((item.value for item in call.keywords if item.arg == name), None)
            if given is None and index is not None and index < len(call.args):
                given = call.args[index]
            if given is not None and not isinstance(given, ast.Starred):
                found.append((caller, caller_scope, given))
        return found
