"""The generic model routes of tasks, comments, notifications, news, subscriptions and
events: Zou's shapes, checks, role rules and events."""

from tests.plugins.tasks.zou_shapes import (API_EVENT, COMMENT, COMMENT_WITH_RELATIONS,
                                            FORBIDDEN, NEWS, NOTIFICATION, SHORT_PERSON,
                                            SUBSCRIPTION, TASK, TASK_WITH_ASSIGNEES)


def test_a_task_reads_with_its_assignees_before_its_id(prod):
    task = prod.shot_task()
    artist, _ = prod.member("user")
    prod.assign(task, artist)

    one = prod.get(f"/data/tasks/{task['id']}")
    assert list(one) == TASK_WITH_ASSIGNEES
    assert one["assignees"] == [artist.id] and one["type"] == "Task"
    assert one["duration"] == 0.0 and isinstance(one["duration"], float)
    assert list(prod.get(f"/data/tasks/{task['id']}?relations=false")) == TASK
    listed = prod.get(f"/data/tasks?project_id={prod.project_id}")
    assert [list(item) for item in listed] == [TASK]
    related = prod.get(f"/data/tasks?project_id={prod.project_id}&relations=true")
    assert list(related[0]) == TASK_WITH_ASSIGNEES


def test_task_filters_include_assignees_and_episode(prod):
    on_shot = prod.shot_task()
    on_asset = prod.asset_task()
    artist, _ = prod.member("user")
    prod.assign(on_asset, artist)

    def ids(query):
        return [item["id"] for item in prod.get(f"/data/tasks?{query}")]

    assert ids(f"assignees={artist.id}") == [on_asset["id"]]
    assert ids(f"episode_id={prod.episode.id}") == [on_shot["id"]]
    assert ids(f"entity_id={prod.asset.id}") == [on_asset["id"]]
    assert prod.call("GET", "/data/tasks?episode_id=nope", 400).json == {
        "error": True, "message": "Invalid UUID format for episode_id: nope", "data": None}


def test_posting_a_task_as_gazu_does(prod):
    body = {"project_id": prod.project_id, "entity_id": prod.shot.id,
            "task_type_id": prod.task_type[("Layout", "Shot")],
            "task_status_id": prod.status["todo"], "assignees": [], "name": "main"}
    created = prod.post("/data/tasks", body)
    assert list(created) == TASK_WITH_ASSIGNEES
    assert created["name"] == "main" and created["task_status_id"] == prod.status["todo"]

    assert prod.post("/data/tasks", body, 400) == {"error": True,
                                                   "message": "Task already exists."}
    wrong_type = {**body, "task_type_id": prod.task_type[("Modeling", "Asset")]}
    assert prod.post("/data/tasks", wrong_type, 400)["message"] == (
        "Task type of the task does not match entity type.")
    assert prod.post("/data/tasks", {"entity_id": prod.shot.id}, 400) == {
        "error": True, "message": "A valid task_type_id is required.", "data": None}
    assert prod.post("/data/tasks", {**body, "bogus": 1}, 400)["message"] == (
        "'bogus' is an invalid keyword argument for Task")


def test_a_posted_task_defaults_name_project_and_status(prod):
    created = prod.post("/data/tasks", {"entity_id": prod.asset.id,
                                        "task_type_id": prod.task_type[("Rigging", "Asset")]})
    assert (created["name"], created["project_id"], created["task_status_id"]) == (
        "main", prod.project_id, prod.status["todo"])


def test_only_project_managers_post_tasks(prod):
    _, artist = prod.member("user")
    _, manager = prod.member("manager")
    body = {"entity_id": prod.asset.id, "task_type_id": prod.task_type[("Rigging", "Asset")]}
    assert prod.post("/data/tasks", body, 403, artist) == FORBIDDEN
    prod.post("/data/tasks", body, headers=manager)


