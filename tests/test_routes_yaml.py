"""YAML OpenAPI documents: Connexion's `add_api("zoo.yaml")` (the `connexion_zoo` project's table
is checked whole by test_routes; here against Connexion itself), `routes --openapi FILE.yaml`,
and hostile documents, each refused in one line."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml

from flake8_httpstatus.frontends.cli import main
from tests.test_routes import _CONNEXION, ROUTES, framework_says, table

_ZOO_SPEC = """
import json, sys, warnings
warnings.simplefilter("ignore")
from connexion.spec import Specification
spec = Specification.load(sys.argv[1] + "/zoo/openapi/zoo.yaml")
print(json.dumps(sorted(
    [spec.base_path + path, method.upper(), sorted(int(code) for code in operation["responses"])]
    for path, item in spec["paths"].items()
    for method, operation in item.items() if method != "parameters"
)))
"""


def test_connexion_yaml_routes_and_statuses_match_connexion(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Connexion builds the same routes from the YAML document (the first server's path as
    the base, `x-openapi-router-controller`), and its own reading of the document gives the
    same statuses: an unquoted `404:` key, and keys a `<<: *anchor` merges in."""
    pytest.importorskip("connexion")
    pytest.importorskip("a2wsgi")
    found = table(capsys, "connexion_zoo")["routes"]
    real = framework_says(_CONNEXION.replace("from pets.app", "from zoo.app"), "connexion_zoo")
    ours = sorted(
        [
            route["path"].replace("{name}", "<name>"),
            route["methods"][0],
            "/v1." + route["handler"].replace(".", "_").replace(":", "_"),
        ]
        for route in found
    )
    assert ours == real
    documented = sorted(
        [route["path"], route["methods"][0], [entry["status"] for entry in route["documented"]]]
        for route in found
    )
    assert documented == framework_says(_ZOO_SPEC, "connexion_zoo")


def _as_yaml(value: Any, indent: str = "") -> str:
    """JSON data written as block YAML (keys quoted, as JSON's are)."""
    if isinstance(value, dict):
        lines = []
        for key, item in value.items():
            if isinstance(item, (dict, list)) and item:
                lines.append(f"{indent}{json.dumps(key)}:\n{_as_yaml(item, indent + '  ')}")
            else:
                lines.append(f"{indent}{json.dumps(key)}: {json.dumps(item)}\n")
        return "".join(lines)
    assert isinstance(value, list)
    return "".join(f"{indent}- {json.dumps(item)}\n" for item in value)


def test_an_openapi_yaml_file_documents_what_its_json_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    project = ROUTES / "flask_blog"
    document = tmp_path / "openapi.yaml"
    document.write_text(_as_yaml(json.loads((project / "openapi.json").read_text())))
    code = main(["routes", str(project), "--openapi", str(document), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    found = json.loads(out)
    expected = json.loads((ROUTES / "flask_blog.with-openapi.json").read_text())

    def statuses(routes: dict[str, Any]) -> list[Any]:
        return [
            [route["path"], route["methods"], [entry["status"] for entry in route["documented"]]]
            for route in routes["routes"]
        ]

    assert statuses(found) == statuses(expected)
    unmatched = [(entry["method"], entry["path"]) for entry in found["openapi"]["unmatched"]]
    assert unmatched == [
        (entry["method"], entry["path"]) for entry in expected["openapi"]["unmatched"]
    ]
    # Each status at its key's line in the YAML file.
    text = document.read_text().splitlines()
    for route in found["routes"]:
        for entry in route["documented"]:
            if entry["file"] == str(document):
                assert text[entry["line"] - 1].lstrip().startswith(f'"{entry["status"]}":')


# libyaml refuses nesting past its limit as a parse error; PyYAML's Python parser recurses.
_TOO_DEEP = "not YAML (line 1)" if yaml.__with_libyaml__ else "not read (nested too deep)"
_LAUGHS = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + level)}: &{chr(98 + level)} [{', '.join([f'*{chr(97 + level)}'] * 10)}]\n"
    for level in range(9)
)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (_LAUGHS + "paths: {x: *j}\n", "not read (its aliases expand to over 2,000,000 nodes)"),
        ("paths: &p\n  /x: *p\n", "not read (an alias refers to itself)"),
        ("paths: {/x: [\n", "not YAML (line 2)"),
        ("[" * 5000 + "]" * 5000 + "\n", _TOO_DEEP),
        ("", "empty: not an OpenAPI document"),
        ("--- {paths: {}}\n--- {paths: {}}\n", "not YAML"),
        ("openapi: 3.0.0\n", "no 'paths' object"),
        ("paths: !!python/object:os.system {}\n", "not YAML (line 1)"),
    ],
)
def test_a_hostile_yaml_document_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str, message: str
) -> None:
    """Billion laughs, a recursive alias, nesting past the parser's depth and a tag that
    would build a Python object: each refused in one line, in well under a second."""
    document = tmp_path / "api.yaml"
    document.write_text(content)
    started = time.monotonic()
    code = main(["routes", str(ROUTES / "flask_blog"), "--openapi", str(document)])
    assert time.monotonic() - started < 10
    out, err = capsys.readouterr()
    assert (code, out) == (2, "")
    assert err.startswith(f"flake8-httpstatus: error: {document}: {message}")
    assert err.count("\n") == 1


