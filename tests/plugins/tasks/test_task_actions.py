"""Task actions: creating tasks per entity kind, assigning, clearing assignations, setting
priorities and deleting tasks in bulk, with Zou's answers, skips and events."""

from tests.plugins.tasks.zou_shapes import CREATED_TASK, FORBIDDEN, NOT_FOUND, TASK_WITH_ASSIGNEES


def test_creating_tasks_for_shots_answers_only_the_new_ones(prod):
    type_id = prod.task_type[("Animation", "Shot")]
    created = prod.create_tasks("shots", type_id, [prod.shot])
    assert [list(task) for task in created] == [CREATED_TASK]
    task = created[0]
    assert (task["name"], task["entity_id"], task["task_status_name"],
            task["task_status_short_name"], task["task_type_name"], task["assignees"]) == (
        "main", prod.shot.id, "Todo", "todo", "Animation", [])
    assert task["assigner_id"] == prod.get("/data/persons?role=admin")[0]["id"]
    assert prod.create_tasks("shots", type_id, [prod.shot]) == []
    everything = prod.create_tasks("shots", type_id)
    assert [task["entity_id"] for task in everything] == [prod.shot2.id]
    names = [event["name"] for event in prod.events(project_id=prod.project_id)]
    assert names == ["task:new", "task:new"]


def test_creating_tasks_per_kind_checks_the_kind_and_the_project(prod):
    other = prod.post("/data/projects", {"name": "Other"})
    foreign = prod.entity("Villain", prod.kind["Character"], project_id=other["id"])
    type_id = prod.task_type[("Modeling", "Asset")]
    created = prod.create_tasks("assets", type_id, [prod.asset, foreign])
    assert [task["entity_id"] for task in created] == [prod.asset.id]
    path = f"/actions/projects/{prod.project_id}/task-types/{type_id}/assets/create-tasks"
    assert prod.post(path, [prod.shot.id], 404) == NOT_FOUND
    assert prod.post(path, ["nope"], 400) == {
        "error": True, "message": "Request body must only contain valid UUIDs.", "data": None}


def test_creating_tasks_for_edits_concepts_and_typed_kinds(prod):
    edit = prod.entity("Cut", prod.kind["Edit"])
    concept = prod.entity("Sketch", prod.kind["Concept"])
    edit_tasks = prod.create_tasks("edits", prod.task_type[("Edit", "Edit")])
    assert [task["entity_id"] for task in edit_tasks] == [edit.id]
    concept_tasks = prod.create_tasks("concepts", prod.task_type[("Concept", "Concept")])
    assert concept_tasks[0]["task_status_short_name"] == "neutral"
    assert concept_tasks[0]["entity_id"] == concept.id
    type_id = prod.task_type[("Layout", "Shot")]
    typed = prod.post(f"/actions/projects/{prod.project_id}/task-types/{type_id}"
                      "/create-tasks/sequence")
    assert [task["entity_id"] for task in typed] == [prod.sequence.id]
    prod.post(f"/actions/projects/{prod.project_id}/task-types/{type_id}/create-tasks/nope",
              expected=404)


def test_only_project_managers_create_tasks(prod):
    _, artist = prod.member("user")
    _, manager = prod.member("manager")
    type_id = prod.task_type[("Animation", "Shot")]
    path = f"/actions/projects/{prod.project_id}/task-types/{type_id}/shots/create-tasks"
    assert prod.post(path, None, 403, artist) == FORBIDDEN
    assert len(prod.post(path, None, headers=manager)) == 2
    concept_type = prod.task_type[("Concept", "Concept")]
    concepts = (f"/actions/projects/{prod.project_id}/task-types/{concept_type}"
                "/concepts/create-tasks")
    prod.post(concepts, None, headers=artist)


def test_assigning_a_task_adds_the_person_to_the_team(prod):
    task = prod.shot_task()
    newcomer = prod.studio.person("user")
    assigned = prod.assign(task, newcomer)
    assert list(assigned) == TASK_WITH_ASSIGNEES
    assert assigned["assignees"] == [newcomer.id]
    team = prod.get(f"/data/projects/{prod.project_id}?relations=true")["team"]
    assert newcomer.id in team
    assert [event["name"] for event in prod.events(project_id=prod.project_id)[:2]] == [
        "task:update", "task:assign"]
    assert prod.put(f"/actions/tasks/{task['id']}/assign",
                    {"person_id": prod.project_id}, 400)["message"] == (
        "Assignee doesn't exist in database.")
    assert prod.put(f"/actions/tasks/{task['id']}/assign", {}, 400)["data"] == {
        "errors": [{"field": "person_id", "message": "Field required"}]}


def test_assigning_tasks_to_a_person_skips_what_the_caller_may_not_assign(prod):
    animation = prod.shot_task("Animation")
    modeling = prod.asset_task("Modeling")
    artist, _ = prod.member("user", departments=["Animation"])
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    assigned = prod.put(f"/actions/persons/{artist.id}/assign",
                        {"task_ids": [animation["id"], modeling["id"], prod.project_id]},
                        headers=supervisor)
    assert [task["id"] for task in assigned] == [animation["id"]]
    _, outsider = prod.member("user", departments=["Modeling"])
    assert prod.put(f"/actions/persons/{artist.id}/assign", {"task_ids": [animation["id"]]},
                    headers=outsider) == []


