"""Mutation testing with mutmut, one module at a time, each against the fast tests that exercise
it in-process (mutmut's mutants live in a copy of the package; tests that run the tool in a
subprocess, such as real flake8 or the language server, cannot see them).

Not part of CI: it is slow. Each module runs in its own scratch copy of the repository under
the given work directory, at low priority, one mutant at a time by default:

    pip install -e '.[test,mutation]'
    python benchmarks/mutation.py                     # every module below
    python benchmarks/mutation.py runner report       # some of them
    python benchmarks/mutation.py --children 2 noqa

It prints, per module, the mutants killed, survived, timed out and not covered by the selected
tests, and the score (killed / all); the survivors are listed in `mutmut results` inside the
module's scratch copy (`<work>/<module>/`), and `mutmut show NAME` shows one.
"""

from __future__ import annotations

import argparse
import collections
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Module (its path under flake8_httpstatus/, without .py) -> the fast in-process tests that exercise it.
MODULES: dict[str, tuple[str, ...]] = {
    "config/noqa": ("tests/test_noqa.py", "tests/test_adoption.py", "tests/test_cli_lint.py"),
    "frontends/runner": (
        "tests/test_cli_lint.py",
        "tests/test_adoption.py",
        "tests/test_selection.py",
        "tests/test_bad_input.py",
    ),
    "frontends/report": (
        "tests/test_report.py",
        "tests/test_cli_lint.py",
        "tests/test_adoption.py",
        "tests/test_rule_record.py",
    ),
    "config/settings": (
        "tests/test_settings.py",
        "tests/test_checks.py",
        "tests/test_project_versions.py",
    ),
    "fixes/fixer": (
        "tests/test_fixer_units.py",
        "tests/test_fix.py",
        "tests/test_import_placement.py",
        "tests/test_properties.py",
    ),
    "frontends/lsp": ("tests/test_lsp_units.py",),
    # test_fix.py's invariants run pyflakes in a subprocess per case: too slow per mutant.
    "analysis/engine": (
        "tests/test_checks.py",
        "tests/test_rule_record.py",
        "tests/test_fix.py::test_golden",
    ),
    # The engine's recognizers and the context they share: what engine.py held until issue 20.
    "analysis/recognizers": (
        "tests/test_checks.py",
        "tests/test_rule_record.py",
        "tests/test_fix.py::test_golden",
    ),
    "analysis/context": (
        "tests/test_checks.py",
        "tests/test_rule_record.py",
        "tests/test_fix.py::test_golden",
    ),
    "rules": ("tests/test_checks.py", "tests/test_rule_record.py", "tests/test_docs.py"),
}
STATUSES = ("killed", "survived", "timeout", "no tests", "suspicious", "skipped", "not checked")


def scratch_copy(work: Path, module: str) -> Path:
    """The tracked files of the repository, copied, with a mutmut configuration for `module`."""
    target = work / module
    if target.exists():
        shutil.rmtree(target)
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        source = ROOT / os.fsdecode(name)
        if source.is_file():
            destination = target / os.fsdecode(name)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    path = f"flake8_httpstatus/{module}" + (
        "/*" if (ROOT / "flake8_httpstatus" / module).is_dir() else ".py"
    )
    tests = "\n    ".join(MODULES[module])
    (target / "setup.cfg").write_text(
        "[mutmut]\n"
        "source_paths = flake8_httpstatus\n"
        "also_copy =\n    docs\n    examples\n    benchmarks\n    README.md\n"
        f"only_mutate =\n    {path}\n"
        f"pytest_add_cli_args_test_selection =\n    {tests}\n"
        # Each mutant's tests run in a process forked before any test ran: a fork of the process
        # that collected the coverage would inherit what the unmutated code left in module-level
        # caches (the engine's node shapes), and mutants behind them could not be seen.
        "process_isolation = forkserver\n"
        "pytest_add_cli_args =\n    -p\n    no:cacheprovider\n    -x\n    -q\n"
        # Timed under mutmut's tracing it fails; what it checks is the big file's findings.
        "    --deselect\n    tests/test_bad_input.py::test_200000_line_file\n",
        encoding="utf-8",
    )
    return target


def results(directory: Path) -> collections.Counter[str]:
    done = subprocess.run(
        [sys.executable, "-m", "mutmut", "results", "--all", "true"],
        cwd=directory,
        capture_output=True,
        text=True,
        check=False,
    )
    counts: collections.Counter[str] = collections.Counter()
    for line in done.stdout.splitlines():
        name, _, status = line.strip().rpartition(": ")
        if name:
            counts[status.strip()] += 1
    return counts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", choices=[*MODULES, []], default=[])
    parser.add_argument("--work", type=Path, default=Path("/tmp/hs-mutation"))
    parser.add_argument("--children", type=int, default=1, help="mutants run at once")
    args = parser.parse_args()
    for module in args.modules or list(MODULES):
        directory = scratch_copy(args.work, module)
        start = time.perf_counter()
        subprocess.run(
            [
                "nice",
                "-n",
                "15",
                sys.executable,
                "-m",
                "mutmut",
                "run",
                "--max-children",
                str(args.children),
            ],
            cwd=directory,
            check=False,
            stdout=subprocess.DEVNULL,
            # No cache: a test run in place (examples/) would read the findings an earlier
            # mutant's run stored, under the same key (mutmut switches mutants at run time).
            env={**os.environ, "FLAKE8_HTTPSTATUS_CACHE_DIR": ""},
        )
        counts = results(directory)
        total = sum(counts.values())
        if total and counts["not checked"] == total:
            print(
                f"{module:18} not run: mutmut could not run the tests (cd {directory} && mutmut run)"
            )
            continue
        score = counts["killed"] / total if total else 0.0
        detail = ", ".join(f"{counts[status]} {status}" for status in STATUSES if counts[status])
        print(
            f"{module:18} {score:6.1%} killed of {total} mutants ({detail}) "
            f"in {time.perf_counter() - start:.0f} s; survivors: cd {directory} && mutmut results"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
