"""What the plugin costs a flake8 run, measured side by side on a large real corpus.

Corpus: the sources of the web frameworks installed with the test extras (thousands of files).
Two figures, each a ratio from one run:

1. in-process: what the plugin adds to `ast.parse` when each file is parsed, checked and
   dropped in turn, as flake8 does (the garbage it leaves is paid for too), against
   `ast.parse` of the same files alone; CPU time. Target: at most 0.3.
2. flake8: `flake8 --select=E,W,F` in this environment (plugin installed) against the same
   command in a fresh virtual environment with the same flake8 and no plugin (flake8 runs every
   installed plugin whatever --select says), wall-clock and CPU time; the plugin byte-compiled
   first, as an installed wheel is. Target: at most 1.03.
3. the project index (project.py): the same corpus copied into one project (a pyproject.toml
   at its root), so that every file is indexed; in-process and through flake8, with a cold
   cache (deleted before each run) and a warm one. Target: flake8 with the plugin, warm, at
   most 1.03 of flake8 without it.

Usage: python benchmarks/bench_plugin.py [--quick] [--rounds N] [--index-only] [--corpus DIR...]
                                        [--instructions]
"""

from __future__ import annotations

import argparse
import ast
import compileall
import gc
import importlib.metadata
import importlib.util
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

import flake8_httpstatus
from flake8_httpstatus.frontends.plugin import Plugin
from flake8_httpstatus.project import index as project

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
    """The Python files under `dirs` that this Python can parse (an application may use newer
    syntax in a few files)."""
    files = []
    for directory in dirs:
        for path in sorted(directory.rglob("*.py")):
            try:
                text = path.read_text(encoding="utf-8")
                ast.parse(text)
            except (UnicodeDecodeError, OSError, SyntaxError, ValueError):
                continue
            files.append((str(path), text))
    return files


def in_process(
    files: list[tuple[str, str]], rounds: int, before: object = None
) -> tuple[float, float]:
    """What `ast.parse` costs alone, and what the plugin adds to it as flake8 runs it: each file
    parsed, checked and dropped in turn, so that the memory the plugin leaves to the garbage
    collector is paid for too. CPU time of this thread (a busy machine does not inflate it),
    best of `rounds`; `before` runs ahead of each round with the plugin."""
    prepared = [(name, text, text.splitlines(keepends=True)) for name, text in files]
    alone, together = [], []
    for _ in range(rounds):
        gc.collect()
        start = time.thread_time()
        for _name, text, _lines in prepared:
            ast.parse(text)
        alone.append(time.thread_time() - start)
        if callable(before):
            before()
        gc.collect()
        start = time.thread_time()
        for name, text, lines in prepared:
            for _finding in Plugin(ast.parse(text), name, lines).run():
                pass
        together.append(time.thread_time() - start)
    return min(alone), min(together) - min(alone)


def plain_flake8_env(root: Path) -> Path:
    """A virtual environment with this flake8's version and no plugin."""
    version = importlib.metadata.version("flake8")
    venv.create(root, with_pip=True)
    python = root / "bin" / "python"
    subprocess.run([str(python), "-m", "pip", "install", "-q", f"flake8=={version}"], check=True)
    return python


def flake8_time(python: Path, dirs: list[Path], before: object = None) -> tuple[float, float]:
    """Wall-clock and CPU seconds (user + system, the workers included) of one flake8 run."""
    if callable(before):
        before()
    start, used = time.perf_counter(), _children_cpu()
    subprocess.run(
        [str(python), "-m", "flake8", "--select=E,W,F", "--exit-zero", "--jobs=2", *map(str, dirs)],
        stdout=subprocess.DEVNULL,
        check=True,
    )
    return time.perf_counter() - start, _children_cpu() - used


# flake8 started with the cyclic garbage collector off (see `flake8_instructions`).
_NO_COLLECTOR = "import gc, sys; gc.disable(); from flake8.main import cli; cli.main(sys.argv[1:])"


