"""Sinks the project's own code defines: helpers, constructors and methods whose parameter
reaches a status position, and pytest tables whose argument does.

Nothing here walks the tree. During its one pass the engine tells the `Collector` where a
parameter of the function being walked reaches a status position (`reached`), which calls pass
a parameter on (`call`), and which calls to callables it does not know carry a literal (kept
as candidates). The facts are plain data (`ModuleFacts`), so a project index can store them and
solve across modules; `Solver` follows the calls between callables to a fixed point.

Every inference is one the code states: a parameter only printed, or passed to `range()`,
reaches nothing and stays silent.
"""

from __future__ import annotations

import ast
import os
from collections.abc import Container, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, Protocol

from flake8_httpstatus.knowledge import frameworks, receivers
from flake8_httpstatus.knowledge.frameworks import Kind, Param, Sink

# What a fixture with `params=[...]` reads each value as.
PARAM = "request.param"
# A reference to a callable, resolved when the facts are solved:
# ("name", qualified) | ("method", class key, name) | ("super", class key, name).
Ref = tuple[str, ...]
# A parameter passed on: (parameter, callee, position, keyword).
Edge = tuple[str, Ref, int | None, str | None]
_MIXED = "mixed"
# How many helpers deep a returned call's result is followed (`return self._request(...)`).
_FORWARD_DEPTH = 3
# `CallableFacts.returns`' key for what a returned call of the class's own method is taken
# for by its name (`return self.fetch(url)`: a response) unless the project defines it.
GUESSED = "?"
# Words in a class's or its bases' names that make `self.code = code` a status.
_STATUS_CLASS_WORDS = ("Error", "Exception", "Response", "Abort")
_GENERIC_ATTRIBUTES = frozenset({"status", "code"})


@dataclass(frozen=True)
class InferredSink(Sink):
    """A sink read from the project's own code: `origin` names the callable in messages;
    `range_only` when its parameter reaches only a generic attribute (`self.code = code`)."""

    origin: str = ""
    range_only: bool = False
    parameter: str = ""


# The empty lists of facts read from the index's cache, one for all: those facts are never
# changed in place (solving changes copies), and thousands of empty lists, each tracked by the
# garbage collector, would be gone over in every full collection of the run (slots, likewise,
# spare each object its `__dict__`).
_READ_ONLY_EMPTY: list[Any] = []


@dataclass(slots=True)
class CallableFacts:
    """A function or method: its parameters and what becomes of them."""

    key: str
    label: str
    params: tuple[str, ...]
    positional_only: int = 0
    keyword_only: tuple[str, ...] = ()
    # A method: `self`/`cls` is bound, not passed at the call.
    bound: bool = False
    # Parameter -> the kind of status position it reaches (`Kind.value`, or "mixed").
    reaches: dict[str, str] = field(default_factory=dict)
    range_only: list[str] = field(default_factory=list)
    mappings: list[str] = field(default_factory=list)
    edges: list[Edge] = field(default_factory=list)
    # What its `return` statements give back, shown by the code: the whole value ("") or a
    # tuple's item ("0", "1", ...) -> "status" (`res.status_code`) or "response" (a request's
    # result); "mixed" where two returns disagree.
    returns: dict[str, str] = field(default_factory=dict)
    # The callables whose result it returns whole (`return self._request(...)`): their
    # returns are its own too, followed a few calls deep (`Solver.returns_of`).
    forwards: list[Ref] = field(default_factory=list)
    # For a pytest fixture, the name tests take it by ("" otherwise); its return annotation
    # counts as a return (`-> Response`; `-> Callable[..., Awaitable[HTTPResponse]]` says what
    # calling its value returns: `returns["()"]`).
    fixture: str = ""
    # `sinks()` as last made; whatever changes `reaches`, `range_only` or `mappings` clears it
    # (solving asks for the same callables' sinks on every pass).
    made: list[Sink] | None = field(default=None, init=False, repr=False, compare=False)

    def to_json(self) -> list[object]:
        return [
            self.key,
            self.label,
            list(self.params),
            self.positional_only,
            list(self.keyword_only),
            self.bound,
            self.reaches,
            self.range_only,
            self.mappings,
            [[p, list(r), pos, kw] for p, r, pos, kw in self.edges],
            self.returns,
            [list(ref) for ref in self.forwards],
            self.fixture,
        ]

    @classmethod
    def from_json(cls, data: list[Any]) -> CallableFacts:
        (
            key,
            label,
            params,
            posonly,
            kwonly,
            bound,
            reaches,
            range_only,
            mappings,
            edges,
            returns,
            forwards,
            fixture,
        ) = data
        return cls(
            key,
            label,
            tuple(params),
            posonly,
            tuple(kwonly),
            bound,
            dict(reaches),
            list(range_only) if range_only else _READ_ONLY_EMPTY,
            list(mappings) if mappings else _READ_ONLY_EMPTY,
            [(p, tuple(r), pos, kw) for p, r, pos, kw in edges] if edges else _READ_ONLY_EMPTY,
            dict(returns),
            [tuple(ref) for ref in forwards] if forwards else _READ_ONLY_EMPTY,
            fixture,
        )

    def sinks(self) -> list[Sink]:
        if self.made is None:
            self.made = self._sinks()
        return self.made

    def _sinks(self) -> list[Sink]:
        found: list[Sink] = []
        offset = 1 if self.bound else 0
        for param, kind in self.reaches.items():
            if param.endswith("]") or param == PARAM:
                continue
            if param in self.keyword_only:
                where = Param(param, None)
            else:
                index = self.params.index(param)
                keyword = param if index >= self.positional_only else None
                where = Param(keyword, index - offset if index >= offset else None)
            found.append(
                InferredSink(
                    Kind.RESPONSE if kind == _MIXED else Kind(kind),
                    "project",
                    where,
                    origin=self.label,
                    range_only=param in self.range_only,
                    parameter=param,
                )
            )
        if self.mappings:
            found.append(
                InferredSink(
                    Kind.ROUTE, "project", None, mappings=tuple(self.mappings), origin=self.label
                )
            )
        return found


