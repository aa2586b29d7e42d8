"""Catalogue pages (Django) and the staff API (Django REST framework)."""
from http import HTTPStatus

from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from rest_framework import serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from .models import Book

PER_PAGE = 100


class BookSerializer(serializers.ModelSerializer):
    class Meta:
        model = Book
        fields = ["id", "title", "author", "price", "stock", "status"]


class StockConflict(APIException):
    status_code = 409
    default_detail = "This book still has open orders."
    default_code = "stock_conflict"


def book_detail(request, pk):
    book = get_object_or_404(Book, pk=pk)
    if book.withdrawn:
        return render(request, "catalog/withdrawn.html", {"book": book}, status=HTTPStatus.GONE)
    return render(request, "catalog/book.html", {"book": book})


def book_cover(request, pk):
    book = Book.objects.filter(pk=pk).first()
    if book is None or not book.cover:
        return HttpResponse(status=404)
    return HttpResponse(book.cover.read(), content_type="image/jpeg")


def legacy_catalogue(request):
    return HttpResponseRedirect("/catalogue/", status=301)


def start_export(request):
    job_id = Book.objects.count()
    return JsonResponse({"job": job_id}, status=HTTPStatus.PROCESSING)


def clear_basket(request):
    request.session.pop("basket", None)
    return HttpResponse(status=HTTPStatus.NO_CONTENT)


def ping(request):
    return HttpResponse(status=299)


class BookList(APIView):
    def get(self, request):
        books = Book.objects.all()[:PER_PAGE]
        return Response(BookSerializer(books, many=True).data, status=status.HTTP_200_OK)

    def post(self, request):
        serializer = BookSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_422_UNPROCESSABLE_CONTENT)
        serializer.save()
        return Response(serializer.data, 201)


class BookViewSet(viewsets.ModelViewSet):
    queryset = Book.objects.all()
    serializer_class = BookSerializer

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        self.perform_create(serializer)
        return Response(serializer.data, status=status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        status = request.data.get("status")
        if status not in {"draft", "published"}:
            return Response({"status": ["Not a valid choice."]}, status=400)
        Book.objects.filter(pk=kwargs["pk"]).update(status=status)
        return Response(status=204)

    def destroy(self, request, *args, **kwargs):
        book = self.get_object()
        if book.orders.exists():
            raise StockConflict(code="has_orders")
        book.delete()
        return Response({"deleted": book.title}, status=204)

    @action(detail=True, methods=["post"])
    def withdraw(self, request, pk=None):
        book = self.get_object()
        if book.withdrawn:
            raise ValidationError("This book is already withdrawn.", code="invalid")
        book.withdrawn = True
        book.save(update_fields=["withdrawn"])
        return Response(None, status=status.HTTP_204_NO_CONTENT)
