"""Which named constant a message suggests, spelled the way the file can use it.

The style is the one the file already uses, else its framework's, else the stdlib's; the
spelling reuses the file's own imports, and falls back to the stdlib where the style's name is
rebound in the finding's scope (`status = request.GET["status"]` is common).
"""

from __future__ import annotations

import ast
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from flake8_httpstatus.core.findings import ImportSpec
from flake8_httpstatus.knowledge.registry import (
    MODULES,
    VersionRange,
    constant_for,
    depends_on_version,
)

_FRAMEWORK_MODULES = ("drf", "fastapi", "starlette", "litestar")
# The module each style's constants are imported from, and the name of that module.
_MODULES = {
    "stdlib": ("http", "HTTPStatus"),
    "drf": ("rest_framework", "status"),
    "starlette": ("starlette", "status"),
    "fastapi": ("fastapi", "status"),
    "litestar": ("litestar", "status_codes"),
}
# A framework the file imports, and the style it implies, in order of preference.
_FRAMEWORK_STYLES = (
    ("rest_framework", "drf"),
    ("fastapi", "fastapi"),
    ("litestar", "litestar"),
    ("starlette", "starlette"),
)
# Packages that make up one framework: a file that imports more than one family mixes
# frameworks, and only the stdlib's constants suit all of them.
_FAMILIES = {
    "django": "django",
    "rest_framework": "django",
    "fastapi": "starlette",
    "starlette": "starlette",
    "litestar": "litestar",
    "flask": "flask",
    "quart": "flask",
    "werkzeug": "flask",
    "aiohttp": "aiohttp",
    "tornado": "tornado",
    "sanic": "sanic",
    "falcon": "falcon",
    "pyramid": "pyramid",
    "webob": "pyramid",
}
HOLDER_LABELS = {
    "stdlib": "HTTPStatus",
    "drf": "rest_framework.status",
    "starlette": "starlette.status",
    "fastapi": "fastapi.status",
    "litestar": "litestar.status_codes",
}


@dataclass(frozen=True)
class Suggestion:
    text: str
    needs: ImportSpec | None
    # Where the library version that decided the name came from, when the name depends on it
    # (`starlette 0.46.2 from uv.lock`).
    note: str = ""