def test_updating_a_task_merges_data_and_announces_assignees(prod):
    task = prod.shot_task()
    artist, _ = prod.member("user")
    prod.put(f"/data/tasks/{task['id']}", {"data": {"b": 1, "a": 2}})
    updated = prod.put(f"/data/tasks/{task['id']}", {"data": {"c": 3},
                                                     "assignees": [artist.id], "bogus": 1})
    assert list(updated) == TASK
    assert updated["data"] == {"a": 2, "b": 1, "c": 3}
    names = [event["name"] for event in prod.events(project_id=prod.project_id)]
    assert names[:2] == ["task:update", "task:assign"]
    inbox = prod.get("/data/user/notifications", prod.headers_of(artist))
    assert [item["notification_type"] for item in inbox] == ["assignation"]
    prod.put(f"/data/tasks/{task['id']}", {"assignees": []})
    assert prod.events(project_id=prod.project_id)[1]["name"] == "task:unassign"


def test_supervisors_of_the_department_plan_tasks_only(prod):
    task = prod.shot_task("Animation")
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    _, outsider = prod.member("supervisor", departments=["Modeling"])
    _, artist = prod.member("user")
    path = f"/data/tasks/{task['id']}"
    assert prod.put(path, {"estimation": 3, "priority": 2}, headers=supervisor)[
        "estimation"] == 3.0
    assert prod.put(path, {"name": "other"}, 403, supervisor) == FORBIDDEN
    prod.put(path, {"estimation": 4}, 403, outsider)
    prod.put(path, {"estimation": 4}, 403, artist)


def test_deleting_a_task_needs_force_once_it_has_comments(prod):
    task = prod.shot_task()
    prod.comment(task, "wip", "started")
    _, artist = prod.member("user")
    prod.call("DELETE", f"/data/tasks/{task['id']}", 403, artist)
    refused = prod.call("DELETE", f"/data/tasks/{task['id']}", 400).json
    assert refused["message"] == "The change conflicts with records referencing this one."
    prod.delete(f"/data/tasks/{task['id']}?force=true")
    prod.call("GET", f"/data/tasks/{task['id']}", 404)
    assert prod.get(f"/data/projects/{prod.project_id}/news")["data"] == []
    deleted = prod.events(name="task:delete")[0]
    assert deleted["data"] == {"task_id": task["id"], "entity_id": prod.shot.id,
                               "task_type_id": task["task_type_id"],
                               "project_id": prod.project_id}


def test_clients_read_tasks_with_studio_fields_blank(prod):
    task = prod.shot_task()
    artist, _ = prod.member("user")
    prod.assign(task, artist)
    prod.put(f"/data/tasks/{task['id']}", {"estimation": 5, "difficulty": 4})
    _, client = prod.member("client")
    seen = prod.get(f"/data/tasks/{task['id']}", client)
    assert (seen["assignees"], seen["assigner_id"], seen["difficulty"], seen["estimation"],
            seen["duration"]) == ([], None, None, 0, 0)


def test_lists_show_vendors_their_tasks_and_others_their_projects(prod):
    task = prod.shot_task()
    other = prod.asset_task()
    vendor, vendor_headers = prod.member("vendor")
    prod.assign(task, vendor)
    _, artist = prod.member("user")
    outsider = prod.studio.person("user")
    outsider_headers = prod.studio.headers(outsider)

    def ids(headers):
        return sorted(item["id"] for item in prod.get("/data/tasks", headers))

    assert ids(vendor_headers) == [task["id"]]
    assert ids(artist) == sorted([task["id"], other["id"]])
    assert ids(outsider_headers) == []
    prod.call("GET", f"/data/tasks/{other['id']}", 403, vendor_headers)
    prod.call("GET", f"/data/tasks/{task['id']}", 403, outsider_headers)


def test_a_comment_reads_with_its_author_and_repliers(prod):
    task = prod.shot_task()
    supervisor, supervisor_headers = prod.member("supervisor")
    comment = prod.comment(task, "wip", "first")
    prod.post(f"/data/tasks/{task['id']}/comments/{comment['id']}/reply", {"text": "ok"},
              200, supervisor_headers)

    one = prod.get(f"/data/comments/{comment['id']}")
    assert list(one) == COMMENT_WITH_RELATIONS + ["person"]
    assert list(one["person"]) == SHORT_PERSON
    assert one["replies"][0]["person"]["id"] == supervisor.id
    assert list(prod.get(f"/data/comments/{comment['id']}?relations=false")) == (
        COMMENT + ["person"])


