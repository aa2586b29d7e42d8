"""What a DRF view's permission classes send: 403 when one of them refuses, and 401 when the
request is unauthenticated and the view's first authentication class gives a `WWW-Authenticate`
header (DRF turns its `NotAuthenticated` into 403 otherwise). The classes are the view's
(`permission_classes = [...]`, `@permission_classes([...])` on an `@api_view`), else the
settings' `REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"]`, else DRF's default (`AllowAny`)."""

from __future__ import annotations

import ast
from dataclasses import dataclass

from flake8_httpstatus.knowledge.routing import (
    DRF_ALLOW_ANY,
    DRF_AUTHENTICATE_HEADER,
    DRF_AUTHENTICATION_DECORATOR,
    DRF_DEFAULT_AUTHENTICATION,
    DRF_NOT_AUTHENTICATED,
    DRF_PERMISSION_DECORATOR,
    DRF_PERMISSION_DENIED,
)
from flake8_httpstatus.routes.model import Sent
from flake8_httpstatus.routes.source import Function, Module, Source, is_test_file


@dataclass(frozen=True)
class _Classes:
    """A list of classes as written: each class's qualified name, and the list's file and line."""

    names: tuple[str, ...]
    file: str
    line: int


class Permissions:
    def __init__(self, source: Source) -> None:
        self.source = source
        settings = self._settings()
        self.default_permissions = _setting(source, settings, "DEFAULT_PERMISSION_CLASSES")
        self.default_authentication = _setting(source, settings, "DEFAULT_AUTHENTICATION_CLASSES")

    def of_class(self, cls: str) -> list[Sent]:
        """A class view's or viewset's (a DRF one: a base from `rest_framework`)."""
        chain = self.source.bases(cls)
        if not any(base.startswith("rest_framework.") for base in chain):
            return []
        return self._sends(
            self._attribute(chain, "permission_classes"),
            self._attribute(chain, "authentication_classes"),
        )

    def of_function(self, module: Module, function: Function, api_view: bool) -> list[Sent]:
        """An `@api_view` function's, with its `@permission_classes(...)` and
        `@authentication_classes(...)`."""
        if not api_view:
            return []
        return self._sends(
            self._decorator(module, function, DRF_PERMISSION_DECORATOR),
            self._decorator(module, function, DRF_AUTHENTICATION_DECORATOR),
        )

    def _sends(self, permissions: _Classes | None, authentication: _Classes | None) -> list[Sent]:
        permissions = permissions or self.default_permissions
        if permissions is None:
            return []  # DRF's default: AllowAny
        refusing = [name for name in permissions.names if name not in DRF_ALLOW_ANY]
        if not refusing:
            return []
        via = self._label(refusing[0])
        found = [Sent(DRF_PERMISSION_DENIED, permissions.file, permissions.line, via)]
        authenticators = authentication or self.default_authentication
        first = authenticators.names[:1] if authenticators else DRF_DEFAULT_AUTHENTICATION[:1]
        if first and self._gives_header(first[0]):
            found.append(Sent(DRF_NOT_AUTHENTICATED, permissions.file, permissions.line, via))
        return found

    def _gives_header(self, cls: str) -> bool:
        """Whether an authentication class's `authenticate_header` gives a header: a DRF class
        known to, or a project class defining it (or deriving from such a class)."""
        for base in self.source.bases(cls):
            if base in DRF_AUTHENTICATE_HEADER or (
                self.source.function(f"{base}.authenticate_header") is not None
            ):
                return True
        return False

    def _label(self, name: str) -> str:
        located = self.source.class_(name)
        if located is not None:
            return f"{located[0].name}:{located[1].name}"
        module, _, local = name.rpartition(".")
        return f"{module}:{local}"

    def _attribute(self, chain: list[str], attribute: str) -> _Classes | None:
        for base in chain:
            located = self.source.class_(base)
            if located is None:
                continue
            module, node = located
            for statement in node.body:
                if (
                    isinstance(statement, ast.Assign)
                    and isinstance(statement.targets[0], ast.Name)
                    and statement.targets[0].id == attribute
                ):
                    return self._listed(module, statement.value)
        return None

    def _decorator(
        self, module: Module, function: Function, names: frozenset[str]
    ) -> _Classes | None:
        for decorator in function.decorator_list:
            if (
                isinstance(decorator, ast.Call)
                and decorator.args
                and self.source.qualified(module, decorator.func) in names
            ):
                return self._listed(module, decorator.args[0])
        return None

    def _listed(self, module: Module, node: ast.expr) -> _Classes:
        """`[IsAuthenticated, IsOwner]`, a tuple, or a module constant holding one; an
        operator's composition (`IsAuthenticated | IsAdminUser`) counts as its first class. A list
        not read whole is taken as empty: nothing is guessed."""
        if isinstance(node, (ast.Name, ast.Attribute)):
            located = self.source.constant(module, node)
            if located is not None and located[1] is not node:
                return self._listed(*located)
        if not isinstance(node, (ast.List, ast.Tuple)):
            return _Classes((), module.path, node.lineno)  # not read: nothing is guessed
        names = []
        for item in node.elts:
            first = next(
                (inner for inner in ast.walk(item) if isinstance(inner, (ast.Name, ast.Attribute))),
                None,
            )
            qualified = self.source.qualified(module, first) if first is not None else None
            if qualified is None:
                return _Classes((), module.path, node.lineno)
            names.append(self.source.resolve(qualified))
        return _Classes(tuple(names), module.path, node.lineno)

    def _settings(self) -> tuple[Module, ast.Dict] | None:
        """The first settings module (by name) with a literal `REST_FRAMEWORK = {...}`."""
        for _, module in sorted(self.source.modules.items()):
            value = module.assignments.get("REST_FRAMEWORK")
            if isinstance(value, ast.Dict) and not is_test_file(module.path):
                return module, value
        return None


def _setting(source: Source, settings: tuple[Module, ast.Dict] | None, key: str) -> _Classes | None:
    """A settings entry listing classes by dotted path (`"rest_framework.permissions.X"`)."""
    if settings is None:
        return None
    module, mapping = settings
    for name, value in zip(mapping.keys, mapping.values, strict=True):
        if name is None or source.string(module, name) != key:
            continue
        if not isinstance(value, (ast.List, ast.Tuple)):
            return None
        paths = [source.string(module, item) for item in value.elts]
        if not all(paths):
            return None
        return _Classes(
            tuple(source.resolve(path) for path in paths if path), module.path, value.lineno
        )
    return None
