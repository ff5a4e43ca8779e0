"""Asset types and assets: Zou's typed routes, their shapes and rules."""

import json

from tests.plugins.entities.zou_shapes import (ASSET_DETAIL, ASSET_TYPE, ASSET_WITH_TASKS,
                                               ENTITY, FORBIDDEN)


def test_asset_types_are_the_non_temporal_entity_types(production, defaults):
    listed = production.get("/data/asset-types")
    assert sorted(item["name"] for item in listed) == ["Character", "Environment", "FX", "Prop"]
    assert {item["type"] for item in listed} == {"AssetType"}
    assert [list(item) for item in listed] == [ASSET_TYPE] * 4
    character = production.get(f"/data/asset-types/{defaults.asset_type['Character']}")
    assert list(character) == ASSET_TYPE and character["task_types"] == []
    production.call("GET", f"/data/asset-types/{defaults.entity_type['Shot']}", 404)
    assert [item["name"] for item in production.get("/data/asset-types?name=prop")] == ["Prop"]


def test_new_asset_answers_the_plain_row_and_never_deduplicates(production, defaults):
    project = production.project()
    episode = production.episode(project)
    first = production.asset(project, "Hero", description="the hero",
                             episode_id=episode["id"])
    assert list(first) == ENTITY
    assert (first["type"], first["source_id"], first["parent_id"], first["data"],
            first["description"]) == ("Asset", episode["id"], None, {}, "the hero")
    second = production.asset(project, "Hero")
    assert second["id"] != first["id"] and second["description"] == ""


def test_new_asset_refusals(production, defaults):
    project = production.project()
    base = f"/data/projects/{project['id']}/asset-types"
    assert production.call("POST", f"{base}/{defaults.asset_type['Prop']}/assets/new", 400,
                           json={"description": "x"}).json["data"] == {
        "errors": [{"field": "name", "message": "Field required"}]}
    production.call("POST", f"{base}/{defaults.entity_type['Shot']}/assets/new", 404,
                    json={"name": "Shot typed"})
    production.call("POST", f"/data/projects/{project['id']}/asset-types/"
                            "00000000-0000-0000-0000-000000000000/assets/new", 404,
                    json={"name": "x"})


def test_lists_and_filters(production, defaults):
    project = production.project()
    other = production.project("Other")
    episode = production.episode(project)
    production.asset(project, "Hero", episode_id=episode["id"])
    production.asset(project, "Crate", "Prop")
    production.asset(other, "Elsewhere")
    names = lambda path: sorted(item["name"] for item in production.get(path))  # noqa: E731
    assert names(f"/data/projects/{project['id']}/assets") == ["Crate", "Hero"]
    assert names(f"/data/assets?project_id={project['id']}") == ["Crate", "Hero"]
    assert names(f"/data/assets/all?project_id={project['id']}&name=hero") == ["Hero"]
    assert names(f"/data/assets?episode_id={episode['id']}") == ["Hero"]
    assert names(f"/data/assets?source_id={episode['id']}") == ["Hero"]
    assert names(f"/data/projects/{project['id']}/asset-types/"
                 f"{defaults.asset_type['Prop']}/assets") == ["Crate"]
    assert names("/data/assets") == ["Crate", "Elsewhere", "Hero"]
    assert [list(item) for item in production.get("/data/assets")] == [ENTITY] * 3


def test_non_admins_list_the_assets_of_their_projects(production, member):
    project = production.project()
    other = production.project("Other")
    production.asset(project, "Hero")
    production.asset(other, "Elsewhere")
    _, headers = member(project)
    assert [item["name"] for item in production.get("/data/assets", headers=headers)] == [
        "Hero"]
    assert production.call("GET", f"/data/assets?project_id={other['id']}", 403,
                           headers=headers).json["message"] == FORBIDDEN
    production.call("GET", f"/data/projects/{other['id']}/assets", 403, headers=headers)


def test_with_tasks_rows_carry_zou_quirks(production):
    project = production.project()
    episode = production.episode(project)
    production.asset(project, "Hero", episode_id=episode["id"])
    production.asset(project, "Crate", "Prop")
    rows = {row["name"]: row for row in production.get(
        f"/data/assets/with-tasks?project_id={project['id']}")}
    assert [list(row) for row in rows.values()] == [ASSET_WITH_TASKS] * 2
    hero, crate = rows["Hero"], rows["Crate"]
    assert (hero["preview_file_id"], hero["ready_for"], hero["episode_id"]) == (
        "", "None", episode["id"])
    assert (crate["episode_id"], crate["asset_type_name"], crate["tasks"]) == ("", "Prop", [])


def test_one_asset_with_names_casting_episodes_and_tasks(production):
    project = production.project("Show", production_type="tvshow")
    episode_id = project["first_episode_id"]
    sequence = production.sequence(project, episode={"id": episode_id})
    shot = production.shot(project, sequence)
    hero = production.asset(project, "Hero")
    production.put(f"/data/projects/{project['id']}/entities/{shot['id']}/casting",
                   [{"asset_id": hero["id"], "nb_occurences": 1}])
    detail = production.get(f"/data/assets/{hero['id']}")
    assert list(detail) == ASSET_DETAIL
    assert (detail["project_name"], detail["asset_type_name"], detail["episode_id"]) == (
        "Show", "Character", "")
    assert detail["casting_episode_ids"] == [episode_id]
    assert sorted(detail["entities_in"]) == sorted([shot["id"], episode_id])
    assert (detail["preview_file_id"], detail["ready_for"], detail["tasks"]) == ("", "None", [])
    production.call("GET", f"/data/assets/{shot['id']}", 404)
    production.call("GET", "/data/assets/not-an-id", 404)


