"""HS501 on a FastAPI route whose router is included in the application in another module: the
engine's per-file reading cannot see that include and is silent, so the route table reports
the statuses the route sends in its own file too, once, with the same fix as those sent
through other modules. What the include documents, an include whose responses cannot be read
and an include kept out of the schema stay silent; a router included in the application of its
own file (here or also elsewhere) stays the engine's. The fixed project is run in real FastAPI (in a fresh Python) and
its OpenAPI document read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_fix_responses_elsewhere import files, fixed_documentation
from tests.whole_project import run

PROJECT = Path(__file__).parent / "fixtures" / "fix" / "hs501_included"
FIXED = PROJECT.with_name(PROJECT.name + ".fixed")
# file, line, column, message (after "HS501 route "), fix offered.
EXPECTED = [
    # Its router is included in an application of its own file too: the engine's, at the
    # raise, and not again for the way through shop/main.py.
    ("shop/admin.py", 8, 37, "stats() sends 503", True),
    ("shop/items.py", 19, 5, "get_item() sends 404 through shop.items:get_item", True),
    (
        "shop/items.py",
        30,
        5,
        "delete_item() sends 401, 404 through shop.deps:get_user, shop.items:delete_item",
        True,
    ),
    ("shop/items.py", 39, 5, "rename_item() sends 410 through shop.items:gone", True),
    ("shop/items.py", 53, 5, "get_tag() sends 404 through shop.items:get_tag", True),
    # Its router is included in the application of its own file: the engine's, at the raise.
    ("shop/main.py", 25, 41, "get_order() sends 404", True),
]
# What each route sends, by path and method; the routes left silent are documented (the
# include's responses=), unreadable (a call) or out of the schema.
SENT = {
    "/items/{item_id}": {"get": {404}, "delete": {401, 404}, "put": {410}},
    "/items/tags/{tag}": {"get": {404}},
    "/orders/{order_id}": {"get": {404}},
    "/admin/stats": {"get": {503}},
}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    copy = tmp_path / PROJECT.name
    copy.mkdir()
    for name, text in files(PROJECT).items():
        (copy / name).parent.mkdir(parents=True, exist_ok=True)
        (copy / name).write_text(text, encoding="utf-8")
    (copy / "pyproject.toml").write_text(
        (PROJECT / "pyproject.toml").read_text(encoding="utf-8"), encoding="utf-8"
    )
    return copy


def test_the_statuses_of_the_routes_own_file_are_reported_once(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = json.loads(run(project, capsys, "check", "--select", "HS501", "--format", "json", "."))
    assert [
        (
            item["filename"],
            item["line"],
            item["column"],
            item["message"].removeprefix("HS501 route ").split(", which ")[0],
            item["fix"] is not None and item["fix"]["applicability"] == "unsafe",
        )
        for item in found
    ] == EXPECTED


def test_the_fix_gives_the_golden_files(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files(project)
    run(project, capsys, "fix", "--select", "HS501", "--unsafe-fixes", ".")
    assert files(project) == {**before, **files(FIXED)}
    assert run(project, capsys, "check", "--select", "HS501", ".") == ""


def test_the_fixed_application_documents_what_it_sends(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pytest.importorskip("fastapi")
    before, after = fixed_documentation(project, capsys, SENT)
    assert 404 in before["/authors/{author_id}"]["get"]  # the include documents it
    for path in ("/authors/{author_id}", "/shelves/{shelf_id}"):
        assert after[path] == before[path]
    assert "/settings/{key}" not in after
    assert "/items/{item_id}/secret" not in after
