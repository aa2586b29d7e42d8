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
        [
            sys.executable,
            "-c",
            _ANSWERS,
            str(ROUTES / project),
            PROJECTS[project],
            json.dumps(operations),
        ],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    answered = json.loads(done.stdout)
    assert {key: ({422} if status == 422 else set()) for key, status in answered.items()} == (
        implicit
    )


# flask-smorest before 0.29.0 (its changelog: "In `@response` decorator, rename `code` argument
# to `status_code` and make it positional"): `response(schema=None, *, code=200, ...)`, which
# both sets the success status and documents it. Checked by hand against flask-smorest 0.28.0
# (with Flask 1.1.4, webargs 7): `api.spec.to_dict()` lists 201 for `post`, 204 for `delete`,
# 200 for `get`, and the test client answers them so.
_OLD_SMOREST = """
from flask.views import MethodView
from flask_smorest import Blueprint

from teams.schemas import TeamSchema

blp = Blueprint("teams", __name__, url_prefix="/teams")


@blp.route("/")
class Teams(MethodView):
    @blp.response(TeamSchema(many=True))
    def get(self):
        return []

    @blp.arguments(TeamSchema)
    @blp.response(TeamSchema, code=201)
    def post(self, new_item):
        return new_item


@blp.route("/<int:item_id>")
class TeamsById(MethodView):
    @blp.response(code=204)
    def delete(self, item_id):
        return None
"""


def test_old_smorest_response_code(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "teams").mkdir()
    (tmp_path / "teams" / "__init__.py").write_text("")
    (tmp_path / "teams" / "schemas.py").write_text(
        "import marshmallow as ma\n\n\nclass TeamSchema(ma.Schema):\n    name = ma.fields.Str()\n"
    )
    (tmp_path / "teams" / "views.py").write_text(_OLD_SMOREST)
    capsys.readouterr()
    assert main(["routes", str(tmp_path), "--format", "json"]) == 0
    found = {
        f"{route['methods'][0]} {route['path']}": (
            [entry["status"] for entry in route["sends"]],
            [entry["status"] for entry in route["documented"]],
        )
        for route in json.loads(capsys.readouterr().out)["routes"]
    }
    assert found == {
        "GET /teams/": ([200], [200]),
        "POST /teams/": ([201], [201, 422]),
        "DELETE /teams/{item_id}": ([204], [204]),
    }
