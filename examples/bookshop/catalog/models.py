from django.db import models


class Book(models.Model):
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, default="draft")
    withdrawn = models.BooleanField(default=False)
    cover = models.FileField(null=True)

    @staticmethod
    def validate(data):
        return {} if data.get("title") else {"title": ["required"]}
