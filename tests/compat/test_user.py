"""gazu.user against a served Dopesheet: what an artist sees of their work (projects,
entities and tasks where they have tasks), tasks waiting for a supervisor's feedback, saved
filters and their groups, notifications, entity chats and one's avatar. (The to-do and done
lists, subscriptions and the context are in test_tasks.)"""

import gazu
import pytest

from tests.compat.conftest import unique
from tests.compat.productions import production


@pytest.fixture
def work(admin, new_person):
    artist, artist_client = new_person()
    return production(admin, artist), artist, artist_client


def ids(items):
    return [item["id"] for item in items]


def test_an_artist_sees_where_they_have_tasks(admin, work):
    prod, _, artist_client = work
    user = gazu.user
    scene_type = gazu.task.new_task_type(unique("Staging"), for_entity="Scene", client=admin)
    gazu.project.add_task_type(prod["project"], scene_type, 3, client=admin)
    scene = gazu.scene.new_scene(prod["project"], prod["sequence"], "SC01", client=admin)
    scene_task = gazu.task.new_task(scene, scene_type, client=admin)
    gazu.task.assign_task(scene_task, gazu.person.get_person(
        work[1]["id"], client=admin), client=admin)
    assert prod["project"]["id"] in ids(user.all_open_projects(client=artist_client))
    assert ids(user.all_asset_types_for_project(prod["project"], client=artist_client)) == [
        prod["character"]["id"]]
    assert ids(user.all_assets_for_asset_type_and_project(
        prod["project"], prod["character"], client=artist_client)) == [prod["asset"]["id"]]
    assert ids(user.all_episodes_for_project(prod["project"], client=artist_client)) == [
        prod["episode"]["id"]]
    assert ids(user.all_sequences_for_project(prod["project"], client=artist_client)) == [
        prod["sequence"]["id"]]
    assert ids(user.all_shots_for_sequence(prod["sequence"], client=artist_client)) == [
        prod["shot"]["id"]]
    assert ids(user.all_scenes_for_sequence(prod["sequence"], client=artist_client)) == [
        scene["id"]]
    assert ids(user.all_tasks_for_asset(prod["asset"], client=artist_client)) == [
        prod["asset_task"]["id"]]
    assert ids(user.all_tasks_for_shot(prod["shot"], client=artist_client)) == [
        prod["shot_task"]["id"]]
    assert ids(user.all_tasks_for_scene(scene, client=artist_client)) == [scene_task["id"]]
    assert user.all_tasks_for_sequence(prod["sequence"], client=artist_client) == []
    assert ids(user.all_task_types_for_asset(prod["asset"], client=artist_client)) == [
        prod["modeling"]["id"]]
    assert ids(user.all_task_types_for_shot(prod["shot"], client=artist_client)) == [
        prod["animation"]["id"]]
    assert ids(user.all_task_types_for_scene(scene, client=artist_client)) == [
        scene_type["id"]]
    assert user.all_task_types_for_sequence(prod["sequence"], client=artist_client) == []
    assert user.is_authenticated(client=artist_client) is True
    gazu.person.update_person({"id": work[1]["id"], "has_avatar": True}, client=admin)
    user.clear_avatar(client=artist_client)
    assert gazu.person.get_person(work[1]["id"], client=admin)["has_avatar"] is False


def test_tasks_requiring_feedback(admin, work, new_person):
    prod, _, artist_client = work
    supervisor, supervisor_client = new_person("supervisor")
    gazu.project.add_person_to_team(prod["project"], supervisor, client=admin)
    assert gazu.user.all_tasks_requiring_feedback(client=supervisor_client) == []
    review = gazu.task.get_task_status_by_short_name("wfa", client=admin)
    gazu.task.add_comment(prod["shot_task"], review, "ready", client=artist_client)
    waiting = gazu.user.all_tasks_requiring_feedback(client=supervisor_client)
    assert [(item["id"], item["task_status_short_name"]) for item in waiting] == [
        (prod["shot_task"]["id"], "wfa")]


def test_saved_filters_and_groups(work):
    prod, artist, artist_client = work
    group = gazu.user.new_filter_group("Heroes", prod["project"], client=artist_client)
    assert (group["name"], group["project_id"], group["person_id"]) == (
        "Heroes", prod["project"]["id"], artist["id"])
    assert gazu.user.get_filter_group(group, client=artist_client)["id"] == group["id"]
    listed = gazu.user.all_filter_groups(client=artist_client)
    assert ids(listed[group["list_type"]][prod["project"]["id"]]) == [group["id"]]
    renamed = gazu.user.update_filter_group({**group, "name": "Villains"},
                                            client=artist_client)
    assert renamed["name"] == "Villains"
    saved = gazu.user.new_filter("Hero", "hero", "asset", prod["project"],
                                 client=artist_client)
    assert (saved["search_query"], saved["list_type"]) == ("hero", "asset")
    assert ids(gazu.user.all_filters(client=artist_client)["asset"][
        prod["project"]["id"]]) == [saved["id"]]
    updated = gazu.user.update_filter({**saved, "name": "Heroine"}, client=artist_client)
    assert updated["name"] == "Heroine"
    gazu.user.remove_filter(saved, client=artist_client)
    gazu.user.remove_filter_group(group, client=artist_client)
    assert gazu.user.all_filters(client=artist_client) == {}
    assert gazu.user.all_filter_groups(client=artist_client) == {}


def test_notifications_are_read_one_by_one(admin, work):
    prod, _, artist_client = work
    assigned = gazu.user.all_notifications(client=artist_client)
    assert {item["notification_type"] for item in assigned} == {"assignation"}
    first = assigned[0]
    assert gazu.user.get_notification(first, client=artist_client)["id"] == first["id"]
    read = gazu.user.update_notification({**first, "read": True}, client=artist_client)
    assert read["read"] is True
    assert gazu.user.get_notification(first, client=artist_client)["read"] is True
    assert len(gazu.task.all_notifications_for_project(prod["project"], client=admin)) == (
        len(assigned))


def test_entity_chats(admin, work):
    prod, artist, artist_client = work
    assert gazu.user.all_chats(client=artist_client) == []
    joined = gazu.user.join_chat(prod["shot"], client=artist_client)
    assert (joined["type"], joined["object_id"]) == ("Chat", prod["shot"]["id"])
    chats = gazu.user.all_chats(client=artist_client)
    assert [(item["id"], item["entity_name"]) for item in chats] == [
        (joined["id"], "E101 / SQ01 / SH010")]
    assert gazu.client.get(f"data/entities/{prod['shot']['id']}/chat", client=admin)[
        "participants"] == [artist["id"]]
    gazu.user.leave_chat(prod["shot"], client=artist_client)
    assert gazu.user.all_chats(client=artist_client) == []
