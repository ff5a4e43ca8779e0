"""An upload the storage folder cannot take (not a writable folder, disk full): a clean
error with the standard body, no partial file left and no row pointing at nothing."""

import errno
import os

import pytest

from plugins.files.models import AttachmentFile, PreviewFile
from plugins.tasks.models import Comment

from .conftest import multipart, picture


@pytest.fixture(params=["not a folder", "disk full"])
def failure(request, storage_root, monkeypatch):
    """The storage folder is a regular file (even root cannot write under it), or the disk
    fills up while the upload is written."""
    if request.param == "not a folder":
        storage_root.parent.mkdir(parents=True, exist_ok=True)
        storage_root.write_bytes(b"not a folder")
    else:
        def disk_full(descriptor):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(os, "fsync", disk_full)
    return request.param


def rows(prod):
    with prod.app.dopesheet.activated():
        return (Comment.select().count(), AttachmentFile.select().count(),
                PreviewFile.select().count())


def stored_files(storage_root):
    if not storage_root.is_dir():
        return []
    return [path for path in storage_root.rglob("*") if path.is_file()]


@pytest.mark.parametrize("upload", [("notes.txt", b"notes"), ("frame.png", picture())])
def test_an_attachment_the_storage_cannot_take_is_a_clean_error(prod, storage_root, failure,
                                                                upload):
    task = prod.shot_task()
    before = rows(prod)
    body, content_type = multipart({"file": upload}, task_status_id=prod.status["wip"],
                                   comment="see attached")
    result = prod.client.simulate_post(f"/actions/tasks/{task['id']}/comment", body=body,
                                       headers={**prod.admin, "Content-Type": content_type})
    assert result.status_code == 503, result.text
    assert result.json == {"error": True, "message": "The file storage is unavailable."}
    assert rows(prod) == before
    assert stored_files(storage_root) == []