def test_delete_an_asset_without_tasks_removes_it_and_its_links(production):
    project = production.project()
    sequence = production.sequence(project)
    shot = production.shot(project, sequence)
    hero = production.asset(project, "Hero")
    production.put(f"/data/projects/{project['id']}/entities/{shot['id']}/casting",
                   [{"asset_id": hero["id"], "nb_occurences": 1}])
    production.call("DELETE", f"/data/assets/{hero['id']}", 204)
    production.call("GET", f"/data/assets/{hero['id']}", 404)
    assert production.get(f"/data/projects/{project['id']}/entities/{shot['id']}/casting") == []
    assert production.get(f"/data/shots/{shot['id']}")["nb_entities_out"] == 0


def test_assets_cast_in_an_asset_and_in_a_shot(production, defaults):
    project = production.project()
    sequence = production.sequence(project)
    shot = production.shot(project, sequence)
    hero = production.asset(project, "Hero")
    sword = production.asset(project, "Sword", "Prop")
    production.put(f"/data/assets/{hero['id']}/casting",
                   [{"asset_id": sword["id"], "nb_occurences": 1}])
    production.put(f"/data/projects/{project['id']}/entities/{shot['id']}/casting",
                   [{"asset_id": hero["id"], "nb_occurences": 1}])
    assert [item["name"] for item in production.get(f"/data/assets/{hero['id']}/assets")] == [
        "Sword"]
    [cast] = production.get(f"/data/shots/{shot['id']}/assets")
    assert list(cast) == ENTITY and cast["name"] == "Hero"
    [asset_type] = production.get(f"/data/shots/{shot['id']}/asset-types")
    assert (asset_type["name"], asset_type["type"]) == ("Character", "AssetType")
    assert production.get(f"/data/assets/{hero['id']}/task-types") == []


def test_shared_assets_of_other_projects_used_here(production):
    project = production.project()
    library = production.project("Library")
    shared = production.asset(library, "Tree", "Environment", is_shared=True)
    sequence = production.sequence(project)
    shot = production.shot(project, sequence)
    production.put(f"/data/projects/{project['id']}/entities/{shot['id']}/casting",
                   [{"asset_id": shared["id"], "nb_occurences": 3}])
    [used] = production.get(f"/data/projects/{project['id']}/assets/shared-used")
    assert used["id"] == shared["id"]
    assert production.get(f"/data/projects/{library['id']}/assets/shared-used") == []


def test_vendors_read_no_asset_without_assigned_tasks(production, member):
    project = production.project()
    hero = production.asset(project)
    _, headers = member(project, "vendor")
    assert production.get("/data/assets", headers=headers) == []
    production.call("GET", f"/data/assets/{hero['id']}", 403, headers=headers)
    _, client = member(project, "client")
    assert production.get(f"/data/assets/{hero['id']}", headers=client)["name"] == "Hero"


def test_kitsu_streams_assets_with_tasks(production):
    project = production.project()
    production.asset(project, "Hero")
    path = f"/data/assets/with-tasks?project_id={project['id']}&stream=true"
    streamed = production.call("GET", path, 200)
    assert streamed.headers["content-type"] == "application/x-ndjson"
    header, row, end = streamed.text.split("\n")
    assert (json.loads(header), json.loads(row)["name"], end) == ({"compact": False}, "Hero", "")
    compact = production.call("GET", path + "&compact=true", 200).text.split("\n")
    fields = json.loads(compact[0])
    assert fields["asset_fields"] == ASSET_WITH_TASKS and fields["compact"] is True
    assert dict(zip(fields["asset_fields"], json.loads(compact[1])))["name"] == "Hero"


def test_share_assets(production, defaults, member):
    project = production.project()
    hero = production.asset(project, "Hero")
    crate = production.asset(project, "Crate", "Prop")
    shared = production.post("/actions/assets/share", {"asset_ids": [hero["id"]]}, 200)
    assert [(item["name"], item["is_shared"], item["type"]) for item in shared] == [
        ("Hero", True, "Asset")]
    props = production.post(f"/actions/projects/{project['id']}/asset-types/"
                            f"{defaults.asset_type['Prop']}/assets/share", {}, 200)
    assert [item["id"] for item in props] == [crate["id"]]
    unshared = production.post(f"/actions/projects/{project['id']}/assets/share",
                               {"is_shared": False}, 200)
    assert {item["name"]: item["is_shared"] for item in unshared} == {"Crate": False,
                                                                      "Hero": False}
    assert production.post("/actions/assets/share", {}, 200) == []
    _, artist = member(project)
    production.call("POST", "/actions/assets/share", 403, headers=artist,
                    json={"asset_ids": [hero["id"]]})
