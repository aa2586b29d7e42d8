"""The project's modules as the route map reads them: parsed once (never imported), with each
module's imports, functions, classes and top-level assignments, and names resolved across
modules through imports and re-exports."""

from __future__ import annotations

import ast
import os
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from flake8_httpstatus.knowledge import frameworks
from flake8_httpstatus.knowledge.registry import code_of
from flake8_httpstatus.project.index import _python_files, module_of

Function = ast.FunctionDef | ast.AsyncFunctionDef
# The project's tests: where the map looks for requests, not for routes.
_TEST_FILE = re.compile(
    r"(^|/)(tests?/|test_[^/]*\.py$|[^/]*_tests?\.py$|tests\.py$|conftest\.py$)"
)


# What something read from a project was computed from: each module's (path, mtime, size).
Stamp = tuple[tuple[str, int, int], ...]


def files_stamp(root: Path) -> Stamp:
    """The project's modules as they are on disk now, to tell whether what was read from them
    is still current (a long-lived server)."""
    found = []
    for relative, path in _python_files(root) or ():
        try:
            status = os.stat(path)
        except OSError:
            continue
        found.append((relative, status.st_mtime_ns, status.st_size))
    return tuple(found)


def is_test_file(path: str) -> bool:
    return bool(_TEST_FILE.search(path))


@dataclass
class Module:
    name: str
    path: str  # relative to the project root, with `/`
    tree: ast.Module
    package: str
    imports: dict[str, str] = field(default_factory=dict)
    functions: dict[str, Function] = field(default_factory=dict)
    classes: dict[str, ast.ClassDef] = field(default_factory=dict)
    assignments: dict[str, ast.expr] = field(default_factory=dict)
    # Modules imported with `from x import *`.
    stars: list[str] = field(default_factory=list)

    def defines(self, name: str) -> bool:
        return name in self.functions or name in self.classes or name in self.assignments


def _relative_import(package: str, level: int, module: str | None) -> str:
    parts = package.split(".") if package else []
    if level > 1:
        parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, module] if module else parts)


def _read_module(name: str, is_package: bool, relative: str, tree: ast.Module) -> Module:
    package = name if is_package else name.rpartition(".")[0]
    module = Module(name, relative, tree, package)
    unconditional: set[str] = set()

    def top(body: list[ast.stmt], nested: bool = False) -> None:
        """`nested`: a block under `if`/`try`, whose bindings do not replace the top level's
        (`prefix = ""`, then `if setting: prefix = ...`: the map reads the default)."""
        for statement in body:
            if isinstance(statement, ast.Import):
                for alias in statement.names:
                    head = alias.name.partition(".")[0]
                    module.imports[alias.asname or head] = alias.name if alias.asname else head
            elif isinstance(statement, ast.ImportFrom):
                source = (
                    _relative_import(package, statement.level, statement.module)
                    if statement.level
                    else statement.module or ""
                )
                for alias in statement.names:
                    if alias.name == "*":
                        module.stars.append(source)
                    else:
                        module.imports[alias.asname or alias.name] = f"{source}.{alias.name}"
            elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)):
                module.functions[statement.name] = statement
            elif isinstance(statement, ast.ClassDef):
                module.classes[statement.name] = statement
                for item in statement.body:
                    if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        module.functions[f"{statement.name}.{item.name}"] = item
            elif isinstance(statement, (ast.Assign, ast.AnnAssign)):
                target = (
                    statement.targets[0] if isinstance(statement, ast.Assign) else statement.target
                )
                bound = not nested or target_name(target) not in unconditional
                if isinstance(target, ast.Name) and statement.value is not None and bound:
                    module.assignments[target.id] = statement.value
                    if not nested:
                        unconditional.add(target.id)
            elif isinstance(statement, ast.If):
                top(statement.body, True)
                top(statement.orelse, True)
            elif isinstance(statement, ast.Try):
                top(statement.body, True)
                for handler in statement.handlers:
                    top(handler.body, True)

    top(tree.body)
    return module


