"""Output files: next and new revisions of an entity and of an asset instance in a scene,
their listings and the output types used, as Zou 1.0.97 answers them."""

from plugins.entities.models import AssetInstance

UNKNOWN = "d8a4e5b5-8b1f-4e6a-9e7a-3f2c1b0a9d8c"
OUTPUT_FILE_KEYS = [
    "shotgun_id", "name", "canceled", "size", "checksum", "description", "comment",
    "extension", "revision", "representation", "nb_elements", "source", "path", "data",
    "quality", "file_status_id", "entity_id", "asset_instance_id", "output_type_id",
    "task_type_id", "person_id", "source_file_id", "source_file", "temporal_entity_id", "id",
    "created_at", "updated_at", "type"]


class Outputs:
    """Output files of one target (``/data/entities/{id}`` or an instance in a scene)."""

    def __init__(self, prod, base, task_type_id, output_type):
        self.prod, self.base = prod, base
        self.key = {"output_type_id": output_type["id"], "task_type_id": task_type_id}

    def next(self, expected=200, **body):
        return self.prod.call("POST", f"{self.base}/output-files/next-revision", expected,
                              json={**self.key, **body}).json

    def new(self, expected=201, **body):
        return self.prod.post(f"{self.base}/output-files/new", {**self.key, **body},
                              expected)


def entity_outputs(prod, output_type=None):
    task_type_id = prod.task_type[("Modeling", "Asset")]
    return Outputs(prod, f"/data/entities/{prod.asset.id}", task_type_id,
                   output_type or prod.output_type())


def scene_instance(prod):
    scene = prod.entity("SC01", prod.kind["Scene"], parent=prod.sequence)
    with prod.app.dopesheet.activated():
        instance = AssetInstance.create(asset=prod.asset.id, scene=scene.id, number=1,
                                        name="hero_0001",
                                        entity_type=prod.asset.entity_type_id)
    return scene, instance


def test_next_and_new_revisions_of_an_entity(prod):
    outputs = entity_outputs(prod)
    assert outputs.next() == {"next_revision": 1}
    first = outputs.new(extension=".abc", representation="abc", comment="publish",
                        path="/export/hero/geo/hero_geo_main.abc")
    assert list(first) == OUTPUT_FILE_KEYS + ["folder_path", "file_name"]
    assert (first["folder_path"], first["file_name"]) == ("/export/hero/geo", "hero_geo_main.abc")
    assert first["path"] == "/export/hero/geo/hero_geo_main.abc"
    assert first["revision"] == 1 and first["representation"] == "abc"
    status = prod.get(f"/data/file-status/{first['file_status_id']}")
    assert (status["name"], status["color"]) == ("To review", "#FFFFFF")
    assert outputs.next() == {"next_revision": 2}
    assert outputs.new()["revision"] == 2
    assert outputs.next(name="other") == {"next_revision": 1}
    assert outputs.new(revision=7)["revision"] == 7
    assert outputs.next() == {"next_revision": 8}


def test_new_output_file_refusals(prod):
    outputs = entity_outputs(prod)
    outputs.new(representation="abc")
    taken = outputs.new(revision=1, representation="abc", expected=400)
    assert taken["message"] == "The given output file already exists."
    assert outputs.new(output_type_id=UNKNOWN, expected=400)["message"] == (
        "Cannot find given output type.")
    assert outputs.new(person_id=UNKNOWN, expected=400)["message"] == (
        "Cannot find given person.")
    outputs.new(task_type_id=UNKNOWN, expected=404)
    outputs.next(output_type_id=UNKNOWN, expected=404)
    missing = prod.call("POST", f"/data/entities/{prod.asset.id}/output-files/next-revision",
                        400, json={"name": "main"}).json
    assert {error["field"] for error in missing["data"]["errors"]} == {
        "output_type_id", "task_type_id"}
    prod.call("POST", f"/data/entities/{UNKNOWN}/output-files/next-revision", 404,
              json=outputs.key)


def test_an_output_file_nests_its_source_working_file(prod):
    task = prod.asset_task()
    working = prod.working_file(task)
    outputs = entity_outputs(prod)
    created = outputs.new(working_file_id=working["id"])
    assert created["source_file_id"] == working["id"]
    assert created["source_file"]["id"] == working["id"]
    assert created["source_file"]["type"] == "WorkingFile"
    assert outputs.new()["source_file"] is None
    generic = prod.get(f"/data/output-files/{created['id']}")
    assert generic["source_file"]["id"] == working["id"]


