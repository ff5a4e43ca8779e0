"""``/import/kitsu/<model>``: rows exported by another Kitsu upserted with their ids and
dates, for admins only, as one transaction."""

import uuid

from plugins.entities.models import Entity, EntityLink
from plugins.tasks.models import Task


def exported_shot(prod, **fields):
    return {"id": str(uuid.uuid4()), "name": "SH999", "type": "Shot",
            "project_id": prod.project_id, "entity_type_id": str(uuid.uuid4()),
            "parent_id": prod.sequence.id, "sequence_name": "SQ01", "frame_in": 1,
            "frame_out": 24, "data": {"camera": "A"}, "created_by": str(uuid.uuid4()),
            "created_at": "2021-02-03T04:05:06", "updated_at": "2021-02-04T04:05:06",
            **fields}


def test_rows_are_created_with_their_ids_and_dates_then_updated(prod):
    shot = exported_shot(prod)
    created = prod.post("/import/kitsu/entities", [shot], expected=200)
    assert [(row["id"], row["name"], row["type"], row["created_at"], row["updated_at"])
            for row in created] == [(shot["id"], "SH999", "Entity", "2021-02-03T04:05:06",
                                     "2021-02-04T04:05:06")]
    assert created[0]["entity_type_id"] == prod.kind["Shot"]
    assert created[0]["data"] == {"camera": "A", "frame_in": 1, "frame_out": 24}
    assert created[0]["created_by"] is None
    renamed = prod.post("/import/kitsu/entities?silent=true",
                        [{**shot, "name": "SH998", "updated_at": "2022-01-01T00:00:00"}],
                        expected=200)
    assert (renamed[0]["name"], renamed[0]["updated_at"]) == ("SH998", "2022-01-01T00:00:00")
    events = [event["name"] for event in prod.events(project_id=prod.project_id)]
    assert events.count("shot:new") == 1 and "shot:update" not in events


def test_tasks_keep_their_known_assignees_and_links_are_found_by_their_ends(prod):
    artist, _ = prod.member()
    task = {"id": str(uuid.uuid4()), "name": "main", "project_id": prod.project_id,
            "task_type_id": prod.task_type[("Animation", "Shot")],
            "task_status_id": prod.status["todo"], "entity_id": prod.shot.id,
            "assignees": [artist.id, str(uuid.uuid4())], "type": "Task"}
    imported = prod.post("/import/kitsu/tasks", [task], expected=200)
    assert imported[0]["id"] == task["id"] and "assignees" not in imported[0]
    assert prod.get(f"/data/tasks/{task['id']}")["assignees"] == [artist.id]
    link = {"id": str(uuid.uuid4()), "entity_in_id": prod.shot.id,
            "entity_out_id": prod.asset.id, "nb_occurences": 2, "type": "EntityLink",
            "project_name": "elsewhere"}
    first = prod.post("/import/kitsu/entity-links", [link], expected=200)
    again = prod.post("/import/kitsu/entity-links",
                      [{**link, "id": str(uuid.uuid4()), "nb_occurences": 3}], expected=200)
    assert first[0]["id"] == again[0]["id"] == link["id"]
    with prod.app.dopesheet.activated():
        assert [row.nb_occurences for row in EntityLink.select()] == [3]


def test_refused_rows_bodies_and_callers(prod):
    """A refused row leaves nothing imported; bodies that are no rows are refused; only
    admins import."""
    good, orphan = exported_shot(prod), exported_shot(prod, name="SH997",
                                                      parent_id=str(uuid.uuid4()))
    answer = prod.post("/import/kitsu/entities", [good, orphan], expected=400)
    assert answer["error"] is True
    with prod.app.dopesheet.activated():
        assert not Entity.select().where(Entity.id == good["id"]).exists()
    assert prod.post("/import/kitsu/tasks", {"id": "x"}, expected=400)["message"] == (
        "A list of entities is expected.")
    answer = prod.post("/import/kitsu/tasks", [{"name": "no id"}], expected=400)
    assert answer["message"] == "Validation error."
    assert prod.post("/import/kitsu/tasks", [{"id": str(uuid.uuid4()), "priority": "high"}],
                     expected=400)["message"] == "Validation error."
    prod.call("POST", "/import/kitsu/persons", 404, json=[])
    _, manager_headers = prod.member("manager")
    task = {"id": str(uuid.uuid4()), "name": "main", "project_id": prod.project_id,
            "entity_id": prod.shot.id}
    assert prod.post("/import/kitsu/tasks", [task], expected=200,
                     headers=manager_headers) == []
    with prod.app.dopesheet.activated():
        assert not Task.select().where(Task.id == task["id"]).exists()
    assert prod.client.simulate_post("/import/kitsu/tasks", json=[task]).status_code == 401
