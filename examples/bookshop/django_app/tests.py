from http import HTTPStatus

from django.test import TestCase
from rest_framework import status
from rest_framework.test import APITestCase

from .models import Book, Order


class CataloguePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.book = Book.objects.create(title="Dune", author="Frank Herbert", price=9, stock=3)

    def test_missing_cover(self):
        response = self.client.get("/books/999/cover/")
        self.assertEqual(response.status_code, 404)

    def test_book_page(self):
        response = self.client.get(f"/books/{self.book.pk}/")
        self.assertContains(response, "Frank Herbert", status_code=200)

    def test_legacy_redirect(self):
        response = self.client.get("/books/")
        self.assertRedirects(response, "/catalogue/", status_code=301)

    def test_withdrawn(self):
        Book.objects.filter(pk=self.book.pk).update(withdrawn=True)
        response = self.client.get(f"/books/{self.book.pk}/")
        self.assertEqual(response.status_code, HTTPStatus.GONE)


class StaffApiTests(APITestCase):
    def setUp(self):
        self.book = Book.objects.create(title="Emma", author="Jane Austen", price=7, stock=1)

    def test_create(self):
        data = {"title": "Persuasion", "author": "Jane Austen", "price": "8.00"}
        response = self.client.post("/api/books/", data, format="json")
        self.assertEqual(response.status_code, status.HTTP_201_CREATED)

    def test_create_without_title(self):
        response = self.client.post("/api/books/", {"price": "8.00"}, format="json")
        assert response.status_code == 422

    def test_delete_with_orders(self):
        Order.objects.create(book=self.book)
        response = self.client.delete(f"/api/books/{self.book.pk}/")
        self.assertEqual(response.status_code, 409)
        self.assertEqual(response.data["detail"].code, "has_orders")

    def test_list(self):
        response = self.client.get("/api/books/")
        assert response.status_code // 100 == 2
        assert len(response.data) <= 100
