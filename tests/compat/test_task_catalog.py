"""The rest of gazu.task against a served Dopesheet: task types and statuses, the task lists
per entity, type, status and person, open tasks, creating and removing tasks in bulk,
editing, moving and removing comments, batches of comments, and the project-wide lists.
(test_tasks covers the daily work on one task; test_files the previews and attachments.)"""

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


def test_task_types_and_statuses(admin):
    name = unique("Grooming")
    grooming = gazu.task.new_task_type(name, for_entity="Asset", client=admin)
    assert (grooming["name"], grooming["for_entity"]) == (name, "Asset")
    assert gazu.task.get_task_type(grooming["id"], client=admin)["name"] == name
    assert gazu.task.get_task_type_by_name(name, for_entity="Asset",
                                           client=admin)["id"] == grooming["id"]
    short = unique("g")[:8]
    updated = gazu.task.update_task_type({**grooming, "color": "#123456", "short_name": short},
                                         client=admin)
    assert (updated["color"], updated["short_name"]) == ("#123456", short)
    assert gazu.task.get_task_type_by_short_name(short, client=admin)["id"] == grooming["id"]
    assert grooming["id"] in ids(gazu.task.all_task_types(client=admin))
    gazu.task.remove_task_type(grooming, client=admin)
    assert gazu.task.get_task_type_by_name(name, for_entity="Asset", client=admin) is None
    short = unique("r")[:10]
    status = gazu.task.new_task_status(unique("Ready"), short, "#ff0000", client=admin)
    assert gazu.task.get_task_status(status["id"], client=admin)["short_name"] == short
    assert gazu.task.get_task_status_by_name(status["name"], client=admin)["id"] == (
        status["id"])
    assert gazu.task.update_task_status({**status, "color": "#00ff00"},
                                        client=admin)["color"] == "#00ff00"
    assert status["id"] in ids(gazu.task.all_task_statuses(client=admin))
    gazu.task.remove_task_status(status, client=admin)
    assert gazu.task.get_default_task_status(client=admin)["short_name"] == "todo"


def test_task_lists(admin, work):
    prod, artist, _ = work
    project, shot_task, asset_task = prod["project"], prod["shot_task"], prod["asset_task"]
    animation, modeling = prod["animation"], prod["modeling"]
    assert set(ids(gazu.task.all_task_types_for_project(project, client=admin))) == {
        animation["id"], modeling["id"]}
    review = gazu.task.get_task_status_by_short_name("wfa", client=admin)
    assert gazu.task.all_task_statuses_for_project(project, client=admin) == []
    gazu.project.add_task_status(project, review, client=admin)
    assert ids(gazu.task.all_task_statuses_for_project(project, client=admin)) == [
        review["id"]]
    assert ids(gazu.task.all_tasks_for_episode(prod["episode"], client=admin)) == []
    assert ids(gazu.task.all_shot_tasks_for_sequence(prod["sequence"], client=admin)) == [
        shot_task["id"]]
    assert ids(gazu.task.all_shot_tasks_for_episode(prod["episode"], client=admin)) == [
        shot_task["id"]]
    assert gazu.task.all_tasks_for_sequence(prod["sequence"], client=admin) == []
    gazu.asset.update_asset({**prod["asset"], "episode_id": prod["episode"]["id"]},
                            client=admin)
    gazu.casting.update_shot_casting(project, prod["shot"], [
        {"asset_id": prod["asset"]["id"], "nb_occurences": 1}], client=admin)
    assert ids(gazu.task.all_assets_tasks_for_episode(prod["episode"], client=admin)) == [
        asset_task["id"]]
    todo = gazu.task.get_default_task_status(client=admin)
    assert ids(gazu.task.all_tasks_for_task_status(project, animation, todo,
                                                   client=admin)) == [shot_task["id"]]
    assert ids(gazu.task.all_tasks_for_task_type(project, modeling, client=admin)) == [
        asset_task["id"]]
    assert ids(gazu.task.all_task_types_for_shot(prod["shot"], client=admin)) == [
        animation["id"]]
    assert ids(gazu.task.all_task_types_for_asset(prod["asset"], client=admin)) == [
        modeling["id"]]
    assert ids(gazu.task.all_task_types_for_sequence(prod["sequence"], client=admin)) == [
        animation["id"]]
    assert ids(gazu.task.all_task_types_for_episode(prod["episode"], client=admin)) == [
        animation["id"]]
    assert ids(gazu.task.all_tasks_for_entity_and_task_type(prod["shot"], animation,
                                                            client=admin)) == [
        shot_task["id"]]
    assert set(ids(gazu.task.all_tasks_for_person(artist, client=admin))) == {
        shot_task["id"], asset_task["id"]}
    assert gazu.task.all_done_tasks_for_person(artist, client=admin) == []
    assert ids(gazu.task.all_tasks_for_person_and_type(artist, animation,
                                                       client=admin)) == [shot_task["id"]]
    assert gazu.task.get_task_url(shot_task, client=admin).endswith(
        f"/productions/{project['id']}/shots/tasks/{shot_task['id']}/")


