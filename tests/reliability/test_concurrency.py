"""Concurrent writers on one app, from real threads (each request its own connection and
transaction, as under gunicorn): nothing lost, nothing half-written, no 5xx."""

import threading

import falcon.testing
import pytest

from tests.plugins.tasks.conftest import Production

WRITERS = 20


@pytest.fixture
def prod(studio, admin_headers):
    return Production(studio, admin_headers)


def in_parallel(app, requests):
    """Send ``[(method, path, headers, body)]`` at once, one thread each; the answers in
    the same order."""
    answers = [None] * len(requests)
    start = threading.Barrier(len(requests))

    def send(index, method, path, headers, body):
        client = falcon.testing.TestClient(app)
        start.wait()
        answers[index] = client.simulate_request(method, path, headers=headers, json=body)

    threads = [threading.Thread(target=send, args=(index, *request))
               for index, request in enumerate(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_parallel_comments_leave_a_consistent_task(prod):
    task = prod.shot_task()
    statuses = ["retake" if index % 3 == 0 else "wip" for index in range(WRITERS)]
    answers = in_parallel(prod.app, [
        ("POST", f"/actions/tasks/{task['id']}/comment", prod.admin,
         {"task_status_id": prod.status[status], "comment": f"take {index}"})
        for index, status in enumerate(statuses)])
    assert [answer.status_code for answer in answers] == [201] * WRITERS
    comments = prod.get(f"/data/tasks/{task['id']}/comments")[::-1]  # newest first
    assert len(comments) == WRITERS
    retake = prod.status["retake"]
    expected_retakes = sum(
        1 for before, comment in zip([None] + comments, comments)
        if comment["task_status_id"] == retake
        and (before is None or before["task_status_id"] != retake))
    stored = prod.get(f"/data/tasks/{task['id']}")
    assert stored["task_status_id"] == comments[-1]["task_status_id"]
    assert stored["retake_count"] == expected_retakes


def test_a_batch_comment_is_all_or_nothing(prod):
    first, second = prod.shot_task(), prod.asset_task()
    missing = "00000000-0000-4000-8000-000000000000"
    result = prod.client.simulate_post("/actions/tasks/batch-comment", headers=prod.admin, json=[
        {"task_id": first["id"], "task_status_id": prod.status["wip"], "comment": "a"},
        {"task_id": second["id"], "task_status_id": prod.status["wip"], "comment": "b"},
        {"task_id": missing, "task_status_id": prod.status["wip"], "comment": "c"}])
    assert result.status_code in (400, 404), result.text
    assert result.json["error"] is True
    for task in (first, second):
        assert prod.get(f"/data/tasks/{task['id']}/comments") == []
        assert prod.get(f"/data/tasks/{task['id']}")["task_status_id"] == task["task_status_id"]


def test_two_admins_editing_one_project_keep_each_others_fields(prod, studio):
    other = studio.headers(studio.person("admin"))
    path = f"/data/projects/{prod.project_id}"
    rounds = WRITERS // 2
    requests = []
    for index in range(rounds):
        requests.append(("PUT", path, prod.admin, {"description": f"by first {index}"}))
        requests.append(("PUT", path, other, {"fps": f"{24 + index}"}))
    answers = in_parallel(prod.app, requests)
    assert [answer.status_code for answer in answers] == [200] * len(requests)
    project = prod.get(path)
    assert project["description"].startswith("by first ")
    assert project["fps"] in {f"{24 + index}" for index in range(rounds)}
    assert project["name"] == "Big Buck"


def test_concurrent_writers_queue_on_the_database_instead_of_failing(prod):
    """SQLite's busy timeout waits for the write lock (PostgreSQL's row locks likewise):
    no ``database is locked`` reaches the client, every write lands."""
    answers = in_parallel(prod.app, [
        ("POST", "/data/projects", prod.admin, {"name": f"Parallel {index}"})
        for index in range(WRITERS)])
    assert [answer.status_code for answer in answers] == [201] * WRITERS
    names = {project["name"] for project in prod.get("/data/projects")}
    assert {f"Parallel {index}" for index in range(WRITERS)} <= names


def comment_many(prod, tasks, text):
    return (f"/actions/projects/{prod.project_id}/tasks/comment-many",
            [{"object_id": task["id"], "task_status_id": prod.status["wip"], "comment": text}
             for task in tasks])


def batch_comment(prod, tasks, text):
    return ("/actions/tasks/batch-comment", {"comments": [
        {"task_id": task["id"], "task_status_id": prod.status["wip"], "text": text}
        for task in tasks]})


@pytest.mark.parametrize("batch", [comment_many, batch_comment])
def test_batches_naming_the_same_tasks_in_other_orders_all_land(prod, batch):
    """Each batch holds its tasks' rows until it commits; batches naming the same tasks in
    opposite orders must queue, not deadlock (PostgreSQL would abort one of them)."""
    tasks = [prod.shot_task(name) for name in ("Animation", "Layout")] + [prod.asset_task()]
    requests = [batch(prod, tasks if index % 2 else tasks[::-1], f"batch {index}")
                for index in range(WRITERS)]
    answers = in_parallel(prod.app, [("POST", path, prod.admin, body)
                                     for path, body in requests])
    assert [answer.status_code for answer in answers] == [201] * WRITERS
    for task in tasks:
        assert len(prod.get(f"/data/tasks/{task['id']}/comments")) == WRITERS


def test_parallel_hashtag_comments_on_the_tasks_of_one_entity_all_land(prod):
    """``#all`` on a task comments every task of its entity: parallel such comments on
    different tasks of one shot lock the same rows and must queue, not deadlock."""
    tasks = [prod.shot_task(name) for name in ("Animation", "Layout")]
    answers = in_parallel(prod.app, [
        ("POST", f"/actions/tasks/{tasks[index % 2]['id']}/comment", prod.admin,
         {"task_status_id": prod.status["wip"], "comment": f"#all take {index}"})
        for index in range(WRITERS)])
    assert [answer.status_code for answer in answers] == [201] * WRITERS
    for task in tasks:
        assert len(prod.get(f"/data/tasks/{task['id']}/comments")) == WRITERS
