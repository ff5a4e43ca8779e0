"""The storage backend interface. A backend keeps bytes under keys (``storage_key``);
writing is two-phase so that a row never points at bytes that are not there: ``stage``
writes the bytes somewhere temporary and returns a ``Staged`` whose ``discard`` forgets
them and whose ``commit`` publishes them (a rename on disk, a copy or a multipart
completion on object storage) just before the rows that point at them are committed.
``commit`` may return a ``Published`` so that a transaction that then fails to commit puts
back what the key held."""

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
class Published:
    """What publishing left to settle: ``revert`` puts back what the key held before (or
    removes the file), ``forget`` drops that previous content for good."""

    revert: Callable[[], None]
    forget: Callable[[], None]


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