def test_assigning_many_tasks_costs_what_assigning_two_does(prod, query_counter):
    tasks = [prod.shot_task(name) for name in ("Animation", "Layout", "Lighting", "FX")]
    first, second = prod.studio.person("user"), prod.studio.person("user")
    with query_counter() as two:
        prod.put(f"/actions/persons/{first.id}/assign",
                 {"task_ids": [task["id"] for task in tasks[:2]]})
    with query_counter() as four:
        assigned = prod.put(f"/actions/persons/{second.id}/assign",
                            {"task_ids": [task["id"] for task in tasks]})
    assert four.count == two.count
    both = sorted([first.id, second.id])
    assert [sorted(task["assignees"]) for task in assigned] == [both, both, [second.id],
                                                                [second.id]]
    notified = prod.get("/data/user/notifications", prod.studio.headers(second))
    assert sorted(item["task_id"] for item in notified) == sorted(task["id"] for task in tasks)


def test_a_manager_assigning_many_tasks_reads_their_role_once(prod, query_counter):
    tasks = [prod.shot_task(name) for name in ("Animation", "Layout", "Lighting", "FX")]
    _, manager = prod.member("manager")
    first, second = prod.studio.person("user"), prod.studio.person("user")
    with query_counter() as two:
        prod.put(f"/actions/persons/{first.id}/assign",
                 {"task_ids": [task["id"] for task in tasks[:2]]}, headers=manager)
    with query_counter() as four:
        assigned = prod.put(f"/actions/persons/{second.id}/assign",
                            {"task_ids": [task["id"] for task in tasks]}, headers=manager)
    assert four.count == two.count
    assert [task["id"] for task in assigned] == [task["id"] for task in tasks]


def test_artists_assign_themselves_to_tasks_of_their_department(prod):
    task = prod.shot_task("Animation")
    artist, headers = prod.member("user", departments=["Animation"])
    other, _ = prod.member("user", departments=["Animation"])
    prod.put(f"/actions/tasks/{task['id']}/assign", {"person_id": other.id}, 403, headers)
    assert prod.assign(task, artist, headers)["assignees"] == [artist.id]
    inbox = prod.get("/data/user/notifications", headers)
    assert inbox == []


def test_bots_are_assigned_only_where_bots_collaborate(prod):
    task = prod.shot_task()
    bot = prod.studio.person("user", is_bot=True, password=None)
    prod.put(f"/actions/tasks/{task['id']}/assign", {"person_id": bot.id}, 403)
    prod.put(f"/data/projects/{prod.project_id}", {"is_bot_collaboration_enabled": True})
    prod.assign(task, bot)


def test_clearing_assignations(prod):
    task = prod.shot_task()
    other = prod.asset_task()
    first, first_headers = prod.member("user")
    second, _ = prod.member("user")
    prod.assign(task, first)
    prod.assign(task, second)
    prod.assign(other, first)
    cleared = prod.put("/actions/tasks/clear-assignation",
                       {"task_ids": [task["id"]], "person_id": first.id})
    assert cleared == [task["id"]]
    assert prod.get(f"/data/tasks/{task['id']}")["assignees"] == [second.id]
    assert prod.put("/actions/tasks/clear-assignation", {"task_ids": [task["id"]]}) == [
        task["id"]]
    assert prod.get(f"/data/tasks/{task['id']}")["assignees"] == []
    assert prod.put("/actions/tasks/clear-assignation",
                    {"task_ids": [other["id"]], "person_id": second.id},
                    headers=first_headers) == []
    assert prod.put("/actions/tasks/clear-assignation",
                    {"task_ids": [other["id"]], "person_id": first.id},
                    headers=first_headers) == [other["id"]]
    unassigned = [event["data"]["person_id"] for event in prod.events(name="task:unassign")]
    assert sorted(unassigned) == sorted([first.id, first.id, second.id])


def test_setting_priorities_of_supervised_tasks(prod):
    animation = prod.shot_task("Animation")
    modeling = prod.asset_task("Modeling")
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    updated = prod.put("/actions/tasks/set-priority",
                       {"task_ids": [animation["id"], modeling["id"]], "priority": 3},
                       headers=supervisor)
    assert [(task["id"], task["priority"]) for task in updated] == [(animation["id"], 3)]
    assert prod.put("/actions/tasks/set-priority", {"task_ids": [animation["id"]],
                                                   "priority": -1}, 400)["message"] == (
        "Validation error.")


def test_deleting_tasks_in_bulk(prod):
    animation = prod.shot_task("Animation")
    layout = prod.shot_task("Layout")
    modeling = prod.asset_task("Modeling")
    prod.comment(animation, "wip", "started")
    _, artist = prod.member("user")
    path = f"/actions/projects/{prod.project_id}/delete-tasks"
    prod.post(path, [animation["id"]], 403, artist)
    assert prod.post(path, [animation["id"]], 200) == [animation["id"]]
    type_id = prod.task_type[("Layout", "Shot")]
    prod.call("DELETE", f"/actions/projects/{prod.project_id}/task-types/{type_id}"
              "/delete-tasks", 403, artist)
    prod.delete(f"/actions/projects/{prod.project_id}/task-types/{type_id}/delete-tasks")
    remaining = [task["id"] for task in prod.get(f"/data/tasks?project_id={prod.project_id}")]
    assert remaining == [modeling["id"]]
    assert layout["id"] not in remaining


def test_creating_the_tasks_of_one_entity(prod):
    created = prod.post(f"/data/entities/{prod.shot.id}/tasks")
    assert sorted(task["task_type_name"] for task in created) == [
        "Animation", "Compositing", "FX", "Layout", "Lighting", "Rendering", "Storyboard"]
    assert prod.post(f"/data/entities/{prod.shot.id}/tasks") == []
    wrong = prod.task_type[("Modeling", "Asset")]
    refused = prod.post(f"/data/entities/{prod.shot.id}/tasks", {"task_type_ids": [wrong]}, 400)
    assert refused["message"] == f"Task type {wrong} is for Asset entities, got Shot."
