"""Projects through the generic routes and Kitsu's open/all lists, as Zou answers them."""

import re
import uuid

import pytest

from plugins.entities.models import ProjectPreviewBackgroundFileLink

from tests.plugins.entities.conftest import ZOU_DATE
from tests.plugins.entities.zou_shapes import (FORBIDDEN, PROJECT_COLUMNS, PROJECT_CREATED,
                                               PROJECT_DESCRIPTOR, PROJECT_READ)


def test_create_answers_zou_keys_with_the_open_status(production, defaults):
    project = production.project("Big Buck")
    assert list(project) == PROJECT_CREATED
    assert project["type"] == "Project"
    assert project["project_status_id"] == defaults.project_status["Open"]
    assert (project["fps"], project["ratio"], project["resolution"]) == ("25", "16:9",
                                                                           "1920x1080")
    assert (project["production_type"], project["production_style"]) == ("short", "2d3d")
    assert project["team"] == project["task_types"] == project["preview_background_files"] == []
    assert re.match(ZOU_DATE, project["created_at"])


def test_a_tvshow_starts_with_episode_e01(production):
    project = production.project("Show", production_type="tvshow")
    assert list(project) == PROJECT_CREATED + ["first_episode_id"]
    episodes = production.get(f"/data/projects/{project['id']}/episodes")
    assert [(episode["id"], episode["name"]) for episode in episodes] == [
        (project["first_episode_id"], "E01")]
    read = production.get(f"/data/projects/{project['id']}")
    assert list(read) == PROJECT_READ + ["first_episode_id", "project_status_name"]


def test_read_one_adds_settings_links_and_status_name(production, defaults):
    project = production.project()
    modeling = defaults.task_type[("Modeling", "Asset")]
    production.post(f"/data/projects/{project['id']}/settings/task-types",
                    {"task_type_id": modeling, "priority": 3})
    production.post(f"/data/projects/{project['id']}/settings/task-status",
                    {"task_status_id": defaults.task_status["wip"]})
    production.post(f"/data/projects/{project['id']}/metadata-descriptors",
                    {"name": "Difficulty", "entity_type": "Asset"})
    read = production.get(f"/data/projects/{project['id']}")
    assert list(read) == PROJECT_READ + ["project_status_name"]
    assert read["project_status_name"] == "Open"
    assert read["task_type_links"] == {modeling: {
        "priority": 3, "hd_bitrate_compression": None, "ld_bitrate_compression": None,
        "is_client_visible": True}}
    assert read["task_types_priority"] == {modeling: 3}
    assert read["task_statuses_link"] == {defaults.task_status["wip"]: {
        "priority": None, "roles_for_board": ["user", "admin", "supervisor", "manager", "vendor"],
        "is_client_allowed": None}}
    assert [list(item) for item in read["descriptors"]] == [PROJECT_DESCRIPTOR]
    plain = production.get(f"/data/projects/{project['id']}?relations=false")
    assert list(plain) == PROJECT_COLUMNS + ["id", "created_at", "updated_at", "type",
                                             "project_status_name"]


def test_read_one_lists_each_relation_as_the_list_route_does(production, defaults, studio,
                                                            app):
    project = production.project()
    path = f"/data/projects/{project['id']}"
    for person in (studio.person("user"), studio.person("manager")):
        production.join(project, person)
    automation = production.post("/data/status-automations", {"entity_type": "asset"})
    settings = [("asset-types", "asset_type_id", defaults.asset_type["Prop"]),
                ("asset-types", "asset_type_id", defaults.asset_type["Character"]),
                ("task-types", "task_type_id", defaults.task_type[("Modeling", "Asset")]),
                ("task-status", "task_status_id", defaults.task_status["wip"]),
                ("status-automations", "status_automation_id", automation["id"])]
    for kind, key, target in settings:
        production.post(f"{path}/settings/{kind}", {key: target})
    backgrounds = [str(uuid.uuid4()), str(uuid.uuid4())]
    with app.dopesheet.activated():
        for background in backgrounds:
            ProjectPreviewBackgroundFileLink.create(project=project["id"],
                                                    preview_background_file_id=background)
    read = production.get(path)
    listed = next(item for item in production.get("/data/projects?relations=true")
                  if item["id"] == project["id"])
    relations = ["team", "asset_types", "task_statuses", "task_types", "status_automations",
                 "preview_background_files"]
    assert {name: sorted(read[name]) for name in relations} == {
        name: sorted(listed[name]) for name in relations}
    assert sorted(read["asset_types"]) == sorted(target for kind, _, target in settings
                                                 if kind == "asset-types")
    assert sorted(read["preview_background_files"]) == sorted(backgrounds)
    assert len(read["team"]) == 2 and read["status_automations"] == [automation["id"]]
    assert list(read) == PROJECT_READ + ["project_status_name"]


@pytest.mark.parametrize("body, message", [
    ({"production_style": "cubist"}, "Invalid production_style"),
    ({"resolution": "huge"}, "Invalid resolution huge. Expected format: '1920x1080' or "
                             "'x1080'."),
])
def test_create_refuses_zou_invalid_values(production, body, message):
    result = production.call("POST", "/data/projects", 400, json={"name": "Bad", **body})
    assert result.json == {"error": True, "message": message, "data": None}


