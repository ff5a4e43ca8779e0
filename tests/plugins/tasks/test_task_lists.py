"""Reading tasks: a task in full, per entity, per entity and type, per project, per person,
open tasks with their stats; shapes as Zou's, role rules, constant query counts."""

from tests.plugins.tasks.zou_shapes import (DETAILED_TASK, FORBIDDEN, FULL_TASK, OPEN_TASK, TASK,
                                            TASK_WITH_ASSIGNEES, TODO)


def test_a_full_task_embeds_its_context(prod):
    task = prod.shot_task()
    artist, _ = prod.member("user")
    prod.assign(task, artist)
    full = prod.get(f"/data/tasks/{task['id']}/full")
    assert list(full) == FULL_TASK
    assert (full["entity"]["type"], full["sequence"]["type"], full["episode"]["type"]) == (
        "Entity", "Sequence", "Episode")
    assert list(full["entity"])[0] == "id"
    assert [person["id"] for person in full["persons"]] == [artist.id]
    assigner_keys = list(full["assigner"])
    assert assigner_keys[-7:] == ["departments", "studio_id", "full_name", "id", "created_at",
                                  "updated_at", "type"]
    assert full["task_type"]["name"] == "Animation" and full["is_subscribed"] is False
    asset_full = prod.get(f"/data/tasks/{prod.asset_task()['id']}/full")
    assert "sequence" not in asset_full and "episode" not in asset_full


def test_clients_get_a_full_task_without_its_people(prod):
    task = prod.shot_task()
    artist, _ = prod.member("user")
    prod.assign(task, artist)
    _, client = prod.member("client")
    full = prod.get(f"/data/tasks/{task['id']}/full", client)
    assert full["persons"] == [] and full["assignees"] == [] and "assigner" not in full


def test_the_tasks_of_an_entity_per_kind(prod):
    layout = prod.shot_task("Layout")
    animation = prod.shot_task("Animation")
    listed = prod.get(f"/data/shots/{prod.shot.id}/tasks")
    assert [list(task) for task in listed] == [DETAILED_TASK] * 2
    assert [task["id"] for task in listed] == [animation["id"], layout["id"]]
    assert (listed[0]["entity_name"], listed[0]["entity_type_name"],
            listed[0]["task_status_name"]) == ("SH010", "Shot", "Todo")
    related = prod.get(f"/data/shots/{prod.shot.id}/tasks?relations=true")
    assert list(related[0]) == DETAILED_TASK + ["assignees"]
    prod.call("GET", f"/data/assets/{prod.shot.id}/tasks", 404)
    modeling = prod.asset_task()
    assert [task["id"] for task in prod.get(f"/data/assets/{prod.asset.id}/tasks")] == [
        modeling["id"]]
    shot_tasks = prod.get(f"/data/sequences/{prod.sequence.id}/shot-tasks")
    assert len(shot_tasks) == 2
    assert len(prod.get(f"/data/episodes/{prod.episode.id}/shot-tasks")) == 2
    assert prod.get(f"/data/episodes/{prod.episode.id}/asset-tasks") == []


def test_vendors_read_the_entities_they_work_on(prod):
    task = prod.shot_task()
    prod.shot_task("Layout", shot=prod.shot2)
    vendor, headers = prod.member("vendor")
    prod.assign(task, vendor)
    assert len(prod.get(f"/data/shots/{prod.shot.id}/tasks", headers)) == 1
    assert prod.call("GET", f"/data/shots/{prod.shot2.id}/tasks", 403, headers).json == (
        FORBIDDEN)
    prod.call("GET", f"/data/sequences/{prod.sequence.id}/shot-tasks", 403, headers)


def test_the_tasks_of_an_entity_and_a_type(prod):
    task = prod.shot_task()
    type_id = task["task_type_id"]
    listed = prod.get(f"/data/entities/{prod.shot.id}/task-types/{type_id}/tasks")
    assert [list(item) for item in listed] == [TASK]


def test_the_tasks_of_a_project(prod):
    first = prod.shot_task()
    second = prod.asset_task()
    path = f"/data/projects/{prod.project_id}/tasks"
    listed = prod.get(path)
    assert [list(task) for task in listed] == [TASK_WITH_ASSIGNEES] * 2
    assert {task["id"] for task in listed} == {first["id"], second["id"]}
    page = prod.get(f"{path}?page=1")
    assert (page["total"], page["nb_pages"], page["limit"], page["offset"], page["page"]) == (
        2, 1, 100, 0, 1)
    type_id = first["task_type_id"]
    assert [task["id"] for task in prod.get(f"{path}?task_type_id={type_id}")] == [first["id"]]
    assert [task["id"] for task in prod.get(f"{path}?episode_id={prod.episode.id}")] == [
        first["id"]]
    outsider = prod.studio.person("user")
    prod.call("GET", path, 403, prod.studio.headers(outsider))


