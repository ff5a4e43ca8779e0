"""Edits: Zou's routes, with the documented ``GET /data/edits`` filters and
``GET /data/edits/{edit_id}/task-types``."""

from tests.plugins.entities.zou_shapes import EDIT_DETAIL, ENTITY, FORBIDDEN


def test_edits_are_get_or_create_under_their_episode(production):
    project = production.project("Show", production_type="tvshow")
    episode_id = project["first_episode_id"]
    cut = production.edit(project, "Cut 1", episode_id=episode_id, data={"k": 1})
    assert list(cut) == ENTITY
    assert (cut["type"], cut["parent_id"], cut["data"], cut["description"]) == (
        "Edit", episode_id, {"k": 1}, "")
    assert production.edit(project, "Cut 1", episode_id=episode_id)["id"] == cut["id"]
    loose = production.edit(project, "Cut 1")
    assert loose["id"] != cut["id"] and loose["parent_id"] is None
    assert production.edit(project, "Cut 1")["id"] == loose["id"]


def test_edit_lists_filter_on_the_query_string(production):
    project = production.project("Show", production_type="tvshow")
    other = production.project("Other")
    production.edit(project, "Cut 1", episode_id=project["first_episode_id"])
    production.edit(project, "Trailer")
    production.edit(other, "Teaser")
    rows = production.get(f"/data/edits?project_id={project['id']}")
    assert [list(row) for row in rows] == [ENTITY + ["project_name"]] * 2
    assert {row["project_name"] for row in rows} == {"Show"}
    assert [row["name"] for row in production.get(
        f"/data/edits?project_id={project['id']}&name=trailer")] == ["Trailer"]
    assert [row["name"] for row in production.get(
        f"/data/edits/all?episode_id={project['first_episode_id']}")] == ["Cut 1"]
    assert sorted(row["name"] for row in production.get("/data/edits")) == [
        "Cut 1", "Teaser", "Trailer"]
    assert [row["name"] for row in production.get(
        f"/data/episodes/{project['first_episode_id']}/edits")] == ["Cut 1"]
    assert [list(row) for row in production.get(
        f"/data/projects/{project['id']}/edits")] == [ENTITY] * 2


def test_edit_views(production):
    project = production.project("Show", production_type="tvshow")
    cut = production.edit(project, "Cut 1", episode_id=project["first_episode_id"])
    trailer = production.edit(project, "Trailer")
    detail = production.get(f"/data/edits/{cut['id']}")
    assert list(detail) == EDIT_DETAIL
    assert (detail["episode_name"], detail["project_name"], detail["tasks"]) == (
        "E01", "Show", [])
    loose = production.get(f"/data/edits/{trailer['id']}")
    assert (loose["episode_id"], loose["episode_name"]) == (None, "")
    rows = production.get(f"/data/edits/with-tasks?project_id={project['id']}")
    assert [list(row) for row in rows] == [EDIT_DETAIL] * 2
    assert production.get(f"/data/edits/{cut['id']}/task-types") == []
    production.call("GET", f"/data/edits/{project['first_episode_id']}/task-types", 404)


def test_edit_lists_need_a_project_of_the_caller(production, member):
    project = production.project()
    production.edit(project, "Cut 1")
    _, headers = member(project)
    assert production.call("GET", "/data/edits", 403, headers=headers).json[
        "message"] == FORBIDDEN
    assert len(production.get(f"/data/edits?project_id={project['id']}", headers=headers)) == 1


def test_delete_an_edit(production):
    project = production.project()
    cut = production.edit(project, "Cut 1")
    production.call("DELETE", f"/data/edits/{cut['id']}", 204)
    production.call("GET", f"/data/edits/{cut['id']}", 404)
