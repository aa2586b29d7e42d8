"""Memory of the engine over many files: it must stay flat, not grow with the file count.

`process` (check mode, as `flake8-httpstatus check` runs it) over 10,000 files, cycling
through the sources of the installed web frameworks; peak RSS (getrusage ru_maxrss) and the
tracemalloc peak and current size after 1,000, 5,000 and 10,000 files, side by side. The
tracemalloc peak is reset at each checkpoint, so each column is the peak of its own stretch.

Usage: python -m benchmarks.bench_memory [--files N] [--no-tracemalloc]
"""

from __future__ import annotations

import argparse
import gc
import itertools
import resource
import sys
import time
import tracemalloc

from benchmarks.bench_plugin import PACKAGES, package_dirs
from flake8_httpstatus.config.settings import Settings
from flake8_httpstatus.frontends.runner import Job, Selection, process


def rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)  # bytes on macOS, KiB else


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--no-tracemalloc", action="store_true")
    args = parser.parse_args()
    corpus = sorted(str(p) for d in package_dirs(PACKAGES) for p in d.rglob("*.py"))
    if not corpus:
        print("no corpus: install the test extras")
        return 0
    checkpoints = sorted({1_000, 5_000, args.files} & set(range(1, args.files + 1)))
    job = Job(Settings(), Selection(), "check")
    trace = not args.no_tracemalloc
    if trace:
        tracemalloc.start()
    print(f"corpus: {len(corpus)} distinct files, cycled to {args.files}")
    print(f"before: peak RSS {rss_mib():7.1f} MiB")
    rows: list[tuple[int, float, float, float]] = []
    findings = 0
    start = time.perf_counter()
    for count, path in enumerate(itertools.islice(itertools.cycle(corpus), args.files), 1):
        findings += len(process(path, job).findings)
        if count in checkpoints:
            gc.collect()
            current, peak = tracemalloc.get_traced_memory() if trace else (0, 0)
            rows.append((count, rss_mib(), current / 2**20, peak / 2**20))
            if trace:
                tracemalloc.reset_peak()
    elapsed = time.perf_counter() - start
    print(f"{'files':>8} {'peak RSS MiB':>13} {'traced now MiB':>15} {'traced peak MiB':>16}")
    for count, rss, now, most in rows:
        print(f"{count:>8} {rss:>13.1f} {now:>15.2f} {most:>16.2f}")
    growth = rows[-1][1] - rows[0][1]
    print(f"RSS growth from {rows[0][0]} to {rows[-1][0]} files: {growth:+.1f} MiB")
    print(f"{findings} findings, {elapsed:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
