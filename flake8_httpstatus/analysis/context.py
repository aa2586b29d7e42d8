"""What the engine and its recognizers share: the scopes of the walk, the file's context that
rules read, and the rule callbacks the engine calls (rules return `core.findings.RawFinding`).

Recognizers (analysis/recognizers/) import these, never the engine module itself (they receive
the `Engine` as their first argument), so that no import goes round in a circle.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flake8_httpstatus.analysis import inference
from flake8_httpstatus.analysis.flow import FunctionFacts
from flake8_httpstatus.analysis.sites import Site, Where, constant_code
from flake8_httpstatus.config.settings import Settings, Versions
from flake8_httpstatus.core.findings import RawFinding
from flake8_httpstatus.knowledge import frameworks, receivers
from flake8_httpstatus.knowledge.frameworks import Kind, Layout, Param, Sink, Views

SEQUENCES = (ast.Tuple, ast.List)


@dataclass
class Scope:
    """A module, function or class body: what it is, and the names it binds."""

    # For a view: how its returned tuples are laid out; for a class of views: what they are.
    view: Layout | None = None
    view_class: Views | None = None
    is_class: bool = False
    # For a class: headers its framework adds to the responses of its methods (DRF's Allow).
    added_headers: frozenset[str] = frozenset()
    # For a class: the class attribute that holds its status, if it is a status class.
    status_attribute: str | None = None
    # For a class: named for HTTP or a response, so `self.status` is a status.
    response_class: bool = False
    # For a class: the framework packages its project bases derive from, that the file does
    # not import itself; they count as imported inside the class.
    packages: set[str] = field(default_factory=set)
    # For a function: what it does with responses (see flow.py).
    facts: FunctionFacts | None = None
    # Every name bound in the body so far; for a function, its names bound once to a response's
    # status (`code = r.status_code`) and their comparisons, reported when the body is walked
    # if the name was bound only that once.
    names: set[str] = field(default_factory=set)
    status_aliases: dict[str, ast.expr] | None = None
    alias_uses: list[tuple[str, ast.expr, bool]] | None = None
    rebound: set[str] | None = None
    # Names bound once by unpacking a parameter or a fixture's `request.param` (`path, expected
    # = request.param`), to the parameter and the item; and where they reach a status position,
    # passed on as that item once the body shows the name is bound only that once.
    items: dict[str, tuple[str, int]] | None = None
    item_uses: list[tuple[str, Kind, bool]] | None = None
    # Names (class attributes in a class body) bound once to a literal list, tuple, set or dict,
    # and the loops over such tables whose variables are still bound to their rows.
    literals: dict[str, ast.expr] | None = None
    loops: dict[str, list[inference.LoopColumn]] | None = None
    # For a function: names first bound to a status literal or constant (`status_code = 200`),
    # with each value bound since (None for a binding to anything else); and their uses at
    # status positions, reported at the function's end if every binding is such a value and
    # every use of the name is one of these.
    bound_statuses: dict[str, list[ast.expr | None]] | None = None
    bound_uses: list[BoundUse] | None = None
    # For a function: names bound to what a call returns, whole (None) or a tuple's item
    # (`status_code, data = self.simulate_request(...)`), with each binding's callable and
    # item; and their comparisons (the name itself, or its `.status`/`.code`), settled once
    # the project's callables are solved (`ReturnedUse`).
    returned: dict[str, list[tuple[inference.Ref, int | None]]] | None = None
    returned_uses: list[ReturnedCompared] | None = None


@dataclass(frozen=True, slots=True)
class ReturnedCompared:
    """`value` compared with `name` (bound to what calls return), with its item `item`
    (`resp[0]`, or the item of a compared tuple), or with its `.status` (`response`)."""

    name: str
    item: int | None
    response: bool
    value: ast.expr
    in_pattern: bool
    shown: str


@dataclass(frozen=True, slots=True)
class ReturnedUse:
    """A comparison with what calls return (`ReturnedCompared`), every binding of the name
    from one of `bindings` (the callable, and the item bound): a status where each callable
    returns a status at that item, or, for a `.status` or `.code`, a response."""

    compared: ReturnedCompared
    bindings: tuple[tuple[inference.Ref, int | None], ...]
    scopes: tuple[Scope, ...]


@dataclass(frozen=True, slots=True)
class BoundUse:
    """A name at a status position, as `value_site` (recognizers/values.py) was asked about it."""

    name: ast.Name
    where: Where
    sink: Sink | None
    call: ast.Call | None
    range_only: bool


@dataclass
class FileContext:
    """What rules may read about the file being checked."""

    settings: Settings
    versions: Versions
    imports: dict[str, str] = field(default_factory=dict)
    packages: set[str] = field(default_factory=set)
    scopes: list[Scope] = field(default_factory=lambda: [Scope()])
    style_uses: Counter[str] = field(default_factory=Counter)
    # Local classes whose class attribute holds a status, mapped to that attribute.
    status_classes: dict[str, str] = field(default_factory=dict)
    view_classes: dict[str, Views] = field(default_factory=dict)
    # Local classes whose methods' responses get headers from the framework (see Scope).
    added_headers: dict[str, frozenset[str]] = field(default_factory=dict)
    # Every function's facts, by name, for rules that follow calls.
    functions: dict[str, FunctionFacts] = field(default_factory=dict)
    # Names bound to a request's result or a caught HTTP error (see receivers.py).
    responses: set[str] = field(default_factory=set)
    # Every function's facts, same names included, in source order; and the module itself.
    all_functions: list[FunctionFacts] = field(default_factory=list)
    tree: ast.AST | None = None

    @property
    def facts(self) -> FunctionFacts | None:
        """The facts of the innermost enclosing function, if any (not through classes)."""
        return self.scopes[-1].facts

    @property
    def scope(self) -> Scope:
        return self.scopes[-1]

    @property
    def http_file(self) -> bool:
        return not self.packages.isdisjoint(frameworks.HTTP_PACKAGES)

    def qualname(self, node: ast.expr) -> str | None:
        """The dotted name an expression stands for through the file's imports."""
        if type(node) is ast.Name:
            return self.imports.get(node.id)
        if type(node) is ast.Attribute:
            base = self.qualname(node.value)
            return f"{base}.{node.attr}" if base is not None else None
        return None

    def status_value(self, node: ast.expr) -> tuple[int | None, bool]:
        """The code an expression holds, and whether it is a plain int literal."""
        if isinstance(node, ast.Constant):
            value = node.value
            if type(value) is int:
                return value, True
            if type(value) is str and value[:3].isdigit() and value[3:4] in {"", " "}:
                return int(value[:3]), False
            return None, False
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            inner, literal = self.status_value(node.operand)
            return (-inner if inner is not None else None), literal
        if isinstance(node, ast.Call):
            if len(node.args) == 1 and not node.keywords:
                callee = self.qualname(node.func)
                if callee is None and isinstance(node.func, ast.Name) and node.func.id == "int":
                    callee = "int"
                if callee in {"http.HTTPStatus", "http.client.HTTPStatus", "int"}:
                    return self.status_value(node.args[0])[0], False
            return None, False
        if isinstance(node, ast.Attribute) and node.attr == "value":
            return self.status_value(node.value)[0], False
        name = self.qualname(node)
        return (constant_code(name) if name is not None else None), False

    def is_status_expression(self, node: ast.expr) -> bool:
        """Whether `node` reads a response's status (`r.status_code`, `resp.status`, ...), or
        is a name the current function bound to one (see `Scope.status_aliases`), or a walrus
        binding one (`(code := r.status_code)`)."""
        if type(node) is not ast.Attribute:
            if type(node) is not ast.Name:
                # `(code := r.status_code) == 404`: the walrus's value.
                return type(node) is ast.NamedExpr and self.is_status_expression(node.value)
            aliases = self.scopes[-1].status_aliases
            return aliases is not None and node.id in aliases
        attr = node.attr
        return attr in frameworks.STATUS_ATTRIBUTES or (
            attr in frameworks.GENERIC_STATUS_ATTRIBUTES
            and receivers.is_response(node.value, self.responses, self._self_is_response())
        )

    def _self_is_response(self) -> bool:
        for scope in reversed(self.scopes):
            if scope.is_class:
                return scope.response_class
        return False


