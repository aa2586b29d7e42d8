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
