"""gazu.sync against a served Dopesheet: the event log read with its filters (gazu sends
``only_files=True``, which Zou 1.0.97 reads as false: only ``true`` filters), the id maps
built from two connections, and comments pushed from one connection to another (here both
are the same instance, so a pushed comment lands on its own task again). The push
functions between two instances: ``test_sync_push.py``."""

import datetime

import gazu
import pytest

from tests.compat.conftest import unique
from tests.compat.productions import production


@pytest.fixture
def other_admin(served, admin_of):
    """A second connection, standing for the target instance of a synchronisation."""
    return admin_of(served)


def test_the_event_log_and_its_filters(admin):
    moment = datetime.datetime.now(datetime.UTC) - datetime.timedelta(seconds=1)
    before_all = moment.strftime("%Y-%m-%dT%H:%M:%S")
    prod = production(admin)
    events = gazu.sync.get_last_events(project=prod["project"], client=admin)
    names = [event["name"] for event in events]
    assert {"task:new", "sequence:new", "shot:new", "asset:new"} <= set(names)
    assert {event["project_id"] for event in events} == {prod["project"]["id"]}
    newest_first = [event["created_at"] for event in events]
    assert newest_first == sorted(newest_first, reverse=True)
    created = gazu.sync.get_last_events(project=prod["project"], name="task:new",
                                        client=admin)
    assert {event["data"]["task_id"] for event in created} == {
        prod["shot_task"]["id"], prod["asset_task"]["id"]}
    assert len(gazu.sync.get_last_events(limit=1, project=prod["project"],
                                         client=admin)) == 1
    assert gazu.sync.get_last_events(project=prod["project"], before=before_all,
                                     client=admin) == []
    later = gazu.sync.get_last_events(project=prod["project"], after=before_all,
                                      client=admin)
    assert [event["id"] for event in later] == [event["id"] for event in events]
    unfiltered = gazu.sync.get_last_events(project=prod["project"], only_files=True,
                                           client=admin)
    assert [event["id"] for event in unfiltered] == [event["id"] for event in events]


def test_artists_cannot_read_the_event_log(new_person):
    _, artist_client = new_person()
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.sync.get_last_events(client=artist_client)


def test_id_maps_between_two_connections(admin, other_admin):
    gazu.person.new_department(unique("Grading"), "#336699", client=admin)
    for id_map, listing in (
            (gazu.sync.get_sync_department_id_map, gazu.person.all_departments),
            (gazu.sync.get_sync_asset_type_id_map, gazu.asset.all_asset_types),
            (gazu.sync.get_sync_project_id_map, gazu.project.all_projects),
            (gazu.sync.get_sync_task_type_id_map, gazu.task.all_task_types),
            (gazu.sync.get_sync_task_status_id_map, gazu.task.all_task_statuses)):
        found = id_map(admin, other_admin)
        listed = listing(client=admin)
        assert found and set(found) <= {item["id"] for item in listed}
        assert all(found[key] in {item["id"] for item in listing(client=other_admin)}
                   for key in found)
    persons = gazu.sync.get_sync_person_id_map(admin, other_admin)
    me = gazu.client.get_current_user(client=admin)
    assert persons[me["id"]] == me["id"]
    types = gazu.asset.all_asset_types(client=admin)
    assert gazu.sync.get_model_list_diff(types, types[1:]) == ([types[0]], [])
    assert gazu.sync.get_id_map_by_name(types, gazu.asset.all_asset_types(
        client=other_admin)) == {item["name"]: item["id"] for item in types}


def test_comments_are_pushed_with_their_date_and_author(admin, other_admin, new_person):
    artist, artist_client = new_person()
    prod = production(admin, artist)
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    original = gazu.task.add_comment(prod["shot_task"], wip, "first pass",
                                     checklist=[{"text": "hands", "checked": False}],
                                     client=artist_client)
    statuses = gazu.sync.get_sync_task_status_id_map(admin, other_admin)
    persons = gazu.sync.get_sync_person_id_map(admin, other_admin)
    pushed = gazu.sync.push_task_comments(statuses, persons, prod["shot_task"], admin,
                                          other_admin)
    assert [comment["id"] for comment in pushed] == [original["id"]]
    comments = gazu.task.all_comments_for_task(prod["shot_task"], client=admin)
    assert [(item["text"], item["person_id"], item["created_at"]) for item in comments] == [
        ("first pass", artist["id"], original["created_at"])] * 2
    assert comments[0]["checklist"] == [{"text": "hands", "checked": False}]
    tasks = gazu.sync.push_tasks_comments(prod["project"], admin, other_admin)
    assert {task["id"] for task in tasks} == {prod["shot_task"]["id"],
                                              prod["asset_task"]["id"]}
    assert len(gazu.task.all_comments_for_task(prod["shot_task"], client=admin)) == 4