@dataclass(slots=True)
class ClassFacts:
    key: str
    bases: tuple[str, ...]
    # Named like an error or a response, or derived from one: `self.code = code` is a status.
    statusish: bool = False
    # What its methods assign to attributes of `self`: "response" (`self.response_obj =
    # await session.get(url)`), "class:<name>" for what a call of that name makes
    # (`self.client = Client(oauth2)`, or an annotation `client: Client`), or "other" for
    # anything else but None.
    held: dict[str, str] = field(default_factory=dict)


@dataclass(slots=True)
class ModuleFacts:
    module: str
    callables: dict[str, CallableFacts] = field(default_factory=dict)
    classes: dict[str, ClassFacts] = field(default_factory=dict)
    # Module-level imports, as re-exports: `pkg.testing.APITestCase` -> where it is defined;
    # `pkg.testing.*` -> the modules star-imported there.
    aliases: dict[str, str] = field(default_factory=dict)
    stars: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "module": self.module,
            "callables": [facts.to_json() for facts in self.callables.values()],
            "classes": [[c.key, list(c.bases), c.statusish, c.held] for c in self.classes.values()],
            "aliases": self.aliases,
            "stars": self.stars,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> ModuleFacts:
        facts = cls(data["module"])
        for item in data["callables"]:
            callable_facts = CallableFacts.from_json(item)
            facts.callables[callable_facts.key] = callable_facts
        for key, bases, statusish, held in data["classes"]:
            facts.classes[key] = ClassFacts(key, tuple(bases), statusish, dict(held))
        facts.aliases = dict(data["aliases"])
        facts.stars = list(data["stars"])
        return facts


@dataclass
class Candidate:
    """A call to a callable the tables do not know, with a literal that may be a status."""

    call: ast.Call
    ref: Ref
    scopes: tuple[object, ...]


@dataclass
class Default:
    """A literal default of a parameter, in case the parameter turns out to be a status."""

    key: str
    param: str
    expr: ast.expr
    scopes: tuple[object, ...]


@dataclass
class Comparison:
    """`expected == 200` with `expected` a parameter: a status comparison if the parameter
    turns out to reach a status position."""

    key: str
    param: str
    expr: ast.expr
    scopes: tuple[object, ...]


@dataclass
class Table:
    """A `@pytest.mark.parametrize` table: the values given to each argument name. On a test
    function (`kind` "function"), on a test class ("class": every method taking the argument;
    as a decorator or its `pytestmark`), a module's `pytestmark` ("module": every test function
    and test method of the module taking the argument), or a fixture's `params=[...]`
    ("fixture", under the name `request.param`, `label` the fixture's name)."""

    key: str
    label: str
    values: dict[str, list[ast.expr]]
    scopes: tuple[object, ...]
    kind: str = "function"


class _Frame:
    """One scope being walked: a class, or a function (its facts made when first needed), or
    a lambda (no key). A function's `local` maps the classes and functions defined in its body
    to their keys: a call there by that name is theirs."""

    __slots__ = ("bound", "facts", "fixture", "is_class", "key", "local", "node", "params")

    def __init__(
        self,
        key: str,
        node: ast.FunctionDef | ast.AsyncFunctionDef | None = None,
        params: frozenset[str] = frozenset(),
        bound: bool = False,
        is_class: bool = False,
    ) -> None:
        self.key = key
        self.node = node
        self.params = params
        self.bound = bound
        self.is_class = is_class
        self.facts: CallableFacts | None = None
        self.local: dict[str, str] | None = None
        self.fixture = ""  # a pytest fixture's name


