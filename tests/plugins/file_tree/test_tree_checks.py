"""Bad trees: refused with a 400 saying what is wrong when they are stored, and a 400 (never
a 500) when a tree stored before cannot build a path."""

import copy
import json

import pytest

from plugins.entities.models import Project
from plugins.file_tree.settings import SHIPPED_FOLDER

SIMPLE = json.loads((SHIPPED_FOLDER / "simple.json").read_text())


def put_tree(call, project_id, tree, expected=200):
    return call("PUT", f"/data/projects/{project_id}", {"file_tree": tree}, expected)


def changed(**edits):
    """The simple tree with ``edits`` (``"output.file_name.shot": value``; None deletes)."""
    tree = copy.deepcopy(SIMPLE)
    for where, value in edits.items():
        *parents, last = where.split(".")
        node = tree
        for key in parents:
            node = node[key]
        if value is None:
            del node[last]
        else:
            node[last] = value
    return tree


@pytest.mark.parametrize("tree, message", [
    (changed(**{"output.file_name.sequence": "<Project>_<OuputType>"}),
     "output.file_name.sequence: unknown variable <OuputType>"),
    (changed(**{"working.folder_path.shot": "<Project>/<>/<Shot>"}),
     "working.folder_path.shot: unknown variable <>"),
    (changed(output=None), "the output section is missing"),
    (changed(**{"working.root": 3}), "working.root must be a string"),
    (changed(**{"working.mountpoint": None}), "working.mountpoint must be a string"),
    (changed(**{"output.folder_path": ["<Project>"]}),
     "output.folder_path must be an object of templates"),
    (changed(**{"preview.file_name": None}), "preview.file_name must be an object of templates"),
    (changed(**{"output.file_name.shot": 12}), "output.file_name.shot must be a string"),
    (changed(**{"output.file_name.shots": "<Shot>"}),
     "output.file_name.shots is not a kind of entity"),
    (changed(**{"working.folders": {}}), "working.folders is not a part of a mode"),
    (changed(preview="/mnt"), "preview must be an object"),
    (["working", "output"], "the tree must be an object of modes"),
])
def test_a_bad_tree_is_refused_saying_what_is_wrong(call, built, tree, message):
    answer = put_tree(call, built["project"], tree, 400)
    assert answer["message"].startswith("Invalid file tree: ")
    assert any(problem.startswith(message) for problem in answer["data"]), answer
    assert call("GET", f"/data/projects/{built['project']}")["file_tree"] is None


def test_every_problem_is_named(call, built):
    tree = changed(**{"working.root": 3, "output.file_name.shot": "<Nope>"})
    assert put_tree(call, built["project"], tree, 400)["data"] == [
        "working.root must be a string", "output.file_name.shot: unknown variable <Nope>"]


def test_a_new_project_with_a_bad_tree_is_not_created(call):
    call("POST", "/data/projects", {"name": "Bad Tree", "file_tree": {"working": {}}}, 400)
    assert call("GET", "/data/projects?name=Bad Tree") == []


def test_a_good_tree_is_stored_and_null_clears_it(call, built):
    tree = changed(**{"working.folder_path.style": "uppercase",
                      "output.file_name.asset": "<Asset.id>_<Instance.number>_<Department>"})
    assert put_tree(call, built["project"], tree)["file_tree"] == tree
    assert put_tree(call, built["project"], None)["file_tree"] is None


@pytest.fixture
def stored(app, built):
    """Store a tree as a project template or an older version could have: unchecked."""
    def store(tree):
        with app.dopesheet.activated():
            Project.update(file_tree=tree).where(Project.id == built["project"]).execute()
    return store


def working_path(call, built, expected=400, **body):
    return call("POST", f"/data/tasks/{built['task:shot']}/working-file-path", body, expected)


def output_path(call, built, expected=400, entity="shot", **body):
    return call("POST", f"/data/entities/{built[entity]}/output-file-path",
                {"output_type_id": built["output_type"], "task_type_id": built["task_type"],
                 **body}, expected)


def test_no_tree_is_zous_400(call, built):
    answer = working_path(call, built, name="main")
    assert answer["message"] == "No tree can be found for given project."
    assert answer["received_data"] == {"name": "main"}
    answer = call("POST", "/data/entities/guess_from_path",
                  {"project_id": built["project"], "file_path": "/simple/x"}, 400)
    assert answer["message"] == "No tree can be found for given project."


