"""Asset instances: in a scene, inside an asset, held by shots; grouped answers as Zou's."""

import pytest

from tests.plugins.entities.zou_shapes import ASSET_INSTANCE


@pytest.fixture
def stage(production):
    project = production.project()
    sequence = production.sequence(project)
    scene = production.scene(project, sequence)
    shot = production.shot(project, sequence)
    hero = production.asset(project, "Hero")
    crate = production.asset(project, "Crate", "Prop")
    return project, scene, shot, hero, crate


def test_scene_instances_are_numbered_per_asset_and_grouped(production, stage):
    _, scene, _, hero, crate = stage
    path = f"/data/scenes/{scene['id']}/asset-instances"
    first = production.post(path, {"asset_id": hero["id"], "description": "first"})
    assert list(first) == ASSET_INSTANCE
    assert (first["name"], first["number"], first["scene_id"], first["active"],
            first["type"]) == ("Hero_0001", 1, scene["id"], True, "AssetInstance")
    assert production.post(path, {"asset_id": hero["id"]})["name"] == "Hero_0002"
    assert production.post(path, {"asset_id": crate["id"]})["name"] == "Crate_0001"
    grouped = production.get(path)
    assert set(grouped) == {hero["id"], crate["id"]}
    assert [item["number"] for item in grouped[hero["id"]]] == [1, 2]
    assert production.get(f"/data/assets/{hero['id']}/scene-asset-instances") == {
        scene["id"]: grouped[hero["id"]]}
    assert production.get(f"/data/scenes/{scene['id']}/camera-instances") == {}
    assert production.call("POST", path, 400, json={}).json["data"] == {
        "errors": [{"field": "asset_id", "message": "Field required"}]}


def test_instances_inside_an_asset(production, stage):
    _, _, _, hero, crate = stage
    path = f"/data/assets/{crate['id']}/asset-asset-instances"
    created = production.post(path, {"asset_to_instantiate_id": hero["id"], "description": "x"})
    assert (created["asset_id"], created["target_asset_id"], created["name"]) == (
        hero["id"], crate["id"], "Hero_0001")
    assert production.get(path) == {hero["id"]: [created]}


def test_shots_hold_instances(production, stage):
    _, scene, shot, hero, _ = stage
    instance = production.post(f"/data/scenes/{scene['id']}/asset-instances",
                               {"asset_id": hero["id"]})
    path = f"/data/shots/{shot['id']}/asset-instances"
    answer = production.post(path, {"asset_instance_id": instance["id"]})
    assert (answer["id"], answer["type"]) == (shot["id"], "Entity")
    assert production.get(path) == {hero["id"]: [instance]}
    assert production.get(f"/data/assets/{hero['id']}/shot-asset-instances") == {
        shot["id"]: [instance]}
    read = production.get(f"/data/asset-instances/{instance['id']}")
    assert list(read) == ASSET_INSTANCE[:-1] + ["shots", "type"]
    assert read["shots"] == [shot["id"]]
    assert production.get(f"/data/entities/{shot['id']}")["instance_casting"] == [
        instance["id"]]
    production.call("DELETE", f"{path}/{instance['id']}", 204)
    assert production.get(path) == {}


def test_enable_and_disable_keep_the_number(production, stage):
    _, scene, _, hero, _ = stage
    instance = production.post(f"/data/scenes/{scene['id']}/asset-instances",
                               {"asset_id": hero["id"]})
    disabled = production.put(f"/data/asset-instances/{instance['id']}",
                              {"active": False, "number": 9})
    assert (disabled["active"], disabled["number"]) == (False, 1)
    assert "shots" not in disabled
    assert production.put(f"/data/asset-instances/{instance['id']}",
                          {"active": True})["active"] is True


def test_instance_rights(production, stage, member):
    project, scene, _, hero, _ = stage
    instance = production.post(f"/data/scenes/{scene['id']}/asset-instances",
                               {"asset_id": hero["id"]})
    _, artist = member(project, "user")
    assert production.get(f"/data/asset-instances/{instance['id']}",
                          headers=artist)["id"] == instance["id"]
    production.call("GET", "/data/asset-instances", 403, headers=artist)
    _, vendor = member(project, "vendor")
    production.call("GET", f"/data/asset-instances/{instance['id']}", 403, headers=vendor)
    assert production.get(f"/data/assets/{hero['id']}/scene-asset-instances",
                          headers=vendor) == {scene["id"]: [instance]}
    _, outsider = member(production.project("Other"))
    production.call("GET", f"/data/scenes/{scene['id']}/asset-instances", 403, headers=outsider)
