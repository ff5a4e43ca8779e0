"""The ``files_storage`` hook: a plugin answering first (an object-storage-like bucket,
tests/fixture_plugins/object_storage.py) keeps every byte instead of local disk; uploads
are published only when the request commits, downloads read the object range by range."""

import pytest

from tests.fixture_plugins import object_storage

from .conftest import picture


@pytest.fixture
def app(make_app, storage_root):
    return make_app({"plugins": {"files": {"root": str(storage_root),
                                           "max_upload_bytes": 300_000}}},
                    plugins=[("object_storage", object_storage)])


@pytest.fixture
def bucket(app):
    return object_storage.bucket_of(app.dopesheet)


def test_uploads_go_to_the_plugin_answering_first(prod, bucket, storage_root):
    task = prod.shot_task()
    content = bytes(range(256)) * 1000
    posted = prod.upload(f"/actions/tasks/{task['id']}/comment",
                         {"file": ("cache.bin", content)}, task_status_id=prod.status["wip"])
    attachment_id = posted["attachment_files"][0]["id"]
    assert bucket.objects[f"attachments/{attachment_id}"] == content
    assert bucket.uploads == {}
    preview = prod.preview(task)
    prod.upload(f"/pictures/preview-files/{preview['id']}", {"file": ("f.png", picture())})
    assert sorted(key for key in bucket.objects if preview["id"] in key) == sorted(
        f"previews/{kind}/{preview['id']}.png"
        for kind in ("original", "previews", "thumbnails", "thumbnails-square"))
    assert not storage_root.exists()


def test_downloads_stream_from_the_plugin_in_ranges(prod, bucket):
    task = prod.shot_task()
    content = bytes(range(256)) * 1000
    posted = prod.upload(f"/actions/tasks/{task['id']}/comment",
                         {"file": ("cache.bin", content)}, task_status_id=prod.status["wip"])
    attachment_id = posted["attachment_files"][0]["id"]
    bucket.reads.clear()
    downloaded = prod.download(f"/data/attachment-files/{attachment_id}/file/cache.bin")
    assert downloaded.content == content
    assert len(bucket.reads) > 1
    assert all(0 < size < len(content) for size in bucket.reads)
    assert all(reader.closed for reader in bucket.opened)


def test_a_failed_request_publishes_nothing(prod, bucket):
    """The second file is past the limit: the comment, its first file and the staged
    upload all go."""
    task = prod.shot_task()
    answer = prod.upload(f"/actions/tasks/{task['id']}/comment",
                         {"file": ("small.txt", b"small"),
                          "file-2": ("big.bin", b"x" * 400_000)},
                         expected=413, task_status_id=prod.status["wip"])
    assert answer["error"] is True
    assert bucket.objects == {} and bucket.uploads == {}
    assert prod.get(f"/data/tasks/{task['id']}/comments") == []


def test_a_preview_past_the_upload_limit_stores_nothing(prod, bucket):
    task = prod.shot_task()
    preview = prod.preview(task)
    prod.upload(f"/pictures/preview-files/{preview['id']}",
                {"file": ("take.mp4", b"\x00" * 400_000)}, expected=413)
    assert bucket.objects == {} and bucket.uploads == {}
    assert prod.get(f"/data/preview-files/{preview['id']}")["status"] == "processing"
