"""gazu.files and the file parts of gazu.task against a served Dopesheet: softwares, output
types, file statuses, working and output files, comment attachments and previews, with
uploads and downloads compared byte for byte. (The path-building functions belong to the
file-tree plugin's tests.)"""

import io

import gazu
import pytest
from PIL import Image

from tests.compat.conftest import unique


@pytest.fixture
def production(admin):
    """A project with a character and its modeling task, a scene and an instance of the
    character in it."""
    project = gazu.project.new_project(unique("Files"), "featurefilm", client=admin)
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset", client=admin)
    gazu.project.add_task_type(project, modeling, 1, client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    asset = gazu.asset.new_asset(project, character, "Hero", client=admin)
    task = gazu.task.new_task(asset, modeling, client=admin)
    sequence = gazu.shot.new_sequence(project, "SQ01", client=admin)
    scene = gazu.scene.new_scene(project, sequence, "SC01", client=admin)
    instance = gazu.scene.new_scene_asset_instance(scene, asset, client=admin)
    return {"project": project, "asset": asset, "task": task, "modeling": modeling,
            "scene": scene, "instance": instance}


def png_file(directory, name="frame.png", size=(64, 40)):
    path = directory / name
    Image.new("RGB", size, (10, 120, 200)).save(path, "PNG")
    return path


def test_softwares_output_types_and_file_statuses(admin):
    name = unique("Maya")
    software = gazu.files.new_software(name, "ma", ".ma", client=admin)
    assert gazu.files.get_software(software["id"], client=admin)["name"] == name
    assert gazu.files.get_software_by_name(name, client=admin)["id"] == software["id"]
    assert software["id"] in [item["id"] for item in gazu.files.all_softwares(client=admin)]
    updated = gazu.files.update_software({**software, "version": "2025"}, client=admin)
    assert updated["version"] == "2025"
    output_name = unique("Cache")
    output_type = gazu.files.new_output_type(output_name, "cch", client=admin)
    assert gazu.files.get_output_type(output_type["id"], client=admin)["name"] == output_name
    assert gazu.files.get_output_type_by_name(output_name, client=admin)["id"] == (
        output_type["id"])
    assert output_type["id"] in [item["id"]
                                 for item in gazu.files.all_output_types(client=admin)]
    status_name = unique("Approved")
    status = gazu.files.new_file_status(status_name, "#00FF00", client=admin)
    assert gazu.files.get_file_status(status["id"], client=admin)["color"] == "#00FF00"
    assert gazu.files.get_file_status_by_name(status_name, client=admin)["id"] == status["id"]


def test_working_files_round_trip(admin, production, tmp_path):
    task = production["task"]
    software = gazu.files.new_software(unique("Blend"), "bl", ".blend", client=admin)
    first = gazu.files.new_working_file(task, software=software, comment="first",
                                        client=admin)
    second = gazu.files.new_working_file(task, client=admin)
    layout = gazu.files.new_working_file(task, name="layout", client=admin)
    assert (first["revision"], second["revision"], layout["revision"]) == (1, 2, 1)
    assert first["software_id"] == software["id"]
    assert [item["revision"] for item in gazu.files.get_working_files_for_task(
        task, client=admin)] == [2, 1, 1]
    last = gazu.files.get_last_working_files(task, client=admin)
    assert {name: item["id"] for name, item in last.items()} == {"main": second["id"],
                                                                  "layout": layout["id"]}
    assert gazu.files.get_last_working_file_revision(task, client=admin)["id"] == (
        second["id"])
    assert gazu.files.get_working_file(first["id"], client=admin)["comment"] == "first"
    assert gazu.files.update_comment(first, "reviewed", client=admin)["comment"] == "reviewed"
    touched = gazu.files.update_modification_date(first, client=admin)
    assert touched["updated_at"] >= first["updated_at"]
    of_entity = gazu.files.get_all_working_files_for_entity(production["asset"],
                                                            client=admin)
    assert {item["id"] for item in of_entity} == {first["id"], second["id"], layout["id"]}
    content = bytes(range(256)) * 2048
    source = tmp_path / "hero.blend"
    source.write_bytes(content)
    uploaded = gazu.files.upload_working_file(first, str(source), client=admin)
    assert uploaded["id"] == first["id"]
    target = tmp_path / "downloaded.blend"
    gazu.files.download_working_file(first, str(target), client=admin)
    assert target.read_bytes() == content


def test_output_files_of_an_entity(admin, production):
    asset, modeling = production["asset"], production["modeling"]
    output_type = gazu.files.new_output_type(unique("Geometry"), "geo", client=admin)
    working = gazu.files.new_working_file(production["task"], client=admin)
    assert gazu.files.get_next_entity_output_revision(asset, output_type, modeling,
                                                      client=admin) == 1
    assert gazu.files.get_last_entity_output_revision(asset, output_type, modeling,
                                                      client=admin) == 0
    first = gazu.files.new_entity_output_file(asset, output_type, modeling, "publish",
                                              working_file=working, representation="abc",
                                              client=admin)
    assert (first["revision"], first["source_file"]["id"]) == (1, working["id"])
    second = gazu.files.new_entity_output_file(asset, output_type, modeling, "again",
                                               representation="abc", client=admin)
    assert second["revision"] == 2
    assert gazu.files.get_next_entity_output_revision(asset, output_type, modeling,
                                                      client=admin) == 3
    assert gazu.files.get_last_entity_output_revision(asset, output_type, modeling,
                                                      client=admin) == 2
    with pytest.raises(gazu.exception.ParameterException):
        gazu.files.new_entity_output_file(asset, output_type, modeling, "taken",
                                          revision=1, representation="abc", client=admin)
    last = gazu.files.get_last_output_files_for_entity(asset, client=admin)
    assert [item["id"] for item in last] == [second["id"]]
    listed = gazu.files.all_output_files_for_entity(asset, output_type=output_type,
                                                    client=admin)
    assert [item["revision"] for item in listed] == [2, 1]
    assert [item["id"] for item in gazu.files.all_output_types_for_entity(
        asset, client=admin)] == [output_type["id"]]
    assert gazu.files.get_output_file(first["id"], client=admin)["comment"] == "publish"
    updated = gazu.files.update_output_file(first, {"quality": "high"}, client=admin)
    assert updated["quality"] == "high"
    in_project = gazu.files.all_output_files_for_project(production["project"], client=admin)
    assert {item["id"] for item in in_project} == {first["id"], second["id"]}


def test_output_files_of_an_asset_instance(admin, production):
    instance, scene, modeling = production["instance"], production["scene"], (
        production["modeling"])
    output_type = gazu.files.new_output_type(unique("Anim cache"), "ach", client=admin)
    assert gazu.files.get_next_asset_instance_output_revision(
        instance, scene, output_type, modeling, client=admin) == 1
    created = gazu.files.new_asset_instance_output_file(instance, scene, output_type,
                                                        modeling, "baked", client=admin)
    assert (created["asset_instance_id"], created["temporal_entity_id"],
            created["revision"], created["name"]) == (instance["id"], scene["id"], 1,
                                                      "master")
    assert gazu.files.get_last_asset_instance_output_revision(
        instance, scene, output_type, modeling, client=admin) == 1
    last = gazu.files.get_last_output_files_for_asset_instance(instance, scene, client=admin)
    assert [item["id"] for item in last] == [created["id"]]
    assert [item["id"] for item in gazu.files.all_output_types_for_asset_instance(
        instance, scene, client=admin)] == [output_type["id"]]
    listed = gazu.files.all_output_files_for_asset_instance(instance, scene, client=admin)
    assert [item["id"] for item in listed] == [created["id"]]


def test_comment_attachments_round_trip(admin, production, tmp_path):
    task = production["task"]
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    notes = tmp_path / "notes.txt"
    notes.write_bytes("Notes ü\n".encode() * 500)
    comment = gazu.task.add_comment(task, wip, "see notes", attachments=[str(notes)],
                                    client=admin)
    attachment = comment["attachment_files"][0]
    assert (attachment["name"], attachment["size"]) == ("notes.txt", notes.stat().st_size)
    target = tmp_path / "back.txt"
    gazu.files.download_attachment_file(attachment, str(target), client=admin)
    assert target.read_bytes() == notes.read_bytes()
    picture = png_file(tmp_path)
    data = tmp_path / "data.bin"
    data.write_bytes(bytes(range(256)) * 300)
    added = gazu.task.add_attachment_files_to_comment(task, comment, [str(picture), str(data)],
                                                      client=admin)
    by_name = {item["name"]: item for item in added}
    assert {"frame.png", "data.bin"} <= set(by_name)
    gazu.files.download_attachment_file(by_name["data.bin"], str(target), client=admin)
    assert target.read_bytes() == data.read_bytes()
    assert gazu.files.get_attachment_file(by_name["frame.png"]["id"], client=admin)[
        "comment_id"] == comment["id"]
    listed = gazu.files.get_all_attachment_files_for_task(task, client=admin)
    assert {item["name"] for item in listed} == {"notes.txt", "frame.png", "data.bin"}


def test_previews_round_trip(admin, production, tmp_path):
    task, asset = production["task"], production["asset"]
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    comment = gazu.task.add_comment(task, wip, "first take", client=admin)
    picture = png_file(tmp_path, size=(320, 200))
    preview = gazu.task.add_preview(task, comment, str(picture), client=admin)
    assert (preview["status"], preview["extension"], preview["width"], preview["height"],
            preview["revision"]) == ("ready", "png", 320, 200, 1)
    original = tmp_path / "original.png"
    gazu.files.download_preview_file(preview, str(original), client=admin)
    assert original.read_bytes() == picture.read_bytes()
    thumbnail = tmp_path / "thumbnail.png"
    gazu.files.download_preview_file_thumbnail(preview, str(thumbnail), client=admin)
    assert Image.open(thumbnail).size == (150, 100)
    cover = tmp_path / "cover.png"
    gazu.files.download_preview_file_cover(preview, str(cover), client=admin)
    assert cover.read_bytes() == picture.read_bytes()
    entity = gazu.task.set_main_preview(preview, client=admin)
    assert entity["preview_file_id"] == preview["id"]
    assert gazu.asset.get_asset(asset["id"], client=admin)["preview_file_id"] == preview["id"]
    assert gazu.files.get_preview_file(preview["id"], client=admin)["task_id"] == task["id"]
    document = tmp_path / "brief.pdf"
    document.write_bytes(b"%PDF-1.4\n" + bytes(range(256)) * 40)
    empty = gazu.task.create_preview(task, comment, client=admin)
    uploaded = gazu.task.upload_preview_file(empty, str(document), client=admin)
    assert (uploaded["extension"], uploaded["file_size"]) == ("pdf", document.stat().st_size)
    back = tmp_path / "back.pdf"
    gazu.files.download_preview_file(uploaded, str(back), client=admin)
    assert back.read_bytes() == document.read_bytes()
    previews = gazu.files.get_all_preview_files_for_task(task, client=admin)
    assert {item["id"] for item in previews} == {preview["id"], uploaded["id"]}
    gazu.files.remove_preview_file(uploaded, client=admin)
    assert [item["id"] for item in gazu.files.get_all_preview_files_for_task(
        task, client=admin)] == [preview["id"]]


def test_publish_preview_with_a_jpeg(admin, production, tmp_path):
    task = production["task"]
    wfa = gazu.task.get_task_status_by_short_name("wfa", client=admin)
    jpeg = tmp_path / "still.jpg"
    Image.new("RGB", (90, 60), (200, 30, 30)).save(jpeg, "JPEG")
    comment, preview = gazu.task.publish_preview(task, wfa, "please review",
                                                 preview_file_path=str(jpeg), client=admin)
    assert comment["task_status_id"] == wfa["id"]
    assert (preview["extension"], preview["width"], preview["height"]) == ("png", 90, 60)
    target = tmp_path / "still.png"
    gazu.files.download_preview_file(preview, str(target), client=admin)
    assert Image.open(io.BytesIO(target.read_bytes())).size == (90, 60)
