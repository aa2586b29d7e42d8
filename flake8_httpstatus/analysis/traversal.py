"""The engine's one pass over a tree: every node's handler, in source order, then its children.

Two walks visit the same nodes in the same order. `Walker.recursive`, the one used, calls for
each node type a visit function generated the first time the walk meets that type: the type's
handler, then direct reads of its child fields, with no per-node lookup of what to do (the
walk is a large part of what the plugin adds to a flake8 run). Whether a field holds a list is
read from that first node (a parsed tree's field is a list in every node of a type, or in
none), so each field's code is one loop or one visit: compiling the visits is a fixed cost of
every process that walks a file. A tree nested deeper than
Python's recursion limit allows makes it raise RecursionError; `Walker.iterative` walks any
tree with a stack of its own, and the engine starts over with it then.

Names and constants, which no handler looks at, are never visited. A function's decorators,
parameters and return annotation, a class's decorators, bases and keywords, and a lambda's
parameters belong to the enclosing scope: `enter` and `exit` bracket the body alone.
"""

from __future__ import annotations

import ast
import operator
from collections.abc import Callable
from typing import Any

Handler = Callable[[Any, Any], None]
Visit = Callable[[Any, Any], None]

# Leaves no handler looks at, and the None of an absent optional child.
SKIPPED = frozenset({ast.Name, ast.Constant, ast.Load, ast.Store, ast.Del, ast.Pass, type(None)})
# Fields that never hold a node worth visiting (names, operators, flags).
_IGNORED_FIELDS = frozenset(
    {
        "ctx",
        "id",
        "attr",
        "arg",
        "module",
        "level",
        "kind",
        "conversion",
        "type_comment",
        "is_async",
        "simple",
        "kwd_attrs",
        "op",
        "ops",
        "name",
        "rest",
        "tag",
        "asname",
    }
)
# The parts of a scope-creating node that belong to the enclosing scope, in visiting order;
# its `body` follows, inside the scope.
OUTER_FIELDS: dict[type, tuple[str, ...]] = {
    ast.FunctionDef: ("decorator_list", "args", "returns"),
    ast.AsyncFunctionDef: ("decorator_list", "args", "returns"),
    ast.ClassDef: ("decorator_list", "bases", "keywords"),
    ast.Lambda: ("args",),
}
# Of a function's parameters (`ast.arguments`), only annotations and defaults hold nodes to
# visit: an `arg` has nothing else, and there are many.
_PARAMETER_LISTS = frozenset({"posonlyargs", "args", "kwonlyargs"})
_PARAMETERS = frozenset({"vararg", "kwarg"})


def child_fields(kind: type) -> tuple[str, ...]:
    """The fields of a node type that can hold nodes worth visiting, in visiting order."""
    outer = OUTER_FIELDS.get(kind)
    if outer is not None:
        return outer
    ignored = set(_IGNORED_FIELDS)
    if kind in (ast.Global, ast.Nonlocal, ast.Import, ast.ImportFrom):
        ignored.add("names")  # names, or aliases their handlers read: nothing to visit
    if kind is ast.Constant:
        ignored.add("value")
    return tuple(name for name in getattr(kind, "_fields", ()) if name not in ignored)


class _Enter:
    __slots__ = ("node",)

    def __init__(self, node: ast.AST) -> None:
        self.node = node


class _Exit:
    __slots__ = ()


_EXIT = _Exit()