def test_names_are_unique_and_required(production):
    production.project("Twice")
    assert production.call("POST", "/data/projects", 400, json={"name": "Twice"}).json[
        "message"] == "A record with the same unique values already exists."
    assert production.call("POST", "/data/projects", 400, json={"fps": "24"}).json[
        "data"] == {"errors": [{"field": "name", "message": "Field required"}]}


def test_update_keeps_the_team_and_answers_without_relations(production, studio):
    project = production.project()
    person = studio.person("user")
    production.join(project, person)
    updated = production.put(f"/data/projects/{project['id']}",
                             {**project, "team": [], "description": "Open movie", "bogus": 1})
    assert list(updated) == PROJECT_COLUMNS + ["id", "created_at", "updated_at", "type"]
    assert updated["description"] == "Open movie"
    assert production.get(f"/data/projects/{project['id']}")["team"] == [person.id]


def test_close_and_reopen_change_the_status_and_the_open_list(production, defaults):
    project = production.project("Closing")
    production.put(f"/data/projects/{project['id']}",
                   {"project_status_id": defaults.project_status["Closed"]})
    assert production.get("/data/projects/open") == []
    assert production.get(f"/data/projects/{project['id']}")["project_status_name"] == "Closed"
    production.put(f"/data/projects/{project['id']}",
                   {"project_status_id": defaults.project_status["Open"]})
    assert [item["name"] for item in production.get("/data/projects/open")] == ["Closing"]


def test_open_list_answers_full_projects(production):
    production.project("Show", production_type="tvshow")
    [listed] = production.get("/data/projects/open")
    assert list(listed) == PROJECT_READ + ["first_episode_id"]
    assert production.get("/data/projects/open?name=show") == []


def test_all_list_adds_status_names_for_admins_only_without_a_name(production, studio,
                                                                   member):
    project = production.project("Every")
    [listed] = production.get("/data/projects/all")
    assert list(listed) == PROJECT_COLUMNS + ["id", "created_at", "updated_at", "type",
                                              "project_status_name", "descriptors"]
    [named] = production.get("/data/projects/all?name=Every")
    assert list(named) == PROJECT_COLUMNS + ["id", "created_at", "updated_at", "type"]
    _, headers = member(project)
    [seen] = production.get("/data/projects/all", headers=headers)
    assert list(seen) == PROJECT_COLUMNS + ["id", "created_at", "updated_at", "type"]


def test_non_admins_see_only_their_team_projects(production, studio, member):
    mine = production.project("Mine")
    other = production.project("Other")
    _, headers = member(mine)
    for path in ("/data/projects", "/data/projects/open", "/data/projects/all"):
        assert [item["name"] for item in production.get(path, headers=headers)] == ["Mine"]
    assert production.call("GET", f"/data/projects/{other['id']}", 403,
                           headers=headers).json["message"] == FORBIDDEN
    assert production.get(f"/data/projects/{mine['id']}", headers=headers)["name"] == "Mine"


@pytest.mark.parametrize("role, project_role, expected", [
    ("manager", None, 200), ("user", None, 403), ("supervisor", None, 403),
    ("user", "manager", 200), ("manager", "user", 403),
])
def test_only_project_managers_update_a_project(production, member, role, project_role,
                                                expected):
    project = production.project()
    _, headers = member(project, role, project_role)
    production.call("PUT", f"/data/projects/{project['id']}", expected, headers=headers,
                    json={"description": "changed"})


def test_managers_outside_the_team_cannot_update(production, studio):
    project = production.project()
    headers = studio.headers(studio.person("manager"))
    production.call("PUT", f"/data/projects/{project['id']}", 403, headers=headers,
                    json={"description": "changed"})
    production.call("POST", "/data/projects", 403, headers=headers, json={"name": "New"})


def test_only_closed_projects_are_deleted_and_force_takes_entities(production, defaults):
    project = production.project()
    production.asset(project)
    path = f"/data/projects/{project['id']}"
    assert production.call("DELETE", path, 400).json == {
        "error": True, "message": "Only closed projects can be deleted"}
    production.put(path, {"project_status_id": defaults.project_status["Closed"]})
    assert production.call("DELETE", path, 400).json["message"] == (
        "The change conflicts with records referencing this one.")
    production.call("DELETE", path + "?force=true", 204)
    production.call("GET", path, 404)
    assert production.get("/data/entities") == []


def test_a_closed_empty_project_is_deleted_with_its_settings(production, defaults, studio):
    project = production.project()
    production.join(project, studio.person("user"))
    production.post(f"/data/projects/{project['id']}/settings/asset-types",
                    {"asset_type_id": defaults.asset_type["Prop"]})
    production.put(f"/data/projects/{project['id']}",
                   {"project_status_id": defaults.project_status["Closed"]})
    production.call("DELETE", f"/data/projects/{project['id']}", 204)
    assert production.get("/data/projects") == []
