"""Where the bytes of files live: the backend interface every ``files_storage``
implementation answers with, and the keys files are stored under."""

from .base import FileMissing, Published, Staged, Storage, StoredFile
from .keys import storage_key

__all__ = ["FileMissing", "Published", "Staged", "Storage", "StoredFile", "storage_key"]
