"""The rest of a production's breakdown through gazu 1.3.1: updating and restoring what
test_production.py creates, asset instances in shots, episode casting, budgets, studios and
template settings, and the pure helpers of gazu.client."""

import gazu
import pytest

from tests.compat.conftest import unique


@pytest.fixture
def show(admin):
    project = gazu.project.new_project(unique("Breakdown"), "tvshow", client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    prop = gazu.asset.get_asset_type_by_name("Prop", client=admin)
    episode = gazu.shot.new_episode(project, "E01", client=admin)
    sequence = gazu.shot.new_sequence(project, "SQ01", episode=episode, client=admin)
    shot = gazu.shot.new_shot(project, sequence, "SH010", frame_in=1, frame_out=48,
                              client=admin)
    hero = gazu.asset.new_asset(project, character, "Hero", client=admin)
    sword = gazu.asset.new_asset(project, prop, "Sword", episode=episode, client=admin)
    yield {"project": project, "character": character, "prop": prop, "episode": episode,
           "sequence": sequence, "shot": shot, "hero": hero, "sword": sword}
    gazu.project.close_project(project, client=admin)
    gazu.project.remove_project(project, force=True, client=admin)


def ids(items):
    return [item["id"] for item in items]


def test_updates_of_episodes_sequences_and_shots(admin, show):
    """A shot with tasks is only canceled by its removal, so it can be restored."""
    episode, sequence, shot = show["episode"], show["sequence"], show["shot"]
    episode["description"] = "Pilot"
    assert gazu.shot.update_episode(episode, client=admin)["description"] == "Pilot"
    sequence["description"] = "Opening"
    assert gazu.shot.update_sequence(sequence, client=admin)["description"] == "Opening"
    assert gazu.shot.get_sequence(sequence["id"], client=admin)["description"] == "Opening"
    shot["nb_frames"] = 48
    assert gazu.shot.update_shot(shot, client=admin)["nb_frames"] == 48
    assert ids(gazu.shot.all_episodes_for_project(show["project"], client=admin)) == [
        episode["id"]]
    assert ids(gazu.shot.all_sequences_for_project(show["project"], client=admin)) == [
        sequence["id"]]
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot", client=admin)
    gazu.task.new_task(shot, animation, client=admin)
    gazu.shot.remove_shot(shot, client=admin)
    assert gazu.shot.get_shot(shot["id"], client=admin)["canceled"] is True
    assert gazu.shot.restore_shot(shot, client=admin)["canceled"] is False


def test_asset_types_and_instances_in_shots(admin, show):
    hero, sword, shot = show["hero"], show["sword"], show["shot"]
    assert gazu.asset.get_asset_type_from_asset(hero, client=admin)["id"] == (
        show["character"]["id"])
    assert hero["id"] in ids(gazu.asset.all_assets_for_open_projects(client=admin))
    gazu.casting.update_shot_casting(show["project"], shot, [
        {"asset_id": hero["id"], "nb_occurences": 1}], client=admin)
    assert ids(gazu.asset.all_asset_types_for_shot(shot, client=admin)) == [
        show["character"]["id"]]
    instance = gazu.asset.new_asset_asset_instance(hero, sword, client=admin)
    assert (instance["asset_id"], instance["target_asset_id"]) == (sword["id"], hero["id"])
    by_asset = gazu.asset.all_asset_instances_for_asset(hero, client=admin)
    assert {key: ids(found) for key, found in by_asset.items()} == {
        sword["id"]: [instance["id"]]}
    gazu.shot.add_asset_instance_to_shot(shot, instance, client=admin)
    for listed in (gazu.shot.all_asset_instances_for_shot(shot, client=admin),
                   gazu.asset.all_asset_instances_for_shot(shot, client=admin)):
        assert {key: ids(found) for key, found in listed.items()} == {
            sword["id"]: [instance["id"]]}
    updated = gazu.scene.update_asset_instance_data(instance, {"scale": 2}, client=admin)
    assert updated["data"] == {"scale": 2}


def test_episode_casting(admin, show):
    episode, sword = show["episode"], show["sword"]
    gazu.casting.update_episode_casting(show["project"], episode, [
        {"asset_id": sword["id"], "nb_occurences": 3}], client=admin)
    [cast] = gazu.casting.get_episode_casting(episode, client=admin)
    assert (cast["asset_id"], cast["nb_occurences"]) == (sword["id"], 3)


def test_scenes_updates(admin, show):
    scene = gazu.scene.new_scene(show["project"], show["sequence"], "SC01", client=admin)
    scene["description"] = "Night"
    assert gazu.scene.update_scene(scene, client=admin)["description"] == "Night"
    assert ids(gazu.scene.all_scenes_for_project(show["project"], client=admin)) == [
        scene["id"]]
    assert gazu.scene.get_sequence_from_scene(scene, client=admin)["id"] == (
        show["sequence"]["id"])
    assert gazu.scene.all_camera_instances_for_scene(scene, client=admin) == {}


def test_edits_concepts_and_entities(admin, show):
    edit = gazu.edit.new_edit(show["project"], "Cut 1", client=admin)
    edit["description"] = "First cut"
    assert gazu.edit.update_edit(edit, client=admin)["description"] == "First cut"
    concept = gazu.concept.new_concept(show["project"], "Sketch", client=admin)
    concept["description"] = "Pencil"
    assert gazu.concept.update_concept(concept, client=admin)["description"] == "Pencil"
    assert concept["id"] in ids(gazu.concept.all_concepts(client=admin))
    entity_type = gazu.entity.get_entity_type(show["character"]["id"], client=admin)
    assert entity_type["name"] == "Character"
    assert show["hero"]["id"] in ids(gazu.entity.all_entities(client=admin))
    gazu.entity.remove_entity(concept, client=admin)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        gazu.concept.get_concept(concept["id"], client=admin)


def test_asset_type_update(admin):
    asset_type = gazu.asset.new_asset_type(unique("Vehicle"), client=admin)
    asset_type["name"] = unique("Car")
    assert gazu.asset.update_asset_type(asset_type, client=admin)["name"] == asset_type["name"]
    gazu.asset.remove_asset_type(asset_type, client=admin)


def test_budgets(admin, show):
    project = show["project"]
    budget = gazu.project.create_budget(project, "Main", currency="EUR", client=admin)
    assert (budget["name"], budget["currency"]) == ("Main", "EUR")
    assert ids(gazu.project.get_budgets(project, client=admin)) == [budget["id"]]
    assert gazu.project.get_budget(project, budget, client=admin)["id"] == budget["id"]
    assert gazu.project.update_budget(project, budget, {"name": "Revised"},
                                      client=admin)["name"] == "Revised"
    department = gazu.person.new_department(unique("Lighting"), client=admin)
    entry = gazu.client.post(f"data/projects/{project['id']}/budgets/{budget['id']}/entries", {
        "department_id": department["id"], "start_date": "2026-01-01", "months_duration": 3,
        "daily_salary": 300}, client=admin)
    assert ids(gazu.project.get_budget_entries(project, budget, client=admin)) == [
        entry["id"]]
    assert gazu.project.get_budget_entry(project, budget, entry, client=admin)["id"] == (
        entry["id"])
    assert gazu.project.update_budget_entry(project, budget, entry, {"daily_salary": 350},
                                            client=admin)["daily_salary"] == 350
    gazu.project.remove_budget_entry(project, budget, entry, client=admin)
    assert gazu.project.get_budget_entries(project, budget, client=admin) == []
    gazu.project.remove_budget(project, budget, client=admin)
    assert gazu.project.get_budgets(project, client=admin) == []
    assert gazu.project.get_milestones(project, client=admin) == []


def test_studios(admin):
    studio = gazu.client.post("data/studios", {"name": unique("Annex"), "color": "#112233"},
                              client=admin)
    assert gazu.studio.get_studio(studio["id"], client=admin)["name"] == studio["name"]
    assert gazu.studio.get_studio_by_name(studio["name"], client=admin)["id"] == studio["id"]
    assert studio["id"] in ids(gazu.studio.all_studios(client=admin))
    studio["name"] = unique("Remote")
    assert gazu.studio.update_studio(studio, client=admin)["name"] == studio["name"]
    gazu.studio.remove_studio(studio, client=admin)
    assert studio["id"] not in ids(gazu.studio.all_studios(client=admin))


def test_template_statuses_and_asset_types(admin):
    template = gazu.project_template.new_project_template(unique("Template"), client=admin)
    assert template["id"] in ids(gazu.project_template.all_project_templates(client=admin))
    template["fps"] = "25"
    assert gazu.project_template.update_project_template(template, client=admin)["fps"] == "25"
    todo = gazu.task.get_task_status_by_short_name("todo", client=admin)
    gazu.project_template.add_task_status_to_project_template(template, todo, client=admin)
    assert ids(gazu.project_template.all_task_statuses_for_project_template(
        template, client=admin)) == [todo["id"]]
    gazu.project_template.remove_task_status_from_project_template(template, todo,
                                                                   client=admin)
    assert gazu.project_template.all_task_statuses_for_project_template(
        template, client=admin) == []
    prop = gazu.asset.get_asset_type_by_name("Prop", client=admin)
    gazu.project_template.add_asset_type_to_project_template(template, prop, client=admin)
    assert ids(gazu.project_template.all_asset_types_for_project_template(
        template, client=admin)) == [prop["id"]]
    gazu.project_template.remove_asset_type_from_project_template(template, prop,
                                                                  client=admin)
    assert gazu.project_template.all_asset_types_for_project_template(
        template, client=admin) == []


def test_client_helpers(admin, served):
    assert gazu.client.url_path_join("data", "projects", "") == "data/projects/"
    assert gazu.client.build_path_with_params("data/tasks", {"page": 2}) == (
        "data/tasks?page=2")
    assert gazu.client.get_full_url("data/persons", client=admin) == (
        f"{served.url}/api/data/persons")
    assert gazu.client.make_auth_header(client=admin)["Authorization"].startswith("Bearer ")
    assert gazu.client.get_api_url_from_host(client=admin) == served.url
    department = gazu.client.create("departments", {"name": unique("Dept"), "color": "#000000"},
                                    client=admin)
    assert gazu.client.fetch_one("departments", department["id"], client=admin)["name"] == (
        department["name"])
    assert gazu.client.update("departments", department["id"], {"color": "#123456"},
                              client=admin)["color"] == "#123456"
    assert gazu.client.put(f"data/departments/{department['id']}", {"color": "#654321"},
                           client=admin)["color"] == "#654321"
    assert gazu.client.fetch_first("departments", {"name": department["name"]},
                                   client=admin)["id"] == department["id"]
    gazu.client.delete(f"data/departments/{department['id']}", client=admin)
    assert gazu.client.fetch_first("departments", {"name": department["name"]},
                                   client=admin) is None


def test_kitsu_web_urls(admin, show, served):
    project, episode = show["project"]["id"], show["episode"]["id"]
    production = f"{served.url}/productions/{project}"
    assert gazu.asset.get_asset_url(show["hero"], client=admin) == (
        f"{production}/episodes/main/assets/{show['hero']['id']}/")
    assert gazu.asset.get_all_assets_url(show["project"], client=admin).startswith(production)
    assert gazu.asset.get_asset_type_url(show["project"], show["prop"],
                                         client=admin).startswith(production)
    assert gazu.shot.get_shot_url(show["shot"], client=admin) == (
        f"{production}/episodes/{episode}/shots/{show['shot']['id']}/")
    assert gazu.shot.get_episode_url(show["episode"], client=admin).startswith(production)
    assert gazu.shot.get_sequence_url(show["sequence"], client=admin).startswith(production)
    assert gazu.shot.get_all_sequences_url(show["project"],
                                           client=admin).startswith(production)
    assert gazu.shot.get_all_episodes_url(show["project"], client=admin).startswith(production)
    assert gazu.project.get_project_url(show["project"], client=admin).startswith(production)
    edit = gazu.edit.new_edit(show["project"], "Cut 1", client=admin)
    assert gazu.edit.get_edit_url(edit, client=admin).startswith(production)


def test_context_for_a_manager_and_for_an_artist(admin, show, new_person):
    """gazu.context answers the whole production, or with user_context=True the caller's
    assignments only."""
    project, sequence = show["project"], show["sequence"]
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset", client=admin)
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot", client=admin)
    artist, artist_client = new_person()
    gazu.project.add_person_to_team(project, artist, client=admin)
    task = gazu.task.new_task(show["hero"], modeling, client=admin)
    gazu.task.new_task(show["shot"], animation, client=admin)
    gazu.task.assign_task(task, artist, client=admin)
    assert project["id"] in ids(gazu.context.all_open_projects(client=admin))
    assert ids(gazu.context.all_open_projects(user_context=True, client=artist_client)) == [
        project["id"]]
    assert set(ids(gazu.context.all_assets_for_project(project, client=admin))) == {
        show["hero"]["id"], show["sword"]["id"]}
    assert ids(gazu.context.all_assets_for_asset_type_and_project(
        project, show["character"], user_context=True, client=artist_client)) == [
        show["hero"]["id"]]
    assert ids(gazu.context.all_task_types_for_asset(show["hero"], client=admin)) == [
        modeling["id"]]
    assert ids(gazu.context.all_task_types_for_shot(show["shot"], client=admin)) == [
        animation["id"]]
    assert ids(gazu.context.all_task_types_for_sequence(sequence, client=admin)) == [
        animation["id"]]
    assert ids(gazu.context.all_shots_for_sequence(sequence, client=admin)) == [
        show["shot"]["id"]]
    assert gazu.context.all_shots_for_sequence(sequence, user_context=True,
                                               client=artist_client) == []
    assert ids(gazu.context.all_sequences_for_episode(show["episode"], client=admin)) == [
        sequence["id"]]
    scene = gazu.scene.new_scene(project, sequence, "SC01", client=admin)
    assert ids(gazu.context.all_scenes_for_project(project, client=admin)) == [scene["id"]]
    assert ids(gazu.context.all_scenes_for_sequence(sequence, client=admin)) == [scene["id"]]
    assert gazu.context.all_task_types_for_scene(scene, client=admin) == []


@pytest.fixture
def automation(admin):
    """A studio status automation: WIP modeling sets rigging to ready."""
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset", client=admin)
    rigging = gazu.task.get_task_type_by_name("Rigging", for_entity="Asset", client=admin)
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    ready = gazu.task.get_task_status_by_short_name("ready", client=admin)
    return gazu.client.create("status-automations", {
        "entity_type": "asset", "in_task_type_id": modeling["id"],
        "in_task_status_id": wip["id"], "out_field_type": "status",
        "out_task_type_id": rigging["id"], "out_task_status_id": ready["id"]}, client=admin)


def test_project_status_automations(admin, show, automation):
    project = show["project"]
    gazu.project.add_status_automation(project, {"status_automation_id": automation["id"]},
                                       client=admin)
    assert ids(gazu.project.all_status_automations(project, client=admin)) == [
        automation["id"]]
    gazu.project.remove_status_automation(project, automation, client=admin)
    assert gazu.project.all_status_automations(project, client=admin) == []


def test_template_automations_and_descriptors(admin, automation):
    template = gazu.project_template.new_project_template(unique("Template"), client=admin)
    module = gazu.project_template
    module.add_status_automation_to_project_template(template, automation, client=admin)
    assert ids(module.all_status_automations_for_project_template(template, client=admin)) == [
        automation["id"]]
    module.remove_status_automation_from_project_template(template, automation, client=admin)
    assert module.all_status_automations_for_project_template(template, client=admin) == []
    descriptors = [{"name": "Difficulty", "entity_type": "Asset", "data_type": "string",
                    "field_name": "difficulty", "choices": []}]
    updated = module.set_project_template_metadata_descriptors(template, descriptors,
                                                              client=admin)
    assert [d["name"] for d in updated["metadata_descriptors"]] == ["Difficulty"]



def test_previews_by_task_type_before_any_preview(admin, show):
    edit = gazu.edit.new_edit(show["project"], "Cut 1", client=admin)
    concept = gazu.concept.new_concept(show["project"], "Sketch", client=admin)
    assert gazu.shot.all_previews_for_shot(show["shot"], client=admin) == {}
    assert gazu.edit.all_previews_for_edit(edit, client=admin) == {}
    assert gazu.concept.all_previews_for_concept(concept, client=admin) == {}
    with pytest.raises(gazu.exception.RouteNotFoundException):
        gazu.shot.all_previews_for_shot(show["hero"], client=admin)
