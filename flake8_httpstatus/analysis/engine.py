"""The detection engine: one pass over a stdlib `ast` tree, yielding findings.

The walk visits nodes in source order, resolving names through the file's imports as they are
met. It recognises every place that holds a status (framework calls from `frameworks`, view
return tuples, status attributes, comparisons, status mappings) as a `Site` and hands it to the
rules. Rules return raw findings; the constant a message suggests is chosen once the walk is
over, when the file's whole import style is known.
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any, TypeGuard

from flake8_httpstatus.analysis import flow, inference, traversal
from flake8_httpstatus.analysis.context import (
    WATCHED_NAMES,
    BoundUse,
    FileContext,
    RawFinding,
    Rules,
    Scope,
    argument,
    bind,
)
from flake8_httpstatus.analysis.flow import FunctionFacts, RouteInfo
from flake8_httpstatus.analysis.naming import ConstantNamer, runtime_imports
from flake8_httpstatus.analysis.sites import HOLDERS, Site, Where
from flake8_httpstatus.config.settings import Settings, Versions, python_target
from flake8_httpstatus.core.findings import Finding, Fix
from flake8_httpstatus.knowledge import frameworks, receivers
from flake8_httpstatus.knowledge.frameworks import Kind, Layout, MethodSink, Param, Sink, Views
from flake8_httpstatus.knowledge.registry import lookup

# The packages whose decorators make a view the framework adds headers to (VIEW_ADDED_HEADERS).
_ADDED_HEADER_PACKAGES = frozenset(
    name.partition(".")[0] for row in frameworks.VIEW_ADDED_HEADERS for name in row.decorators
)
# The last part of every framework call's name: an `x.y.attr(...)` call whose attr is none of
# these, nor a method row's name, cannot be a framework sink (checked before its qualname).
_CALL_LAST_NAMES = frozenset(name.rpartition(".")[2] for name in frameworks.CALLS)
# The last part of every constant holder's name (`status` of `rest_framework.status`).
_HOLDER_LAST_NAMES = frozenset(name.rpartition(".")[2] for name in HOLDERS)
# Method names `_response_method` acts on; any other method call sets nothing on a response.
_RESPONSE_METHODS = frozenset(
    {"set_status", *flow.HEADER_METHODS, *flow.BODY_METHODS, *flow.HEADERS_METHODS}
)
# Method names `_call` hands to a handler of their own.
_SPECIAL_METHODS = frozenset({"add_callback", *frameworks.UNITTEST_COMPARISONS})
# Node types tested on hot paths: `isinstance` with a union builds it on every call.
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_PARAMETERISED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
_SEQUENCES = (ast.Tuple, ast.List)
_COLLECTIONS = (ast.Tuple, ast.List, ast.Set)
_EQUALITIES = frozenset({ast.Eq, ast.NotEq})
_MEMBERSHIPS = frozenset({ast.In, ast.NotIn})
# pytest tables whose messages name the test that reads them (not a class or a fixture).
_TEST_TABLES = frozenset({"function", "module"})
# Literal tables a loop may iterate over.
_TABLES = frozenset({ast.List, ast.Tuple, ast.Set, ast.Dict})
# The base of `class R(NamedTuple)` record types.
_NAMED_TUPLES = frozenset({"typing.NamedTuple", "typing_extensions.NamedTuple"})


class Engine:
    """Runs the rules over one tree. Create one per file."""

    def __init__(
        self,
        settings: Settings,
        filename: str | None,
        rules: Rules,
        project: inference.Project | None = None,
        module: tuple[str, bool] | None = None,
    ) -> None:
        """`module`: the dotted name the project knows the file by, and whether it is a
        package's `__init__` (by default, what `project` says)."""
        self._arguments = (settings, filename, rules, project, module)
        python, python_source = python_target(filename, settings)
        versions = Versions(python, settings.library_versions, filename, python_source)
        self.ctx = FileContext(settings, versions)
        self.rules = rules
        # What the project's own code passes on as a status (see inference.py).
        self.project = project
        if module is None:
            module = project.module_of(filename) if project else ("", False)
        self.collector = inference.Collector(*module)
        self.raw: list[tuple[RawFinding, tuple[Scope, ...]]] = []
        self.extra_calls = {sink.qualified_name: sink.sink() for sink in settings.extra_sinks}
        self._call_last_names = (
            _CALL_LAST_NAMES | {name.rpartition(".")[2] for name in self.extra_calls}
            if self.extra_calls
            else _CALL_LAST_NAMES
        )
        # Calls whose result is assigned to a name, and calls that are raised.
        self._assigned: dict[int, str] = {}
        self._raised: set[int] = set()
        self._returned: set[int] = set()
        # The rows of tables looped over, once reported.
        self._tabled: set[int] = set()
        # `responses.add_callback` callbacks: the names passed, and every function's returned
        # 3-tuples (its name, the tuple, the scopes), tied together after the walk.
        self._callbacks: set[str] = set()
        self._callback_returns: list[tuple[str, ast.Tuple, tuple[Scope, ...]]] = []

    def run(self, tree: ast.AST) -> list[Finding]:
        self.ctx.tree = tree
        try:
            _WALKER.recursive(self, tree)
        except RecursionError:
            # Nested deeper than recursion allows: start over, on a walk that does not recurse.
            self.__init__(*self._arguments)  # type: ignore[misc]
            self.ctx.tree = tree
            _WALKER.iterative(self, tree)
        self._callback_sites()
        self._inferred_sites()
        for module_rule in self.rules.module:
            self._report(module_rule(self.ctx))
        if not self.raw:
            return []  # most files: no constant to name, so no imports to read
        ctx = self.ctx
        namer = ConstantNamer(
            ctx.settings.style,
            runtime_imports(getattr(tree, "body", ())),
            ctx.packages,
            ctx.style_uses,
            ctx.versions,
        )
        wrong = {id(r.node): r.code for r, _ in self.raw if r.code in self.rules.status_is_wrong}
        findings = [
            _render(raw, scopes, namer, wrong.get(id(raw.node))) for raw, scopes in self.raw
        ]
        findings.sort(key=lambda finding: (finding.line, finding.col, finding.code))
        return findings

    def _report(self, findings: Iterable[RawFinding]) -> None:
        scopes: tuple[Scope, ...] | None = None
        for raw in findings:
            if scopes is None:  # most rule calls find nothing: copy the scopes only if needed
                scopes = tuple(self.ctx.scopes)
            self.raw.append((raw, scopes))

    def _site(self, site: Site) -> None:
        for rule in self.rules.sites:
            self._report(rule(self.ctx, site))

    # -- scopes and bindings ------------------------------------------------------------------
    def _enter(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda
    ) -> None:
        ctx = self.ctx
        scope = Scope()
        if isinstance(node, ast.ClassDef):
            scope.is_class = True
            scope.response_class = receivers.class_names_response(node)
            self.collector.enter_class(node, ctx.imports, ctx.scopes)
            if any(ctx.qualname(base) in _NAMED_TUPLES for base in node.bases):
                self._named_tuple_class(node)
            self._class(node, scope)
        elif isinstance(node, _FUNCTIONS):
            self.collector.enter_function(node, ctx.scopes)
            bind(ctx.scope, node.name)
            scope.view = self._view_layout(node)
            scope.facts = FunctionFacts(
                node, route=self._route_of(node), added_headers=self._added_headers(node)
            )
            ctx.functions.setdefault(node.name, scope.facts)
            ctx.all_functions.append(scope.facts)
        else:
            self.collector.enter_other()
        if isinstance(node, _PARAMETERISED):
            arguments = node.args
            names = scope.names
            for arg in (
                *arguments.posonlyargs,
                *arguments.args,
                *arguments.kwonlyargs,
                arguments.vararg,
                arguments.kwarg,
            ):
                if arg is not None:
                    name = arg.arg
                    if name in names or name in WATCHED_NAMES or name.startswith("HTTP_"):
                        bind(scope, name)
                    else:
                        names.add(name)  # what `_bind` does with a plain new name
                    if arg.annotation is not None and receivers.names_response(arg.annotation):
                        ctx.responses.add(name)
        ctx.scopes.append(scope)
        if scope.packages:
            ctx.packages |= scope.packages

    def _exit(self) -> None:
        scope = self.ctx.scope
        if scope.alias_uses:
            self._alias_sites(scope)
        if scope.item_uses:
            self._item_sites(scope)
        if scope.bound_uses:
            self._bound_sites(scope)
        self.collector.exit()
        scope = self.ctx.scopes.pop()
        if scope.packages:
            self.ctx.packages -= scope.packages
        if scope.facts is not None:
            for rule in self.rules.functions:
                self._report_in(rule(self.ctx, scope.facts), scope)

    def _report_in(self, findings: Iterable[RawFinding], scope: Scope) -> None:
        scopes = (*self.ctx.scopes, scope)
        for raw in findings:
            self.raw.append((raw, scopes))

    def _route_of(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> RouteInfo | None:
        """The route a function's decorator declares, with its status, if any."""
        for decorator in node.decorator_list:
            if not isinstance(decorator, ast.Call):
                continue
            for sink in self._sinks_for(decorator):
                if sink.kind is not Kind.ROUTE or sink.status is None:
                    continue
                expr = argument(decorator, sink.status)
                code = self.ctx.status_value(expr)[0] if expr is not None else sink.default
                return RouteInfo(
                    decorator,
                    sink,
                    code,
                    expr if expr is not None else decorator,
                )
        return None

    def _bind_target(self, target: ast.expr) -> None:
        if isinstance(target, ast.Name):
            bind(self.ctx.scope, target.id)
        elif isinstance(target, _SEQUENCES):
            for element in target.elts:
                self._bind_target(element)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value)

    def _for(self, node: ast.For | ast.AsyncFor) -> None:
        self._bind_target(node.target)
        if self.ctx.facts is not None and node.body:
            self._loop_table(node)

    def _loop_table(self, node: ast.For | ast.AsyncFor) -> None:
        """`for url, expected in [("/a", 200), ...]` (or over `enumerate(...)`, a dict's
        `.items()`, a name or `self.` class attribute bound once to such a literal): the cells
        each loop variable takes, in case it reaches a status comparison in the body."""
        target, rows = node.target, node.iter
        if (
            type(rows) is ast.Call
            and type(rows.func) is ast.Name
            and rows.func.id == "enumerate"
            and len(rows.args) == 1
            and type(target) is ast.Tuple
            and len(target.elts) == 2
        ):
            target, rows = target.elts[1], rows.args[0]
        items = False
        if type(rows) is ast.Call and type(rows.func) is ast.Attribute and not rows.args:
            items = rows.func.attr == "items"
            if not items:
                return
            rows = rows.func.value
        table = self._literal(rows)
        if table is None or (type(table) is ast.Dict) is not items:
            return
        columns = inference.loop_columns(target, table, node)
        if columns:
            scope = self.ctx.scope
            if scope.loops is None:
                scope.loops = {}
            for name, column in columns.items():
                scope.loops.setdefault(name, []).append(column)

    def _literal(self, node: ast.expr) -> ast.expr | None:
        """The literal table a name or `self.attribute` was bound to once, if any."""
        scopes = self.ctx.scopes
        if type(node) is ast.Name:
            for scope in (scopes[-1], scopes[0]):
                if scope.literals is not None and node.id in scope.literals:
                    return scope.literals[node.id]
            return None
        if type(node) is ast.Attribute and type(node.value) is ast.Name and node.value.id == "self":
            for scope in reversed(scopes):
                if scope.is_class:
                    return (scope.literals or {}).get(node.attr)
            return None
        return node if type(node) in _TABLES else None

    def _table_bound(self, target: ast.expr, value: ast.expr) -> None:
        """`cases = [...]`: a first binding of a name to a literal table."""
        if type(target) is ast.Name and type(value) in _TABLES:
            scope = self.ctx.scope
            if target.id not in scope.names:
                if scope.literals is None:
                    scope.literals = {}
                scope.literals[target.id] = value

    def _with(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            if item.optional_vars is not None:
                self._bind_target(item.optional_vars)
                context = item.context_expr
                if type(item.optional_vars) is ast.Name and (
                    receivers.is_request(context) or receivers.expects_http_error(context)
                ):
                    self.ctx.responses.add(item.optional_vars.id)

    def _named_expr(self, node: ast.NamedExpr) -> None:
        """`(code := r.status_code) == 404`: compared as the status itself (see
        `is_status_expression`), and `code` an alias of it if bound for the first time."""
        target, value = node.target, node.value
        ctx = self.ctx
        alias = (
            type(value) is ast.Attribute
            and ctx.facts is not None
            and target.id not in ctx.scope.names
            and ctx.is_status_expression(value)
        )
        self._bind_target(target)
        if alias:
            self._alias(target.id, value)

    def _except_handler(self, node: ast.ExceptHandler) -> None:
        if node.name:
            bind(self.ctx.scope, node.name)
            if receivers.is_http_error(node.type):
                self.ctx.responses.add(node.name)

    def _aug_assign(self, node: ast.AugAssign) -> None:
        self._bind_target(node.target)

    # -- imports --------------------------------------------------------------------------------
    def _import(self, node: ast.Import) -> None:
        ctx = self.ctx
        for alias in node.names:
            name = alias.name
            ctx.packages.add(name.partition(".")[0])
            if alias.asname:
                self._bind_import(alias.asname, name)
            else:
                head = name.partition(".")[0]
                self._bind_import(head, head)
            for rule in self.rules.imports:
                self._report(rule(ctx, alias, name))

    def _import_from(self, node: ast.ImportFrom) -> None:
        ctx = self.ctx
        module = node.module or ""
        if node.level:
            # Relative: resolvable only against the project's own names (extra sinks).
            module = "." * node.level + module
        else:
            ctx.packages.add(module.partition(".")[0])
        for rule in self.rules.imports:
            self._report(rule(ctx, node, module))
        style = HOLDERS.get(module)
        for alias in node.names:
            if alias.name == "*":
                self.collector.imported("*", module)
                continue
            target = f"{module}.{alias.name}" if not module.endswith(".") else module + alias.name
            self._bind_import(alias.asname or alias.name, target)
            self.collector.imported(alias.asname or alias.name, target)
            if style is not None:
                for constant_rule in self.rules.constants:
                    self._report(constant_rule(ctx, alias, style, alias.name))

    def _bind_import(self, local: str, target: str) -> None:
        ctx = self.ctx
        ctx.imports[local] = target
        holder = target if target in HOLDERS else target.rpartition(".")[0]
        style = HOLDERS.get(holder)
        if style is not None:
            ctx.style_uses[style] += 1

    # -- classes and views ----------------------------------------------------------------------
    def _class(self, node: ast.ClassDef, scope: Scope) -> None:
        ctx = self.ctx
        bind(ctx.scope, node.name)
        for base in node.bases:
            attribute = self._status_attribute_of(base)
            if attribute is not None:
                scope.status_attribute = attribute
                ctx.status_classes[node.name] = attribute
            # `ModelViewSet[Book]`: the generic alias of the class.
            generic = base.value if isinstance(base, ast.Subscript) else base
            origin = ctx.qualname(generic)
            origins = self._project_origins(generic)
            if origin is not None:
                origins.add(origin)
            for row in frameworks.VIEW_ADDED_HEADERS:
                if not row.bases.isdisjoint(origins):
                    scope.added_headers |= row.headers
            if isinstance(generic, ast.Name):
                scope.added_headers |= ctx.added_headers.get(generic.id, frozenset())
            views = frameworks.VIEW_BASES.get(origin) if origin is not None else None
            if views is None and isinstance(base, ast.Name):
                views = ctx.view_classes.get(base.id)
            if views is None:
                views = self._project_base(base, scope)
            if views is not None:
                scope.view_class = views
                ctx.view_classes[node.name] = views
        if scope.added_headers:
            ctx.added_headers[node.name] = scope.added_headers
        if scope.status_attribute is None:
            return
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                targets: list[ast.expr] = statement.targets
                value = statement.value
            elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
                targets, value = [statement.target], statement.value
            else:
                continue
            if any(isinstance(t, ast.Name) and t.id == scope.status_attribute for t in targets):
                self._value_site(Where.ATTRIBUTE, value)

    def _added_headers(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[str]:
        """What the framework adds to this function's responses: as a method of a view class
        (a DRF APIView's Allow), as a decorated view (@api_view), or as its enclosing view's."""
        ctx = self.ctx
        added = ctx.scope.added_headers
        outer = ctx.facts
        if outer is not None and outer.added_headers:
            added = added | outer.added_headers
        if not node.decorator_list or ctx.packages.isdisjoint(_ADDED_HEADER_PACKAGES):
            return added
        for decorator in node.decorator_list:
            func = decorator.func if isinstance(decorator, ast.Call) else decorator
            name = ctx.qualname(func)
            for row in frameworks.VIEW_ADDED_HEADERS:
                if name in row.decorators:
                    added |= row.headers
        return added

    def _project_origins(self, base: ast.expr) -> set[str]:
        """For a base defined in another module of the project: the framework classes it
        derives from."""
        if self.project is None or not isinstance(base, ast.Name | ast.Attribute):
            return set()
        key = self.collector.base_key(base, self.ctx.imports)
        solved = self.project.solved
        if key is None or solved.resolve(key) not in solved.classes:
            return set()
        return solved.external_bases(key)

    def _project_base(self, base: ast.expr, scope: Scope) -> Views | None:
        """A base defined in another module of the project: whether it is a view class. The
        framework packages it derives from count as imported (Django's test assertions in a
        test module that only imports the project's `BaseTestCase`)."""
        if self.project is None or not isinstance(base, ast.Name | ast.Attribute):
            return None
        key = self.collector.base_key(base, self.ctx.imports, depth=2)
        solved = self.project.solved
        if key is None or solved.resolve(key) not in solved.classes:
            return None
        scope.packages |= solved.framework_packages(key) - self.ctx.packages
        if not solved.view_class(key):
            return None
        return next(
            (
                frameworks.VIEW_BASES[name]
                for name in solved.external_bases(key)
                if name in frameworks.VIEW_BASES
            ),
            None,
        )

    def _status_attribute_of(self, base: ast.expr) -> str | None:
        if isinstance(base, ast.Name) and base.id in self.ctx.status_classes:
            return self.ctx.status_classes[base.id]
        name = self.ctx.qualname(base)
        if name is None:
            return None
        module, _, cls = name.rpartition(".")
        found = frameworks.STATUS_CLASS_MODULES.get(module)
        if found is None or not cls[:1].isupper():
            return None
        attribute, hint = found
        return attribute if hint in cls else None

    def _view_layout(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Layout | None:
        """How the function's returned tuples are laid out, if it is a view."""
        ctx = self.ctx
        views = ctx.scope.view_class
        if views is not None and node.name in views.methods:
            return views.layout
        module_level = len(ctx.scopes) == 1
        for packages, views in frameworks.VIEWS:
            if packages.isdisjoint(ctx.packages):
                continue
            if views.module_functions and module_level:
                return views.layout
            for decorator in node.decorator_list:
                func = decorator.func if isinstance(decorator, ast.Call) else decorator
                if isinstance(func, ast.Attribute) and func.attr in views.decorators:
                    return views.layout
        return None

    # -- sites --------------------------------------------------------------------------------
    def _value_site(
        self,
        where: Where,
        expr: ast.expr,
        sink: Sink | None = None,
        call: ast.Call | None = None,
        status_range_only: bool = False,
        body: ast.expr | None = None,
        in_pattern: bool = False,
        headers: ast.expr | None = None,
        conditional: bool = False,
        bound: str = "",
    ) -> None:
        if type(expr) is ast.Name:
            scope = self.ctx.scope
            if scope.bound_statuses is not None and expr.id in scope.bound_statuses:
                self._bound_use(scope, BoundUse(expr, where, sink, call, status_range_only))
        if (
            type(expr) is ast.Name
            or type(expr) is ast.Subscript
            or (type(expr) is ast.Attribute and inference.is_param(expr))
        ):
            self._parameter_reached(where, expr, sink, status_range_only)
        elif type(expr) is ast.IfExp:  # `302 if debug else 301`: both are statuses
            for branch in (expr.body, expr.orelse):
                self._value_site(
                    where, branch, sink, call, status_range_only, body, in_pattern, headers, True
                )
            return
        code, literal = self.ctx.status_value(expr)
        if code is None and not literal:
            return
        if sink is not None and sink.range_only:
            status_range_only = True
        if status_range_only and (code is None or not 100 <= code <= 599):
            return
        if where is Where.COMPARISON and self._client_code(code):
            return
        target = raised = None
        if call is not None:
            target = self._assigned.get(id(call))
            raised = id(call) in self._raised
        site = Site(
            where,
            expr,
            code,
            literal,
            sink,
            call,
            target,
            bool(raised),
            body,
            in_pattern,
            headers,
            conditional,
            bound,
        )
        facts = self.ctx.facts
        if bound:
            pass  # one of the values a name may hold: the function's flow does not follow it
        elif facts is not None and site.raised and site.kind is Kind.EXCEPTION:
            facts.raised.append(site)
        elif facts is not None and call is not None and id(call) in self._returned:
            facts.returned.append(site)
        self._site(site)

    def _parameter_reached(
        self,
        where: Where,
        expr: ast.Name | ast.Subscript | ast.Attribute,
        sink: Sink | None,
        range_only: bool,
    ) -> None:
        """A name at a status position: if it is a parameter, its function passes it on;
        `row[1]` for a parameter that a pytest table fills with rows; a fixture's
        `request.param`."""
        index = None
        if isinstance(expr, ast.Attribute):
            name = inference.PARAM
        elif isinstance(expr, ast.Subscript):
            item, owner = expr.slice, expr.value
            if not (isinstance(item, ast.Constant) and type(item.value) is int):
                return
            if isinstance(owner, ast.Name):
                name = owner.id
            elif isinstance(owner, ast.Attribute) and inference.is_param(owner):
                name = inference.PARAM  # `request.param[1]`
            else:
                return
            index = item.value
        else:
            name = expr.id
        if (where is Where.CALL or where is Where.DICT_KEY) and sink is not None:
            kind = sink.kind
        elif where is Where.COMPARISON:
            kind = Kind.ASSERTION
        elif where is Where.VIEW_RETURN:
            kind = Kind.RESPONSE
        else:
            return  # attributes: see Collector.attribute_assigned
        scope = self.ctx.scope
        if index is None and scope.items is not None and name in scope.items:
            if scope.item_uses is None:
                scope.item_uses = []
            scope.item_uses.append((name, kind, range_only))  # see `_item_sites`
        else:
            self.collector.reached(name, kind, range_only, index)
        loops = scope.loops
        if loops is not None and kind is Kind.ASSERTION and name in loops:
            self._loop_sites(loops[name], expr, index)

    def _loop_sites(
        self, columns: list[inference.LoopColumn], expr: ast.expr, index: int | None
    ) -> None:
        """A loop variable compared with a response's status, inside the loop's body: the
        int literals of its column of the table are statuses (reported once)."""
        for column in columns:
            if not column.encloses(expr) or index in column.reported:
                continue
            column.reported.add(index)
            sink = inference.InferredSink(Kind.ASSERTION, "loop", None, parameter=column.name)
            if index is None:
                for value in column.compared or ():
                    self._value_site(Where.COMPARISON, value, sink, status_range_only=True)
                column.compared = None
            for value in inference.table_values(column.cells, index):
                if id(value) in self._tabled:
                    continue  # a module's table, looped over again in another function
                self._tabled.add(id(value))
                code = self.ctx.status_value(value)[0]
                if code is not None and lookup(code) is not None:
                    self._value_site(Where.PARAMETRIZE, value, sink)

    def _callback_sites(self) -> None:
        """The statuses of the tuples returned by the functions passed to `add_callback`."""
        if not self._callbacks:
            return
        ctx = self.ctx
        outer = ctx.scopes
        for name, value, scopes in self._callback_returns:
            if name in self._callbacks:
                ctx.scopes = list(scopes)
                self._value_site(Where.CALL, value.elts[0], frameworks.RESPONSES_CALLBACK)
        ctx.scopes = outer

    def _add_callback(self, node: ast.Call) -> None:
        """`responses.add_callback(method, url, callback)`, or `rsps.add_callback(...)` in a
        file importing responses: the callback's name, or a lambda's returned tuple."""
        func = node.func
        if not (
            self.ctx.qualname(func) == "responses.add_callback"
            or (
                isinstance(func, ast.Attribute)
                and func.attr == "add_callback"
                and "responses" in self.ctx.packages
            )
        ):
            return
        callback = argument(node, Param("callback", 2))
        if isinstance(callback, ast.Name):
            self._callbacks.add(callback.id)
        elif isinstance(callback, ast.Lambda) and _is_callback_tuple(callback.body):
            self._value_site(Where.CALL, callback.body.elts[0], frameworks.RESPONSES_CALLBACK)

    def _inferred_sites(self) -> None:
        """The status literals passed to, defaulted in, or tabled for the project's own
        callables that pass a parameter on to a status position."""
        collector = self.collector
        if not (
            collector.candidates or collector.defaults or collector.tables or collector.comparisons
        ):
            return
        if self.project is not None:
            solver = self.project.solver(collector.facts)
        else:
            solver = inference.Solver([collector.facts])
        ctx = self.ctx
        outer = ctx.scopes
        for candidate in collector.candidates:
            ctx.scopes = list(candidate.scopes)  # type: ignore[arg-type]
            call = candidate.call
            for sink in solver.sinks_of(candidate.ref):
                range_only = isinstance(sink, inference.InferredSink) and sink.range_only
                if sink.status is not None:
                    expr = argument(call, sink.status)
                    if type(expr) is ast.Constant or type(expr) is ast.IfExp:
                        self._value_site(Where.CALL, expr, sink, call, range_only)
                for keyword in call.keywords:
                    if keyword.arg in sink.mappings and isinstance(keyword.value, ast.Dict):
                        for key in keyword.value.keys:
                            if key is not None:
                                self._value_site(Where.MAPPING_KEY, key, sink, call)
        for default in collector.defaults:
            ctx.scopes = list(default.scopes)  # type: ignore[arg-type]
            for sink in solver.sinks_of(("name", default.key)):
                if isinstance(sink, inference.InferredSink) and sink.parameter == default.param:
                    self._value_site(Where.DEFAULT, default.expr, sink, None, sink.range_only)
        for comparison in collector.comparisons:
            facts = solver.callables.get(comparison.key)
            if facts is not None and comparison.param in facts.reaches:
                ctx.scopes = list(comparison.scopes)  # type: ignore[arg-type]
                sink = inference.InferredSink(
                    Kind.ASSERTION,
                    "parameter",
                    None,
                    origin=facts.label,
                    parameter=comparison.param,
                )
                self._value_site(Where.COMPARISON, comparison.expr, sink, status_range_only=True)
        seen: set[int] = set()
        for table in collector.tables:
            ctx.scopes = list(table.scopes)  # type: ignore[arg-type]
            readers = solver.table_readers(
                table, collector.facts.callables, collector.prefix, collector.param_returned
            )
            returned = collector.param_returned.get(table.key)
            for facts, renamed, label in readers:
                for name, cells in table.values.items():
                    for reach in facts.reaches:
                        index = inference.table_index(reach, renamed or name)
                        if index is False:
                            continue
                        if renamed and returned is not None:  # the fixture returns an item
                            if index is not None:
                                continue
                            index = returned
                        sink = inference.InferredSink(
                            Kind.ASSERTION,
                            "pytest" if table.kind == "function" else f"pytest {table.kind}",
                            None,
                            origin=label if table.kind in _TEST_TABLES else table.label,
                            parameter=reach
                            if table.kind != "fixture"
                            else (f"{reach}` in `{label}()" if renamed else reach),
                        )
                        for value in inference.table_values(cells, index):
                            code = ctx.status_value(value)[0]
                            if (
                                code is not None
                                and lookup(code) is not None
                                and id(value) not in seen
                            ):
                                seen.add(id(value))
                                self._value_site(Where.PARAMETRIZE, value, sink)
        ctx.scopes = outer

    def _sinks_for(self, node: ast.Call) -> list[Sink]:
        ctx = self.ctx
        func = node.func
        if (
            type(func) is ast.Attribute
            and func.attr not in self._call_last_names
            and func.attr not in frameworks.METHODS
        ):
            return []  # no framework call ends in this name, and no method row has it
        name = ctx.qualname(func)
        # A name an HTTP package defines is no other library's method (`httpx.get`), unless
        # a pytest fixture shadows the module (`def test(requests_mock): requests_mock.get`).
        imported = False
        if name is not None:
            sink = frameworks.CALLS.get(name) or self._extra_sink(name)
            if sink is not None:
                return [sink]
            imported = name.partition(".")[0] in frameworks.HTTP_PACKAGES
        if not isinstance(func, ast.Attribute):
            return []
        methods = frameworks.METHODS.get(func.attr)
        if not methods:
            return []
        return [
            method.sink for method in methods if self._method_applies(method, func.value, imported)
        ]

    def _method_applies(self, method: MethodSink, receiver: ast.expr, imported: bool) -> bool:
        """A method row applies in files importing its library, or on a receiver named like
        the library's pytest fixture (`requests_mock.get(...)`, `httpserver.expect(...)...`)."""
        if not imported and not method.packages.isdisjoint(self.ctx.packages):
            return True
        return bool(method.receivers) and not method.receivers.isdisjoint(_receiver_names(receiver))

    def _extra_sink(self, name: str) -> Sink | None:
        if not self.extra_calls:
            return None
        sink = self.extra_calls.get(name)
        if sink is None and name.startswith("."):
            relative = name.lstrip(".")
            for qualified, candidate in self.extra_calls.items():
                if qualified.endswith("." + relative):
                    return candidate
        return sink

    def _call(self, node: ast.Call) -> None:
        func = node.func
        ctx = self.ctx
        facts = ctx.scopes[-1].facts
        # Most calls are methods no table knows: each test below is a set lookup on the name.
        if type(func) is ast.Attribute:
            attr = func.attr
            if attr in _SPECIAL_METHODS:
                if attr == "add_callback":
                    self._add_callback(node)
                elif attr in frameworks.UNITTEST_COMPARISONS:
                    self._unittest_comparison(node)
            if facts is not None and attr in _RESPONSE_METHODS:
                self._response_method(facts, node)
            if attr == "partial":
                node = self._partial(node)
            elif attr not in self._call_last_names and attr not in frameworks.METHODS:
                if node.args or node.keywords:
                    self.collector.call(node, ctx.imports, ctx.scopes)
                return
        elif type(func) is ast.Name:
            name = func.id
            if ctx.imports.get(name) == "responses.add_callback":
                self._add_callback(node)
            if facts is not None:
                facts.calls.append((name, node))
            if name == "partial":
                node = self._partial(node)
        sinks = self._sinks_for(node)
        if not sinks:
            if node.args or node.keywords:
                self.collector.call(node, ctx.imports, ctx.scopes)
            return
        seen: set[int] = set()
        for sink in sinks:
            for param in (sink.status, *sink.also) if sink.status is not None else ():
                expr = argument(node, param)
                # Two frameworks' methods of one name may read the same argument.
                if expr is not None and id(expr) not in seen:
                    seen.add(id(expr))
                    if param.many and isinstance(expr, ast.List | ast.Tuple | ast.Set):
                        for element in expr.elts:
                            self._value_site(Where.CALL, element, sink, node)
                    else:
                        self._value_site(Where.CALL, expr, sink, node)
            if facts is not None and id(node) in self._assigned:
                self._response_created(facts, node, sink)
            for rule in self.rules.calls:
                self._report(rule(self.ctx, node, sink))
            if sink.mappings:
                self._mapping_sites(node, sink, seen)

    def _partial(self, node: ast.Call) -> ast.Call:
        """`partial(rsps.add, status=200)` passes its arguments to the callable it wraps."""
        if not node.args or self.ctx.qualname(node.func) != "functools.partial":
            return node
        inner = ast.Call(func=node.args[0], args=node.args[1:], keywords=node.keywords)
        return ast.copy_location(inner, node)

    def _mapping_sites(self, node: ast.Call, sink: Sink, seen: set[int]) -> None:
        """Keys of `responses={404: ...}` (also `(404, "application/json")` tuple keys), and
        items of `responses=[404, 500]` (APIFlask)."""
        for keyword in node.keywords:
            if keyword.arg not in sink.mappings:
                continue
            value = keyword.value
            if isinstance(value, ast.Dict):
                keys = [_mapping_status(key) for key in value.keys if key is not None]
            elif isinstance(value, ast.List | ast.Tuple | ast.Set):
                keys = value.elts
            else:
                if type(value) is ast.Name:
                    self.collector.mapping(value.id)
                continue
            for key in keys:
                if id(key) not in seen:
                    seen.add(id(key))
                    self._value_site(Where.MAPPING_KEY, key, sink, node)

    def _response_created(self, facts: FunctionFacts, node: ast.Call, sink: Sink) -> None:
        """`resp = HttpResponse(...)`: start following `resp` in this function."""
        if sink.kind not in (Kind.RESPONSE, Kind.REDIRECT, Kind.EXCEPTION):
            return
        state = facts.response(self._assigned[id(node)])
        state.sink = sink
        expr = argument(node, sink.status) if sink.status is not None else None
        state.code = self.ctx.status_value(expr)[0] if expr is not None else sink.default
        state.status = facts.event(expr if expr is not None else node)
        headers = argument(node, sink.headers) if sink.headers is not None else None
        names = flow.literal_header_names(headers)
        state.headers_visible = sink.headers is not None and names is not None
        state.headers |= names or set()

    def _response_method(self, facts: FunctionFacts, node: ast.Call) -> None:
        """Calls that set a response's status, headers or body: `self.set_status(204)`,
        `resp.set_header("Allow", ...)`, `resp.headers.update(...)`, `self.write(...)`."""
        func = node.func
        assert isinstance(func, ast.Attribute)  # `_call` passes methods of `_RESPONSE_METHODS`
        method = func.attr
        key = flow.key_of(func.value)
        if key is not None:
            if method == "set_status" and node.args:
                state = facts.response(key)
                state.code = self.ctx.status_value(node.args[0])[0]
                state.status = facts.event(node.args[0])
            elif method in flow.HEADER_METHODS and node.args:
                self._header_set(facts, key, node.args[0])
            elif method in flow.BODY_METHODS and (
                node.keywords or not all(flow.is_empty_body(arg) for arg in node.args)
            ):
                facts.response(key).bodies.append(facts.event(node))
        receiver = func.value
        if (
            method in flow.HEADERS_METHODS
            and isinstance(receiver, ast.Attribute)
            and receiver.attr == "headers"
        ):
            owner = flow.key_of(receiver.value)
            if owner is not None:
                state = facts.response(owner)
                names = flow.literal_header_names(node.args[0]) if node.args else set()
                if method in {"add", "set", "setdefault", "add_header"} and node.args:
                    first = node.args[0]
                    names = (
                        {first.value.lower()}
                        if isinstance(first, ast.Constant) and isinstance(first.value, str)
                        else None
                    )
                if names is None:
                    state.headers_unknown = True
                else:
                    state.headers |= names
                    state.headers |= {
                        k.arg.replace("_", "-").lower() for k in node.keywords if k.arg
                    }

    def _header_set(self, facts: FunctionFacts, key: str, name: ast.expr) -> None:
        state = facts.response(key)
        if isinstance(name, ast.Constant) and isinstance(name.value, str):
            state.headers.add(name.value.lower())
        else:
            state.headers_unknown = True

    def _raise(self, node: ast.Raise) -> None:
        if isinstance(node.exc, ast.Call):
            self._raised.add(id(node.exc))
        facts = self.ctx.facts
        if facts is not None and node.exc is not None:
            facts.raised_exceptions.append(node.exc)

    def _unittest_comparison(self, node: ast.Call) -> None:
        if len(node.args) < 2:
            return
        first, second = node.args[0], node.args[1]
        ctx = self.ctx
        if ctx.is_status_expression(first):
            for candidate in _elements(second):
                self._comparison_site(first, candidate)
        elif ctx.is_status_expression(second):
            self._comparison_site(second, first)

    def _compare(self, node: ast.Compare) -> None:
        ctx = self.ctx
        left = node.left
        for op, right in zip(node.ops, node.comparators, strict=False):
            kind = type(op)
            if kind in _EQUALITIES:
                if ctx.is_status_expression(left):
                    self._comparison_site(left, right)
                elif ctx.is_status_expression(right):
                    self._comparison_site(right, left)
                elif ctx.scope.loops and self._loop_compare(left, right):
                    pass
                elif type(left) is ast.Name and type(right) is ast.Constant:
                    self.collector.compared(left, right, ctx.scopes)
                elif type(right) is ast.Name and type(left) is ast.Constant:
                    self.collector.compared(right, left, ctx.scopes)
            elif kind in _MEMBERSHIPS and isinstance(right, _COLLECTIONS):
                if ctx.is_status_expression(left):
                    for element in right.elts:
                        self._comparison_site(left, element)
                elif type(left) is ast.Name:
                    for element in right.elts:
                        self.collector.compared(left, element, ctx.scopes)
            left = right

    def _comparison_site(self, status: ast.expr, value: ast.expr, in_pattern: bool = False) -> None:
        """`value` compared with `status`; a generic attribute (`.status`, `.code`) counts
        only for values in 100-599. Compared with an alias of a status, once the function's
        body shows the alias is bound only once."""
        if type(status) is ast.NamedExpr:
            status = status.value
        if type(status) is ast.Name:
            scope = self.ctx.scope
            if scope.alias_uses is None:
                scope.alias_uses = []
            scope.alias_uses.append((status.id, value, in_pattern))
            return
        generic = (
            isinstance(status, ast.Attribute) and status.attr not in frameworks.STATUS_ATTRIBUTES
        )
        self._value_site(Where.COMPARISON, value, status_range_only=generic, in_pattern=in_pattern)

    def _item_sites(self, scope: Scope) -> None:
        """The parameters' items, unpacked to names bound only once, that reach a status."""
        items, rebound = scope.items or {}, scope.rebound or set()
        for name, kind, range_only in scope.item_uses or ():
            if name not in rebound:
                source, index = items[name]
                self.collector.reached(source, kind, range_only, index)

    def _alias_sites(self, scope: Scope) -> None:
        """The comparisons with names bound once in the function to a response's status."""
        aliases, rebound = scope.status_aliases or {}, scope.rebound or set()
        for name, value, in_pattern in scope.alias_uses or ():
            if name not in rebound:
                self._comparison_site(aliases[name], value, in_pattern)

    def _loop_compare(self, left: ast.expr, right: ast.expr) -> bool:
        """A loop variable compared with something: see `_loop_comparison`."""
        loops = self.ctx.scope.loops or {}
        if type(left) is ast.Name and left.id in loops:
            self._loop_comparison(left, right)
        elif type(right) is ast.Name and right.id in loops:
            self._loop_comparison(right, left)
        else:
            return False
        return True

    def _loop_comparison(self, name: ast.Name, value: ast.expr) -> None:
        """`expected_status == 200` with `expected_status` a loop variable: a status
        comparison once the variable is compared with a response's status in the body."""
        for column in self.ctx.scope.loops.get(name.id, ()):  # type: ignore[union-attr]
            if not column.encloses(name):
                continue
            if column.compared is not None:
                column.compared.append(value)
            elif None in column.reported:
                sink = inference.InferredSink(Kind.ASSERTION, "loop", None, parameter=name.id)
                self._value_site(Where.COMPARISON, value, sink, status_range_only=True)

    def _client_code(self, code: int | None) -> bool:
        """Whether `code` is one a client library of this file invents (Tornado's 599)."""
        return any(
            code in codes
            for package, codes in frameworks.CLIENT_CODES.items()
            if package in self.ctx.packages
        )

    def _match(self, node: ast.Match) -> None:
        if not self.ctx.is_status_expression(node.subject):
            return
        patterns = [case.pattern for case in node.cases]
        while patterns:
            pattern = patterns.pop()
            if isinstance(pattern, ast.MatchValue):
                self._comparison_site(node.subject, pattern.value, in_pattern=True)
            elif isinstance(pattern, ast.MatchOr):
                patterns.extend(pattern.patterns)
            elif isinstance(pattern, ast.MatchAs) and pattern.pattern is not None:
                patterns.append(pattern.pattern)

    def _assign(self, node: ast.Assign) -> None:
        ctx = self.ctx
        value = node.value
        if receivers.is_request(value):
            for target in node.targets:
                if type(target) is ast.Name:
                    ctx.responses.add(target.id)
        # `code = response.status_code`: a first binding in a function, of a status.
        alias = node.targets[0] if len(node.targets) == 1 else None
        if not (
            type(alias) is ast.Name
            and type(value) is ast.Attribute
            and ctx.facts is not None
            and alias.id not in ctx.scope.names
            and ctx.is_status_expression(value)
        ):
            alias = None
        if len(node.targets) == 1 and type(value) in _TABLES:
            self._table_bound(node.targets[0], value)
        elif type(value) is ast.Call and len(node.targets) == 1:
            func = value.func
            if (type(func) is ast.Attribute and func.attr == "namedtuple") or (
                type(func) is ast.Name and func.id == "namedtuple"
            ):
                self._namedtuple(node.targets[0], value)
        for target in node.targets:
            if type(target) is ast.Name:
                if target.id == "pytestmark" and ctx.facts is None:
                    self.collector.pytestmark(value, ctx.scopes)
                scope = ctx.scopes[-1]
                first = target.id not in scope.names
                bind(scope, target.id)
                if scope.facts is not None and (first or scope.bound_statuses):
                    self._status_bound(scope, target.id, value, first)
                if (
                    type(value) is ast.Call
                ):  # a name holds nothing else `_response_assignment` reads
                    self._response_assignment(target, value)
                continue
            if type(target) is ast.Subscript:
                self._subscript_status(target, value)
            elif type(target) is ast.Attribute:
                self._status_attribute_assignment(target, value)
            else:
                unpacked = items = None
                if type(target) is ast.Tuple and ctx.facts is not None:
                    unpacked = self._tuple_aliases(target, value)
                    items = self._unpacked_items(target, value)
                self._bind_target(target)
                if unpacked:
                    for name, item in unpacked:
                        self._alias(name, item)
                if items:
                    scope = ctx.scope
                    if scope.items is None:
                        scope.items = {}
                    if scope.rebound is None:
                        scope.rebound = set()
                    scope.items.update(items)
            self._response_assignment(target, value)
        if alias is not None:
            self._alias(alias.id, value)

    def _namedtuple(self, target: ast.expr, value: ast.Call) -> None:
        """`R = collections.namedtuple("R", ["status_code", "body"])` (or `"status_code
        body"`): `R` takes its status by the field's position and keyword."""
        if type(target) is not ast.Name or self.ctx.qualname(value.func) != (
            "collections.namedtuple"
        ):
            return
        names = argument(value, Param("field_names", 1))
        if type(names) is ast.Constant and type(names.value) is str:
            fields = names.value.replace(",", " ").split()
        elif isinstance(names, _SEQUENCES) and all(
            type(item) is ast.Constant and type(item.value) is str for item in names.elts
        ):
            fields = [item.value for item in names.elts]  # type: ignore[attr-defined]
        else:
            return
        self._record_fields(target.id, fields)

    def _record_fields(self, name: str | None, fields: list[str]) -> None:
        """A record type's fields; those named as status attributes are status parameters."""
        http_file = self.ctx.http_file
        status = {
            field_name: field_name not in frameworks.STATUS_ATTRIBUTES
            for field_name in fields
            if field_name in frameworks.STATUS_ATTRIBUTES or (field_name == "status" and http_file)
        }
        if status and len(set(fields)) == len(fields):
            self.collector.record_fields(name, fields, status)

    def _named_tuple_class(self, node: ast.ClassDef) -> None:
        """`class R(typing.NamedTuple): status_code: int`: its fields, in order."""
        fields = [
            statement.target.id
            for statement in node.body
            if type(statement) is ast.AnnAssign and type(statement.target) is ast.Name
        ]
        self._record_fields(None, fields)

    def _status_bound(self, scope: Scope, name: str, value: ast.expr, first: bool) -> None:
        """`status_code = 200` (or `= HTTPStatus.OK`) in a function: the name's first binding
        starts following it; a later one, already counted by `_bind`, is recorded as that
        value."""
        if type(value) is ast.Constant:
            code = value.value
            if type(code) is not int or not 100 <= code <= 599:
                return
        elif type(value) is ast.Attribute or type(value) is ast.Name:
            if self.ctx.status_value(value)[0] is None:
                return
        else:
            return
        if first:
            if scope.bound_statuses is None:
                scope.bound_statuses = {}
            scope.bound_statuses[name] = [value]
        else:
            values = scope.bound_statuses.get(name) if scope.bound_statuses else None
            if values is not None and values[-1] is None:
                values[-1] = value

    def _bound_use(self, scope: Scope, use: BoundUse) -> None:
        if scope.bound_uses is None:
            scope.bound_uses = []
        scope.bound_uses.append(use)

    def _bound_sites(self, scope: Scope) -> None:
        """The literals bound to a name in the function, when every binding of the name is a
        status and every use of it is at a status position: each literal is a status there."""
        bound = scope.bound_statuses or {}
        uses: dict[str, list[BoundUse]] = {}
        for use in scope.bound_uses or ():
            name = use.name.id
            if None not in bound[name] and all(use.name is not u.name for u in uses.get(name, ())):
                uses.setdefault(name, []).append(use)
        if not uses or scope.facts is None:
            return
        # Rare (a name bound only to statuses, met at a status position): count the name's
        # reads and assignments in the body, once, to see that no other use
        # (`range(status_code)`, arithmetic, a nested function's) shares it, and no binding the
        # walk does not follow (a `case` capture, an import, `global`, `nonlocal`) replaces it.
        reads: Counter[str] = Counter()
        stores: Counter[str] = Counter()
        for statement in scope.facts.node.body:
            for node in ast.walk(statement):
                kind = type(node)
                if kind is ast.Name:
                    name = node.id  # type: ignore[attr-defined]
                    if name in uses:
                        if type(node.ctx) is ast.Load:  # type: ignore[attr-defined]
                            reads[name] += 1
                        else:
                            stores[name] += 1
                elif kind in _OTHER_BINDINGS:
                    for name in _names_bound(node):
                        reads[name] = -1
        for name, name_uses in uses.items():
            if reads[name] != len(name_uses) or stores[name] != len(bound[name]):
                continue
            use = name_uses[0]
            for value in bound[name]:
                self._value_site(
                    use.where,
                    value,  # type: ignore[arg-type]
                    use.sink,
                    use.call,
                    use.range_only,
                    conditional=True,
                    bound=name,
                )

    def _alias(self, name: str, value: ast.expr) -> None:
        scope = self.ctx.scope
        if scope.status_aliases is None:
            scope.status_aliases, scope.rebound = {}, set()
        scope.status_aliases[name] = value

    def _unpacked_items(self, target: ast.Tuple, value: ast.expr) -> dict[str, tuple[str, int]]:
        """`path, expected = case` with `case` a parameter, or `= request.param` in a fixture:
        each name bound for the first time (once in the target), with the item it takes."""
        if type(value) is ast.Name:
            source = value.id
        elif type(value) is ast.Attribute and inference.is_param(value):
            source = inference.PARAM
        else:
            return {}
        elements = target.elts
        if any(type(element) is ast.Starred for element in elements):
            return {}
        names = [element.id for element in elements if type(element) is ast.Name]
        if len(set(names)) != len(names) or source in names:
            return {}
        bound = self.ctx.scope.names
        return {
            element.id: (source, index)
            for index, element in enumerate(elements)
            if type(element) is ast.Name and element.id not in bound
        }

    def _tuple_aliases(self, target: ast.Tuple, value: ast.expr) -> list[tuple[str, ast.expr]]:
        """`code, body = r.status_code, r.json()` in a function: the names bound (for the first
        time, once in the target) to a response's status."""
        if type(value) is not ast.Tuple or len(value.elts) != len(target.elts):
            return []
        if any(type(item) is ast.Starred for item in value.elts):
            return []
        names = [element.id for element in target.elts if type(element) is ast.Name]
        if len(set(names)) != len(names):
            return []
        ctx = self.ctx
        bound = ctx.scope.names
        return [
            (element.id, item)
            for element, item in zip(target.elts, value.elts, strict=True)
            if type(element) is ast.Name
            and type(item) is ast.Attribute
            and element.id not in bound
            and ctx.is_status_expression(item)
        ]

    def _response_assignment(self, target: ast.expr, value: ast.expr) -> None:
        """`resp = Response(...)`, `resp.status_code = 204`, `resp.text = ...`,
        `resp["Allow"] = ...`, `resp.headers["Allow"] = ...`, `resp.allow = [...]`."""
        facts = self.ctx.facts
        if facts is None:
            return
        if isinstance(value, ast.Call):
            key = flow.key_of(target)
            if key is not None:
                self._assigned[id(value)] = key
                facts.responses.pop(key, None)  # a new object under that name
        if isinstance(target, ast.Subscript):
            owner = target.value
            if isinstance(owner, ast.Attribute) and owner.attr == "headers":
                owner = owner.value
            key = flow.key_of(owner)
            if key is not None:
                self._header_set(facts, key, target.slice)
            return
        if not isinstance(target, ast.Attribute):
            return
        key = flow.key_of(target.value)
        if key is None:
            return
        attr = target.attr
        if attr in frameworks.STATUS_ATTRIBUTES or attr == "status":
            code = self.ctx.status_value(value)[0]
            if code is not None:
                state = facts.response(key)
                state.code = code
                state.status = facts.event(value)
        elif attr in flow.BODY_ATTRIBUTES:
            if not flow.is_empty_body(value):
                facts.response(key).bodies.append(facts.event(target))
        elif attr in flow.HEADER_ATTRIBUTES:
            facts.response(key).headers.add(flow.HEADER_ATTRIBUTES[attr])
        elif attr == "headers":
            state = facts.response(key)
            names = flow.literal_header_names(value)
            if names is None:
                state.headers_unknown = True
            else:
                state.headers |= names

    def _ann_assign(self, node: ast.AnnAssign) -> None:
        if node.value is not None and type(node.value) in _TABLES:
            self._table_bound(node.target, node.value)
        scope = self.ctx.scope
        target = node.target
        first = type(target) is ast.Name and target.id not in scope.names
        self._bind_target(target)
        if (
            type(target) is ast.Name
            and node.value is not None
            and scope.facts is not None
            and (first or scope.bound_statuses)
        ):
            self._status_bound(scope, target.id, node.value, first)
        if type(node.target) is ast.Name and receivers.names_response(node.annotation):
            self.ctx.responses.add(node.target.id)
        if node.value is not None:
            self._status_attribute_assignment(node.target, node.value)

    def _status_attribute_assignment(self, target: ast.expr, value: ast.expr) -> None:
        if not isinstance(target, ast.Attribute):
            return
        if type(value) is ast.Name:
            self.collector.attribute_assigned(target, value)
            scope = self.ctx.scope
            if scope.bound_statuses is not None and value.id in scope.bound_statuses:
                attr = target.attr
                if attr in frameworks.STATUS_ATTRIBUTES:
                    self._bound_use(scope, BoundUse(value, Where.ATTRIBUTE, None, None, False))
                elif attr == "status" and self.ctx.http_file:
                    self._bound_use(scope, BoundUse(value, Where.ATTRIBUTE, None, None, True))
            return
        if target.attr in frameworks.STATUS_ATTRIBUTES:
            self._value_site(Where.ATTRIBUTE, value)
        elif target.attr == "status" and self.ctx.http_file:
            self._value_site(Where.ATTRIBUTE, value, status_range_only=True)

    def _yield(self, node: ast.Yield) -> None:
        value = node.value
        if value is not None:
            if inference.is_param(value):
                self.collector.param_returned_here()
            elif type(value) is ast.Subscript:
                self._param_item_returned(value)

    def _return(self, node: ast.Return) -> None:
        value = node.value
        if type(value) is ast.Attribute and value.attr == "param" and inference.is_param(value):
            self.collector.param_returned_here()
        elif type(value) is ast.Subscript:
            self._param_item_returned(value)
        facts = self.ctx.facts
        if facts is not None and _is_callback_tuple(node.value):
            self._callback_returns.append((facts.node.name, node.value, tuple(self.ctx.scopes)))
        if facts is not None and isinstance(node.value, ast.Call):
            self._returned.add(id(node.value))
        if facts is not None and facts.route is not None:
            facts.returns.append(node)
            for rule in self.rules.returns:
                self._report(rule(self.ctx, facts, node))
        value = node.value
        layout = self.ctx.scope.view
        if layout is None or not isinstance(value, ast.Tuple):
            return
        elements = value.elts
        if len(elements) not in layout.sizes:
            return
        status = elements[layout.status]
        if isinstance(status, ast.Dict | ast.List | ast.Tuple | ast.Set):
            return  # (body, headers)
        body = elements[layout.body] if layout.body is not None else None
        headers = (
            elements[layout.headers]
            if layout.headers is not None and layout.headers < len(elements)
            else None
        )
        self._value_site(
            Where.VIEW_RETURN,
            status,
            status_range_only=layout.range_only,
            body=body,
            headers=headers,
        )

    def _param_item_returned(self, value: ast.Subscript) -> None:
        """`return request.param[1]`: the fixture's value is that item of its param."""
        item = value.slice
        if (
            type(item) is ast.Constant
            and type(item.value) is int
            and type(value.value) is ast.Attribute
            and inference.is_param(value.value)
        ):
            self.collector.param_returned_here(item.value)

    def _dict(self, node: ast.Dict) -> None:
        """`{"statusCode": 404, "body": ...}`, `{"type": "http.response.start", "status": 200}`."""
        for index, key in enumerate(node.keys):
            if type(key) is not ast.Constant or type(key.value) is not str:
                continue
            rows = frameworks.DICT_KEYS.get(key.value)
            if rows is None:
                continue
            for row, packages in rows:
                if packages and packages.isdisjoint(self.ctx.packages):
                    continue
                if row.requires is not None and not _has_item(node, *row.requires):
                    continue
                body = _item(node, row.body) if row.body is not None else None
                self._value_site(Where.DICT_KEY, node.values[index], row.sink, body=body)
                break

    def _subscript_status(self, target: ast.Subscript, value: ast.expr) -> None:
        """`resp["statusCode"] = 404`."""
        key = target.slice
        if type(key) is not ast.Constant or type(key.value) is not str:
            return
        for row, packages in frameworks.DICT_KEYS.get(key.value, ()):
            if row.requires is None and (
                not packages or not packages.isdisjoint(self.ctx.packages)
            ):
                self._value_site(Where.DICT_KEY, value, row.sink)
                return

    def _bin_op(self, node: ast.BinOp) -> None:
        """respx's `route % 404`."""
        if type(node.op) is not ast.Mod or not frameworks.MODULO:
            return
        for packages, sink in frameworks.MODULO:
            if not packages.isdisjoint(self.ctx.packages) and isinstance(
                node.left, ast.Call | ast.Attribute | ast.Name
            ):
                self._value_site(Where.CALL, node.right, sink)
                return

    def _attribute(self, node: ast.Attribute) -> None:
        if not self.rules.constants:
            return
        value = node.value
        if type(value) is ast.Name:
            holder = self.ctx.imports.get(value.id)
        elif type(value) is ast.Attribute and value.attr in _HOLDER_LAST_NAMES:
            holder = self.ctx.qualname(value)  # `x.y.attr` only where a holder's name ends in `y`
        else:
            return
        if holder is None:
            return
        style = HOLDERS.get(holder)
        if style is None:
            return
        self.ctx.style_uses[style] += 1
        for rule in self.rules.constants:
            self._report(rule(self.ctx, node, style, node.attr))


_HANDLERS: dict[type, Callable[[Engine, Any], None]] = {
    ast.Raise: Engine._raise,
    ast.Import: Engine._import,
    ast.ImportFrom: Engine._import_from,
    ast.Call: Engine._call,
    ast.Compare: Engine._compare,
    ast.Assign: Engine._assign,
    ast.AnnAssign: Engine._ann_assign,
    ast.AugAssign: Engine._aug_assign,
    ast.Return: Engine._return,
    ast.Yield: Engine._yield,
    ast.Match: Engine._match,
    ast.Attribute: Engine._attribute,
    ast.For: Engine._for,
    ast.AsyncFor: Engine._for,
    ast.With: Engine._with,
    ast.AsyncWith: Engine._with,
    ast.NamedExpr: Engine._named_expr,
    ast.ExceptHandler: Engine._except_handler,
    ast.Dict: Engine._dict,
    ast.BinOp: Engine._bin_op,
}


_WALKER = traversal.Walker(_HANDLERS, Engine._enter, Engine._exit)


def _is_callback_tuple(node: ast.expr | None) -> TypeGuard[ast.Tuple]:
    """`(200, {}, "")`: a literal (or constant) status, headers, body."""
    return (
        type(node) is ast.Tuple
        and len(node.elts) == 3
        and not isinstance(node.elts[0], ast.Dict | ast.List | ast.Tuple | ast.Set | ast.JoinedStr)
    )


# Statements and patterns that bind names other than as an `ast.Name` target.
_OTHER_BINDINGS = frozenset(
    {
        ast.Global,
        ast.Nonlocal,
        ast.Import,
        ast.ImportFrom,
        ast.FunctionDef,
        ast.AsyncFunctionDef,
        ast.ClassDef,
        ast.ExceptHandler,
        ast.MatchAs,
        ast.MatchStar,
        ast.MatchMapping,
    }
)


def _names_bound(node: ast.AST) -> list[str]:
    """The names a node of `_OTHER_BINDINGS` binds."""
    if isinstance(node, ast.Global | ast.Nonlocal):
        return node.names
    if isinstance(node, ast.Import | ast.ImportFrom):
        return [(alias.asname or alias.name).partition(".")[0] for alias in node.names]
    if isinstance(node, ast.MatchMapping):
        return [node.rest] if node.rest else []
    name = getattr(node, "name", None)
    return [name] if isinstance(name, str) else []


def _mapping_status(key: ast.expr) -> ast.expr:
    """The status of a mapping key: drf-spectacular also keys by `(status, media_type)`."""
    if isinstance(key, ast.Tuple) and key.elts:
        return key.elts[0]
    return key


def _item(node: ast.Dict, name: str) -> ast.expr | None:
    for key, value in zip(node.keys, node.values, strict=True):
        if isinstance(key, ast.Constant) and key.value == name:
            return value
    return None


def _has_item(node: ast.Dict, name: str, expected: str) -> bool:
    value = _item(node, name)
    return isinstance(value, ast.Constant) and value.value == expected


def _receiver_names(node: ast.expr) -> set[str]:
    """The names along a method's receiver: `self.testapp` and `httpserver.expect(...)`."""
    names: set[str] = set()
    while True:
        if isinstance(node, ast.Attribute):
            names.add(node.attr)
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        elif isinstance(node, ast.Name):
            names.add(node.id)
            return names
        else:
            return names


def _elements(node: ast.expr) -> list[ast.expr]:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return list(node.elts)
    return [node]


def _render(
    raw: RawFinding, scopes: tuple[Scope, ...], namer: ConstantNamer, wrong: str | None
) -> Finding:
    node = raw.node
    template, fields, fix = raw.message, dict(raw.fields), raw.fix
    suggestion = None
    if wrong is not None and raw.doubted:
        template, fields["other"], fix = raw.doubted, wrong, None
    elif raw.suggest is not None:
        # Class bodies do not enclose the functions inside them.
        visible = [scope.bound for scope in scopes[:-1] if not scope.is_class]
        visible.append(scopes[-1].bound)
        suggestion = namer.suggest(raw.suggest, visible, raw.spelling)
        if suggestion is None:
            template, fields["holder"] = raw.fallback, namer.holder
        else:
            fields["constant"] = suggestion.text
            fix = Fix.replace(node, suggestion.text, suggestion.needs)
    message = f"{raw.code} {template.format_map(fields)}"
    if suggestion is not None and suggestion.note:
        message += f" ({suggestion.note})"
    return Finding(
        raw.code,
        message,
        node.lineno,  # type: ignore[attr-defined]
        node.col_offset,  # type: ignore[attr-defined]
        getattr(node, "end_lineno", None) or node.lineno,  # type: ignore[attr-defined]
        getattr(node, "end_col_offset", None) or node.col_offset,  # type: ignore[attr-defined]
        fix,
    )
