"""What this plugin tells the ``entities`` plugin: tasks embedded in entity answers, what a
vendor may see, and tasks deleted with their entities."""

from tests.plugins.tasks.zou_shapes import COMPACT_TASK


def test_entities_embed_their_tasks(prod):
    task = prod.shot_task()
    artist, _ = prod.member("user")
    prod.assign(task, artist)
    shots = prod.get(f"/data/shots/with-tasks?project_id={prod.project_id}")
    embedded = next(shot for shot in shots if shot["id"] == prod.shot.id)["tasks"]
    assert [list(item) for item in embedded] == [COMPACT_TASK]
    assert (embedded[0]["id"], embedded[0]["assignees"], embedded[0]["is_subscribed"]) == (
        task["id"], [artist.id], False)
    types = prod.get(f"/data/shots/{prod.shot.id}/task-types")
    assert [item["id"] for item in types] == [task["task_type_id"]]


def test_a_sequence_and_an_episode_have_the_task_types_of_their_shots(prod):
    task = prod.shot_task()
    for path in (f"/data/sequences/{prod.sequence.id}/task-types",
                 f"/data/episodes/{prod.episode.id}/task-types"):
        assert [item["id"] for item in prod.get(path)] == [task["task_type_id"]]
    assert prod.get(f"/data/assets/{prod.asset.id}/task-types") == []


def test_vendors_see_the_entities_they_are_assigned_on(prod):
    task = prod.shot_task()
    vendor, headers = prod.member("vendor")
    assert prod.get(f"/data/shots?project_id={prod.project_id}", headers) == []
    prod.assign(task, vendor)
    assert [shot["id"] for shot in prod.get(f"/data/shots?project_id={prod.project_id}",
                                            headers)] == [prod.shot.id]


def test_deleting_an_entity_with_force_takes_its_tasks(prod):
    task = prod.shot_task()
    prod.comment(task, "wip", "x")
    follower, headers = prod.member("user")
    prod.post(f"/actions/user/sequences/{prod.sequence.id}/task-types/{task['task_type_id']}"
              "/subscribe", headers=headers)
    prod.delete(f"/data/shots/{prod.shot.id}")
    assert prod.get(f"/data/shots/{prod.shot.id}")["canceled"] is True
    prod.delete(f"/data/shots/{prod.shot.id}?force=true")
    prod.call("GET", f"/data/tasks/{task['id']}", 404)
    assert prod.get("/data/comments") == []
    prod.delete(f"/data/sequences/{prod.sequence.id}?force=true")
    assert prod.get("/data/subscriptions") == []
