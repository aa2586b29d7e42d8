from http import HTTPStatus

from django.test import TestCase
from rest_framework.test import APITestCase


class CataloguePageTests(TestCase):
    def test_missing_cover(self):
        response = self.client.get("/books/999/cover/")
        self.assertEqual(response.status_code, 404)

    def test_search(self):
        response = self.client.get("/search/", {"q": "dune"})
        self.assertContains(response, "Dune", status_code=200)

    def test_legacy_redirect(self):
        response = self.client.get("/books/")
        self.assertRedirects(response, "/catalogue/", status_code=301)

    def test_withdrawn(self):
        response = self.client.get("/books/7/")
        self.assertEqual(response.status_code, HTTPStatus.GONE)


class StaffApiTests(APITestCase):
    def test_create(self):
        response = self.client.post("/api/books/", {"title": "Dune"})
        assert response.status_code == 201
        assert len(response.data) < 200

    def test_list_pages(self):
        response = self.client.get("/api/books/")
        assert response.status_code // 100 == 2
        assert response.status_code in (200, 304)
