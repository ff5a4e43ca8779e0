"""Tasks and what hangs on them, all through the API. Each round adds: on the world's shot a
new take of its Animation task and a task of a new shot type; on its asset a task of a new
asset type; on its sequence and its episode a task of a new (studio-made) type; a new shot
of the sequence and a new asset of the episode with a task each; all assigned to the
artist. On the world's task (``task_id``, the first take): the artist's request for
approval, the admin's answer mentioning the artist and a department, with a preview, the
artist's acknowledgement and reply. The artist logs time on the world's day on each new
task of the shot and the asset, takes a day off in the world's week and follows a task; a
new team member gets a dated task; one task goes to approval (seen by a supervisor), one is
done."""

import datetime
from types import SimpleNamespace

from .world import DAY

SKIP = {}
NO_RANGE = ("without start_date and end_date Zou answers [] (its get_time_spents then "
            "filters on a NULL date); the walker sends no query")
FIXED = {
    "/data/user/time-spents": NO_RANGE,
    "/data/persons/{person_id}/time-spents": NO_RANGE,
    "/data/events/last": "the last 100 events (Zou's default limit): the world writes more "
                         "than 100 in its first round",
}

SHOT_TYPES = ("Layout", "Lighting", "FX")
ASSET_TYPES = ("Modeling", "Shading", "Rigging")
DAYS_OFF = (DAY - datetime.timedelta(days=2), DAY - datetime.timedelta(days=1),
            DAY + datetime.timedelta(days=1))
"""Monday, Tuesday and Thursday of the world's week: a day off wipes the time logged inside
it, so none falls on the world's day."""


def grow(world):
    if world.round == 1:
        world.supervisor, headers = world.prod.member("supervisor")
        world.callers["/data/user/tasks-to-check"] = headers
    tasks = _grow_tasks(world)
    if world.round == 1:
        world.ids["task_id"] = world.ids["tasks"] = tasks["take"]["id"]
        world.task = tasks["take"]
    _grow_comments(world, tasks)
    _grow_schedule(world, tasks)


def _grow_tasks(world):
    """The round's tasks, by role, all assigned to the artist."""
    prod, n = world.prod, world.round
    tasks = {
        "take": _task(world, prod.shot.id, prod.task_type[("Animation", "Shot")],
                      f"take {n}"),
        "shot": _task(world, prod.shot.id, prod.task_type[(SHOT_TYPES[n - 1], "Shot")]),
        "asset": _task(world, prod.asset.id, prod.task_type[(ASSET_TYPES[n - 1], "Asset")]),
        "sequence": _task(world, prod.sequence.id,
                          _task_type(world, f"Sequence pass {n}", "Sequence")),
        "episode": _task(world, prod.episode.id,
                         _task_type(world, f"Episode pass {n}", "Episode")),
    }
    shot = prod.post(f"/data/projects/{prod.project_id}/shots",
                     {"name": f"SH{n:03d}G", "sequence_id": str(prod.sequence.id)})
    tasks["new shot"] = prod.shot_task(shot=SimpleNamespace(id=shot["id"]))
    character = prod.kind["Character"]
    asset = prod.post(f"/data/projects/{prod.project_id}/asset-types/{character}/assets/new",
                      {"name": f"Grown {n}", "description": "",
                       "episode_id": str(prod.episode.id)})
    tasks["new asset"] = prod.create_tasks("assets", prod.task_type[("Modeling", "Asset")],
                                           [SimpleNamespace(id=asset["id"])])[0]
    for task in tasks.values():
        prod.assign(task, world.artist)
    return tasks


def _task(world, entity_id, task_type_id, name="grown"):
    """``POST /data/tasks``: a name of its own, so that it never meets the ``main`` task
    another grower creates on the same entity and type."""
    return world.prod.post("/data/tasks", {"name": name, "entity_id": str(entity_id),
                                           "task_type_id": str(task_type_id)})


def _task_type(world, name, for_entity):
    """A task type of the studio, used by the project (none is seeded for sequences or
    episodes)."""
    prod = world.prod
    task_type = prod.post("/data/task-types", {"name": name, "for_entity": for_entity})
    prod.post(f"/data/projects/{prod.project_id}/settings/task-types",
              {"task_type_id": task_type["id"]})
    return task_type["id"]


def _grow_comments(world, tasks):
    prod, n, artist = world.prod, world.round, world.artist
    task, headers = world.task, world.artist_headers
    for grown in (tasks["new shot"], tasks["new asset"]):
        prod.comment(grown, "wfa", f"ready {n}", headers=headers)
        prod.comment(grown, "wip", f"notes {n}")
    asked = prod.comment(task, "wfa", f"ready {n}", headers=headers)
    answer = prod.comment(task, "wip",
                          f"notes {n} for @{artist.first_name} {artist.last_name} and "
                          "@Animation")
    prod.post(f"/actions/tasks/{task['id']}/comments/{answer['id']}/add-preview", {})
    answered = f"/data/tasks/{task['id']}/comments/{answer['id']}"
    prod.post(f"{answered}/ack", None, 200, headers)
    prod.post(f"{answered}/reply", {"text": f"thanks {n}"}, 200, headers)
    prod.comment(tasks["asset"], "wfa", f"modeled {n}", headers=headers)
    prod.comment(tasks["shot"], "done", f"approved {n}")
    if n == 1:
        ids = world.ids
        ids["comments"] = ids["comment_id"] = asked["id"]
        news = prod.get(f"/data/projects/{prod.project_id}/news")["data"]
        ids["news"] = ids["news_id"] = news[0]["id"]
        ids["events"] = prod.get("/data/events/last")[0]["id"]
        notification = prod.get("/data/user/notifications", headers=headers)[0]
        ids["notifications"] = ids["notification_id"] = notification["id"]


def _grow_schedule(world, tasks):
    prod, n, artist = world.prod, world.round, world.artist
    time_spents = [prod.post(f"/actions/tasks/{tasks[role]['id']}/time-spents/"
                             f"{DAY.isoformat()}/persons/{artist.id}", {"duration": 60},
                             headers=world.artist_headers)
                   for role in ("take", "shot", "asset")]
    day_off = prod.post("/data/day-offs", {"person_id": str(artist.id),
                                           "date": DAYS_OFF[n - 1].isoformat(),
                                           "end_date": DAYS_OFF[n - 1].isoformat()})
    subscription = prod.post(f"/actions/user/tasks/{tasks['shot']['id']}/subscribe", {},
                             headers=world.artist_headers)
    member, _ = prod.member("user")
    prod.put(f"/data/tasks/{tasks['shot']['id']}", {"start_date": "2026-11-02",
                                                     "due_date": "2026-12-18"})
    prod.assign(tasks["shot"], member)
    if n == 1:
        world.ids.update({"time-spents": time_spents[0]["id"], "day-offs": day_off["id"],
                          "subscriptions": subscription["id"]})
