"""What a name written at a given place would refer to: Python's scoping rules, read from the
module's tree, so that a fix never writes a name that something else holds where it is written
(`def f(HTTPStatus): abort(404)`, `from myapp import status`, `status = ...` later on).

One walk records every scope (module, function, lambda, class, comprehension) with the names it
binds and how, and the chain of scopes each literal is evaluated in: defaults, decorators,
annotations and base classes in the enclosing scope, a comprehension's first iterable outside
it, a walrus target in the nearest function. A name is then looked up as Python does: a
function's or comprehension's own names, `global` and `nonlocal`, enclosing functions (never
an enclosing class body), then the module, where any binding other than the expected import
(an assignment, a `del`, a def, another import, a `global` write in a function) disqualifies it.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

_COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp)


@dataclass(eq=False)
class _Scope:
    kind: str  # "module", "function", "class" or "comprehension"
    name: str
    parent: _Scope | None
    # Each name bound here, with how it was first bound ("a parameter", "a loop variable").
    bound: dict[str, str] = field(default_factory=dict)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)
    # At module level: each import binding a name, as the qualified name it binds.
    imported: dict[str, set[str]] = field(default_factory=dict)
    # At module level: names bound by anything but an import (how, and where).
    other: dict[str, str] = field(default_factory=dict)

    def bind(self, name: str, how: str) -> None:
        scope = self
        if name in self.declared_global:
            while scope.parent is not None:
                scope = scope.parent
        elif name in self.declared_nonlocal:
            return  # the enclosing function's name, which that function's walk records
        scope.bound.setdefault(name, how)
        if scope.kind == "module":
            scope.other.setdefault(name, how)

    def describe(self) -> str:
        if self.kind == "class":
            return f"class {self.name}"
        if self.kind == "comprehension":
            return "a comprehension"
        return f"{self.name}()"


class Bindings:
    """The scopes of one module, for asking what a name means where a literal is."""

    def __init__(self, tree: ast.AST) -> None:
        self.module = _Scope("module", "", None)
        self._where: dict[int, _Scope] = {}
        self._walk(tree, self.module)

    def conflict(self, name: str, node: ast.AST, target: str) -> str:
        """Why `name` written in place of `node` would not be the module-level import of
        `target` (a qualified name such as `http.HTTPStatus`); "" when it would be."""
        scope: _Scope | None = self._where.get(id(node), self.module)
        innermost = True
        while scope is not None and scope.kind != "module":
            if name in scope.declared_global:
                break
            if name in scope.bound and (innermost or scope.kind != "class"):
                return f"`{name}` is {scope.bound[name]} of {scope.describe()} there"
            innermost = False
            scope = scope.parent
        other = self.module.other.get(name)
        if other is not None:
            return f"`{name}` is also {other} in this module"
        imported = self.module.imported.get(name, set())
        if imported - {target}:
            first = sorted(imported - {target})[0]
            return f"`{name}` is an import of `{first}` in this module"
        return ""

    # -- the walk: iterative, in source order (a `global` comes before the names it declares);
    # trees too deep to recurse into are valid Python too. Constants and names, most of the
    # nodes, are settled inline; the few kinds that bind or open a scope have a visit of their
    # own (`_VISITS`); any other node only passes its scope on to its children.
    def _walk(self, tree: ast.AST, module: _Scope) -> None:
        stack: list[tuple[Any, _Scope]] = [(tree, module)]
        pop, extend = stack.pop, stack.extend
        where = self._where
        visits = _VISITS
        while stack:
            node, scope = pop()
            kind = type(node)
            if kind is ast.Constant:
                where[id(node)] = scope
            elif kind is ast.Name:
                context = type(node.ctx)
                if context is not ast.Load:
                    scope.bind(node.id, "deleted" if context is ast.Del else "assigned")
            else:
                visit = visits.get(kind)
                if visit is not None:
                    extend(reversed(visit(self, node, scope)))
                else:
                    extend(reversed(_children(node, scope)))

    def _function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: _Scope
    ) -> list[tuple[ast.AST, _Scope]]:
        """Decorators, defaults and annotations are evaluated where the function is defined."""
        scope.bind(node.name, "a function")
        inner = _Scope("function", node.name, scope)
        for param in getattr(node, "type_params", ()):
            inner.bind(param.name, "a type parameter")
        _parameters(node.args, inner)
        outside = [*node.decorator_list, *([node.returns] if node.returns else [])]
        return [
            *((expr, scope) for expr in outside),
            *_arguments(node.args, scope),
            *((statement, inner) for statement in node.body),
        ]

    def _class(self, node: ast.ClassDef, scope: _Scope) -> list[tuple[ast.AST, _Scope]]:
        scope.bind(node.name, "a class")
        inner = _Scope("class", node.name, scope)
        for param in getattr(node, "type_params", ()):
            inner.bind(param.name, "a type parameter")
        outside = (*node.decorator_list, *node.bases, *(k.value for k in node.keywords))
        return [
            *((expr, scope) for expr in outside),
            *((statement, inner) for statement in node.body),
        ]


def _lambda(bindings: Bindings, node: ast.Lambda, scope: _Scope) -> list[tuple[ast.AST, _Scope]]:
    inner = _Scope("function", "lambda", scope)
    _parameters(node.args, inner)
    return [*_arguments(node.args, scope), (node.body, inner)]


def _named_expr(
    bindings: Bindings, node: ast.NamedExpr, scope: _Scope
) -> list[tuple[ast.AST, _Scope]]:
    """A walrus binds in the nearest enclosing function, not a comprehension."""
    target = scope
    while target.kind == "comprehension" and target.parent is not None:
        target = target.parent
    target.bind(node.target.id, "a walrus target")
    return [(node.value, scope)]


def _global(bindings: Bindings, node: ast.Global, scope: _Scope) -> list[tuple[ast.AST, _Scope]]:
    scope.declared_global.update(node.names)
    return []


def _nonlocal(
    bindings: Bindings, node: ast.Nonlocal, scope: _Scope
) -> list[tuple[ast.AST, _Scope]]:
    scope.declared_nonlocal.update(node.names)
    return []


def _imports(
    bindings: Bindings, node: ast.Import | ast.ImportFrom, scope: _Scope
) -> list[tuple[ast.AST, _Scope]]:
    _import(node, scope)
    return []


def _binding(bindings: Bindings, node: ast.AST, scope: _Scope) -> list[tuple[ast.AST, _Scope]]:
    """A statement or pattern that binds names other than through `Name` targets."""
    _binding_target(node, scope)
    return _children(node, scope)


# Fields that hold only leaves no visit looks at (contexts, operators).
_LEAF_FIELDS = frozenset({"ctx", "op", "ops"})
_FIELDS: dict[type, tuple[str, ...]] = {}


def _children(node: ast.AST, scope: _Scope) -> list[tuple[ast.AST, _Scope]]:
    """`ast.iter_child_nodes(node)`, less contexts and operators, each with `scope`."""
    kind = type(node)
    fields = _FIELDS.get(kind)
    if fields is None:
        fields = _FIELDS[kind] = tuple(name for name in kind._fields if name not in _LEAF_FIELDS)
    found: list[tuple[ast.AST, _Scope]] = []
    for name in fields:
        value = getattr(node, name, None)
        if type(value) is list:
            found += [(item, scope) for item in value if isinstance(item, ast.AST)]
        elif isinstance(value, ast.AST):
            found.append((value, scope))
    return found


def _arguments(args: ast.arguments, scope: _Scope) -> list[tuple[ast.AST, _Scope]]:
    """Defaults and annotations, visited in the scope that defines the function."""
    found: list[tuple[ast.AST, _Scope]] = [
        (default, scope) for default in (*args.defaults, *args.kw_defaults) if default is not None
    ]
    for arg in (*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg):
        if arg is not None and arg.annotation is not None:
            found.append((arg.annotation, scope))
    return found


def _comprehension(
    node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, scope: _Scope
) -> list[tuple[ast.AST, _Scope]]:
    """The first iterable is evaluated outside; the rest, in the comprehension's own scope."""
    generators = node.generators
    inner = _Scope("comprehension", "", scope)
    found: list[tuple[ast.AST, _Scope]] = [(generators[0].iter, scope)]
    for index, generator in enumerate(generators):
        if index:
            found.append((generator.iter, inner))
        for name in _target_names(generator.target):
            inner.bind(name, "a comprehension variable")
        found.extend((condition, inner) for condition in generator.ifs)
    parts = (node.key, node.value) if isinstance(node, ast.DictComp) else (node.elt,)
    found.extend((part, inner) for part in parts)
    return found


