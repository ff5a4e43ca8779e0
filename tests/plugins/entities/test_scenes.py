"""Scenes: Zou's routes and the shots linked to a scene."""

from tests.plugins.entities.zou_shapes import ENTITY, SIMPLE_WITH_TASKS


def _layout(production):
    project = production.project("Show", production_type="tvshow")
    sequence = production.sequence(project, episode={"id": project["first_episode_id"]})
    return project, sequence, production.scene(project, sequence)


def test_scenes_are_get_or_create_under_their_sequence(production):
    project, sequence, scene = _layout(production)
    assert list(scene) == ENTITY
    assert (scene["type"], scene["parent_id"], scene["description"]) == (
        "Scene", sequence["id"], None)
    assert production.scene(project, sequence)["id"] == scene["id"]


def test_scene_views(production):
    project, sequence, scene = _layout(production)
    detail = production.get(f"/data/scenes/{scene['id']}")
    assert list(detail) == ENTITY + ["project_name", "sequence_id", "sequence_name",
                                     "episode_id", "episode_name"]
    assert (detail["sequence_name"], detail["episode_name"]) == ("SQ01", "E01")
    rows = production.get(f"/data/scenes/all?project_id={project['id']}")
    assert [list(row) for row in rows] == [ENTITY + ["project_name", "sequence_name"]]
    assert [list(row) for row in production.get(
        f"/data/projects/{project['id']}/scenes")] == [ENTITY]
    assert [row["id"] for row in production.get(
        f"/data/sequences/{sequence['id']}/scenes")] == [scene["id"]]
    [row] = production.get(f"/data/scenes/with-tasks?project_id={project['id']}")
    assert list(row) == SIMPLE_WITH_TASKS and row["episode_id"] == sequence["id"]


def test_link_and_unlink_shots(production):
    project, sequence, scene = _layout(production)
    shot = production.shot(project, sequence)
    linked = production.post(f"/data/scenes/{scene['id']}/shots", {"shot_id": shot["id"]})
    assert (linked["type"], linked["source_id"]) == ("Entity", scene["id"])
    [listed] = production.get(f"/data/scenes/{scene['id']}/shots")
    assert listed["id"] == shot["id"] and "sequence_name" in listed
    production.call("DELETE", f"/data/scenes/{scene['id']}/shots/{shot['id']}", 204)
    assert production.get(f"/data/scenes/{scene['id']}/shots") == []


def test_vendors_do_not_list_scenes(production, member):
    project, sequence, scene = _layout(production)
    _, headers = member(project, "vendor")
    production.call("GET", f"/data/scenes/all?project_id={project['id']}", 403, headers=headers)
    production.call("GET", f"/data/sequences/{sequence['id']}/scenes", 403, headers=headers)
    assert production.get(f"/data/projects/{project['id']}/scenes", headers=headers) == []
