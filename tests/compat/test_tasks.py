"""gazu.task, gazu.user and gazu.sync against a served Dopesheet: tasks, assignments,
comments, notifications, the user's lists and the event log."""

import gazu
import pytest

from tests.compat.conftest import unique


@pytest.fixture
def production(admin):
    """A project with a character, a shot, and the task types and statuses they need."""
    project = gazu.project.new_project(unique("Tasks"), "featurefilm", client=admin)
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset", client=admin)
    animation = gazu.task.get_task_type_by_name("Animation", for_entity="Shot", client=admin)
    for task_type in (modeling, animation):
        gazu.project.add_task_type(project, task_type, 1, client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    asset = gazu.asset.new_asset(project, character, "Hero", client=admin)
    sequence = gazu.shot.new_sequence(project, "SQ01", client=admin)
    shot = gazu.shot.new_shot(project, sequence, "SH010", client=admin)
    return {"project": project, "asset": asset, "shot": shot, "modeling": modeling,
            "animation": animation}


def test_tasks_are_created_read_updated_and_removed(admin, production):
    asset, shot = production["asset"], production["shot"]
    task = gazu.task.new_task(asset, production["modeling"], client=admin)
    assert gazu.task.new_task(asset, production["modeling"], client=admin)["id"] == task["id"]
    created = gazu.task.create_shot_tasks(shot, [production["animation"]], client=admin)
    assert [item["entity_id"] for item in created] == [shot["id"]]
    full = gazu.task.get_task(task["id"], client=admin)
    assert (full["entity"]["id"], full["task_type"]["name"]) == (asset["id"], "Modeling")
    assert [item["id"] for item in gazu.task.all_tasks_for_asset(asset, client=admin)] == [
        task["id"]]
    assert [item["id"] for item in gazu.task.all_tasks_for_shot(shot, client=admin)] == [
        created[0]["id"]]
    assert len(gazu.task.all_tasks_for_project(production["project"], client=admin)) == 2
    assert gazu.task.get_task_by_entity(asset, production["modeling"],
                                        client=admin)["id"] == task["id"]
    updated = gazu.task.update_task_data(task, {"level": 2}, client=admin)
    assert updated["data"] == {"level": 2}
    gazu.task.remove_task(task, client=admin)
    assert gazu.task.all_tasks_for_asset(asset, client=admin) == []


def test_an_artist_works_on_an_assigned_task(admin, production, new_person):
    artist, artist_client = new_person()
    task = gazu.task.new_task(production["shot"], production["animation"], client=admin)
    gazu.task.assign_task(task, artist, client=admin)
    assert [item["id"] for item in gazu.user.all_tasks_to_do(client=artist_client)] == [
        task["id"]]
    started = gazu.task.start_task(task, client=artist_client)
    assert started["task_status"]["short_name"] == "wip"
    review = gazu.task.get_task_status_by_short_name("wfa", client=admin)
    comment = gazu.task.add_comment(task, review, "please look",
                                    checklist=[{"text": "hands", "checked": False}],
                                    client=artist_client)
    assert gazu.task.get_last_comment_for_task(task, client=admin)["id"] == comment["id"]
    assert [item["text"] for item in gazu.task.all_comments_for_task(task, client=admin)] == [
        "please look", ""]
    reply = gazu.task.reply_to_comment(task, comment, "looks good", client=admin)
    assert reply["text"] == "looks good"
    acknowledged = gazu.task.acknowledge_comment(task, comment, client=admin)
    assert acknowledged["acknowledgements"] != []
    notifications = gazu.user.all_notifications(client=artist_client)
    assert {item["notification_type"] for item in notifications} >= {"assignation", "reply"}
    gazu.user.mark_all_notifications_as_read(client=artist_client)
    done = gazu.task.get_task_status_by_short_name("done", client=admin)
    gazu.task.add_comment(task, done, "approved", client=admin)
    assert [item["id"] for item in gazu.user.all_done_tasks(client=artist_client)] == [
        task["id"]]
    gazu.task.clear_assignations(task, client=admin)
    assert gazu.task.get_task(task["id"], client=admin)["assignees"] == []


def test_batch_comments_and_subscriptions(admin, production, new_person):
    artist, artist_client = new_person()
    task = gazu.task.new_task(production["shot"], production["animation"], client=admin)
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    gazu.project.add_person_to_team(production["project"], artist, client=admin)
    subscribed = gazu.user.subscribe_to_task(task, client=artist_client)
    assert subscribed["task_id"] == task["id"]
    assert gazu.user.check_task_subscription(task, client=artist_client) is True
    posted = gazu.task.add_tasks_batch_comments([task], {"text": "batch",
                                                         "task_status_id": wip["id"]},
                                                client=admin)
    assert [item["text"] for item in posted] == ["batch"]
    assert [item["notification_type"] for item in gazu.user.all_notifications(
        client=artist_client)] == ["comment"]
    gazu.user.unsubscribe_from_task(task, client=artist_client)
    assert gazu.user.check_task_subscription(task, client=artist_client) is False


def test_the_context_and_the_event_log(admin, production):
    context = gazu.user.get_context(client=admin)
    assert production["project"]["id"] in [item["id"] for item in context["projects"]]
    task = gazu.task.new_task(production["asset"], production["modeling"], client=admin)
    events = gazu.sync.get_last_events(project=production["project"], client=admin)
    assert events[0]["name"] == "task:new"
    assert events[0]["data"]["task_id"] == task["id"]
    assert gazu.sync.get_last_events(limit=1, name="task:new", client=admin)[0]["id"] == (
        events[0]["id"])
