"""Shots, sequences and episodes: Zou's typed routes, name rules, shapes and deletion."""

import json

import pytest

from tests.plugins.entities.zou_shapes import (ENTITY, ENTITY_WITH_RELATIONS, FORBIDDEN,
                                               SHOT_DETAIL, SHOT_WITH_TASKS, SIMPLE_WITH_TASKS)


@pytest.fixture
def show(production):
    """A tvshow: E01 (made with the project) > SQ01 > SH010 (24 frames) and SH020."""
    project = production.project("Show", production_type="tvshow")
    episode = {"id": project["first_episode_id"]}
    sequence = production.sequence(project, "SQ01", episode=episode)
    first = production.shot(project, sequence, "SH010", nb_frames=24, data={"frame_in": 1})
    second = production.shot(project, sequence, "SH020")
    return project, episode, sequence, first, second


def test_creation_answers_plain_rows_with_zou_defaults(show):
    project, episode, sequence, first, second = show
    assert list(first) == list(sequence) == ENTITY
    assert (first["type"], first["parent_id"], first["nb_frames"], first["data"],
            first["description"]) == ("Shot", sequence["id"], 24, {"frame_in": 1}, None)
    assert (sequence["type"], sequence["parent_id"], sequence["description"]) == (
        "Sequence", episode["id"], "")


def test_a_taken_name_under_the_same_parent_gives_the_existing_row(production, show):
    project, episode, sequence, first, _ = show
    again = production.shot(project, sequence, "SH010", nb_frames=99)
    assert (again["id"], again["nb_frames"]) == (first["id"], 24)
    assert production.sequence(project, "SQ01", episode=episode)["id"] == sequence["id"]
    assert production.episode(project, "E01")["id"] == episode["id"]
    other_sequence = production.sequence(project, "SQ02", episode=episode)
    assert production.shot(project, other_sequence, "SH010")["id"] != first["id"]
    assert production.shot(project, sequence, "sh010")["id"] != first["id"]


def test_creation_refusals(production, show):
    project, episode, *_ = show
    base = f"/data/projects/{project['id']}"
    assert production.call("POST", f"{base}/shots", 400, json={}).json["data"] == {
        "errors": [{"field": "name", "message": "Field required"}]}
    assert production.call("POST", f"{base}/shots", 400, json={
        "name": "X", "nb_frames": "abc"}).json["data"]["errors"][0]["message"] == (
        "Input should be a valid integer, unable to parse string as an integer")
    production.call("POST", f"{base}/shots", 404, json={"name": "Y",
                                                          "sequence_id": episode["id"]})
    production.call("POST", "/data/projects/00000000-0000-0000-0000-000000000000/sequences",
                    404, json={"name": "x"})
    elsewhere = production.sequence(production.project("Other"), "SQ01")
    production.call("POST", f"{base}/shots", 404, json={"name": "Z",
                                                          "sequence_id": elsewhere["id"]})


def test_renaming_into_a_taken_name_is_refused(production, show):
    project, _, sequence, first, second = show
    refused = production.call("PUT", f"/data/entities/{second['id']}", 400,
                              json={"name": "SH010"}).json
    assert refused == {"error": True, "data": None, "message": (
        f"An entity with name 'SH010', project_id '{project['id']}', entity_type_id "
        f"'{second['entity_type_id']}', and parent_id '{sequence['id']}' already exists. The "
        "combination of these fields must be unique.")}
    production.call("PUT", f"/data/shots/{second['id']}", 400, json={"name": "SH010"})
    assert production.put(f"/data/entities/{second['id']}", {"name": "sh010"})["name"] == "sh010"


def test_update_a_shot_merges_data_and_answers_type_entity(production, show):
    *_, first, _ = show
    updated = production.put(f"/data/shots/{first['id']}", {
        "data": {"frame_out": 30}, "canceled": True, "bogus": 1})
    assert list(updated) == ENTITY and updated["type"] == "Entity"
    assert (updated["data"], updated["canceled"]) == ({"frame_in": 1, "frame_out": 30}, True)
    production.call("PUT", f"/data/sequences/{first['parent_id']}", 405, json={"name": "x"})


def test_shot_views(production, show):
    project, episode, sequence, first, _ = show
    detail = production.get(f"/data/shots/{first['id']}")
    assert list(detail) == SHOT_DETAIL
    assert (detail["sequence_name"], detail["episode_id"], detail["episode_name"],
            detail["project_name"], detail["frame_in"], detail["fps"]) == (
        "SQ01", episode["id"], "E01", "Show", 1, None)
    rows = production.get(f"/data/shots/with-tasks?project_id={project['id']}")
    assert [list(row) for row in rows] == [SHOT_WITH_TASKS] * 2
    listed = production.get(f"/data/shots?sequence_id={sequence['id']}")
    assert [list(row) for row in listed] == [ENTITY + ["project_name", "sequence_name"]] * 2
    assert listed == production.get(f"/data/sequences/{sequence['id']}/shots")
    assert [row["name"] for row in production.get(
        f"/data/shots/all?sequence_id={sequence['id']}&name=SH010")] == ["SH010"]
    plain = production.get(f"/data/projects/{project['id']}/shots")
    assert [list(row) for row in plain] == [ENTITY] * 2
    assert [row["name"] for row in production.get(f"/data/episodes/{episode['id']}/shots")] == [
        "SH010", "SH020"]
    generic = production.get(f"/data/entities/{first['id']}")
    assert list(generic) == ENTITY_WITH_RELATIONS and generic["type"] == "Shot"


