"""Rows behind path ids, with what the rules and the comment flow need joined in, so that
loading a task for an action is one query."""

import uuid

import peewee

from framework import BadRequest, NotFound, db
from framework.prepared import Prepared
from framework.serialize import linked_ids_column, split_ids

from plugins.entities.models import (Entity, EntityType, Project, ProjectStatusAutomationLink,
                                     TaskStatus, TaskType)
from plugins.persons.models import Person

from ..models import Comment, Task
from . import notifications

CONCEPT = "Concept"


def path_id(value):
    """A path id as a canonical UUID string; 404 for a malformed one, as Zou's task routes
    answer."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise NotFound() from None


def checked_uuid(value, message):
    """``value`` as a canonical UUID string, or Zou's 400 ``message`` (None stays None)."""
    if value is None:
        return None
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise BadRequest(message, data=None) from None


def task_rows(*where):
    """Tasks as ``Task`` rows carrying ``department_id`` (their type's), ``task_type_name``,
    ``entity_created_by``, ``entity_parent_id``, ``entity_data``, ``entity_type_name``,
    ``is_concept`` and ``max_retakes`` (their project's)."""
    return (Task.select(Task, TaskType.department.alias("department_id"),
                        TaskType.name.alias("task_type_name"),
                        Entity.created_by.alias("entity_created_by"),
                        Entity.parent.alias("entity_parent_id"),
                        Entity.data.alias("entity_data"),
                        EntityType.name.alias("entity_type_name"),
                        Project.max_retakes.alias("max_retakes"))
            .join(TaskType, peewee.JOIN.LEFT_OUTER, on=(Task.task_type == TaskType.id))
            .switch(Task).join(Entity, peewee.JOIN.LEFT_OUTER, on=(Task.entity == Entity.id))
            .join(EntityType, peewee.JOIN.LEFT_OUTER, on=(Entity.entity_type == EntityType.id))
            .switch(Task).join(Project, peewee.JOIN.LEFT_OUTER, on=(Task.project == Project.id))
            .where(*where).objects())


_TASK_BY_ID = Prepared(lambda task_id: task_rows(Task.id == task_id))
"""Most task routes load their task by id first: its SQL is built once, not per request."""

_REQUESTED = TaskStatus.alias("requested_status")
_CALLER = Person.alias("caller")
_REQUESTED_COLUMNS = [(name, f"requested_{name}") for name in TaskStatus._meta.sorted_field_names]
_CALLER_COLUMNS = [(name, f"caller_{name}") for name in Person._meta.sorted_field_names]
"""The status a comment asks for and its caller's person row come with its task, their
columns under ``requested_`` and ``caller_``."""


def _commented_task_rows(*where):
    """``task_rows`` with ``project_has_automations`` (most projects have no status
    automation, and a comment on their tasks skips looking for one) and the audience its
    notifications go to."""
    automated = ProjectStatusAutomationLink.select(peewee.SQL("1")).where(
        ProjectStatusAutomationLink.project == Task.project)
    return task_rows(*where).select_extend(
        peewee.fn.EXISTS(automated).alias("project_has_automations"),
        *notifications.audience_columns())


def _task_to_comment(task_id, status_id, caller_id):
    """The task with the status a comment asks for and the caller's person row (the
    comment's answer shows its author): what a comment reads, in one query."""
    return (_commented_task_rows(Task.id == task_id).select_extend(
        *[getattr(_REQUESTED, name).alias(alias) for name, alias in _REQUESTED_COLUMNS],
        *[getattr(_CALLER, name).alias(alias) for name, alias in _CALLER_COLUMNS])
        .switch(Task).join(_REQUESTED, peewee.JOIN.LEFT_OUTER, on=(_REQUESTED.id == status_id))
        .switch(Task).join(_CALLER, peewee.JOIN.LEFT_OUTER, on=(_CALLER.id == caller_id)))


_TASK_TO_COMMENT = Prepared(_task_to_comment)
_LOCKED_TASK_TO_COMMENT = Prepared(lambda task_id, status_id, caller_id: (
    _task_to_comment(task_id, status_id, caller_id).for_update(of=Task)))


_COMMENTED = Task.alias("commented")
_LOCKED_ENTITY_TASKS = Prepared(lambda task_id: (
    Task.select(Task.id)
    .where(Task.entity.in_(_COMMENTED.select(_COMMENTED.entity).where(_COMMENTED.id == task_id)))
    .order_by(Task.id).for_update().tuples()))


_TASK_WITH_ASSIGNEES_BY_ID = Prepared(lambda task_id: task_rows(Task.id == task_id).select_extend(
    linked_ids_column(Task.assignees, Task.id).alias("assignee_list")))
"""A task read (``/data/tasks/{id}``) has its assignees joined: one query."""


def task_by_id(task_id):
    """The ``task_rows`` row of a canonical task id, or None."""
    return next(_TASK_BY_ID.rows(task_id), None)


