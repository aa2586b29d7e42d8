"""flake8-httpstatus: lint HTTP status codes in Python web-framework code."""

from __future__ import annotations

import importlib.metadata

try:
    __version__ = importlib.metadata.version("flake8-httpstatus")
except importlib.metadata.PackageNotFoundError:  # pragma: no cover - running from a bare tree
    __version__ = "0+unknown"
