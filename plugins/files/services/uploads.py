"""Uploaded bytes received under the configured size limit: a part of a multipart body is
copied in chunks to a spooled temporary file (memory first, disk past a few megabytes), so
an upload is never held whole in memory and a too large one is refused (413) before
anything is stored."""

import io
import tempfile

from framework.errors import PayloadTooLarge

from ..storage.base import CHUNK_SIZE

SPOOL_BYTES = 8 * 1024 * 1024
TOO_LARGE = "The data value transmitted exceeds the capacity limit."


def check_size(size, limit):
    if size > limit:
        raise PayloadTooLarge(TOO_LARGE)


def receive(stream, limit):
    """The readable ``stream`` copied to a rewound temporary file; 413 past ``limit``."""
    received = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    size = 0
    try:
        while chunk := stream.read(CHUNK_SIZE):
            size += len(chunk)
            check_size(size, limit)
            received.write(chunk)
    except BaseException:
        received.close()
        raise
    received.seek(0)
    return received, size


def from_bytes(data, limit):
    """An upload already read by another plugin (a comment's files), checked the same."""
    check_size(len(data), limit)
    return io.BytesIO(data)


def split_name(filename):
    """``("shot v2", "png")`` for ``"shot v2.PNG"``: Zou's base name and lower-case
    extension (the last dot separates them; no dot, no extension)."""
    base, dot, extension = (filename or "").rpartition(".")
    if not dot:
        return filename or "", ""
    return base, extension.lower()
