"""What the plugin costs flake8 on applications, where statuses are dense.

flake8 runs every installed plugin whatever `--select` says, so every user pays the plugin's
cost. This measures `flake8 --isolated --select=E,W,F` run from each application's root (its
checkout, as its users run it) in this environment (plugin installed) against the same flake8
in a fresh virtual environment without the plugin, side by side in one run. With none of its
codes selected the plugin does no work (only its import and options are left); with
`--reporting`, every figure once more with flake8's default selection on both sides, where the
plugin's codes on by default are reported: what its users pay, its findings (and flake8's noqa
look-up for them) included.

- CPU time (user + system of the flake8 processes), `--jobs=1` and flake8's default jobs, with
  the project index's cache warm (left by a first run) and cold (deleted before the run); the
  pairs alternate, and so does which side of a pair runs first, so a change of load or a warm
  page cache favours neither side; the ratio of the medians and the
  median of the pairs' ratios are printed;
- with `--results`, the warm figures once more with the results cache cold (its entries deleted
  before each run, the project index's facts kept): what a run costs where every walked file
  changed, against the warm figures where none did;
- with `--instructions`, instructions under valgrind's callgrind (`--jobs=1`, warm cache), with
  the garbage collector on (as users run it) and off in both runs (the plugin's own work); with
  `--results` too, the collector-on count once more with the results cache cold.

The caches live in a temporary directory (FLAKE8_HTTPSTATUS_CACHE_DIR), never in the checkout.

The applications are checkouts passed by path, never part of this repository (fetch them once,
at a pinned commit). Target (issue 27): at most 1.03 of flake8's CPU time (1.05 on the worst).
The trees measured for issue 27 (docs/performance.md), each with its tests:

- Django: healthchecks/healthchecks at 29b5ec251059034b79e0120e2ff0c3e35d7bd9f8 (653 files);
- Flask: getredash/redash at ca79fe988d81cdac9675b412f3dfcab107bc1fbc (292 files);
- FastAPI: mealie-recipes/mealie at b5643a9399465d8b4ea339e7a6639df2d697741b (548 files).

On a shared, loaded machine the CPU ratios move by more than the target from run to run;
`--instructions` gives the figure to compare.

Usage: python -m benchmarks.bench_apps [--rounds N] [--instructions] [--cold] [--results]
APP_ROOT[:SUBDIR]...

With `:SUBDIR`, flake8 still runs from the root (the project and its index are the whole
checkout) but checks only that directory: callgrind on a whole application takes long.
"""

from __future__ import annotations

import argparse
import itertools
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from benchmarks.bench_plugin import compile_plugin, flake8_instructions, plain_flake8_env
from flake8_httpstatus.project import index

# The results cache's directory under the cache directory (project/results.py).
RESULTS = "results"

FLAKE8 = ["--isolated", "--exit-zero"]
# What users who do not select the plugin's codes run; the plugin then does no work.
IDLE = "E,W,F"
# flake8's default selection on both sides, where the plugin's codes on by default are
# reported: what its users pay, its findings reported included.
REPORTING = ""


def cpu_seconds(
    python: Path, root: Path, jobs: str, target: str = ".", select: str = IDLE
) -> float:
    """User + system seconds of one flake8 run from `root` (its worker processes included),
    with flake8's default selection when `select` is empty."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [str(python), "-m", "flake8", *FLAKE8, *selecting(select), f"--jobs={jobs}", target],
        cwd=root,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def selecting(select: str) -> list[str]:
    """flake8's arguments selecting `select`; none for its default selection."""
    return [f"--select={select}"] if select else []


def shown(select: str) -> str:
    return f"--select={select}" if select else "flake8's default selection"


def cache_dir() -> Path:
    return Path(os.environ[index.CACHE_ENV])


def forget_cache() -> None:
    shutil.rmtree(cache_dir(), ignore_errors=True)


def forget_results() -> None:
    shutil.rmtree(cache_dir() / RESULTS, ignore_errors=True)


def python_files(root: Path) -> int:
    return sum(1 for _ in root.rglob("*.py"))


