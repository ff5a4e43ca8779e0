"""Bytes written with the request's transaction: staged under a temporary name while the
rows are written, published under their key when the transaction commits, discarded when
the request fails (``StagingMiddleware``); a deleted row's file goes after the commit.
Outside a transaction (a CLI command) everything happens at once."""

import logging
from contextvars import ContextVar

import falcon
from framework import ApiError, db

from ..storage import FileMissing

pending = ContextVar("files_pending_staged", default=None)
log = logging.getLogger(__name__)
STORAGE_DOWN = "The file storage is unavailable."


def backend(dopesheet):
    """The storage backend: the first ``files_storage`` answer."""
    return dopesheet.hooks.call("files_storage", dopesheet=dopesheet)


def put(dopesheet, key, stream):
    """Store the readable ``stream`` under ``key`` with the current transaction; returns
    the size written. A storage that cannot take the bytes (not writable, disk full) is a
    503: the request fails, so its rows are rolled back and what it staged is discarded."""
    try:
        staged = backend(dopesheet).stage(key, stream)
    except OSError as error:
        log.error("cannot store %s: %s", key, error)
        raise ApiError(STORAGE_DOWN, status=falcon.HTTP_503,
                       headers={"Retry-After": "30"}) from None
    pending_files = pending.get()
    if db.transaction_depth() == 0 or pending_files is None:
        staged.commit()
        return staged.size
    pending_files.append(staged)
    db.after_commit(staged.commit)
    return staged.size


def remove_after_commit(dopesheet, keys):
    """Delete the files of deleted rows once the deletion is committed."""
    storage = backend(dopesheet)
    for key in keys:
        db.after_commit(lambda key=key: storage.delete(key))


def open_stored(dopesheet, key):
    """A ``StoredFile``, or None when nothing is stored under ``key``."""
    try:
        return backend(dopesheet).open(key)
    except FileMissing:
        return None


class StagingMiddleware:
    """Collects what a request stages and discards it when the request failed (its
    transaction is rolled back right after, by the core's database middleware)."""

    def process_request(self, req, resp):
        req.context.files_staged = pending.set([])

    def process_response(self, req, resp, resource, req_succeeded):
        token = getattr(req.context, "files_staged", None)
        if token is None:
            return
        if not req_succeeded:
            for staged in pending.get() or ():
                staged.discard()
        pending.reset(token)
