"""Helpers for responders: the caller, and JSON bodies validated with Zou's answers."""

import functools

import falcon
from marshmallow import ValidationError

from .errors import BadRequest, UnsupportedMediaType, validation_error
from .jsonlimits import JsonLimitError

EMPTY_BODY = ("Data are empty. Please verify that you sent JSON data and that you set the "
              "right headers.")
NOT_JSON = ("Did not attempt to load JSON data because the request Content-Type was not "
            "'application/json'.")


def principal_of(req):
    """The authenticated caller (``framework.Principal``), or None on a public route."""
    return getattr(req.context, "principal", None)


def is_json(req):
    content_type = (req.content_type or "").split(";")[0].strip().lower()
    return content_type == "application/json" or (
        content_type.startswith("application/") and content_type.endswith("+json"))


def read_json(req):
    """The JSON body (any JSON value), or None when empty; 415 unless the body is JSON."""
    if not is_json(req):
        raise UnsupportedMediaType(NOT_JSON)
    try:
        return req.get_media(default_when_empty=None)
    except falcon.MediaMalformedError as error:
        if isinstance(error.__cause__, JsonLimitError):
            raise BadRequest(str(error.__cause__)) from None
        raise BadRequest("The request body is not valid JSON.") from None


def read_json_object(req):
    body = read_json(req)
    if body is None:
        raise BadRequest(EMPTY_BODY, data=None)
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return body


@functools.lru_cache(maxsize=512)
def schema_instance(schema, many=False):
    """One instance per marshmallow schema class: a schema keeps no state between loads,
    and making one copies all its fields (most of a small body's validation cost)."""
    return schema(many=many)


def validated(schema, values, many=False):
    """``values`` loaded by ``schema`` (a marshmallow schema class or instance); a refusal is
    Zou's 400 ``Validation error.`` naming the fields."""
    loader = schema_instance(schema, many) if isinstance(schema, type) else schema
    try:
        return loader.load(values)
    except ValidationError as error:
        raise validation_error(error.messages) from None


def json_body(req, schema, many=False):
    """The JSON body loaded by ``schema``. An empty body is ``{}`` (``[]`` with ``many``), as
    Zou's validation treats it; a body of the wrong JSON kind is a 400."""
    body = read_json(req) if req.content_length else None
    if body is None:
        body = [] if many else {}
    if not isinstance(body, list if many else dict):
        raise BadRequest("A JSON array is expected." if many
                         else "The request body must be a JSON object.")
    return validated(schema, body, many=many)
