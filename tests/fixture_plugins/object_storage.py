"""An object-storage-like backend for the files plugin's ``files_storage`` hook: objects
live in a bucket (a dict), an upload is a pending multipart upload completed when the
request commits, and objects are read back in ranges, never whole."""

import io

from framework import hookimpl
from plugins.files.storage import FileMissing, Staged, Storage, StoredFile
from plugins.files.storage.base import CHUNK_SIZE

REQUIRES = ("files",)


class RangeReader(io.RawIOBase):
    """An object read range by range; the sizes asked are recorded in ``reads``."""

    def __init__(self, data, reads):
        self.data, self.offset, self.reads = data, 0, reads

    def readable(self):
        return True

    def read(self, size=-1):
        self.reads.append(size)
        end = len(self.data) if size is None or size < 0 else self.offset + size
        chunk = self.data[self.offset:end]
        self.offset += len(chunk)
        return chunk


class Bucket(Storage):
    def __init__(self):
        self.objects = {}
        self.uploads = {}
        self.reads = []
        self.opened = []

    def stage(self, key, stream):
        upload_id = f"upload-{len(self.uploads)}-{key}"
        parts = []
        while chunk := stream.read(CHUNK_SIZE):
            parts.append(chunk)
        self.uploads[upload_id] = b"".join(parts)

        def complete():
            self.objects[key] = self.uploads.pop(upload_id)

        def abort():
            self.uploads.pop(upload_id, None)

        return Staged(key, len(self.uploads[upload_id]), complete, abort)

    def open(self, key):
        if key not in self.objects:
            raise FileMissing(key)
        reader = RangeReader(self.objects[key], self.reads)
        self.opened.append(reader)
        return StoredFile(reader, len(self.objects[key]))

    def delete(self, key):
        self.objects.pop(key, None)


def bucket_of(dopesheet):
    return dopesheet.extension("object_storage.bucket", Bucket)


@hookimpl
def files_storage(dopesheet):
    return bucket_of(dopesheet)
