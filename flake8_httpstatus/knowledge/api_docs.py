"""What API documentation libraries declare about a route's statuses, as data: the decorators
whose `responses=` keys are documented statuses, and what a route documents without them."""

from __future__ import annotations

# drf-spectacular [S: drf_spectacular.utils, drf_spectacular.openapi.AutoSchema]: a project
# importing it serves an OpenAPI schema of its DRF views; `@extend_schema(responses={...})`
# replaces a view's documented statuses with the dict's keys (an int, an `HTTPStatus`, a DRF
# `status` constant, or a `(status, media type)` tuple); `@extend_schema_view(action=
# extend_schema(...))` does the same for the named action or method; `exclude=True` leaves
# the view out of the schema.
SPECTACULAR_MODULE = "drf_spectacular"
EXTEND_SCHEMA = frozenset({"drf_spectacular.utils.extend_schema"})
EXTEND_SCHEMA_VIEW = frozenset({"drf_spectacular.utils.extend_schema_view"})
# Without a `responses=` dict, the schema's one status: 204 for a DELETE, 201 for a create
# operation (a POST to a viewset's `create`, or to one of these generic views), else 200
# (`AutoSchema._get_response_bodies`).
SPECTACULAR_DELETE_STATUS = 204
SPECTACULAR_CREATE_STATUS = 201
SPECTACULAR_DEFAULT_STATUS = 200
SPECTACULAR_CREATE_VIEWS = frozenset(
    {"rest_framework.generics.CreateAPIView", "rest_framework.generics.ListCreateAPIView"}
)
# A class view is in the schema when it is one of DRF's (its bases reach this package).
DRF_PACKAGE = "rest_framework."

# An OpenAPI document (`routes --openapi FILE`, or the one a Connexion app's `add_api` names):
# each operation's `responses` keys that are statuses are documented; `default` and ranges
# (`4XX`) name no one status. The operations are under `paths`, their methods these keys.
OPENAPI_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

# Connexion [S: connexion.apps.abstract.AbstractApp.add_api]: an app made by one of these
# classes, `app.add_api(specification, base_path=...)` with the file relative to the app's
# `specification_dir=`; each operation is a route whose handler is its `operationId`
# (prefixed by `x-openapi-router-controller` when given). Its paths sit under `base_path=`,
# else the path of the first server's URL (OpenAPI 3) or `basePath` (Swagger 2). Connexion
# answers a request its document does not accept with 400 by itself.
CONNEXION_APPS = frozenset(
    {
        "connexion.App",
        "connexion.FlaskApp",
        "connexion.AsyncApp",
        "connexion.apps.flask.FlaskApp",
        "connexion.apps.asynchronous.AsyncApp",
    }
)
CONNEXION_ADD_API = "add_api"
CONNEXION_SPECIFICATION_DIR = "specification_dir"
CONNEXION_ROUTER_CONTROLLER = "x-openapi-router-controller"
CONNEXION_VALIDATION_STATUS = 400

# flask-restx [S: flask_restx.namespace.Namespace.response/doc/marshal_with,
# flask_restx.swagger.Swagger.responses_for]: on a resource class (every method) or one
# method, `@ns.response(code, description)` (also `@api.response`), `@ns.doc(responses={...})`
# and `@ns.marshal_with(model, code=200)` document statuses; a method documenting none
# documents 200 (its Swagger's default).
RESTX_RESPONSE = "response"  # its status: the first argument, or `code=`
RESTX_DOC = "doc"  # its `responses=` dict's keys
RESTX_MARSHAL = frozenset({"marshal_with", "marshal_list_with"})  # `code=`, 200 by default
RESTX_DEFAULT_STATUS = 200

# Litestar [S: litestar._openapi.responses.create_error_responses]: a route handler's
# `raises=[...]` documents each exception class's `status_code`.
LITESTAR_RAISES = "raises"

# flask-smorest [S: flask_smorest.response.ResponseMixin.response/alt_response,
# flask_smorest.Blueprint.doc, flask_smorest.arguments.ArgumentsMixin.arguments,
# flask_smorest.pagination.PaginationMixin.paginate, flask_smorest.etag.EtagMixin]: on a view
# function or a MethodView's method, `@blp.response(code, ...)` and `@blp.alt_response(code,
# ...)` document their status, `@blp.doc(responses={...})` its keys; `@blp.arguments` and
# `@blp.paginate` document the validation status (`error_status_code=`, 422 by default);
# `@blp.etag` documents 304 on these methods and 412 and 428 on those.
SMOREST_RESPONSES = frozenset({"response", "alt_response"})  # first argument or `status_code=`
# Before 0.29.0 ([S: flask-smorest's CHANGELOG, 0.29.0 and 0.28.0's response.py]),
# `response(schema=None, *, code=200, ...)`: the status is `code=`, else 200. Told apart by the
# call: `code=`, no status at all, or a schema (a class, or a call of one) first.
SMOREST_OLD_RESPONSE = "response"
SMOREST_OLD_CODE = "code"
SMOREST_OLD_DEFAULT_STATUS = 200
SMOREST_DOC = "doc"
SMOREST_VALIDATED = frozenset({"arguments", "paginate"})
SMOREST_VALIDATION_STATUS = 422
SMOREST_ETAG = "etag"
SMOREST_ETAG_STATUSES: tuple[tuple[frozenset[str], tuple[int, ...]], ...] = (
    (frozenset({"GET", "HEAD"}), (304,)),
    (frozenset({"PUT", "PATCH", "DELETE"}), (412, 428)),
)

# APIFlask [S: apiflask.scaffold.APIScaffold.output/doc/input/auth_required,
# apiflask.APIFlask._make_openapi, apiflask.settings]: `@app.output(schema, status_code=200)`
# documents its status (second argument); `@app.doc(responses=[...] or {...})` its list items
# or keys; without either, 200. By default it adds 422 to a view with `@app.input`, 401 to
# one with `@app.auth_required`, and 404 to a route with path parameters.
APIFLASK_OUTPUT = "output"  # its status: the second argument or `status_code=`, else 200
APIFLASK_DOC = "doc"
APIFLASK_DEFAULT_STATUS = 200
APIFLASK_ADDED: dict[str, int] = {"input": 422, "auth_required": 401}
# What the request validation of `@blp.arguments`/`@blp.paginate` (webargs' `handle_error`
# aborts with the status they document) and of APIFlask's `@app.input` (its `_ValidationError`,
# `VALIDATION_ERROR_STATUS_CODE`, 422 by default) sends: implicit, as FastAPI's 422 is.
VALIDATION_REASON = "request validation"
APIFLASK_VALIDATED = "input"
APIFLASK_PATH_PARAMETER_STATUS = 404
