"""Attachments of comments: uploaded through the tasks plugin's comment routes (which call
this plugin's ``comment_files`` hook), stored, listed and downloaded byte for byte."""

import pytest

from .conftest import picture

UNKNOWN = "d8a4e5b5-8b1f-4e6a-9e7a-3f2c1b0a9d8c"
NOT_FOUND = ("404 Not Found: The requested URL was not found on the server. If you entered "
             "the URL manually please check your spelling and try again.")


def comment_with_files(prod, task, files, headers=None):
    return prod.upload(f"/actions/tasks/{task['id']}/comment", files, headers=headers,
                       task_status_id=prod.status["wip"], comment="see attached")


def test_a_comment_with_attachments_round_trips_them(prod):
    task = prod.shot_task()
    notes = "Notes: ünïcode\n".encode() * 1000
    raw = bytes(range(256)) * 64
    posted = comment_with_files(prod, task, {"file": ("notes.txt", notes, "text/plain"),
                                             "file-2": ("dump.bin", raw)})
    by_name = {item["name"]: item for item in posted["attachment_files"]}
    assert by_name["notes.txt"] == {"id": by_name["notes.txt"]["id"], "name": "notes.txt",
                                    "extension": "txt", "size": len(notes)}
    assert by_name["dump.bin"]["size"] == len(raw)
    downloaded = prod.download(
        f"/data/attachment-files/{by_name['notes.txt']['id']}/file/notes.txt")
    assert downloaded.content == notes
    assert downloaded.headers["content-type"] == "text/plain; charset=utf-8"
    assert downloaded.headers["content-disposition"] == "attachment; filename=notes.txt"
    assert prod.download(
        f"/data/attachment-files/{by_name['dump.bin']['id']}/file/dump.bin").content == raw
    shown = prod.get(f"/data/comments/{posted['id']}")["attachment_files"]
    assert sorted(item["id"] for item in shown) == sorted(by_name[name]["id"]
                                                          for name in by_name)


def test_a_task_conversation_shows_each_comments_files_in_upload_order(prod):
    task = prod.shot_task()
    with_files = comment_with_files(prod, task, {"file": ("notes.txt", b"notes", "text/plain")})
    prod.upload(f"/actions/tasks/{task['id']}/comments/{with_files['id']}/add-attachment",
                {"file": ("later.txt", b"later!")})
    take = prod.comment(task, "wip", "take 1")
    first = prod.preview(task, take)
    second = prod.post(f"/actions/tasks/{task['id']}/comments/{take['id']}/preview-files/"
                       f"{first['id']}")
    prod.comment(task, "wip", "nothing attached")
    bare, shown_take, shown_files = prod.get(f"/data/tasks/{task['id']}/comments")
    assert (bare["text"], shown_take["text"], shown_files["text"]) == (
        "nothing attached", "take 1", "see attached")
    assert bare["attachment_files"] == bare["previews"] == shown_files["previews"] == []
    assert [(item["name"], item["size"], list(item)) for item in
            shown_files["attachment_files"]] == [
        ("notes.txt", 5, ["id", "name", "extension", "size"]),
        ("later.txt", 6, ["id", "name", "extension", "size"])]
    assert shown_take["attachment_files"] == []
    keys = ["id", "task_id", "revision", "extension", "width", "height", "duration", "status",
            "validation_status", "original_name", "position", "annotations"]
    assert shown_take["previews"] == [
        {key: prod.get(f"/data/preview-files/{preview['id']}")[key] for key in keys}
        for preview in (first, second)]


def test_pictures_are_served_inline_and_other_types_as_downloads(prod):
    task = prod.shot_task()
    png = picture()
    posted = comment_with_files(prod, task, {"file": ("frame.png", png, "image/png"),
                                             "file-2": ("page.svg", b"<svg/>",
                                                        "image/svg+xml")})
    by_name = {item["name"]: item["id"] for item in posted["attachment_files"]}
    inline = prod.download(f"/data/attachment-files/{by_name['frame.png']}/file/frame.png")
    assert inline.content == png
    assert inline.headers["content-disposition"] == "inline; filename=frame.png"
    svg = prod.download(f"/data/attachment-files/{by_name['page.svg']}/file/page.svg")
    assert svg.headers["content-disposition"].startswith("attachment;")