def test_editing_a_comment_recomputes_mentions_and_the_task(prod):
    task = prod.shot_task()
    author, author_headers = prod.member("user", first_name="Ann", last_name="Artist")
    prod.assign(task, author)
    manager, manager_headers = prod.member("manager", first_name="Max", last_name="Manager")
    comment = prod.comment(task, "wip", "hello", headers=author_headers)

    edited = prod.put(f"/data/comments/{comment['id']}",
                      {"text": "see @Max Manager", "task_status_id": prod.status["wfa"]},
                      headers=author_headers)
    assert list(edited) == COMMENT
    assert edited["editor_id"] == author.id
    assert prod.get(f"/data/comments/{comment['id']}")["mentions"] == [manager.id]
    assert [item["notification_type"] for item in prod.get(
        "/data/user/notifications", manager_headers)] == ["mention"]
    reloaded = prod.get(f"/data/tasks/{task['id']}")
    assert reloaded["task_status_id"] == prod.status["wfa"]
    assert reloaded["end_date"] is not None
    changed = prod.events(name="task:status-changed")[0]["data"]
    assert (changed["previous_task_status_id"], changed["new_task_status_id"]) == (
        prod.status["wip"], prod.status["wfa"])


def test_only_authors_edit_their_comment_text(prod):
    task = prod.shot_task()
    author, author_headers = prod.member("user")
    prod.assign(task, author)
    _, other = prod.member("user")
    comment = prod.comment(task, "todo", "mine", headers=author_headers)
    path = f"/data/comments/{comment['id']}"
    assert prod.put(path, {"text": "theirs"}, 403, other) == FORBIDDEN
    prod.put(path, {"text": "still mine"}, headers=author_headers)
    prod.put(path, {"for_client": True}, 403, author_headers)


def test_deleting_a_comment_recomputes_the_task(prod):
    task = prod.shot_task()
    author_person, author = prod.member("user")
    prod.assign(task, author_person)
    _, other = prod.member("user")
    prod.comment(task, "wip", "start")
    last = prod.comment(task, "wfa", "review please", headers=author)
    prod.call("DELETE", f"/data/comments/{last['id']}", 403, other)
    prod.delete(f"/data/comments/{last['id']}", headers=author)
    assert prod.get(f"/data/tasks/{task['id']}")["task_status_id"] == prod.status["wip"]
    names = [event["name"] for event in prod.events(project_id=prod.project_id)[:3]]
    assert names == ["task:status-changed", "task:update", "comment:delete"]


def test_notifications_news_subscriptions_and_events_are_admin_routes(prod):
    task = prod.shot_task()
    artist, artist_headers = prod.member("user")
    prod.assign(task, artist)
    prod.post(f"/actions/user/tasks/{task['id']}/subscribe", headers=artist_headers)
    prod.comment(task, "wip", "go")

    notification = prod.get("/data/notifications?page=1&limit=1")["data"][0]
    assert list(notification) == NOTIFICATION
    assert notification["type"] == "Notification"
    assert notification["notification_type"] in ("comment", "assignation")
    assert list(prod.get("/data/news")[0]) == NEWS
    assert list(prod.get("/data/subscriptions")[0]) == SUBSCRIPTION
    event = prod.get("/data/events?page=1&limit=1")["data"][0]
    assert list(event) == API_EVENT and event["type"] == "ApiEvent"
    for path in ("/data/notifications", "/data/news", "/data/subscriptions", "/data/events",
                 "/data/comments"):
        assert prod.call("GET", path, 403, artist_headers).json == FORBIDDEN
    path = f"/data/notifications/{notification['id']}"
    assert prod.put(path, {"read": True})["read"] is True
    prod.delete(path)


def test_task_reads_and_lists_are_a_constant_number_of_queries(prod, query_counter):
    prod.shot_task()
    with query_counter() as few:
        prod.get(f"/data/tasks?project_id={prod.project_id}&relations=true")
    for shot in [prod.entity(f"SH{n}", prod.shot.entity_type_id, prod.sequence)
                 for n in range(10)]:
        prod.shot_task(shot=shot)
    with query_counter() as many:
        listed = prod.get(f"/data/tasks?project_id={prod.project_id}&relations=true")
    assert len(listed) == 11 and many.count == few.count
    artist = prod.studio.person("user")
    prod.assign(listed[0], artist)
    with query_counter() as one:
        read = prod.get(f"/data/tasks/{listed[0]['id']}")
    assert read["assignees"] == [artist.id]
    assert one.count == 2, "the caller, then the task with its assignees"
