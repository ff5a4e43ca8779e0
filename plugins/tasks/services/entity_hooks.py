"""This plugin's answers to the ``entities`` plugin's hooks: the tasks embedded in entity
answers, what a vendor may see, and the tasks to delete before their entities."""

from ..models import Subscription, Task, TaskPersonLink
from . import task_writes
from .loading import task_rows
from .presenters import assignee_ids

COMPACT_FIELDS = (
    Task.id, Task.duration, Task.due_date, Task.end_date, Task.done_date, Task.entity,
    Task.estimation, Task.last_comment_date, Task.last_preview_file_id, Task.nb_assets_ready,
    Task.priority, Task.real_start_date, Task.retake_count, Task.start_date, Task.difficulty,
    Task.nb_drawings, Task.task_status, Task.task_type, Task.data)
"""Zou's ``SHOTS_AND_TASKS_TASK_FIELDS`` order, the widest of the ``/with-tasks`` views."""
DATE_KEYS = frozenset(("due_date", "end_date", "done_date", "last_comment_date",
                       "real_start_date", "start_date"))


def _compact(values, assignees):
    task = {}
    for field, value in zip(COMPACT_FIELDS, values):
        key = field.column_name
        if key in DATE_KEYS and value is not None:
            value = value.isoformat(timespec="seconds")
        task[key] = value
        if key == "estimation":
            task["is_subscribed"] = False
    task["assignees"] = assignees.get(task["id"], [])
    task["data"] = task.pop("data")
    return task


def tasks_by_entity(entity_ids):
    """``{entity_id: [compact task dict]}`` (two queries for any number of entities)."""
    query = Task.select(*COMPACT_FIELDS).where(Task.entity.in_(list(entity_ids)))
    rows = list(query.tuples())
    if not rows:
        return {}
    assignees = assignee_ids(query.select(Task.id))
    found = {}
    for values in rows:
        task = _compact(values, assignees)
        found.setdefault(task["entity_id"], []).append(task)
    return found


def assigned_entity_ids(person_id):
    """Subquery: the entities on which ``person_id`` has a task assigned."""
    return (Task.select(Task.entity).join(TaskPersonLink, on=(TaskPersonLink.task == Task.id))
            .where(TaskPersonLink.person == person_id))


def delete_tasks_of(entity_ids, dopesheet):
    """Zou's forced task deletion for every task of the entities, and the sequence
    subscriptions pointing at them."""
    task_writes.remove_tasks(list(task_rows(Task.entity.in_(list(entity_ids)))), dopesheet)
    Subscription.delete().where(Subscription.entity.in_(list(entity_ids))).execute()