def task_with_assignees(task_id):
    """``task_by_id`` whose row also carries ``assignee_ids``."""
    row = next(_TASK_WITH_ASSIGNEES_BY_ID.rows(task_id), None)
    if row is not None:
        row.assignee_ids = split_ids(row.assignee_list)
    return row


def can_lock():
    """Whether rows can be locked: PostgreSQL, in a request's transaction (SQLite runs
    writing requests one at a time)."""
    return isinstance(db.obj, peewee.PostgresqlDatabase) and db.in_transaction()


def get_task(task_id):
    """The task behind a path id (404 when unknown or malformed)."""
    row = task_by_id(path_id(task_id))
    if row is None:
        raise NotFound()
    row.locked = False
    row.is_concept = row.entity_type_name == CONCEPT
    return row


def task_to_comment(task_id, status_id, caller_id, whole_entity=False):
    """``(task, status, caller)`` behind the path id of a task to comment, the id of the
    status the comment asks for (404 when either is unknown) and the caller's person id, in
    one query. The task row is held until the transaction ends (``row.locked``), so that
    parallel comments on one task queue instead of each counting from the same status; it
    carries ``project_has_automations``, its audience and its ``assignee_ids``.

    A comment with hashtags also comments other tasks of the entity: with ``whole_entity``
    every task of the entity is locked first, in id order, so that such comments on two
    tasks of one entity queue instead of deadlocking (one more statement)."""
    task_id, status_id = path_id(task_id), path_id(status_id)
    locked = can_lock()
    if locked and whole_entity:
        list(_LOCKED_ENTITY_TASKS.rows(task_id))
    query = _LOCKED_TASK_TO_COMMENT if locked else _TASK_TO_COMMENT
    row = next(query.rows(task_id, status_id, caller_id), None)
    if row is None or row.requested_id is None:
        raise NotFound()
    row.locked = locked
    row.is_concept = row.entity_type_name == CONCEPT
    row.assignee_ids = split_ids(row.audience_assignees)
    return row, _instance(TaskStatus, row, _REQUESTED_COLUMNS), _instance(
        Person, row, _CALLER_COLUMNS)


_TASKS_TO_COMMENT = Prepared(lambda task_ids: _commented_task_rows(Task.id.in_(task_ids)))
_LOCKED_TASKS_TO_COMMENT = Prepared(lambda task_ids: (
    _commented_task_rows(Task.id.in_(task_ids)).order_by(Task.id).for_update(of=Task)))


def tasks_to_comment(task_ids):
    """``{id: task row}`` of the tasks a batch comments, with what a comment reads, in one
    query (``task_to_comment`` for several tasks). Their rows are held until the transaction
    ends (``row.locked``), taken in id order: batches naming the same tasks in other orders
    queue instead of deadlocking."""
    locked = can_lock()
    query = _LOCKED_TASKS_TO_COMMENT if locked else _TASKS_TO_COMMENT
    found = {}
    for row in query.rows(sorted(task_ids)):
        row.locked = locked
        row.is_concept = row.entity_type_name == CONCEPT
        row.assignee_ids = split_ids(row.audience_assignees)
        found[row.id] = row
    return found


def _instance(model, row, columns):
    return model(**{name: getattr(row, alias) for name, alias in columns})


def get_tasks(task_ids):
    """The tasks behind a list of ids, in its order (one query); unknown and malformed ids
    are left out."""
    wanted = []
    for task_id in task_ids:
        try:
            wanted.append(path_id(task_id))
        except NotFound:
            continue
    if not wanted:
        return []
    found = {row.id: row for row in task_rows(Task.id.in_(list(set(wanted))))}
    for row in found.values():
        row.locked = False
        row.is_concept = row.entity_type_name == CONCEPT
    return [found[task_id] for task_id in wanted if task_id in found]


def get_comment(comment_id, task_id=None):
    """The comment behind a path id, on ``task_id`` when given (404 otherwise)."""
    query = Comment.select().where(Comment.id == path_id(comment_id))
    if task_id is not None:
        query = query.where(Comment.task == task_id)
    comment = query.first()
    if comment is None:
        raise NotFound()
    return comment


_STATUSES_BY_ID = Prepared(lambda status_ids: (
    TaskStatus.select().where(TaskStatus.id.in_(status_ids))))


def statuses_by_id(status_ids):
    """``{id: status}`` of those of ``status_ids`` that exist, in one query."""
    ids = sorted({TaskStatus.id.db_value(status_id) for status_id in status_ids})
    return {status.id: status for status in _STATUSES_BY_ID.rows(ids)} if ids else {}


_PROJECT_BY_ID = Prepared(lambda project_id: Project.select().where(Project.id == project_id))


def get_project(project_id):
    project = next(_PROJECT_BY_ID.rows(path_id(project_id)), None)
    if project is None:
        raise NotFound()
    return project
