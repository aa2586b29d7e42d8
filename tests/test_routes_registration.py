"""Routes registered in a loop, through a project's wrapper of `add_resource`, and by a
blueprint imported inside the function registering it: the `flask_factory` project's table is
checked whole by test_routes; here against Flask's own url map. And Sanic's handlers
registered through `app.error_handler.add` (the `sanic_shop` project)."""

from __future__ import annotations

import importlib.util
import inspect
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.knowledge.routing import SANIC
from tests.test_routes import _URL_MAP, ROUTES, _merged, table

_FACTORY_URL_MAP = _URL_MAP.replace("from blog import", "from factory import")


def _flask_rules(multi_org: str) -> list[tuple[str, list[str], str]]:
    done = subprocess.run(
        [sys.executable, "-c", _FACTORY_URL_MAP, str(ROUTES / "flask_factory")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "MULTI_ORG": multi_org},
    )
    return [(path, list(methods), name) for path, methods, name in json.loads(done.stdout)]


def test_factory_routes_match_its_url_maps(capsys: pytest.CaptureFixture[str]) -> None:
    """Flask builds the same rules, methods and endpoints: blueprints registered in a loop
    over a parameter two factories pass down (`url_prefix=f"/api/{API_VERSION}"`) and over a
    literal list, rules added in a loop over a tuple of pairs, a blueprint imported inside
    `create_app`, and Redash's `add_org_resource` wrapper, whose URLs are scoped to the
    organisation by a setting: the map lists the routes of both settings."""
    pytest.importorskip("flask_restful")
    rules = [*_flask_rules("0"), *_flask_rules("1")]
    real = sorted(
        {
            (path, tuple(methods), name): (path, methods, name) for path, methods, name in rules
        }.values()
    )
    assert _merged(table(capsys, "flask_factory")["routes"]) == real


def _paths(capsys: pytest.CaptureFixture[str], root: Path) -> list[str]:
    assert main(["routes", str(root), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    return [route["path"] for route in json.loads(out)["routes"]]


_WRAPPED = """
from flask import Flask
from flask_restful import Api, Resource

app = Flask(__name__)


def scoped(rule):
    if app.config["SCOPED"]:
        return app.config["SCOPE"] + rule
    return rule


class ScopedApi(Api):
    def add_scoped(self, resource, url):
        return self.add_resource(resource, scoped(url))

    def add_two(self, resource, url):
        self.add_resource(resource, url, "/v2" + url)


api = ScopedApi(app)


class Thing(Resource):
    def get(self):
        return {}


api.add_scoped(Thing, "/things")
api.add_two(Thing, "/stuff")
"""


def test_a_path_a_wrapper_computes_at_run_time_is_not_guessed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """One of `scoped`'s returns reads the app's configuration: `/things` is left out rather
    than listed without its scope; the other wrapper's two literal paths are read."""
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "app.py").write_text(_WRAPPED)
    assert _paths(capsys, tmp_path) == ["/stuff", "/v2/stuff"]


def test_a_loop_over_items_the_map_cannot_read_registers_nothing(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "app.py").write_text(
        "from flask import Flask, Blueprint\n"
        "app = Flask(__name__)\n"
        "bp = Blueprint('bp', __name__)\n"
        "@bp.route('/x')\ndef x(): pass\n"
        "for prefix in load_prefixes():\n"
        "    app.register_blueprint(bp, url_prefix=prefix)\n"
    )
    assert _paths(capsys, tmp_path) == ["/x"]


def test_sanic_handler_registrations_are_its_own() -> None:
    """Each of Sanic's handler-registering names is the app's (`exception`) or its member's
    (`error_handler.add`, whose first two parameters are the exception and the handler)."""
    sanic = pytest.importorskip("sanic")
    handlers = pytest.importorskip("sanic.handlers")
    for name in SANIC.exception_handlers:
        owner, _, method = name.rpartition(".")
        if owner:
            assert owner in sanic.Sanic.__slots__ or hasattr(sanic.Sanic, owner)
            parameters = list(inspect.signature(getattr(handlers.ErrorHandler, method)).parameters)
            assert parameters[1:3] == ["exception", "handler"]
        else:
            assert callable(getattr(sanic.Sanic, method))


def test_ninja_router_clients_request_what_the_map_matches(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`TestClient(router).get("/99")` is `/api/items/99` through the site's URLs: the map
    counts its 404 for that route, and django-ninja itself answers the fixture's tests so."""
    if not all(importlib.util.find_spec(name) for name in ("ninja", "pytest_django")):
        pytest.skip("django-ninja and pytest-django are not installed")  # not imported here
    tested = {
        route["path"]: [(entry["status"], entry["file"]) for entry in route["tested"]]
        for route in table(capsys, "ninja_shop")["routes"]
    }
    assert (404, "shop/test_clients.py") in tested["/api/items/{item_id}"]
    assert tested["/api/ping"] == [(200, "shop/test_clients.py")]
    project = tmp_path / "ninja_shop"
    shutil.copytree(ROUTES / "ninja_shop", project)
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "pytest_django", "shop/test_clients.py"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "site_.settings", "PYTHONPATH": str(project)},
    )
    assert done.returncode == 0, done.stdout[-2000:]
