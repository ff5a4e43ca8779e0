"""The error family and the one serializer every error response goes through.

Every error body is a superset of the shapes Zou sends: ``{"error": true, "message": ...}``,
plus ``"data"`` when there are details, plus the route-specific keys Zou adds
(``login``, ``missing_OTP``, ``msg``...). Falcon's own errors (unknown route, 405, 413...)
and unexpected exceptions are turned into the same shape here.
"""

import logging

import falcon
import orjson
import peewee

log = logging.getLogger("dopesheet.errors")

NOT_FOUND_MESSAGE = (
    "404 Not Found: The requested URL was not found on the server. If you entered the URL "
    "manually please check your spelling and try again."
)
FORBIDDEN_MESSAGE = (
    "You don't have the permission to access the requested resource. It is either "
    "read-protected or not readable by the server."
)
INTERNAL_MESSAGE = "Internal server error."
DATABASE_DOWN_MESSAGE = "The database is unreachable, retry in a moment."
CONFLICT_MESSAGE = "The request ran into a concurrent one and was undone, retry it."
CONFLICT_SQLSTATES = {"40001", "40P01"}
"""PostgreSQL's serialization failure and deadlock: it undid the transaction, which would
succeed if sent again."""
CONFLICT_HEADERS = {"Retry-After": "1"}

_ABSENT = object()


class ApiError(Exception):
    """An error answered to the client: status, message, optional ``data`` and extra keys.

    ``data=None`` is sent as ``"data": null`` (Zou does for some 400s); leave it out to omit it.
    ``with_error_flag=False`` is only for the few Zou bodies that lack ``"error"``; DESIGN.md
    asks for a superset, so the core never uses it.
    """

    status = falcon.HTTP_400

    def __init__(self, message, data=_ABSENT, status=None, headers=None, **extra):
        super().__init__(message)
        self.message = message
        self.data = data
        self.extra = extra
        self.headers = headers or {}
        if status is not None:
            self.status = status

    def body(self):
        body = {"error": True, "message": self.message}
        if self.data is not _ABSENT:
            body["data"] = self.data
        body.update(self.extra)
        return body


class BadRequest(ApiError):
    status = falcon.HTTP_400


class Unauthorized(ApiError):
    status = falcon.HTTP_401


class Forbidden(ApiError):
    status = falcon.HTTP_403

    def __init__(self, message=FORBIDDEN_MESSAGE, **kwargs):
        super().__init__(message, **kwargs)


class NotFound(ApiError):
    status = falcon.HTTP_404

    def __init__(self, message=NOT_FOUND_MESSAGE, **kwargs):
        super().__init__(message, **kwargs)


class Conflict(ApiError):
    status = falcon.HTTP_409


class PayloadTooLarge(ApiError):
    status = falcon.HTTP_413


class UriTooLong(ApiError):
    status = falcon.HTTP_414


class UnsupportedMediaType(ApiError):
    status = falcon.HTTP_415


class ServiceUnavailable(ApiError):
    status = falcon.HTTP_503


def validation_error(messages, message="Validation error."):
    """400 from a marshmallow ``ValidationError.messages`` dict, one entry per field."""
    errors = []

    def walk(prefix, value):
        if isinstance(value, dict):
            for key, inner in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), inner)
        elif isinstance(value, list) and all(isinstance(item, str) for item in value):
            for item in value:
                errors.append({"field": prefix or "_schema", "message": _zou_wording(item)})
        else:
            errors.append({"field": prefix or "_schema", "message": str(value)})

    walk("", messages)
    return BadRequest(message, data={"errors": errors})


def _zou_wording(message):
    return "Field required" if message == "Missing data for required field." else message


def _write(resp, status, body, headers=None):
    resp.status = status
    resp.content_type = falcon.MEDIA_JSON
    resp.text = None
    resp.media = None
    resp.data = orjson.dumps(body)
    for name, value in (headers or {}).items():
        resp.set_header(name, value)


_FALCON_MESSAGES = {
    404: NOT_FOUND_MESSAGE,
    405: "The method is not allowed for the requested URL.",
    413: "The data value transmitted exceeds the capacity limit.",
}


def handle_api_error(req, resp, error, params):
    _write(resp, error.status, error.body(), error.headers)


def handle_http_error(req, resp, error, params):
    """Falcon's own errors (routing, media parsing, size limits) in the standard body."""
    code = error.status_code
    message = _FALCON_MESSAGES.get(code) or error.description or error.title
    body = {"error": True, "message": message}
    headers = dict(error.headers or {})
    _write(resp, error.status, body, headers)


def handle_database_down(req, resp, error, params):
    if is_conflict(error):
        log.warning("%s %s undone by the database: %s", req.method, req.relative_uri,
                    str(error).splitlines()[0])
        _write(resp, falcon.HTTP_503, {"error": True, "message": CONFLICT_MESSAGE},
               CONFLICT_HEADERS)
        return
    if not _is_connection_failure(error):
        handle_unexpected(req, resp, error, params)
        return
    log.error("database unreachable: %s", error)
    _write(resp, falcon.HTTP_503, {"error": True, "message": DATABASE_DOWN_MESSAGE},
           {"Retry-After": "5"})


def handle_unexpected(req, resp, error, params):
    log.error("unhandled error on %s %s", req.method, req.relative_uri, exc_info=error)
    _write(resp, falcon.HTTP_500, {"error": True, "message": INTERNAL_MESSAGE})


def is_conflict(error):
    """Whether ``error`` (peewee's, raised while handling the driver's) is PostgreSQL undoing
    the transaction for a deadlock or a serialization failure."""
    original = error.__cause__ or error.__context__
    return getattr(original, "sqlstate", None) in CONFLICT_SQLSTATES


def _is_connection_failure(error):
    """Outages and SQLite's ``database is locked`` after the busy timeout ran out: the client
    should retry, so 503 rather than 500."""
    if isinstance(error, peewee.InterfaceError):
        return True
    text = str(error).lower()
    return any(marker in text for marker in (
        "connection", "server closed", "could not connect", "terminating", "timeout",
        "the database system is", "no connection", "database is locked",
    ))


def install_error_handlers(app):
    """Register the handlers, most generic first: Falcon picks the most specific match."""
    app.add_error_handler(Exception, handle_unexpected)
    app.add_error_handler(peewee.OperationalError, handle_database_down)
    app.add_error_handler(peewee.InterfaceError, handle_database_down)
    app.add_error_handler(falcon.HTTPError, handle_http_error)
    app.add_error_handler(ApiError, handle_api_error)
