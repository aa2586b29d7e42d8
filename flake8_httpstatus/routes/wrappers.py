"""A project's own wrapper of a framework's registering method, as in Redash:

    class ApiExt(Api):
        def add_org_resource(self, resource, *urls, **kwargs):
            urls = [org_scoped_rule(url) for url in urls]
            return self.add_resource(resource, *urls, **kwargs)

`api.add_org_resource(Alert, "/alerts/<alert_id>")` is read as the `add_resource` call the
wrapper makes, its parameters bound to the call's arguments. A URL the wrapper computes is read
through the project function computing it, each of that function's returns a path:
`org_scoped_rule` returns the rule, or the rule under `/<org_slug>` when a setting says so, and
both are routes. A value the map cannot read drops the call: routes are never guessed."""

from __future__ import annotations

import ast
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field

from flake8_httpstatus.routes.source import Function, Module, Source

# The texts a computed value may be: one per return of the function computing it.
Texts = tuple[str, ...]
# An argument as the wrapper sees it: the caller's own expression, or the texts it may be.
Value = ast.expr | Texts

# Functions computing a path call one another; past this depth the map stops reading.
_MAX_DEPTH = 5
# Calls one wrapper call stands for at most (a path with two forms in each of two places: 4).
_MAX_CALLS = 64


@dataclass
class _Bound:
    """A wrapper's parameters bound to one call's arguments."""

    values: dict[str, Value] = field(default_factory=dict)
    sequences: dict[str, list[Value]] = field(default_factory=dict)
    # `**kwargs`: the caller's keywords no named parameter takes.
    keywords: dict[str, list[ast.keyword]] = field(default_factory=dict)


