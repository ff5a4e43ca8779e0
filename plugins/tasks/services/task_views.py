"""Zou's enriched task rows: a task's columns with its project, entity, sequence, episode,
type and status names (the to-do lists, tasks to check, open tasks), and the detailed rows
of the per-entity task lists. Each view is a fixed number of queries whatever the row
count: the rows, their assignees, and the extras the view adds.
"""

import peewee

from plugins.entities.models import (Entity, EntityLink, EntityType, Project, ProjectPersonLink,
                                     TaskStatus, TaskType)
from plugins.persons.models import Person

from ..models import Comment, Task
from .presenters import TASK, assignee_ids

Sequence = Entity.alias("sequence")
Episode = Entity.alias("episode")
Source = Entity.alias("source")
COLUMN_COUNT = len(TASK.fields)
ENRICHED = (
    ("project_name", Project.name), ("project_has_avatar", Project.has_avatar),
    ("entity_name", Entity.name), ("entity_description", Entity.description),
    ("entity_data", Entity.data), ("entity_preview_file_id", Entity.preview_file_id),
    ("entity_source_id", Entity.source), ("entity_type_name", EntityType.name),
    ("entity_canceled", Entity.canceled), ("sequence_name", Sequence.name),
    ("episode_id", Episode.id), ("episode_name", Episode.name),
    ("task_type_for_entity", TaskType.for_entity), ("task_type_name", TaskType.name),
    ("task_status_name", TaskStatus.name), ("task_type_color", TaskType.color),
    ("task_status_color", TaskStatus.color), ("task_status_short_name", TaskStatus.short_name),
    ("entity_parent_id", Entity.parent), ("parent_name", Sequence.name),
    ("source_name", Source.name), ("task_status_is_done", TaskStatus.is_done),
)
ENTITY_KEYS = ("project_name", "project_has_avatar", "entity_name", "entity_description",
               "entity_data", "entity_preview_file_id", "entity_source_id",
               "entity_type_name", "entity_canceled", "sequence_name", "episode_id",
               "episode_name", "task_type_for_entity")
NAMES = ("task_type_name", "task_status_name", "task_type_color", "task_status_color",
         "task_status_short_name")


def enriched_query(*where):
    """Tasks joined to what the enriched rows name (one query when run)."""
    return (Task.select(*TASK.fields, *[expression for _, expression in ENRICHED])
            .join(Project, on=(Task.project == Project.id))
            .switch(Task).join(TaskType, on=(Task.task_type == TaskType.id))
            .switch(Task).join(TaskStatus, on=(Task.task_status == TaskStatus.id))
            .switch(Task).join(Entity, on=(Task.entity == Entity.id))
            .join(EntityType, on=(Entity.entity_type == EntityType.id))
            .switch(Entity).join(Sequence, peewee.JOIN.LEFT_OUTER,
                                 on=(Entity.parent == Sequence.id))
            .join(Episode, peewee.JOIN.LEFT_OUTER, on=(Sequence.parent == Episode.id))
            .switch(Entity).join(Source, peewee.JOIN.LEFT_OUTER,
                                 on=(Entity.source == Source.id))
            .where(*where))


def _row(values):
    """``(task dict, extras)`` of one enriched row, with Zou's episode resolution: a shot's
    episode through its sequence, an asset's through its source (``""`` without one), a
    sequence's its parent."""
    task = TASK.from_values(values[:COLUMN_COUNT])
    extra = dict(zip([key for key, _ in ENRICHED], values[COLUMN_COUNT:]))
    extra["entity_preview_file_id"] = extra["entity_preview_file_id"] or ""
    extra["entity_source_id"] = extra["entity_source_id"] or ""
    if extra["episode_id"] is None:
        extra["episode_id"] = extra["entity_source_id"]
        if extra["episode_id"]:
            extra["episode_name"] = extra["source_name"] or "MP"
    if extra["entity_type_name"] == "Sequence" and extra["entity_parent_id"] is not None:
        extra["episode_id"] = extra["entity_parent_id"]
        extra["episode_name"] = extra["parent_name"]
    task.update((key, extra[key]) for key in ENTITY_KEYS)
    return task, extra


