"""Bytes written with the request's transaction: staged under a temporary name while the
rows are written, discarded when the request fails, and published under their key once the
request succeeded, just before its transaction commits (``StagingMiddleware``): a file that
cannot be put in place fails the request, so no row is committed without its file, and a
transaction that then fails to commit puts back what the keys held. A deleted row's file
goes after the commit. Outside a transaction (a CLI command) everything happens at once."""

import logging
from contextvars import ContextVar

import falcon
from framework import ApiError, after_rollback, db

from ..storage import FileMissing

pending = ContextVar("files_pending_staged", default=None)
log = logging.getLogger(__name__)
STORAGE_DOWN = "The file storage is unavailable."


def backend(dopesheet):
    """The storage backend: the first ``files_storage`` answer."""
    return dopesheet.hooks.call("files_storage", dopesheet=dopesheet)


def storage_down(key, error):
    """The 503 of a storage that cannot take the bytes (not writable, disk full): the
    request fails, so its rows are rolled back."""
    log.error("cannot store %s: %s", key, error)
    return ApiError(STORAGE_DOWN, status=falcon.HTTP_503, headers={"Retry-After": "30"})


def put(dopesheet, key, stream):
    """Store the readable ``stream`` under ``key`` with the current transaction; returns
    the size written."""
    try:
        staged = backend(dopesheet).stage(key, stream)
    except OSError as error:
        raise storage_down(key, error) from None
    pending_files = pending.get()
    if db.transaction_depth() == 0 or pending_files is None:
        published = staged.commit()
        if published is not None:
            published.forget()
        return staged.size
    pending_files.append(staged)
    return staged.size


def publish(staged_files):
    """Put ``staged_files`` under their keys before the commit. When one cannot be put in
    place the request fails (503): the others are put back when its transaction is rolled
    back."""
    for index, staged in enumerate(staged_files):
        try:
            published = staged.commit()
        except OSError as error:
            for left in staged_files[index:]:
                left.discard()
            raise storage_down(staged.key, error) from None
        if published is not None:
            db.after_commit(published.forget)
            after_rollback(published.revert)


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
    """Collects what a request stages; publishes it when the request succeeded, discards it
    when it failed. The core's database middleware commits or rolls back right after."""

    def process_request(self, req, resp):
        req.context.files_staged = pending.set([])

    def process_response(self, req, resp, resource, req_succeeded):
        token = getattr(req.context, "files_staged", None)
        if token is None:
            return
        staged_files = pending.get() or []
        pending.reset(token)
        if req_succeeded:
            publish(staged_files)
        else:
            for staged in staged_files:
                staged.discard()
