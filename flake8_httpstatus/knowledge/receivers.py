"""What shows that an expression is an HTTP response, so that its generic `.status` or `.code`
is a status: the result of a request (`resp = client.get(...)`, `await session.post(...)`,
`urlopen(...)`), a name that says so (`response`, `resp`, `rv`, a `response` fixture or
parameter), an HTTP error caught by `except HTTPError as error` or expected by
`with pytest.raises(HTTPError) as info` (or narrowed by `isinstance(error, HTTPError)`), or `self` in a class named for HTTP or a response.
Which packages the file imports says nothing about one expression, so it is not consulted.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping

# Methods of test clients, HTTP clients and browsers that return a response.
REQUEST_METHODS = frozenset(
    {
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "head",
        "options",
        "trace",
        "request",
        "fetch",
        "open",
        "send",
        "stream",
        "urlopen",
        "getresponse",
        "goto",
        "reload",
        "go_back",
        "go_forward",
        "get_json",
        "post_json",
        "put_json",
        "patch_json",
        "delete_json",
        "simulate_get",
        "simulate_post",
        "simulate_put",
        "simulate_patch",
        "simulate_delete",
        "simulate_head",
        "simulate_options",
        "simulate_request",
    }
)
# Plain functions that return a response, pytest plugins' fixtures among them (jupyter_server's
# `jp_fetch`, a test's parameter); a fixture named otherwise (`db_fetch`) may return a model.
REQUEST_FUNCTIONS = frozenset({"urlopen", "fetch", "jp_fetch"})
RESPONSE_NAME = re.compile(r"(?:^|_)(?:resp|rsp|res|rv)\d*$|response\d*$", re.IGNORECASE)
# A class whose `self.status` is its own status: a response, or HTTP machinery.
RESPONSE_CLASS = re.compile(r"Response|HTTP|Http")
# An exception class carrying an HTTP status.
HTTP_ERROR = re.compile(r"HTTP|ResponseError$|^ApiException$|^UnexpectedStatus$")
# `with self.assertRaises(HTTPError) as cm`, `with pytest.raises(HTTPError) as info`.
_RAISES = frozenset({"assertRaises", "raises"})


def is_request(node: ast.expr) -> bool:
    """`client.get(...)`, `await session.post(...)`, `urlopen(...)`."""
    if type(node) is ast.Await:
        node = node.value
    if type(node) is not ast.Call:
        return False
    func = node.func
    if type(func) is ast.Attribute:
        return func.attr.lstrip("_") in REQUEST_METHODS
    return type(func) is ast.Name and func.id in REQUEST_FUNCTIONS


def is_http_error(node: ast.expr | None, imports: Mapping[str, str] | None = None) -> bool:
    """The type of `except HTTPError as error` (or a tuple holding one): named for HTTP, a
    client's `ClientResponseError`, or a generated API client's `ApiException` (OpenAPI
    Generator) or `UnexpectedStatus` (openapi-python-client); `imports` (local name ->
    imported name) reads one imported under another name (`import ApiException as AE`)."""
    if isinstance(node, ast.Tuple):
        return any(is_http_error(element, imports) for element in node.elts)
    if isinstance(node, ast.Attribute):
        return HTTP_ERROR.search(node.attr) is not None
    if not isinstance(node, ast.Name):
        return False
    if HTTP_ERROR.search(node.id) is not None:
        return True
    imported = imports.get(node.id) if imports is not None else None
    return imported is not None and HTTP_ERROR.search(imported.rpartition(".")[2]) is not None


def names_response(annotation: ast.expr | None) -> bool:
    """An annotation naming a response type: `Response`, `httputil.ResponseStartLine`,
    `ClientResponse | None`, `Optional["Response"]`."""
    if annotation is None:
        return False
    kind = type(annotation)
    if kind is ast.Name:
        return "Response" in annotation.id  # type: ignore[attr-defined]
    if kind is ast.Attribute:
        return "Response" in annotation.attr  # type: ignore[attr-defined]
    if kind is ast.Constant:
        value = annotation.value  # type: ignore[attr-defined]
        return isinstance(value, str) and "Response" in value
    if kind is ast.Subscript:
        return names_response(annotation.slice)  # type: ignore[attr-defined]
    if kind is ast.BinOp:
        return names_response(annotation.left) or names_response(annotation.right)  # type: ignore[attr-defined]
    return False


def class_names_response(node: ast.ClassDef) -> bool:
    """A class named for HTTP or a response, or derived from one."""
    if RESPONSE_CLASS.search(node.name):
        return True
    for base in node.bases:
        name = base.attr if type(base) is ast.Attribute else getattr(base, "id", "")
        if RESPONSE_CLASS.search(name):
            return True
    return False


def expects_http_error(node: ast.expr, imports: Mapping[str, str] | None = None) -> bool:
    """`self.assertRaises(HTTPError)`, `pytest.raises(HTTPError)`."""
    return (
        type(node) is ast.Call
        and type(node.func) is ast.Attribute
        and node.func.attr in _RAISES
        and bool(node.args)
        and is_http_error(node.args[0], imports)
    )


def is_response(node: ast.expr, responses: set[str], self_is_response: bool) -> bool:
    """Whether `node`, the receiver of `.status` or `.code`, is an HTTP response."""
    if type(node) is ast.Name:
        name = node.id
        if name == "self":
            return self_is_response
        return name in responses or RESPONSE_NAME.search(name) is not None
    if type(node) is ast.Subscript:
        # `response.history[0]`: a redirect the client followed is a response too.
        history = node.value
        return (
            type(history) is ast.Attribute
            and history.attr == "history"
            and is_response(history.value, responses, self_is_response)
        )
    if type(node) is ast.Attribute:
        owner = node.value
        # `cm.exception.code`, `info.value.status` for an expected HTTP error.
        return RESPONSE_NAME.search(node.attr) is not None or (
            type(owner) is ast.Name and owner.id in responses
        )
    return is_request(node)
