"""The event log: every event of every plugin written with its transaction in Zou's shape,
served by ``/data/events/last`` and ``/data/events/names`` as ``gazu.sync`` reads them."""

import datetime
import types

from framework import hookimpl
from tests.plugins.tasks.zou_shapes import EVENT, FORBIDDEN


def test_events_of_every_plugin_are_logged(prod):
    department = prod.post("/data/departments", {"name": "Lighting", "color": "#000000"})
    task = prod.shot_task()
    last = prod.get("/data/events/last")
    assert [list(event) for event in last] == [EVENT] * 2
    assert [(event["name"], event["data"]) for event in last] == [
        ("task:new", {"task_id": task["id"], "project_id": prod.project_id}),
        ("department:new", {"department_id": department["id"]})]
    assert last[0]["project_id"] == prod.project_id and last[1]["project_id"] is None
    assert prod.get("/data/events/names") == ["department:new", "task:new"]


def test_unpersisted_and_rolled_back_events_are_not_logged(prod):
    task = prod.shot_task()
    reader, headers = prod.member("user")
    comment = prod.comment(task, "wip", "x")
    prod.post(f"/data/tasks/{task['id']}/comments/{comment['id']}/ack", None, 200, headers)
    prod.comment(task, "wip", "refused", headers=headers, expected=403)
    names = prod.get("/data/events/names")
    assert "comment:acknowledge" not in names and "notification:new" not in names
    assert len(prod.get("/data/events/last?name=comment:new")) == 1


def test_last_events_filters(prod, clock_control):
    task = prod.shot_task()
    clock_control.advance(minutes=1)
    prod.comment(task, "wip", "x")
    every = prod.get("/data/events/last")
    assert [event["name"] for event in every] == [
        "news:new", "task:status-changed", "task:update", "comment:new", "task:new"]
    assert len(prod.get("/data/events/last?limit=2")) == 2
    cursor = every[3]["id"]
    assert [event["name"] for event in prod.get(f"/data/events/last?cursor_event_id={cursor}")
            ] == ["task:new"]
    assert [event["name"] for event in prod.get(
        "/data/events/last?name_prefixes=comment&name_suffixes=new")] == ["comment:new"]
    assert [event["name"] for event in prod.get(
        "/data/events/last?name_suffixes=new&name_suffixes=update")] == [
        "news:new", "task:update", "comment:new", "task:new"]
    between = datetime.datetime.fromisoformat(every[0]["created_at"]) - datetime.timedelta(
        seconds=30)  # the comment's events may straddle a second: compare with a time between
    assert prod.get(f"/data/events/last?before={between.isoformat()}") == [every[-1]]
    assert prod.get("/data/events/last?only_files=true") == []
    assert prod.get("/data/events/last?limit=5000&only_files=False") == every
    assert prod.get("/data/events/last?limit=5000&only_files=True") == every
    for query, message in (
            ("project_id=nope", "The project_id parameter is not a valid id"),
            ("cursor_event_id=nope", "The cursor_event_id parameter is not a valid id"),
            (f"cursor_event_id={prod.project_id}", f"No event found with id: {prod.project_id}"),
            ("name_prefixes=Task", "The name_prefixes parameter contains an invalid value"),
            ("limit=many", "Wrong value for parameter limit.")):
        assert prod.call("GET", f"/data/events/last?{query}", 400).json == {
            "error": True, "message": message, "data": None}


def test_managers_read_their_projects_events_only(prod):
    prod.shot_task()
    _, manager = prod.member("manager")
    _, project_manager = prod.member("user", project_role="manager")
    _, supervisor = prod.member("supervisor")
    other = prod.post("/data/projects", {"name": "Elsewhere"})
    assert len(prod.get("/data/events/last", manager)) == 1
    assert len(prod.get(f"/data/events/last?project_id={prod.project_id}",
                        project_manager)) == 1
    assert prod.call("GET", "/data/events/last", 403, supervisor).json == FORBIDDEN
    prod.call("GET", f"/data/events/last?project_id={other['id']}", 403, manager)
    prod.call("GET", "/data/events/names", 403, supervisor)


def test_event_handlers_of_other_plugins_still_run(make_app, studio):
    seen = []
    listener = types.ModuleType("listener")
    listener.handle_event = hookimpl(lambda event: seen.append(event.name))
    app = make_app(plugins=[("listener", listener)])
    from tests.conftest import Studio

    other = Studio(app)
    headers = other.headers(other.person("admin"))
    other.client.simulate_post("/data/departments", json={"name": "Paint", "color": "#000000"},
                               headers=headers)
    assert seen == ["department:new"]
    assert [event["name"] for event in other.client.simulate_get(
        "/data/events/last", headers=headers).json] == ["department:new"]
