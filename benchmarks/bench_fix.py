"""Fix throughput on the large real corpus, against `check` alone, side by side in one run.

`fix` in diff mode (nothing is written) and `check` process the same files in-process; the
script also counts how many files LibCST parsed, which must be only those with a fix.

Usage: python benchmarks/bench_fix.py [--quick]
"""

from __future__ import annotations

import argparse
import time
from unittest import mock

import libcst

from benchmarks.bench_plugin import PACKAGES, QUICK, corpus, package_dirs
from flake8_httpstatus.runner import Job, Selection, process
from flake8_httpstatus.settings import Settings


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    files = [path for path, _ in corpus(package_dirs(QUICK if args.quick else PACKAGES))]
    settings, selection = Settings(), Selection()

    start = time.perf_counter()
    checked = [process(path, Job(settings, selection, "check")) for path in files]
    check_time = time.perf_counter() - start

    parses = 0
    real_parse = libcst.parse_module

    def counting_parse(*a: object, **k: object) -> libcst.Module:
        nonlocal parses
        parses += 1
        return real_parse(*a, **k)  # type: ignore[arg-type]

    with mock.patch.object(libcst, "parse_module", counting_parse):
        start = time.perf_counter()
        fixed = [process(path, Job(settings, selection, "diff")) for path in files]
        fix_time = time.perf_counter() - start

    with_fix = sum(1 for result in checked if any(f.fix for f in result.findings))
    changed = sum(1 for result in fixed if result.fixed)
    applied = sum(result.fixed for result in fixed)
    print(f"corpus: {len(files)} files")
    print(f"check: {check_time:.2f} s ({len(files) / check_time:.0f} files/s)")
    print(
        f"fix --diff: {fix_time:.2f} s ({len(files) / fix_time:.0f} files/s), "
        f"ratio {fix_time / check_time:.2f} to check"
    )
    print(
        f"LibCST parses: {parses} (files with a fix: {with_fix}; files changed: {changed}, "
        f"{applied} fixes)"
    )
    return 0 if parses == with_fix else 1


if __name__ == "__main__":
    raise SystemExit(main())
