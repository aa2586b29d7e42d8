"""The route map against a test run: `benchmarks/route_observer.py` records what the real
frameworks match and send while a project's own tests run, `benchmarks/route_truth.py` joins it
with the map. Here both run on the example projects, in real Flask, FastAPI and Django."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.route_truth import (
    Truth,
    load_observations,
    load_table,
    measure,
    observed_path,
    path_key,
)
from flake8_httpstatus.frontends.route_report import to_json
from flake8_httpstatus.routes.table import route_map

ROUTES = Path(__file__).parent / "fixtures" / "routes"
BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


@pytest.mark.parametrize(
    ("framework", "pattern", "key"),
    [
        ("django", "api/v3/checks/<uuid:code>", "/api/v3/checks/{}"),
        ("django", "archive/(?P<year>[0-9]{4})/$", "/archive/{}/"),
        ("django", "", "/"),
        ("flask", "/users/<int:user_id>/posts/<slug>", "/users/{}/posts/{}"),
        ("starlette", "/items/{item_id:int}", "/items/{}"),
    ],
)
def test_matched_patterns_are_keyed_as_the_table_writes_paths(
    framework: str, pattern: str, key: str
) -> None:
    assert path_key(observed_path(framework, pattern)) == key


# How each project's tests run under pytest, with the observer loaded.
_PYTEST = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "route_observer"]
_RUNS = {
    "fastapi_shop": [*_PYTEST, "tests"],
    "fastapi_kitchen": [*_PYTEST, "tests"],
    "flask_blog": [*_PYTEST, "tests"],
    "flask_notes": [*_PYTEST, "tests"],
    "django_library": [
        *_PYTEST,
        "-p",
        "pytest_django",
        "--ds",
        "library.settings",
        "-o",
        "python_files=tests.py",
        "catalog",
    ],
}


@pytest.mark.slow
@pytest.mark.parametrize("project", sorted(_RUNS))
def test_every_status_the_run_sees_is_in_the_map(project: str, tmp_path: Path) -> None:
    """Each request the project's tests make is matched to a route of the map, and the status
    the framework sent is among the route's sends or implicit statuses."""
    pytest.importorskip("httpx")
    where = ROUTES / project
    observations = tmp_path / "observed.jsonl"
    done = subprocess.run(
        [
            sys.executable,
            *_RUNS[project],
            f"--route-observations={observations}",
            "-c",
            os.devnull,
            "--rootdir",
            str(where),
            "-W",
            "ignore",
        ],
        capture_output=True,
        text=True,
        check=False,
        cwd=where,
        env={
            **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
            "PYTHONPATH": os.pathsep.join([str(BENCHMARKS), str(where)]),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]
    table = load_table(json.loads(to_json(route_map(where))))
    figures = measure(Truth(table, load_observations(observations)), misses=100)
    assert figures["requests"] > 0
    assert figures["exercised"] > 0
    assert (figures["routes_lacking"], figures["methods_lacking"]) == ({}, {})
    assert figures["misses"] == []