def test_listings_of_an_entity(prod):
    geometry = prod.output_type("Geometry")
    cache = prod.output_type("Cache")
    outputs = entity_outputs(prod, geometry)
    caches = entity_outputs(prod, cache)
    first = outputs.new(representation="abc")
    second = outputs.new(representation="abc")
    usd = outputs.new(representation="usd")
    cached = caches.new()
    base = f"/data/entities/{prod.asset.id}"
    listed = prod.get(f"{base}/output-files")
    assert sorted(item["id"] for item in listed) == sorted(
        [first["id"], second["id"], usd["id"], cached["id"]])
    assert [item["id"] for item in prod.get(f"{base}/output-files?representation=usd")] == [
        usd["id"]]
    last = prod.get(f"{base}/output-files/last-revisions")
    assert sorted(item["id"] for item in last) == sorted([second["id"], usd["id"],
                                                          cached["id"]])
    assert [item["name"] for item in prod.get(f"{base}/output-types")] == ["Cache",
                                                                          "Geometry"]
    of_type = prod.get(f"{base}/output-types/{geometry['id']}/output-files")
    assert [item["revision"] for item in of_type if item["representation"] == "abc"] == [2, 1]
    assert [item["id"] for item in prod.get(
        f"{base}/output-types/{geometry['id']}/output-files?representation=usd")] == [usd["id"]]
    project = prod.get(f"/data/projects/{prod.project_id}/output-files")
    assert [item["id"] for item in project] == [cached["id"], usd["id"], second["id"],
                                                first["id"]]


def test_output_files_of_an_asset_instance_in_a_scene(prod):
    scene, instance = scene_instance(prod)
    output_type = prod.output_type()
    task_type_id = prod.task_type[("Modeling", "Asset")]
    base = f"/data/asset-instances/{instance.id}/entities/{scene.id}"
    in_scene = Outputs(prod, base, task_type_id, output_type)
    of_asset = entity_outputs(prod, output_type)
    assert in_scene.next() == {"next_revision": 1}
    created = in_scene.new()
    assert (created["asset_instance_id"], created["temporal_entity_id"],
            created["entity_id"], created["revision"]) == (instance.id, scene.id,
                                                           prod.asset.id, 1)
    assert in_scene.next() == {"next_revision": 2}
    assert of_asset.next() == {"next_revision": 2}
    assert in_scene.new()["revision"] == 2
    assert [item["name"] for item in prod.get(f"{base}/output-types")] == ["Geometry"]
    assert [item["revision"] for item in prod.get(f"{base}/output-files/last-revisions")] == [2]
    assert [item["revision"] for item in prod.get(
        f"{base}/output-types/{output_type['id']}/output-files")] == [2, 1]
    listed = prod.get(f"/data/asset-instances/{instance.id}/output-files"
                      f"?temporal_entity_id={scene.id}")
    assert [item["revision"] for item in listed] == [2, 1]
    assert prod.get(f"/data/entities/{prod.asset.id}/output-files") == []
    prod.get(f"/data/asset-instances/{UNKNOWN}/entities/{scene.id}/output-types",
             expected=404)


def test_generic_output_file_routes(prod):
    created = entity_outputs(prod).new()
    invalid = prod.put(f"/data/output-files/{created['id']}", {"quality": "best"},
                       expected=400)
    assert invalid["message"] == "Invalid quality"
    updated = prod.put(f"/data/output-files/{created['id']}", {"quality": "high",
                                                               "size": 1024})
    assert (updated["quality"], updated["size"]) == ("high", 1024)


def test_output_files_need_project_membership(prod):
    outputs = entity_outputs(prod)
    outputs.new()
    outsider = prod.studio.headers(prod.studio.person("user"))
    base = f"/data/entities/{prod.asset.id}"
    prod.get(f"{base}/output-files", headers=outsider, expected=403)
    prod.call("POST", f"{base}/output-files/new", 403, outsider, json=outputs.key)
    _, artist = prod.member("user")
    assert len(prod.get(f"{base}/output-files", headers=artist)) == 1
    prod.get(f"/data/projects/{prod.project_id}/output-files", headers=artist, expected=403)
