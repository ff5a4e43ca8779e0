"""The generic routes of the plugin's models (``/data/<plural>``), with what Zou adds."""

import pytest

from .conftest import picture

SOFTWARE_KEYS = ["name", "short_name", "archived", "version", "file_extension",
                 "secondary_extensions", "monthly_cost", "inventory_amount", "id", "created_at",
                 "updated_at", "type"]


def test_softwares(prod):
    created = prod.post("/data/softwares", {"name": "Maya", "short_name": "ma",
                                            "file_extension": ".ma"})
    assert list(created) == SOFTWARE_KEYS
    assert (created["archived"], created["monthly_cost"], created["type"]) == (
        False, 0, "Software")
    duplicate = prod.post("/data/softwares", {"name": "Maya", "short_name": "m",
                                              "file_extension": ".mb"}, expected=400)
    assert duplicate["message"] == "A record with the same unique values already exists."
    prod.post("/data/softwares", {"name": "Houdini"}, expected=400)
    updated = prod.put(f"/data/softwares/{created['id']}", {"version": "2025"})
    assert updated["version"] == "2025"
    assert prod.get(f"/data/softwares/{created['id']}")["version"] == "2025"
    assert [item["name"] for item in prod.get("/data/softwares")] == ["Maya"]


@pytest.mark.parametrize("plural,body,kind", [
    ("output-types", {"name": "Cache", "short_name": "cch"}, "OutputType"),
    ("file-status", {"name": "Approved", "color": "#00FF00"}, "FileStatus"),
])
def test_reference_lists_anyone_reads_and_admins_write(prod, plural, body, kind):
    created = prod.post(f"/data/{plural}", body)
    assert created["type"] == kind
    _, artist = prod.member("user")
    assert [item["id"] for item in prod.get(f"/data/{plural}", headers=artist)] == [
        created["id"]]
    prod.post(f"/data/{plural}", {**body, "name": "Other"}, expected=403, headers=artist)
    prod.delete(f"/data/{plural}/{created['id']}")
    assert prod.get(f"/data/{plural}") == []


def test_working_files_generic_routes(prod):
    task = prod.asset_task()
    created = prod.working_file(task)
    assert prod.get(f"/data/working-files/{created['id']}")["outputs"] == []
    refused = prod.put(f"/data/working-files/{created['id']}",
                       {"validation_status": "perfect"}, expected=400)
    assert refused["message"] == "Invalid validation_status"
    assert prod.put(f"/data/working-files/{created['id']}",
                    {"validation_status": "validated"})["validation_status"] == "validated"
    listed = prod.get("/data/working-files?relations=true")
    assert [item["outputs"] for item in listed] == [[]]
    page = prod.get("/data/working-files?relations=true&page=1")
    assert [item["outputs"] for item in page["data"]] == [[]]
    assert "outputs" not in prod.get("/data/working-files")[0]
    outsider = prod.studio.headers(prod.studio.person("user"))
    assert prod.get("/data/working-files", headers=outsider) == []
    _, artist = prod.member("user")
    assert [item["id"] for item in prod.get("/data/working-files", headers=artist)] == [
        created["id"]]


def test_preview_files_generic_routes(prod):
    task = prod.shot_task()
    comment = prod.comment(task, "wip", "take")
    preview = prod.preview(task, comment)
    prod.upload(f"/pictures/preview-files/{preview['id']}", {"file": ("f.png", picture())})
    found = prod.get(f"/data/preview-files/{preview['id']}")
    assert found["comments"] == [comment["id"]]
    assert [item["comments"] for item in prod.get("/data/preview-files?relations=true")] == [
        [comment["id"]]]
    refused = prod.put(f"/data/preview-files/{preview['id']}", {"status": "lost"},
                       expected=400)
    assert refused["message"] == "Invalid status"
    outsider = prod.studio.headers(prod.studio.person("user"))
    assert prod.get("/data/preview-files", headers=outsider) == []
    prod.delete(f"/data/preview-files/{preview['id']}")
    assert prod.get(f"/data/comments/{comment['id']}")["previews"] == []


def test_preview_background_file_names_are_unique(prod):
    prod.post("/data/preview-background-files", {"name": "Sky"})
    refused = prod.post("/data/preview-background-files", {"name": "Sky"}, expected=400)
    assert refused == {"error": True, "data": None,
                       "message": "A preview background file with similar name already "
                                  "exists"}
