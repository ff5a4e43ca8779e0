"""An upload whose two halves do not both succeed: the file cannot be put in place after
its rows were written (publishing fails), or the rows cannot be committed after the file
was put in place (the commit fails). Either way the answer is a clean 503, no row points at
a missing file, no file is left without its row, and a replaced file keeps its old bytes.
(A storage that cannot take the bytes at all: tests/plugins/files/test_storage_failures.py.)"""

import errno
import os
from pathlib import Path

import peewee
import pytest

from framework.errors import DATABASE_DOWN_MESSAGE
from plugins.files.models import AttachmentFile
from plugins.tasks.models import Comment
# The files tests' fixtures (app storing in the test's folder, its production, storage_root),
# imported so that pytest uses them here too.
from tests.plugins.files.conftest import app, multipart, picture, prod, storage_root  # noqa: F401

STORAGE_DOWN = {"error": True, "message": "The file storage is unavailable."}
DATABASE_DOWN = {"error": True, "message": DATABASE_DOWN_MESSAGE}


@pytest.fixture(params=["publishing fails", "commit fails"])
def fault(request, prod, monkeypatch):
    """``arm()`` breaks the next upload's second half; returns the answer it will get."""
    def arm():
        if request.param == "publishing fails":
            real_replace = os.replace

            def replace(source, target):
                if Path(source).suffix == ".part":  # a staged upload going into place
                    raise OSError(errno.EIO, "Input/output error")
                return real_replace(source, target)

            monkeypatch.setattr(os, "replace", replace)
            return STORAGE_DOWN

        def commit():
            raise peewee.OperationalError("server closed the connection unexpectedly")

        monkeypatch.setattr(prod.app.dopesheet.database, "commit", commit)
        return DATABASE_DOWN

    return arm


def stored_files(storage_root):
    return sorted(path.relative_to(storage_root).as_posix()
                  for path in storage_root.rglob("*") if path.is_file())


def rows(prod):
    with prod.app.dopesheet.activated():
        return Comment.select().count(), AttachmentFile.select().count()


def post_form(prod, path, files, **fields):
    body, content_type = multipart(files, **fields)
    return prod.client.simulate_post(path, body=body,
                                     headers={**prod.admin, "Content-Type": content_type})


def test_a_comment_with_an_attachment_is_written_whole_or_not_at_all(prod, storage_root,
                                                                     fault):
    task = prod.shot_task()
    before, stored_before = rows(prod), stored_files(storage_root)
    expected = fault()
    result = post_form(prod, f"/actions/tasks/{task['id']}/comment",
                       {"file": ("frame.png", picture())},
                       task_status_id=prod.status["wip"], comment="see attached")
    assert (result.status_code, result.json) == (503, expected)
    assert rows(prod) == before
    assert stored_files(storage_root) == stored_before


def test_a_replaced_avatar_keeps_its_old_bytes(prod, storage_root, fault):
    path = f"/pictures/thumbnails/persons/{prod.studio.person('user').id}"
    old = picture((90, 60), color=(200, 30, 30))
    assert post_form(prod, path, {"file": ("old.png", old)}).status_code == 201
    served, stored = prod.download(path).content, stored_files(storage_root)
    expected = fault()
    result = post_form(prod, path, {"file": ("new.png", picture((90, 60), color=(0, 0, 255)))})
    assert (result.status_code, result.json) == (503, expected)
    assert prod.download(path).content == served
    assert stored_files(storage_root) == stored
