"""Several comments in one request: the batch routes are all or nothing, naming the item
that failed; ``comment-many`` follows Zou (manager's batch, others' allowed tasks only)."""

import json

import pytest

from tests.plugins.tasks.test_comments import multipart
from tests.plugins.tasks.zou_shapes import POSTED_COMMENT


def counts(prod):
    return (len(prod.get("/data/comments")), len(prod.get("/data/news")),
            len(prod.events(name="comment:new")))


def test_a_batch_comments_several_tasks(prod):
    animation = prod.shot_task("Animation")
    modeling = prod.asset_task("Modeling")
    posted = prod.post("/actions/tasks/batch-comment", {"comments": [
        {"task_id": animation["id"], "text": "one", "task_status_id": prod.status["wip"]},
        {"task_id": modeling["id"], "text": "two", "task_status_id": prod.status["wfa"],
         "checklist": [{"text": "check", "checked": True}]},
    ]})
    assert [list(comment) for comment in posted] == [POSTED_COMMENT + ["preview_files"]] * 2
    assert [comment["text"] for comment in posted] == ["one", "two"]
    assert prod.get(f"/data/tasks/{modeling['id']}")["task_status_id"] == prod.status["wfa"]


def test_one_bad_item_fails_the_whole_batch_and_writes_nothing(prod):
    task = prod.shot_task()
    before = counts(prod)
    refused = prod.post("/actions/tasks/batch-comment", {"comments": [
        {"task_id": task["id"], "text": "fine", "task_status_id": prod.status["wip"]},
        {"task_id": task["id"], "text": "no status"},
    ]}, 400)
    assert refused == {"error": True, "message": "Validation error.", "data": {"errors": [
        {"field": "comments.1.task_status_id", "message": "Field required"}]}}
    unknown = prod.post("/actions/tasks/batch-comment", {"comments": [
        {"task_id": task["id"], "text": "fine", "task_status_id": prod.status["wip"]},
        {"task_id": prod.project_id, "text": "x", "task_status_id": prod.status["wip"]},
    ]}, 400)
    assert unknown["data"]["errors"] == [{"field": "comments.1.task_id",
                                          "message": "Task not found."}]
    assert counts(prod) == before
    assert prod.get(f"/data/tasks/{task['id']}")["task_status_id"] == prod.status["todo"]


def test_a_batch_naming_an_unknown_author_fails_and_writes_nothing(prod):
    task = prod.shot_task()
    before = counts(prod)
    refused = prod.post("/actions/tasks/batch-comment", {"comments": [
        {"task_id": task["id"], "text": "mine", "task_status_id": prod.status["wip"]},
        {"task_id": task["id"], "text": "theirs", "task_status_id": prod.status["wip"],
         "person_id": "6f1d9c1e-0000-4000-8000-000000000000"},
    ]}, 400)
    assert refused["data"]["errors"] == [{"field": "comments.1.person_id",
                                          "message": "Person not found."}]
    assert counts(prod) == before


def test_an_item_failing_while_written_rolls_the_batch_back(prod):
    task = prod.shot_task()
    prod.put(f"/data/projects/{prod.project_id}", {"max_retakes": 1})
    before = counts(prod)
    refused = prod.post("/actions/tasks/batch-comment", {"comments": [
        {"task_id": task["id"], "text": "retake", "task_status_id": prod.status["retake"],
         "created_at": "2030-01-01T00:00:00"},
        {"task_id": task["id"], "text": "again", "task_status_id": prod.status["retake"],
         "created_at": "2030-01-01T00:01:00"},
    ]}, 400)
    assert refused["data"]["errors"] == [{"field": "comments.1",
                                          "message": "No more retakes allowed on this task"}]
    assert counts(prod) == before
    assert prod.get(f"/data/tasks/{task['id']}")["retake_count"] == 0


def test_a_forbidden_item_fails_the_batch(prod):
    mine = prod.shot_task("Animation")
    theirs = prod.shot_task("Layout")
    artist, headers = prod.member("user")
    prod.assign(mine, artist)
    before = counts(prod)
    refused = prod.post("/actions/tasks/batch-comment", {"comments": [
        {"task_id": mine["id"], "text": "ok", "task_status_id": prod.status["wip"]},
        {"task_id": theirs["id"], "text": "no", "task_status_id": prod.status["wip"]},
    ]}, 403, headers)
    assert refused["data"]["errors"][0]["field"] == "comments.1.task_status_id"
    assert counts(prod) == before


