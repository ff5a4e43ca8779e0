"""A project's team and settings (task types, task statuses, asset types, status
automations), added and removed as Zou does."""

import pytest

from tests.plugins.entities.zou_shapes import (ASSET_TYPE, BASE, PROJECT_COLUMNS, TASK_STATUS,
                                               TASK_TYPE)

COLUMNS_ONLY = PROJECT_COLUMNS + BASE


def test_team_add_role_list_and_remove(production, studio):
    project = production.project()
    person = studio.person("user")
    added = production.join(project, person)
    assert list(added) == COLUMNS_ONLY
    path = f"/data/projects/{project['id']}/team"
    assert production.put(f"{path}/{person.id}", {"role": "supervisor"}) == {
        "project_id": project["id"], "person_id": person.id, "role": "supervisor"}
    [member] = production.get(path)
    assert member["id"] == person.id and member["project_role"] == "supervisor"
    assert list(member)[-1] == "project_role" and member["type"] == "Person"
    production.call("DELETE", f"{path}/{person.id}", 204)
    assert production.get(path) == []
    assert production.get(f"/data/projects/{project['id']}")["team"] == []


def test_team_errors_as_zou(production, studio):
    project = production.project()
    path = f"/data/projects/{project['id']}/team"
    assert production.call("POST", path, 400, json={}).json["data"] == {
        "errors": [{"field": "person_id", "message": "Field required"}]}
    unknown = "00000000-0000-0000-0000-000000000000"
    assert production.call("POST", path, 400, json={"person_id": unknown}).json == {
        "error": True, "message": f"Person with id {unknown} not found", "data": None}
    person = studio.person("user")
    assert production.call("PUT", f"{path}/{person.id}", 400, json={"role": "user"}).json[
        "message"] == "Person is not a member of the project team"
    production.join(project, person)
    refused = production.call("PUT", f"{path}/{person.id}", 400, json={"role": "admin"}).json
    assert refused["data"]["errors"][0]["field"] == "role"
    production.call("DELETE", f"{path}/{unknown}", 204)


def test_team_members_read_minimal_views_and_only_managers_change_the_team(production,
                                                                           studio, member):
    project = production.project()
    _, headers = member(project, "user")
    [seen, *_] = production.get(f"/data/projects/{project['id']}/team", headers=headers)
    assert "email" not in seen and "project_role" in seen
    other = studio.person("user")
    production.call("POST", f"/data/projects/{project['id']}/team", 403, headers=headers,
                    json={"person_id": other.id})
    _, manager_headers = member(project, "manager")
    production.call("POST", f"/data/projects/{project['id']}/team", 201,
                    headers=manager_headers, json={"person_id": other.id})


def test_task_type_settings(production, defaults):
    project = production.project()
    base = f"/data/projects/{project['id']}/settings/task-types"
    modeling = defaults.task_type[("Modeling", "Asset")]
    answer = production.post(base, {"task_type_id": modeling, "priority": 2,
                                    "is_client_visible": False})
    assert list(answer) == COLUMNS_ONLY
    production.post(base, {"task_type_id": modeling, "priority": 9})
    read = production.get(f"/data/projects/{project['id']}")
    assert read["task_types"] == [modeling]
    assert read["task_type_links"][modeling]["priority"] == 2
    assert read["task_type_links"][modeling]["is_client_visible"] is False
    listed = production.get(f"/data/projects/{project['id']}/task-types")
    assert [list(item) for item in listed] == [TASK_TYPE]
    assert production.get(base) == listed
    production.call("DELETE", f"{base}/{modeling}", 204)
    assert production.get(f"/data/projects/{project['id']}/task-types") == []


def test_setting_errors(production):
    project = production.project()
    base = f"/data/projects/{project['id']}/settings"
    assert production.call("POST", f"{base}/task-types", 400, json={"task_type_id": None}
                           ).json["message"] == "Validation error."
    priority = production.call("POST", f"{base}/task-types", 400, json={
        "task_type_id": "00000000-0000-0000-0000-000000000000", "priority": "x"}).json
    assert priority["data"] == {"errors": [{
        "field": "priority",
        "message": "Input should be a valid integer, unable to parse string as an integer"}]}
    unknown = "00000000-0000-0000-0000-000000000000"
    assert production.call("POST", f"{base}/status-automations", 400,
                           json={"status_automation_id": unknown}).json == {
        "error": True, "message": f"StatusAutomation with id {unknown} not found", "data": None}


def test_task_status_settings_and_client_override(production, defaults):
    project = production.project()
    base = f"/data/projects/{project['id']}/settings/task-status"
    wip = defaults.task_status["wip"]
    production.post(base, {"task_status_id": wip})
    [status] = production.get(base)
    assert list(status) == TASK_STATUS and status["id"] == wip
    link = production.put(f"{base}/{wip}", {"is_client_allowed": False})
    assert list(link) == ["project_id", "task_status_id", "priority", "roles_for_board",
                          "is_client_allowed"] + BASE
    assert (link["type"], link["is_client_allowed"]) == ("ProjectTaskStatusLink", False)
    assert production.get(f"/data/projects/{project['id']}")["task_statuses_link"][wip][
        "is_client_allowed"] is False
    production.call("DELETE", f"{base}/{wip}", 204)
    assert production.get(base) == []


