"""Logs with the request id on every line, and one access line per request.

Every log record carries ``request_id`` (``-`` outside a request), so a 500's traceback and
the access line of that request share the id the client got in ``X-Request-ID``; each
further line of a record (a traceback) repeats the record's fields after a ``|``, so that
every line of the log has them. ``configure(level)`` gives the ``dopesheet`` loggers a
handler unless the host application configured logging itself.
"""

import logging
import sys
from contextvars import ContextVar

current_request_id = ContextVar("current_request_id", default="-")
FIELDS = "%(asctime)s %(levelname)s %(name)s [%(request_id)s] "
FORMAT = FIELDS + "%(message)s"
access_log = logging.getLogger("dopesheet.access")
_base_factory = logging.getLogRecordFactory()


def _record_with_request_id(*args, **kwargs):
    record = _base_factory(*args, **kwargs)
    record.request_id = current_request_id.get()
    return record


class Formatter(logging.Formatter):
    """``FORMAT``, with the fields repeated on each further line of the record."""

    def __init__(self):
        super().__init__(FORMAT)

    def format(self, record):
        first, *more = super().format(record).split("\n")
        fields = FIELDS % record.__dict__
        return "\n".join([first, *(f"{fields}| {line}" for line in more)])


def configure(level="info"):
    logging.setLogRecordFactory(_record_with_request_id)
    logger = logging.getLogger("dopesheet")
    logger.setLevel(level.upper())
    if logger.handlers or logging.getLogger().handlers:
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(Formatter())
    logger.addHandler(handler)


def log_access(req, resp, elapsed_ms):
    principal = getattr(req.context, "principal", None)
    access_log.info("%s %s %s %.1fms user=%s", req.method, req.relative_uri, resp.status[:3],
                    elapsed_ms, principal.id if principal is not None else "-")
