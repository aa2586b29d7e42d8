"""The headers frameworks add by themselves (frameworks.VIEW_ADDED_HEADERS), checked against the
real framework in a subprocess of its own (Django's settings are process-wide): every base
listed is a DRF APIView, and a view's 405 response, made without Allow, goes out with it."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from flake8_httpstatus.knowledge.frameworks import VIEW_ADDED_HEADERS

(DRF,) = VIEW_ADDED_HEADERS
SCRIPT = """
import importlib, json, sys
import django
from django.conf import settings
settings.configure(
    ALLOWED_HOSTS=["*"], SECRET_KEY="x", ROOT_URLCONF=[],
    INSTALLED_APPS=["django.contrib.contenttypes", "django.contrib.auth", "rest_framework"],
)
django.setup()
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.test import APIRequestFactory
from rest_framework.views import APIView

def resolve(name):
    module, _, attribute = name.rpartition(".")
    return getattr(importlib.import_module(module), attribute)

bases, decorators = json.loads(sys.argv[1])

class Books(APIView):
    def put(self, request):
        return Response(status=405)

@api_view(["GET", "POST"])
def detail(request):
    return Response(status=405)

factory = APIRequestFactory()
print(json.dumps({
    "bases": [issubclass(resolve(name), APIView) for name in bases],
    "decorators": [resolve(name) is api_view for name in decorators],
    "view": Books.as_view()(factory.put("/books")).get("Allow"),
    "function": detail(factory.get("/detail")).get("Allow"),
}))
"""


@pytest.mark.slow
def test_drf_adds_allow_to_every_response() -> None:
    rows = json.dumps([sorted(DRF.bases), sorted(DRF.decorators)])
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, rows], capture_output=True, text=True, check=True
    )
    result = json.loads(done.stdout)
    assert all(result["bases"])
    assert all(result["decorators"])
    assert "PUT" in result["view"]
    assert "POST" in result["function"]
    assert DRF.headers == {"allow"}
