"""The statuses a callable of the project can send, at any depth through the project's
functions, methods and exception classes: responses built with a status, HTTP exceptions raised
or built, `abort()`, a status assigned to a response, and the exception handlers registered
for the exceptions raised. Each status keeps the place that writes it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, replace

from flake8_httpstatus.knowledge import frameworks
from flake8_httpstatus.knowledge.frameworks import Kind, Sink
from flake8_httpstatus.knowledge.routing import (
    DEPENDENCY_MARKERS,
    EXCEPTION_STATUS,
    FIXED_STATUS_CALLS,
    FLASK_SQLALCHEMY,
    FLASK_SQLALCHEMY_404,
    RAISING_CALLS,
    TUPLE_STATUS,
    VIEW_DECORATORS,
    FixedStatus,
)
from flake8_httpstatus.routes.model import Sent
from flake8_httpstatus.routes.source import Function, Module, Source, keyword

_SENDING = frozenset({Kind.RESPONSE, Kind.EXCEPTION, Kind.ABORT, Kind.REDIRECT})
_STATUS_ATTRIBUTES = frozenset({"status_code", "status"})
# Past this depth of calls a chain is more likely a cycle through dynamic dispatch.
_MAX_DEPTH = 30
# `except` clauses catching any exception a route may raise (a bare `except:` too).
_CATCH_ALL = frozenset(
    {"Exception", "BaseException", "builtins.Exception", "builtins.BaseException"}
)


def label(module: Module, local: str) -> str:
    return f"{module.name}:{local}"


class Sends:
    """What each project callable sends, computed once per callable."""

    def __init__(self, source: Source) -> None:
        self.source = source
        # Exception class (qualified) -> the handler functions registered for it.
        self.handlers: dict[str, list[str]] = {}
        self._done: dict[str, list[Sent]] = {}
        self._active: set[str] = set()
        self._passed: dict[str, dict[str, tuple[int | None, int | None]]] = {}
        # `query.first_or_404()` is read as Flask-SQLAlchemy's only where the project uses it.
        self._orm_404 = any(
            name.partition(".")[0] == FLASK_SQLALCHEMY
            for module in source.modules.values()
            for name in module.imports.values()
        )

    # -- callables ------------------------------------------------------------------------------
    def of(self, qualified: str, depth: int = 0) -> list[Sent]:
        """What the project function or method `qualified` sends (empty if it is not one)."""
        located = self.source.function(qualified)
        if located is None:
            return []
        module, local, node = located
        key = label(module, local)
        if key in self._done:
            return self._done[key]
        if key in self._active or depth > _MAX_DEPTH:
            return []
        self._active.add(key)
        try:
            merged: dict[Sent, Sent] = {}
            for sent in self._walk(module, local, node, depth):
                kept = merged.get(sent)
                merged[sent] = sent if kept is None else _merged(kept, sent)
            found = sorted(merged.values())
        finally:
            self._active.discard(key)
        self._done[key] = found
        return found

    def dependencies(self, module: Module, node: Function, depth: int = 0) -> list[Sent]:
        """What the dependencies a function's parameters declare send (`Depends(x)`)."""
        found: list[Sent] = []
        for marker_module, marker in self.dependency_calls(module, node):
            found += self.dependency(marker_module, marker, depth)
        return found

    def dependency(self, module: Module, marker: ast.Call, depth: int = 0) -> list[Sent]:
        """What one `Depends(x)` sends: `x`'s statuses (a function, a class's `__init__`, or
        an instance's `__call__`), and those of its own dependencies."""
        target = keyword(marker, "dependency", 0)
        if target is None:
            return []
        qualified = self.source.qualified(module, target)
        if qualified is None:
            return []
        qualified = self.source.resolve(qualified)
        if self.source.class_(qualified) is not None:
            return self._method(qualified, "__init__", depth) + self._method(
                qualified, "__call__", depth
            )
        located = self.source.constant(module, target)
        if located is not None and isinstance(located[1], ast.Call):
            cls = self.source.qualified(located[0], located[1].func)
            return self._method(cls, "__call__", depth) if cls else []
        function = self.source.function(qualified)
        if function is None:
            return []
        return self.of(qualified, depth + 1) + self.dependencies(
            function[0], function[2], depth + 1
        )

    def dependency_calls(self, module: Module, node: Function) -> Iterator[tuple[Module, ast.Call]]:
        """The `Depends(...)` markers in a function's parameter defaults and annotations, with
        the module each is written in (an annotation may name an alias defined elsewhere:
        `User = Annotated[str, Depends(get_user)]`)."""
        arguments = node.args
        for expression in (
            *arguments.defaults,
            *(default for default in arguments.kw_defaults if default is not None),
            *(arg.annotation for arg in (*arguments.args, *arguments.kwonlyargs) if arg.annotation),
        ):
            yield from self._markers(module, expression)

    def view_dependencies(self, module: Module, local: str) -> list[tuple[Module, ast.Call]]:
        """A class-based view's dependencies (fastapi-utils' `cbv`, Mealie's `controller`): the
        `Depends(x)` class attributes of the handler's class and its bases, which run before
        each of its routes. A plain function handler has none."""
        if "." not in local:
            return []
        found: list[tuple[Module, ast.Call]] = []
        for base in self.source.bases(f"{module.name}.{local.rpartition('.')[0]}"):
            located = self.source.class_(base)
            if located is None:
                continue
            for statement in located[1].body:
                value = (
                    statement.value if isinstance(statement, ast.Assign | ast.AnnAssign) else None
                )
                if isinstance(value, ast.Call) and self.is_dependency(located[0], value):
                    found.append((located[0], value))
        return found

    def _markers(
        self, module: Module, expression: ast.expr, depth: int = 0
    ) -> Iterator[tuple[Module, ast.Call]]:
        for inner in ast.walk(expression):
            if isinstance(inner, ast.Call) and self.is_dependency(module, inner):
                yield module, inner
            elif isinstance(inner, (ast.Name, ast.Attribute)) and depth < 3:
                located = self.source.constant(module, inner)
                if located is not None and isinstance(located[1], ast.Subscript):
                    yield from self._markers(*located, depth + 1)

    def is_dependency(self, module: Module, call: ast.Call) -> bool:
        return self.source.qualified(module, call.func) in DEPENDENCY_MARKERS

    def _method(self, cls: str | None, name: str, depth: int) -> list[Sent]:
        if cls is None:
            return []
        for base in self.source.bases(cls):
            found = self.source.function(f"{base}.{name}")
            if found is not None:
                return self.of(f"{base}.{name}", depth + 1)
        return []

    # -- one body -------------------------------------------------------------------------------
    def _walk(self, module: Module, local: str, node: Function, depth: int) -> Iterator[Sent]:
        where = label(module, local)
        owner = f"{module.name}.{local.rpartition('.')[0]}" if "." in local else None
        position = next(
            (
                TUPLE_STATUS[name.partition(".")[0]]
                for name in module.imports.values()
                if name.partition(".")[0] in TUPLE_STATUS
            ),
            None,
        )
        for decorator in node.decorator_list:
            # `@authorize_read`: a project decorator wraps the function; what it sends counts
            # (a decorator called with arguments, `@cors("GET")`, is a call found below).
            # A framework's (`@login_required`, `@require_POST`) answers by itself.
            called = decorator.func if isinstance(decorator, ast.Call) else decorator
            framework = self.source.qualified(module, called)
            if framework in VIEW_DECORATORS:
                status = _fixed(VIEW_DECORATORS[framework], decorator)
                if status is not None:
                    yield Sent(status, module.path, decorator.lineno, framework)
                continue
            qualified = self.source.qualified(module, decorator)
            if qualified is not None and not isinstance(decorator, ast.Call):
                yield from self.of(qualified, depth + 1)
        instances = self._instances(module, node)
        tries = _tries(node)
        raising = self._raising(module, node)
        for inner in ast.walk(node):
            if (
                isinstance(inner, ast.Return)
                and isinstance(inner.value, ast.Tuple)
                and position is not None
                and len(inner.value.elts) > position
            ):
                status = self.source.status(module, inner.value.elts[position])
                if status is not None:
                    yield Sent(status, module.path, inner.lineno, where)
            elif isinstance(inner, ast.Call):
                found = self._call(module, where, owner, inner, depth, instances)
                raised = raising.get(id(inner)) or self._raiser(module, inner)
                yield from self._escaping(module, tries.get(id(inner), ()), found, raised)
            elif isinstance(inner, ast.Raise) and isinstance(inner.exc, (ast.Name, ast.Attribute)):
                # `raise NotFound`: the class, not an instance.
                qualified = self.source.qualified(module, inner.exc)
                constant = self.source.constant(module, inner.exc)
                guards = tries.get(id(inner), ())
                if constant is not None and isinstance(constant[1], ast.Call):
                    # `raise credentials_exception`, built once at a module's top.
                    found = self._call(constant[0], where, None, constant[1], depth)
                    built = self.source.qualified(constant[0], constant[1].func)
                    yield from self._escaping(module, guards, found, built)
                elif qualified is not None and constant is None:
                    found = self._exception(module, where, qualified, None, inner, depth)
                    yield from self._escaping(module, guards, found, qualified)
            elif isinstance(inner, ast.Assign):
                for target in inner.targets:
                    if isinstance(target, ast.Attribute) and target.attr in _STATUS_ATTRIBUTES:
                        status = self.source.status(module, inner.value)
                        if status is not None:
                            yield Sent(status, module.path, inner.lineno, where)

    def _raising(self, module: Module, node: Function) -> dict[int, str]:
        """The calls a `raise` statement raises (`raise NotFound(...)`), by node, with the
        exception's class."""
        found: dict[int, str] = {}
        for inner in ast.walk(node):
            if isinstance(inner, ast.Raise) and isinstance(inner.exc, ast.Call):
                qualified = self.source.qualified(module, inner.exc.func)
                if qualified is not None:
                    found[id(inner.exc)] = self.source.resolve(qualified)
        return found

    def _raiser(self, module: Module, call: ast.Call) -> str | None:
        """A framework callable that raises what it sends (`abort(404)`,
        `get_object_or_404(...)`): itself, as the class a catch-all `except` catches."""
        qualified = self.source.qualified(module, call.func)
        if qualified is None:
            return None
        qualified = self.source.resolve(qualified)
        sink = frameworks.CALLS.get(qualified)
        if qualified in RAISING_CALLS or (sink is not None and sink.kind is Kind.ABORT):
            return qualified
        return None

    def _escaping(
        self, module: Module, guards: tuple[ast.Try, ...], found: Iterator[Sent], raised: str | None
    ) -> Iterator[Sent]:
        """What a call or `raise` sends past the `try` statements around it (innermost last):
        a status its exception's raising sends is not sent where a handler catches that
        exception without raising it again."""
        for sent in found:
            if raised is not None:
                sent = replace(sent, raised=frozenset({raised}))
            if guards and sent.raised:
                left = frozenset(c for c in sent.raised if not self._caught(module, guards, c))
                if not left:
                    continue
                sent = sent if left == sent.raised else replace(sent, raised=left)
            yield sent

    def _caught(self, module: Module, guards: tuple[ast.Try, ...], raised: str) -> bool:
        """Whether the first handler that catches `raised` in the innermost `try` that has one
        keeps it (does not raise it again), else in the next one out."""
        classes = set(self.source.bases(raised))
        for guard in reversed(guards):
            handler = next((h for h in guard.handlers if self._catches(module, h, classes)), None)
            if handler is None:
                continue
            if not any(_reraises(handler, n) for n in ast.walk(handler)):
                return True
        return False

    def _catches(self, module: Module, handler: ast.ExceptHandler, classes: set[str]) -> bool:
        """`except:`, `except Exception`, or a class the exception is or derives from in the
        project (alone or in a tuple)."""
        if handler.type is None:
            return True
        names = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
        for name in names:
            qualified = self.source.qualified(module, name)
            if qualified is None:
                continue
            qualified = self.source.resolve(qualified)
            if qualified in _CATCH_ALL or qualified in classes:
                return True
        return False

    def _instances(self, module: Module, node: Function) -> dict[str, str]:
        """The function's local names bound once to an instance of a project class
        (`check = KeyChecker(...)`), with the class."""
        bound: dict[str, str | None] = {}
        for inner in ast.walk(node):
            if isinstance(inner, ast.Assign | ast.AnnAssign):
                target = inner.targets[0] if isinstance(inner, ast.Assign) else inner.target
                if not isinstance(target, ast.Name) or (
                    isinstance(inner, ast.Assign) and len(inner.targets) > 1
                ):
                    continue
                cls = None
                if isinstance(inner.value, ast.Call):
                    qualified = self.source.qualified(module, inner.value.func)
                    if qualified is not None and self.source.class_(qualified) is not None:
                        cls = self.source.resolve(qualified)
                bound[target.id] = cls if target.id not in bound else None
        return {name: cls for name, cls in bound.items() if cls is not None}

    def _call(
        self,
        module: Module,
        where: str,
        owner: str | None,
        call: ast.Call,
        depth: int,
        instances: dict[str, str] | None = None,
    ) -> Iterator[Sent]:
        func = call.func
        if self._orm_404 and isinstance(func, ast.Attribute) and func.attr in FLASK_SQLALCHEMY_404:
            yield Sent(404, module.path, call.lineno, where)  # `Note.query....first_or_404()`
            return
        if instances and isinstance(func, ast.Name) and func.id in instances:
            yield from self._method(instances[func.id], "__call__", depth)  # `check(request)`
            return
        if (
            instances
            and isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in instances
        ):
            yield from self._method(instances[func.value.id], func.attr, depth)
            return
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id in {"self", "cls"}
            and owner
        ):
            found = self._method(owner, func.attr, depth)
            yield from found or self._framework_method(module, where, owner, call)
            return
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Attribute)
            and isinstance(func.value.value, ast.Name)
            and func.value.value.id == "self"
            and owner
        ):
            # `self.repo.get_one(...)`: a method of the project class the attribute holds.
            held = self._attribute_class(owner, func.value.attr)
            if held is not None:
                yield from self._method(held, func.attr, depth)
                return
        if (
            isinstance(func, ast.Attribute)
            and func.attr == "__init__"
            and isinstance(func.value, ast.Call)
            and isinstance(func.value.func, ast.Name)
            and func.value.func.id == "super"
            and owner
        ):
            yield from self._super_init(module, where, owner, call, depth)
            return
        qualified = self.source.qualified(module, func)
        if qualified is None:
            return
        qualified = self.source.resolve(qualified)
        if qualified in RAISING_CALLS:
            yield Sent(RAISING_CALLS[qualified], module.path, call.lineno, where)
            return
        if qualified in FIXED_STATUS_CALLS:
            status = _fixed(FIXED_STATUS_CALLS[qualified], call)
            if status is not None:
                yield Sent(status, module.path, call.lineno, where)
            return
        sink = frameworks.CALLS.get(qualified)
        if sink is not None:
            if qualified in self.handlers:
                yield from self._handled(qualified, depth)
            elif sink.kind in _SENDING:
                status = _sink_status(self.source, module, sink, call)
                if status is not None:
                    yield Sent(status, module.path, call.lineno, where)
            return
        if self.source.class_(qualified) is not None or qualified in EXCEPTION_STATUS:
            yield from self._exception(module, where, qualified, call, call, depth)
        elif self.source.function(qualified) is not None:
            yield from self.of(qualified, depth + 1)
            yield from self._arguments(module, qualified, call, depth)
        elif qualified in self.handlers:
            yield from self._handled(qualified, depth)

    def _attribute_class(self, owner: str, name: str) -> str | None:
        """The project class an instance attribute holds, as the class or a base states it: a
        property returning an instance (`return HttpRepo[A, B](...)`), `self.name = Cls(...)`
        in `__init__`, or an annotation (`name: Cls`)."""
        for base in self.source.bases(owner):
            located = self.source.class_(base)
            if located is None:
                continue
            module, node = located
            for statement in node.body:
                made: ast.expr | None = None
                if isinstance(statement, ast.AnnAssign) and isinstance(statement.target, ast.Name):
                    if statement.target.id == name:
                        made = statement.annotation
                elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    made = _made_in(statement, name)
                if made is not None:
                    if isinstance(made, ast.Subscript):
                        made = made.value  # `HttpRepo[A, B]`: the generic class
                    qualified = self.source.qualified(module, made)
                    if qualified is not None and self.source.class_(qualified) is not None:
                        return self.source.resolve(qualified)
        return None

    def _arguments(
        self, module: Module, qualified: str, call: ast.Call, depth: int
    ) -> Iterator[Sent]:
        """`error("no such check", 404)`: a status given to a helper's parameter that the helper
        sends (`JsonResponse(..., status=status)`), written at the call, `via` the helper; a
        parameter's default where the call leaves it out."""
        located = self.source.function(qualified)
        assert located is not None  # the caller checked
        helper = label(located[0], located[1])
        for parameter, (position, default) in self.passed(qualified, depth).items():
            argument = keyword(call, parameter, position)
            if argument is None:
                if default is not None and not _unpacks(call):
                    yield Sent(default, located[0].path, located[2].lineno, helper)
                continue
            status = self.source.status(module, argument)
            if status is not None:
                yield Sent(status, module.path, call.lineno, helper)

    def passed(self, qualified: str, depth: int = 0) -> dict[str, tuple[int | None, int | None]]:
        """The parameters of a project function that reach a sending status position, in its
        body or through another helper it passes them to: name -> (position at a call, or None
        for a keyword-only one; the status its default names, if any)."""
        located = self.source.function(qualified)
        if located is None:
            return {}
        module, local, node = located
        key = label(module, local)
        if key in self._passed:
            return self._passed[key]
        if key in self._active or depth > _MAX_DEPTH:
            return {}
        self._active.add(key)
        try:
            names = self._parameters_sent(module, local, node, depth)
        finally:
            self._active.discard(key)
        found = {
            name: place
            for name, place in _parameter_places(
                self.source, module, node, _bound(local, node)
            ).items()
            if name in names
        }
        self._passed[key] = found
        return found

    def _parameters_sent(self, module: Module, local: str, node: Function, depth: int) -> set[str]:
        params = {arg.arg for arg in (*node.args.args, *node.args.kwonlyargs)}
        found: set[str] = set()

        def parameter(argument: ast.expr | None) -> None:
            if isinstance(argument, ast.Name) and argument.id in params:
                found.add(argument.id)

        for inner in ast.walk(node):
            if isinstance(inner, ast.Assign) and any(
                isinstance(target, ast.Attribute) and target.attr in _STATUS_ATTRIBUTES
                for target in inner.targets
            ):
                parameter(inner.value)
            if not isinstance(inner, ast.Call):
                continue
            qualified = self.source.qualified(module, inner.func)
            if qualified is None:
                continue
            qualified = self.source.resolve(qualified)
            sink = frameworks.CALLS.get(qualified)
            if sink is not None and sink.kind in _SENDING and sink.status is not None:
                parameter(keyword(inner, sink.status.keyword, sink.status.position))
            elif sink is None and self.source.function(qualified) is not None:
                for name, (position, _) in self.passed(qualified, depth + 1).items():
                    parameter(keyword(inner, name, position))
        return found

    def _framework_method(
        self, module: Module, where: str, owner: str, call: ast.Call
    ) -> Iterator[Sent]:
        """`self.set_status(201)`, `self.send_error(404)`: a framework's own method, on a
        class deriving from that framework's or in a module importing it."""
        assert isinstance(call.func, ast.Attribute)  # `self.name(...)`
        imported = {name.partition(".")[0] for name in module.imports.values()}
        imported |= {base.partition(".")[0] for base in self.source.bases(owner)}
        for method in frameworks.METHODS.get(call.func.attr, ()):
            if method.sink.kind in _SENDING and method.packages & imported:
                status = _sink_status(self.source, module, method.sink, call)
                if status is not None:
                    yield Sent(status, module.path, call.lineno, where)
                return

    def _super_init(
        self, module: Module, where: str, owner: str, call: ast.Call, depth: int
    ) -> Iterator[Sent]:
        """`super().__init__(status_code=404)` in a subclass of an HTTP exception."""
        for base in self.source.bases(owner)[1:]:
            sink = frameworks.CALLS.get(base)
            if sink is not None and sink.kind in _SENDING:
                status = _sink_status(self.source, module, sink, call)
                if status is not None:
                    yield Sent(status, module.path, call.lineno, where)
                return
            if self.source.function(f"{base}.__init__") is not None:
                yield from self.of(f"{base}.__init__", depth + 1)
                return

    def _exception(
        self,
        module: Module,
        where: str,
        cls: str,
        call: ast.Call | None,
        node: ast.AST,
        depth: int,
    ) -> Iterator[Sent]:
        """A project class built or raised: its exception handler's statuses if one is
        registered for it or a base; else the status its constructor or class attribute sets."""
        chain = self.source.bases(cls)
        for base in chain:
            if base in self.handlers:
                yield from self._handled(base, depth)
                return
        for base in chain:
            if self.source.function(f"{base}.__init__") is not None:
                found = self.of(f"{base}.__init__", depth + 1)
                if found:
                    yield from found
                    return
                break
        attribute = status_attribute(self.source, chain)
        if attribute is not None:  # set to what the map cannot read: no base's status either
            if attribute.status is not None:
                where_set = label(attribute.module, attribute.owner.name)
                yield Sent(attribute.status, attribute.module.path, attribute.line, where_set)
            return
        for base in chain:
            if base in EXCEPTION_STATUS:
                yield Sent(EXCEPTION_STATUS[base], module.path, node.lineno, where)  # type: ignore[attr-defined]
                return
        for base in chain[1:]:
            sink = frameworks.CALLS.get(base)
            if sink is not None and sink.kind in _SENDING and call is not None:
                status = _sink_status(self.source, module, sink, call)
                if status is not None:
                    yield Sent(status, module.path, node.lineno, where)  # type: ignore[attr-defined]
                return

    def _handled(self, exception: str, depth: int) -> Iterator[Sent]:
        for handler in self.handlers[exception]:
            yield from self.of(handler, depth + 1)