def test_add_attachment_to_an_existing_comment(prod):
    task = prod.shot_task()
    comment = prod.comment(task, "wip", "no file yet")
    added = prod.upload(f"/actions/tasks/{task['id']}/comments/{comment['id']}/add-attachment",
                        {"file": ("later.txt", b"later")})
    assert [item["name"] for item in added] == ["later.txt"]
    generic = prod.get(f"/data/attachment-files/{added[0]['id']}")
    assert generic["comment_id"] == comment["id"]
    assert generic["comment"]["id"] == comment["id"]
    assert (generic["mimetype"], generic["size"], generic["extension"]) == (
        "text/plain", 5, "txt")
    listed = prod.get(f"/data/tasks/{task['id']}/attachment-files")
    assert [item["id"] for item in listed] == [added[0]["id"]]
    assert [item["id"] for item in prod.get(
        f"/data/projects/{prod.project_id}/attachment-files")] == [added[0]["id"]]


def test_removing_an_attachment_removes_its_file(prod, storage_root):
    task = prod.shot_task()
    posted = comment_with_files(prod, task, {"file": ("gone.txt", b"bye")})
    attachment_id = posted["attachment_files"][0]["id"]
    assert (storage_root / "attachments" / attachment_id).read_bytes() == b"bye"
    prod.delete(f"/data/tasks/{task['id']}/comments/{posted['id']}/attachments/"
                f"{attachment_id}")
    assert not (storage_root / "attachments" / attachment_id).exists()
    prod.download(f"/data/attachment-files/{attachment_id}/file/gone.txt", expected=404)


def test_deleting_a_comment_removes_its_attachment_files(prod, storage_root):
    task = prod.shot_task()
    posted = comment_with_files(prod, task, {"file": ("gone.txt", b"bye")})
    attachment_id = posted["attachment_files"][0]["id"]
    prod.delete(f"/data/comments/{posted['id']}")
    assert not (storage_root / "attachments" / attachment_id).exists()
    prod.get(f"/data/attachment-files/{attachment_id}", expected=404)


@pytest.mark.parametrize("name", ["..", "..%2F..%2Fetc%2Fpasswd", "%2Fetc%2Fpasswd",
                                  "..%5C..%5Cwin.ini", "a%00b"])
def test_a_file_name_never_leaves_the_storage_folder(prod, name):
    task = prod.shot_task()
    posted = comment_with_files(prod, task, {"file": ("notes.txt", b"secret")})
    attachment_id = posted["attachment_files"][0]["id"]
    answer = prod.call("GET", f"/data/attachment-files/{attachment_id}/file/{name}")
    assert answer.status_code in (400, 404)
    assert answer.json["error"] is True and b"secret" not in answer.content


def test_the_name_in_the_path_does_not_choose_the_file(prod):
    task = prod.shot_task()
    posted = comment_with_files(prod, task, {"file": ("notes.txt", b"mine")})
    attachment_id = posted["attachment_files"][0]["id"]
    assert prod.download(
        f"/data/attachment-files/{attachment_id}/file/other.bin").content == b"mine"


def test_a_missing_stored_file_is_a_clean_404(prod, storage_root):
    task = prod.shot_task()
    posted = comment_with_files(prod, task, {"file": ("notes.txt", b"lost")})
    attachment_id = posted["attachment_files"][0]["id"]
    (storage_root / "attachments" / attachment_id).unlink()
    answer = prod.download(f"/data/attachment-files/{attachment_id}/file/notes.txt",
                           expected=404)
    assert answer.json == {"error": True, "message": NOT_FOUND}
    prod.download(f"/data/attachment-files/{UNKNOWN}/file/notes.txt", expected=404)


def test_attachments_follow_task_access(prod):
    task = prod.shot_task()
    posted = comment_with_files(prod, task, {"file": ("notes.txt", b"team only")})
    attachment_id = posted["attachment_files"][0]["id"]
    outsider = prod.studio.headers(prod.studio.person("user"))
    prod.download(f"/data/attachment-files/{attachment_id}/file/notes.txt", expected=403,
                  headers=outsider)
    _, artist = prod.member("user")
    assert prod.download(f"/data/attachment-files/{attachment_id}/file/notes.txt",
                         headers=artist).content == b"team only"
    prod.get(f"/data/tasks/{task['id']}/attachment-files", headers=artist, expected=403)
