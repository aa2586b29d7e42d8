"""Scopes and bindings: entering and leaving a function's, class's or lambda's body, imports, and
the names `with`, `except`, `:=` and augmented assignment bind.
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from flake8_httpstatus.analysis import inference
from flake8_httpstatus.analysis.context import Scope, bind, bind_target
from flake8_httpstatus.analysis.flow import FunctionFacts
from flake8_httpstatus.analysis.recognizers.assignments import (
    bound_sites,
    item_sites,
    named_tuple_class,
    returned_uses,
    status_alias,
)
from flake8_httpstatus.analysis.recognizers.calls import route_of
from flake8_httpstatus.analysis.recognizers.classes import added_headers, class_
from flake8_httpstatus.analysis.recognizers.comparisons import alias_sites
from flake8_httpstatus.analysis.recognizers.returns import view_layout
from flake8_httpstatus.analysis.sites import HOLDERS
from flake8_httpstatus.knowledge import receivers

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine

# Node types tested on hot paths: `isinstance` with a union builds it on every call.
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_PARAMETERISED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
# Parameters of tests and fixtures that are not fixtures' values.
_NOT_FIXTURES = frozenset({"self", "cls", "request"})
# The base of `class R(NamedTuple)` record types.
_NAMED_TUPLES = frozenset({"typing.NamedTuple", "typing_extensions.NamedTuple"})


def enter(
    engine: Engine, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef | ast.Lambda
) -> None:
    ctx = engine.ctx
    scope = Scope()
    if isinstance(node, ast.ClassDef):
        scope.is_class = True
        scope.response_class = receivers.class_names_response(node)
        engine.collector.enter_class(node, ctx.imports, ctx.scopes)
        if any(ctx.qualname(base) in _NAMED_TUPLES for base in node.bases):
            named_tuple_class(engine, node)
        class_(engine, node, scope)
    elif isinstance(node, _FUNCTIONS):
        engine.collector.enter_function(node, ctx.scopes)
        bind(ctx.scope, node.name)
        scope.view = view_layout(engine, node)
        scope.facts = FunctionFacts(
            node, route=route_of(engine, node), added_headers=added_headers(engine, node)
        )
        ctx.functions.setdefault(node.name, scope.facts)
        ctx.all_functions.append(scope.facts)
    else:
        engine.collector.enter_other()
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
                if name in names:
                    bind(scope, name)
                else:
                    names.add(name)  # what `bind` does with a plain new name
                if arg.annotation is not None and receivers.names_response(arg.annotation):
                    ctx.responses.add(name)
    if isinstance(node, _FUNCTIONS) and (
        node.name.startswith("test") or inference.fixture_name(node)
    ):
        _fixture_parameters(scope, node)
    ctx.scopes.append(scope)
    if scope.packages:
        ctx.packages |= scope.packages


def _fixture_parameters(scope: Scope, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
    """A test's (or a fixture's) parameters are what the fixtures of those names give: bound
    to them in case a fixture is shown to give a response (`Scope.returned`)."""
    arguments = node.args
    scope.returned = {
        arg.arg: [(("fixture", arg.arg), None)]
        for arg in (*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs)
        if arg.arg not in _NOT_FIXTURES
    } or None


def exit(engine: Engine) -> None:
    scope = engine.ctx.scope
    if scope.alias_uses:
        alias_sites(engine, scope)
    if scope.item_uses:
        item_sites(engine, scope)
    if scope.bound_uses:
        bound_sites(engine, scope)
    if scope.returned_uses:
        returned_uses(engine, scope)
    engine.collector.exit()
    scope = engine.ctx.scopes.pop()
    if scope.packages:
        engine.ctx.packages -= scope.packages
    if scope.facts is not None:
        for rule in engine.rules.functions:
            engine.report(rule(engine.ctx, scope.facts))


def with_(engine: Engine, node: ast.With | ast.AsyncWith) -> None:
    for item in node.items:
        if item.optional_vars is not None:
            bind_target(engine.ctx.scope, item.optional_vars)
            context = item.context_expr
            if type(item.optional_vars) is ast.Name and (
                receivers.is_request(context)
                or receivers.expects_http_error(context, engine.ctx.imports)
            ):
                engine.ctx.responses.add(item.optional_vars.id)


def named_expr(engine: Engine, node: ast.NamedExpr) -> None:
    """`(code := r.status_code) == 404`: compared as the status itself (see
    `is_status_expression`), and `code` an alias of it if bound for the first time."""
    target, value = node.target, node.value
    ctx = engine.ctx
    alias = (
        type(value) is ast.Attribute
        and ctx.facts is not None
        and target.id not in ctx.scope.names
        and ctx.is_status_expression(value)
    )
    bind_target(engine.ctx.scope, target)
    if alias:
        status_alias(engine, target.id, value)


def except_handler(engine: Engine, node: ast.ExceptHandler) -> None:
    if node.name:
        bind(engine.ctx.scope, node.name)
        if receivers.is_http_error(node.type, engine.ctx.imports):
            engine.ctx.responses.add(node.name)
        else:  # the name now holds another error (the set is the file's, not the function's)
            engine.ctx.responses.discard(node.name)


def aug_assign(engine: Engine, node: ast.AugAssign) -> None:
    bind_target(engine.ctx.scope, node.target)


def import_(engine: Engine, node: ast.Import) -> None:
    ctx = engine.ctx
    for alias in node.names:
        name = alias.name
        ctx.packages.add(name.partition(".")[0])
        if alias.asname:
            _bind_import(engine, alias.asname, name)
        else:
            head = name.partition(".")[0]
            _bind_import(engine, head, head)
        for rule in engine.rules.imports:
            engine.report(rule(ctx, alias, name))


def import_from(engine: Engine, node: ast.ImportFrom) -> None:
    ctx = engine.ctx
    module = node.module or ""
    if node.level:
        # Relative: resolvable only against the project's own names (extra sinks).
        module = "." * node.level + module
    else:
        ctx.packages.add(module.partition(".")[0])
    for rule in engine.rules.imports:
        engine.report(rule(ctx, node, module))
    style = HOLDERS.get(module)
    for alias in node.names:
        if alias.name == "*":
            engine.collector.imported("*", module)
            continue
        target = f"{module}.{alias.name}" if not module.endswith(".") else module + alias.name
        _bind_import(engine, alias.asname or alias.name, target)
        engine.collector.imported(alias.asname or alias.name, target)
        if style is not None:
            for constant_rule in engine.rules.constants:
                engine.report(constant_rule(ctx, alias, style, alias.name))


def _bind_import(engine: Engine, local: str, target: str) -> None:
    ctx = engine.ctx
    ctx.imports[local] = target
    holder = target if target in HOLDERS else target.rpartition(".")[0]
    style = HOLDERS.get(holder)
    if style is not None:
        ctx.style_uses[style] += 1