def _tries(node: Function) -> dict[int, tuple[ast.Try, ...]]:
    """The `try` statements each node of the function's body is in the body of, outermost
    first (`except`, `else` and `finally` blocks are not guarded by their `try`)."""
    found: dict[int, tuple[ast.Try, ...]] = {}
    for guard in ast.walk(node):
        if isinstance(guard, ast.Try) and guard.handlers:  # not `except*`: groups
            for statement in guard.body:
                for inner in ast.walk(statement):
                    found[id(inner)] = (*found.get(id(inner), ()), guard)
    return found


def _reraises(handler: ast.ExceptHandler, node: ast.AST) -> bool:
    """`raise`, or `raise error` of the handler's `except ... as error`."""
    if not isinstance(node, ast.Raise):
        return False
    exc = node.exc
    return exc is None or (isinstance(exc, ast.Name) and exc.id == handler.name)


def _merged(kept: Sent, other: Sent) -> Sent:
    """One status sent at one place by several ways: sent otherwise if either way is, else by
    raising any of their exceptions."""
    if not kept.raised or not other.raised:
        return replace(kept, raised=frozenset())
    return replace(kept, raised=kept.raised | other.raised)


def _sink_status(source: Source, module: Module, sink: Sink, call: ast.Call) -> int | None:
    """The status a call to a framework callable sends: its argument, or the callable's default
    when none is given; None when the argument is not a known status."""
    if sink.status is None:
        return sink.default
    argument = keyword(call, sink.status.keyword, sink.status.position)
    if argument is None:
        return sink.default
    return source.status(module, argument)