class Collector:
    """Facts about one module's callables, fed by the engine as it walks."""

    def __init__(self, module: str = "", is_package: bool = False) -> None:
        self.facts = ModuleFacts(module)
        self.prefix = f"{module}." if module else ""
        self.package = module if is_package else module.rpartition(".")[0]
        self.frames: list[_Frame] = []
        self.candidates: list[Candidate] = []
        self.defaults: list[Default] = []
        self.tables: list[Table] = []
        # Fixtures that return (or yield) `request.param`: their value is the param (None), or
        # an item of it (`request.param[1]`); fixtures that return both or two items are left out.
        self.param_returned: dict[str, int | None] = {}
        self._param_returns_differ: set[str] = set()
        self.comparisons: list[Comparison] = []

    # -- names ----------------------------------------------------------------------------------
    def absolute(self, name: str) -> str:
        """A name as imported, with a relative import resolved against this module."""
        if not name.startswith("."):
            return name
        level = len(name) - len(name.lstrip("."))
        parts = self.package.split(".") if self.package else []
        if level > 1:
            parts = parts[: len(parts) - (level - 1)]
        rest = name[level:]
        return ".".join([*parts, rest] if rest else parts)

    def _ref(self, func: ast.expr, imports: dict[str, str]) -> Ref | None:
        if isinstance(func, ast.Name):
            local = self._local(func.id)
            if local is not None:
                return ("name", local) if local else None
            imported = imports.get(func.id)
            if imported is not None:
                return ("name", self.absolute(imported))
            return ("name", self.prefix + func.id)
        if not isinstance(func, ast.Attribute):
            return None
        owner = func.value
        if isinstance(owner, ast.Name) and owner.id in {"self", "cls"}:
            cls = self._class_key()
            return ("method", cls, func.attr) if cls is not None else None
        if (
            isinstance(owner, ast.Call)
            and isinstance(owner.func, ast.Name)
            and owner.func.id == "super"
        ):
            cls = self._class_key()
            return ("super", cls, func.attr) if cls is not None else None
        parts = [func.attr]
        while isinstance(owner, ast.Attribute):
            parts.append(owner.attr)
            owner = owner.value
        if not isinstance(owner, ast.Name):
            return None
        head = self._local(owner.id)
        if head is not None:
            return ("name", ".".join([head, *reversed(parts)])) if head else None
        head = imports.get(owner.id)
        if head is None:
            # A module-level class's method called on the class: `Helper.make(...)`.
            return ("name", ".".join([self.prefix + owner.id, *reversed(parts)]))
        return ("name", ".".join([self.absolute(head), *reversed(parts)]))

    def _local(self, name: str) -> str | None:
        """The key of a class or function defined earlier in an enclosing function's body
        (class bodies do not enclose the functions in them); "" for a parameter of one, which
        hides the module's callable of that name (`def test(error_response)`, a fixture)."""
        for frame in reversed(self.frames):
            if frame.local is not None and name in frame.local:
                return frame.local[name]
            if name in frame.params:
                return ""
        return None

    def _class_key(self) -> str | None:
        """The class whose method is being walked (`self` and `super()` refer to it)."""
        for frame in reversed(self.frames):
            if frame.is_class:
                return frame.key
        return None

    def base_key(self, base: ast.expr, imports: dict[str, str], depth: int = 1) -> str | None:
        """The key of a class's base; `depth` 2 once the class's own frame is entered."""
        frames = self.frames
        if type(base) is ast.Name and len(frames) >= depth and frames[-depth].is_class:
            # A class body sees the classes defined before in it: `class Cases: class B(A)`.
            sibling = f"{frames[-depth].key}.{base.id}"
            if sibling in self.facts.classes:
                return sibling
        ref = self._ref(base, imports)
        return ref[1] if ref is not None and ref[0] == "name" else None

    # -- scopes ---------------------------------------------------------------------------------
    def enter_class(
        self, node: ast.ClassDef, imports: dict[str, str], scopes: Iterable[object] = ()
    ) -> None:
        key = self._key(node.name)
        bases = tuple(
            key for key in (self.base_key(base, imports) for base in node.bases) if key is not None
        )
        statusish = any(word in node.name for word in _STATUS_CLASS_WORDS) or any(
            word in base.rpartition(".")[2] for base in bases for word in _STATUS_CLASS_WORDS
        )
        self.facts.classes[key] = ClassFacts(key, bases, statusish)
        for decorator in node.decorator_list:
            table = _parametrize(decorator)
            if table is not None:
                self.tables.append(Table(key, node.name, table, tuple(scopes), "class"))
        self.frames.append(_Frame(key, is_class=True))

    def pytestmark(self, value: ast.expr, scopes: Iterable[object]) -> None:
        """`pytestmark = pytest.mark.parametrize(...)` (or a list or tuple of marks holding
        one) in a module's body, or in a class's: a table for the module's tests, or the
        class's."""
        frames = self.frames
        if frames and not frames[-1].is_class:
            return
        marks = value.elts if isinstance(value, ast.List | ast.Tuple) else [value]
        for mark in marks:
            table = _parametrize(mark)
            if table is None:
                continue
            if frames:
                key = frames[-1].key
                self.tables.append(
                    Table(key, key.rpartition(".")[2], table, tuple(scopes), "class")
                )
            else:
                self.tables.append(Table(self.prefix, "", table, tuple(scopes), "module"))

    def enter_function(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef,
        scopes: Iterable[object],
    ) -> None:
        frames = self.frames
        key = self._key(node.name)
        arguments = node.args
        bound = bool(frames) and frames[-1].is_class
        if bound and node.decorator_list:
            bound = not any(
                type(d) is ast.Name and d.id == "staticmethod" for d in node.decorator_list
            )
        names = [arg.arg for arg in arguments.args]
        if arguments.posonlyargs:
            names[:0] = [arg.arg for arg in arguments.posonlyargs]
        params = frozenset(names[1:] if bound else names)
        if arguments.kwonlyargs:
            params |= {arg.arg for arg in arguments.kwonlyargs}
        frame = _Frame(key, node, params, bound)
        frames.append(frame)
        if node.name == "__init__":
            self._facts(frame)  # a constructor that passes nothing on hides its base's
        snapshot: tuple[object, ...] | None = None
        if arguments.defaults or arguments.kw_defaults:
            pairs = [
                *zip(reversed(arguments.args), reversed(arguments.defaults), strict=False),
                *zip(arguments.kwonlyargs, arguments.kw_defaults, strict=False),
            ]
            for arg, default in pairs:
                if type(default) is ast.Constant and _may_be_status(default):
                    if snapshot is None:
                        snapshot = tuple(scopes)
                    self.defaults.append(Default(key, arg.arg, default, snapshot))
        given_as = fixture_name(node)
        if given_as:
            frame.fixture = given_as
            self._facts(frame)  # even one showing nothing: it hides farther ones of its name
            self.returned(_annotated_returns(node.returns))
        for decorator in node.decorator_list:
            table = _parametrize(decorator)
            kind, label = "function", node.name
            if table is None:
                fixture = _fixture_params(decorator)
                if fixture is None:
                    continue
                name, values = fixture
                table, kind, label = {PARAM: values}, "fixture", name or node.name
            if snapshot is None:
                snapshot = tuple(scopes)
            self.tables.append(Table(key, label, table, snapshot, kind))

    def _facts(self, frame: _Frame) -> CallableFacts:
        """The facts of a function frame, made when something is first recorded."""
        facts = frame.facts
        if facts is not None:
            return facts
        node = frame.node
        assert node is not None
        arguments = node.args
        label = node.name
        if label == "__init__":
            label = self.frames[-2].key.rpartition(".")[2] if len(self.frames) > 1 else label
        facts = frame.facts = CallableFacts(
            frame.key,
            label,
            tuple(arg.arg for arg in (*arguments.posonlyargs, *arguments.args)),
            len(arguments.posonlyargs),
            tuple(arg.arg for arg in arguments.kwonlyargs),
            frame.bound,
            fixture=frame.fixture,
        )
        self.facts.callables[frame.key] = facts
        return facts

    def imported(self, local: str, target: str) -> None:
        """A module-level `from x import y as local` (`local` "*" for a star import)."""
        if self.frames:
            return
        if local == "*":
            self.facts.stars.append(self.absolute(target))
        else:
            self.facts.aliases[self.prefix + local] = self.absolute(target)

    def enter_other(self) -> None:
        self.frames.append(_Frame(""))

    def exit(self) -> None:
        self.frames.pop()

    def _key(self, name: str) -> str:
        if not self.frames:
            return self.prefix + name
        outer = self.frames[-1]
        if outer.is_class:
            return f"{outer.key}.{name}"
        key = f"{outer.key}.<locals>.{name}"
        if outer.local is None:
            outer.local = {}
        outer.local[name] = key
        return key

    # -- what the walk finds ----------------------------------------------------------------------
    def _current(self, name: str) -> CallableFacts | None:
        if not self.frames:
            return None
        frame = self.frames[-1]
        if name not in frame.params:
            return None
        return self._facts(frame)

    def reached(
        self, name: str, kind: Kind, range_only: bool = False, index: int | None = None
    ) -> None:
        """Parameter `name` (if it is one), or its item `name[index]`, reaches a status
        position of `kind`; `request.param` for the `request` parameter of a fixture."""
        facts = self._current("request" if name == PARAM else name)
        if facts is None:
            return
        if index is not None:
            name = f"{name}[{index}]"  # only a pytest table can fill it: not a call's argument
        _merge(facts.reaches, name, kind.value)
        if range_only and name not in facts.range_only:
            facts.range_only.append(name)
        facts.made = None

    def compared(self, name: ast.Name, value: ast.expr, scopes: Iterable[object]) -> None:
        """`name == value` (or `!=`, `in`): kept if `name` is a parameter of the function
        being walked and `value` a literal that may be a status."""
        frame = self.frames[-1] if self.frames else None
        if frame is not None and name.id in frame.params and _may_be_status(value):
            self.comparisons.append(Comparison(frame.key, name.id, value, tuple(scopes)))

    def param_returned_here(self, index: int | None = None) -> None:
        """`return request.param` (or `yield`), or `return request.param[index]`: the
        fixture's value is its param, or that item of it."""
        frame = self.frames[-1] if self.frames else None
        if frame is None or "request" not in frame.params:
            return
        key, returned = frame.key, self.param_returned
        if key in self._param_returns_differ:
            return
        if key in returned and returned[key] != index:
            del returned[key]
            self._param_returns_differ.add(key)
        else:
            returned[key] = index

    def returned(self, kinds: dict[str, str]) -> None:
        """A `return` of the function being walked gives back a status or a response, whole
        or at tuple items (`return res.status_code, res.json`): see `CallableFacts.returns`."""
        frame = self.frames[-1] if self.frames else None
        if frame is None or frame.node is None or not kinds:
            return
        returns = self._facts(frame).returns
        for where, kind in kinds.items():
            returns[where] = kind if returns.get(where, kind) == kind else _MIXED

    def forwarded(self, func: ast.expr, imports: dict[str, str]) -> None:
        """The function being walked returns what calling `func` returns, whole."""
        frame = self.frames[-1] if self.frames else None
        ref = self.ref(func, imports)
        if frame is None or frame.node is None or ref is None:
            return
        forwards = self._facts(frame).forwards
        if ref not in forwards:
            forwards.append(ref)

    def made_by(self, func: ast.expr, imports: dict[str, str]) -> str:
        """What `self.attr = func(...)` holds (`ClassFacts.held`): "class:<name>" if `func`
        names a module's or an imported callable (a class, once the project is solved)."""
        ref = self._ref(func, imports)
        return f"class:{ref[1]}" if ref is not None and ref[0] == "name" else "other"

    def held(self, attr: str, kind: str) -> None:
        """`self.attr = value` in a method (or `attr: Client` in the class's body): what the
        class holds there (`ClassFacts.held`)."""
        cls = self._class_key()
        info = self.facts.classes.get(cls) if cls is not None else None
        if info is not None:
            info.held[attr] = kind if info.held.get(attr, kind) == kind else _MIXED

    def ref(self, func: ast.expr, imports: dict[str, str]) -> Ref | None:
        """The callable a call's `func` names, resolved when the facts are solved; a parameter
        of the function being walked, called, is what a fixture of that name gives
        (`("fixture()", name)`: `r = await fetch("api")` in `def test_x(fetch)`)."""
        if type(func) is ast.Name and self.frames and func.id in self.frames[-1].params:
            return ("fixture()", func.id)
        if (
            type(func) is ast.Attribute
            and type(func.value) is ast.Attribute
            and type(func.value.value) is ast.Name
            and func.value.value.id == "self"
        ):
            # `self.client.create_case(...)`: a method of what the class holds there.
            cls = self._class_key()
            return ("held", cls, func.value.attr, func.attr) if cls is not None else None
        return self._ref(func, imports)

    def attribute_assigned(self, target: ast.Attribute, value: ast.expr) -> None:
        """`resp.status_code = code`, or `self.code = code` in an error or response class."""
        if type(value) is not ast.Name:
            return
        attr = target.attr
        generic = attr in _GENERIC_ATTRIBUTES
        if attr not in frameworks.STATUS_ATTRIBUTES and not generic:
            return
        on_self = isinstance(target.value, ast.Name) and target.value.id == "self"
        cls = self._class_key() if on_self else None
        info = self.facts.classes.get(cls) if cls is not None else None
        if generic and (info is None or not info.statusish):
            return
        names = (info.key, *info.bases) if info is not None else ()
        errorish = any("Error" in name or "Exception" in name for name in names)
        self.reached(value.id, Kind.EXCEPTION if errorish else Kind.RESPONSE, generic)

    def record_fields(self, name: str | None, fields: list[str], status: dict[str, bool]) -> None:
        """A record class whose constructor takes `fields` in order, by position and keyword
        (`collections.namedtuple("R", [...])` bound to `name`, or the `typing.NamedTuple`
        class being walked when `name` is None): its `status` fields (a field's value: whether
        only 100-599 counts) are status parameters."""
        if name is None:
            frame = self.frames[-1]
            key, label = f"{frame.key}.__init__", frame.key.rpartition(".")[2]
        else:
            key, label = self._key(name), name
        facts = CallableFacts(key, label, tuple(fields))
        for field_name, range_only in status.items():
            _merge(facts.reaches, field_name, Kind.RESPONSE.value)
            if range_only:
                facts.range_only.append(field_name)
        self.facts.callables[key] = facts

    def mapping(self, name: str) -> None:
        facts = self._current(name)
        if facts is not None and name not in facts.mappings:
            facts.mappings.append(name)
            facts.made = None

    def call(self, node: ast.Call, imports: dict[str, str], scopes: Iterable[object]) -> None:
        """A call the tables do not know: edges for the parameters it passes on, and a
        candidate if it carries a literal."""
        if not node.args and not node.keywords:
            return
        ref: Ref | None = None
        literal = False
        frame = self.frames[-1] if self.frames else None
        params = frame.params if frame is not None else frozenset()
        for index, arg in enumerate(node.args):
            if type(arg) is ast.Name:
                if arg.id in params:
                    ref = ref or self._ref(node.func, imports)
                    if ref is not None and frame is not None:
                        self._facts(frame).edges.append((arg.id, ref, index, None))
            elif type(arg) is ast.Constant:
                literal = literal or _status_int(arg.value)
            elif type(arg) is ast.Starred:
                break
            elif type(arg) is ast.IfExp and _may_be_status(arg):
                literal = True
        for keyword in node.keywords:
            value = keyword.value
            kind = type(value)
            if type(value) is ast.Name:
                if value.id in params and keyword.arg is not None:
                    ref = ref or self._ref(node.func, imports)
                    if ref is not None and frame is not None:
                        self._facts(frame).edges.append((value.id, ref, None, keyword.arg))
            elif type(value) is ast.Constant:
                literal = literal or _status_int(value.value)
            elif kind is ast.Dict or (kind is ast.IfExp and _may_be_status(value)):
                literal = True
        if literal:
            ref = ref or self._ref(node.func, imports)
            if ref is not None:
                self.candidates.append(Candidate(node, ref, tuple(scopes)))