def test_a_stored_tree_naming_an_unknown_variable_is_zous_400(call, built, stored):
    stored(changed(**{"output.file_name.shot": "<Project>_<OuputType>"}))
    answer = output_path(call, built)
    assert answer["message"] == "Unknown data type: OuputType."
    assert answer["received_data"]["output_type_id"] == built["output_type"]


@pytest.mark.parametrize("tree, message", [
    (changed(working=None), "Mode working cannot be found on given tree."),
    (changed(**{"working.root": None}), "Can't find given mode (working) in given tree."),
    (changed(**{"working.folder_path": None}), "The file tree has no working.folder_path section."),
    (changed(**{"working.file_name": "x"}), "The file tree has no working.file_name section."),
    (changed(**{"working.folder_path.shot": None}),
     "The file tree has no working.folder_path.shot template."),
    (changed(**{"working.file_name.shot": ["<Shot>"]}),
     "The file tree has no working.file_name.shot template."),
    ([1, 2], "Mode working cannot be found on given tree."),
])
def test_a_stored_tree_missing_a_part_is_a_400(call, built, stored, tree, message):
    stored(tree)
    assert working_path(call, built)["message"] == message


def test_the_working_mode_is_the_clients(call, built, stored):
    stored(SIMPLE)
    assert working_path(call, built, mode="archive")["message"] == (
        "Mode archive cannot be found on given tree.")


def test_variables_the_path_cannot_know_are_400s(call, built, stored):
    stored(changed(**{"output.file_name.shot": "<Task>", "output.file_name.scene": "<Shot.number>",
                      "working.file_name.asset": "<Project.short_name>"}))
    assert output_path(call, built)["message"] == (
        "The variable <Task> is only known for working files.")
    assert output_path(call, built, entity="scene")["message"] == (
        "The variable <Shot.number> cannot be read: Entity has no number.")
    answer = call("POST", f"/data/tasks/{built['task:asset']}/working-file-path", {}, 400)
    assert answer["message"] == (
        "The variable <Project.short_name> cannot be read: Project has no short_name.")


def test_an_asset_type_of_a_non_asset_is_zous_404(call, built, stored):
    stored(SIMPLE)
    call("POST", f"/data/tasks/{built['task:edit']}/working-file-path", {}, 404)
    output_path(call, built, 404, entity="edit")


def test_unknown_rows_are_404s_and_ids_are_required(call, built, stored):
    stored(SIMPLE)
    unknown = "5f5d7c43-9a53-4c1f-a2b8-3d5b0f4a1e01"
    call("POST", f"/data/tasks/{unknown}/working-file-path", {}, 404)
    working_path(call, built, 404, software_id=unknown)
    output_path(call, built, 404, output_type_id=unknown)
    output_path(call, built, 404, task_type_id="nope")
    call("POST", f"/data/entities/{built['shot']}/output-file-path", {}, 400)
    call("POST", f"/data/asset-instances/{unknown}/entities/{built['shot']}/output-file-path",
         {"output_type_id": built["output_type"], "task_type_id": built["task_type"]}, 404)
    call("POST", "/data/entities/guess-from-path", {"project_id": unknown, "file_path": "/x"},
         404)
    call("POST", "/data/entities/guess-from-path", {"project_id": built["project"]}, 400)


def test_a_tree_sent_back_unchanged_is_not_checked_again(call, built, stored):
    """gazu sends whole projects back: a tree stored before (by a template, or while the
    plugin was off) does not block the project's other changes."""
    old = changed(**{"output.file_name.shot": "<OuputType>"})
    stored(old)
    project = call("GET", f"/data/projects/{built['project']}")
    updated = call("PUT", f"/data/projects/{built['project']}",
                   {**project, "description": "Renamed"})
    assert (updated["description"], updated["file_tree"]) == ("Renamed", old)
    put_tree(call, built["project"], changed(**{"output.file_name.shot": "<Nope>"}), 400)


def test_project_templates_are_checked_too(call):
    bad = changed(**{"working.file_name.asset": "<Nope>"})
    answer = call("POST", "/data/project-templates", {"name": "Bad", "file_tree": bad}, 400)
    assert answer["data"] == ["working.file_name.asset: unknown variable <Nope>"]
    template = call("POST", "/data/project-templates", {"name": "Good", "file_tree": SIMPLE})
    call("PUT", f"/data/project-templates/{template['id']}", {"file_tree": bad}, 400)
    assert call("GET", f"/data/project-templates/{template['id']}")["file_tree"] == SIMPLE