def _made_in(function: Function, name: str) -> ast.expr | None:
    """What builds the instance attribute `name`: the class called in a property's `return`,
    or in `__init__`'s `self.name = ...`."""
    calls: list[ast.expr] = []
    if function.name == name and any(
        (decorator.attr if isinstance(decorator, ast.Attribute) else getattr(decorator, "id", ""))
        in {"property", "cached_property"}
        for decorator in function.decorator_list
    ):
        calls = [
            inner.value
            for inner in ast.walk(function)
            if isinstance(inner, ast.Return) and inner.value is not None
        ]
    elif function.name == "__init__":
        calls = [
            inner.value
            for inner in ast.walk(function)
            if isinstance(inner, ast.Assign)
            and len(inner.targets) == 1
            and isinstance(inner.targets[0], ast.Attribute)
            and isinstance(inner.targets[0].value, ast.Name)
            and inner.targets[0].value.id == "self"
            and inner.targets[0].attr == name
        ]
    for value in calls:
        if isinstance(value, ast.Call):
            return value.func
    return None


def _fixed(fixed: FixedStatus, node: ast.expr) -> int | None:
    """The status a fixed-status callable or decorator sends as written: by the flags given
    as a literal `True`; None when a flag is given as anything but a literal bool."""
    given: set[str] = set()
    for flag in fixed.flags:
        value = keyword(node, flag) if isinstance(node, ast.Call) else None
        if value is None:
            continue
        if not (isinstance(value, ast.Constant) and isinstance(value.value, bool)):
            return None
        if value.value:
            given.add(flag)
    return fixed.statuses.get(frozenset(given))


