"""Catalogue pages (Django) and the staff API (Django REST framework)."""
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from rest_framework import status
from rest_framework.exceptions import APIException
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Book

PAGE_SIZE = 100


class OutOfStock(APIException):
    status_code = 409
    default_detail = "This book is out of stock."
    default_code = "out_of_stock"


def book_detail(request, pk):
    book = get_object_or_404(Book, pk=pk)
    if book.withdrawn:
        return render(request, "catalog/withdrawn.html", {"book": book}, status=410)
    return render(request, "catalog/book.html", {"book": book})


def book_cover(request, pk):
    book = Book.objects.filter(pk=pk).first()
    if book is None or not book.cover:
        return HttpResponse(status=404)
    return HttpResponse(book.cover.read(), content_type="image/jpeg")


def search(request):
    query = request.GET.get("q", "")
    if len(query) > 200:
        return JsonResponse({"error": "query too long"}, status=HTTPStatus.REQUEST_URI_TOO_LONG)
    books = Book.objects.filter(title__icontains=query)[:PAGE_SIZE]
    return JsonResponse({"results": [b.title for b in books]})


def legacy_catalogue(request):
    return HttpResponseRedirect("/catalogue/", status=301)


def ping(request):
    return HttpResponse(status=299)


def start_export(request):
    job_id = Book.objects.count()
    return JsonResponse({"job": job_id}, status=HTTPStatus.PROCESSING)


class BookList(APIView):
    def get(self, request):
        books = Book.objects.all()[:PAGE_SIZE]
        return Response({"results": [b.title for b in books]}, status=status.HTTP_200_OK)

    def post(self, request):
        serializer_errors = Book.validate(request.data)
        if serializer_errors:
            return Response(serializer_errors, status=status.HTTP_422_UNPROCESSABLE_CONTENT)
        book = Book.objects.create(**request.data)
        return Response({"id": book.pk}, 201)


class BookDetail(APIView):
    def delete(self, request, pk):
        book = get_object_or_404(Book, pk=pk)
        if book.orders.exists():
            raise OutOfStock(code="has_orders")
        book.delete()
        return Response(status=status.HTTP_204_NO_CONTENT)

    def patch(self, request, pk):
        status = request.data.get("status")
        if status not in {"draft", "published"}:
            return Response({"status": "invalid"}, status=400)
        Book.objects.filter(pk=pk).update(status=status)
        return Response(status=204)
