"""gazu's file-tree functions against a served Dopesheet: a tree set by name (Zou 1.0.67's
set-file-tree, through gazu's client) or sent whole (``update_project_file_tree``), the
three path builders and the new working and output files that take their path from the
tree. The strings are those Zou 1.0.97 answers to the same gazu calls on the same
production with the ``simple`` tree (checked against the reference Zou)."""

import json

import gazu
import pytest
from gazu.exception import ParameterException

from plugins.file_tree.settings import SHIPPED_FOLDER
from tests.compat.conftest import unique

SIMPLE = json.loads((SHIPPED_FOLDER / "simple.json").read_text())


def slug(name):
    return name.lower().replace(" ", "_")


@pytest.fixture
def production(admin):
    """A project with a character, its modeling task, a scene and an instance of the
    character in it, an output type and a software."""
    project = gazu.project.new_project(unique("Tree"), "featurefilm", client=admin)
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset", client=admin)
    gazu.project.add_task_type(project, modeling, 1, client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    asset = gazu.asset.new_asset(project, character, "Hero", client=admin)
    task = gazu.task.new_task(asset, modeling, client=admin)
    sequence = gazu.shot.new_sequence(project, "SQ01", client=admin)
    scene = gazu.scene.new_scene(project, sequence, "SC01", client=admin)
    instance = gazu.scene.new_scene_asset_instance(scene, asset, client=admin)
    output_type = gazu.files.new_output_type(unique("Cache"), "cch", client=admin)
    software = gazu.files.new_software(unique("Maya"), "ma", ".ma", client=admin)
    return {"project": project, "asset": asset, "task": task, "modeling": modeling,
            "scene": scene, "instance": instance, "output_type": output_type,
            "software": software, "p": slug(project["name"]),
            "ot": slug(output_type["name"]), "soft": slug(software["name"])}


def set_file_tree(project, tree_name, client):
    """gazu 1.3.1 has no function for the route any more; its client still calls it."""
    return gazu.client.post(f"actions/projects/{project['id']}/set-file-tree",
                            {"tree_name": tree_name}, client=client)


def test_a_tree_is_set_by_name_or_sent_whole(admin, production):
    project = production["project"]
    assert set_file_tree(project, "simple", admin)["file_tree"] == SIMPLE
    with pytest.raises(ParameterException):
        set_file_tree(project, "no-such-tree", admin)
    tree = {**SIMPLE, "working": {**SIMPLE["working"], "mountpoint": "/mnt/work"}}
    assert gazu.files.update_project_file_tree(project, tree, client=admin)["file_tree"] == tree
    broken = {**SIMPLE, "working": {**SIMPLE["working"], "root": None}}
    with pytest.raises(ParameterException):
        gazu.files.update_project_file_tree(project, broken, client=admin)
    assert gazu.project.get_project(project["id"], client=admin)["file_tree"] == tree


def test_paths_are_built_from_the_tree(admin, production):
    p, ot, soft = production["p"], production["ot"], production["soft"]
    gazu.files.update_project_file_tree(production["project"], SIMPLE, client=admin)
    assert gazu.files.build_working_file_path(production["task"], client=admin) == (
        f"/simple/productions/{p}/assets/character/hero/modeling/3ds_max/"
        f"{p}_character_hero_modeling_main_v001")
    assert gazu.files.build_working_file_path(
        production["task"], name="Take Two", software=production["software"], revision=3,
        sep="\\", client=admin) == (
        f"/simple/productions/{p}/assets/character/hero/modeling/{soft}\\"
        f"{p}_character_hero_modeling_take_two_v003")
    assert gazu.files.build_entity_output_file_path(
        production["asset"], production["output_type"], production["modeling"],
        client=admin) == (
        f"/simple/productions/export/{p}/assets/character/hero/modeling/{ot}/"
        f"{p}_character_hero_modeling_{ot}_main_v001")
    assert gazu.files.build_asset_instance_output_file_path(
        production["instance"], production["scene"], production["output_type"],
        production["modeling"], representation="abc", revision=2, client=admin) == (
        f"/simple/productions/export/{p}/scene/sq01/sc01/modeling/{ot}/character/hero/"
        f"instance_0001/abc/{p}_sq01_sc01_modeling_{ot}_main_hero_0001_v002")


def test_new_files_take_their_path_from_the_tree(admin, production):
    p, ot, soft = production["p"], production["ot"], production["soft"]
    set_file_tree(production["project"], "simple", admin)
    first = gazu.files.new_working_file(production["task"], software=production["software"],
                                        client=admin)
    second = gazu.files.new_working_file(production["task"], software=production["software"],
                                         client=admin)
    folder = f"/simple/productions/{p}/assets/character/hero/modeling/{soft}"
    assert (first["path"], second["path"]) == (
        f"{folder}/{p}_character_hero_modeling_main_v001",
        f"{folder}/{p}_character_hero_modeling_main_v002")
    output = gazu.files.new_entity_output_file(
        production["asset"], production["output_type"], production["modeling"], "publish",
        working_file=second, nb_elements=4, sep="\\", client=admin)
    assert output["path"] == (
        f"/simple\\productions/export\\{p}\\assets\\character\\hero\\modeling\\{ot}\\"
        f"{p}_character_hero_modeling_{ot}_main_v001_[1-4]")
    instance_output = gazu.files.new_asset_instance_output_file(
        production["instance"], production["scene"], production["output_type"],
        production["modeling"], "publish", representation="abc", client=admin)
    assert instance_output["path"] == (
        f"/simple/productions/export/{p}/scene/sq01/sc01/modeling/{ot}/character/hero/"
        f"instance_0001/abc/{p}_sq01_sc01_modeling_{ot}_master_hero_0001_v001")


def test_guess_from_path_names_the_template_and_the_rows(admin, production):
    set_file_tree(production["project"], "simple", admin)
    path = gazu.files.build_working_file_path(production["task"], client=admin)
    guessed = gazu.entity.guess_from_path(production["project"]["id"], path.rsplit("/", 1)[0],
                                          client=admin)
    assert guessed[0] == {"Template": "asset", "Project": production["project"]["id"],
                          "AssetType": production["asset"]["entity_type_id"],
                          "Asset": production["asset"]["id"],
                          "TaskType": production["modeling"]["id"]}