class Wrappers:
    def __init__(self, source: Source) -> None:
        self.source = source

    def calls(self, cls: str, caller: Module, call: ast.Call) -> list[ast.Call]:
        """The calls on `self` a method of a project class makes for `call` (`api.wrapper(...)`),
        written as calls on the caller's object, with the caller's expressions."""
        if not isinstance(call.func, ast.Attribute):
            return []
        for base in self.source.bases(cls):
            located = self.source.function(f"{base}.{call.func.attr}")
            if located is not None:
                break
        else:
            return []
        module, _, function = located
        bound = self._bind(function, call)
        names = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
        if bound is None or not names:
            return []
        found: list[ast.Call] = []
        for statement in function.body:
            if (
                isinstance(statement, ast.Assign)
                and len(statement.targets) == 1
                and isinstance(statement.targets[0], ast.Name)
            ):
                self._assign(module, caller, bound, statement.targets[0].id, statement.value)
            elif isinstance(statement, (ast.Return, ast.Expr)) and isinstance(
                statement.value, ast.Call
            ):
                inner = statement.value
                if _on_self(inner.func, names[0]):
                    found += self._made(module, caller, bound, call, inner)
        return found[:_MAX_CALLS]

    @staticmethod
    def _bind(function: Function, call: ast.Call) -> _Bound | None:
        arguments = function.args
        positional = [arg.arg for arg in (*arguments.posonlyargs, *arguments.args)][1:]
        if any(isinstance(argument, ast.Starred) for argument in call.args):
            return None
        bound = _Bound()
        for name, value in zip(positional, call.args, strict=False):
            bound.values[name] = value
        rest: list[Value] = list(call.args[len(positional) :])
        if rest and arguments.vararg is None:
            return None
        if arguments.vararg is not None:
            bound.sequences[arguments.vararg.arg] = rest
        named = {*positional, *(arg.arg for arg in arguments.kwonlyargs)}
        extra = []
        for item in call.keywords:
            if item.arg in named:
                bound.values[item.arg] = item.value
            else:
                extra.append(item)
        if arguments.kwarg is not None:
            bound.keywords[arguments.kwarg.arg] = extra
        elif extra:
            return None
        return bound

    def _assign(
        self, module: Module, caller: Module, bound: _Bound, name: str, value: ast.expr
    ) -> None:
        """`urls = [org_scoped_rule(url) for url in urls]`, or a name bound to a text."""
        bound.values.pop(name, None)
        sequence = bound.sequences.pop(name, None)
        if isinstance(value, ast.ListComp) and len(value.generators) == 1:
            generator = value.generators[0]
            iterated = generator.iter
            if (
                isinstance(generator.target, ast.Name)
                and isinstance(iterated, ast.Name)
                and not generator.ifs
            ):
                items = sequence if iterated.id == name else bound.sequences.get(iterated.id)
                made: list[Value] = []
                for item in items or ():
                    inner = _Bound({**bound.values, generator.target.id: item})
                    texts = self._texts(module, caller, inner, value.elt)
                    if texts is None:
                        return
                    made.append(texts)
                if items is not None:
                    bound.sequences[name] = made
            return
        texts = self._texts(module, caller, bound, value)
        if texts is not None:
            bound.values[name] = texts

    def _made(
        self, module: Module, caller: Module, bound: _Bound, call: ast.Call, inner: ast.Call
    ) -> list[ast.Call]:
        """The inner call with the caller's values, a call per combination of their texts."""
        assert isinstance(call.func, ast.Attribute)
        assert isinstance(inner.func, ast.Attribute)
        arguments: list[Value] = []
        for argument in inner.args:
            if isinstance(argument, ast.Starred):
                starred = argument.value
                if not isinstance(starred, ast.Name) or starred.id not in bound.sequences:
                    return []
                arguments += bound.sequences[starred.id]
                continue
            value = self._value(module, caller, bound, argument)
            if value is None:
                return []
            arguments.append(value)
        keywords: list[tuple[str | None, Value]] = []
        for item in inner.keywords:
            if item.arg is None:
                spread = item.value
                if not isinstance(spread, ast.Name) or spread.id not in bound.keywords:
                    return []
                keywords += [(given.arg, given.value) for given in bound.keywords[spread.id]]
                continue
            value = self._value(module, caller, bound, item.value)
            if value is None:
                return []
            keywords.append((item.arg, value))
        choices = [_choices(value) for value in [*arguments, *(value for _, value in keywords)]]
        made: list[ast.Call] = []
        for combination in itertools.islice(itertools.product(*choices), _MAX_CALLS):
            args = list(combination[: len(arguments)])
            given = [
                ast.keyword(name, value)
                for (name, _), value in zip(keywords, combination[len(arguments) :], strict=True)
            ]
            func = ast.Attribute(call.func.value, inner.func.attr, ast.Load())
            made.append(ast.copy_location(ast.Call(func, args, given), call))
        return made

    def _value(self, module: Module, caller: Module, bound: _Bound, node: ast.expr) -> Value | None:
        if isinstance(node, ast.Name) and node.id in bound.values:
            return bound.values[node.id]
        return self._texts(module, caller, bound, node)

    def _texts(
        self, module: Module, caller: Module, bound: _Bound, node: ast.expr, depth: int = 0
    ) -> Texts | None:
        """The texts an expression of the wrapper (in `module`) may be; None if unreadable."""
        if depth > _MAX_DEPTH:
            return None
        if isinstance(node, ast.Name) and node.id in bound.values:
            value = bound.values[node.id]
            if isinstance(value, tuple):
                return value
            text = self.source.string(caller, value)
            return (text,) if text is not None else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left = self._texts(module, caller, bound, node.left, depth + 1)
            right = self._texts(module, caller, bound, node.right, depth + 1)
            if left is None or right is None:
                return None
            return _unique(a + b for a, b in itertools.product(left, right))
        if isinstance(node, ast.JoinedStr):
            parts: list[Texts] = []
            for part in node.values:
                if isinstance(part, ast.FormattedValue) and (
                    part.format_spec or part.conversion != -1
                ):
                    return None
                inner = part.value if isinstance(part, ast.FormattedValue) else part
                texts = self._texts(module, caller, bound, inner, depth + 1)
                if texts is None:
                    return None
                parts.append(texts)
            return _unique("".join(pieces) for pieces in itertools.product(*parts))
        if isinstance(node, ast.Call):
            return self._called(module, caller, bound, node, depth)
        text = self.source.string(module, node)
        return (text,) if text is not None else None

    def _called(
        self, module: Module, caller: Module, bound: _Bound, call: ast.Call, depth: int
    ) -> Texts | None:
        """`"/<org_slug>{}".format(rule)`, or a project function's returns for its arguments."""
        if call.keywords or any(isinstance(argument, ast.Starred) for argument in call.args):
            return None
        given: list[Texts] = []
        for argument in call.args:
            texts = self._texts(module, caller, bound, argument, depth + 1)
            if texts is None:
                return None
            given.append(texts)
        if isinstance(call.func, ast.Attribute) and call.func.attr == "format":
            templates = self._texts(module, caller, bound, call.func.value, depth + 1)
            if templates is None:
                return None
            try:
                return _unique(
                    template.format(*pieces)
                    for template in templates
                    for pieces in itertools.product(*given)
                )
            except (IndexError, KeyError, ValueError):
                return None
        qualified = self.source.qualified(module, call.func)
        located = self.source.function(qualified) if qualified else None
        if located is None:
            return None
        target, _, function = located
        names = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
        if len(names) != len(given):
            return None
        inner = _Bound(dict(zip(names, given, strict=True)))
        returned: list[str] = []
        for node in ast.walk(function):
            if isinstance(node, ast.Return):
                if node.value is None:
                    return None
                texts = self._texts(target, caller, inner, node.value, depth + 1)
                if texts is None:
                    return None  # one return unread: the paths would be incomplete
                returned += texts
        return _unique(returned) if returned else None


def _on_self(func: ast.expr, name: str) -> bool:
    """`self.add_resource` or `super().add_resource`."""
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    if isinstance(owner, ast.Name):
        return owner.id == name
    return (
        isinstance(owner, ast.Call)
        and isinstance(owner.func, ast.Name)
        and owner.func.id == "super"
    )


def _choices(value: Value) -> list[ast.expr]:
    if isinstance(value, tuple):
        return [ast.Constant(text) for text in value]
    return [value]


def _unique(texts: Iterable[str]) -> Texts:
    return tuple(dict.fromkeys(texts))
