from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    author = models.CharField(max_length=200)
    price = models.DecimalField(max_digits=6, decimal_places=2)
    stock = models.PositiveIntegerField(default=0)
    status = models.CharField(max_length=20, default="draft")
    withdrawn = models.BooleanField(default=False)
    cover = models.FileField(upload_to="covers/", null=True, blank=True)


class Order(models.Model):
    book = models.ForeignKey(Book, related_name="orders", on_delete=models.PROTECT)
    quantity = models.PositiveIntegerField(default=1)
