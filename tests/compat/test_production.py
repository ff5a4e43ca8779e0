"""gazu.project, asset, shot, scene, edit, concept, entity, casting, context and
project_template against a served Dopesheet: what a pipeline script does with a
production, through gazu 1.3.1 unchanged."""

import gazu
import pytest

from tests.compat.conftest import unique


@pytest.fixture
def project(admin):
    created = gazu.project.new_project(unique("Compat Show"), "tvshow", client=admin)
    yield created
    gazu.project.close_project(created, client=admin)
    gazu.project.remove_project(created, force=True, client=admin)


def test_project_round_trip(admin, project):
    assert gazu.project.get_project(project["id"], client=admin)["name"] == project["name"]
    assert gazu.project.get_project_by_name(project["name"], client=admin)["id"] == project["id"]
    assert project["id"] in [p["id"] for p in gazu.project.all_projects(client=admin)]
    assert project["id"] in [p["id"] for p in gazu.project.all_open_projects(client=admin)]
    statuses = gazu.project.all_project_status(client=admin)
    assert {"Open", "Closed"} <= {status["name"] for status in statuses}
    assert gazu.project.get_project_status_by_name("Open", client=admin)["name"] == "Open"
    gazu.project.update_project_data(project, {"budget": 10}, client=admin)
    assert gazu.project.get_project(project["id"], client=admin)["data"] == {"budget": 10}
    project["fps"] = "24"
    assert gazu.project.update_project(project, client=admin)["fps"] == "24"


