"""What the plugin costs a flake8 run, measured side by side on a large real corpus.

Corpus: the sources of the web frameworks installed with the test extras (thousands of files).
Two figures, each a ratio from one run:

1. in-process: the plugin's own time (Plugin(...).run() on trees parsed beforehand) against
   `ast.parse` of the same files. Target: at most 0.3.
2. flake8: `flake8 --select=E,W,F` in this environment (plugin installed) against the same
   command in a fresh virtual environment with the same flake8 and no plugin (flake8 runs every
   installed plugin whatever --select says). Target: at most 1.03.
3. the project index (project.py): the same corpus copied into one project (a pyproject.toml
   at its root), so that every file is indexed; in-process and through flake8, with a cold
   cache (deleted before each run) and a warm one. Target: flake8 with the plugin, warm, at
   most 1.03 of flake8 without it.

Usage: python benchmarks/bench_plugin.py [--quick] [--rounds N] [--index-only]
"""

from __future__ import annotations

import argparse
import ast
import importlib.metadata
import importlib.util
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

from flake8_httpstatus import project
from flake8_httpstatus.plugin import Plugin

PACKAGES = (
    "django",
    "rest_framework",
    "flask",
    "werkzeug",
    "quart",
    "starlette",
    "fastapi",
    "aiohttp",
    "tornado",
    "sanic",
    "falcon",
    "litestar",
    "pyramid",
    "webob",
    "requests",
    "httpx",
)
QUICK = ("flask", "werkzeug", "starlette", "fastapi", "rest_framework", "requests")


def package_dirs(names: tuple[str, ...]) -> list[Path]:
    dirs = []
    for name in names:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.submodule_search_locations:
            dirs.append(Path(next(iter(spec.submodule_search_locations))))
    return dirs


def corpus(dirs: list[Path]) -> list[tuple[str, str]]:
    files = []
    for directory in dirs:
        for path in sorted(directory.rglob("*.py")):
            try:
                files.append((str(path), path.read_text(encoding="utf-8")))
            except (UnicodeDecodeError, OSError):
                continue
    return files


def in_process(
    files: list[tuple[str, str]], rounds: int, before: object = None
) -> tuple[float, float]:
    """ast.parse and plugin times, best of `rounds`; `before` runs ahead of each plugin round."""
    parsed = []
    parse_times = []
    for _ in range(rounds):
        start = time.perf_counter()
        parsed = [(name, ast.parse(text), text.splitlines(keepends=True)) for name, text in files]
        parse_times.append(time.perf_counter() - start)
    plugin_times = []
    for _ in range(rounds):
        if callable(before):
            before()
        start = time.perf_counter()
        for name, tree, lines in parsed:
            for _finding in Plugin(tree, name, lines).run():
                pass
        plugin_times.append(time.perf_counter() - start)
    return min(parse_times), min(plugin_times)


def plain_flake8_env(root: Path) -> Path:
    """A virtual environment with this flake8's version and no plugin."""
    version = importlib.metadata.version("flake8")
    venv.create(root, with_pip=True)
    python = root / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"flake8=={version}"], check=True)
    return python


def flake8_time(python: Path, dirs: list[Path], before: object = None) -> float:
    if callable(before):
        before()
    start = time.perf_counter()
    subprocess.run(
        [str(python), "-m", "flake8", "--select=E,W,F", "--exit-zero", "--jobs=2", *map(str, dirs)],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--index-only", action="store_true", help="only the project index part")
    args = parser.parse_args()
    dirs = package_dirs(QUICK if args.quick else PACKAGES)
    files = corpus(dirs)
    lines = sum(text.count("\n") for _, text in files)
    print(f"corpus: {len(files)} files, {lines} lines from {', '.join(d.name for d in dirs)}")

    if args.index_only:
        with tempfile.TemporaryDirectory() as tmp:
            project_index(dirs, Path(tmp), args.rounds)
        return 0
    parse, plugin = in_process(files, args.rounds)
    print(
        f"in-process: ast.parse {parse:.2f} s, plugin {plugin:.2f} s, "
        f"ratio {plugin / parse:.3f} (target <= 0.3)"
    )

    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_flake8_env(Path(tmp) / "venv")
        with_plugin, without = [], []
        for _ in range(args.rounds):
            without.append(flake8_time(plain, dirs))
            with_plugin.append(flake8_time(Path(sys.executable), dirs))
    a, b = statistics.median(with_plugin), statistics.median(without)
    print(
        f"flake8 --select=E,W,F: with plugin {a:.2f} s, without {b:.2f} s, "
        f"ratio {a / b:.3f} (target <= 1.03; median of {args.rounds})"
    )
    with tempfile.TemporaryDirectory() as tmp:
        project_index(dirs, Path(tmp), args.rounds)
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}")
    return 0


def project_index(dirs: list[Path], tmp: Path, rounds: int) -> None:
    """The corpus as one project: what indexing it costs, cold and warm."""
    root = tmp / "project"
    for directory in dirs:
        shutil.copytree(directory, root / directory.name, ignore=shutil.ignore_patterns("*.pyc"))
    (root / "pyproject.toml").write_text('[project]\nname = "corpus"\n', encoding="utf-8")
    cache = root / project.CACHE_DIR

    def forget() -> None:  # a new process: no index in memory
        project._INDEXES.clear()
        project._ROOTS.clear()

    def cold() -> None:
        forget()
        shutil.rmtree(cache, ignore_errors=True)

    files = corpus([root])
    parse, plugin_cold = in_process(files, rounds, cold)
    _, plugin_warm = in_process(files, rounds, forget)
    print(
        f"project index, in-process: ast.parse {parse:.2f} s, plugin cold cache "
        f"{plugin_cold:.2f} s (ratio {plugin_cold / parse:.3f}), warm {plugin_warm:.2f} s "
        f"(ratio {plugin_warm / parse:.3f}, target <= 0.3)"
    )
    plain = plain_flake8_env(tmp / "venv")
    targets = [root]
    without: list[float] = []
    with_cold: list[float] = []
    with_warm: list[float] = []
    for _ in range(rounds):  # interleaved, so that a change of load hits all three alike
        without.append(flake8_time(plain, targets))
        with_cold.append(flake8_time(Path(sys.executable), targets, cold))
        with_warm.append(flake8_time(Path(sys.executable), targets))
    a, c, b = (statistics.median(t) for t in (with_warm, with_cold, without))
    print(
        f"project index, flake8 --select=E,W,F: without plugin {b:.2f} s, with plugin cold "
        f"cache {c:.2f} s (ratio {c / b:.3f}), warm {a:.2f} s (ratio {a / b:.3f}, target "
        f"<= 1.03; median of {rounds})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
