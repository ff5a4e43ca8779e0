"""The default backend: a folder on local disk (``[plugins.files] root``), created on
demand. A file is written to ``<root>/.staging/<random>`` on the same file system, flushed
to disk, then renamed under its key when committed; what the key held is kept aside (a hard
link, so the key is never empty) until the transaction's outcome is known. A crash leaves
at most a stray staging file, never half a file under a real name."""

import os
import secrets
from pathlib import Path

from .base import CHUNK_SIZE, FileMissing, Published, Staged, Storage, StoredFile

STAGING = ".staging"


class LocalDisk(Storage):
    def __init__(self, root):
        self.root = Path(root).resolve()

    def path_of(self, key):
        """The file of ``key``, refusing anything that would leave the root."""
        path = (self.root / key).resolve()
        if not path.is_relative_to(self.root) or path == self.root:
            raise ValueError(f"storage key {key!r} leaves the storage folder")
        return path

    def stage(self, key, stream):
        target = self.path_of(key)
        staging = self.root / STAGING
        staging.mkdir(parents=True, exist_ok=True)
        temporary = staging / f"{secrets.token_hex(16)}.part"
        size = 0
        try:
            with open(temporary, "xb") as handle:
                while chunk := stream.read(CHUNK_SIZE):
                    handle.write(chunk)
                    size += len(chunk)
                handle.flush()
                os.fsync(handle.fileno())
        except BaseException:
            temporary.unlink(missing_ok=True)
            raise

        def commit():
            target.parent.mkdir(parents=True, exist_ok=True)
            previous = keep_aside(target, staging)
            try:
                os.replace(temporary, target)
            except OSError:
                drop(previous)
                raise
            return Published(lambda: put_back(previous, target), lambda: drop(previous))

        def discard():
            temporary.unlink(missing_ok=True)

        return Staged(key, size, commit, discard)

    def open(self, key):
        path = self.path_of(key)
        try:
            handle = open(path, "rb")
        except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
            raise FileMissing(key) from None
        return StoredFile(handle, os.fstat(handle.fileno()).st_size)

    def delete(self, key):
        self.path_of(key).unlink(missing_ok=True)


def keep_aside(path, folder):
    """A second name in ``folder`` for what ``path`` holds, or None when it holds nothing."""
    aside = folder / f"{secrets.token_hex(16)}.previous"
    try:
        os.link(path, aside)
    except FileNotFoundError:
        return None
    return aside


def put_back(previous, path):
    if previous is None:
        path.unlink(missing_ok=True)
    else:
        os.replace(previous, path)


def drop(previous):
    if previous is not None:
        previous.unlink(missing_ok=True)
