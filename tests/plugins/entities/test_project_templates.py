"""Project templates: their settings links, descriptor snapshots, made from a project and
applied to one (at creation or later)."""

import pytest

from tests.plugins.entities.zou_shapes import (BASE, PROJECT_COLUMNS, TEMPLATE_COLUMNS,
                                               TEMPLATE_READ)


@pytest.fixture
def template(production):
    return production.post("/data/project-templates", {"name": "Feature", "fps": "24"})


def test_create_answers_columns_and_read_adds_relations(production, template):
    assert list(template) == TEMPLATE_COLUMNS + BASE
    assert template["metadata_descriptors"] == []
    assert list(production.get(f"/data/project-templates/{template['id']}")) == TEMPLATE_READ


def test_template_links(production, template, defaults):
    base = f"/data/project-templates/{template['id']}"
    modeling = defaults.task_type[("Modeling", "Asset")]
    layout = defaults.task_type[("Layout", "Shot")]
    link = production.post(f"{base}/task-types", {"task_type_id": modeling, "priority": 2})
    assert list(link) == ["project_template_id", "task_type_id", "priority",
                          "hd_bitrate_compression", "ld_bitrate_compression",
                          "is_client_visible"] + BASE
    production.post(f"{base}/task-types", {"task_type_id": layout})
    listed = production.get(f"{base}/task-types")
    assert [(item["name"], item["priority"]) for item in listed] == [("Layout", None),
                                                                     ("Modeling", 2)]
    assert list(listed[0])[-3:] == ["hd_bitrate_compression", "ld_bitrate_compression",
                                    "is_client_visible"]
    ordered = production.post(f"/actions/project-templates/{template['id']}/task-types/reorder",
                              {"task_type_ids": [modeling, layout]}, 200)
    assert [(item["task_type_id"], item["priority"]) for item in ordered] == [(modeling, 1),
                                                                             (layout, 2)]
    status = production.post(f"{base}/task-statuses",
                             {"task_status_id": defaults.task_status["wip"], "priority": 3})
    assert status["type"] == "ProjectTemplateTaskStatusLink"
    [listed_status] = production.get(f"{base}/task-statuses")
    assert (listed_status["priority"], listed_status["link_is_client_allowed"]) == (3, None)
    prop = defaults.asset_type["Prop"]
    assert production.post(f"{base}/asset-types", {"asset_type_id": prop}) == {
        "id": prop, "name": "Prop"}
    assert production.get(f"{base}/asset-types") == [{"id": prop, "name": "Prop"}]
    production.call("DELETE", f"{base}/asset-types/{prop}", 204)
    assert production.get(f"{base}/asset-types") == []
    assert production.get(f"{base}/status-automations") == []


def test_apply_a_template_to_a_project(production, template, defaults):
    base = f"/data/project-templates/{template['id']}"
    modeling = defaults.task_type[("Modeling", "Asset")]
    production.post(f"{base}/task-types", {"task_type_id": modeling, "priority": 4})
    production.post(f"{base}/asset-types", {"asset_type_id": defaults.asset_type["Prop"]})
    production.put(f"{base}/metadata-descriptors", {"metadata_descriptors": [
        {"name": "Size", "entity_type": "Asset", "data_type": "string", "field_name": "size",
         "choices": [], "for_client": False, "departments": [], "task_type_id": None,
         "position": None}]})
    project = production.project(fps="30")
    applied = production.post(f"/data/projects/{project['id']}/apply-template/{template['id']}",
                              None, 200)
    assert list(applied) == PROJECT_COLUMNS + BASE
    assert applied["fps"] == "24"
    read = production.get(f"/data/projects/{project['id']}")
    assert (read["task_types"], read["asset_types"]) == ([modeling], [defaults.asset_type["Prop"]])
    assert read["task_type_links"][modeling]["priority"] == 4
    assert [item["field_name"] for item in read["descriptors"]] == ["size"]


def test_a_project_created_from_a_template_keeps_what_it_sets(production, template, defaults):
    production.post(f"/data/project-templates/{template['id']}/task-statuses",
                    {"task_status_id": defaults.task_status["todo"]})
    project = production.project(ratio="2.39", project_template_id=template["id"])
    assert (project["fps"], project["ratio"]) == ("24", "2.39")
    assert project["task_statuses"] == [defaults.task_status["todo"]]


def test_snapshot_a_project(production, defaults):
    project = production.project(fps="12")
    production.post(f"/data/projects/{project['id']}/settings/task-types",
                    {"task_type_id": defaults.task_type[("Layout", "Shot")], "priority": 5})
    production.post(f"/data/projects/{project['id']}/metadata-descriptors",
                    {"name": "Difficulty", "choices": ["a"]})
    made = production.post(f"/data/project-templates/from-project/{project['id']}",
                           {"name": "From project", "description": "snap"})
    assert list(made) == TEMPLATE_COLUMNS + BASE
    assert (made["fps"], made["description"]) == ("12", "snap")
    assert [item["name"] for item in made["metadata_descriptors"]] == ["Difficulty"]
    assert list(made["metadata_descriptors"][0]) == [
        "name", "choices", "position", "data_type", "field_name", "for_client", "departments",
        "entity_type", "task_type_id"]
    [task_type] = production.get(f"/data/project-templates/{made['id']}/task-types")
    assert (task_type["name"], task_type["priority"]) == ("Layout", 5)


def test_templates_are_read_by_managers_and_written_by_admins(production, template, studio):
    manager = studio.headers(studio.person("manager"))
    assert [item["name"] for item in production.get("/data/project-templates",
                                                    headers=manager)] == ["Feature"]
    production.call("POST", f"/data/project-templates/{template['id']}/asset-types", 403,
                    headers=manager, json={"asset_type_id": template["id"]})
    artist = studio.headers(studio.person("user"))
    production.call("GET", "/data/project-templates", 403, headers=artist)
    production.call("GET", f"/data/project-templates/{template['id']}/task-types", 403,
                    headers=artist)
