from fastapi import status
from fastapi.testclient import TestClient

from bookshop.public_api import app

client = TestClient(app)


def test_get_book():
    response = client.get("/books/1")
    assert response.status_code == 200


def test_missing_book():
    response = client.get("/books/999")
    assert response.status_code == status.HTTP_404_NOT_FOUND


def test_create_book():
    response = client.post("/books", json={"title": "Emma"})
    assert response.status_code == 201


def test_server_errors_are_rare():
    response = client.get("/books/1")
    assert response.status_code < 500
