"""The default backend, local disk: files written under a temporary name and renamed when
the request commits, never left half written under their real name, never outside the
storage folder; and the upload size limit."""

import io
import types
import uuid

import falcon.testing
import pytest

from framework import BadRequest, Route, hookimpl, operation
from plugins.files.services import storing
from plugins.files.storage import storage_key
from plugins.files.storage.local import LocalDisk

LIMIT = 200_000


class Broken(io.RawIOBase):
    """A client stream that fails after its first chunk."""

    def __init__(self):
        self.sent = False

    def readable(self):
        return True

    def read(self, size=-1):
        if self.sent:
            raise ConnectionResetError("client went away")
        self.sent = True
        return b"x" * 1024


def staging_files(root):
    return list((root / ".staging").iterdir()) if (root / ".staging").exists() else []


def test_a_staged_file_appears_under_its_key_only_when_committed(tmp_path):
    disk = LocalDisk(tmp_path / "files")
    key = storage_key("attachments", uuid.uuid4())
    staged = disk.stage(key, io.BytesIO(b"content"))
    assert staged.size == 7
    assert not (tmp_path / "files" / key).exists()
    assert [path.read_bytes() for path in staging_files(tmp_path / "files")] == [b"content"]
    staged.commit()
    assert (tmp_path / "files" / key).read_bytes() == b"content"
    assert staging_files(tmp_path / "files") == []
    discarded = disk.stage(key, io.BytesIO(b"other"))
    discarded.discard()
    assert (tmp_path / "files" / key).read_bytes() == b"content"
    assert staging_files(tmp_path / "files") == []


def test_a_write_failing_midway_leaves_nothing(tmp_path):
    disk = LocalDisk(tmp_path / "files")
    key = storage_key("attachments", uuid.uuid4())
    with pytest.raises(ConnectionResetError):
        disk.stage(key, Broken())
    assert not (tmp_path / "files" / key).exists()
    assert staging_files(tmp_path / "files") == []


@pytest.mark.parametrize("key", ["../outside", "/etc/passwd", "attachments/../../outside",
                                 "."])
def test_keys_never_leave_the_storage_folder(tmp_path, key):
    disk = LocalDisk(tmp_path / "files")
    with pytest.raises(ValueError):
        disk.path_of(key)


@pytest.mark.parametrize("kind,file_id,extension", [
    ("../attachments", uuid.uuid4(), ""), ("attachments", "../../etc/passwd", ""),
    ("attachments", uuid.uuid4(), "png/../x"), ("attachments", uuid.uuid4(), ".."),
])
def test_keys_are_made_of_a_known_kind_an_id_and_a_plain_extension(kind, file_id, extension):
    with pytest.raises(ValueError):
        storage_key(kind, file_id, extension)


def failing_route_plugin(stored_keys):
    """A plugin whose route stores a file then fails, as a request failing after its
    upload does."""
    plugin = types.ModuleType("fails_after_storing")
    plugin.REQUIRES = ("files",)

    class StoreThenFail:
        def __init__(self, dopesheet):
            self.dopesheet = dopesheet

        @operation("Store a file, then fail", auth=False)
        def on_post(self, req, resp):
            key = storage_key("attachments", uuid.uuid4())
            stored_keys.append(key)
            storing.put(self.dopesheet, key, io.BytesIO(b"never published"))
            raise BadRequest("failed after storing")

    @hookimpl
    def register_routes(dopesheet):
        return [Route("/test/store-then-fail", StoreThenFail(dopesheet))]

    plugin.register_routes = register_routes
    return plugin


def test_a_failed_request_discards_what_it_staged(make_app, storage_root):
    stored_keys = []
    app = make_app({"plugins": {"files": {"root": str(storage_root)}}},
                   plugins=[("fails_after_storing", failing_route_plugin(stored_keys))])
    client = falcon.testing.TestClient(app)
    assert client.simulate_post("/test/store-then-fail").status_code == 400
    assert not (storage_root / stored_keys[0]).exists()
    assert staging_files(storage_root) == []


@pytest.fixture
def app(make_app, storage_root):
    return make_app({"plugins": {"files": {"root": str(storage_root),
                                           "max_upload_bytes": LIMIT}}})


def test_the_storage_folder_is_created_on_demand(prod, storage_root):
    assert not storage_root.exists()
    task = prod.shot_task()
    prod.upload(f"/actions/tasks/{task['id']}/comment", {"file": ("a.txt", b"a")},
                task_status_id=prod.status["wip"])
    assert len(list((storage_root / "attachments").iterdir())) == 1


def test_uploads_past_the_limit_are_413_and_store_nothing(prod, storage_root):
    task = prod.shot_task()
    too_large = b"x" * (LIMIT + 1)
    refused = prod.upload(f"/actions/tasks/{task['id']}/comment",
                          {"file": ("big.bin", too_large)}, expected=413,
                          task_status_id=prod.status["wip"])
    assert refused["error"] is True
    assert prod.get(f"/data/tasks/{task['id']}/comments") == []
    working = prod.working_file(prod.asset_task())
    prod.upload(f"/data/working-files/{working['id']}/file", {"file": ("w.blend", too_large)},
                expected=413)
    prod.download(f"/data/working-files/{working['id']}/file", expected=404)
    preview = prod.preview(task)
    prod.upload(f"/pictures/preview-files/{preview['id']}", {"file": ("m.mp4", too_large)},
                expected=413)
    assert prod.get("/data/attachment-files") == []
    assert [path for path in storage_root.rglob("*") if path.is_file()] == []
    accepted = prod.upload(f"/pictures/preview-files/{preview['id']}",
                           {"file": ("m.mp4", b"x" * LIMIT)})
    assert accepted["file_size"] == LIMIT
