"""Which statuses the project's tests assert for each route: a test client's request
(`client.get(url)`), the response's status compared in an assertion, the URL matched to a route
(a literal, an f-string, `%` or `.format` with placeholders matched against path parameters, or
a route's name given to `url_for`/`reverse`/`url_path_for`). A URL that cannot be read is
listed as unresolved, never guessed."""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from dataclasses import dataclass

from flake8_httpstatus.analysis.inference import ModuleFacts
from flake8_httpstatus.knowledge.frameworks import Kind
from flake8_httpstatus.knowledge.routing import (
    RESPONSE_STATUS_ATTRIBUTES,
    ROUTER_TEST_CLIENTS,
    TEST_CLIENT_METHODS,
    TEST_CLIENT_NAME,
    TEST_FETCH_METHODS,
    URL_REVERSERS,
)
from flake8_httpstatus.project.index import facts_of
from flake8_httpstatus.routes.model import Route, Tested, Unresolved
from flake8_httpstatus.routes.parametrized import rows
from flake8_httpstatus.routes.source import (
    Function,
    Module,
    Source,
    is_test_file,
    keyword,
    statements,
)

# A piece of a URL that the test fills in at run time.
_HOLE = "\0"
_CLIENT = re.compile(TEST_CLIENT_NAME, re.IGNORECASE)
_EQUALITY = (ast.Eq, ast.In)
_ASSERT_EQUAL = frozenset({"assertEqual", "assertEquals", "assertIn"})


@dataclass
class _Request:
    method: str
    url: ast.expr
    line: int
    # The holder a router's test client is built on (`TestClient(router)`): the URL is
    # relative to it.
    base: str | None = None


@dataclass
class _Check:
    """A request and the statuses asserted on its response (`None`: a status not read)."""

    module: Module
    request: _Request
    statuses: list[tuple[int | None, int, str]]


