"""The generic model routes of the plugin's models (``/data/<plural>``), with each model's
Zou rules. The documented ones: ``GET /data/project-status``, ``DELETE
/data/entity-types/{instance_id}``, ``PUT /data/projects/{instance_id}`` (test_projects)."""

from tests.plugins.entities.zou_shapes import (ENTITY, ENTITY_WITH_RELATIONS, TASK_STATUS,
                                               TASK_TYPE)


def test_project_statuses_are_read_by_anyone(production, studio, defaults):
    headers = studio.headers(studio.person("vendor"))
    statuses = production.get("/data/project-status", headers=headers)
    assert sorted(item["name"] for item in statuses) == ["Closed", "Open"]
    assert list(statuses[0]) == ["name", "color", "id", "created_at", "updated_at", "type"]
    assert statuses[0]["type"] == "ProjectStatus"
    production.call("POST", "/data/project-status", 403, headers=headers,
                    json={"name": "Paused", "color": "#000000"})


def test_entity_types(production, defaults, studio):
    created = production.post("/data/entity-types", {"name": "Vehicle"})
    assert list(created) == ["name", "short_name", "description", "task_types", "archived",
                             "id", "created_at", "updated_at", "type"]
    assert production.call("POST", "/data/entity-types", 400, json={"name": "vehicle"}).json == {
        "error": True, "message": "Entity type with this name already exists", "data": None}
    listed = production.get("/data/entity-types?name=Vehicle")
    assert list(listed[0]) == [key for key in created if key != "task_types"]
    headers = studio.headers(studio.person("user"))
    assert len(production.get("/data/entity-types", headers=headers)) == 12


def test_delete_entity_type_deleted_in_use_or_unknown(production, defaults):
    vehicle = production.post("/data/entity-types", {"name": "Vehicle"})
    production.call("DELETE", f"/data/entity-types/{vehicle['id']}", 204)
    project = production.project()
    production.asset(project, "Hero", "Character")
    assert production.call("DELETE", f"/data/entity-types/{defaults.asset_type['Character']}",
                           400).json["message"] == (
        "The change conflicts with records referencing this one.")
    production.call("DELETE", f"/data/entity-types/{vehicle['id']}", 404)
    assert production.call("DELETE", "/data/entity-types/nope", 400).json == {
        "error": True, "message": "Malformed ID.", "data": None}


def test_task_types_names_and_deletion(production, defaults):
    [modeling] = production.get("/data/task-types?name=modeling")
    assert list(modeling) == TASK_TYPE
    assert production.call("POST", "/data/task-types", 400, json={
        "name": "MODELING", "for_entity": "Shot"}).json["message"] == (
        "A task type with similar name already exists")
    project = production.project()
    production.post(f"/data/projects/{project['id']}/settings/task-types",
                    {"task_type_id": modeling["id"]})
    assert production.call("DELETE", f"/data/task-types/{modeling['id']}", 400).json[
        "message"] == ("Task type is attached to projects. Re-issue the request with force=true "
                       "to detach.")
    production.call("DELETE", f"/data/task-types/{modeling['id']}?force=true", 204)
    assert production.get(f"/data/projects/{project['id']}")["task_types"] == []


def test_one_default_task_status_for_tasks_and_one_for_concepts(production, defaults):
    created = production.post("/data/task-status", {"name": "Fresh", "short_name": "fresh",
                                                    "color": "#000000", "is_default": True})
    assert list(created) == TASK_STATUS
    defaults_now = {item["short_name"] for item in production.get(
        "/data/task-status?is_default=true")}
    assert defaults_now == {"fresh", "neutral"}
    assert production.call("POST", "/data/task-status", 400, json={
        "name": "Other", "short_name": "todo", "color": "#000000"}).json["message"] == (
        "A record with the same unique values already exists.")


def test_status_automations_are_listed_by_all_but_vendors(production, studio, defaults):
    production.post("/data/status-automations", {
        "entity_type": "asset", "in_task_type_id": defaults.task_type[("Modeling", "Asset")],
        "in_task_status_id": defaults.task_status["done"], "out_field_type": "status",
        "out_task_type_id": defaults.task_type[("Rigging", "Asset")],
        "out_task_status_id": defaults.task_status["ready"]})
    assert len(production.get("/data/status-automations",
                              headers=studio.headers(studio.person("client")))) == 1
    production.call("GET", "/data/status-automations", 403,
                    headers=studio.headers(studio.person("vendor")))


def test_generic_entities(production, defaults):
    project = production.project()
    sequence = production.sequence(project)
    shot = production.shot(project, sequence)
    production.asset(project, "Hero")
    rows = production.get(f"/data/entities?project_id={project['id']}")
    assert sorted(row["type"] for row in rows) == ["Asset", "Sequence", "Shot"]
    assert [list(row) for row in rows] == [ENTITY] * 3
    trimmed = production.get("/data/entities?name=SH010&fields=name")
    assert trimmed == [{"id": shot["id"], "name": "SH010", "type": "Shot"}]
    with_relations = production.get("/data/entities?name=SH010&relations=true")
    assert [list(row) for row in with_relations] == [ENTITY_WITH_RELATIONS]
    created = production.post("/data/entities", {
        "name": "Loose", "project_id": project["id"],
        "entity_type_id": defaults.entity_type["Shot"], "parent_id": sequence["id"]})
    assert list(created) == ENTITY_WITH_RELATIONS and created["type"] == "Entity"
    assert created["data"] is None
    updated = production.put(f"/data/entities/{created['id']}", {
        "data": {"a": 1}, "type": "Asset", "created_by": None, "entities_out": ["x"]})
    assert list(updated) == ENTITY_WITH_RELATIONS
    assert (updated["type"], updated["data"]) == ("Shot", {"a": 1})
    production.call("DELETE", f"/data/entities/{created['id']}", 204)
    production.call("GET", f"/data/entities/{created['id']}", 404)


def test_entity_links_and_asset_instance_lists_are_for_admins(production, member):
    project = production.project()
    _, manager = member(project, "manager")
    production.call("GET", "/data/entity-links", 403, headers=manager)
    production.call("GET", "/data/asset-instances", 403, headers=manager)
    assert production.get("/data/entity-links") == []


def test_non_admins_list_entities_of_their_projects(production, member):
    project = production.project()
    production.asset(production.project("Other"), "Elsewhere")
    production.asset(project, "Hero")
    _, headers = member(project)
    assert [row["name"] for row in production.get("/data/entities", headers=headers)] == ["Hero"]
    _, vendor = member(project, "vendor")
    assert production.get("/data/entities", headers=vendor) == []