class ConstantNamer:
    """Chooses and spells constants for one file, given its imports and bindings."""

    def __init__(
        self,
        style: str,
        imports: Mapping[str, str],
        packages: set[str],
        style_uses: Counter[str],
        versions: Mapping[str, VersionRange],
    ) -> None:
        self.versions = versions
        self.imports = imports
        self._by_target: dict[str, str] = {}
        for local, target in imports.items():
            self._by_target.setdefault(target, local)
        self.style = style if style != "auto" else _auto_style(packages, style_uses)

    @property
    def holder(self) -> str:
        return HOLDER_LABELS[self.style]

    def suggest(
        self, code: int, shadowed: Sequence[set[str]], spelling: str = ""
    ) -> Suggestion | None:
        """The constant for `code`, spelled so that it works in a scope whose enclosing
        scopes bind the names in `shadowed`; None when the style has no such constant.

        `spelling` "dotted" refuses a bare name (a capture pattern in `case`); "int" makes an
        HTTPStatus member a plain int where the target Python's `str()` of it is not the
        number (before 3.11), as FastAPI does with `responses=` keys.
        """
        constant = constant_for(code, self.style, self.versions)
        if constant is None:
            return None
        spelled = self._spell(self.style, constant.name)
        style = self.style
        usable = not _is_shadowed(spelled.text, shadowed) and (
            spelling != "dotted" or "." in spelled.text
        )
        if not usable and self.style != "stdlib":
            fallback = constant_for(code, "stdlib", self.versions)
            if fallback is not None:
                stdlib = self._spell("stdlib", fallback.name)
                if not _is_shadowed(stdlib.text, shadowed):
                    spelled, style = stdlib, "stdlib"
        if spelling == "int" and spelled.text.count(".") and self._is_enum(spelled.text):
            python = self.versions.get("python")
            if python is None or python.low is None or python.low < (3, 11):
                spelled = Suggestion(f"{spelled.text}.value", spelled.needs)
        return Suggestion(spelled.text, spelled.needs, self._version_note(code, style))

    def _version_note(self, code: int, style: str) -> str:
        """Where the library's range came from, when it decides which of the code's names to
        use (Starlette's 413, 414, 416 and 422); the target Python has its own option."""
        distribution = MODULES[style].version_of
        if distribution == "python" or not depends_on_version(code, style):
            return ""
        allowed = self.versions.get(distribution)
        if allowed is None or not allowed.source:
            return f"{distribution}: no version declared, so a name every supported version has"
        return allowed.describe(distribution)

    def _is_enum(self, text: str) -> bool:
        head = text.partition(".")[0]
        return self.imports.get(head) in {"http.HTTPStatus", "http"} or head == "HTTPStatus"

    def _spell(self, style: str, name: str) -> Suggestion:
        package, module = _MODULES[style]
        holder = (
            "fastapi.status"
            if style == "fastapi"
            else ("http.HTTPStatus" if style == "stdlib" else f"{package}.{module}")
        )
        local = self._by_target.get(holder)
        if style == "stdlib" and local is None:
            local = self._by_target.get("http.client.HTTPStatus")
        if local is not None:
            return Suggestion(f"{local}.{name}", None)
        if style == "stdlib":
            http = self._by_target.get("http")
            if http is not None:
                return Suggestion(f"{http}.HTTPStatus.{name}", None)
        bare = self._by_target.get(f"{holder}.{name}")
        if bare is not None:
            return Suggestion(bare, None)
        uses_bare_names = style == "litestar" or any(
            target.startswith(holder + ".") for target in self._by_target
        )
        if uses_bare_names:
            return Suggestion(name, ImportSpec(holder, name))
        return Suggestion(f"{module}.{name}", ImportSpec(package, module))


def runtime_imports(body: Sequence[ast.stmt]) -> dict[str, str]:
    """The names the module's own top-level imports bind when it runs: not those under
    `if TYPE_CHECKING:` (absent at run time) nor those inside functions (absent elsewhere); a
    constant spelled through any other import would be an undefined name."""
    found: dict[str, str] = {}
    for statement in body:
        if isinstance(statement, ast.Import):
            for alias in statement.names:
                head = alias.name.partition(".")[0]
                found[alias.asname or head] = alias.name if alias.asname else head
        elif isinstance(statement, ast.ImportFrom) and not statement.level and statement.module:
            for alias in statement.names:
                if alias.name != "*":
                    found[alias.asname or alias.name] = f"{statement.module}.{alias.name}"
        elif isinstance(statement, ast.If) and not _type_checking(statement.test):
            found.update(runtime_imports(statement.body))
            found.update(runtime_imports(statement.orelse))
        elif isinstance(statement, ast.Try):
            for block in (statement.body, *(h.body for h in statement.handlers), statement.orelse):
                found.update(runtime_imports(block))
    return found


def _type_checking(test: ast.expr) -> bool:
    name = test.attr if isinstance(test, ast.Attribute) else getattr(test, "id", None)
    return name == "TYPE_CHECKING"


def _is_shadowed(text: str, shadowed: Sequence[set[str]]) -> bool:
    head = text.partition(".")[0]
    return any(head in bound for bound in shadowed)


def _auto_style(packages: set[str], style_uses: Counter[str]) -> str:
    # A framework's status module the file uses wins over HTTPStatus; among several, the most used.
    used = [(count, style) for style, count in style_uses.items() if style in _FRAMEWORK_MODULES]
    if used:
        return max(used, key=lambda item: item[0])[1]
    if style_uses["stdlib"]:
        return "stdlib"
    if len({_FAMILIES[package] for package in packages if package in _FAMILIES}) > 1:
        return "stdlib"
    for package, style in _FRAMEWORK_STYLES:
        if package in packages:
            return style
    return "stdlib"
