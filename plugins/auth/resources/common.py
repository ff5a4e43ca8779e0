"""What every ``/auth/*`` resource needs: bodies validated by the schema the OpenAPI document
shows, and refusals answered rather than raised where the refusal itself must be kept."""

import functools

from marshmallow import ValidationError

from framework import ApiError, BadRequest, read_json
from framework.errors import handle_api_error, validation_error


def validated(schema, data):
    """``schema.load(data)``; a refusal is Zou's "Validation error." answer."""
    try:
        return schema.load(data)
    except ValidationError as error:
        raise validation_error(error.messages) from None


def json_body(req, schema):
    """The JSON object body (an empty body is ``{}``) loaded with ``schema``."""
    body = read_json(req) if req.content_length else None
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return validated(schema, body)


def query(req, schema):
    return validated(schema, dict(req.params))


def keeps_refusals(responder):
    """Answer an ``ApiError`` instead of raising it, so the request's transaction commits:
    a refused attempt must still count towards the lockout, and a code or challenge it spent
    must stay spent."""

    @functools.wraps(responder)
    def answer(resource, req, resp, **params):
        try:
            responder(resource, req, resp, **params)
        except ApiError as refusal:
            handle_api_error(req, resp, refusal, params)

    return answer