class Tests:
    def __init__(self, source: Source, routes: list[Route]) -> None:
        self.source = source
        self.routes = routes
        self.unresolved: list[Unresolved] = []
        # The class of the test method being read (`self.assertStatus(...)` is its method or
        # a base's), and the analysis's facts of the modules holding assertion helpers.
        self._class: str | None = None
        self._facts: dict[str, ModuleFacts | None] = {}

    def apply(self) -> None:
        for module in self.source.modules.values():
            if not is_test_file(module.path):
                continue
            classes = [node for node in ast.walk(module.tree) if isinstance(node, ast.ClassDef)]
            # Methods are read with their class, and its `setUp`.
            methods = {id(item) for cls in classes for item in cls.body}
            for cls in classes:
                self._class = f"{module.name}.{cls.name}"
                # `self.url = "/api/v1/checks/"` in `setUp`: known in every test method.
                shared: dict[str, ast.expr] = {}
                for item in cls.body:
                    if isinstance(item, ast.FunctionDef) and item.name.startswith("setUp"):
                        shared.update(_bound_strings(item))
                for item in cls.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        for row in rows(self.source, module, item):
                            for check in self._checks(module, item, {**shared, **row}, row):
                                self._record(check)
            self._class = None
            for node in ast.walk(module.tree):
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                    id(node) not in methods
                ):
                    for row in rows(self.source, module, node):
                        for check in self._checks(module, node, dict(row), row):
                            self._record(check)

    def _checks(
        self,
        module: Module,
        function: Function,
        strings: dict[str, ast.expr],
        row: dict[str, ast.expr],
    ) -> Iterator[_Check]:
        """The requests of one test whose response's status it asserts. `strings`: the
        values bound to names (`url`, `self.url`) so far; `row`: one parametrize row's."""
        responses: dict[str, _Check] = {}
        for statement in statements(function.body):
            if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
                target, value = statement.targets[0], _awaited(statement.value)
                request = self._request(module, value, strings)
                if isinstance(target, ast.Tuple) and target.elts:
                    # Sanic: `request, response = app.test_client.get(...)`
                    target = target.elts[-1]
                if isinstance(target, ast.Name) and request is not None:
                    responses[target.id] = _Check(module, request, [])
                elif isinstance(target, (ast.Name, ast.Attribute)):
                    # A parametrize argument in the value is the row's, at once.
                    strings[ast.unparse(target)] = _substituted(value, row) if row else value
                    if isinstance(target, ast.Name):
                        responses.pop(target.id, None)
            for compared, statuses, line in self._assertions(module, statement, strings):
                owner = _awaited(compared)
                if isinstance(owner, ast.Name) and owner.id in responses:
                    responses[owner.id].statuses += [(s[0], line, s[1]) for s in statuses]
                else:
                    request = self._request(module, owner, strings)
                    if request is not None:
                        yield _Check(module, request, [(s[0], line, s[1]) for s in statuses])
        yield from (check for check in responses.values() if check.statuses)

    def _request(
        self, module: Module, node: ast.expr, strings: dict[str, ast.expr]
    ) -> _Request | None:
        if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
            return None
        method = TEST_CLIENT_METHODS.get(node.func.attr)
        fetch = TEST_FETCH_METHODS.get(node.func.attr)
        receiver = node.func.value
        if fetch is not None and isinstance(receiver, ast.Name) and receiver.id == "self":
            given = keyword(node, fetch)
            method = (self.source.string(module, given) or "") if given is not None else "GET"
            method = method.upper() or None
        elif not _is_client(receiver):
            return None
        if method is None or not node.args:
            return None
        base = self._router_of(module, receiver, strings)
        return _Request(method, _substituted(node.args[0], strings), node.lineno, base)

    def _router_of(
        self, module: Module, receiver: ast.expr, strings: dict[str, ast.expr]
    ) -> str | None:
        """The router a test client is built on (`client = TestClient(router)` in the test or
        at the module's top, or `TestClient(router).get(...)`), by its qualified name."""
        made = receiver
        if isinstance(receiver, ast.Name):
            made = strings.get(receiver.id) or module.assignments.get(receiver.id) or receiver
        if not isinstance(made, ast.Call) or not made.args:
            return None
        client = self.source.qualified(module, made.func)
        if client is None or self.source.resolve(client) not in ROUTER_TEST_CLIENTS:
            return None
        router = self.source.qualified(module, made.args[0])
        return self.source.resolve(router) if router is not None else None

    def _assertions(
        self, module: Module, statement: ast.stmt, strings: dict[str, ast.expr]
    ) -> Iterator[tuple[ast.expr, list[tuple[int | None, str]], int]]:
        """(the response, its asserted statuses with their text, the line) of one statement."""
        if isinstance(statement, ast.Assert) and isinstance(statement.test, ast.Compare):
            test = statement.test
            if len(test.ops) == 1 and isinstance(test.ops[0], _EQUALITY):
                pairs = [(test.left, test.comparators[0]), (test.comparators[0], test.left)]
                for side, other in pairs:
                    owner = _status_owner(side)
                    if owner is not None:
                        yield owner, self._statuses(module, other, strings), statement.lineno
                        return
        if (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Call)
            and isinstance(statement.value.func, ast.Attribute)
            and statement.value.func.attr in _ASSERT_EQUAL
            and len(statement.value.args) >= 2
        ):
            first, second = statement.value.args[:2]
            for side, other in ((first, second), (second, first)):
                owner = _status_owner(side)
                if owner is not None:
                    yield owner, self._statuses(module, other, strings), statement.lineno
                    return
        value = getattr(statement, "value", None)
        if isinstance(statement, (ast.Expr, ast.Assign, ast.AnnAssign)) and value is not None:
            # `data = assert_deserialize(response, 201)`, `Item(**assert_ok(response))` too.
            for call in (node for node in ast.walk(value) if isinstance(node, ast.Call)):
                helped = self._helper_arguments(module, call)
                if helped is not None:
                    response, status = helped
                    yield response, self._statuses(module, status, strings), statement.lineno

    def _helper_arguments(self, module: Module, call: ast.Call) -> tuple[ast.expr, ast.expr] | None:
        """A call of a project assertion helper (`assert_status(response, 404)`,
        `self.assertStatus(resp, 200)`): its arguments for the parameter whose `.status_code`
        the helper reads and for the one the analysis found compared with a status."""
        located = self._helper(module, call.func)
        if located is None:
            return None
        where, local, function = located
        if where.name not in self._facts:
            self._facts[where.name] = facts_of(where.tree, self.source.root / where.path)
        facts = self._facts[where.name]
        helper = facts.callables.get(f"{facts.module}.{local}") if facts is not None else None
        if helper is None:
            return None
        offset = 1 if helper.bound else 0
        compared = [p for p, kind in helper.reaches.items() if kind == Kind.ASSERTION.value]
        read = {
            node.value.id
            for node in ast.walk(function)
            if isinstance(node, ast.Attribute)
            and node.attr in RESPONSE_STATUS_ATTRIBUTES
            and isinstance(node.value, ast.Name)
        }
        responses = [p for p in helper.params[offset:] if p in read and p not in compared]
        if len(compared) != 1 or len(responses) != 1:
            return None
        arguments = [
            _argument(call, function, helper.params, offset, name)
            for name in (responses[0], compared[0])
        ]
        response, status = arguments
        return (response, status) if response is not None and status is not None else None

    def _helper(self, module: Module, func: ast.expr) -> tuple[Module, str, Function] | None:
        """The project function, or method of the test's class or its bases, called."""
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "self"
            and self._class is not None
        ):
            for base in self.source.bases(self._class):
                located = self.source.function(f"{base}.{func.attr}")
                if located is not None:
                    return located
            return None
        qualified = self.source.qualified(module, func)
        return self.source.function(qualified) if qualified is not None else None

    def _statuses(
        self, module: Module, node: ast.expr, strings: dict[str, ast.expr]
    ) -> list[tuple[int | None, str]]:
        """The statuses compared, a name bound earlier in the test (or a parametrize
        argument) read as its value."""
        if isinstance(node, ast.Name) and node.id in strings:
            node = strings[node.id]
        items = node.elts if isinstance(node, (ast.Tuple, ast.List, ast.Set)) else [node]
        items = [
            strings[item.id] if isinstance(item, ast.Name) and item.id in strings else item
            for item in items
        ]
        return [(self.source.status(module, item), ast.unparse(item)) for item in items]

    # -- matching -------------------------------------------------------------------------------
    def _record(self, check: _Check) -> None:
        module, request = check.module, check.request
        routes, reason = self._match(module, request)
        if not routes:
            self.unresolved.append(Unresolved(module.path, request.line, reason))
            return
        for route in routes:
            for status, line, text in check.statuses:
                if status is None:
                    entry = Unresolved(module.path, line, f"status {text} not resolved")
                    route.unresolved_tests.append(entry)
                else:
                    route.tested.append(Tested(status, module.path, line))
            route.tested = sorted(set(route.tested))
            route.unresolved_tests = sorted(set(route.unresolved_tests))

    def _match(self, module: Module, request: _Request) -> tuple[list[Route], str]:
        url = _awaited(request.url)
        text = ast.unparse(url)
        candidates = [
            route
            for route in self.routes
            if request.method in route.methods or "*" in route.methods
        ]
        # A router's test client: its routes, at their paths relative to it.
        base = request.base
        if base is not None:
            candidates = [route for route in candidates if base in route.relative]
        if isinstance(url, ast.Call) and _callee(url) in URL_REVERSERS and url.args:
            name = self.source.string(module, url.args[0])
            if name is None:
                # flask-restful's `api.url_for(TodoList)`: the routes of that resource class.
                resource = self._resource(module, url.args[0])
                if resource is not None:
                    own = _built(url, [r for r in candidates if _handler_class(r) == resource])
                    return own, "" if own else f"no {request.method} route of {resource}"
                return [], f"route name in {text} not resolved"
            named = [route for route in candidates if route.name == name]
            return named, "" if named else f"no {request.method} route named {name!r}"
        pattern = self._pattern(module, url)
        if pattern is None:
            return [], f"URL {text} not resolved"
        scored = [
            (score, route)
            for route in candidates
            if (score := _score(pattern, route.relative[base] if base else route.path)) is not None
        ]
        if not scored:
            shown = pattern.replace(_HOLE, "{...}")
            return [], f"no {request.method} route matches {shown}"
        best = max(score for score, _ in scored)
        return [route for score, route in scored if score == best], ""

    def _resource(self, module: Module, node: ast.expr) -> str | None:
        """A project class a name refers to, as `module:Class` (how handlers are named)."""
        qualified = self.source.qualified(module, node)
        located = self.source.class_(qualified) if qualified else None
        return f"{located[0].name}:{located[1].name}" if located is not None else None

    def _pattern(self, module: Module, node: ast.expr) -> str | None:
        """The URL's path with `_HOLE` where the test fills in a value; None if unreadable."""
        text = self._text(module, node)
        if text is None:
            return None
        text = re.sub(r"^[a-z]+://[^/]*", "", text).split("?")[0].split("#")[0]
        return text if text.startswith("/") else None

    def _text(self, module: Module, node: ast.expr) -> str | None:
        known = self.source.string(module, node)
        if known is not None:
            return known
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                inner = value.value if isinstance(value, ast.FormattedValue) else value
                parts.append(self.source.string(module, inner) or _HOLE)
            return "".join(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            template = self.source.string(module, node.left)
            return re.sub(r"%[-#0 +]*\d*(?:\.\d+)?[sdifr]", _HOLE, template) if template else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self._text(module, node.left), self._text(module, node.right)
            if left is None:
                return None
            return left + (right if right is not None else _HOLE)
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "format"
        ):
            template = self.source.string(module, node.func.value)
            return re.sub(r"{[^{}]*}", _HOLE, template) if template else None
        return None


