from fastapi import status
from fastapi.testclient import TestClient

from bookshop.fastapi_app import app

client = TestClient(app)
AUTH = {"X-API-Key": "demo-key"}


def test_get_book():
    r = client.get("/books/1")
    assert r.status_code == 200
    assert r.json()["title"] == "Dune"


def test_missing_book():
    r = client.get("/books/999")
    assert r.status_code == status.HTTP_404_NOT_FOUND


def test_create_book():
    r = client.post("/books", json={"title": "Emma", "author": "Jane Austen"}, headers=AUTH)
    assert r.status_code == 201
    assert r.json()["id"] > 1


def test_create_book_needs_a_key():
    r = client.post("/books", json={"title": "Emma", "author": "Jane Austen"})
    assert r.status_code >= 400
    assert r.headers["WWW-Authenticate"] == "ApiKey"


def test_delete_book():
    r = client.delete("/books/1", headers=AUTH)
    assert r.status_code // 100 == 2
    assert r.content == b""


def test_catalogue_moved():
    r = client.get("/catalogue", follow_redirects=False)
    assert r.status_code == 308
