"""What the plugin costs flake8 on applications, where statuses are dense.

flake8 runs every installed plugin whatever `--select` says, so every user pays the plugin's
cost. This measures `flake8 --isolated --select=E,W,F` run from each application's root (its
checkout, as its users run it) in this environment (plugin installed) against the same flake8
in a fresh virtual environment without the plugin, side by side in one run:

- CPU time (user + system of the flake8 processes), `--jobs=1` and flake8's default jobs, with
  the project index's cache warm (left by a first run) and cold (deleted before the run); the
  pairs alternate, and so does which side of a pair runs first, so a change of load or a warm
  page cache favours neither side; the ratio of the medians and the
  median of the pairs' ratios are printed;
- with `--instructions`, instructions under valgrind's callgrind (`--jobs=1`, warm cache), with
  the garbage collector on (as users run it) and off in both runs (the plugin's own work).

The applications are checkouts passed by path, never part of this repository (fetch them once,
at a pinned commit). Target (issue 27): at most 1.03 of flake8's CPU time (1.05 on the worst).
The trees measured for issue 27 (docs/performance.md), each with its tests:

- Django: healthchecks/healthchecks at 29b5ec251059034b79e0120e2ff0c3e35d7bd9f8 (653 files);
- Flask: getredash/redash at ca79fe988d81cdac9675b412f3dfcab107bc1fbc (292 files);
- FastAPI: mealie-recipes/mealie at b5643a9399465d8b4ea339e7a6639df2d697741b (548 files).

On a shared, loaded machine the CPU ratios move by more than the target from run to run;
`--instructions` gives the figure to compare.

Usage: python -m benchmarks.bench_apps [--rounds N] [--instructions] [--cold] APP_ROOT[:SUBDIR]...

With `:SUBDIR`, flake8 still runs from the root (the project and its index are the whole
checkout) but checks only that directory: callgrind on a whole application takes long.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.bench_plugin import compile_plugin, flake8_instructions, plain_flake8_env
from flake8_httpstatus.project import index

FLAKE8 = ["--isolated", "--select=E,W,F", "--exit-zero"]


def cpu_seconds(python: Path, root: Path, jobs: str, target: str = ".") -> float:
    """User + system seconds of one flake8 run from `root` (its worker processes included)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(
        [str(python), "-m", "flake8", *FLAKE8, f"--jobs={jobs}", target],
        cwd=root,
        stdout=subprocess.DEVNULL,
        check=True,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def forget_cache(root: Path) -> None:
    shutil.rmtree(root / index.CACHE_DIR, ignore_errors=True)


def python_files(root: Path) -> int:
    return sum(1 for _ in root.rglob("*.py"))


def paired(
    plain: Path, root: Path, target: str, jobs: str, rounds: int, cold: bool
) -> tuple[float, float, float]:
    """Median CPU seconds without and with the plugin, and the median of the pairs' ratios."""
    without: list[float] = []
    with_plugin: list[float] = []
    for turn in range(rounds):
        # Alternate which side goes first: the first run of a pair warms the page cache.
        for side in ("without", "with") if turn % 2 == 0 else ("with", "without"):
            if side == "without":
                without.append(cpu_seconds(plain, root, jobs, target))
                continue
            if cold:
                forget_cache(root)
            with_plugin.append(cpu_seconds(Path(sys.executable), root, jobs, target))
    ratios = [w / o for w, o in zip(with_plugin, without, strict=True)]
    return statistics.median(without), statistics.median(with_plugin), statistics.median(ratios)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("apps", nargs="+", help="application checkouts: ROOT or ROOT:SUBDIR")
    parser.add_argument("--rounds", type=int, default=5, help="alternating pairs per figure")
    parser.add_argument("--cold", action="store_true", help="also with the index cache cold")
    parser.add_argument(
        "--instructions", action="store_true", help="also count instructions (callgrind; slow)"
    )
    args = parser.parse_args()
    compile_plugin()
    with tempfile.TemporaryDirectory() as tmp:
        plain = plain_flake8_env(Path(tmp) / "venv")
        for app in args.apps:
            checkout, _, target = app.partition(":")
            root, target = Path(checkout).resolve(), target or "."
            print(f"{root.name}/{target}: {python_files(root / target)} .py files")
            # A warm-up run, which leaves the index cache warm.
            cpu_seconds(Path(sys.executable), root, "1", target)
            for jobs in ("1", str(os.cpu_count() or 1)):
                for cold in (False, True) if args.cold else (False,):
                    without, with_plugin, ratio = paired(
                        plain, root, target, jobs, args.rounds, cold
                    )
                    cache = "cold" if cold else "warm"
                    print(
                        f"  --jobs={jobs}, {cache} cache, CPU: without {without:.2f} s, with "
                        f"{with_plugin:.2f} s, ratio {with_plugin / without:.3f} (pairs' median "
                        f"{ratio:.3f}; {args.rounds} pairs; target <= 1.03)"
                    )
            if args.instructions:
                cpu_seconds(Path(sys.executable), root, "1", target)  # the cache warm again
                for collector in (True, False):
                    counts = [
                        flake8_instructions(
                            python, [Path(target)], None, collector, root, ("--isolated",)
                        )
                        for python in (plain, Path(sys.executable))
                    ]
                    without_i, with_i = counts
                    print(
                        f"  instructions, --jobs=1, warm cache, collector "
                        f"{'on' if collector else 'off in both runs'}: without {without_i:,}, "
                        f"with {with_i:,}, ratio {with_i / without_i:.3f}"
                    )
    print(f"cpus: {os.cpu_count()}, python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