class Source:
    """Every module under a root, parsed; `errors` lists the files that did not parse. `texts`
    replaces files' contents on disk by path (relative to the root, with `/`): a fixed text
    not yet written."""

    def __init__(self, root: Path, texts: Mapping[str, str] | None = None) -> None:
        self.root = root
        self.modules: dict[str, Module] = {}
        self.errors: list[str] = []
        # Each function's own imports, read once: by (module, function), name -> qualified.
        self._local_imports: dict[tuple[str, str], dict[str, str]] = {}
        texts = texts or {}
        for relative, path in _python_files(root) or ():
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    text = texts.get(relative)
                    tree = ast.parse(Path(path).read_bytes() if text is None else text, path)
            except (SyntaxError, ValueError, RecursionError, MemoryError, OSError) as error:
                self.errors.append(f"{relative}: {type(error).__name__}")
                continue
            name, is_package = module_of(Path(path), root)
            self.modules.setdefault(name, _read_module(name, is_package, relative, tree))

    # -- names ----------------------------------------------------------------------------------
    def qualified(self, module: Module, node: ast.expr) -> str | None:
        """A dotted expression as a qualified name, through the module's imports
        (`status.HTTP_404_NOT_FOUND` -> `fastapi.status.HTTP_404_NOT_FOUND`); a name the
        module defines is `module.name`."""
        parts: list[str] = []
        while isinstance(node, ast.Attribute):
            parts.append(node.attr)
            node = node.value
        if not isinstance(node, ast.Name):
            return None
        head = module.imports.get(node.id)
        if head is None and (module.defines(node.id) or module.stars):
            head = f"{module.name}.{node.id}"
        elif head is None:
            head = node.id  # a builtin, or a name bound in a function
        return ".".join([head, *reversed(parts)])

    def imported_in(self, module: Module, scope: str, name: str) -> str | None:
        """The qualified name a function's own import binds (`from CTFd.admin import admin`
        in `create_app`), or None."""
        function = module.functions.get(scope) if scope else None
        if function is None:
            return None
        key = (module.name, scope)
        if key not in self._local_imports:
            found: dict[str, str] = {}
            for node in statements(function.body):
                if isinstance(node, ast.ImportFrom):
                    source = (
                        _relative_import(module.package, node.level, node.module)
                        if node.level
                        else node.module or ""
                    )
                    for alias in node.names:
                        found[alias.asname or alias.name] = f"{source}.{alias.name}"
                elif isinstance(node, ast.Import):
                    for alias in node.names:
                        head = alias.name.partition(".")[0]
                        found[alias.asname or head] = alias.name if alias.asname else head
            self._local_imports[key] = found
        return self._local_imports[key].get(name)

    def resolve(self, name: str) -> str:
        """Where a project name is defined, following imports and re-exports."""
        for _ in range(10):  # re-export chains are short; a cycle must not hang
            module_name, _, attr = name.rpartition(".")
            module = self.modules.get(module_name)
            if module is None:
                # `pkg.mod.Class.method`: resolve the owner.
                head, _, rest = module_name.rpartition(".")
                owner = self.modules.get(head)
                if owner is not None and rest in owner.imports:
                    name = f"{owner.imports[rest]}.{attr}"
                    continue
                return name
            if attr in module.imports and not module.defines(attr):
                name = module.imports[attr]
                continue
            star = next(
                (
                    star
                    for star in module.stars
                    if star in self.modules
                    and (self.modules[star].defines(attr) or attr in self.modules[star].imports)
                ),
                None,
            )
            if star is not None and not module.defines(attr):
                name = f"{star}.{attr}"
                continue
            if module.stars and not module.defines(attr) and attr not in module.imports:
                return attr  # not from the project: a builtin, or from a library's `*`
            return name
        return name

    def function(self, name: str) -> tuple[Module, str, Function] | None:
        """The project function or method a qualified name resolves to."""
        name = self.resolve(name)
        for cut in (1, 2):
            parts = name.rsplit(".", cut)
            if len(parts) != cut + 1:
                continue
            module = self.modules.get(parts[0])
            local = ".".join(parts[1:])
            if module is not None and local in module.functions:
                return module, local, module.functions[local]
        return None

    def class_(self, name: str) -> tuple[Module, ast.ClassDef] | None:
        name = self.resolve(name)
        module_name, _, local = name.rpartition(".")
        module = self.modules.get(module_name)
        if module is not None and local in module.classes:
            return module, module.classes[local]
        return None

    def bases(self, name: str) -> list[str]:
        """A class's bases, own and inherited, as resolved qualified names (the class first)."""
        found: list[str] = []
        queue = [self.resolve(name)]
        while queue:
            current = queue.pop(0)
            if current in found:
                continue
            found.append(current)
            located = self.class_(current)
            if located is not None:
                module, node = located
                for base in node.bases:
                    qualified = self.qualified(module, base)
                    if qualified is not None:
                        queue.append(self.resolve(qualified))
        return found

    def made_class_bases(self, name: str) -> list[str] | None:
        """The bases, own and inherited, of the class a module-level name is bound to by a call
        of a project function that returns a class defined in its body (Polar's `APIRouter =
        get_api_router_class(APIRoute)`); None for any other name."""
        module_name, _, attribute = self.resolve(name).rpartition(".")
        module = self.modules.get(module_name)
        value = module.assignments.get(attribute) if module is not None else None
        if module is None or not isinstance(value, ast.Call):
            return None
        qualified = self.qualified(module, value.func)
        located = self.function(qualified) if qualified is not None else None
        if located is None:
            return None
        target, _, function = located
        classes = {node.name: node for node in ast.walk(function) if isinstance(node, ast.ClassDef)}
        for node in ast.walk(function):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Name):
                made = classes.get(node.value.id)
                if made is not None:
                    bases = [self.qualified(target, base) for base in made.bases]
                    return [
                        found
                        for base in bases
                        if base is not None
                        for found in self.bases(self.resolve(base))
                    ]
        return None

    # -- values ---------------------------------------------------------------------------------
    def status(self, module: Module, node: ast.expr | None) -> int | None:
        """A status written as a literal, a registry constant (`status.HTTP_404_NOT_FOUND`,
        `HTTPStatus.NOT_FOUND`) or a module constant holding one of those."""
        if node is None:
            return None
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return node.value if 100 <= node.value <= 599 else None
        if isinstance(node, ast.Attribute) and node.attr == "value":
            return self.status(module, node.value)
        if isinstance(node, (ast.Name, ast.Attribute)):
            qualified = self.qualified(module, node)
            if qualified is None:
                return None
            holder, _, constant = qualified.rpartition(".")
            style = frameworks.HOLDERS.get(holder)
            if style is not None:
                return code_of(style, constant)
            located = self.constant(module, node)
            if located is not None and located[1] is not node:
                return self.status(*located)
        return None

    def constant(self, module: Module, node: ast.expr) -> tuple[Module, ast.expr] | None:
        """The value a module-level name (here or imported from a project module) is bound to."""
        qualified = self.qualified(module, node)
        if qualified is None:
            return None
        owner_name, _, local = self.resolve(qualified).rpartition(".")
        owner = self.modules.get(owner_name)
        if owner is not None and local in owner.assignments:
            return owner, owner.assignments[local]
        return None

    def string(self, module: Module, node: ast.expr | None) -> str | None:
        """A string literal, or a module constant holding one."""
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return node.value
        if isinstance(node, (ast.Name, ast.Attribute)):
            located = self.constant(module, node)
            return self.string(*located) if located is not None else None
        if isinstance(node, ast.JoinedStr):
            parts: list[str] = []
            for value in node.values:
                inner = value.value if isinstance(value, ast.FormattedValue) else value
                if isinstance(value, ast.FormattedValue) and (
                    value.format_spec or value.conversion != -1
                ):
                    return None
                text = self.string(module, inner)
                if text is None and isinstance(value, ast.FormattedValue):
                    text = self._integer(module, inner)  # `f"/api/{API_VERSION}"`
                if text is None:
                    return None
                parts.append(text)
            return "".join(parts)
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
            left, right = self.string(module, node.left), self.string(module, node.right)
            return left + right if left is not None and right is not None else None
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mod):
            # `r"/api/contents%s" % path_regex`: `%s` filled with strings.
            template = self.string(module, node.left)
            items = node.right.elts if isinstance(node.right, ast.Tuple) else [node.right]
            filled = [self.string(module, item) for item in items]
            if template is None or None in filled or template.count("%") != len(filled):
                return None
            try:
                return template % tuple(filled)
            except (TypeError, ValueError):
                return None
        return None

    def _integer(self, module: Module, node: ast.expr) -> str | None:
        """An integer literal, or a module constant holding one, as its text."""
        if isinstance(node, (ast.Name, ast.Attribute)):
            located = self.constant(module, node)
            node = located[1] if located is not None else node
        if isinstance(node, ast.Constant) and type(node.value) is int:
            return str(node.value)
        return None

    def statuses_of_mapping(
        self, module: Module, node: ast.expr | None
    ) -> list[tuple[int, str, int]]:
        """The statuses a `responses=` dict's keys name, each with the file and line of its key
        (a constant's, where the dict is a module constant, imported or not)."""
        if isinstance(node, ast.Name):
            located = self.constant(module, node)
            return self.statuses_of_mapping(*located) if located is not None else []
        if not isinstance(node, ast.Dict):
            return []
        found: list[tuple[int, str, int]] = []
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                found += self.statuses_of_mapping(module, value)
                continue
            code = self.status(module, key)
            if code is None and isinstance(key, ast.Constant) and isinstance(key.value, str):
                code = int(key.value) if key.value.isdigit() else None
            if code is not None:
                found.append((code, module.path, key.lineno))
        return found

    def whole_mapping(self, module: Module, node: ast.expr, depth: int = 0) -> bool:
        """Whether a `responses=` value is read whole: `None`, or a dict (here or in a module
        constant) whose every key is a status, spreads of such dicts included."""
        if isinstance(node, ast.Constant) and node.value is None:
            return True
        if isinstance(node, ast.Name) and depth < 5:
            located = self.constant(module, node)
            return located is not None and self.whole_mapping(*located, depth + 1)
        if not isinstance(node, ast.Dict):
            return False
        for key, value in zip(node.keys, node.values, strict=True):
            if key is None:
                if not self.whole_mapping(module, value, depth + 1):
                    return False
            elif self.status(module, key) is None and not (
                isinstance(key, ast.Constant) and isinstance(key.value, str) and key.value.isdigit()
            ):
                return False
        return True

    def whole_extra(self, module: Module, node: ast.expr) -> bool:
        """Whether an `openapi_extra=` value is read whole: `None`, or a dict literal whose keys
        are strings, its `"responses"` read whole."""
        if isinstance(node, ast.Constant) and node.value is None:
            return True
        if not isinstance(node, ast.Dict):
            return False
        for key, value in zip(node.keys, node.values, strict=True):
            text = self.string(module, key) if key is not None else None
            if text is None or (text == "responses" and not self.whole_mapping(module, value)):
                return False
        return True

    def statuses_of_extra(
        self, module: Module, node: ast.expr | None
    ) -> list[tuple[int, str, int]]:
        """The statuses an `openapi_extra=` dict's `"responses"` key (a literal, or a module
        constant holding that string) documents."""
        if isinstance(node, ast.Name):
            located = self.constant(module, node)
            return self.statuses_of_extra(*located) if located is not None else []
        if not isinstance(node, ast.Dict):
            return []
        return [
            found
            for key, value in zip(node.keys, node.values, strict=True)
            if key is not None and self.string(module, key) == "responses"
            for found in self.statuses_of_mapping(module, value)
        ]


def statements(body: list[ast.stmt]) -> Iterator[ast.stmt]:
    """A block's statements in order and those of the blocks it holds (`with`, `if`, `for`,
    `try` and its handlers), not of the functions or classes it defines."""
    for statement in body:
        yield statement
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        for name in ("body", "orelse", "finalbody"):
            block = getattr(statement, name, None)
            if isinstance(block, list):
                yield from statements([item for item in block if isinstance(item, ast.stmt)])
        for handler in getattr(statement, "handlers", ()):
            yield from statements(handler.body)


def target_name(target: ast.expr) -> str | None:
    return target.id if isinstance(target, ast.Name) else None


def keyword(call: ast.Call, name: str | None, position: int | None = None) -> ast.expr | None:
    """A call's argument by keyword, or by position."""
    if name is not None:
        for item in call.keywords:
            if item.arg == name:
                return item.value
    if position is not None and position < len(call.args):
        argument = call.args[position]
        return None if isinstance(argument, ast.Starred) else argument
    return None
