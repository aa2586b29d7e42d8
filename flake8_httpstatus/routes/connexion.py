"""Connexion's routes: the operations of the OpenAPI document an app's `add_api` names, each
handled by the function its `operationId` names."""

from __future__ import annotations

import ast
import posixpath
from pathlib import Path, PurePosixPath

from flake8_httpstatus.knowledge.api_docs import (
    CONNEXION_ADD_API,
    CONNEXION_APPS,
    CONNEXION_SPECIFICATION_DIR,
    CONNEXION_VALIDATION_STATUS,
)
from flake8_httpstatus.knowledge.routing import ImplicitStatus
from flake8_httpstatus.routes.model import Documented, Implicit, Route, Sent
from flake8_httpstatus.routes.openapi import Document, OpenAPIError, Operation, joined, read
from flake8_httpstatus.routes.sends import Sends, label
from flake8_httpstatus.routes.source import Module, Source, is_test_file, keyword

# As Flask's rows: what the app answers by itself; 400 where the document gives the operation
# parameters or a body to validate.
_ALWAYS = (
    ImplicitStatus(405, "method not allowed"),
    ImplicitStatus(500, "unhandled exception"),
)
_VALIDATION = ImplicitStatus(CONNEXION_VALIDATION_STATUS, "request validation")


class ConnexionRoutes:
    def __init__(self, source: Source, sends: Sends) -> None:
        self.source = source
        self.sends = sends
        self.documents: list[str] = []

    def routes(self) -> list[Route]:
        found: list[Route] = []
        for module in self.source.modules.values():
            if is_test_file(module.path):
                continue
            apps = self._apps(module)
            for node in ast.walk(module.tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == CONNEXION_ADD_API
                    and isinstance(node.func.value, ast.Name)
                    and node.func.value.id in apps
                ):
                    found += self._api(module, apps[node.func.value.id], node)
        # Two apps given the same document (a module's and a `main()`'s): its routes once.
        unique = {(route.methods, route.path, route.handler): route for route in found}
        return list(unique.values())

    def _apps(self, module: Module) -> dict[str, str]:
        """The names bound to a Connexion app in the module, with its `specification_dir`."""
        apps: dict[str, str] = {}
        for node in ast.walk(module.tree):
            if (
                isinstance(node, ast.Assign)
                and len(node.targets) == 1
                and isinstance(node.targets[0], ast.Name)
                and isinstance(node.value, ast.Call)
            ):
                qualified = self.source.qualified(module, node.value.func)
                if qualified is not None and qualified in CONNEXION_APPS:
                    given = keyword(node.value, CONNEXION_SPECIFICATION_DIR)
                    folder = self.source.string(module, given) if given is not None else ""
                    apps[node.targets[0].id] = folder or ""
        return apps

    def _api(self, module: Module, folder: str, call: ast.Call) -> list[Route]:
        name = self.source.string(module, keyword(call, "specification", 0))
        if name is None:
            return []
        # The document is relative to the app's `specification_dir`, itself relative to the
        # module's folder (the app's `__name__`).
        shown = posixpath.normpath((PurePosixPath(module.path).parent / folder / name).as_posix())
        try:
            found = read(Path(self.source.root) / shown, shown, Path(self.source.root))
        except OpenAPIError as error:
            self.source.errors.append(str(error))
            return []
        if shown not in self.documents:
            self.documents.append(shown)
        given = self.source.string(module, keyword(call, "base_path"))
        base = given.rstrip("/") if given is not None else found.base
        return [self._route(found, base, operation) for operation in found.operations]

    def _route(self, found: Document, base: str, operation: Operation) -> Route:
        identifier = operation.operation_id or ""
        if operation.controller and identifier:
            identifier = f"{operation.controller}.{identifier}"
        located = self.source.function(identifier) if identifier else None
        if located is not None:
            target, local, function = located
            handler, file, line = label(target, local), target.path, function.lineno
            sends = self.sends.of(f"{target.name}.{local}")
        else:
            handler, file, line, sends = identifier, found.file, operation.line, []
        implicit = [*_ALWAYS, *([_VALIDATION] if operation.has_input else [])]
        return Route(
            "connexion",
            (operation.method,),
            joined(base, operation.path) if base else operation.path,
            "",
            handler,
            file,
            line,
            sorted({Sent(200, found.file, operation.line, "default"), *sends}),
            sorted({Implicit(entry.status, entry.reason) for entry in implicit}),
            sorted({Documented(status, found.file, at) for status, at in operation.statuses}),
        )
