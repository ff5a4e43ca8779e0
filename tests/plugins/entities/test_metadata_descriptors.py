"""Metadata descriptors: a project's custom columns, whose values live in entities' data."""

from tests.plugins.entities.zou_shapes import DESCRIPTOR


def _descriptors(project):
    return f"/data/projects/{project['id']}/metadata-descriptors"


def test_create_with_zou_defaults_and_slug(production, defaults):
    project = production.project()
    modeling = production.get("/data/departments?name=Modeling")[0]["id"]
    created = production.post(_descriptors(project), {"name": "Été Ça", "entity_type": "Shot",
                                                      "departments": [modeling]})
    assert list(created) == DESCRIPTOR
    assert (created["field_name"], created["data_type"], created["choices"],
            created["for_client"], created["departments"]) == ("ete_ca", "string", [], False,
                                                               [modeling])
    assert production.get(f"{_descriptors(project)}/{created['id']}") == created
    assert production.get(_descriptors(project)) == [created]


def test_create_refusals(production):
    project = production.project()
    production.post(_descriptors(project), {"name": "Difficulty"})
    assert production.call("POST", _descriptors(project), 400,
                           json={"name": "Difficulty"}).json == {
        "error": True, "message": "Metadata descriptor already exists.", "data": None}
    assert production.call("POST", _descriptors(project), 400,
                           json={"name": "X", "data_type": "colour"}).json["message"] == (
        "Invalid data_type")
    assert production.call("POST", _descriptors(project), 400,
                           json={"name": "T", "entity_type": "Task"}).json["message"] == (
        "Task metadata descriptors require a task_type_id.")
    assert production.call("POST", _descriptors(project), 400, json={"name": ""}).json[
        "data"] == {"errors": [{"field": "name",
                                "message": "String should have at least 1 character"}]}


def test_rename_moves_values_and_resets_left_out_fields(production):
    project = production.project()
    descriptor = production.post(_descriptors(project), {
        "name": "Difficulty", "data_type": "list", "choices": ["easy", "hard"],
        "for_client": True})
    asset = production.asset(project)
    production.put(f"/data/entities/{asset['id']}", {"data": {"difficulty": "hard", "x": 1}})
    renamed = production.put(f"{_descriptors(project)}/{descriptor['id']}", {"name": "Level"})
    assert (renamed["field_name"], renamed["choices"], renamed["for_client"],
            renamed["data_type"]) == ("level", [], False, "string")
    assert production.get(f"/data/assets/{asset['id']}")["data"] == {"level": "hard", "x": 1}


def test_delete_drops_the_values(production):
    project = production.project()
    descriptor = production.post(_descriptors(project), {"name": "Difficulty"})
    asset = production.asset(project)
    production.put(f"/data/entities/{asset['id']}", {"data": {"difficulty": "hard", "x": 1}})
    production.call("DELETE", f"{_descriptors(project)}/{descriptor['id']}", 204)
    assert production.get(f"/data/assets/{asset['id']}")["data"] == {"x": 1}
    production.call("GET", f"{_descriptors(project)}/{descriptor['id']}", 404)


def test_reorder_sets_positions(production):
    project = production.project()
    first = production.post(_descriptors(project), {"name": "First"})
    second = production.post(_descriptors(project), {"name": "Second"})
    ordered = production.post(f"{_descriptors(project)}/reorder", {
        "entity_type": "Asset", "descriptor_ids": [second["id"], first["id"]]}, 200)
    assert {item["name"]: item["position"] for item in ordered} == {"Second": 1, "First": 2}


def test_generic_list_has_departments_only_without_a_query(production):
    project = production.project()
    production.post(_descriptors(project), {"name": "Difficulty"})
    assert "departments" in production.get("/data/metadata-descriptors")[0]
    assert "departments" not in production.get(
        f"/data/metadata-descriptors?project_id={project['id']}")[0]


def test_clients_see_descriptors_for_clients_and_vendors_those_of_their_departments(
        production, member, studio):
    project = production.project()
    modeling = production.get("/data/departments?name=Modeling")[0]["id"]
    production.post(_descriptors(project), {"name": "Public", "for_client": True})
    production.post(_descriptors(project), {"name": "Modeling", "departments": [modeling]})
    production.post(_descriptors(project), {"name": "Internal"})
    _, client = member(project, "client")
    assert [item["name"] for item in production.get(_descriptors(project), headers=client)] == [
        "Public"]
    vendor, vendor_headers = member(project, "vendor")
    assert production.get(_descriptors(project), headers=vendor_headers) == []
    production.call("POST", f"/actions/persons/{vendor.id}/departments/add", 201,
                    json={"department_id": modeling})
    assert [item["name"] for item in production.get(f"/data/projects/{project['id']}",
                                                    headers=vendor_headers)["descriptors"]] == [
        "Modeling"]
    _, outsider = member(production.project("Other"), "user")
    production.call("GET", _descriptors(project), 403, headers=outsider)
    assert production.get("/data/metadata-descriptors", headers=outsider) == []


def test_supervisors_write_descriptors_of_their_departments_only(production, member):
    project = production.project()
    modeling = production.get("/data/departments?name=Modeling")[0]["id"]
    animation = production.get("/data/departments?name=Animation")[0]["id"]
    supervisor, headers = member(project, "supervisor")
    production.call("POST", _descriptors(project), 403, headers=headers, json={"name": "Any"})
    production.call("POST", f"/actions/persons/{supervisor.id}/departments/add", 201,
                    json={"department_id": modeling})
    production.call("POST", _descriptors(project), 403, headers=headers,
                    json={"name": "Theirs", "departments": [animation]})
    production.call("POST", _descriptors(project), 201, headers=headers,
                    json={"name": "Mine", "departments": [modeling]})
    _, artist = member(project, "user")
    production.call("POST", _descriptors(project), 403, headers=artist,
                    json={"name": "Art", "departments": [modeling]})


def test_an_unknown_task_type_is_a_400(production):
    project = production.project()
    assert production.call("POST", _descriptors(project), 400, json={
        "name": "Per task", "entity_type": "Task",
        "task_type_id": "00000000-0000-0000-0000-000000000000"}).json["message"] == (
        "The change conflicts with records referencing this one.")
