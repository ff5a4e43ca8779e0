"""The storage backend interface. A backend keeps bytes under keys (``storage_key``);
writing is two-phase so that a file appears under its real key only once the database row
that points at it is committed: ``stage`` writes the bytes somewhere temporary and returns a
``Staged`` whose ``commit`` publishes them (a rename on disk, a copy or a multipart
completion on object storage) and whose ``discard`` forgets them."""

import abc
from dataclasses import dataclass
from typing import BinaryIO, Callable

CHUNK_SIZE = 1024 * 1024


class FileMissing(Exception):
    """No bytes are stored under the key (never written, or lost)."""


@dataclass
class Staged:
    """Bytes written under a temporary name, ``size`` long, not yet visible under ``key``."""

    key: str
    size: int
    commit: Callable[[], None]
    discard: Callable[[], None]


@dataclass
class StoredFile:
    """An open stored file: ``stream`` is read in chunks (never loaded whole) and closed
    by whoever serves it."""

    stream: BinaryIO
    size: int


class Storage(abc.ABC):
    """What a ``files_storage`` implementation returns. Keys are relative, ``/``-separated
    and made by ``storage_key`` only: a backend may rely on them being safe names."""

    @abc.abstractmethod
    def stage(self, key, stream):
        """Copy the readable binary ``stream`` (chunk by chunk) to a temporary place;
        return a ``Staged``."""

    @abc.abstractmethod
    def open(self, key):
        """A ``StoredFile`` for ``key``; raise ``FileMissing`` when nothing is stored."""

    @abc.abstractmethod
    def delete(self, key):
        """Remove what is stored under ``key``; nothing stored is not an error."""

    def exists(self, key):
        try:
            self.open(key).stream.close()
        except FileMissing:
            return False
        return True
