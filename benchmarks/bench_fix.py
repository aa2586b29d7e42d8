"""`fix` against `check`, side by side in one run, on the same files.

- the frameworks' installed sources, and each `--app DIR` (a real application, fetched, not
  committed): `fix --diff` (nothing written) against `check`. Target: at most 1.5x.
- a 200,000-line file with one fix: `fix` (written to a copy) against `check`. Target: at most 3x.

Each pair runs in-process, after one untimed `check` of every file (which fills the caches both
share: file contents, per-directory settings), file by file, `check` first for one file and
`fix` first for the next, so that neither a change in the machine's load nor a cache favours
one of them.

Usage: python benchmarks/bench_fix.py [--quick] [--app DIR ...]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.bench_plugin import PACKAGES, QUICK, corpus, package_dirs
from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.frontends.runner import FileResult, Job, Selection, discover, process

BIG = "from flask import abort\n" + "x = 1\n" * 199_998 + "abort(404)\n"


def timed(files: list[str], mode: str) -> tuple[float, float, list[FileResult], list[FileResult]]:
    """`check` and `mode` on each file in turn: their times and results."""
    check, fix = Job(Settings(), Selection(), "check"), Job(Settings(), Selection(), mode)
    for path in files:
        process(path, check)
    times = {"check": 0.0, "fix": 0.0}
    results: dict[str, list[FileResult]] = {"check": [], "fix": []}
    for index, path in enumerate(files):
        order = (("check", check), ("fix", fix))
        for name, job in order if index % 2 == 0 else reversed(order):
            start = time.perf_counter()
            results[name].append(process(path, job))
            times[name] += time.perf_counter() - start
    return times["check"], times["fix"], results["check"], results["fix"]


def compare(label: str, files: list[str]) -> float:
    check_time, fix_time, checked, fixed = timed(files, "diff")
    ratio = fix_time / check_time
    changed = sum(1 for result in fixed if result.fixed)
    applied = sum(result.fixed for result in fixed)
    fixable = sum(1 for result in checked for f in result.findings if f.fix is not None)
    print(
        f"{label}: {len(files)} files; check {check_time:.2f} s, fix --diff {fix_time:.2f} s, "
        f"ratio {ratio:.2f} (target <= 1.5); {applied} of {fixable} fixable findings fixed "
        f"in {changed} files (unsafe fixes are not applied)"
    )
    return ratio


def big_file() -> float:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, "big.py")
        path.write_text(BIG, encoding="utf-8")
        check_time, fix_time, _, (result,) = timed([str(path)], "fix")
        assert result.fixed == 1, result.error
    ratio = fix_time / check_time
    print(
        f"200,000-line file: check {check_time:.2f} s, fix {fix_time:.2f} s, "
        f"ratio {ratio:.2f} (target <= 3)"
    )
    return ratio


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer framework packages")
    parser.add_argument("--app", action="append", default=[], metavar="DIR")
    args = parser.parse_args()
    frameworks = [str(path) for path, _ in corpus(package_dirs(QUICK if args.quick else PACKAGES))]
    ok = compare("framework sources", frameworks) <= 1.5
    for app in args.app:
        errors: list[str] = []
        ok &= compare(app, list(discover([app], (), errors))) <= 1.5
    ok &= big_file() <= 3
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