def fixture_name(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    """The name tests take a pytest fixture by (`@pytest.fixture`, `@pytest_asyncio.fixture`,
    `@fixture(name=...)`); "" for a function that is no fixture."""
    for decorator in node.decorator_list:
        func = decorator.func if type(decorator) is ast.Call else decorator
        if (type(func) is ast.Attribute and func.attr == "fixture") or (
            type(func) is ast.Name and func.id == "fixture"
        ):
            for keyword in decorator.keywords if type(decorator) is ast.Call else ():
                value = keyword.value
                if keyword.arg == "name" and type(value) is ast.Constant:
                    return str(value.value)
            return node.name
    return ""


def _annotated_returns(annotation: ast.expr | None) -> dict[str, str]:
    """What a fixture's return annotation says it gives: a response (`-> Response`,
    `-> Iterator[ClientResponse]`), or a callable returning one (`-> Callable[...,
    Awaitable[HTTPResponse]]`, as "()")."""
    if annotation is None:
        return {}
    if (
        type(annotation) is ast.Subscript
        and (
            (type(annotation.value) is ast.Name and annotation.value.id == "Callable")
            or (type(annotation.value) is ast.Attribute and annotation.value.attr == "Callable")
        )
        and type(annotation.slice) is ast.Tuple
        and len(annotation.slice.elts) == 2
    ):
        return {"()": "response"} if receivers.names_response(annotation.slice.elts[1]) else {}
    return {"": "response"} if receivers.names_response(annotation) else {}


def _may_be_status(node: ast.expr) -> bool:
    if type(node) is ast.IfExp:
        return _may_be_status(node.body) or _may_be_status(node.orelse)
    return type(node) is ast.Constant and _status_int(node.value)


def _status_int(value: object) -> bool:
    return type(value) is int and 100 <= value <= 599


def _merge(reaches: dict[str, str], name: str, kind: str) -> bool:
    old = reaches.get(name)
    if old in (kind, _MIXED):
        return False
    reaches[name] = kind if old is None else _MIXED
    return True


def _parametrize(decorator: ast.expr) -> dict[str, list[ast.expr]] | None:
    """`@pytest.mark.parametrize("a,b", [(1, 2), pytest.param(3, 4, id=...)])`: the values of
    each argument name, or None if this is not a readable parametrize."""
    if not isinstance(decorator, ast.Call) or len(decorator.args) < 2:
        return None
    func = decorator.func
    if not (isinstance(func, ast.Attribute) and func.attr == "parametrize"):
        return None
    owner = func.value
    if not (isinstance(owner, ast.Attribute) and owner.attr == "mark"):
        return None
    names_node, rows_node = decorator.args[0], decorator.args[1]
    names: list[str] = []
    if isinstance(names_node, ast.Constant) and isinstance(names_node.value, str):
        names = [name.strip() for name in names_node.value.split(",") if name.strip()]
    elif isinstance(names_node, ast.List | ast.Tuple):
        for element in names_node.elts:
            if not (isinstance(element, ast.Constant) and isinstance(element.value, str)):
                return None
            names.append(element.value)
    if not names or not isinstance(rows_node, ast.List | ast.Tuple):
        return None
    values: dict[str, list[ast.expr]] = {name: [] for name in names}
    for row in rows_node.elts:
        if (
            isinstance(row, ast.Call)
            and isinstance(row.func, ast.Attribute)
            and row.func.attr == "param"
        ):
            items: list[ast.expr] = list(row.args)
        elif len(names) == 1:
            items = [row]
        elif isinstance(row, ast.Tuple | ast.List):
            items = list(row.elts)
        else:
            continue
        if len(items) != len(names):
            continue
        for name, item in zip(names, items, strict=True):
            values[name].append(item)
    return values


@dataclass
class LoopColumn:
    """What one variable of a `for` loop over a literal table takes: a cell of each row,
    while the loop's body (lines `start` to `end`) runs."""

    name: str
    cells: list[ast.expr]
    start: tuple[int, int]
    end: tuple[int, int]
    reported: set[int | None] = field(default_factory=set)
    # The variable compared with values (`expected == 200`) before it was seen to be a status.
    compared: list[ast.expr] | None = field(default_factory=list)

    def encloses(self, node: ast.expr) -> bool:
        return self.start <= (node.lineno, node.col_offset) <= self.end


def loop_columns(
    target: ast.expr, table: ast.expr, loop: ast.For | ast.AsyncFor
) -> dict[str, LoopColumn]:
    """The columns a loop's target names take from a literal table: `for url, status in
    [("/a", 200)]`, `for (url, status) in {"/a": 200}.items()`, `for case in [...]`."""
    if isinstance(table, ast.Dict):
        rows: list[ast.expr] = [
            ast.Tuple(elts=[key, value])
            for key, value in zip(table.keys, table.values, strict=True)
            if key is not None
        ]
    elif isinstance(table, ast.List | ast.Tuple | ast.Set):
        rows = table.elts
    else:
        return {}
    first, last = loop.body[0], loop.body[-1]
    start = (first.lineno, first.col_offset)
    end = (last.end_lineno or last.lineno, last.end_col_offset or 0)
    columns: dict[str, LoopColumn] = {}
    pending: list[tuple[ast.expr, tuple[int, ...]]] = [(target, ())]
    while pending:
        node, path = pending.pop()
        if isinstance(node, ast.Name):
            cells = [cell for cell in (_cell(row, path) for row in rows) if cell is not None]
            columns[node.id] = LoopColumn(node.id, cells, start, end)
        elif isinstance(node, ast.Tuple | ast.List):
            pending.extend((element, (*path, i)) for i, element in enumerate(node.elts))
    return columns


def _cell(row: ast.expr, path: tuple[int, ...]) -> ast.expr | None:
    for index in path:
        if not isinstance(row, ast.Tuple | ast.List) or len(row.elts) <= index:
            return None
        if any(isinstance(element, ast.Starred) for element in row.elts):
            return None
        row = row.elts[index]
    return row


def _fixture_params(decorator: ast.expr) -> tuple[str, list[ast.expr]] | None:
    """`@pytest.fixture(params=[200, pytest.param(404, id="missing")], name="status")`: the
    fixture's name if given, and its params."""
    if not isinstance(decorator, ast.Call):
        return None
    func = decorator.func
    if not (
        (isinstance(func, ast.Attribute) and func.attr == "fixture")
        or (isinstance(func, ast.Name) and func.id == "fixture")
    ):
        return None
    name, values = "", None
    for keyword in decorator.keywords:
        value = keyword.value
        if keyword.arg == "params" and isinstance(value, ast.List | ast.Tuple):
            values = [
                item.args[0]
                if isinstance(item, ast.Call)
                and isinstance(item.func, ast.Attribute)
                and item.func.attr == "param"
                and item.args
                else item
                for item in value.elts
            ]
        elif keyword.arg == "name" and isinstance(value, ast.Constant):
            name = str(value.value)
    return (name, values) if values is not None else None


def is_param(node: ast.expr) -> bool:
    """`request.param`."""
    return (
        type(node) is ast.Attribute
        and node.attr == "param"
        and type(node.value) is ast.Name
        and node.value.id == "request"
    )


def table_index(reach: str, name: str) -> int | bool | None:
    """How a reached parameter (`status`, or `arg[1]`) reads a table column `name`: None for
    the whole cell, an index into it, or False if it is another column."""
    if reach == name:
        return None
    if reach.startswith(name + "[") and reach.endswith("]"):
        return int(reach[len(name) + 1 : -1])
    return False


def table_values(cells: list[ast.expr], index: int | None) -> Iterator[ast.expr]:
    """The int literals a column gives the parameter: each cell, or item `index` of each."""
    for cell in cells:
        if index is not None:
            if not isinstance(cell, ast.Tuple | ast.List) or len(cell.elts) <= index:
                continue
            cell = cell.elts[index]
        if type(cell) is ast.Constant and type(cell.value) is int:
            yield cell


class Solver:
    """The project's callables and classes, solved to a fixed point: which parameters of
    which callables reach a status position, directly or through other callables."""

    def __init__(
        self,
        modules: Iterable[ModuleFacts],
        base: Solver | None = None,
        conftests: dict[str, dict[str, CallableFacts]] | None = None,
    ) -> None:
        """`base`: a solved project that no module of `modules` changes (they are not in it
        and it imports nothing from them): only theirs are solved, on top of it.
        `conftests`: the fixtures of each `conftest.py` by name, by its absolute directory."""
        if conftests is None:
            conftests = base.conftests if base is not None else {}
        self.conftests: dict[str, dict[str, CallableFacts]] = conftests
        self.callables: dict[str, CallableFacts] = dict(base.callables) if base else {}
        self.classes: dict[str, ClassFacts] = dict(base.classes) if base else {}
        self.aliases: dict[str, str] = dict(base.aliases) if base else {}
        self.stars: dict[str, list[str]] = dict(base.stars) if base else {}
        self._resolved: dict[str, str] = {}
        # Each class's external bases, asked for every subclass a walked file defines.
        self._external: dict[str, frozenset[str]] = {}
        self._fixture_table: dict[str, CallableFacts | None] | None = None
        self._held: set[str] | None = None
        # Copies of the callables that pass a parameter on: solving adds to their `reaches`,
        # and the modules' facts may be solved again. The others are shared.
        added = []
        for module in modules:
            for key, facts in module.callables.items():
                if facts.edges:
                    facts = replace(
                        facts, reaches=dict(facts.reaches), range_only=list(facts.range_only)
                    )
                    added.append(facts)
                self.callables[key] = facts
            self.classes.update(module.classes)
            self.aliases.update(module.aliases)
            if module.stars:
                self.stars[module.module] = module.stars
        self._cache: dict[str, list[Sink]] | None = None
        self._solve(added)
        self._cache = {}

    def _solve(self, callables: list[CallableFacts]) -> None:
        pending = [facts for facts in callables if facts.edges]
        changed = True
        while changed:
            changed = False
            for facts in pending:
                for param, ref, position, keyword in facts.edges:
                    for sink in self.sinks_of(ref):
                        if sink.status is None or not _binds(sink.status, position, keyword):
                            continue
                        if _merge(facts.reaches, param, sink.kind.value):
                            changed = True
                            facts.made = None
                            if isinstance(sink, InferredSink) and sink.range_only:
                                facts.range_only.append(param)

    # -- resolution -----------------------------------------------------------------------------
    def sinks_of(self, ref: Ref) -> list[Sink]:
        """The status positions of the callable `ref` names (an empty list if none)."""
        kind, owner = ref[0], ref[1]
        if kind == "name":
            return self._sinks_of_name(owner)
        method = ref[2]
        if kind == "method":
            return self._method(owner, method, set())
        owner = self.resolve(owner)
        for base in self.classes[owner].bases if owner in self.classes else ():
            found = self._method(base, method, set())
            if found:
                return found
        return []

    def returns_of(
        self, ref: Ref, fixtures: dict[str, CallableFacts | None] | None = None
    ) -> dict[str, str]:
        """What the callable `ref` names returns (`CallableFacts.returns`), with what the
        callables it returns the result of return, up to `_FORWARD_DEPTH` calls deep; empty
        if unknown. `fixtures`: those the file sees (`visible_fixtures`)."""
        return self._returns(ref, 0, fixtures) or {}

    def _returns(
        self, ref: Ref, depth: int, fixtures: dict[str, CallableFacts | None] | None = None
    ) -> dict[str, str] | None:
        """`returns_of`, None where `ref` is not the project's callable."""
        kind, owner = ref[0], ref[1]
        if kind == "attribute":
            return {"": "response"} if owner in self._response_attributes() else {}
        if kind.startswith("fixture"):
            fixture = (self._fixtures() if fixtures is None else fixtures).get(owner)
            if fixture is None:
                return {}
            given = fixture.returns.get("()" if kind == "fixture()" else "")
            return {"": given} if given is not None else {}
        facts = self._facts_of(ref)
        if facts is None:
            return None
        merged = dict(facts.returns)
        guess = merged.pop(GUESSED, None)
        if depth >= _FORWARD_DEPTH:
            return merged
        followed = False
        for forward in facts.forwards:
            found = self._returns(forward, depth + 1)
            if found is None:
                continue
            followed = True
            for where, given in found.items():
                merged[where] = given if merged.get(where, given) == given else _MIXED
        if guess is not None and not followed:
            merged[""] = guess if merged.get("", guess) == guess else _MIXED
        return merged

    def _facts_of(self, ref: Ref) -> CallableFacts | None:
        kind, owner = ref[0], ref[1]
        facts: CallableFacts | None = None
        if kind == "constructed":  # a method called on what calling `owner` made
            return self._instance_method(owner, ref[2])
        if kind == "held":  # a method called on what `self.<ref[2]>` holds
            made = self._held_by(owner, ref[2], set())
            return self._instance_method(made, ref[3]) if made else None
        if kind == "name":
            facts = self.callables.get(self.resolve(owner))
        elif kind == "method":
            facts = self._method_facts(owner, ref[2], set())
        else:
            owner = self.resolve(owner)
            for base in self.classes[owner].bases if owner in self.classes else ():
                facts = self._method_facts(base, ref[2], set())
                if facts is not None:
                    break
        return facts

    def _instance_method(self, made: str, name: str) -> CallableFacts | None:
        """Method `name` of what calling `made` gives, if `made` is one of the project's
        classes."""
        cls = self.resolve(made)
        return self._method_facts(cls, name, set()) if cls in self.classes else None

    def _held_by(self, cls: str, attr: str, seen: set[str]) -> str | None:
        """What makes the object class `cls` (or the nearest base saying) holds in `attr`:
        the callable's name from `ClassFacts.held`'s "class:<name>", else None."""
        cls = self.resolve(cls)
        info = self.classes.get(cls)
        if info is None or cls in seen:
            return None
        seen.add(cls)
        held = info.held.get(attr)
        if held is not None:
            return held.partition(":")[2] if held.startswith("class:") else None
        for base in info.bases:
            found = self._held_by(base, attr, seen)
            if found is not None:
                return found
        return None

    def _response_attributes(self) -> set[str]:
        """Attributes that the project's classes assign only responses to (None aside)."""
        if self._held is None:
            kinds: dict[str, set[str]] = {}
            for info in self.classes.values():
                for attr, kind in info.held.items():
                    kinds.setdefault(attr, set()).add(kind)
            self._held = {attr for attr, found in kinds.items() if found == {"response"}}
        return self._held

    def visible_fixtures(
        self, own: ModuleFacts, filename: str | None
    ) -> dict[str, CallableFacts | None]:
        """The fixtures a test in file `filename` (module `own`) takes by name, as pytest picks
        them: the module's own, else the nearest `conftest.py`'s from the file's directory up,
        else the project's other fixtures (plugins) where those of the name agree."""
        table = dict(self._fixtures())
        if filename and self.conftests:
            directory = os.path.dirname(os.path.abspath(filename))
            chain = [directory]
            while os.path.dirname(chain[-1]) != chain[-1]:
                chain.append(os.path.dirname(chain[-1]))
            for each in reversed(chain):  # the farthest first: a nearer one overrides it
                table.update(self.conftests.get(each, {}))
        table.update((facts.fixture, facts) for facts in own.callables.values() if facts.fixture)
        return table

    def _fixtures(self) -> dict[str, CallableFacts | None]:
        """The project's pytest fixtures outside its `conftest.py` files (those apply by
        directory: `visible_fixtures`) by name; None for a name whose fixtures say different
        things."""
        if self._fixture_table is None:
            table: dict[str, CallableFacts | None] = {}
            in_conftests = {
                facts.key for fixtures in self.conftests.values() for facts in fixtures.values()
            }
            for facts in self.callables.values():
                if facts.fixture and facts.key not in in_conftests:
                    known = table.get(facts.fixture, facts)
                    same = known is not None and known.returns == facts.returns
                    table[facts.fixture] = facts if same else None
            self._fixture_table = table
        return self._fixture_table

    def _method_facts(self, cls: str, name: str, seen: set[str]) -> CallableFacts | None:
        """The facts of method `name` as looked up on `cls` and its bases."""
        cls = self.resolve(cls)
        if cls in seen:
            return None
        seen.add(cls)
        facts = self.callables.get(f"{cls}.{name}")
        if facts is not None:
            return facts
        for base in self.classes[cls].bases if cls in self.classes else ():
            found = self._method_facts(base, name, seen)
            if found is not None:
                return found
        return None

    def resolve(self, name: str) -> str:
        """Where a name imported from a project module is defined, through re-exports, and
        for a nested class (`pkg.ViewTestCases.ListView`) through its outer class's."""
        found = self._resolved.get(name)
        if found is None:
            found = self._resolved[name] = self._resolve(name)
        return found

    def _resolve(self, name: str) -> str:
        resolved = self._follow(name)
        if resolved in self.callables or resolved in self.classes:
            return resolved
        parts = name.split(".")
        for cut in range(len(parts) - 1, 1, -1):
            head = ".".join(parts[:cut])
            target = self._follow(head)
            if target != head:
                candidate = ".".join([target, *parts[cut:]])
                if candidate in self.callables or candidate in self.classes:
                    return candidate
        return resolved

    def _follow(self, name: str) -> str:
        for _ in range(8):  # re-export chains are short; a cycle must not hang
            if name in self.callables or name in self.classes:
                return name
            target = self.aliases.get(name)
            if target is None:
                module, _, attr = name.rpartition(".")
                target = next(
                    (
                        f"{star}.{attr}"
                        for star in self.stars.get(module, ())
                        if f"{star}.{attr}" in self.callables
                        or f"{star}.{attr}" in self.classes
                        or f"{star}.{attr}" in self.aliases
                    ),
                    None,
                )
            if target is None or target == name:
                return name
            name = target
        return name

    def _sinks_of_name(self, name: str) -> list[Sink]:
        cached = self._cache
        if cached is not None and name in cached:
            return cached[name]
        found: list[Sink]
        name = self.resolve(name)
        facts = self.callables.get(name)
        if facts is not None:
            found = facts.sinks()
        elif name in self.classes:
            found = self._method(name, "__init__", set())
        else:
            sink = frameworks.CALLS.get(name)
            found = [sink] if sink is not None else []
        if cached is not None:
            cached[name] = found
        return found

    def _method(self, cls: str, name: str, seen: set[str]) -> list[Sink]:
        """`name` looked up on `cls` and its bases, as Python's attribute lookup finds it."""
        cls = self.resolve(cls)
        if cls in seen:
            return []
        seen.add(cls)
        facts = self.callables.get(f"{cls}.{name}")
        if facts is not None:
            return facts.sinks()
        info = self.classes.get(cls)
        if info is None:
            if name == "__init__":
                sink = frameworks.CALLS.get(cls)
                return [sink] if sink is not None else []
            return []
        for base in info.bases:
            found = self._method(base, name, seen)
            if found:
                return found
        return []

    def table_readers(
        self, table: Table, own: Iterable[str], prefix: str, param_returned: Container[str]
    ) -> Iterator[tuple[CallableFacts, str, str]]:
        """The callables a table's values reach, each with the name the table's values have
        there and its label for messages: the decorated test; each method of a decorated
        class (`own`: the keys of the module's callables); for a fixture, the fixture itself
        (`request.param`) and, if it returns its param, the tests of the module (for a
        conftest.py, of its package; of the whole project outside packages) that take the
        fixture by name."""
        if table.kind == "function":
            facts = self.callables.get(table.key)
            if facts is not None:
                yield facts, "", facts.label
        elif table.kind == "class":
            start = table.key + "."
            for key in own:
                facts = self.callables.get(key)
                if facts is not None and key.startswith(start) and "." not in key[len(start) :]:
                    yield facts, "", facts.label
        elif table.kind == "module":
            # pytest's: the module's test functions, and the test methods of its classes.
            start = table.key
            for key in own:
                facts = self.callables.get(key)
                if (
                    facts is not None
                    and key.startswith(start)
                    and "<locals>" not in key
                    and key.rpartition(".")[2].startswith("test")
                ):
                    yield facts, "", facts.label
        else:
            facts = self.callables.get(table.key)
            if facts is not None:
                yield facts, "", facts.label
            if table.key not in param_returned:
                return
            package, _, module = prefix.rstrip(".").rpartition(".")
            if module == "conftest":  # the tests of its package, or of the whole project
                prefix = f"{package}." if package else ""
            label = table.label
            for key, facts in self.callables.items():
                if (
                    facts.label.startswith("test")
                    and key.startswith(prefix)
                    and any(table_index(reach, label) is not False for reach in facts.reaches)
                ):
                    yield facts, label, facts.label

    def sink_names(self) -> set[str]:
        """The names the project's status-taking callables are called by."""
        # A function's local classes and helpers are called only in its own body.
        names = {
            facts.label
            for key, facts in self.callables.items()
            if (facts.reaches or facts.mappings) and "<locals>" not in key
        }
        classes = [key for key in self.classes if "<locals>" not in key]
        names.update(
            key.rpartition(".")[2] for key in classes if self._method(key, "__init__", set())
        )
        # Bases that make their subclasses views or framework test cases.
        for key in classes:
            bases = self.external_bases(key)
            if not bases.isdisjoint(frameworks.VIEW_CLASSES) or any(
                "Test" in base.rpartition(".")[2]
                and base.partition(".")[0] in frameworks.HTTP_PACKAGES
                for base in bases
            ):
                names.add(key.rpartition(".")[2])
        return names

    def external_bases(self, key: str) -> frozenset[str]:
        """The classes from outside the project a project class derives from."""
        found = self._external.get(key)
        if found is None:
            found = self._external[key] = frozenset(self._external_bases(key))
        return found

    def _external_bases(self, key: str) -> set[str]:
        found: set[str] = set()
        pending, seen = [key], set()
        while pending:
            name = self.resolve(pending.pop())
            if name in seen:
                continue
            seen.add(name)
            info = self.classes.get(name)
            if info is not None:
                pending.extend(info.bases)
            else:
                found.add(name)
        return found

    def framework_packages(self, key: str) -> set[str]:
        """The HTTP packages whose classes a project class derives from."""
        packages = {name.partition(".")[0] for name in self.external_bases(key)}
        return packages & frameworks.HTTP_PACKAGES

    def view_class(self, key: str) -> bool:
        """Whether a project class derives, through project classes, from a view class."""
        return self._derives(key, frameworks.VIEW_CLASSES, set())

    def _derives(self, key: str, targets: frozenset[str], seen: set[str]) -> bool:
        key = self.resolve(key)
        if key in targets:
            return True
        info = self.classes.get(key)
        if info is None or key in seen:
            return False
        seen.add(key)
        return any(self._derives(base, targets, seen) for base in info.bases)


def _binds(param: Param, position: int | None, keyword: str | None) -> bool:
    if keyword is not None:
        return param.keyword == keyword
    return position is not None and param.position == position


class Project(Protocol):
    """The project a file belongs to, as the engine consults it (see project.py)."""

    def module_of(self, filename: str | None) -> tuple[str, bool]:
        """The file's dotted module name, and whether it is a package's `__init__`."""
        ...

    def solver(self, facts: ModuleFacts) -> Solver:
        """The project's facts, with this file's as just collected, solved."""
        ...

    @property
    def solved(self) -> Solver:
        """The project's facts as indexed, solved."""
        ...