def test_open_tasks_and_team_dates(admin, work):
    prod, artist, _ = work
    gazu.task.update_task({"id": prod["shot_task"]["id"], "start_date": "2025-01-06",
                           "due_date": "2025-01-31"}, client=admin)
    open_tasks = gazu.task.all_open_tasks(client=admin)
    assert {prod["shot_task"]["id"], prod["asset_task"]["id"]} <= set(
        ids(open_tasks["data"]))
    stats = gazu.task.get_open_tasks_stats(client=admin)
    assert (stats[prod["project"]["id"]]["amount"],
            stats[prod["project"]["id"]]["total_duration"]) == (2, 0.0)
    span = next(item for item in gazu.task.get_persons_tasks_dates(client=admin)
                if item["person_id"] == artist["id"])
    assert (span["min_date"], span["max_date"]) == ("2025-01-06T00:00:00",
                                                    "2025-01-31T00:00:00")


def test_tasks_created_assigned_and_removed_in_bulk(admin, work):
    prod, artist, _ = work
    project = prod["project"]
    rigging = gazu.task.get_task_type_by_name("Rigging", for_entity="Asset", client=admin)
    gazu.project.add_task_type(project, rigging, 3, client=admin)
    created = gazu.task.create_asset_tasks(prod["asset"], [rigging], client=admin)
    assert [(item["entity_id"], item["task_type_id"]) for item in created] == [
        (prod["asset"]["id"], rigging["id"])]
    layout = gazu.task.get_task_type_by_name("Layout", for_entity="Shot", client=admin)
    gazu.project.add_task_type(project, layout, 4, client=admin)
    made = gazu.task.create_entity_tasks(prod["shot"], [layout], client=admin)
    assert [item["task_type_id"] for item in made] == [layout["id"]]
    assigned = gazu.task.assign_tasks_to_person(made + created, artist, client=admin)
    assert {item["id"] for item in assigned} == {made[0]["id"], created[0]["id"]}
    gazu.task.remove_tasks_batch(project, made, client=admin)
    assert gazu.task.all_tasks_for_entity_and_task_type(prod["shot"], layout,
                                                        client=admin) == []
    gazu.task.remove_tasks_for_type(project, rigging, client=admin)
    assert ids(gazu.task.all_tasks_for_asset(prod["asset"], client=admin)) == [
        prod["asset_task"]["id"]]
    updated = gazu.task.update_task({"id": prod["shot_task"]["id"], "estimation": 3},
                                    client=admin)
    assert updated["estimation"] == 3
    assert gazu.task.get_task(updated["id"], client=admin)["assignees"] == [artist["id"]]


