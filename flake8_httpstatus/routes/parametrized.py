"""pytest parametrize tables in tests: a test taking its URL and expected status from the same
row is read once per row, each argument's name standing for that row's value, so a row's URL
and status are matched together. Stacked tables give every combination, as pytest does."""

from __future__ import annotations

import ast
import itertools

from flake8_httpstatus.routes.source import Function, Module, Source, keyword

_PARAMETRIZE = "mark.parametrize"
# A row given as `pytest.param(*values, id=...)`.
_PARAM = "param"


def rows(source: Source, module: Module, function: Function) -> list[dict[str, ast.expr]]:
    """The test's argument values once per combination of its parametrize rows, by name (one
    empty row when it has no table, or a table cannot be read)."""
    tables = []
    for decorator in function.decorator_list:
        if isinstance(decorator, ast.Call) and ast.unparse(decorator.func).endswith(_PARAMETRIZE):
            table = _table(source, module, decorator)
            if table is None:
                return [{}]
            tables.append(table)
    return [
        {name: value for row in combination for name, value in row.items()}
        for combination in itertools.product(*tables)
    ]


def _table(source: Source, module: Module, call: ast.Call) -> list[dict[str, ast.expr]] | None:
    """The rows of one `parametrize(names, values)`, each as its names' values."""
    names_node, values_node = keyword(call, "argnames", 0), keyword(call, "argvalues", 1)
    names = _names(names_node)
    if isinstance(values_node, ast.Name):
        located = source.constant(module, values_node)
        values_node = located[1] if located is not None else None
    if names is None or not isinstance(values_node, (ast.List, ast.Tuple)):
        return None
    rows: list[dict[str, ast.expr]] = []
    for item in values_node.elts:
        if (
            isinstance(item, ast.Call)
            and isinstance(item.func, ast.Attribute)
            and item.func.attr == _PARAM
        ):
            values = list(item.args)
        elif len(names) == 1:
            values = [item]
        elif isinstance(item, (ast.Tuple, ast.List)):
            values = list(item.elts)
        else:
            return None
        if len(values) != len(names) or any(isinstance(v, ast.Starred) for v in values):
            return None
        rows.append(dict(zip(names, values, strict=True)))
    return rows


def _names(node: ast.expr | None) -> list[str] | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [name.strip() for name in node.value.split(",") if name.strip()]
    if isinstance(node, (ast.List, ast.Tuple)):
        names = [item.value for item in node.elts if isinstance(item, ast.Constant)]
        if len(names) == len(node.elts) and all(isinstance(name, str) for name in names):
            return [str(name) for name in names]
    return None