SiteRule = Callable[[FileContext, Site], Iterable[RawFinding]]
ConstantRule = Callable[[FileContext, ast.AST, str, str], Iterable[RawFinding]]
ImportRule = Callable[[FileContext, ast.AST, str], Iterable[RawFinding]]
CallRule = Callable[[FileContext, ast.Call, Sink], Iterable[RawFinding]]
FunctionRule = Callable[[FileContext, FunctionFacts], Iterable[RawFinding]]
ReturnRule = Callable[[FileContext, FunctionFacts, ast.Return], Iterable[RawFinding]]
ModuleRule = Callable[[FileContext], Iterable[RawFinding]]


@dataclass(frozen=True)
class Rules:
    """The callbacks the engine calls: for each site, constant name and import as met; for
    each return in a route; for each function once its body is walked; and once at the end."""

    sites: tuple[SiteRule, ...] = ()
    constants: tuple[ConstantRule, ...] = ()
    imports: tuple[ImportRule, ...] = ()
    calls: tuple[CallRule, ...] = ()
    returns: tuple[ReturnRule, ...] = ()
    functions: tuple[FunctionRule, ...] = ()
    module: tuple[ModuleRule, ...] = ()
    # Codes whose finding at a node says the status there is itself wrong (see `doubted`).
    status_is_wrong: frozenset[str] = frozenset()


def bind(scope: Scope, name: str) -> None:
    names = scope.names
    if name not in names:
        names.add(name)
        return
    # Bound again: no longer an alias of a status, a literal table, a loop's variable.
    if scope.status_aliases is not None and name in scope.status_aliases:
        scope.rebound.add(name)  # type: ignore[union-attr]
    if scope.items is not None and name in scope.items:
        scope.rebound.add(name)  # type: ignore[union-attr]
    if scope.literals is not None:
        scope.literals.pop(name, None)
    if scope.bound_statuses is not None and name in scope.bound_statuses:
        scope.bound_statuses[name].append(None)  # the assignments recognizer fills it for a status
    if scope.loops is not None:
        scope.loops.pop(name, None)


def bind_target(scope: Scope, target: ast.expr) -> None:
    """The names an assignment's (or a loop's, a `with`'s) target binds in `scope`."""
    if isinstance(target, ast.Name):
        bind(scope, target.id)
    elif isinstance(target, SEQUENCES):
        for element in target.elts:
            bind_target(scope, element)
    elif isinstance(target, ast.Starred):
        bind_target(scope, target.value)


def argument(call: ast.Call, param: Param) -> ast.expr | None:
    """The argument passed for `param`, if the call passes it visibly."""
    if param.keyword is not None:
        for keyword in call.keywords:
            if keyword.arg == param.keyword:
                return keyword.value
    if param.position is not None:
        for index, arg in enumerate(call.args):
            if isinstance(arg, ast.Starred):
                return None
            if index == param.position:
                return arg
    return None


def keyword_value(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None