def test_comments_edited_moved_and_removed(admin, work):
    prod, _, artist_client = work
    shot_task, project = prod["shot_task"], prod["project"]
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    comment = gazu.task.add_comment(shot_task, wip, "first pass", client=artist_client)
    assert gazu.task.get_comment(comment["id"], client=admin)["text"] == "first pass"
    edited = gazu.task.update_comment({**comment, "text": "second pass"},
                                      client=artist_client)
    assert edited["text"] == "second pass"
    reply = gazu.task.reply_to_comment(shot_task, comment, "noted", client=admin)
    gazu.task.delete_comment_reply(shot_task, comment, reply, client=admin)
    assert gazu.task.get_comment(comment["id"], client=admin)["replies"] == []
    assert ids(gazu.task.all_comments_for_project(project, client=admin)) == [comment["id"]]
    layout = gazu.task.get_task_type_by_name("Layout", for_entity="Shot", client=admin)
    gazu.project.add_task_type(project, layout, 3, client=admin)
    other = gazu.task.new_task(prod["shot"], layout, client=admin)
    moved = gazu.task.move_comment_to_task(shot_task, comment, other, client=admin)
    assert moved["object_id"] == other["id"]
    assert ids(gazu.task.all_comments_for_task(other, client=admin)) == [comment["id"]]
    with pytest.raises(gazu.exception.ParameterException,
                       match="same entity"):
        gazu.task.move_comment_to_task(other, comment, prod["asset_task"], client=admin)
    gazu.task.remove_comment(comment, client=admin)
    assert gazu.task.all_comments_for_task(other, client=admin) == []
    assert gazu.task.all_previews_for_task(shot_task, client=admin) == []
    assert gazu.task.all_preview_files_for_project(project, client=admin) == []


def test_batches_of_comments_as_gazu_sends_them(admin, work):
    prod, _, artist_client = work
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    review = gazu.task.get_task_status_by_short_name("wfa", client=admin)
    posted = gazu.task.batch_comments([
        {"task_id": prod["shot_task"]["id"], "task_status_id": wip["id"], "text": "a"},
        {"task_id": prod["asset_task"]["id"], "task_status_id": review["id"], "text": "b"},
    ], client=artist_client)
    assert [(item["object_id"], item["text"]) for item in posted] == [
        (prod["shot_task"]["id"], "a"), (prod["asset_task"]["id"], "b")]
    on_task = gazu.task.batch_comments([{"task_status_id": review["id"], "text": "c"}],
                                       task=prod["shot_task"], client=artist_client)
    assert [item["text"] for item in on_task] == ["c"]
    assert gazu.task.get_task(prod["shot_task"]["id"], client=admin)[
        "task_status_id"] == review["id"]
    with pytest.raises(gazu.exception.ParameterException):
        gazu.task.batch_comments([{"task_id": prod["shot_task"]["id"], "text": "d"}],
                                 client=artist_client)


def test_edit_and_concept_tasks_and_subscriptions(admin, work):
    prod, _, artist_client = work
    project = prod["project"]
    edit_type = gazu.task.get_task_type_by_name("Edit", for_entity="Edit", client=admin)
    concept_type = gazu.task.get_task_type_by_name("Concept", for_entity="Concept",
                                                   client=admin)
    for priority, task_type in enumerate((edit_type, concept_type), start=3):
        gazu.project.add_task_type(project, task_type, priority, client=admin)
    edit = gazu.edit.new_edit(project, "Trailer", episode=prod["episode"], client=admin)
    edit_tasks = gazu.task.create_edit_tasks(edit, [edit_type], client=admin)
    assert [(item["entity_id"], item["task_type_id"]) for item in edit_tasks] == [
        (edit["id"], edit_type["id"])]
    assert ids(gazu.task.all_tasks_for_edit(edit, client=admin)) == ids(edit_tasks)
    concept = gazu.concept.new_concept(project, "Hero sketch", client=admin)
    concept_tasks = gazu.task.create_concept_tasks(concept, [concept_type], client=admin)
    assert ids(gazu.task.all_tasks_for_concept(concept, client=admin)) == ids(concept_tasks)
    assert ids(gazu.task.all_task_types_for_concept(concept, client=admin)) == [
        concept_type["id"]]
    assert gazu.task.all_subscriptions_for_project(project, client=admin) == []
    subscription = gazu.user.subscribe_to_task(prod["shot_task"], client=artist_client)
    assert ids(gazu.task.all_subscriptions_for_project(project, client=admin)) == [
        subscription["id"]]