def flake8_instructions(
    python: Path,
    dirs: list[Path],
    before: object = None,
    collector: bool = True,
    cwd: Path | None = None,
    options: tuple[str, ...] = (),
    select: str = "E,W,F",
) -> int:
    """Instructions one flake8 run executes (valgrind's callgrind, one process), selecting
    `select` (flake8's default selection when empty): a count that the machine's load does not
    change. With the collector on, as users run it, a run makes
    a dozen or more full collections of flake8's objects, each a few percent of the run; the
    plugin's allocations can add or spare one of them, a step of about 2% either way. With it
    off in both runs, what is left is the plugin's own work."""
    if callable(before):
        before()
    start = ["-m", "flake8"] if collector else ["-c", _NO_COLLECTOR]
    done = subprocess.run(
        [
            "valgrind",
            "--tool=callgrind",
            "--callgrind-out-file=/dev/null",
            str(python),
            *start,
            *([f"--select={select}"] if select else []),
            "--exit-zero",
            "--jobs=1",
            *options,
            *map(str, dirs),
        ],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        check=True,
    )
    found = re.search(r"Collected : (\d+)", done.stderr)
    if found is None:
        raise SystemExit(f"valgrind gave no instruction count:\n{done.stderr}")
    return int(found.group(1))


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def compile_plugin() -> None:
    """Byte-compile the plugin as pip does when it installs the wheel: an editable install run
    with PYTHONDONTWRITEBYTECODE would compile it again in every flake8 run."""
    compileall.compile_dir(Path(flake8_httpstatus.__file__).parent, quiet=1)


def ratios(with_plugin: list[tuple[float, float]], without: list[tuple[float, float]]) -> str:
    wall = statistics.median(t[0] for t in with_plugin) / statistics.median(t[0] for t in without)
    cpu = statistics.median(t[1] for t in with_plugin) / statistics.median(t[1] for t in without)
    return f"ratio {wall:.3f} wall-clock, {cpu:.3f} CPU"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a smaller corpus")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--index-only", action="store_true", help="only the project index part")
    parser.add_argument(
        "--corpus", nargs="+", type=Path, help="these directories (an application) instead"
    )
    parser.add_argument(
        "--instructions",
        action="store_true",
        help="also count flake8's instructions under valgrind (slow; unmoved by the load)",
    )
    args = parser.parse_args()
    dirs = args.corpus or package_dirs(QUICK if args.quick else PACKAGES)
    files = corpus(dirs)
    lines = sum(text.count("\n") for _, text in files)
    print(f"corpus: {len(files)} files, {lines} lines from {', '.join(d.name for d in dirs)}")
    compile_plugin()

    if args.index_only:
        with tempfile.TemporaryDirectory() as tmp:
            project_index(dirs, Path(tmp), args.rounds, args.instructions)
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
        print(
            f"flake8 --select=E,W,F: with plugin {statistics.median(t[0] for t in with_plugin):.2f} s, "
            f"without {statistics.median(t[0] for t in without):.2f} s, "
            f"{ratios(with_plugin, without)} (target <= 1.03; median of {args.rounds})"
        )
        if args.instructions:
            print(instruction_ratio("flake8 --select=E,W,F", plain, dirs))
    with tempfile.TemporaryDirectory() as tmp:
        project_index(dirs, Path(tmp), args.rounds, args.instructions)
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}")
    return 0


def instruction_ratio(label: str, plain: Path, dirs: list[Path], before: object = None) -> str:
    lines = []
    for collector in (True, False):
        without = flake8_instructions(plain, dirs, collector=collector)
        with_plugin = flake8_instructions(Path(sys.executable), dirs, before, collector)
        lines.append(
            f"{label}, instructions (callgrind, --jobs=1, garbage collector "
            f"{'on' if collector else 'off in both runs'}): with plugin {with_plugin:,}, "
            f"without {without:,}, ratio {with_plugin / without:.3f} (target <= 1.03)"
        )
    return "\n".join(lines)


def project_index(dirs: list[Path], tmp: Path, rounds: int, instructions: bool = False) -> None:
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
    without: list[tuple[float, float]] = []
    with_cold: list[tuple[float, float]] = []
    with_warm: list[tuple[float, float]] = []
    for _ in range(rounds):  # interleaved, so that a change of load hits all three alike
        without.append(flake8_time(plain, targets))
        with_cold.append(flake8_time(Path(sys.executable), targets, cold))
        with_warm.append(flake8_time(Path(sys.executable), targets))
    print(
        f"project index, flake8 --select=E,W,F: without plugin "
        f"{statistics.median(t[0] for t in without):.2f} s, with plugin cold cache "
        f"{statistics.median(t[0] for t in with_cold):.2f} s ({ratios(with_cold, without)}), "
        f"warm {statistics.median(t[0] for t in with_warm):.2f} s ({ratios(with_warm, without)}, "
        f"target <= 1.03; median of {rounds})"
    )
    if instructions:
        print(instruction_ratio("project index, warm cache, flake8 --select=E,W,F", plain, targets))


if __name__ == "__main__":
    raise SystemExit(main())
