"""The OpenAPI 3.1 document, built by apispec from the route table and the schemas, and the
``/docs`` page (Swagger UI served from the installed ``swagger-ui-py`` package, no CDN)."""

import importlib.util
import re
from pathlib import Path

import falcon
from apispec import APISpec
from apispec.ext.marshmallow import MarshmallowPlugin
from marshmallow import Schema, fields

from .routing import operation

_FIELD = re.compile(r"{([^}:]+)(:[^}]*)?}")
BEARER = "bearerAuth"

_DOCS_PAGE = """<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>{title} API</title>
  <link rel="stylesheet" href="{up}docs/static/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="{up}docs/static/swagger-ui-bundle.js"></script>
  <script>
    window.ui = SwaggerUIBundle({{url: "{up}openapi.json", dom_id: "#swagger-ui",
                                 deepLinking: true, tryItOutEnabled: false}});
  </script>
</body>
</html>
"""


class ErrorSchema(Schema):
    error = fields.Boolean(required=True)
    message = fields.String(required=True)
    data = fields.Raw(allow_none=True)


def swagger_static_dir():
    spec = importlib.util.find_spec("swagger_ui")
    return Path(next(iter(spec.submodule_search_locations))) / "static"


def _error_response(description):
    return {"description": description,
            "content": {"application/json": {"schema": "ErrorSchema"}}}


def _schema_ref(schema, partial=False):
    if isinstance(schema, type):
        return schema(partial=True) if partial else schema
    return schema


def _operation(method, template, op, plugin):
    path_fields = [m.group(1) for m in _FIELD.finditer(template)]
    parameters = [{"in": "path", "name": name, "required": True,
                   "schema": {"type": "string", "format": "uuid"}
                   if name.endswith("id") else {"type": "string"}}
                  for name in path_fields]
    if op.query is not None:
        parameters.append({"in": "query", "schema": op.query})
    status = str(op.status)
    if op.status == 204:
        success = {"description": "No content"}
    elif op.response is not None:
        schema = _schema_ref(op.response)
        if op.many:
            listing = {"type": "array", "items": schema}
            if op.query is not None and "page" in op.query._declared_fields:
                page = {"type": "object", "required": ["data", "total", "nb_pages", "limit",
                                                        "offset", "page"],
                        "properties": {"data": listing, "total": {"type": "integer"},
                                       "nb_pages": {"type": "integer"},
                                       "limit": {"type": "integer"},
                                       "offset": {"type": "integer"},
                                       "page": {"type": "integer"}}}
                listing = {"oneOf": [listing, page]}
            schema = listing
        success = {"description": "Success", "content": {op.content_type: {"schema": schema}}}
    else:
        success = {"description": "Success",
                   "content": {op.content_type: {"schema": {}}}}
    responses = {status: success, "400": _error_response("Bad request")}
    if op.auth:
        responses["401"] = _error_response("Not authenticated")
        responses["403"] = _error_response("Forbidden")
    if path_fields:
        responses["404"] = _error_response("Not found")
    responses.update(op.responses)
    operation = {
        "summary": op.summary or f"{method} {template}",
        "operationId": f"{method.lower()}{re.sub(r'[^A-Za-z0-9]+', '_', template)}",
        "tags": list(op.tags) or [plugin],
        "parameters": parameters,
        "responses": responses,
        "security": op.security if op.security is not None else (
            [{BEARER: []}] if op.auth else []),
    }
    if op.description:
        operation["description"] = op.description
    if op.body is not None:
        operation["requestBody"] = {"required": True, "content": {"application/json": {
            "schema": _schema_ref(op.body, op.partial)}}}
    return operation


def build(dopesheet):
    hooks = dopesheet.hooks

    def name_of(schema):
        cls = schema if isinstance(schema, type) else type(schema)
        name = cls.__name__.removesuffix("Schema") or cls.__name__
        if cls is ErrorSchema:
            return "ErrorSchema"
        partial = not isinstance(schema, type) and schema.partial
        return f"{hooks.plugin_of(cls)}.{name}{'Update' if partial else ''}"

    from . import __version__

    spec = APISpec(title=f"{dopesheet.settings['server']['api_name']} API", version=__version__,
                   openapi_version="3.1.0",
                   plugins=[MarshmallowPlugin(schema_name_resolver=name_of)],
                   info={"description": "Production tracking API, wire-compatible with Zou."},
                   servers=[{"url": ".", "description": "where this document is served"}])
    spec.components.schema("ErrorSchema", schema=ErrorSchema)
    spec.components.security_scheme(BEARER, {"type": "http", "scheme": "bearer",
                                             "bearerFormat": "JWT"})
    for schema in dopesheet.schemas:
        spec.components.schema(name_of(schema), schema=schema)
    taken = set()
    for mounted in sorted(dopesheet.routes, key=lambda item: item.template):
        template = _FIELD.sub(lambda m: "{" + m.group(1) + "}", mounted.template)
        operations = {method.lower(): _operation(method, template, op, mounted.plugin)
                      for method, op in mounted.route.declared_operations().items()
                      if method not in ("HEAD", "OPTIONS")}
        for described in operations.values():
            described["operationId"] = _unique(described["operationId"], taken)
        if operations:
            spec.path(path=template, operations=operations)
    return spec.to_dict()


def _unique(operation_id, taken):
    """Templates differing only in punctuation (Zou's ``guess-from-path`` and its
    ``guess_from_path`` alias) would share an id: the later ones get a number."""
    unique, number = operation_id, 1
    while unique in taken:
        number += 1
        unique = f"{operation_id}_{number}"
    taken.add(unique)
    return unique


class OpenApiResource:
    def __init__(self, dopesheet):
        self.dopesheet = dopesheet

    @operation("This OpenAPI 3.1 document", auth=False)
    def on_get(self, req, resp):
        resp.media = self.dopesheet.openapi()


class DocsResource:
    """The page links its assets and the document relatively, so it works at ``/docs``, at
    ``/api/docs`` and behind a proxy that strips ``/api`` (Kitsu's usual nginx setup)."""

    def __init__(self, dopesheet):
        self.title = dopesheet.settings["server"]["api_name"]

    @operation("Interactive documentation (Swagger UI)", auth=False, content_type="text/html")
    def on_get(self, req, resp):
        up = "../" if req.env.get("PATH_INFO", "").endswith("/") else ""
        resp.content_type = falcon.MEDIA_HTML
        resp.text = _DOCS_PAGE.format(title=self.title, up=up)


def mount_docs(app):
    """Swagger UI's own files, at ``/docs/static`` (and so at ``/api/docs/static``)."""
    directory = swagger_static_dir()
    app.add_static_route("/docs/static", str(directory))