class Walker:
    """Visits trees for an engine: `handlers[type(node)](engine, node)` for each node,
    `enter(engine, node)` before a function's, class's or lambda's body, `exit(engine)` after."""

    def __init__(
        self,
        handlers: dict[type, Handler],
        enter: Callable[[Any, Any], None],
        exit: Callable[[Any], None],
    ) -> None:
        self.handlers = handlers
        self.enter = enter
        self.exit = exit
        self._visits: dict[type, Visit] = {}
        self._plans: dict[type, tuple[Handler | None, bool, Callable[[Any], Any] | None]] = {}

    # -- recursive: generated visits -------------------------------------------------------------
    def recursive(self, engine: Any, tree: ast.AST) -> None:
        kind = type(tree)
        if kind not in SKIPPED:
            (self._visits.get(kind) or self._visit(kind, tree))(engine, tree)

    def _visit(self, kind: type, sample: ast.AST) -> Visit:
        """The visit of one node type, as Python source compiled once per process; `sample`,
        a node of that type, shows which of its fields hold lists."""
        lines = ["def visit(engine, node):"]
        if kind in self.handlers:
            lines.append("    handler(engine, node)")
        for name in child_fields(kind):
            if kind is ast.arguments and name in _PARAMETER_LISTS:
                lines += _annotations_of_list(name)
            elif kind is ast.arguments and name in _PARAMETERS:
                lines += _annotation_of(name)
            else:
                lines += _field(name, type(getattr(sample, name, None)) is list)
        if kind in OUTER_FIELDS:
            lines.append("    enter(engine, node)")
            lines += _field("body", type(getattr(sample, "body", None)) is list)
            lines.append("    exit(engine)")
        if len(lines) == 1:
            lines.append("    pass")
        namespace: dict[str, Any] = {
            "handler": self.handlers.get(kind),
            "enter": self.enter,
            "exit": self.exit,
            "SKIPPED": SKIPPED,
            "visits": self._visits,
            "make": self._visit,
            "type": type,
        }
        exec(compile("\n".join(lines), f"<visit {kind.__name__}>", "exec"), namespace)
        visit: Visit = namespace["visit"]
        self._visits[kind] = visit
        return visit

    # -- iterative: an explicit stack, for trees too deep to recurse into --------------------------
    def iterative(self, engine: Any, tree: ast.AST) -> None:
        plans = self._plans
        enter, exit = self.enter, self.exit
        stack: list[object] = [tree]
        pop, push, extend = stack.pop, stack.append, stack.extend
        while stack:
            node = pop()
            kind = type(node)
            if kind in SKIPPED:
                continue
            if kind is _Enter:
                enter(engine, node.node)  # type: ignore[attr-defined]
                continue
            if kind is _Exit:
                exit(engine)
                continue
            handler, scoped, children = plans.get(kind) or self._plan(kind)
            if handler is not None:
                handler(engine, node)
            if scoped:
                push(_EXIT)
                body = node.body  # type: ignore[attr-defined]
                if type(body) is list:
                    extend(reversed(body))
                else:
                    push(body)
                push(_Enter(node))  # type: ignore[arg-type]
            if children is None:
                continue
            for value in children(node):
                if type(value) is list:
                    extend(reversed(value))
                else:
                    push(value)

    def _plan(self, kind: type) -> tuple[Handler | None, bool, Callable[[Any], Any] | None]:
        """A node type's handler, whether it opens a scope, and a getter of its children's
        values, last field first (the stack is LIFO)."""
        names = child_fields(kind)
        children: Callable[[Any], Any] | None
        if kind is ast.arguments:
            children = _reversed_parameter_children
        elif len(names) == 1:
            one = operator.attrgetter(names[0])
            children = lambda node: (one(node),)  # noqa: E731
        else:
            children = operator.attrgetter(*reversed(names)) if names else None
        plan = self._plans[kind] = (self.handlers.get(kind), kind in OUTER_FIELDS, children)
        return plan


def _visit(name: str, indent: str) -> list[str]:
    """Source lines visiting the node in variable `name`, unless its type is skipped."""
    return [
        f"{indent}kind = type({name})",
        f"{indent}if kind not in SKIPPED:",
        f"{indent}    (visits.get(kind) or make(kind, {name}))(engine, {name})",
    ]


def _field(name: str, many: bool) -> list[str]:
    """Source lines visiting field `name`: each node of its list if `many`, else its node."""
    if many:
        return [f"    for child in node.{name}:", *_visit("child", " " * 8)]
    return [f"    value = node.{name}", *_visit("value", " " * 4)]


def _annotations_of_list(name: str) -> list[str]:
    return [
        f"    for parameter in node.{name}:",
        "        value = parameter.annotation",
        *_visit("value", " " * 8),
    ]


def _annotation_of(name: str) -> list[str]:
    return [
        f"    parameter = node.{name}",
        "    if parameter is not None:",
        "        value = parameter.annotation",
        *_visit("value", " " * 8),
    ]


def _annotations(parameters: list[ast.arg]) -> list[ast.expr]:
    return [arg.annotation for arg in parameters if arg.annotation is not None]


def _reversed_parameter_children(node: ast.arguments) -> tuple[object, ...]:
    vararg, kwarg = node.vararg, node.kwarg
    return (
        node.defaults,
        kwarg.annotation if kwarg is not None else None,
        node.kw_defaults,
        _annotations(node.kwonlyargs),
        vararg.annotation if vararg is not None else None,
        _annotations(node.args),
        _annotations(node.posonlyargs),
    )


# -- every node, as `ast.walk` gives them: for the recognizers' rare counts over a body ---------
# Fields whose nodes have no children (contexts, operators), which no caller looks for: leaving
# them out changes no other node's place in the order.
_LEAF_FIELDS = frozenset({"ctx", "op", "ops"})
_WALKED_FIELDS: dict[type, tuple[str, ...]] = {}


def walk(statements: list[ast.stmt]) -> list[ast.AST]:
    """The nodes of `ast.walk(statement)` for each statement in turn, in the same order (breadth
    first), less the contexts and operators: a list filled in one loop instead of a generator
    per node and per field, which `ast.walk` costs."""
    found: list[ast.AST] = []
    fields_of = _WALKED_FIELDS
    for statement in statements:
        queue: list[Any] = [statement]
        for node in queue:  # the queue grows behind the loop, as ast.walk's deque does
            kind = type(node)
            fields = fields_of.get(kind)
            if fields is None:
                fields = fields_of[kind] = tuple(
                    name for name in kind._fields if name not in _LEAF_FIELDS
                )
            for name in fields:
                value = getattr(node, name, None)
                if type(value) is list:
                    queue += [item for item in value if isinstance(item, ast.AST)]
                elif isinstance(value, ast.AST):
                    queue.append(value)
        found += queue
    return found