def test_a_huge_document_or_a_fifo_is_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    huge = tmp_path / "huge.yaml"
    with huge.open("wb") as file:
        file.truncate(17 * 2**20)  # sparse: nothing is written
    fifo = tmp_path / "fifo.json"
    os.mkfifo(fifo)  # read as it is, a FIFO with no writer would block for ever
    for document, message in ((huge, "larger than 16 MiB"), (fifo, "not a regular file")):
        code = main(["routes", str(ROUTES / "flask_blog"), "--openapi", str(document)])
        out, err = capsys.readouterr()
        assert (code, out) == (2, "")
        assert err == f"flake8-httpstatus: error: {document}: {message}: not read\n"


def test_without_pyyaml_the_error_names_the_extra(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "yaml", None)  # `import yaml` raises ImportError
    document = tmp_path / "api.yml"
    document.write_text("paths: {}\n")
    assert main(["routes", str(ROUTES / "flask_blog"), "--openapi", str(document)]) == 2
    assert capsys.readouterr().err == (
        f"flake8-httpstatus: error: {document}: reading YAML needs PyYAML: "
        "pip install 'flake8-httpstatus[yaml]'\n"
    )


def test_a_connexion_document_linked_from_outside_the_project_is_not_read(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """The project's code names the document: a link out of the project, or a path up out of
    it, is not followed (the map reads the project, not the machine)."""
    outside = tmp_path / "outside.yaml"
    outside.write_text("paths: {/x: {get: {responses: {'200': {description: x}}}}}\n")
    project = tmp_path / "project"
    (project / "api").mkdir(parents=True)
    (project / "api" / "app.py").write_text(
        "import connexion\n\n"
        "app = connexion.App(__name__)\n"
        'app.add_api("linked.yaml")\n'
        'app.add_api("../../outside.yaml")\n'
    )
    (project / "api" / "linked.yaml").symlink_to(outside)
    code = main(["routes", str(project), "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, json.loads(out)["routes"]) == (0, [])
    assert err == (
        "flake8-httpstatus: error: api/linked.yaml: outside the project: not read\n"
        "flake8-httpstatus: error: ../outside.yaml: outside the project: not read\n"
    )


def test_a_status_an_alias_brings_in_is_shown_at_its_anchor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """GET's 404 is merged in from the anchor (line 2), not the next operation's own 404."""
    document = tmp_path / "api.yaml"
    document.write_text(
        "x-missing: &missing\n"
        "  404: {description: missing}\n"
        "paths:\n"
        "  /posts/{slug}:\n"
        "    get:\n"
        "      responses:\n"
        "        <<: *missing\n"
        "        200: {description: a post}\n"
        "    delete:\n"
        "      responses:\n"
        "        404: {description: missing}\n"
        "        204: {description: deleted}\n"
    )
    code = main(
        ["routes", str(ROUTES / "flask_blog"), "--openapi", str(document), "--format", "json"]
    )
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    lines = {
        (method, entry["status"]): entry["line"]
        for route in json.loads(out)["routes"]
        for method in route["methods"]
        for entry in route["documented"]
        if entry["file"] == str(document)
    }
    assert lines == {("GET", 404): 2, ("GET", 200): 8, ("DELETE", 404): 11, ("DELETE", 204): 12}
