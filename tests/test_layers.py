"""The package's layers: every import points down (or stays inside its own layer).

A layer is one subpackage of `flake8_httpstatus`; layers listed together share a rank and must
not import each other. docs/architecture.md draws the same order.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "flake8_httpstatus"

# Bottom first.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("core",),
    ("knowledge",),
    ("fixes", "config"),
    ("analysis",),
    ("rules",),
    ("project",),
    ("routes",),
    ("frontends",),
)
RANK = {layer: rank for rank, group in enumerate(LAYERS) for layer in group}
# The package's face: the version, and `python -m flake8_httpstatus`.
TOP = {"__init__": -1, "__main__": len(LAYERS)}

MODULES = sorted(PACKAGE.rglob("*.py"))


def layer_of(module: str) -> str:
    """`flake8_httpstatus.analysis.engine` -> `analysis`; the package itself -> `__init__`."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def rank_of(layer: str) -> int:
    return TOP[layer] if layer in TOP else RANK[layer]


def module_name(path: Path, root: Path = PACKAGE.parent) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported(path: Path, root: Path = PACKAGE.parent) -> list[tuple[int, str]]:
    """Every module of the package that `path` imports, anywhere in it, with its line."""
    package = module_name(path, root).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_bytes())):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                module = ".".join([*base, *([node.module] if node.module else [])])
            else:
                module = node.module or ""
            if module == "flake8_httpstatus":
                # `from flake8_httpstatus import analysis` names a layer; `__version__` the face.
                found += [
                    (node.lineno, f"{module}.{alias.name}")
                    if (PACKAGE / alias.name).is_dir()
                    else (node.lineno, module)
                    for alias in node.names
                ]
            else:
                found.append((node.lineno, module))
    return [(line, name) for line, name in found if name.split(".")[0] == "flake8_httpstatus"]


def test_every_subpackage_is_a_layer() -> None:
    packages = {p.parent.name for p in PACKAGE.glob("*/__init__.py")}
    assert packages == set(RANK)
    assert {p.stem for p in PACKAGE.glob("*.py")} == set(TOP)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_point_down(path: Path) -> None:
    here = layer_of(module_name(path))
    upward = [
        f"line {line}: {name} ({layer_of(name)}) from {here}"
        for line, name in imported(path)
        if layer_of(name) != here and rank_of(layer_of(name)) >= rank_of(here)
    ]
    assert not upward, "imports that point up or sideways:\n" + "\n".join(upward)


def test_the_check_sees_an_upward_import(tmp_path: Path) -> None:
    source = tmp_path / "flake8_httpstatus" / "core" / "bad.py"
    source.parent.mkdir(parents=True)
    source.write_text("def f():\n    from ..frontends import cli\n")
    names = [name for _, name in imported(source, tmp_path)]
    assert names == ["flake8_httpstatus.frontends"]
    assert rank_of(layer_of(names[0])) > rank_of("core")


ARCHITECTURE = PACKAGE.parent / "docs" / "architecture.md"
RECOGNIZERS = PACKAGE / "analysis" / "recognizers"


def _paths_named(text: str) -> set[str]:
    """The paths a page names in backticks (`analysis/engine.py`, `rules/`)."""
    return {name for name in re.findall(r"`([\w.]+(?:/[\w.]+)*/?)`", text) if "/" in name}


def test_the_architecture_page_names_only_what_exists() -> None:
    missing = [
        name
        for name in _paths_named(ARCHITECTURE.read_text(encoding="utf-8"))
        if not (PACKAGE / name).exists() and not (PACKAGE.parent / name).exists()
    ]
    assert not missing, f"docs/architecture.md names paths that do not exist: {missing}"


def test_the_architecture_page_names_every_subpackage_and_recognizer() -> None:
    named = _paths_named(ARCHITECTURE.read_text(encoding="utf-8"))
    packages = {
        f"{path.parent.relative_to(PACKAGE).as_posix()}/" for path in PACKAGE.rglob("*/__init__.py")
    }
    recognizers = {
        path.relative_to(PACKAGE).as_posix()
        for path in RECOGNIZERS.glob("*.py")
        if path.name != "__init__.py"
    }
    assert recognizers, "no recognizer modules found"
    assert packages - named == set()
    assert recognizers - named == set()


def test_the_readme_draws_the_layers_in_order() -> None:
    """The README's diagram: one line per rank, top first, its layers named at its start."""
    readme = (PACKAGE.parent / "README.md").read_text(encoding="utf-8")
    section = readme.partition("\n## Architecture\n")[2].partition("\n## ")[0]
    diagram = section.partition("```text\n")[2].partition("```")[0]
    drawn = [
        tuple(re.findall(r"(\w+)/", re.match(r"((?:\w+/ +)+)", line)[1]))  # type: ignore[index]
        for line in diagram.splitlines()
    ]
    assert drawn[::-1] == list(LAYERS)


def test_the_plugin_loads_the_engine_only_to_walk_a_file() -> None:
    """flake8 imports the plugin in every run, whatever it selects: the rules' records and the
    options are read then; the engine, its recognizers and the checks only when a file is
    walked (rules.check)."""
    loaded = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys, flake8_httpstatus.frontends.plugin; print(*sorted(sys.modules))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    engine = [
        name
        for name in loaded
        if name.startswith(("flake8_httpstatus.analysis.", "flake8_httpstatus.rules.checks"))
        and name != "flake8_httpstatus.analysis.inference"  # the project index's facts
    ]
    assert engine == []
