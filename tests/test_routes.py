"""The route map (`flake8-httpstatus routes`): whole JSON tables of small multi-module projects,
checked against what the real frameworks build from the same code."""

from __future__ import annotations

import importlib
import importlib.util
import inspect
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest

from flake8_httpstatus.frontends.cli import main
from flake8_httpstatus.knowledge.routing import (
    AIOHTTP_EXCEPTIONS,
    DRF_ALLOW_ANY,
    DRF_AUTHENTICATE_HEADER,
    DRF_DEFAULT_AUTHENTICATION,
    FALCON_EXCEPTIONS,
    FLASK_SQLALCHEMY_404,
    SANIC_EXCEPTIONS,
    WERKZEUG_EXCEPTIONS,
)
from flake8_httpstatus.routes.django import path_of
from flake8_httpstatus.routes.table import normalise
from tests.conftest import in_ci

ROUTES = Path(__file__).parent / "fixtures" / "routes"
# Each project beside its expected table: `<name>/` and `<name>.json`.
PROJECTS = sorted(path.name for path in ROUTES.iterdir() if path.is_dir())


def framework_says(script: str, project: str) -> Any:
    """What the real framework builds for a fixture project: `script` run on it in a fresh
    Python (the project is imported there, never here), its JSON output read."""
    done = subprocess.run(
        [sys.executable, "-c", script, str(ROUTES / project)],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    return json.loads(done.stdout)


def table(capsys: pytest.CaptureFixture[str], project: str) -> dict[str, Any]:
    code = main(["routes", str(ROUTES / project), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    found: dict[str, Any] = json.loads(out)
    return found


@pytest.mark.parametrize("project", PROJECTS)
def test_route_table_whole(capsys: pytest.CaptureFixture[str], project: str) -> None:
    expected = json.loads((ROUTES / f"{project}.json").read_text())
    assert table(capsys, project) == expected


_OPENAPI = """
import json, sys
sys.path.insert(0, sys.argv[1])
from shop.main import app
paths = {
    path: {method: sorted(int(code) for code in operation["responses"])
           for method, operation in operations.items()}
    for path, operations in app.openapi()["paths"].items()
}
print(json.dumps(paths))
"""


def test_fastapi_paths_and_documented_statuses_match_its_openapi(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """FastAPI itself, on the same project, builds the same paths, methods and documented
    statuses (its OpenAPI document merges app, router, include and route `responses=`)."""
    pytest.importorskip("fastapi")
    real: dict[str, dict[str, list[int]]] = framework_says(_OPENAPI, "fastapi_shop")
    ours: dict[str, dict[str, list[int]]] = {}
    for route in table(capsys, "fastapi_shop")["routes"]:
        for method in route["methods"]:
            documented = sorted(entry["status"] for entry in route["documented"])
            ours.setdefault(route["path"], {})[method.lower()] = documented
    assert ours == real


def test_text_output_is_a_table_per_route(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routes", str(ROUTES / "fastapi_shop")]) == 0
    out = capsys.readouterr().out
    assert "GET /api/v1/items/{item_id}  shop.api.items:get_item  shop/api/items.py:18" in out
    assert (
        "  404 Not Found              yes       yes         -       "
        "shop/services.py:10 shop.services:not_found"
    ) in out
    assert out.rstrip().endswith("7 routes")


def test_not_a_directory_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["routes", str(tmp_path / "missing")]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "not a directory" in err


def test_a_file_that_does_not_parse_is_named_and_the_rest_mapped(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "pyproject.toml").write_text("")
    (tmp_path / "app.py").write_text(
        "from fastapi import FastAPI\napp = FastAPI()\n@app.get('/x')\ndef x(): pass\n"
    )
    (tmp_path / "broken.py").write_text("def (:\n")
    assert main(["routes", str(tmp_path), "--format", "json"]) == 0
    out, err = capsys.readouterr()
    assert [route["path"] for route in json.loads(out)["routes"]] == ["/x"]
    assert err == "flake8-httpstatus: error: broken.py: SyntaxError\n"


_URL_MAP = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from blog import create_app
app = create_app()
rules = sorted(
    (
        re.sub(r"<(?:[^<>:]+:)?(\\w+)>", r"{\\1}", rule.rule),
        sorted(rule.methods - {"HEAD", "OPTIONS"}),
        rule.endpoint,
    )
    for rule in app.url_map.iter_rules()
    if rule.endpoint != "static"
)
print(json.dumps(rules))
"""


def test_flask_rules_match_its_url_map(capsys: pytest.CaptureFixture[str]) -> None:
    """Flask itself, on the same project, builds the same rules, methods and endpoint names
    (`register_blueprint(url_prefix=)` replacing the blueprint's own, nested blueprints)."""
    pytest.importorskip("flask")
    real = [tuple(row) for row in framework_says(_URL_MAP, "flask_blog")]
    ours = sorted(
        (route["path"], route["methods"], route["name"])
        for route in table(capsys, "flask_blog")["routes"]
    )
    assert ours == real


def test_werkzeug_exception_statuses_are_the_classes_codes() -> None:
    exceptions = pytest.importorskip("werkzeug.exceptions")
    for qualified, code in WERKZEUG_EXCEPTIONS.items():
        assert getattr(exceptions, qualified.rpartition(".")[2]).code == code, qualified


@pytest.mark.parametrize(
    ("declared", "normalised"),
    [
        ("/items/{item_id:int}", "/items/{item_id}"),
        ("/f/{p:path}", "/f/{p}"),
        ("/u/<int:uid>/<name>", "/u/{uid}/{name}"),
        ("/a/<any(x, y):kind>", "/a/{kind}"),
        ("/api//v1/", "/api/v1/"),
    ],
)
def test_paths_are_normalised(declared: str, normalised: str) -> None:
    assert normalise(declared) == normalised


_RESOLVER = """
import json, sys
sys.path.insert(0, sys.argv[1])
import django
from django.conf import settings
settings.configure(ROOT_URLCONF="library.urls", INSTALLED_APPS=["rest_framework"])
django.setup()
from django.urls import URLResolver, get_resolver
from flake8_httpstatus.routes.django import path_of

def regex(pattern):
    return not hasattr(pattern, "converters") or not hasattr(pattern, "_route")

def walk(patterns, prefix, namespace):
    for entry in patterns:
        piece = path_of(str(entry.pattern), regex(entry.pattern))
        if isinstance(entry, URLResolver):
            inner = ":".join(p for p in (namespace, entry.namespace) if p)
            yield from walk(entry.url_patterns, prefix + piece, inner)
            continue
        if entry.name == "api-root" or "format" in str(entry.pattern):
            continue  # DefaultRouter's own root view and format-suffix twins
        callback = entry.callback
        actions = getattr(callback, "actions", None)
        view = getattr(callback, "view_class", None)
        if actions:
            methods = [[method.upper()] for method in actions]
        elif view is not None:
            defined = [m.upper() for m in view.http_method_names
                       if m not in ("options", "head") and hasattr(view, m)]
            # One function behind all of an api_view's methods; a class view's method each.
            one = view.__qualname__ == "WrappedAPIView"
            methods = [sorted(defined)] if one else [[m] for m in defined]
        else:
            methods = [["*"]]
        name = ":".join(p for p in (namespace, entry.name) if p)
        for listed in methods:
            yield ["/" + (prefix + piece).lstrip("/"), listed, name]

print(json.dumps(sorted(walk(get_resolver().url_patterns, "", ""))))
"""


def test_django_routes_match_its_resolver(capsys: pytest.CaptureFixture[str]) -> None:
    """Django and DRF themselves, on the same project, resolve the same paths, methods and
    names: `include()` with a module's `app_name`, a DRF router's list, detail and extra
    actions, `api_view`, and a class view's methods."""
    pytest.importorskip("rest_framework")
    real = [tuple(row) for row in framework_says(_RESOLVER, "django_library")]
    ours = sorted(
        (route["path"], route["methods"], route["name"])
        for route in table(capsys, "django_library")["routes"]
    )
    assert ours == real


_SPECTACULAR = """
import json, sys, warnings
sys.path.insert(0, sys.argv[1])
import django
from django.conf import settings
from site_ import settings as project
settings.configure(**{name: getattr(project, name) for name in dir(project) if name.isupper()})
django.setup()
from drf_spectacular.generators import SchemaGenerator
warnings.simplefilter("ignore")
schema = SchemaGenerator().get_schema(request=None, public=True)
print(json.dumps(sorted(
    [path, method.upper(), sorted(int(code) for code in operation["responses"])]
    for path, item in schema["paths"].items() for method, operation in item.items()
)))
"""


def test_drf_spectacular_documented_statuses_match_its_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """drf-spectacular's own schema of the project has, per operation, the statuses the map
    reads as documented: `extend_schema` and `extend_schema_view` response keys (ints,
    `HTTPStatus`, DRF constants, `(status, media type)`, a `**` constant), `exclude=True`,
    and its 200/201/204 where `responses=` is not a dict."""
    pytest.importorskip("drf_spectacular")
    real = framework_says(_SPECTACULAR, "drf_spectacular_shop")
    # drf-spectacular names the `pk` parameter after the model's key; its own schema view is
    # not the project's.
    real = [[path.replace("{id}", "{pk}"), *rest] for path, *rest in real if path != "/schema/"]
    ours = sorted(
        [route["path"], method, sorted(entry["status"] for entry in route["documented"])]
        for route in table(capsys, "drf_spectacular_shop")["routes"]
        for method in route["methods"]
        if route["documented"]
    )
    assert ours == real


@pytest.mark.parametrize(
    ("pattern", "path"),
    [
        (r"^archive/(?P<year>[0-9]{4})/$", "archive/{year}/"),
        (r"^users/(?P<pk>[^/.]+)/$", "users/{pk}/"),
        (r"^items/([0-9]+)/(\w+)/$", "items/{arg0}/{arg1}/"),
        (r"^mix/(?P<a>[0-9]+)/([a-z]+)/$", "mix/{a}//"),
    ],
)
def test_django_regex_routes_as_paths(pattern: str, path: str) -> None:
    assert path_of(pattern, regex=True) == path


# How each example project runs its own tests.
_RUN_TESTS = {
    "fastapi_shop": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "fastapi_kitchen": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "flask_blog": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "flask_notes": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "django_library": ["-m", "django", "test", "catalog"],
    "ninja_shop": ["-m", "django", "test", "shop"],
    "starlette_notes": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "flask_resources": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "litestar_store": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "aiohttp_notes": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "falcon_things": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "tornado_blog": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "connexion_pets": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
    "smorest_items": ["-m", "pytest", "-q", "-p", "no:cacheprovider", "-W", "ignore", "tests"],
}


_DJANGO_SETTINGS = {"django_library": "library.settings", "ninja_shop": "site_.settings"}


@pytest.mark.parametrize("project", sorted(_RUN_TESTS))
def test_the_projects_tests_pass_against_the_framework(project: str) -> None:
    """The statuses the map reads as tested are the ones the app answers: each example
    project's own tests pass when run against the real framework."""
    pytest.importorskip("httpx")
    where = ROUTES / project
    pytest_config = (
        ["-c", os.devnull, "--rootdir", str(where)] if "pytest" in _RUN_TESTS[project] else []
    )
    done = subprocess.run(
        [sys.executable, *_RUN_TESTS[project], *pytest_config],
        capture_output=True,
        text=True,
        check=False,
        cwd=where,
        env={
            **{key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"},
            **(
                {"DJANGO_SETTINGS_MODULE": _DJANGO_SETTINGS[project]}
                if project in _DJANGO_SETTINGS
                else {}
            ),
            "PYTHONPATH": str(where),
            "PYTHONDONTWRITEBYTECODE": "1",
        },
    )
    assert done.returncode == 0, (done.stdout + done.stderr)[-2000:]


def test_a_class_based_views_dependencies_count_for_its_routes(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """fastapi-utils' `cbv` (Mealie's `controller`): the `Depends` class attributes of the
    view's class and its bases run before each of its routes."""
    found = table(capsys, "fastapi_kitchen")
    sends = {
        (" ".join(route["methods"]), route["path"]): (
            sorted({entry["status"] for entry in route["sends"]}),
            [entry["status"] for entry in route["implicit"]],
        )
        for route in found["routes"]
    }
    assert sends == {
        ("GET", "/kitchens/{kitchen}/orders"): ([200, 401, 404], [405, 422, 500]),
        ("POST", "/kitchens/{kitchen}/orders"): ([201, 401, 404], [405, 422, 500]),
    }


def test_flask_sqlalchemy_or_404_methods_send_404(capsys: pytest.CaptureFixture[str]) -> None:
    """`Note.query.filter_by(...).first_or_404()`, `db.get_or_404(Note, id)`,
    `db.one_or_404(...)`: Flask-SQLAlchemy aborts with 404 (its `Query` and `SQLAlchemy`
    both define them); the project's own tests see each 404."""
    flask_sqlalchemy = pytest.importorskip("flask_sqlalchemy")
    for method in FLASK_SQLALCHEMY_404:
        assert hasattr(flask_sqlalchemy.query.Query, method)
        assert hasattr(flask_sqlalchemy.SQLAlchemy, method)
    found = table(capsys, "flask_notes")
    sends = {
        (" ".join(route["methods"]), route["path"]): sorted(
            (entry["status"], entry["line"]) for entry in route["sends"]
        )
        for route in found["routes"]
    }
    assert sends == {
        ("GET", "/notes/{note_id}"): [(200, 8), (404, 10)],
        ("GET", "/notes/titled/{title}"): [(200, 14), (404, 16)],
        ("DELETE", "/notes/{note_id}"): [(200, 20), (204, 24), (404, 22)],
    }


def test_tested_statuses_and_unresolved_requests(capsys: pytest.CaptureFixture[str]) -> None:
    found = table(capsys, "fastapi_shop")
    tested = {
        (" ".join(route["methods"]), route["path"]): [entry["status"] for entry in route["tested"]]
        for route in found["routes"]
    }
    # f-string, `%`, and a parametrize table's rows (line 64: the table's assertion)
    assert tested["GET", "/api/v1/items/{item_id}"] == [200, 404, 404, 410, 410]
    assert tested["GET HEAD", "/health"] == [200]  # the expected status from a table
    assert tested["GET", "/api/v1/items/mine"] == [401]  # a literal beats a parameter
    assert tested["DELETE", "/api/v1/items/{item_id}"] == [401, 403]  # url_path_for, `in`
    assert [entry["reason"] for entry in found["unresolved_tests"]] == [
        "no GET route matches /api/v2/items",
        "URL built() not resolved",
    ]


class _Table(HTMLParser):
    """The rows of the page's `#routes` table, as the cells' texts."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.inside = False
        self.cell: list[str] | None = None
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        self.links += [value for key, value in found.items() if key in {"src", "href"} and value]
        if tag == "table" and found.get("id") == "routes":
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in {"td", "th"}:
            self.cell = []
        elif self.cell is not None and tag == "br":
            self.cell.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag == "table":
            self.inside = False
        elif self.cell is not None and tag in {"td", "th"}:
            self.rows[-1].append("".join(self.cell).strip())
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.cell is not None:
            self.cell.append(data)


def test_html_page_renders_the_matrix_in_chromium(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The page, loaded by headless Chromium (the DOM it builds, read back), holds a row per
    route and a column per status, with the marks; and it asks the network for nothing."""
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        if in_ci():
            pytest.fail("no chromium: .ci/run installs Debian's chromium")
        pytest.skip("no chromium (apt-get install chromium)")
    page = tmp_path / "routes.html"
    assert main(["routes", str(ROUTES / "fastapi_shop"), "--format", "html"]) == 0
    page.write_text(capsys.readouterr().out, encoding="utf-8")
    done = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    table_ = _Table()
    table_.feed(done.stdout)
    header, *rows = table_.rows
    by_route = {row[0]: dict(zip(header[1:], row[1:], strict=True)) for row in rows}
    assert len(rows) == 7
    item = by_route["GET /api/v1/items/{item_id} shop.api.items:get_item"]
    # 200 tested by a parametrize row
    assert (item["200"], item["404"], item["410"], item["422"]) == ("SDT", "SDT", "SDT", "ID")
    assert item["403"] == ""
    assert all(not link.startswith(("http:", "https:", "//")) for link in table_.links)


def test_markdown_is_a_table_per_route(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routes", str(ROUTES / "flask_blog"), "--format", "markdown"]) == 0
    out = capsys.readouterr().out
    assert "## `PUT /posts/{slug}`\n\n`blog.posts:put_slug` in `blog/posts.py:41`" in out
    assert "| 409 Conflict | yes | - | yes | blog/errors.py:10 blog.errors:SlugTaken; " in out


def _mapped(
    capsys: pytest.CaptureFixture[str], root: Path, files: dict[str, str]
) -> dict[str, Any]:
    """The JSON table of a small project written under `root`."""
    (root / "pyproject.toml").write_text("")
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    assert main(["routes", str(root), "--format", "json"]) == 0
    found: dict[str, Any] = json.loads(capsys.readouterr().out)
    return found


_DJANGO_URLS = """
from django.conf import settings
from django.urls import include, path
from site_ import views

prefix = ""
if settings.SITE_ROOT:
    prefix = f"{settings.SITE_ROOT}/"

check_urls = [path("pause/", views.pause, name="pause")]

urlpatterns = [
    path(f"{prefix}checks/<uuid:code>/", include(check_urls)),
    path(f"{prefix}api/v<int:v>/ping/", views.ping),
]
"""
_DJANGO_VIEWS = """
from django.http import HttpResponse, HttpResponseForbidden


def authorize(view):
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return HttpResponse(status=401)
        return view(request, *args, **kwargs)
    return wrapper


@authorize
def pause(request, code):
    return HttpResponseForbidden()


def ping(request, v):
    return HttpResponse("pong")
"""
_DJANGO_TESTS = """
from django.test import TestCase


class PauseTests(TestCase):
    def setUp(self):
        self.url = f"/checks/{self.code}/pause/"

    def test_it(self):
        response = self.client.post(self.url)
        self.assertEqual(response.status_code, 403)

    def test_ping(self):
        r = self.client.get(f"/api/v{self.v}/ping/")
        assert r.status_code == 200
"""


def test_django_defaults_lists_decorators_and_tests_set_up(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A prefix bound at the module's top and rebound under `if` reads as its default; an
    f-string path; `include()` of a bound list; a project decorator's statuses; a test's URL
    bound in `setUp`; a filled-in piece inside a segment (`v{v}`)."""
    found = _mapped(
        capsys,
        tmp_path,
        {
            "site_/__init__.py": "",
            "site_/urls.py": _DJANGO_URLS,
            "site_/views.py": _DJANGO_VIEWS,
            "site_/tests.py": _DJANGO_TESTS,
        },
    )
    rows = {
        route["path"]: (
            sorted({entry["status"] for entry in route["sends"]}),
            [entry["status"] for entry in route["tested"]],
        )
        for route in found["routes"]
    }
    assert rows == {
        "/checks/{code}/pause/": ([200, 401, 403], [403]),
        "/api/v{v}/ping/": ([200], [200]),
    }
    assert found["unresolved_tests"] == []


def test_star_reexported_dependency_and_raised_constant(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    found = _mapped(
        capsys,
        tmp_path,
        {
            "app/__init__.py": "",
            "app/deps/__init__.py": "from .auth import *\n",
            "app/deps/auth.py": (
                "from fastapi import HTTPException\n"
                "DENIED = HTTPException(status_code=401)\n"
                "def current_user(token: str):\n    raise DENIED\n"
            ),
            "app/main.py": (
                "from fastapi import Depends, FastAPI\n"
                "from app.deps import current_user\n"
                "app = FastAPI()\n"
                "@app.get('/me')\n"
                "def me(user=Depends(current_user)):\n    return user\n"
            ),
        },
    )
    (route,) = found["routes"]
    assert [(entry["status"], entry["via"]) for entry in route["sends"]] == [
        (200, "default"),
        (401, "app.deps.auth:current_user"),
    ]


_STARLETTE_ROUTES = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from starlette.routing import Mount, Route
from notes.main import app

def walk(routes, prefix, namespace):
    for route in routes:
        if isinstance(route, Mount):
            inner = namespace + (route.name + ":" if route.name else "")
            yield from walk(route.routes, prefix + route.path, inner)
        elif isinstance(route, Route) and route.include_in_schema:
            path = re.sub(r"{(\\w+)(:\\w+)?}", r"{\\1}", prefix + route.path)
            if route.methods is None:  # a class endpoint: the methods it defines
                methods = [[m.upper()] for m in ("get", "post", "put", "patch", "delete")
                           if hasattr(route.endpoint, m)]
            else:
                methods = [sorted(route.methods - {"HEAD"})]
            for listed in methods:
                yield [path, listed, namespace + route.name]

print(json.dumps(sorted(walk(app.routes, "", ""))))
"""


def test_starlette_routes_match_its_route_tree(capsys: pytest.CaptureFixture[str]) -> None:
    """Starlette itself, on the same project, builds the same paths, methods and names:
    `routes=[...]` lists bound in another module, `Mount` with routes and a name (a
    namespace), `Mount` of a FastAPI app, FastAPI's `mount` of a Starlette app, and an
    `HTTPEndpoint`'s methods."""
    pytest.importorskip("fastapi")
    real = [tuple(row) for row in framework_says(_STARLETTE_ROUTES, "starlette_notes")]
    ours = sorted(
        (route["path"], route["methods"], route["name"])
        for route in table(capsys, "starlette_notes")["routes"]
    )
    assert ours == real


_RESOURCE_URL_MAP = _URL_MAP.replace("from blog import", "from resources import").replace(
    'if rule.endpoint != "static"',
    'if rule.endpoint not in ("static", "restx_doc.static")'
    ' and not rule.endpoint.endswith((".specs", ".root"))',
)


_RESTX_SWAGGER = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from resources import create_app, restx
app = create_app()
with app.test_request_context():
    schema = restx.api.__schema__
base = schema["basePath"].rstrip("/")
print(json.dumps(sorted(
    [base + re.sub(r"{(\\w+)}", r"{\\1}", path), method.upper(),
     sorted(int(code) for code in operation["responses"])]
    for path, item in schema["paths"].items()
    for method, operation in item.items() if method != "parameters"
)))
"""


def test_restx_documented_statuses_match_its_swagger(capsys: pytest.CaptureFixture[str]) -> None:
    """flask-restx's own Swagger document of the project: `@ns.response` on the resource and
    its method, `@ns.doc(responses=...)`, and 200 where a method documents nothing."""
    pytest.importorskip("flask_restx")
    real = framework_says(_RESTX_SWAGGER, "flask_resources")
    ours = sorted(
        [route["path"], method, sorted(entry["status"] for entry in route["documented"])]
        for route in table(capsys, "flask_resources")["routes"]
        if route["framework"] == "flask-restx"
        for method in route["methods"]
    )
    assert ours == real


def test_flask_resources_match_its_url_map(capsys: pytest.CaptureFixture[str]) -> None:
    """Flask, flask-restful and flask-restx themselves, on the same project, build the same
    rules, methods and endpoint names: `MethodView.as_view`, `Api(blueprint)` with
    `add_resource` of several URLs, a Namespace's default path and `api.namespace(path=)`,
    `@ns.route` on a Resource. The map gives a route per method (each its own handler); the
    url map one rule for the class."""
    pytest.importorskip("flask_restx")
    pytest.importorskip("flask_restful")
    real = [tuple(row) for row in framework_says(_RESOURCE_URL_MAP, "flask_resources")]
    assert _merged(table(capsys, "flask_resources")["routes"]) == real


_LITESTAR_ROUTES = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from litestar.routes import HTTPRoute
from store.main import app
schema = app.openapi_schema.paths
rows = []
for route in app.routes:
    for handler in route.route_handlers if isinstance(route, HTTPRoute) else ():
        if handler.fn.__module__.startswith("litestar"):
            continue  # its own OPTIONS handlers and the schema's routes
        path = re.sub(r"{(\\w+):\\w+}", r"{\\1}", route.path)
        methods = sorted(handler.http_methods)
        operation = getattr(schema[path], methods[0].lower())
        documented = sorted(int(code) for code in operation.responses)
        rows.append([path, methods, handler.name or str(handler), handler.status_code, documented])
print(json.dumps(sorted(rows)))
"""


def test_litestar_routes_match_its_routes_and_openapi(capsys: pytest.CaptureFixture[str]) -> None:
    """Litestar itself, on the same project, builds the same paths, methods, names (`name=`,
    else `module.qualname`), default statuses (POST 201, DELETE 204) and documented statuses
    (the handler's, `responses=`, 400 with parameters): a `Router` and a `Controller`, a
    handler with a list of paths, `@route` with two methods."""
    pytest.importorskip("litestar")
    real = [tuple(row) for row in framework_says(_LITESTAR_ROUTES, "litestar_store")]
    ours = sorted(
        (
            route["path"],
            route["methods"],
            route["name"],
            next(
                sent["status"]
                for sent in route["sends"]
                if sent["via"] in {"default", "status_code"}
            ),
            [entry["status"] for entry in route["documented"]],
        )
        for route in table(capsys, "litestar_store")["routes"]
    )
    assert ours == real


_SANIC_ROUTES = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from shop.app import app
print(json.dumps(sorted(
    [
        "/" + re.sub(r"<(\\w+)(:[^<>]*)?>", r"{\\1}", route.path),
        sorted(route.methods - {"HEAD", "OPTIONS"}),
        route.name,
    ]
    for route in app.router.routes
)))
"""
_AIOHTTP_ROUTES = """
import json, sys
sys.path.insert(0, sys.argv[1])
from notes.app import create_app
rows = []
for route in create_app().router.routes():
    if route.method == "HEAD":
        continue
    methods = [route.method]
    if route.method == "*":  # a web.View: the methods its class defines
        methods = [m.upper() for m in ("get", "post", "put", "patch", "delete")
                   if hasattr(route.handler, m)]
    for method in methods:
        rows.append([route.resource.canonical, [method], route.name or ""])
print(json.dumps(sorted(rows)))
"""
_FALCON_ROUTES = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from falcon import inspect
from things.app import app
print(json.dumps(sorted(
    [re.sub(r"{(\\w+)(:[^{}]*)?}", r"{\\1}", route.path), [method.method], ""]
    for route in inspect.inspect_app(app).routes
    for method in route.methods
    if not method.internal
)))
"""
_TORNADO_ROUTES = """
import json, sys
sys.path.insert(0, sys.argv[1])
from tornado.web import RequestHandler
from flake8_httpstatus.routes.django import regex_path
from blog.app import make_app
rows = []
for rule in make_app().default_router.rules[0].target.rules:
    handler = rule.target
    for method in ("get", "post", "put", "patch", "delete"):
        if getattr(handler, method) is not getattr(RequestHandler, method):
            rows.append([regex_path(rule.matcher.regex.pattern), [method.upper()], rule.name or ""])
print(json.dumps(sorted(rows)))
"""


@pytest.mark.parametrize(
    ("project", "script", "package"),
    [
        ("sanic_shop", _SANIC_ROUTES, "sanic"),
        ("aiohttp_notes", _AIOHTTP_ROUTES, "aiohttp"),
        ("falcon_things", _FALCON_ROUTES, "falcon"),
        ("tornado_blog", _TORNADO_ROUTES, "tornado"),
    ],
)
def test_server_framework_routes_match_its_router(
    capsys: pytest.CaptureFixture[str], project: str, script: str, package: str
) -> None:
    """Sanic, aiohttp, Falcon and Tornado themselves, on the same project, route the same
    paths, methods and names: Sanic's blueprint group with its version and prefix, a class
    view and `name=`; aiohttp's `RouteTableDef`, `web.View`, a sub-app made by a function,
    `web.delete` in `add_routes`, `router.add_route`; Falcon's responders with a `suffix`;
    Tornado's tuples and `url()` with regex groups (Falcon and Tornado have no default
    names; aiohttp names only what `name=` names)."""
    pytest.importorskip(package)
    assert _merged(table(capsys, project)["routes"]) == _merged(
        {"path": path, "methods": methods, "name": name}
        for path, methods, name in framework_says(script, project)
    )


def _merged(routes: Iterable[dict[str, Any]]) -> list[tuple[str, list[str], str]]:
    """Routes by path and name with their methods together: a class view is one route of the
    framework's and a route per method of the map's."""
    merged: dict[tuple[str, str], set[str]] = {}
    for route in routes:
        merged.setdefault((route["path"], route["name"]), set()).update(route["methods"])
    return sorted((path, sorted(methods), name) for (path, name), methods in merged.items())


_EXCEPTION_TABLES = {
    "sanic": SANIC_EXCEPTIONS,
    "aiohttp": AIOHTTP_EXCEPTIONS,
    "falcon": FALCON_EXCEPTIONS,
}


@pytest.mark.parametrize("package", sorted(_EXCEPTION_TABLES))
def test_exception_statuses_are_the_classes_statuses(package: str) -> None:
    """Each exception class the map knows exists under that name and sends that status."""
    pytest.importorskip(package)
    for qualified, code in _EXCEPTION_TABLES[package].items():
        module_name, _, name = qualified.rpartition(".")
        cls = getattr(importlib.import_module(module_name), name)
        status = getattr(cls, "status_code", None)
        if not isinstance(status, int):  # Falcon's: an instance's, some with arguments
            arguments = inspect.signature(cls).parameters
            positional = (
                inspect.Parameter.POSITIONAL_ONLY,
                inspect.Parameter.POSITIONAL_OR_KEYWORD,
            )
            required = [
                p
                for p in arguments.values()
                if p.default is inspect.Parameter.empty and p.kind in positional
            ]
            status = cls(*["x"] * len(required)).status_code
        assert status == code, qualified


_NINJA_ROUTES = """
import json, os, sys
sys.path.insert(0, sys.argv[1])
os.environ["DJANGO_SETTINGS_MODULE"] = "site_.settings"
import django
django.setup()
from django.urls import URLResolver, get_resolver
from flake8_httpstatus.routes.django import path_of
from shop.api import api

def names(patterns, prefix, namespace):
    for entry in patterns:
        if isinstance(entry, URLResolver):
            inner = ":".join(part for part in (namespace, entry.namespace) if part)
            yield from names(entry.url_patterns, prefix + str(entry.pattern), inner)
        elif entry.name not in ("openapi-json", "openapi-view", "api-root"):
            yield ["/" + path_of(prefix + str(entry.pattern), False), f"{namespace}:{entry.name}"]

operations = [
    [path, [method.upper()], sorted(int(code) for code in operation["responses"])]
    for path, methods in api.get_openapi_schema()["paths"].items()
    for method, operation in methods.items()
]
print(json.dumps({"operations": sorted(operations),
                  "names": sorted(names(get_resolver().url_patterns, "", ""))}))
"""


def test_ninja_routes_match_django_and_its_openapi(capsys: pytest.CaptureFixture[str]) -> None:
    """django-ninja and Django themselves, on the same project, give the same paths, methods
    and documented statuses (`response=` keys, else 200; 422 not documented), and the same URL
    names in the `api-1.0.0` namespace: a router added with a prefix, the API mounted in
    Django's `urlpatterns`, a converter-first `{int:item_id}`."""
    if importlib.util.find_spec("ninja") is None:  # importing it here needs Django's settings
        pytest.skip("django-ninja is not installed")
    real = framework_says(_NINJA_ROUTES, "ninja_shop")
    routes = table(capsys, "ninja_shop")["routes"]
    operations = sorted(
        [route["path"], route["methods"], [entry["status"] for entry in route["documented"]]]
        for route in routes
    )
    assert operations == real["operations"]
    assert sorted([route["path"], route["name"]] for route in routes) == real["names"]


def test_holder_passed_to_a_function_and_handlers_of_an_instance(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """aiohttp's usual layout: `setup_routes(app, handler)` registers the methods of a
    handler object built in another module, through `router = app.router`."""
    found = _mapped(
        capsys,
        tmp_path,
        {
            "site_/__init__.py": "",
            "site_/views.py": (
                "from aiohttp import web\n"
                "class Handler:\n"
                "    async def index(self, request):\n"
                "        raise web.HTTPFound('/login')\n"
            ),
            "site_/routes.py": (
                "def setup_routes(app, handler):\n"
                "    router = app.router\n"
                "    h = handler\n"
                "    router.add_get('/', h.index, name='index')\n"
            ),
            "site_/main.py": (
                "from aiohttp import web\n"
                "from site_.routes import setup_routes\n"
                "from site_.views import Handler\n"
                "def init():\n"
                "    app = web.Application()\n"
                "    handler = Handler()\n"
                "    setup_routes(app, handler)\n"
                "    return app\n"
            ),
        },
    )
    (route,) = found["routes"]
    assert (route["path"], route["handler"], route["name"]) == (
        "/",
        "site_.views:Handler.index",
        "index",
    )
    assert [entry["status"] for entry in route["sends"]] == [200, 302]


def test_controllers_listed_nowhere_are_routes_at_their_own_path(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A Litestar app configured where the map does not follow (a plugin's `on_app_init`
    extending `route_handlers`): its controllers and handlers are still routes."""
    found = _mapped(
        capsys,
        tmp_path,
        {
            "app/__init__.py": "",
            "app/users.py": (
                "from litestar import Controller, delete, get\n"
                "class UserController(Controller):\n"
                "    path = '/api/users'\n"
                "    @delete('/{user_id:uuid}')\n"
                "    async def remove(self, user_id) -> None: ...\n"
                "@get('/health')\n"
                "async def health() -> str: ...\n"
            ),
        },
    )
    assert [
        (route["methods"], route["path"], route["sends"][0]["status"]) for route in found["routes"]
    ] == [
        (["DELETE"], "/api/users/{user_id}", 204),
        (["GET"], "/health", 200),
    ]


def test_handler_lists_read_where_the_app_is_not_seen(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """jupyter_server's layout: each module's `default_handlers` list of `(regex, Handler)`
    tuples, gathered into the app by a dynamic import the map does not follow; a `%` path."""
    found = _mapped(
        capsys,
        tmp_path,
        {
            "srv/__init__.py": "",
            "srv/base.py": 'path_regex = r"(?P<path>(?:/[^/]+)+)"\n',
            "srv/files.py": (
                "from tornado import web\n"
                "from srv.base import path_regex\n"
                "class FilesHandler(web.RequestHandler):\n"
                "    def delete(self, path):\n"
                "        self.set_status(204)\n"
                'default_handlers = [(r"/api/files%s" % path_regex, FilesHandler)]\n'
            ),
        },
    )
    assert [(route["methods"], route["path"]) for route in found["routes"]] == [
        (["DELETE"], "/api/files{path}")
    ]
    assert [entry["status"] for entry in found["routes"][0]["sends"]] == [200, 204]


def test_includes_by_keyword_and_by_position(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """ninja's `add_router(prefix=..., router=...)` by keyword; flask-restx's
    `add_namespace(ns, "/tasks")` with the path by position, replacing the namespace's."""
    found = _mapped(
        capsys,
        tmp_path,
        {
            "one/__init__.py": "",
            "one/api.py": (
                "from ninja import NinjaAPI, Router\n"
                "router = Router()\n"
                "@router.get('/{item_id}')\n"
                "def item(request, item_id: int): ...\n"
                "api = NinjaAPI()\n"
                "api.add_router(prefix='/v1/items', router=router)\n"
            ),
            "two/__init__.py": "",
            "two/api.py": (
                "from flask import Flask\n"
                "from flask_restx import Api, Namespace, Resource\n"
                "app = Flask(__name__)\n"
                "api = Api(app)\n"
                "ns = Namespace('todos')\n"
                "@ns.route('/<int:todo_id>')\n"
                "class Todo(Resource):\n"
                "    def get(self, todo_id): ...\n"
                "api.add_namespace(ns, '/tasks')\n"
            ),
        },
    )
    assert sorted(route["path"] for route in found["routes"]) == [
        "/tasks/{todo_id}",
        "/v1/items/{item_id}",
    ]


_CONNEXION = """
import json, sys, warnings
warnings.simplefilter("ignore")
sys.path.insert(0, sys.argv[1])
from pets.app import app
app.middleware._build_middleware_stack()  # where Connexion adds the document's routes
print(json.dumps(sorted(
    [rule.rule, method, rule.endpoint]
    for rule in app.app.url_map.iter_rules()
    for method in rule.methods - {"HEAD", "OPTIONS"}
    if rule.endpoint != "static"
)))
"""


def test_connexion_routes_match_its_url_map(capsys: pytest.CaptureFixture[str]) -> None:
    """Connexion builds, from the JSON document `add_api` names, the routes the map lists:
    `base_path=`, path parameters, and each operation's handler (`operationId`, prefixed by
    `x-openapi-router-controller`), which Connexion writes into the endpoint's name."""
    pytest.importorskip("connexion")
    pytest.importorskip("a2wsgi")
    real = framework_says(_CONNEXION, "connexion_pets")
    ours = sorted(
        [
            normalise(route["path"]).replace("{name}", "<name>"),
            route["methods"][0],
            "/api." + route["handler"].replace(".", "_").replace(":", "_"),
        ]
        for route in table(capsys, "connexion_pets")["routes"]
    )
    assert ours == real


def test_openapi_file_statuses_are_documented(capsys: pytest.CaptureFixture[str]) -> None:
    """`--openapi FILE`: each operation's status keys (not `default`, not `4XX`) documented on
    the routes of its method and path (placeholders by place, the first server's path tried
    first), the file relative to the project; operations no route answers listed apart."""
    project = ROUTES / "flask_blog"
    code = main(
        ["routes", str(project), "--openapi", str(project / "openapi.json"), "--format", "json"]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert json.loads(out) == json.loads((ROUTES / "flask_blog.with-openapi.json").read_text())


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (None, "missing.json", "missing.json: cannot be read (FileNotFoundError)"),
        ('{"paths": {', "broken.json", "broken.json: not JSON (line 1)"),
        ('{"openapi": "3.0.0"}', "empty.json", "empty.json: no 'paths' object: not an OpenAPI"),
        ("openapi: 3.0.0", "api.yaml", "api.yaml: no 'paths' object: not an OpenAPI"),
    ],
)
def test_an_openapi_file_not_read_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    content: str | None,
    name: str,
    message: str,
) -> None:
    document = tmp_path / name
    if content is not None:
        document.write_text(content)
    code = main(["routes", str(ROUTES / "flask_blog"), "--openapi", str(document)])
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"flake8-httpstatus: error: {document.parent}/{message}")
    assert err.count("\n") == 1


def test_parametrize_rows_pair_a_url_with_its_status(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Each row's URL goes with the same row's status; stacked tables combine; a table that
    cannot be read leaves the test as written (its URL unresolved, never guessed)."""
    (tmp_path / "app.py").write_text(
        "from fastapi import FastAPI\n\napp = FastAPI()\n\n\n"
        '@app.get("/a")\ndef a() -> None: ...\n\n\n'
        '@app.get("/b/{x}")\ndef b(x: int) -> None: ...\n'
    )
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_app.py").write_text(
        "import pytest\n\n\n"
        '@pytest.mark.parametrize(["url", "code"], [("/a", 200), ("/b/1", 404)])\n'
        '@pytest.mark.parametrize("token", ["x", "y"])\n'
        "def test_table(client, url, code, token):\n"
        "    assert client.get(url).status_code == code\n\n\n"
        '@pytest.mark.parametrize("url", ROWS)\n'
        "def test_unread(client, url):\n"
        "    assert client.get(url).status_code == 200\n"
    )
    found = table(capsys, str(tmp_path))
    tested = {
        route["path"]: [entry["status"] for entry in route["tested"]] for route in found["routes"]
    }
    assert tested == {"/a": [200], "/b/{x}": [404]}
    assert [entry["reason"] for entry in found["unresolved_tests"]] == ["URL url not resolved"]


# The fixture app's rules and its OpenAPI document's statuses per operation, as the library
# builds them (`spec` is the expression giving the document's dict).
_APISPEC_APP = """
import json, re, sys
sys.path.insert(0, sys.argv[1])
from {package} import create_app
app = create_app()
rules = sorted(
    (re.sub(r"<(?:[^<>:]+:)?(\\w+)>", r"{{\\1}}", rule.rule),
     sorted(rule.methods - {{"HEAD", "OPTIONS"}}), rule.endpoint)
    for rule in app.url_map.iter_rules()
    if rule.endpoint != "static" and not rule.endpoint.startswith(("api-docs", "openapi"))
)
with app.test_request_context():
    spec = {spec}
documented = sorted(
    [path, method.upper(), sorted(int(code) for code in operation["responses"] if code.isdigit())]
    for path, item in spec["paths"].items()
    for method, operation in item.items() if method != "parameters"
)
print(json.dumps([rules, documented]))
"""
_APISPEC_APPS = {
    "smorest_items": _APISPEC_APP.format(
        package="items",
        spec='app.extensions["flask-smorest"]["apis"][""]["ext_obj"].spec.to_dict()',
    ),
    "apiflask_pets": _APISPEC_APP.format(package="pets", spec="app.spec"),
}


@pytest.mark.parametrize("project", sorted(_APISPEC_APPS))
def test_smorest_and_apiflask_match_their_url_map_and_openapi(
    capsys: pytest.CaptureFixture[str], project: str
) -> None:
    """flask-smorest and APIFlask themselves, on the same project, build the same rules
    (blueprints registered with `url_prefix=`, MethodView classes under `@blp.route`) and
    document the same statuses per operation: `response`/`alt_response`/`output`, `doc(
    responses=)` as a dict or a list, and what each adds by itself (422 for `arguments`,
    `paginate` and `input`, smorest's `etag` 304/412/428, APIFlask's 200 without an `output`,
    401 for `auth_required`, 404 with path parameters)."""
    pytest.importorskip("flask_smorest" if project.startswith("smorest") else "apiflask")
    rules, documented = framework_says(_APISPEC_APPS[project], project)
    routes = table(capsys, project)["routes"]
    assert _merged(routes) == [tuple(row) for row in rules]
    ours = sorted(
        [route["path"], method, [entry["status"] for entry in route["documented"]]]
        for route in routes
        for method in route["methods"]
    )
    assert ours == documented


_DRF_HEADERS = """
import json
import django
from django.conf import settings
settings.configure()
django.setup()
from rest_framework import authentication
from rest_framework.settings import DEFAULTS
from rest_framework.test import APIRequestFactory
request = APIRequestFactory().get("/")
print(json.dumps({
    "header": sorted(
        f"rest_framework.authentication.{name}"
        for name, cls in vars(authentication).items()
        if isinstance(cls, type) and issubclass(cls, authentication.BaseAuthentication)
        and cls().authenticate_header(request)
    ),
    "authentication": DEFAULTS["DEFAULT_AUTHENTICATION_CLASSES"],
    "permissions": DEFAULTS["DEFAULT_PERMISSION_CLASSES"],
}))
"""


def test_drf_permission_knowledge_is_drfs() -> None:
    """The authentication classes that give a `WWW-Authenticate` header (DRF answers 401, not
    403, when the first one does) and DRF's defaults, as the installed DRF has them."""
    pytest.importorskip("rest_framework")
    real = framework_says(_DRF_HEADERS, "django_library")
    assert real == {
        "header": sorted(DRF_AUTHENTICATE_HEADER),
        "authentication": list(DRF_DEFAULT_AUTHENTICATION),
        "permissions": sorted(DRF_ALLOW_ANY),
    }


def test_drf_settings_permissions_and_project_authentication(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`REST_FRAMEWORK["DEFAULT_PERMISSION_CLASSES"]` applies to views that set none; a project
    authentication class defining `authenticate_header` makes the refusal 401 too; a view's own
    `permission_classes = [AllowAny]` sends nothing."""
    found = _mapped(
        capsys,
        tmp_path,
        {
            "site_/__init__.py": "",
            "site_/settings.py": (
                "REST_FRAMEWORK = {\n"
                '    "DEFAULT_PERMISSION_CLASSES": ["site_.auth.IsMember"],\n'
                '    "DEFAULT_AUTHENTICATION_CLASSES": ("site_.auth.KeyAuthentication",),\n'
                "}\n"
            ),
            "site_/auth.py": (
                "from rest_framework.authentication import BaseAuthentication\n"
                "from rest_framework.permissions import BasePermission\n\n\n"
                "class KeyAuthentication(BaseAuthentication):\n"
                "    def authenticate_header(self, request):\n"
                '        return "Key"\n\n\n'
                "class IsMember(BasePermission):\n"
                "    pass\n"
            ),
            "site_/views.py": (
                "from rest_framework.permissions import AllowAny\n"
                "from rest_framework.response import Response\n"
                "from rest_framework.views import APIView\n\n\n"
                "class Members(APIView):\n"
                "    def get(self, request):\n"
                "        return Response([])\n\n\n"
                "class Open(APIView):\n"
                "    permission_classes = (AllowAny,)\n\n"
                "    def get(self, request):\n"
                "        return Response([])\n"
            ),
            "site_/urls.py": (
                "from django.urls import path\n\n"
                "from site_ import views\n\n"
                "urlpatterns = [\n"
                '    path("members/", views.Members.as_view()),\n'
                '    path("open/", views.Open.as_view()),\n'
                "]\n"
            ),
        },
    )
    rows = {
        route["path"]: sorted((entry["status"], entry["via"]) for entry in route["sends"])
        for route in found["routes"]
    }
    assert rows == {
        "/members/": [
            (200, "default"),
            (200, "site_.views:Members.get"),
            (401, "site_.auth:IsMember"),
            (403, "site_.auth:IsMember"),
        ],
        "/open/": [(200, "default"), (200, "site_.views:Open.get")],
    }
