"""The default backend: a folder on local disk (``[plugins.files] root``), created on
demand. A file is written to ``<root>/.staging/<random>`` on the same file system, flushed
to disk, then renamed under its key when committed: a crash leaves at most a stray staging
file, never half a file under a real name."""

import os
import secrets
from pathlib import Path

from .base import CHUNK_SIZE, FileMissing, Staged, Storage, StoredFile

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
            os.replace(temporary, target)

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