def test_a_shot_without_sequence_has_no_full_view(production, show):
    project, *_ = show
    orphan = production.post(f"/data/projects/{project['id']}/shots", {"name": "Orphan"})
    production.call("GET", f"/data/shots/{orphan['id']}", 404)


def test_sequence_and_episode_views(production, show):
    project, episode, sequence, *_ = show
    detail = production.get(f"/data/sequences/{sequence['id']}")
    assert list(detail) == ENTITY + ["project_name", "episode_id", "episode_name"]
    loose = production.sequence(project, "SQ09")
    assert list(production.get(f"/data/sequences/{loose['id']}")) == ENTITY + ["project_name"]
    assert list(production.get(f"/data/episodes/{episode['id']}")) == ENTITY + ["project_name"]
    rows = production.get(f"/data/sequences/with-tasks?project_id={project['id']}")
    assert [list(row) for row in rows] == [SIMPLE_WITH_TASKS] * 2
    by_name = {row["name"]: row for row in rows}
    assert (by_name["SQ01"]["episode_id"], by_name["SQ09"]["episode_id"],
            by_name["SQ01"]["preview_file_id"]) == (episode["id"], "None", "")
    assert [row["name"] for row in production.get(
        f"/data/episodes/{episode['id']}/sequences")] == ["SQ01"]
    assert [row["name"] for row in production.get(
        f"/data/sequences?project_id={project['id']}&episode_id={episode['id']}")] == ["SQ01"]
    assert [row["name"] for row in production.get(
        f"/data/episodes?project_id={project['id']}")] == ["E01"]


def test_filtered_lists_need_a_project_of_the_caller(production, show, member):
    project, _, sequence, *_ = show
    _, headers = member(project)
    for path in ("/data/shots", "/data/sequences", "/data/episodes", "/data/shots/with-tasks"):
        assert production.call("GET", path, 403, headers=headers).json["message"] == FORBIDDEN
    assert len(production.get(f"/data/shots?project_id={project['id']}", headers=headers)) == 2
    assert len(production.get(f"/data/shots?sequence_id={sequence['id']}",
                              headers=headers)) == 2
    _, outsider = member(production.project("Other"))
    production.call("GET", f"/data/shots?project_id={project['id']}", 403, headers=outsider)
    production.call("GET", f"/data/shots/{sequence['id']}", 404, headers=headers)


def test_deleting_a_shot_without_tasks_removes_it(production, show):
    *_, second = show
    production.call("DELETE", f"/data/shots/{second['id']}", 204)
    production.call("GET", f"/data/shots/{second['id']}", 404)


def test_a_sequence_with_shots_needs_force(production, show):
    project, episode, sequence, first, second = show
    assert production.call("DELETE", f"/data/sequences/{sequence['id']}", 400).json == {
        "error": True, "message": "Some data are still linked to this sequence."}
    assert production.call("DELETE", f"/data/episodes/{episode['id']}", 400).json[
        "message"] == "Some data are still linked to this episode."
    production.call("DELETE", f"/data/episodes/{episode['id']}?force=true", 204)
    for entity in (sequence, first, second):
        production.call("GET", f"/data/entities/{entity['id']}", 404)


def test_only_managers_create_and_delete(production, show, member):
    project, _, sequence, first, _ = show
    _, artist = member(project, "user")
    production.call("POST", f"/data/projects/{project['id']}/shots", 403, headers=artist,
                    json={"name": "SH030", "sequence_id": sequence["id"]})
    production.call("DELETE", f"/data/shots/{first['id']}", 403, headers=artist)
    _, manager = member(project, "manager")
    production.call("POST", f"/data/projects/{project['id']}/shots", 201, headers=manager,
                    json={"name": "SH030", "sequence_id": sequence["id"]})
    production.call("DELETE", f"/data/shots/{first['id']}", 204, headers=manager)


def test_moving_a_shot_under_an_unknown_sequence_is_a_400(production, show):
    *_, first, _ = show
    assert production.call("PUT", f"/data/shots/{first['id']}", 400, json={
        "parent_id": "00000000-0000-0000-0000-000000000000"}).json["message"] == (
        "The change conflicts with records referencing this one.")


def test_kitsu_streams_shots_with_tasks_but_not_sequences(production, show):
    project, *_ = show
    streamed = production.call("GET", f"/data/shots/with-tasks?project_id={project['id']}"
                                      "&stream=true&compact=true", 200)
    header, *rows, _ = streamed.text.split("\n")
    assert json.loads(header)["shot_fields"][-2:] == ["type", "tasks"]
    assert [json.loads(row)[10] for row in rows] == ["SH010", "SH020"]
    plain = production.call("GET", f"/data/sequences/with-tasks?project_id={project['id']}"
                                   "&stream=true", 200)
    assert plain.headers["content-type"].startswith("application/json")
