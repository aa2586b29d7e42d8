"""flask-smorest's `@blp.arguments`/`@blp.paginate` and APIFlask's `@app.input` validate the
request and answer a bad one by themselves: the route map lists that status as implicit (as
FastAPI's 422 is), on exactly the routes whose real application answers a bad request with it
(the fixture projects run in a fresh Python, never here)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main

ROUTES = Path(__file__).parent / "fixtures" / "routes"
# A bad request to every route: a JSON body that is no object, and query values no schema
# takes (`count` is an integer of the smorest project's schema; pages start at 1).
_ANSWERS = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
create_app = __import__(sys.argv[2]).create_app
client = create_app().test_client()
answers = {}
for method, path in json.loads(sys.argv[3]):
    url = re.sub(r"{\\w+}", "1", path) + "?page=0&count=x"
    answers[f"{method} {path}"] = client.open(url, method=method, json="x").status_code
print(json.dumps(answers))
"""
PROJECTS = {"smorest_items": "items", "apiflask_pets": "pets"}


@pytest.mark.parametrize("project", sorted(PROJECTS))
def test_validation_status_is_implicit_where_the_library_answers_it(
    capsys: pytest.CaptureFixture[str], project: str
) -> None:
    capsys.readouterr()
    assert main(["routes", str(ROUTES / project), "--format", "json"]) == 0
    routes = json.loads(capsys.readouterr().out)["routes"]
    implicit = {
        f"{method} {route['path']}": {
            entry["status"]
            for entry in route["implicit"]
            if entry["reason"] == "request validation"
        }
        for route in routes
        for method in route["methods"]
    }
    assert any(implicit.values())
    pytest.importorskip("flask_smorest" if project.startswith("smorest") else "apiflask")
    operations = [key.split(" ", 1) for key in implicit]
    done = subprocess.run(
        [sys.executable, "-c", _ANSWERS, str(ROUTES / project), PROJECTS[project],
         json.dumps(operations)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    answered = json.loads(done.stdout)
    assert {key: ({422} if status == 422 else set()) for key, status in answered.items()} == (
        implicit
    )
