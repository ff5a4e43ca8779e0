"""The production schedule: one item per task type of a project, then per asset type,
episode, sequence or edit for a task type. Reading a level creates the items it lacks
(today to tomorrow, announced as ``schedule-item:new``) and leaves out those whose object
is gone, as Zou does; a level costs a fixed number of queries."""

import datetime

from framework import utcnow
from framework.serialize import Serializer
from plugins.entities.models import Entity, EntityType, ProjectTaskTypeLink, TaskType
from plugins.entities.services.kinds import asset_type_ids, of_kind
from plugins.tasks.models import Task

from ..models import Milestone, ScheduleItem

ITEM_KEYS = ("id", "start_date", "end_date", "man_days", "project_id", "task_type_id",
             "object_id")
MILESTONE_KEYS = ("id", "date", "name", "project_id", "task_type_id")
SCHEDULED_KINDS = ("Asset", "Shot", "Sequence", "Episode", "Edit")
ITEM_SERIALIZER = Serializer(ScheduleItem)
MILESTONE_SERIALIZER = Serializer(Milestone)


def presented(serializer, query, keys):
    """Zou's ``present()``: a few keys, ``id`` first."""
    return [{key: item[key] for key in keys}
            for item in (serializer.from_values(values) for values in serializer.select(query))]


def milestones(project_id):
    query = Milestone.select().where(Milestone.project == project_id).order_by(
        Milestone.date, Milestone.created_at)
    return presented(MILESTONE_SERIALIZER, query, MILESTONE_KEYS)


def items_of(project_id):
    query = ScheduleItem.select().where(ScheduleItem.project == project_id).order_by(
        ScheduleItem.start_date, ScheduleItem.created_at)
    return [ITEM_SERIALIZER.from_values(values) for values in ITEM_SERIALIZER.select(query)]


def _complete(project_id, wanted, existing, dopesheet):
    """Create an item for each ``wanted`` ``(task_type_id, object_id)`` that ``existing``
    lacks; returns the ids of the wanted items."""
    today = utcnow().date()
    have = {(item.task_type_id, item.object_id): item.id for item in existing}
    shown = {key: item_id for key, item_id in have.items() if key in wanted}
    for key in wanted:
        if key in shown:
            continue
        created = ScheduleItem.create(project=project_id, task_type=key[0], object_id=key[1],
                                      start_date=today,
                                      end_date=today + datetime.timedelta(days=1))
        dopesheet.emit("schedule-item:new", {"schedule_item_id": created.id},
                       project_id=project_id)
        shown[key] = created.id
    return list(shown.values())


def for_task_types(project_id, dopesheet):
    """Items of the task types the project has tasks of (those of its settings when it
    lists some), sorted by start date."""
    configured = ProjectTaskTypeLink.select(ProjectTaskTypeLink.task_type).where(
        ProjectTaskTypeLink.project == project_id)
    query = (TaskType.select(TaskType.id).where(
        TaskType.id.in_(Task.select(Task.task_type).where(Task.project == project_id)),
        TaskType.for_entity.in_(SCHEDULED_KINDS)))
    if configured.exists():
        query = query.where(TaskType.id.in_(configured))
    wanted = {(task_type_id, None) for (task_type_id,) in query.tuples()}
    existing = ScheduleItem.select().where(ScheduleItem.project == project_id,
                                           ScheduleItem.object_id.is_null())
    ids = _complete(project_id, wanted, existing, dopesheet)
    query = ScheduleItem.select().where(ScheduleItem.id.in_(ids)).order_by(
        ScheduleItem.start_date, ScheduleItem.created_at, ScheduleItem.id)
    return presented(ITEM_SERIALIZER, query, ITEM_KEYS)


def _named_items(project_id, task_type_id, objects, dopesheet):
    """Items of ``objects`` (``{object_id: name}``) for a task type, named and sorted by
    name."""
    existing = ScheduleItem.select().where(ScheduleItem.project == project_id,
                                           ScheduleItem.task_type == task_type_id,
                                           ScheduleItem.object_id.in_(list(objects)))
    wanted = {(task_type_id, object_id) for object_id in objects}
    ids = _complete(project_id, wanted, existing, dopesheet)
    query = ScheduleItem.select().where(ScheduleItem.id.in_(ids))
    found = presented(ITEM_SERIALIZER, query, ITEM_KEYS)
    for item in found:
        item["name"] = objects[item["object_id"]]
    return sorted(found, key=lambda item: (item["name"], item["id"]))


def for_asset_types(project_id, task_type_id, episode_id, dopesheet):
    """Items of the asset types of the project's assets (of the assets of an episode)."""
    assets = Entity.select(Entity.entity_type).where(Entity.project == project_id,
                                                     of_kind("Asset"))
    if episode_id is not None:
        assets = assets.where(Entity.source == episode_id)
    objects = {row.id: row.name for row in EntityType.select(EntityType.id, EntityType.name)
               .where(EntityType.id.in_(assets), EntityType.id.in_(asset_type_ids()))}
    return _named_items(project_id, task_type_id, objects, dopesheet)


def for_entities(kind, project_id, task_type_id, episode_id, dopesheet):
    """Items of the project's episodes (one episode), sequences or edits (of an episode;
    canceled edits left out)."""
    query = Entity.select(Entity.id, Entity.name).where(Entity.project == project_id,
                                                        of_kind(kind))
    if kind == "Edit":
        query = query.where((Entity.canceled == False) | Entity.canceled.is_null())  # noqa: E712
    if episode_id is not None:
        query = query.where(Entity.id == episode_id if kind == "Episode"
                            else Entity.parent == episode_id)
    objects = {row.id: row.name for row in query}
    return _named_items(project_id, task_type_id, objects, dopesheet)