def test_a_task_batch_as_gazu_sends_it(prod):
    """gazu 1.3.1 types the ``comments`` part ``application/json``; older ones do not."""
    task = prod.shot_task()
    comments = [{"text": "first", "task_status_id": prod.status["wip"]},
                {"text": "second", "task_status_id": prod.status["wfa"]}]
    body, content_type = multipart({"comments": json.dumps(comments)}, [])
    posted = prod.call("POST", f"/actions/tasks/{task['id']}/batch-comment", 201, body=body,
                       headers={**prod.admin, "Content-Type": content_type}).json
    assert [comment["text"] for comment in posted] == ["first", "second"]
    typed = body.replace(b'name="comments"\r\n', b'name="comments"\r\n'
                         b"Content-Type: application/json\r\n")
    assert typed != body
    posted = prod.call("POST", f"/actions/tasks/{task['id']}/batch-comment", 201, body=typed,
                       headers={**prod.admin, "Content-Type": content_type}).json
    assert [comment["text"] for comment in posted] == ["first", "second"]
    assert all(comment["preview_files"] == [] for comment in posted)
    assert prod.get(f"/data/tasks/{task['id']}")["task_status_id"] == prod.status["wfa"]


def test_comment_many_skips_what_a_non_manager_may_not_comment(prod):
    mine = prod.shot_task("Animation")
    theirs = prod.shot_task("Layout")
    artist, headers = prod.member("user")
    prod.assign(mine, artist)
    path = f"/actions/projects/{prod.project_id}/tasks/comment-many"
    posted = prod.post(path, [
        {"object_id": mine["id"], "task_status_id": prod.status["wip"], "comment": "ok"},
        {"object_id": theirs["id"], "task_status_id": prod.status["wip"], "comment": "no"},
        {"object_id": mine["id"], "comment": "incomplete"},
    ], headers=headers)
    assert [comment["object_id"] for comment in posted] == [mine["id"]]
    managed = prod.post(path, [
        {"object_id": theirs["id"], "task_status_id": prod.status["wip"], "comment": "ok"}])
    assert managed[0]["person_id"] != artist.id


@pytest.mark.parametrize("route", ["comment-many", "batch-comment"])
def test_a_batch_reads_its_tasks_once_whatever_its_size(prod, query_counter, database_kind,
                                                         route):
    """The tasks with their audience and their project's automations come in one statement
    (on PostgreSQL it also locks them): a batch's reads do not grow with its items. On
    PostgreSQL its inserts do not either: each table's rows go in one statement."""
    tasks = [prod.shot_task(name) for name in ("Animation", "Layout")] + [prod.asset_task()]
    _, follower = prod.member("user")
    for task in tasks:
        prod.post(f"/actions/user/tasks/{task['id']}/subscribe", headers=follower)

    def reads(chosen):
        if route == "comment-many":
            path = f"/actions/projects/{prod.project_id}/tasks/comment-many"
            body = [{"object_id": task["id"], "task_status_id": prod.status["wip"],
                     "comment": "x"} for task in chosen]
        else:
            path = "/actions/tasks/batch-comment"
            body = {"comments": [{"task_id": task["id"], "task_status_id": prod.status["wip"],
                                  "text": "x"} for task in chosen]}
        with query_counter() as log:
            assert len(prod.post(path, body)) == len(chosen)
        return log.statements

    def of_kind(statements, kind):
        return [sql for sql in statements if sql.startswith(kind)]

    one, three = reads(tasks[:1]), reads(tasks)
    assert len(of_kind(three, "SELECT")) == len(of_kind(one, "SELECT"))
    assert sum(" FOR UPDATE" in sql for sql in three) == (database_kind == "postgresql")
    if database_kind == "postgresql":
        assert [sql.split(" (")[0] for sql in of_kind(three, "INSERT")] == [
            sql.split(" (")[0] for sql in of_kind(one, "INSERT")]
    assert [item["notification_type"] for item in prod.get(
        "/data/user/notifications", follower)] == ["comment"] * 4, (
        "the audience read with the tasks is notified of each comment")