@dataclass(frozen=True)
class StatusAttribute:
    """A status class attribute as the nearest class of a chain that sets it sets it: `status`
    is None when the value is not a known status, which hides what the bases set."""

    status: int | None
    module: Module
    owner: ast.ClassDef
    line: int


def status_attribute(source: Source, chain: list[str]) -> StatusAttribute | None:
    """The status class attribute (`code = 409` on a werkzeug exception, `status_code = 409` on
    a DRF or Litestar one) of the first class of `chain` (a class, then its bases) in the
    project that sets it; None when none does."""
    names = {
        attribute
        for base in chain
        for module, (attribute, _) in frameworks.STATUS_CLASS_MODULES.items()
        if base.rpartition(".")[0] == module
    }
    if not names and any(
        base in frameworks.CALLS or base.endswith(("Error", "Exception")) for base in chain
    ):
        names = {"status_code"}
    for base in chain:
        located = source.class_(base)
        if located is None:
            continue
        module, node = located
        for statement in node.body:
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target, value = statement.targets[0], statement.value
            elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                target, value = statement.target, statement.value
            else:
                continue
            if isinstance(target, ast.Name) and target.id in names:
                status = source.status(module, value)
                return StatusAttribute(status, module, node, statement.lineno)
    return None


def _parameter_places(
    source: Source, module: Module, node: Function, method: bool
) -> dict[str, tuple[int | None, int | None]]:
    """Each parameter's position at a call (a method's `self` is not passed) and the status
    its default names."""
    arguments = node.args
    positional = [*arguments.posonlyargs, *arguments.args][1 if method else 0 :]
    defaults: dict[str, ast.expr] = dict(
        zip([arg.arg for arg in positional][::-1], arguments.defaults[::-1], strict=False)
    )
    places: dict[str, tuple[int | None, int | None]] = {
        arg.arg: (index, source.status(module, defaults.get(arg.arg)))
        for index, arg in enumerate(positional)
    }
    for arg, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        places[arg.arg] = (None, source.status(module, default))
    return places


def _unpacks(call: ast.Call) -> bool:
    """`f(*args)`, `f(**kwargs)`: what the call passes cannot be told."""
    return any(isinstance(arg, ast.Starred) for arg in call.args) or any(
        item.arg is None for item in call.keywords
    )


def _bound(local: str, node: Function) -> bool:
    """A method whose first parameter the call does not pass (`self`, `cls`)."""
    return "." in local and not any(
        isinstance(decorator, ast.Name) and decorator.id == "staticmethod"
        for decorator in node.decorator_list
    )