def _substituted(url: ast.expr, strings: dict[str, ast.expr]) -> ast.expr:
    """The URL with the names bound earlier in the test replaced by their values:
    `self.url + "pause/"` -> `"/api/v1/checks/" + "pause/"`."""

    class Substitute(ast.NodeTransformer):
        def visit_Name(self, node: ast.Name) -> ast.AST:
            return strings.get(node.id, node)

        def visit_Attribute(self, node: ast.Attribute) -> ast.AST:
            found = strings.get(ast.unparse(node))
            return found if found is not None else self.generic_visit(node)

    if not strings:
        return url
    copied = ast.parse(ast.unparse(url), mode="eval").body
    result = Substitute().visit(copied)
    return result if isinstance(result, ast.expr) else url


def _bound_strings(function: Function) -> dict[str, ast.expr]:
    """`self.x = value` bound in a `setUp`."""
    found: dict[str, ast.expr] = {}
    for statement in statements(function.body):
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target = statement.targets[0]
            if isinstance(target, ast.Attribute):
                found[ast.unparse(target)] = statement.value
    return found


def _score(pattern: str, path: str) -> int | None:
    """How well a test's URL matches a route's path: the count of literal segments that agree;
    None when it does not match. A filled-in piece only matches a path parameter."""
    wanted, have = pattern.split("/"), path.split("/")
    if len(wanted) != len(have):
        return None
    score = 0
    for piece, segment in zip(wanted, have, strict=True):
        if piece == segment:
            score += 1
            continue
        if "{" not in segment or not piece:
            return None
        # `v{version}`: the parameter's part may be a literal or filled in, the rest must agree.
        shape = "".join(
            "[^/]+" if part.startswith("{") else re.escape(part)
            for part in re.split(r"({[^{}]*})", segment)
            if part
        )
        if not re.fullmatch(shape, piece.replace(_HOLE, "x")):
            return None
    return score


