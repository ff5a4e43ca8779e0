"""gazu.task against a served Dopesheet: the tasks of a scene, and many comments posted at
once on a project's tasks with their previews and attachments."""

import gazu

from tests.compat.conftest import unique
from tests.compat.productions import production
from tests.compat.test_files import png_file


def test_tasks_and_task_types_of_a_scene(admin):
    project = gazu.project.new_project(unique("Scenes"), "featurefilm", client=admin)
    layout = gazu.task.new_task_type(unique("Scene layout"), "#336699", for_entity="Scene",
                                     client=admin)
    gazu.project.add_task_type(project, layout, 1, client=admin)
    sequence = gazu.shot.new_sequence(project, "SQ01", client=admin)
    scene = gazu.scene.new_scene(project, sequence, "SC01", client=admin)
    task = gazu.task.new_task(scene, layout, client=admin)
    assert [item["id"] for item in gazu.task.all_tasks_for_scene(scene, client=admin)] == [
        task["id"]]
    assert [item["id"] for item in gazu.task.all_task_types_for_scene(
        scene, client=admin)] == [layout["id"]]


def test_many_comments_at_once_with_their_files(admin, tmp_path):
    built = production(admin)
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    wfa = gazu.task.get_task_status_by_short_name("wfa", client=admin)
    notes = tmp_path / "notes.txt"
    notes.write_text("timing is off\n")
    picture = png_file(tmp_path, size=(160, 90))
    created = gazu.task.create_multiple_comments(built["project"], [
        {"task_id": built["shot_task"]["id"], "task_status_id": wfa["id"],
         "comment": "ready for review", "preview_files": [str(picture)]},
        {"task_id": built["asset_task"]["id"], "task_status_id": wip["id"],
         "comment": "see notes", "attachment_files": [str(notes)]},
    ], client=admin)
    assert [(item["object_id"], item["text"]) for item in created] == [
        (built["shot_task"]["id"], "ready for review"),
        (built["asset_task"]["id"], "see notes")]
    preview = created[0]["preview_files"][0]
    assert (preview["extension"], preview["width"], preview["height"]) == ("png", 160, 90)
    assert created[0]["previews"] == [preview["id"]]
    assert [item["name"] for item in created[1]["attachment_files"]] == ["notes.txt"]
    shot_task = gazu.task.get_task(built["shot_task"]["id"], client=admin)
    assert (shot_task["task_status_id"], shot_task["last_preview_file_id"]) == (
        wfa["id"], preview["id"])