def test_project_settings_and_team(admin, project, new_person):
    modeling = gazu.task.get_task_type_by_name("Modeling", "Asset", client=admin)
    todo = gazu.task.get_task_status_by_short_name("todo", client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    gazu.project.add_task_type(project, modeling, priority=2, client=admin)
    gazu.project.add_task_status(project, todo, client=admin)
    gazu.project.add_asset_type(project, character, client=admin)
    assert [t["id"] for t in gazu.project.get_project_task_types(project, client=admin)] == [
        modeling["id"]]
    assert [s["id"] for s in gazu.project.get_project_task_statuses(project, client=admin)] == [
        todo["id"]]
    gazu.project.remove_task_type(project, modeling, client=admin)
    gazu.project.remove_task_status(project, todo, client=admin)
    assert gazu.project.get_project_task_types(project, client=admin) == []
    artist, _ = new_person()
    gazu.project.add_person_to_team(project, artist, client=admin)
    assert gazu.project.update_team_member_role(project, artist, "supervisor",
                                                client=admin)["role"] == "supervisor"
    [member] = gazu.project.get_team(project, client=admin)
    assert (member["id"], member["project_role"]) == (artist["id"], "supervisor")
    gazu.project.remove_person_from_team(project, artist, client=admin)
    assert gazu.project.get_team(project, client=admin) == []
    assert gazu.project.all_status_automations(project, client=admin) == []


def test_metadata_descriptors(admin, project):
    descriptor = gazu.project.add_metadata_descriptor(
        project, "Difficulty", "Asset", data_type="list", choices=["easy", "hard"],
        client=admin)
    assert descriptor["field_name"] == "difficulty"
    assert gazu.project.get_metadata_descriptor(project, descriptor["id"],
                                                client=admin)["name"] == "Difficulty"
    assert gazu.project.get_metadata_descriptor_by_field_name(
        project, "difficulty", client=admin)["id"] == descriptor["id"]
    assert [d["id"] for d in gazu.project.all_metadata_descriptors(
        project, client=admin, entity_type="Asset")] == [descriptor["id"]]
    descriptor["name"] = "Level"
    assert gazu.project.update_metadata_descriptor(project, descriptor,
                                                   client=admin)["field_name"] == "level"
    ordered = gazu.project.reorder_metadata_descriptors(project, "Asset", [descriptor],
                                                        client=admin)
    assert ordered[0]["position"] == 1
    gazu.project.remove_metadata_descriptor(project, descriptor, client=admin)
    assert gazu.project.all_metadata_descriptors(project, client=admin) == []


def test_assets(admin, project):
    character = gazu.asset.new_asset_type(unique("Creature"), client=admin)
    assert gazu.asset.get_asset_type(character["id"], client=admin)["type"] == "AssetType"
    assert gazu.asset.get_asset_type_by_name(character["name"], client=admin)["id"] == (
        character["id"])
    episode = gazu.shot.get_episode_by_name(project, "E01", client=admin)
    asset = gazu.asset.new_asset(project, character, "Dragon", "a dragon", episode=episode,
                                 client=admin)
    assert gazu.asset.get_asset(asset["id"], client=admin)["asset_type_name"] == (
        character["name"])
    assert gazu.asset.get_asset_by_name(project, "Dragon", client=admin)["id"] == asset["id"]
    assert [a["id"] for a in gazu.asset.all_assets_for_project(project, client=admin)] == [
        asset["id"]]
    assert [a["id"] for a in gazu.asset.all_assets_for_episode(episode, client=admin)] == [
        asset["id"]]
    assert [a["id"] for a in gazu.asset.all_assets_for_project_and_type(
        project, character, client=admin)] == [asset["id"]]
    assert [t["id"] for t in gazu.asset.all_asset_types_for_project(project, client=admin)] == [
        character["id"]]
    assert character["id"] in [t["id"] for t in gazu.asset.all_asset_types(client=admin)]
    assert gazu.asset.get_episode_from_asset(asset, client=admin)["id"] == episode["id"]
    gazu.asset.update_asset_data(asset, {"scale": 2}, client=admin)
    assert gazu.asset.get_asset(asset["id"], client=admin)["data"] == {"scale": 2}
    gazu.asset.remove_asset(asset, client=admin)
    assert gazu.asset.get_asset_by_name(project, "Dragon", client=admin) is None
    gazu.asset.remove_asset_type(character, client=admin)


def test_shots_sequences_episodes(admin, project):
    episode = gazu.shot.new_episode(project, "E02", client=admin)
    assert gazu.shot.get_episode(episode["id"], client=admin)["name"] == "E02"
    sequence = gazu.shot.new_sequence(project, "SQ01", episode=episode, client=admin)
    assert gazu.shot.new_sequence(project, "SQ01", episode=episode,
                                  client=admin)["id"] == sequence["id"]
    shot = gazu.shot.new_shot(project, sequence, "SH010", nb_frames=24, frame_in=1,
                              frame_out=24, client=admin)
    assert gazu.shot.get_shot(shot["id"], client=admin)["frame_out"] == 24
    assert gazu.shot.get_shot_by_name(sequence, "SH010", client=admin)["id"] == shot["id"]
    assert gazu.shot.get_sequence_by_name(project, "SQ01", episode=episode,
                                          client=admin)["id"] == sequence["id"]
    assert gazu.shot.get_sequence_from_shot(shot, client=admin)["id"] == sequence["id"]
    assert gazu.shot.get_episode_from_sequence(sequence, client=admin)["id"] == episode["id"]
    assert [s["id"] for s in gazu.shot.all_shots_for_sequence(sequence, client=admin)] == [
        shot["id"]]
    assert [s["id"] for s in gazu.shot.all_shots_for_episode(episode, client=admin)] == [
        shot["id"]]
    assert [s["id"] for s in gazu.shot.all_shots_for_project(project, client=admin)] == [
        shot["id"]]
    assert [s["id"] for s in gazu.shot.all_sequences_for_episode(episode, client=admin)] == [
        sequence["id"]]
    assert sequence["id"] in [s["id"] for s in gazu.context.all_sequences_for_project(
        project, client=admin)]
    assert {e["name"] for e in gazu.context.all_episodes_for_project(project,
                                                                     client=admin)} == {
        "E01", "E02"}
    gazu.shot.update_shot_data(shot, {"camera": "A"}, client=admin)
    assert gazu.shot.get_shot(shot["id"], client=admin)["data"]["camera"] == "A"
    gazu.shot.update_sequence_data(sequence, {"mood": "dark"}, client=admin)
    gazu.shot.update_episode_data(episode, {"arc": 1}, client=admin)
    gazu.shot.remove_shot(shot, client=admin)
    assert gazu.shot.get_shot_by_name(sequence, "SH010", client=admin) is None
    gazu.shot.remove_sequence(sequence, client=admin)
    gazu.shot.remove_episode(episode, client=admin)


def test_scenes_and_asset_instances(admin, project):
    sequence = gazu.shot.new_sequence(project, "SQ01", client=admin)
    scene = gazu.scene.new_scene(project, sequence, "SC01", client=admin)
    assert gazu.scene.get_scene(scene["id"], client=admin)["sequence_name"] == "SQ01"
    assert gazu.scene.get_scene_by_name(sequence, "SC01", client=admin)["id"] == scene["id"]
    assert [s["id"] for s in gazu.scene.all_scenes(project, client=admin)] == [scene["id"]]
    assert [s["id"] for s in gazu.scene.all_scenes_for_sequence(sequence, client=admin)] == [
        scene["id"]]
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    hero = gazu.asset.new_asset(project, character, "Hero", client=admin)
    instance = gazu.scene.new_scene_asset_instance(scene, hero, client=admin)
    assert instance["name"] == "Hero_0001"
    assert gazu.scene.all_asset_instances_for_scene(scene, client=admin) == {
        hero["id"]: [instance]}
    assert gazu.scene.get_asset_instance_by_name(scene, "Hero_0001",
                                                 client=admin)["id"] == instance["id"]
    assert gazu.asset.all_scene_asset_instances_for_asset(hero, client=admin) == {
        scene["id"]: [instance]}
    shot = gazu.shot.new_shot(project, sequence, "SH010", client=admin)
    gazu.shot.add_asset_instance_to_shot(shot, instance, client=admin)
    assert gazu.shot.get_asset_instances_for_shot(shot, client=admin) == {
        hero["id"]: [instance]}
    assert list(gazu.asset.all_shot_asset_instances_for_asset(hero, client=admin)) == [
        shot["id"]]
    assert gazu.asset.disable_asset_instance(instance, client=admin)["active"] is False
    assert gazu.asset.enable_asset_instance(instance, client=admin)["active"] is True
    assert gazu.asset.get_asset_instance(instance["id"], client=admin)["shots"] == [shot["id"]]
    gazu.shot.remove_asset_instance_from_shot(shot, instance, client=admin)
    assert gazu.shot.get_asset_instances_for_shot(shot, client=admin) == {}
    gazu.scene.add_shot_to_scene(scene, shot, client=admin)
    assert [s["id"] for s in gazu.scene.all_shots_for_scene(scene, client=admin)] == [shot["id"]]
    gazu.scene.remove_shot_from_scene(scene, shot, client=admin)
    assert gazu.scene.update_asset_instance_name(instance, "Hero_main",
                                                 client=admin)["name"] == "Hero_main"


def test_edits_and_concepts(admin, project):
    edit = gazu.edit.new_edit(project, "Cut 1", client=admin)
    assert gazu.edit.get_edit(edit["id"], client=admin)["project_name"] == project["name"]
    assert gazu.edit.get_edit_by_name(project, "Cut 1", client=admin)["id"] == edit["id"]
    assert [e["id"] for e in gazu.edit.all_edits_for_project(project, client=admin)] == [
        edit["id"]]
    gazu.edit.update_edit_data(edit, {"length": 90}, client=admin)
    gazu.edit.remove_edit(edit, client=admin)
    assert gazu.edit.all_edits_for_project(project, client=admin) == []
    concept = gazu.concept.new_concept(project, "Sketch", client=admin)
    assert gazu.concept.get_concept(concept["id"], client=admin)["name"] == "Sketch"
    assert gazu.concept.get_concept_by_name(project, "Sketch", client=admin)["id"] == (
        concept["id"])
    assert [c["id"] for c in gazu.concept.all_concepts_for_project(project, client=admin)] == [
        concept["id"]]
    gazu.concept.remove_concept(concept, client=admin)


def test_casting(admin, project):
    episode = gazu.shot.get_episode_by_name(project, "E01", client=admin)
    sequence = gazu.shot.new_sequence(project, "SQ01", episode=episode, client=admin)
    shot = gazu.shot.new_shot(project, sequence, "SH010", client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    hero = gazu.asset.new_asset(project, character, "Hero", client=admin)
    prop = gazu.asset.new_asset(project, character, "Sidekick", client=admin)
    gazu.casting.update_shot_casting(project, shot, [{"asset_id": hero["id"],
                                                      "nb_occurences": 2}], client=admin)
    [cast] = gazu.casting.get_shot_casting(shot, client=admin)
    assert (cast["asset_id"], cast["nb_occurences"]) == (hero["id"], 2)
    assert list(gazu.casting.get_sequence_casting(sequence, client=admin)) == [shot["id"]]
    assert list(gazu.casting.get_sequence_shots_casting(project, sequence,
                                                        client=admin)) == [shot["id"]]
    assert list(gazu.casting.get_episode_shots_casting(project, episode,
                                                       client=admin)) == [shot["id"]]
    assert list(gazu.casting.get_project_shots_casting(project, client=admin)) == [shot["id"]]
    assert [c["asset_id"] for c in gazu.casting.get_episode_casting(episode, client=admin)] == [
        hero["id"]]
    assert episode["id"] in gazu.casting.get_episodes_casting(project, client=admin)
    gazu.casting.update_asset_casting(project, hero, [{"asset_id": prop["id"],
                                                       "nb_occurences": 1}], client=admin)
    assert [c["asset_id"] for c in gazu.casting.get_asset_casting(hero, client=admin)] == [
        prop["id"]]
    assert list(gazu.casting.get_asset_type_casting(project, character,
                                                    client=admin)) == [hero["id"]]
    assert [c["shot_id"] for c in gazu.casting.get_asset_cast_in(hero, client=admin)] == [
        shot["id"]]
    gazu.casting.cast_asset(project, [shot], prop, nb_occurences=3, client=admin)
    assert {c["asset_id"] for c in gazu.casting.get_shot_casting(shot, client=admin)} == {
        hero["id"], prop["id"]}
    gazu.casting.uncast_asset(project, [shot], prop, client=admin)
    links = gazu.casting.all_entity_links_for_project(project, client=admin)
    assert {link["entity_in_id"] for link in links} == {shot["id"], episode["id"], hero["id"]}
    gazu.casting.delete_entity_link(links[0], client=admin)
    assert len(gazu.casting.all_entity_links_for_project(project, client=admin)) == 2
    assert [a["id"] for a in gazu.asset.all_assets_for_shot(shot, client=admin)] in (
        [hero["id"]], [])
    assert gazu.context.all_asset_types_for_project(project, client=admin)


def test_entities(admin, project):
    sequence = gazu.shot.new_sequence(project, "SQ01", client=admin)
    shot = gazu.shot.new_shot(project, sequence, "SH010", client=admin)
    assert gazu.entity.get_entity(shot["id"], client=admin)["type"] == "Shot"
    assert gazu.entity.get_entity_by_name("SH010", project, client=admin)["id"] == shot["id"]
    assert gazu.entity.get_entity_type_by_name("Shot", client=admin)["name"] == "Shot"
    assert "Sequence" in [t["name"] for t in gazu.entity.all_entity_types(client=admin)]
    assert gazu.entity.all_entities_with_tasks_linked_to_entity(shot, client=admin) == []
    gazu.entity.remove_entities(project, [shot], client=admin)
    assert gazu.entity.get_entity_by_name("SH010", project, client=admin) is None
    vehicle = gazu.entity.new_entity_type(unique("Vehicle"), client=admin)
    gazu.entity.remove_entity_type(vehicle, client=admin)


def test_project_templates(admin, project):
    template = gazu.project_template.new_project_template(unique("Template"), client=admin)
    assert gazu.project_template.get_project_template(template["id"],
                                                      client=admin)["name"] == template["name"]
    assert gazu.project_template.get_project_template_by_name(
        template["name"], client=admin)["id"] == template["id"]
    modeling = gazu.task.get_task_type_by_name("Modeling", "Asset", client=admin)
    gazu.project_template.add_task_type_to_project_template(template, modeling, priority=1,
                                                            client=admin)
    assert [t["id"] for t in gazu.project_template.all_task_types_for_project_template(
        template, client=admin)] == [modeling["id"]]
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    gazu.project_template.add_asset_type_to_project_template(template, character,
                                                             client=admin)
    gazu.project_template.apply_project_template(project, template, client=admin)
    assert gazu.project.get_project(project["id"], client=admin)["task_types"] == [
        modeling["id"]]
    snapshot = gazu.project_template.new_project_template_from_project(
        project, unique("Snapshot"), client=admin)
    assert snapshot["name"].startswith("Snapshot")
    gazu.project_template.remove_task_type_from_project_template(template, modeling,
                                                                 client=admin)
    gazu.project_template.remove_project_template(template, client=admin)
    gazu.project_template.remove_project_template(snapshot, client=admin)


def test_artists_see_their_projects_only(admin, project, new_person):
    artist, artist_client = new_person()
    assert gazu.project.all_projects(client=artist_client) == []
    gazu.project.add_person_to_team(project, artist, client=admin)
    assert [p["id"] for p in gazu.project.all_projects(client=artist_client)] == [project["id"]]
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.shot.new_sequence(project, "SQ99", client=artist_client)
