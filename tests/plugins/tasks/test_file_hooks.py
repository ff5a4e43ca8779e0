"""The hooks this plugin publishes for the plugin storing files: uploads reach it inside the
request's transaction, and what it stores shows in the comment answers."""

import types

import pytest

from framework import hookimpl
from tests.plugins.tasks.test_comments import multipart


@pytest.fixture
def stored():
    return {}


@pytest.fixture
def app(make_app, stored):
    files = types.ModuleType("files_stub")

    @hookimpl
    def comment_files(comment, files):
        found = stored.setdefault(comment.id, {"attachment_files": [], "previews": []})
        for upload in files:
            key = "previews" if upload.kind == "preview" else "attachment_files"
            found[key].append({"id": f"{upload.kind}-{len(found[key])}",
                               "name": upload.filename, "extension": "txt",
                               "size": len(upload.data)})
        return found

    @hookimpl
    def comment_file_lists(comment_ids):
        return {comment_id: stored[comment_id] for comment_id in comment_ids
                if comment_id in stored}

    files.comment_files, files.comment_file_lists = comment_files, comment_file_lists
    return make_app(plugins=[("files_stub", files)])


def test_uploads_become_attachments_of_the_comment(prod):
    task = prod.shot_task()
    body, content_type = multipart({"task_status_id": prod.status["wip"], "comment": "see"},
                                   [("file", "notes.txt", b"hello")])
    posted = prod.call("POST", f"/actions/tasks/{task['id']}/comment", 201, body=body,
                       headers={**prod.admin, "Content-Type": content_type}).json
    assert posted["attachment_files"] == [{"id": "attachment-0", "name": "notes.txt",
                                           "extension": "txt", "size": 5}]
    listed = prod.get(f"/data/tasks/{task['id']}/comments")
    assert listed[0]["attachment_files"] == posted["attachment_files"]
    assert prod.get(f"/data/comments/{posted['id']}")["attachment_files"] == (
        posted["attachment_files"])


def test_batch_files_go_to_their_comment(prod):
    task = prod.shot_task()
    comments = '[{"text": "a", "task_status_id": "%s"}, {"text": "b", "task_status_id": "%s"}]'
    body, content_type = multipart(
        {"comments": comments % (prod.status["wip"], prod.status["wfa"])},
        [("preview_file-1-0", "frame.txt", b"pixels"),
         ("attachment_file-0-0", "notes.txt", b"words")])
    posted = prod.call("POST", f"/actions/tasks/{task['id']}/batch-comment", 201, body=body,
                       headers={**prod.admin, "Content-Type": content_type}).json
    assert [len(comment["attachment_files"]) for comment in posted] == [1, 0]
    assert [len(comment["preview_files"]) for comment in posted] == [0, 1]
    assert posted[1]["previews"] == ["preview-0"]