def paired(
    plain: Path,
    root: Path,
    target: str,
    jobs: str,
    rounds: int,
    forget: Callable[[], None] | None,
    select: str,
) -> tuple[float, float, float]:
    """Median CPU seconds without and with the plugin (`forget` called before each run with
    it), both selecting `select`, and the median of the pairs' ratios."""
    without: list[float] = []
    with_plugin: list[float] = []
    for turn in range(rounds):
        # Alternate which side goes first: the first run of a pair warms the page cache.
        for side in ("without", "with") if turn % 2 == 0 else ("with", "without"):
            if side == "without":
                without.append(cpu_seconds(plain, root, jobs, target, select))
                continue
            if forget is not None:
                forget()
            with_plugin.append(cpu_seconds(Path(sys.executable), root, jobs, target, select))
    ratios = [w / o for w, o in zip(with_plugin, without, strict=True)]
    return statistics.median(without), statistics.median(with_plugin), statistics.median(ratios)


def instructions(
    plain: Path, root: Path, target: str, results: bool, selections: list[str]
) -> None:
    """Print the instruction counts: warm caches, collector on and off; with `results`, with
    the results cache cold too (collector on); for each selection, on both sides."""
    cpu_seconds(Path(sys.executable), root, "1", target, REPORTING)  # the caches warm again
    runs: list[tuple[str, bool, Callable[[], None] | None]] = [
        ("warm cache, collector on", True, None),
        ("warm cache, collector off in both runs", False, None),
    ]
    if results:
        runs.append(("index warm, results cold, collector on", True, forget_results))
    for (label, collector, forget), select in itertools.product(runs, selections):
        without, with_plugin = (
            flake8_instructions(
                python, [Path(target)], forget if python != plain else None, collector, root,
                ("--isolated",), select,
            )
            for python in (plain, Path(sys.executable))
        )  # fmt: skip
        print(
            f"  instructions, --jobs=1, {shown(select)}, {label}: without "
            f"{without:,}, with {with_plugin:,}, ratio {with_plugin / without:.3f}"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apps", nargs="+", help="application checkouts: ROOT or ROOT:SUBDIR")
    parser.add_argument("--rounds", type=int, default=5, help="alternating pairs per figure")
    parser.add_argument("--cold", action="store_true", help="also with the index cache cold")
    parser.add_argument(
        "--results", action="store_true", help="also with the results cache cold, index warm"
    )
    parser.add_argument(
        "--reporting",
        action="store_true",
        help="also with flake8's default selection, where the plugin's findings are reported",
    )
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (callgrind; slow)"
    )
    args = parser.parse_args()
    compile_plugin()
    caches: list[tuple[str, Callable[[], None] | None]] = [("warm", None)]
    selections = [IDLE, REPORTING] if args.reporting else [IDLE]
    if args.results:
        caches.append(("index warm, results cold", forget_results))
    if args.cold:
        caches.append(("cold", forget_cache))
    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_flake8_env(Path(tmp) / "venv")
        for number, app in enumerate(args.apps):
            checkout, _, target = app.partition(":")
            root, target = Path(checkout).resolve(), target or "."
            os.environ[index.CACHE_ENV] = str(Path(tmp) / f"cache-{number}")
            print(f"{root.name}/{target}: {python_files(root / target)} .py files")
            # A warm-up run, which leaves the caches warm.
            cpu_seconds(Path(sys.executable), root, "1", target, REPORTING)
            for jobs, (cache, forget), select in itertools.product(
                ("1", str(os.cpu_count() or 1)), caches, selections
            ):
                without, with_plugin, ratio = paired(
                    plain, root, target, jobs, args.rounds, forget, select
                )
                print(
                    f"  --jobs={jobs}, {shown(select)}, {cache} cache, CPU: "
                    f"without {without:.2f} s, with "
                    f"{with_plugin:.2f} s, ratio {with_plugin / without:.3f} (pairs' median "
                    f"{ratio:.3f}; {args.rounds} pairs; target <= 1.03)"
                )
            if args.instructions:
                instructions(plain, root, target, args.results, selections)
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
