"""Named templates: set-file-tree stores a shipped template on the project as Zou 1.0.67
did, for the project's managers."""

import json

import pytest

from plugins.file_tree.settings import SHIPPED_FOLDER

DEFAULT = json.loads((SHIPPED_FOLDER / "default.json").read_text())


def set_tree(call, project_id, body, expected=200, headers=None):
    return call("POST", f"/actions/projects/{project_id}/set-file-tree", body, expected,
                headers)


def test_set_file_tree_stores_the_template_and_answers_the_project(call, built):
    project = set_tree(call, built["project"], {"tree_name": "default"})
    assert project["id"] == built["project"]
    assert project["type"] == "Project"
    assert project["file_tree"] == DEFAULT
    assert call("GET", f"/data/projects/{built['project']}")["file_tree"] == DEFAULT
    events = call("GET", "/data/events/last?limit=5")
    assert any(event["name"] == "project:update" for event in events)


@pytest.mark.parametrize("name", ["missing", "../config/file_trees/default", "", "default.json"])
def test_a_name_that_is_no_template_is_zous_400(call, built, name):
    answer = set_tree(call, built["project"], {"tree_name": name}, 400)
    assert answer["message"] == "Selected tree is not available"
    assert call("GET", f"/data/projects/{built['project']}")["file_tree"] is None


def test_tree_name_is_required_and_the_project_must_exist(call, built):
    assert set_tree(call, built["project"], {}, 400)["message"] == "Validation error."
    set_tree(call, "5f5d7c43-9a53-4c1f-a2b8-3d5b0f4a1e01", {"tree_name": "simple"}, 404)


def test_only_the_project_managers_set_a_tree(call, built, studio):
    artist = studio.person("user")
    call("POST", f"/data/projects/{built['project']}/team", {"person_id": artist.id}, 201)
    set_tree(call, built["project"], {"tree_name": "simple"}, 403, studio.headers(artist))
    manager = studio.person("manager")
    call("POST", f"/data/projects/{built['project']}/team", {"person_id": manager.id}, 201)
    set_tree(call, built["project"], {"tree_name": "simple"}, 200, studio.headers(manager))
