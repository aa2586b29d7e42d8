"""The engine over every file of the installed web frameworks: no crash, and for three of them
the findings are kept as snapshots (tests/snapshots/sweep_<package>.txt), compared exactly.

UPDATE_SNAPSHOTS=1 rewrites the snapshots (never in CI). A snapshot records the package version
on its first line; with another version installed the comparison cannot be made: it fails in CI
(CI=true, so a version bump cannot switch the test off unnoticed) and skips elsewhere."""

from __future__ import annotations

import ast
import collections
import importlib.metadata
import importlib.util
import warnings
from pathlib import Path

import pytest

from benchmarks.bench_plugin import PACKAGES  # the same corpus the benchmark measures
from flake8_httpstatus.config.settings import Settings, parse_version
from flake8_httpstatus.core.positions import byte_to_char
from flake8_httpstatus.frontends.runner import FileResult, Job, Selection, process
from tests.conftest import in_ci, updating

pytestmark = pytest.mark.slow

SNAPSHOTS = ("flask", "starlette", "rest_framework")
DISTRIBUTIONS = {"rest_framework": "djangorestframework", "webob": "WebOb"}
SNAPSHOT_DIR = Path(__file__).parent / "snapshots"
# The packages swept run on the installed Starlette; without this, what the sweep reads would
# depend on which project's pyproject.toml lies above the venv's site-packages.
JOB = Job(
    Settings(
        library_versions={"starlette": parse_version(importlib.metadata.version("starlette"))}
    ),
    Selection(select=("HS",)),
    "check",
)


def package_dir(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def version(name: str) -> str:
    return importlib.metadata.version(DISTRIBUTIONS.get(name, name))


def sweep(directory: Path) -> list[FileResult]:
    return [process(str(path), JOB) for path in sorted(directory.rglob("*.py"))]


def ast_rejects(path: str) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(Path(path).read_bytes())
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return True
    return False


@pytest.mark.parametrize("name", PACKAGES)
def test_no_crash(name: str) -> None:
    directory = package_dir(name)
    if directory is None:
        pytest.skip(f"{name} is not installed")
    results = sweep(directory)
    assert results, f"no .py files under {directory}"
    for result in results:
        if result.error is not None:
            assert ast_rejects(result.path), result.error
    by_rule = collections.Counter(finding.code for result in results for finding in result.findings)
    errors = sum(result.error is not None for result in results)
    summary = ", ".join(f"{code} {count}" for code, count in sorted(by_rule.items())) or "none"
    print(f"\n{name} {version(name)}: {len(results)} files, {errors} unparsable; {summary}")


def snapshot(name: str, directory: Path, results: list[FileResult]) -> str:
    lines = [f"# {name} {version(name)}"]
    for result in results:
        relative = Path(result.path).relative_to(directory).as_posix()
        if result.error is not None:
            lines.append(f"{relative}: error: {result.error.split(': ', 1)[-1]}")
        for f in result.findings:
            text = result.lines[f.line - 1] if f.line <= len(result.lines) else ""
            lines.append(f"{relative}:{f.line}:{byte_to_char(text, f.col) + 1}: {f.message}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("name", SNAPSHOTS)
def test_snapshot(name: str) -> None:
    directory = package_dir(name)
    if directory is None:
        pytest.skip(f"{name} is not installed")
    path = SNAPSHOT_DIR / f"sweep_{name}.txt"
    actual = snapshot(name, directory, sweep(directory))
    if updating("UPDATE_SNAPSHOTS"):
        SNAPSHOT_DIR.mkdir(exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"{path} does not exist; write it with UPDATE_SNAPSHOTS=1 and check it in")
    expected = path.read_text(encoding="utf-8")
    recorded = expected.partition("\n")[0]
    installed = f"# {name} {version(name)}"
    if recorded != installed:
        reason = f"{path.name} was recorded for {recorded[2:]!r}, {installed[2:]!r} is installed"
        if in_ci():
            pytest.fail(f"{reason}: re-record it (UPDATE_SNAPSHOTS=1) and review the difference")
        pytest.skip(reason)
    assert actual == expected