def todo_rows(query, with_casting=False):
    """The to-do shape (``/data/user/tasks``, person tasks, tasks to check): the entity's
    names, ``task_*`` copies, assignees and the last non-client comment."""
    rows = [_row(values) for values in query.tuples()]
    casting = cast_in_episodes([task["entity_id"] for task, _ in rows]) if with_casting else {}
    tasks = []
    for task, extra in rows:
        task.update(task_estimation=task["estimation"], task_duration=task["duration"],
                    task_start_date=task["start_date"], task_due_date=task["due_date"])
        task.update((key, extra[key]) for key in NAMES)
        episodes = casting.get(task["entity_id"])
        if episodes:
            task["episode_ids"] = [episode_id for episode_id, _ in episodes]
            task["episode_names"] = [name for _, name in episodes]
        tasks.append(task)
    add_assignees(tasks)
    last = last_comments([task["id"] for task in tasks])
    for task in tasks:
        task["last_comment"] = last.get(task["id"], {})
    return tasks


def open_rows(query):
    """The open-tasks shape: the entity's names, ``type_*``/``status_*`` names and
    assignees."""
    tasks = []
    for values in query.tuples():
        task, extra = _row(values)
        task.update(type_name=extra["task_type_name"], status_name=extra["task_status_name"],
                    type_color=extra["task_type_color"],
                    status_color=extra["task_status_color"],
                    status_short_name=extra["task_status_short_name"])
        tasks.append(task)
    add_assignees(tasks)
    return tasks


def add_assignees(tasks):
    if tasks:
        assignees = assignee_ids([task["id"] for task in tasks])
        for task in tasks:
            task["assignees"] = assignees.get(task["id"], [])
    return tasks


def cast_in_episodes(entity_ids):
    """``{asset_id: [(episode_id, episode_name)]}`` of the episodes the assets are cast in,
    by episode name (one query)."""
    if not entity_ids:
        return {}
    found = {}
    query = (EntityLink.select(EntityLink.entity_out, Episode.id, Episode.name)
             .join(Episode, on=(EntityLink.entity_in == Episode.id))
             .join(EntityType, on=(Episode.entity_type == EntityType.id))
             .where(EntityType.name == "Episode", EntityLink.entity_out.in_(entity_ids))
             .order_by(Episode.name))
    for asset_id, episode_id, name in query.tuples():
        found.setdefault(asset_id, []).append((episode_id, name))
    return found


def non_client_comments():
    """Comments whose author is no client in the task's project."""
    return (Comment.select()
            .join(Person, on=(Comment.person == Person.id))
            .switch(Comment).join(Task, on=(Comment.task == Task.id))
            .join(ProjectPersonLink, peewee.JOIN.LEFT_OUTER, on=(
                (ProjectPersonLink.person == Person.id)
                & (ProjectPersonLink.project == Task.project)))
            .where(peewee.fn.COALESCE(ProjectPersonLink.role, Person.role) != "client"))


def last_comments(task_ids):
    """``{task_id: {text, date, person_id}}`` of each task's newest non-client comment
    (one query)."""
    if not task_ids:
        return {}
    found = {}
    query = (non_client_comments()
             .select(Comment.task, Comment.text, Comment.created_at, Comment.person)
             .where(Comment.task.in_(task_ids)).order_by(Comment.created_at))
    for task_id, text, created_at, person_id in query.tuples():
        found[task_id] = {"text": text, "date": created_at.isoformat(timespec="seconds"),
                          "person_id": person_id}
    return found


DETAIL_EXTRAS = (("project_name", Project.name), ("task_type_name", TaskType.name),
                 ("task_status_name", TaskStatus.name), ("entity_type_name", EntityType.name),
                 ("entity_name", Entity.name))


def detailed_rows(where, relations=False):
    """Zou's per-entity task lists: columns plus project, type, status, entity type and
    entity names, sorted on those names; assignees when ``relations``."""
    query = (Task.select(*TASK.fields, *[expression for _, expression in DETAIL_EXTRAS])
             .join(Project, on=(Task.project == Project.id))
             .switch(Task).join(TaskType, on=(Task.task_type == TaskType.id))
             .switch(Task).join(TaskStatus, on=(Task.task_status == TaskStatus.id))
             .switch(Task).join(Entity, on=(Task.entity == Entity.id))
             .join(EntityType, on=(Entity.entity_type == EntityType.id))
             .where(where))
    tasks = []
    for values in query.tuples():
        task = TASK.from_values(values[:COLUMN_COUNT])
        task.update(zip([key for key, _ in DETAIL_EXTRAS], values[COLUMN_COUNT:]))
        tasks.append(task)
    tasks.sort(key=lambda task: tuple((task[key] or "").casefold() for key in (
        "name", "project_name", "task_type_name", "entity_type_name", "entity_name")))
    return add_assignees(tasks) if relations else tasks
