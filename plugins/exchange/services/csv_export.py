"""A project's assets and shots as Zou's CSV exports write them: the entity's columns, the
metadata descriptors of its kind, then for each task type met (by priority, then name)
the task's status short name and its assignees' full names, plus the time spent in days
of 8 hours."""

import uuid

import peewee

from framework import BadRequest
from plugins.entities.models import Entity, EntityLink, MetadataDescriptor, TaskStatus, TaskType
from plugins.entities.services import views
from plugins.entities.services.kinds import ASSET, SHOT, of_kind
from plugins.persons.models import Person

ASSET_HEADERS = ["Project", "Type", "Name", "Description", "Time Spent"]
SHOT_HEADERS = ["Project", "Episode", "Sequence", "Name", "Description", "Time Spent",
                "Frames", "Frame In", "Frame Out", "FPS"]
EPISODE_SENTINELS = ("all", "main")


def checked_criteria(params):
    """Zou's id check on the ``id`` and ``episode_id`` filters (``all`` and ``main`` are
    episodes too)."""
    for key in ("id", "episode_id"):
        value = params.get(key)
        if value is None or (key == "episode_id" and value in EPISODE_SENTINELS):
            continue
        try:
            uuid.UUID(value)
        except ValueError:
            raise BadRequest(f"Invalid UUID format for {key}: {value}") from None
    return params


def asset_query(project, params, assigned_ids):
    query = _entities(ASSET, project, params, assigned_ids)
    episode_id = params.get("episode_id")
    if episode_id == "main":
        query = query.where(Entity.source.is_null())
    elif episode_id and episode_id != "all":
        cast = EntityLink.select(EntityLink.entity_out).where(EntityLink.entity_in == episode_id)
        query = query.where((Entity.source == episode_id) | Entity.id.in_(cast))
    return query


def shot_query(project, params, assigned_ids):
    query = _entities(SHOT, project, params, assigned_ids)
    episode_id = params.get("episode_id")
    if episode_id and episode_id != "all":
        sequences = Entity.select(Entity.id).where(Entity.parent == episode_id)
        query = query.where(Entity.parent.in_(sequences))
    return query


def _entities(kind, project, params, assigned_ids):
    """The project's entities of ``kind``: only the one of the ``id`` filter if given, and
    only the ``assigned_ids`` unless they are None."""
    query = Entity.select().where(of_kind(kind), Entity.project == project.id)
    if params.get("id"):
        query = query.where(Entity.id == params["id"])
    if assigned_ids is not None:
        query = query.where(Entity.id.in_(assigned_ids))
    return query


def assets_csv(project, params, assigned_ids, dopesheet):
    items = sorted(views.asset_views(asset_query(project, params, assigned_ids), dopesheet),
                   key=lambda item: (item["asset_type_name"], item["name"]))
    return _table(project, items, "Asset", ASSET_HEADERS, lambda item: [
        project.name, item["asset_type_name"], item["name"], item["description"],
        time_spent(item)])


def shots_csv(project, params, assigned_ids, dopesheet):
    items = sorted(views.shot_views(shot_query(project, params, assigned_ids), dopesheet),
                   key=lambda item: (item["episode_name"] or "", item["sequence_name"] or "",
                                     item["name"]))

    def columns(item):
        data = item["data"] or {}
        return [project.name, item["episode_name"], item["sequence_name"], item["name"],
                item["description"], time_spent(item), item["nb_frames"],
                data.get("frame_in", ""), data.get("frame_out", ""), data.get("fps", "")]

    return _table(project, items, "Shot", SHOT_HEADERS, columns)


def _table(project, items, kind, headers, columns):
    descriptors = list(MetadataDescriptor.select(
        MetadataDescriptor.name, MetadataDescriptor.field_name, MetadataDescriptor.data_type)
        .where(MetadataDescriptor.project == project.id, MetadataDescriptor.entity_type == kind)
        .order_by(MetadataDescriptor.position.asc(nulls="LAST"), MetadataDescriptor.name))
    tasks = [task for item in items for task in item["tasks"]]
    task_types = {row.id: row for row in TaskType.select().where(
        TaskType.id.in_({task["task_type_id"] for task in tasks}))}
    statuses = {row.id: row.short_name for row in TaskStatus.select(
        TaskStatus.id, TaskStatus.short_name)}
    names = {row.id: row.full_name for row in Person.select().where(
        Person.id.in_({person for task in tasks for person in task["assignees"]}))}
    validations = [row.name for row in sorted(
        task_types.values(), key=lambda row: (row.priority or 0, row.name))]
    validations = list(dict.fromkeys(validations))
    header = headers + [row.name for row in descriptors] + [
        name for validation in validations for name in (validation, "Assignations")]
    table = [header]
    for item in items:
        data = item["data"] or {}
        row = columns(item)
        for descriptor in descriptors:
            value = data.get(descriptor.field_name, "")
            if descriptor.data_type == "boolean":
                value = "true" if str(value).lower() == "true" else "false"
            row.append(value)
        per_type = {task_types[task["task_type_id"]].name: task for task in item["tasks"]}
        for validation in validations:
            task = per_type.get(validation)
            row += ([statuses.get(task["task_status_id"], ""),
                     ",".join(names[person] for person in task["assignees"])]
                    if task else ["", ""])
        table.append(row)
    return table


def time_spent(item):
    """The durations of the entity's tasks (minutes) in days of 8 hours."""
    minutes = sum(task["duration"] or 0 for task in item["tasks"])
    return f"{minutes / 8.0 / 60.0 if minutes > 0 else 0:.2f}"


def assigned_to_caller(dopesheet, principal):
    """Zou's ``assigned_to`` filter, whatever its value: the caller's assigned entities."""
    found = dopesheet.hooks.call("entities_assigned_to", person_id=principal.id,
                                 dopesheet=dopesheet)
    return found if found is not None else Entity.select(Entity.id).where(peewee.SQL("0 = 1"))