def _argument(
    call: ast.Call, function: Function, params: tuple[str, ...], offset: int, name: str
) -> ast.expr | None:
    """The argument a call gives parameter `name`, by keyword or position, else the
    parameter's default (`expected_status_code=200`)."""
    for item in call.keywords:
        if item.arg == name:
            return item.value
    index = params.index(name) - offset
    if any(isinstance(item, ast.Starred) for item in call.args[: index + 1]) or any(
        item.arg is None for item in call.keywords
    ):
        return None
    if 0 <= index < len(call.args):
        return call.args[index]
    return _default(function.args, name)


def _default(arguments: ast.arguments, name: str) -> ast.expr | None:
    """A parameter's default value, if it has one."""
    positional = [*arguments.posonlyargs, *arguments.args]
    # The defaults belong to the last positional parameters.
    first = len(positional) - len(arguments.defaults)
    defaults = {
        argument.arg: arguments.defaults[index - first]
        for index, argument in enumerate(positional)
        if index >= first
    }
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults, strict=True):
        if default is not None:
            defaults[argument.arg] = default
    return defaults.get(name)


def _status_owner(node: ast.expr) -> ast.expr | None:
    if isinstance(node, ast.Attribute) and node.attr in RESPONSE_STATUS_ATTRIBUTES:
        return node.value
    return None


def _awaited(node: ast.expr) -> ast.expr:
    return node.value if isinstance(node, ast.Await) else node


def _callee(call: ast.Call) -> str | None:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)


def _is_client(node: ast.expr) -> bool:
    """`client`, `self.client`, `app.test_client()`, `TestClient(app)`."""
    if isinstance(node, ast.Call):
        node = node.func
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return bool(_CLIENT.search(name))


def _handler_class(route: Route) -> str:
    """`pkg.views:TodoList` of a handler `pkg.views:TodoList.get`."""
    return route.handler.rpartition(".")[0] if "." in route.handler.partition(":")[2] else ""


def _built(url: ast.Call, routes: list[Route]) -> list[Route]:
    """The routes `url_for` may build from its keywords: Werkzeug takes a rule whose
    parameters are all given, using the most of them (the others go to the query string)."""
    if any(item.arg is None for item in url.keywords):
        return routes  # `**values`: which are given is not known
    given = {item.arg for item in url.keywords}
    fitting = [(set(re.findall(r"{(\w+)}", route.path)), route) for route in routes]
    fitting = [(names, route) for names, route in fitting if names <= given]
    most = max((len(names) for names, _ in fitting), default=0)
    return [route for names, route in fitting if len(names) == most]
