"""The current user's routes: open projects, to-do and done tasks, tasks to check,
subscriptions, notifications and Kitsu's context."""

from tests.plugins.tasks.zou_shapes import CONTEXT, INBOX_ITEM, NOTIFICATION, SUBSCRIPTION, TODO


def test_open_projects_are_the_callers(prod):
    _, headers = prod.member("user")
    outsider = prod.studio.person("user")
    assert [project["id"] for project in prod.get("/data/user/projects/open", headers)] == [
        prod.project_id]
    assert prod.get("/data/user/projects/open", prod.studio.headers(outsider)) == []


def test_to_do_and_done_lists(prod):
    task = prod.shot_task()
    finished = prod.asset_task()
    artist, headers = prod.member("user")
    prod.assign(task, artist)
    prod.assign(finished, artist)
    prod.comment(finished, "done", "over")
    todo = prod.get("/data/user/tasks", headers)
    assert [list(item) for item in todo] == [TODO]
    assert todo[0]["last_comment"] == {}
    done = prod.get("/data/user/done-tasks", headers)
    assert [item["id"] for item in done] == [finished["id"]]
    prod.put(f"/data/projects/{prod.project_id}", {"project_status_id": prod.get(
        "/data/project-status?name=Closed")[0]["id"]})
    assert prod.get("/data/user/tasks", headers) == []


def test_tasks_to_check_per_role(prod):
    animation = prod.shot_task("Animation")
    modeling = prod.asset_task("Modeling")
    prod.comment(animation, "wfa", "look")
    prod.comment(modeling, "wfa", "look too")
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    _, manager = prod.member("manager")
    _, artist = prod.member("user")
    assert [task["id"] for task in prod.get("/data/user/tasks-to-check", supervisor)] == [
        animation["id"]]
    assert len(prod.get("/data/user/tasks-to-check", manager)) == 2
    assert prod.get("/data/user/tasks-to-check", artist) == []
    page = prod.get("/data/user/tasks-to-check?page=1&limit=1")
    assert list(page) == ["data", "stats", "page", "limit", "is_more"]
    assert (len(page["data"]), page["stats"]["total"], page["is_more"]) == (1, 2, True)


def test_following_tasks_and_sequences(prod):
    task = prod.shot_task()
    person, headers = prod.member("user")
    path = f"/actions/user/tasks/{task['id']}"
    assert prod.get(f"/data/user/tasks/{task['id']}/subscribed", headers) is False
    subscription = prod.post(f"{path}/subscribe", headers=headers)
    assert list(subscription) == SUBSCRIPTION
    assert prod.post(f"{path}/subscribe", headers=headers)["id"] == subscription["id"]
    assert prod.get(f"/data/user/tasks/{task['id']}/subscribed", headers) is True
    prod.delete(f"{path}/unsubscribe", headers=headers)
    assert prod.get(f"/data/user/tasks/{task['id']}/subscribed", headers) is False
    followed = prod.post("/actions/user/tasks/subscribe", {"task_ids": [task["id"]]},
                         headers=headers)
    assert [item["task_id"] for item in followed] == [task["id"]]
    assert prod.post("/actions/user/tasks/unsubscribe", {"task_ids": [task["id"]]}, 200,
                     headers) == [task["id"]]
    sequence = f"sequences/{prod.sequence.id}/task-types/{task['task_type_id']}"
    made = prod.post(f"/actions/user/{sequence}/subscribe", headers=headers)
    assert (made["entity_id"], made["task_id"], made["person_id"]) == (
        prod.sequence.id, None, person.id)
    assert prod.get(f"/data/user/{sequence}/subscribed", headers) is True
    prod.delete(f"/actions/user/{sequence}/unsubscribe", headers=headers)
    assert prod.get(f"/data/user/{sequence}/subscribed", headers) is False
    outsider = prod.studio.person("user")
    prod.post(f"{path}/subscribe", None, 403, prod.studio.headers(outsider))


