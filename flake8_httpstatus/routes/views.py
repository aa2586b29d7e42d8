"""What a route's view expression names: a function, or a class whose methods answer the
HTTP methods (`MethodView.as_view("users")`, a `Resource`, an `HTTPEndpoint`, a Falcon
resource instance), each method a handler of its own."""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

from flake8_httpstatus.knowledge.routing import HTTP_METHODS, Framework
from flake8_httpstatus.routes.source import Function, Module, Source, keyword


@dataclass(frozen=True)
class View:
    """One handler of a route. `methods`: those it answers when the view says (a class's
    method); None when the route's declaration says. `name`: the route's default name when
    the view gives one (`as_view("users")`, the class's name)."""

    module: Module
    local: str
    function: Function
    methods: tuple[str, ...] | None = None
    name: str | None = None


def views(
    source: Source,
    framework: Framework,
    module: Module,
    node: ast.expr,
    suffix: str = "",
    depth: int = 0,
) -> list[View]:
    """The handlers a view expression names; empty when it names nothing of the project."""
    name: str | None = None
    target = node
    if isinstance(node, ast.Call):
        target = node.func
        if isinstance(target, ast.Attribute) and target.attr == "as_view":
            target = target.value
            given = keyword(node, "name", 0)
            name = source.string(module, given) if given is not None else None
    qualified = source.qualified(module, target)
    if qualified is None:
        return []
    constant = source.constant(module, target) if target is node else None
    if constant is not None and isinstance(constant[1], ast.Call) and depth < 3:
        # `items = ItemResource()` at a module's top, then `add_route("/items", items)`.
        return views(source, framework, constant[0], constant[1], suffix, depth + 1)
    located = source.class_(qualified)
    if located is not None:
        return _class_views(
            source, framework, qualified, name or _class_name(framework, located[1].name), suffix
        )
    function = source.function(qualified)
    if function is None or (isinstance(node, ast.Call) and name is None):
        return []
    return [View(function[0], function[1], function[2])]


def _class_views(
    source: Source, framework: Framework, cls: str, name: str | None, suffix: str
) -> list[View]:
    found: list[View] = []
    for method in HTTP_METHODS:
        responder = framework.responder.format(method=method) + (f"_{suffix}" if suffix else "")
        for base in source.bases(cls):
            located = source.function(f"{base}.{responder}")
            if located is not None:
                found.append(View(located[0], located[1], located[2], (method.upper(),), name))
                break
    return found


def _class_name(framework: Framework, name: str) -> str | None:
    if framework.default_name == "none":
        return None
    if framework.class_name == "lower":
        return name.lower()
    if framework.class_name == "snake":
        return re.sub(
            r"([a-z0-9])([A-Z])", r"\1_\2", re.sub(r"(.)([A-Z][a-z]+)", r"\1_\2", name)
        ).lower()
    return name