def test_a_persons_tasks(prod):
    task = prod.shot_task()
    done = prod.asset_task()
    artist, headers = prod.member("user")
    prod.assign(task, artist)
    prod.assign(done, artist)
    prod.comment(done, "done", "finished")
    todo = prod.get(f"/data/persons/{artist.id}/tasks")
    assert [list(item) for item in todo] == [TODO]
    assert todo[0]["id"] == task["id"]
    assert (todo[0]["episode_name"], todo[0]["sequence_name"], todo[0]["entity_name"]) == (
        "E01", "SQ01", "SH010")
    finished = prod.get(f"/data/persons/{artist.id}/done-tasks")
    assert [item["id"] for item in finished] == [done["id"]]
    assert finished[0]["last_comment"]["text"] == "finished"
    assert finished[0]["episode_id"] == "" and finished[0]["entity_source_id"] == ""
    _, client = prod.member("client")
    assert prod.get(f"/data/persons/{artist.id}/tasks", client) == []
    _, vendor = prod.member("vendor")
    prod.call("GET", f"/data/persons/{artist.id}/tasks", 403, vendor)
    related = prod.get(f"/data/persons/{artist.id}/related-tasks/{task['task_type_id']}")
    assert [item["id"] for item in related] == [task["id"]]


def test_open_tasks_are_filtered_paginated_and_counted(prod):
    shot_task = prod.shot_task()
    asset_task = prod.asset_task()
    artist, headers = prod.member("user")
    prod.assign(shot_task, artist)
    prod.put(f"/data/tasks/{shot_task['id']}", {"estimation": 2})
    result = prod.get("/data/tasks/open-tasks")
    assert list(result) == ["data", "stats", "limit", "is_more", "page"]
    assert [list(task) for task in result["data"]] == [OPEN_TASK] * 2
    assert [task["id"] for task in result["data"]] == [shot_task["id"], asset_task["id"]]
    assert result["stats"] == {"total_duration": 0.0, "total_estimation": 2.0, "total": 2,
                               "status": [{"task_status_id": prod.status["todo"],
                                           "amount": 2}]}
    first = prod.get("/data/tasks/open-tasks?limit=1")
    assert (len(first["data"]), first["is_more"], first["page"]) == (1, True, 1)
    second = prod.get("/data/tasks/open-tasks?limit=1&page=2")
    assert second["data"][0]["id"] == asset_task["id"] and second["is_more"] is False
    mine = prod.get(f"/data/tasks/open-tasks?person_id={artist.id}")
    assert [task["id"] for task in mine["data"]] == [shot_task["id"]]
    unassigned = prod.get("/data/tasks/open-tasks?person_id=unassigned")
    assert [task["id"] for task in unassigned["data"]] == [asset_task["id"]]
    assert prod.get(f"/data/tasks/open-tasks?task_status_id={prod.status['wip']}") == {
        "data": [], "stats": {"total_duration": 0, "total_estimation": 0, "total": 0,
                              "status": []}, "limit": 100, "is_more": False, "page": 1}
    assert len(prod.get("/data/tasks/open-tasks", headers)["data"]) == 2
    prod.call("GET", "/data/tasks/open-tasks?project_id=nope", 400)


def test_open_task_stats_per_project(prod):
    prod.shot_task()
    done = prod.asset_task()
    prod.comment(done, "done", "ok")
    stats = prod.get("/data/tasks/open-tasks/stats")
    project = stats[prod.project_id]
    assert (project["amount"], project["amount_done"]) == (2, 1)
    assert (project["total_duration"], project["total_estimation"]) == (0.0, 0.0)
    assert all(isinstance(project[key], float) for key in ("total_duration",
                                                           "total_estimation"))
    assert sorted(list(entry) for entry in project["task_types"])[0] == [
        "task_status_id", "task_type_id", "project_id", "amount", "amount_done",
        "total_duration", "total_estimation"]


def test_task_lists_are_a_constant_number_of_queries(prod, query_counter):
    artist, headers = prod.member("user")
    prod.assign(prod.shot_task(), artist)
    paths = [f"/data/shots/{prod.shot.id}/tasks?relations=true",
             f"/data/projects/{prod.project_id}/tasks", "/data/user/tasks",
             "/data/tasks/open-tasks", f"/data/persons/{artist.id}/tasks"]

    def measure():
        found = []
        for path in paths:
            with query_counter() as log:
                prod.get(path, headers)
            found.append(log.count)
        return found

    few = measure()
    for name in ("Layout", "Lighting", "FX"):
        task = prod.shot_task(name)
        prod.assign(task, artist)
        prod.comment(task, "wip", "go")
    assert measure() == few
