"""Zou's temporary playlist: entries built from tasks (or from entities, each through its
latest reviewed task holding a preview), nothing written. Each entry names its entity, its
parent (a shot's sequence, a sequence's or an edit's episode, an asset's type) and the
previews of the entity per task type; it plays the latest preview of the task's type, else
of the first task type of the project (by link priority) that has one. A fixed number of
queries whatever the number of tasks."""

from operator import itemgetter

from peewee import JOIN

from plugins.entities.models import Entity, EntityType, ProjectTaskTypeLink, TaskType
from plugins.entities.services.kinds import (ASSET, EDIT, EPISODE, SEQUENCE, SHOT,
                                             kind_of_type_name)
from plugins.tasks.models import Task

from . import previews

PLAYED_KEYS = ("extension", "width", "height", "duration", "revision", "status")
SORT_KEY = itemgetter("episode_name", "sequence_name", "asset_type_name", "name")
Parent = Entity.alias("parent")
ParentType = EntityType.alias("parent_type")


def task_of_entities(entity_ids):
    """``{entity_id: id of its latest commented task holding a preview}``."""
    chosen = {}
    for task_id, entity_id in (Task.select(Task.id, Task.entity)
                               .where(Task.entity.in_(entity_ids),
                                      Task.last_preview_file_id.is_null(False))
                               .order_by(Task.last_comment_date.desc(nulls="LAST"))
                               .tuples()):
        chosen.setdefault(entity_id, task_id)
    return chosen


def entries(task_ids, dopesheet, sort=False):
    """The temporary playlist of ``task_ids`` (already checked readable), in their order
    unless ``sort`` (episode, sequence, asset type, then entity name)."""
    if not task_ids:
        return []
    rows = {row[0]: row for row in (
        Task.select(Task.id, Task.task_type, Task.project, Entity.id, Entity.name,
                    EntityType.name, EntityType.id, Parent.id, Parent.name, ParentType.name)
        .join(Entity, on=(Task.entity == Entity.id))
        .join(EntityType, on=(Entity.entity_type == EntityType.id))
        .join(Parent, JOIN.LEFT_OUTER, on=(Entity.parent == Parent.id))
        .join(ParentType, JOIN.LEFT_OUTER, on=(Parent.entity_type == ParentType.id))
        .where(Task.id.in_(task_ids)).tuples())}
    first = rows.get(task_ids[0])
    if first is None:
        return []
    link_order = _task_type_order(first[2], kind_of_type_name(first[5]))
    found = previews.of_entities([row[3] for row in rows.values()], dopesheet)
    per_entity = {}
    for preview in found:
        per_entity.setdefault(preview["entity_id"], []).append(preview)
    made = []
    for task_id in task_ids:
        row = rows.get(task_id)
        if row is None:
            continue
        entry = _entry(row)
        grouped = previews.per_task_type(per_entity.get(row[3], []), previews.ENTITY_KEYS)
        played = _played(grouped, row[1], link_order)
        if played is not None:
            entry["preview_file_id"] = played["id"]
            for key in PLAYED_KEYS:
                entry[f"preview_file_{key}"] = played[key]
            entry["preview_file_annotations"] = played["annotations"] or []
            entry["preview_file_previews"] = played["previews"]
        entry["preview_files"] = grouped
        made.append(entry)
    return sorted(made, key=SORT_KEY) if sort else made


def _task_type_order(project_id, for_entity):
    return [row[0] for row in (
        ProjectTaskTypeLink.select(ProjectTaskTypeLink.task_type)
        .join(TaskType, on=(ProjectTaskTypeLink.task_type == TaskType.id))
        .where(ProjectTaskTypeLink.project == project_id, TaskType.for_entity == for_entity)
        .order_by(ProjectTaskTypeLink.priority.desc()).tuples())]


def _played(grouped, task_type_id, link_order):
    if grouped.get(task_type_id):
        return grouped[task_type_id][0]
    for linked in link_order:
        if grouped.get(linked):
            return grouped[linked][0]
    return None


def _entry(row):
    (task_id, _, _, entity_id, name, type_name, type_id, parent_id, parent_name,
     parent_type) = row
    entry = {"id": entity_id, "name": name, "preview_file_task_id": task_id,
             "parent_name": "", "episode_id": "", "episode_name": "", "sequence_id": "",
             "sequence_name": "", "asset_type_id": "", "asset_type_name": ""}
    kind = kind_of_type_name(type_name)
    if kind == SHOT and parent_id is not None:
        entry.update(parent_name=parent_name, sequence_id=parent_id,
                     sequence_name=parent_name)
    elif kind in (SEQUENCE, EDIT) and parent_type == EPISODE:
        entry.update(parent_name=parent_name, episode_id=parent_id, episode_name=parent_name)
    elif kind == ASSET:
        entry.update(parent_name=type_name, asset_type_id=type_id, asset_type_name=type_name)
    return entry
