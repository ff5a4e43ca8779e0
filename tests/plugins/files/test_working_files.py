"""Working files: a task's revisions, their listings, comment and modification date, and
their stored content, as Zou 1.0.97 answers them."""

import re

from tests.plugins.tasks.conftest import ZOU_DATE

from .conftest import picture

UNKNOWN = "d8a4e5b5-8b1f-4e6a-9e7a-3f2c1b0a9d8c"
WORKING_FILE_KEYS = ["shotgun_id", "name", "description", "comment", "revision", "size",
                     "checksum", "path", "data", "validation_status", "task_id", "entity_id",
                     "person_id", "software_id", "id", "created_at", "updated_at", "type"]


def test_new_working_files_take_the_next_revision_of_their_name(prod):
    task = prod.asset_task()
    software = prod.post("/data/softwares", {"name": "Maya", "short_name": "ma",
                                             "file_extension": ".ma"})
    first = prod.working_file(task, comment="first", software_id=software["id"],
                              path="/prod/hero/modeling/hero_v001")
    second = prod.working_file(task)
    other = prod.working_file(task, name="layout")
    assert list(first) == WORKING_FILE_KEYS
    assert (first["revision"], second["revision"], other["revision"]) == (1, 2, 1)
    assert first["comment"] == "first" and first["software_id"] == software["id"]
    assert first["path"] == "/prod/hero/modeling/hero_v001"
    assert first["entity_id"] == prod.asset.id and first["task_id"] == task["id"]
    assert first["type"] == "WorkingFile"
    assert re.match(ZOU_DATE, first["created_at"])


def test_a_new_working_file_defaults_to_blender_and_assigns_the_caller(prod):
    task = prod.asset_task()
    artist, headers = prod.member("user")
    prod.assign(task, artist)
    created = prod.working_file(task, headers=headers)
    software = prod.get(f"/data/softwares/{created['software_id']}")
    assert software["name"] == "Blender" and software["file_extension"] == ".blend"
    assert created["person_id"] == artist.id
    manager, manager_headers = prod.member("manager")
    prod.working_file(task, headers=manager_headers)
    assigned = prod.get(f"/data/tasks/{task['id']}")["assignees"]
    assert manager.id in assigned


def test_new_working_file_refusals(prod):
    task = prod.asset_task()
    prod.working_file(task)
    missing = prod.post(f"/data/tasks/{task['id']}/working-files/new", {}, expected=400)
    assert missing["data"]["errors"] == [{"field": "name", "message": "Field required"}]
    taken = prod.working_file(task, revision=1, expected=400)
    assert taken["message"] == "The given working file already exists."
    prod.working_file(task, software_id=UNKNOWN, expected=404)
    prod.post(f"/data/tasks/{UNKNOWN}/working-files/new", {"name": "main"}, expected=404)


def test_listings_of_working_files(prod):
    task = prod.asset_task()
    first = prod.working_file(task)
    second = prod.working_file(task)
    layout = prod.working_file(task, name="layout")
    listed = prod.get(f"/data/tasks/{task['id']}/working-files")
    assert [item["revision"] for item in listed] == [2, 1, 1]
    assert listed[0]["id"] == second["id"]
    assert sorted(item["id"] for item in listed) == sorted(
        [first["id"], second["id"], layout["id"]])
    last = prod.get(f"/data/tasks/{task['id']}/working-files/last-revisions")
    assert {name: item["id"] for name, item in last.items()} == {
        "main": second["id"], "layout": layout["id"]}
    of_entity = prod.get(f"/data/entities/{prod.asset.id}/working-files?name=main")
    assert [item["id"] for item in of_entity] == [second["id"], first["id"]]
    assert "outputs" not in of_entity[0]
    related = prod.get(f"/data/entities/{prod.asset.id}/working-files?relations=true"
                       f"&task_id={task['id']}")
    assert all(item["outputs"] == [] for item in related) and len(related) == 3


def test_comment_and_modification_date(prod, clock_control):
    task = prod.asset_task()
    created = prod.working_file(task)
    changed = prod.put(f"/actions/working-files/{created['id']}/comment",
                       {"comment": "changed"})
    assert changed["comment"] == "changed" and "outputs" not in changed
    prod.put(f"/actions/working-files/{created['id']}/comment", {}, expected=400)
    clock_control.advance(minutes=5)
    touched = prod.put(f"/actions/working-files/{created['id']}/modified", {})
    assert touched["updated_at"] > changed["updated_at"]
    assert touched["comment"] == "changed"


def test_a_file_by_id_is_a_working_or_an_output_file(prod):
    task = prod.asset_task()
    created = prod.working_file(task)
    found = prod.get(f"/data/files/{created['id']}")
    assert found["id"] == created["id"] and found["outputs"] == []
    output_type = prod.output_type()
    output = prod.post(f"/data/entities/{prod.asset.id}/output-files/new", {
        "output_type_id": output_type["id"], "task_type_id": task["task_type_id"],
        "working_file_id": created["id"]})
    assert prod.get(f"/data/files/{created['id']}")["outputs"] == [output["id"]]
    assert prod.get(f"/data/files/{output['id']}")["type"] == "OutputFile"
    prod.get(f"/data/files/{UNKNOWN}", expected=404)


def test_content_round_trips_byte_for_byte(prod):
    task = prod.asset_task()
    created = prod.working_file(task)
    prod.download(f"/data/working-files/{created['id']}/file", expected=404)
    content = bytes(range(256)) * 4096 + picture()
    answer = prod.upload(f"/data/working-files/{created['id']}/file",
                         {"file": ("scene.blend", content)})
    assert answer["id"] == created["id"] and answer["outputs"] == []
    downloaded = prod.download(f"/data/working-files/{created['id']}/file")
    assert downloaded.content == content
    assert downloaded.headers["content-type"] == "application/octet-stream"


def test_working_files_follow_task_access(prod):
    task = prod.asset_task()
    created = prod.working_file(task)
    outsider_person = prod.studio.person("user")
    outsider = prod.studio.headers(outsider_person)
    prod.get(f"/data/tasks/{task['id']}/working-files", headers=outsider, expected=403)
    prod.working_file(task, headers=outsider, expected=403)
    prod.call("PUT", f"/actions/working-files/{created['id']}/comment", 403, outsider,
              json={"comment": "no"})
    prod.download(f"/data/working-files/{created['id']}/file", expected=403,
                  headers=outsider)