def test_the_inbox_filters_reads_and_marks(prod, clock_control):
    task = prod.shot_task()
    artist, headers = prod.member("user")
    _, other = prod.member("user")
    prod.assign(task, artist)
    clock_control.advance(minutes=1)
    comment = prod.comment(task, "wip", "news for you")
    inbox = prod.get("/data/user/notifications", headers)
    assert [list(item) for item in inbox] == [INBOX_ITEM] * 2
    latest = inbox[0]
    assert (latest["notification_type"], latest["comment_id"], latest["comment_text"],
            latest["full_entity_name"], latest["episode_id"], latest["project_name"],
            latest["change"], latest["read"]) == (
        "comment", comment["id"], "news for you", "E01 / SQ01 / SH010", prod.episode.id,
        "Big Buck", True, False)
    assert [item["notification_type"] for item in prod.get(
        "/data/user/notifications?type=assignation", headers)] == ["assignation"]
    assert prod.get("/data/user/notifications?after=2100-01-01T00:00:00", headers) == []
    prod.call("GET", "/data/user/notifications?after=nope", 400, headers)
    assert prod.get(f"/data/user/notifications/{latest['id']}", headers) == latest
    marked = prod.put(f"/data/user/notifications/{latest['id']}", {"read": True},
                      headers=headers)
    assert list(marked) == NOTIFICATION and marked["read"] is True
    assert len(prod.get("/data/user/notifications?read=false", headers)) == 1
    assert prod.get("/data/user/context", headers)["notification_count"] == 1
    assert prod.post("/actions/user/notifications/mark-all-as-read", None, 200, headers) == {
        "success": True}
    assert prod.get("/data/user/notifications?read=false", headers) == []
    prod.call("GET", f"/data/user/notifications/{latest['id']}", 404, other)
    prod.put(f"/data/user/notifications/{latest['id']}", {"read": False}, 404, other)
    assert [event["name"] for event in prod.events(name_prefixes="notification")] == [
        "notification:all-read", "notification:read"]


def test_the_context_kitsu_loads_after_login(prod):
    person, headers = prod.member("user", project_role="supervisor",
                                  departments=["Animation"])
    context = prod.get("/data/user/context", headers)
    assert list(context) == CONTEXT
    assert [project["id"] for project in context["projects"]] == [prod.project_id]
    assert context["project_roles"] == {prod.project_id: "supervisor"}
    assert {"Modeling", "Animation"} <= {item["name"] for item in context["departments"]}
    assert context["custom_actions"] == [] and context["search_filters"] == {}
    me = next(item for item in context["persons"] if item["id"] == person.id)
    assert me["departments"] == [prod.department["Animation"]]
    assert "user_limit" in prod.get("/data/user/context")



def test_the_production_seen_through_the_callers_tasks(prod):
    shot_task = prod.shot_task()
    asset_task = prod.asset_task()
    prod.shot_task("Layout", shot=prod.shot2)
    artist, headers = prod.member("user")
    prod.assign(shot_task, artist)
    prod.assign(asset_task, artist)
    assert [task["id"] for task in prod.get(f"/data/user/shots/{prod.shot.id}/tasks",
                                            headers)] == [shot_task["id"]]
    assert prod.get(f"/data/user/shots/{prod.shot2.id}/tasks", headers) == []
    assert [item["name"] for item in prod.get(f"/data/user/assets/{prod.asset.id}/task-types",
                                              headers)] == ["Modeling"]
    project = f"/data/user/projects/{prod.project_id}"
    asset_types = prod.get(f"{project}/asset-types", headers)
    assert [(item["name"], item["type"]) for item in asset_types] == [("Character", "AssetType")]
    assets = prod.get(f"{project}/asset-types/{asset_types[0]['id']}/assets", headers)
    assert [(item["id"], item["type"]) for item in assets] == [(prod.asset.id, "Asset")]
    assert [item["id"] for item in prod.get(f"{project}/sequences", headers)] == [
        prod.sequence.id]
    assert [item["type"] for item in prod.get(f"{project}/episodes", headers)] == ["Episode"]
    shots = prod.get(f"/data/user/sequences/{prod.sequence.id}/shots", headers)
    assert [(item["id"], list(item)[0]) for item in shots] == [(prod.shot.id, "id")]
    prod.call("GET", f"/data/user/assets/{prod.shot.id}/tasks", 404, headers)


def test_filter_values_of_the_tasks_to_check(prod):
    task = prod.shot_task()
    artist, _ = prod.member("user")
    prod.assign(task, artist)
    prod.comment(task, "wfa", "look")
    assert prod.get("/data/user/tasks-to-check/filter-values") == {
        "project_ids": [prod.project_id], "task_type_ids": [task["task_type_id"]],
        "task_status_ids": [prod.status["wfa"]], "episode_ids": [prod.episode.id],
        "person_ids": [artist.id]}