def test_asset_type_and_automation_settings(production, defaults):
    project = production.project()
    base = f"/data/projects/{project['id']}/settings"
    prop = defaults.asset_type["Prop"]
    production.post(f"{base}/asset-types", {"asset_type_id": prop})
    production.call("GET", f"{base}/asset-types", 405)
    automation = production.post("/data/status-automations", {
        "entity_type": "asset", "in_task_type_id": defaults.task_type[("Modeling", "Asset")],
        "in_task_status_id": defaults.task_status["done"], "out_field_type": "ready_for",
        "out_task_type_id": defaults.task_type[("Rigging", "Asset")]})
    production.post(f"{base}/status-automations", {"status_automation_id": automation["id"]})
    assert [item["id"] for item in production.get(f"{base}/status-automations")] == [
        automation["id"]]
    read = production.get(f"/data/projects/{project['id']}")
    assert (read["asset_types"], read["status_automations"]) == ([prop], [automation["id"]])
    production.call("DELETE", f"{base}/asset-types/{prop}", 204)
    production.call("DELETE", f"{base}/status-automations/{automation['id']}", 204)
    read = production.get(f"/data/projects/{project['id']}")
    assert (read["asset_types"], read["status_automations"]) == ([], [])


def test_settings_batch(production, defaults):
    project = production.project()
    modeling = defaults.task_type[("Modeling", "Asset")]
    layout = defaults.task_type[("Layout", "Shot")]
    base = f"/data/projects/{project['id']}/settings"
    production.post(f"{base}/task-types", {"task_type_id": layout})
    answer = production.post(f"{base}/batch", {
        "task_types": [{"task_type_id": modeling, "priority": 1}],
        "task_status_ids": [defaults.task_status["todo"]],
        "asset_type_ids": [defaults.asset_type["FX"]], "replace_task_types": True}, 200)
    assert list(answer) == COLUMNS_ONLY
    read = production.get(f"/data/projects/{project['id']}")
    assert read["task_types"] == [modeling]
    assert read["task_statuses"] == [defaults.task_status["todo"]]
    assert read["asset_types"] == [defaults.asset_type["FX"]]


def test_project_asset_types_are_those_of_its_assets(production, defaults):
    project = production.project()
    production.post(f"/data/projects/{project['id']}/settings/asset-types",
                    {"asset_type_id": defaults.asset_type["Prop"]})
    assert production.get(f"/data/projects/{project['id']}/asset-types") == []
    production.asset(project, "Hero", "Character")
    [asset_type] = production.get(f"/data/projects/{project['id']}/asset-types")
    assert list(asset_type) == [key for key in ASSET_TYPE if key != "task_types"]
    assert (asset_type["name"], asset_type["type"]) == ("Character", "AssetType")


@pytest.mark.parametrize("role, expected", [("manager", 201), ("supervisor", 403),
                                            ("user", 403), ("client", 403)])
def test_settings_are_for_project_managers(production, defaults, member, role, expected):
    project = production.project()
    _, headers = member(project, role)
    production.call("POST", f"/data/projects/{project['id']}/settings/task-status", expected,
                    headers=headers, json={"task_status_id": defaults.task_status["wip"]})
    production.call("GET", f"/data/projects/{project['id']}/settings/status-automations",
                    200 if role == "manager" else 403, headers=headers)


def test_task_type_and_status_links_set_priorities(production, defaults):
    project = production.project()
    modeling = defaults.task_type[("Modeling", "Asset")]
    layout = defaults.task_type[("Layout", "Shot")]
    link = production.post("/data/task-type-links", {
        "project_id": project["id"], "task_type_id": modeling, "priority": 4})
    assert list(link) == ["project_id", "task_type_id", "priority", "hd_bitrate_compression",
                          "ld_bitrate_compression", "is_client_visible"] + BASE
    assert production.post("/data/task-type-links", {
        "project_id": project["id"], "task_type_id": modeling, "priority": 5})["id"] == link["id"]
    production.post("/data/task-type-links", {"project_id": project["id"],
                                              "task_type_id": layout})
    ordered = production.post(f"/actions/projects/{project['id']}/task-type-links/reorder",
                              {"task_type_ids": [layout, modeling]}, 200)
    assert [(item["task_type_id"], item["priority"]) for item in ordered] == [(layout, 1),
                                                                             (modeling, 2)]
    assert production.call("POST", "/data/task-type-links", 400, json={
        "project_id": project["id"]}).json == {
        "error": True, "message": "Missing required parameter: task_type_id", "data": None}
    status = production.post("/data/task-status-links", {
        "project_id": project["id"], "task_status_id": defaults.task_status["wip"],
        "roles_for_board": ["user", "manager"]})
    assert (status["type"], status["roles_for_board"]) == ("ProjectTaskStatusLink",
                                                          ["user", "manager"])
    assert production.get(f"/data/projects/{project['id']}")["task_statuses"] == [
        defaults.task_status["wip"]]
