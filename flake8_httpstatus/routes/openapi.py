"""An OpenAPI document's declared statuses (`routes --openapi FILE`, or the file a Connexion
app's `add_api` names), JSON or YAML: each operation's response codes, matched to routes by
method and path."""

from __future__ import annotations

import json
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from flake8_httpstatus.knowledge.api_docs import OPENAPI_METHODS
from flake8_httpstatus.routes.model import Documented, Route, Unmatched
from flake8_httpstatus.routes.yaml_document import KeyPlaces, Unread, line_of, load

# A document larger than this is refused: real API descriptions are a few MiB at most.
_MAX_BYTES = 16 * 2**20


class OpenAPIError(Exception):
    """A document that cannot be read: the message is one line."""


@dataclass(frozen=True)
class Operation:
    method: str
    path: str  # as the document writes it, under `paths`
    line: int
    statuses: tuple[tuple[int, int], ...]  # (status, line of its key)
    operation_id: str | None
    controller: str | None  # Connexion's `x-openapi-router-controller`
    has_input: bool  # parameters or a request body: what a validating framework checks


@dataclass(frozen=True)
class Document:
    file: str  # as shown in the route map: relative to the project where it is inside it
    base: str  # the path of the first server's URL, or Swagger's `basePath`; "" for none
    operations: tuple[Operation, ...]


def read(path: Path, shown: str, inside: Path | None = None) -> Document:
    """The document at `path` (shown as `shown`), JSON or YAML by its suffix; `inside`: the
    project a document its code names must be in (a link out of it is refused)."""
    if inside is not None and not path.resolve().is_relative_to(inside.resolve()):
        raise OpenAPIError(f"{shown}: outside the project: not read")
    text = _text(path, shown)
    lines: _Lines | KeyPlaces
    if path.suffix.lower() in {".yaml", ".yml"}:
        try:
            data, lines = load(text, shown)
        except Unread as error:
            raise OpenAPIError(str(error)) from None
    else:
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as error:
            detail = (
                f"line {error.lineno}" if isinstance(error, json.JSONDecodeError) else "too deep"
            )
            raise OpenAPIError(f"{shown}: not JSON ({detail})") from None
        lines = _Lines(text)
    paths = data.get("paths") if isinstance(data, dict) else None
    if not isinstance(paths, dict):
        raise OpenAPIError(f"{shown}: no 'paths' object: not an OpenAPI document")
    operations: list[Operation] = []
    for route_path, item in paths.items():
        if not isinstance(item, dict):
            continue
        path_at = lines.find(route_path, 0)
        shared = bool(item.get("parameters"))
        for method in OPENAPI_METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            at = lines.find(method, path_at)
            statuses = []
            responses = operation.get("responses")
            for key in responses if isinstance(responses, dict) else ():
                # YAML reads an unquoted `404:` as a number.
                code = str(key) if type(key) is int else key
                if isinstance(code, str) and code.isdigit() and 100 <= int(code) <= 599:
                    statuses.append((int(code), lines.line(lines.find(code, at))))
            identifier = operation.get("operationId")
            controller = operation.get("x-openapi-router-controller")
            operations.append(
                Operation(
                    method.upper(),
                    route_path,
                    lines.line(at),
                    tuple(statuses),
                    identifier if isinstance(identifier, str) else None,
                    controller if isinstance(controller, str) else None,
                    shared or bool(operation.get("parameters") or operation.get("requestBody")),
                )
            )
    return Document(shown, _base(data), tuple(operations))


def _text(path: Path, shown: str) -> str:
    """The file's text: a regular file (not a FIFO or device, which could block or never
    end) of at most `_MAX_BYTES`."""
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError as error:
        raise OpenAPIError(f"{shown}: cannot be read ({type(error).__name__})") from None
    with os.fdopen(descriptor, "rb") as file:
        if not stat.S_ISREG(os.fstat(file.fileno()).st_mode):
            raise OpenAPIError(f"{shown}: not a regular file: not read")
        try:
            data = file.read(_MAX_BYTES + 1)
        except OSError as error:
            raise OpenAPIError(f"{shown}: cannot be read ({type(error).__name__})") from None
    if len(data) > _MAX_BYTES:
        raise OpenAPIError(f"{shown}: larger than {_MAX_BYTES // 2**20} MiB: not read")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise OpenAPIError(f"{shown}: cannot be read (UnicodeDecodeError)") from None


def document(routes: list[Route], found: Document) -> list[Unmatched]:
    """Add the document's statuses to the routes its operations match; the operations that
    match none."""
    unmatched: list[Unmatched] = []
    for operation in found.operations:
        matched = matching(routes, operation.method, joined(found.base, operation.path))
        if not matched and found.base:
            matched = matching(routes, operation.method, operation.path)
        for route in matched:
            entries = {Documented(status, found.file, line) for status, line in operation.statuses}
            route.documented = sorted({*route.documented, *entries})
        if not matched:
            unmatched.append(
                Unmatched(operation.method, operation.path, found.file, operation.line)
            )
    return unmatched


def matching(routes: list[Route], method: str, path: str) -> list[Route]:
    """The routes answering `method` at `path` (placeholders compared by place, not name);
    failing that, with a trailing slash ignored."""
    for shape in (_shape, lambda text: _shape(text).rstrip("/") or "/"):
        found = [
            route
            for route in routes
            if (method in route.methods or "*" in route.methods)
            and shape(route.path) == shape(path)
        ]
        if found:
            return found
    return []


def joined(base: str, path: str) -> str:
    return re.sub(r"/{2,}", "/", f"{base.rstrip('/')}/{path.lstrip('/')}")


def _shape(path: str) -> str:
    return re.sub(r"{[^{}]*}", "{}", path)


def _base(data: dict[str, Any]) -> str:
    servers = data.get("servers")
    if isinstance(servers, list) and servers and isinstance(servers[0], dict):
        url = servers[0].get("url")
        return urlsplit(url).path.rstrip("/") if isinstance(url, str) else ""
    base = data.get("basePath")
    return base.rstrip("/") if isinstance(base, str) else ""


class _Lines:
    """Where a key is written in the document's text (the first time after a place): the
    lines the route map shows for what the document declares."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._newlines: list[int] = []

    def find(self, key: str, start: int) -> int:
        at = self.text.find(json.dumps(key), start)
        return at if at >= 0 else start

    def line(self, at: int) -> int:
        return line_of(self.text, self._newlines, at)
