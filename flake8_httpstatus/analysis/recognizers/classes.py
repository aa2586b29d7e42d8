"""Classes and attributes: class bodies (status classes, view classes, headers the framework
adds, bases defined elsewhere in the project), status dicts (`{"statusCode": 404}`), respx's
`route % 404`, and constant attributes (`status.HTTP_200_OK`).
"""

from __future__ import annotations

import ast
from typing import TYPE_CHECKING

from flake8_httpstatus.analysis.context import Scope, bind
from flake8_httpstatus.analysis.recognizers.values import value_site
from flake8_httpstatus.analysis.sites import HOLDERS, Where
from flake8_httpstatus.knowledge import frameworks
from flake8_httpstatus.knowledge.frameworks import Views

if TYPE_CHECKING:
    from flake8_httpstatus.analysis.engine import Engine

# The packages whose decorators make a view the framework adds headers to (VIEW_ADDED_HEADERS).
_ADDED_HEADER_PACKAGES = frozenset(
    name.partition(".")[0] for row in frameworks.VIEW_ADDED_HEADERS for name in row.decorators
)
# The last part of every constant holder's name (`status` of `rest_framework.status`).
_HOLDER_LAST_NAMES = frozenset(name.rpartition(".")[2] for name in HOLDERS)


def class_(engine: Engine, node: ast.ClassDef, scope: Scope) -> None:
    ctx = engine.ctx
    bind(ctx.scope, node.name)
    for base in node.bases:
        attribute = _status_attribute_of(engine, base)
        if attribute is not None:
            scope.status_attribute = attribute
            ctx.status_classes[node.name] = attribute
        # `ModelViewSet[Book]`: the generic alias of the class.
        generic = base.value if isinstance(base, ast.Subscript) else base
        origin = ctx.qualname(generic)
        origins = _project_origins(engine, generic)
        if origin is not None:
            origins |= {origin}
        for row in frameworks.VIEW_ADDED_HEADERS:
            if not row.bases.isdisjoint(origins):
                scope.added_headers |= row.headers
        if isinstance(generic, ast.Name):
            scope.added_headers |= ctx.added_headers.get(generic.id, frozenset())
        views = frameworks.VIEW_BASES.get(origin) if origin is not None else None
        if views is None and isinstance(base, ast.Name):
            views = ctx.view_classes.get(base.id)
        if views is None:
            views = _project_base(engine, base, scope)
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
            value_site(engine, Where.ATTRIBUTE, value)


def added_headers(engine: Engine, node: ast.FunctionDef | ast.AsyncFunctionDef) -> frozenset[str]:
    """What the framework adds to this function's responses: as a method of a view class
    (a DRF APIView's Allow), as a decorated view (@api_view), or as its enclosing view's."""
    ctx = engine.ctx
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


def _project_origins(engine: Engine, base: ast.expr) -> frozenset[str]:
    """For a base defined in another module of the project: the framework classes it
    derives from."""
    if engine.project is None or not isinstance(base, ast.Name | ast.Attribute):
        return frozenset()
    key = engine.collector.base_key(base, engine.ctx.imports)
    solved = engine.project.solved
    if key is None or solved.resolve(key) not in solved.classes:
        return frozenset()
    return solved.external_bases(key)


def _project_base(engine: Engine, base: ast.expr, scope: Scope) -> Views | None:
    """A base defined in another module of the project: whether it is a view class. The
    framework packages it derives from count as imported (Django's test assertions in a
    test module that only imports the project's `BaseTestCase`)."""
    if engine.project is None or not isinstance(base, ast.Name | ast.Attribute):
        return None
    key = engine.collector.base_key(base, engine.ctx.imports, depth=2)
    solved = engine.project.solved
    if key is None or solved.resolve(key) not in solved.classes:
        return None
    scope.packages |= solved.framework_packages(key) - engine.ctx.packages
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


def _status_attribute_of(engine: Engine, base: ast.expr) -> str | None:
    if isinstance(base, ast.Name) and base.id in engine.ctx.status_classes:
        return engine.ctx.status_classes[base.id]
    name = engine.ctx.qualname(base)
    if name is None:
        return None
    module, _, cls = name.rpartition(".")
    found = frameworks.STATUS_CLASS_MODULES.get(module)
    if found is None or not cls[:1].isupper():
        return None
    attribute, hint = found
    return attribute if hint in cls else None


def dict_(engine: Engine, node: ast.Dict) -> None:
    """`{"statusCode": 404, "body": ...}`, `{"type": "http.response.start", "status": 200}`."""
    for index, key in enumerate(node.keys):
        if type(key) is not ast.Constant or type(key.value) is not str:
            continue
        rows = frameworks.DICT_KEYS.get(key.value)
        if rows is None:
            continue
        for row, packages in rows:
            if packages and packages.isdisjoint(engine.ctx.packages):
                continue
            if row.requires is not None and not _has_item(node, *row.requires):
                continue
            body = _item(node, row.body) if row.body is not None else None
            value_site(engine, Where.DICT_KEY, node.values[index], row.sink, body=body)
            break


def bin_op(engine: Engine, node: ast.BinOp) -> None:
    """respx's `route % 404`."""
    if type(node.op) is not ast.Mod or not frameworks.MODULO:
        return
    for packages, sink in frameworks.MODULO:
        if not packages.isdisjoint(engine.ctx.packages) and isinstance(
            node.left, ast.Call | ast.Attribute | ast.Name
        ):
            value_site(engine, Where.CALL, node.right, sink)
            return


def attribute(engine: Engine, node: ast.Attribute) -> None:
    if not engine.rules.constants:
        return
    value = node.value
    if type(value) is ast.Name:
        holder = engine.ctx.imports.get(value.id)
    elif type(value) is ast.Attribute and value.attr in _HOLDER_LAST_NAMES:
        holder = engine.ctx.qualname(value)  # `x.y.attr` only where a holder's name ends in `y`
    else:
        return
    if holder is None:
        return
    style = HOLDERS.get(holder)
    if style is None:
        return
    engine.ctx.style_uses[style] += 1
    for rule in engine.rules.constants:
        engine.report(rule(engine.ctx, node, style, node.attr))


def _item(node: ast.Dict, name: str) -> ast.expr | None:
    for key, value in zip(node.keys, node.values, strict=True):
        if isinstance(key, ast.Constant) and key.value == name:
            return value
    return None


def _has_item(node: ast.Dict, name: str, expected: str) -> bool:
    value = _item(node, name)
    return isinstance(value, ast.Constant) and value.value == expected