def _binding_target(node: ast.AST, scope: _Scope) -> None:
    """The names statements and patterns bind other than through `Name` targets."""
    if isinstance(node, ast.ExceptHandler) and node.name:
        scope.bind(node.name, "an `except` target")
    elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
        scope.bind(node.name, "a `case` capture")
    elif isinstance(node, ast.MatchMapping) and node.rest:
        scope.bind(node.rest, "a `case` capture")
    elif isinstance(node, ast.For | ast.AsyncFor):
        for name in _target_names(node.target):
            scope.bind(name, "a loop variable")
    elif isinstance(node, ast.withitem) and node.optional_vars is not None:
        for name in _target_names(node.optional_vars):
            scope.bind(name, "a `with` target")


def _import(node: ast.Import | ast.ImportFrom, scope: _Scope) -> None:
    for alias in node.names:
        if alias.name == "*":
            continue
        if isinstance(node, ast.Import):
            local = alias.asname or alias.name.partition(".")[0]
            target = alias.name if alias.asname else local
        else:
            local = alias.asname or alias.name
            module = "." * node.level + (node.module or "")
            target = f"{module}.{alias.name}"
        if scope.kind == "module" and local not in scope.declared_global:
            scope.bound.setdefault(local, "an import")
            scope.imported.setdefault(local, set()).add(target)
        else:
            scope.bind(local, f"an import of `{target}`")


def _parameters(args: ast.arguments, scope: _Scope) -> None:
    for arg in (*args.posonlyargs, *args.args, args.vararg, *args.kwonlyargs, args.kwarg):
        if arg is not None:
            scope.bind(arg.arg, "a parameter")


_Visit = Callable[[Bindings, Any, _Scope], list[tuple[ast.AST, _Scope]]]
# The kinds of node that bind a name or open a scope, each with its visit (`Bindings._walk`).
_VISITS: dict[type, _Visit] = {
    ast.FunctionDef: Bindings._function,
    ast.AsyncFunctionDef: Bindings._function,
    ast.ClassDef: Bindings._class,
    ast.Lambda: _lambda,
    **dict.fromkeys(_COMPREHENSIONS, lambda _, node, scope: _comprehension(node, scope)),
    ast.NamedExpr: _named_expr,
    ast.Global: _global,
    ast.Nonlocal: _nonlocal,
    ast.Import: _imports,
    ast.ImportFrom: _imports,
    **dict.fromkeys(
        (
            ast.ExceptHandler,
            ast.MatchAs,
            ast.MatchStar,
            ast.MatchMapping,
            ast.For,
            ast.AsyncFor,
            ast.withitem,
        ),
        _binding,
    ),
}


def _target_names(target: ast.AST) -> list[str]:
    return [node.id for node in ast.walk(target) if isinstance(node, ast.Name)]
