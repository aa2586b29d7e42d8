"""Which named constant a message suggests, spelled the way the file can use it.

The style is the one the file already uses, else its framework's, else the stdlib's; the
spelling reuses the file's own imports, and falls back to the stdlib (then to the stdlib under an
alias) where the style's name means something else where it would be written (`status =
request.GET["status"]` is common; see bindings.py). Whether the fix is safe is decided here too:
the framework constants are plain ints; an `HTTPStatus` member is safe only where the value
goes is known to make it an int.
"""

from __future__ import annotations

import ast
import re
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from flake8_httpstatus.analysis.bindings import Bindings
from flake8_httpstatus.analysis.sites import HOLDERS, STRICT_HOLDERS
from flake8_httpstatus.core.findings import ImportSpec
from flake8_httpstatus.knowledge.registry import (
    MODULES,
    VersionRange,
    constant_for,
    depends_on_version,
    deprecated_somewhere,
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
    # (`starlette 0.46.2 from uv.lock`), and why there is no fix or only an unsafe one.
    note: str = ""
    # Whether replacing the literal with `text` is a fix at all (no name is shadowed there),
    # and a safe one: the constant is a plain int, or the value goes where it becomes one.
    fixable: bool = True
    safe: bool = True


# The alias a stdlib constant is imported under where `HTTPStatus` means something else.
_STDLIB_ALIAS = "_HTTPStatus"


class ConstantNamer:
    """Chooses and spells constants for one file, given its imports and bindings."""

    def __init__(
        self,
        style: str,
        imports: Mapping[str, str],
        packages: set[str],
        style_uses: Counter[str],
        versions: Mapping[str, VersionRange],
        tree: ast.AST,
        source: str | None = None,
    ) -> None:
        """`source`: the text `tree` was parsed from, when the caller has it."""
        self.versions = versions
        self.imports = imports
        self._by_target: dict[str, list[str]] = {}
        for local, target in imports.items():
            self._by_target.setdefault(target, []).append(local)
        self.style = style if style != "auto" else _auto_style(packages, style_uses)
        self._tree = tree
        self._source = source
        self._bindings: Bindings | None = None
        self._written: dict[str, bool] = {}
        # Suggestions by (code, spelling, kept), for those no binding in the file could change:
        # most findings of a file ask for the same few codes.
        self._suggested: dict[tuple[int, str, str], Suggestion | None] = {}
        self._place_mattered = False

    @property
    def holder(self) -> str:
        return HOLDER_LABELS[self.style]

    def suggest(
        self, code: int, node: ast.AST, spelling: str = "", kept: str = ""
    ) -> Suggestion | None:
        """The constant for `code` written in place of `node` (see `_suggest`)."""
        key = (code, spelling, kept)
        if key in self._suggested:
            return self._suggested[key]
        self._place_mattered = False
        suggestion = self._suggest(code, node, spelling, kept)
        if not self._place_mattered:  # the same wherever it is written
            self._suggested[key] = suggestion
        return suggestion

    def _suggest(self, code: int, node: ast.AST, spelling: str, kept: str) -> Suggestion | None:
        """The constant for `code` written in place of `node`; None when the style has no
        such constant. The first spelling whose name means the intended import there is
        used: the style's, the stdlib's, then the stdlib's under an alias; with none, the
        suggestion is not fixable and says why.

        `spelling` "dotted" refuses a bare name (a capture pattern in `case`); "int" makes an
        HTTPStatus member a plain int where the target Python's `str()` of it is not the
        number (before 3.11), as FastAPI does with `responses=` keys. `kept` says why an
        `HTTPStatus` member would stay an enum object where the value goes ("" where it is
        made an int): the fix is then unsafe, the literal kept by the safe fixes.
        """
        constant = constant_for(code, self.style, self.versions)
        if constant is None:
            return None
        deprecated = deprecated_somewhere(constant, self.versions)
        candidates = [
            (self.style, s) for s in self._spellings(self.style, constant.name) if not deprecated
        ]
        if self.style != "stdlib":
            fallback = constant_for(code, "stdlib", self.versions)
            if fallback is not None:
                candidates.extend(("stdlib", s) for s in self._spellings("stdlib", fallback.name))
        conflict = ""
        for style, spelled in candidates:
            if spelling == "dotted" and "." not in spelled.text:
                continue
            shadowed = self._conflict(spelled, node)
            if shadowed:
                conflict = conflict or shadowed
                continue
            text, plain = spelled.text, style != "stdlib"
            if spelling == "int" and not plain:
                python = self.versions.get("python")
                if python is None or python.low is None or python.low < (3, 11):
                    text, plain = f"{text}.value", True
            notes = [
                self._deprecation_note(constant.name)
                if deprecated
                else self._version_note(code, style)
            ]
            safe = plain or not kept
            if not safe:
                notes.append(
                    f"unsafe fix: {kept}; an HTTPStatus member's repr(), and str() before "
                    "3.11, show its name"
                )
            return Suggestion(text, spelled.needs, _joined(notes), safe=safe)
        why = conflict or self._deprecation_note(constant.name)
        return Suggestion(
            candidates[0][1].text if candidates else constant.name,
            None,
            _joined([self._version_note(code, self.style), f"no fix: {why}"]),
            fixable=False,
        )

    def _conflict(self, spelled: Suggestion, node: ast.AST) -> str:
        """Why the name `spelled` starts with would mean something else in place of `node`."""
        head = spelled.text.partition(".")[0]
        needs = spelled.needs
        if needs is None:
            target = self.imports.get(head, head)
        elif needs.name is None:
            target = needs.module.partition(".")[0]
        else:
            target = f"{needs.module}.{needs.name}"
        if not self._may_bind(head):
            return ""
        self._place_mattered = True
        if self._bindings is None:
            self._bindings = Bindings(self._tree)
        return self._bindings.conflict(head, node, target)

    def _may_bind(self, name: str) -> bool:
        """Whether the module may bind `name` anywhere. Every binding (an import, a parameter,
        an assignment, a def) writes the name, so an ASCII source without it as a word binds
        it nowhere, and the walk of its scopes (bindings.py) is spared; a non-ASCII
        identifier may be a compatibility spelling that Python normalises to it."""
        source = self._source
        if source is None or not source.isascii():
            return True
        written = self._written.get(name)
        if written is None:
            # The substring first: far cheaper, and most names a fix writes are not there.
            written = name in source and _written_as_word(name, source)
            self._written[name] = written
        return written

    def _deprecation_note(self, name: str) -> str:
        """Why the style's name is not written: some allowed version deprecates it."""
        distribution = MODULES[self.style].version_of
        allowed = self.versions.get(distribution)
        if allowed is None or not allowed.source:
            return f"{name} is deprecated in some {distribution} version, none being declared"
        return f"{name} is deprecated in some allowed version: {allowed.describe(distribution)}"

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

    def _spellings(self, style: str, name: str) -> Iterator[Suggestion]:
        """The ways to write the constant, preferred first: through the file's imports, then
        with an import added (for the stdlib, then under an alias)."""
        package, module = _MODULES[style]
        holder = (
            "fastapi.status"
            if style == "fastapi"
            else ("http.HTTPStatus" if style == "stdlib" else f"{package}.{module}")
        )
        # The holder, then others holding the same names alone (`rest_framework.views.status`).
        holders = [
            holder,
            *sorted(h for h in STRICT_HOLDERS if HOLDERS[h] == style and h != holder),
        ]
        for target in holders:
            for local in self._by_target.get(target, ()):
                yield Suggestion(f"{local}.{name}", None)
        if style == "stdlib":
            for http in self._by_target.get("http", ()):
                yield Suggestion(f"{http}.HTTPStatus.{name}", None)
        for bare in self._by_target.get(f"{holder}.{name}", ()):
            yield Suggestion(bare, None)
        uses_bare_names = style == "litestar" or any(
            target.startswith(holder + ".") for target in self._by_target
        )
        if uses_bare_names:
            yield Suggestion(name, ImportSpec(holder, name))
        else:
            yield Suggestion(f"{module}.{name}", ImportSpec(package, module))
        if style == "stdlib":
            yield Suggestion(f"{_STDLIB_ALIAS}.{name}", ImportSpec(package, module, _STDLIB_ALIAS))


def _written_as_word(name: str, source: str) -> bool:
    """Whether identifier `name` is a word of ASCII `source` (`\\bname\\b`). The pattern starts
    with the name, so the regex engine skips to each occurrence instead of trying a word
    boundary at every position (`status` in a test file is mostly `status_code`, rejected by
    the boundary after it); the one before is checked here."""
    for found in re.finditer(rf"{re.escape(name)}\b", source):
        start = found.start()
        if start == 0 or not (source[start - 1].isalnum() or source[start - 1] == "_"):
            return True
    return False


def _joined(notes: Sequence[str]) -> str:
    return "; ".join(note for note in notes if note)


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
