"""What every ``/auth/*`` resource needs: bodies validated by the schema the OpenAPI document
shows, and refusals answered rather than raised where the refusal itself must be kept."""

import functools

from framework import ApiError, validated
from framework.errors import handle_api_error


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
