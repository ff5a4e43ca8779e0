"""Creating, assigning and deleting tasks, with the events and notifications Zou sends."""

from framework import BadRequest, emit, utcnow
from framework.writes import insert_rows

from plugins.entities.models import ProjectPersonLink
from plugins.persons.models import Person

from ..models import (Comment, CommentAcknowledgement, CommentDepartmentMention,
                      CommentMention, CommentPreviewLink, News, Notification, Subscription,
                      Task, TaskPersonLink)
from . import news, notifications, status_flow
from .kinds import entity_kind
from .loading import checked_uuid
from .presenters import TASK

MISMATCH = "Task type of the task does not match entity type."
ASSIGNEE_MISSING = "Assignee doesn't exist in database."


def check_type_matches(task_type, entity):
    if task_type.for_entity != entity_kind(entity):
        raise BadRequest(MISMATCH)


def create_for_entities(task_type, entities, assigner_id):
    """Zou's ``create_tasks``: a ``main`` task of ``task_type`` on each entity that has
    none, at the default status (the concepts' one for concepts); returns Zou's dicts of
    the new tasks (three queries whatever the count)."""
    if not entities:
        return []
    existing = {row.entity_id for row in Task.select(Task.entity).where(
        Task.entity.in_([entity.id for entity in entities]), Task.task_type == task_type.id)}
    status = status_flow.default_status(entity_kind(entities[0]) == "Concept")
    now = utcnow()
    tasks = [Task(name="main", project=entity.project_id, task_type=task_type.id,
                  task_status=status.id, entity=entity.id, assigner=assigner_id,
                  created_at=now, updated_at=now)
             for entity in dict((entity.id, entity) for entity in entities).values()
             if entity.id not in existing]
    if tasks:
        insert_rows(Task, [task.__data__ for task in tasks])
    created = []
    for task in tasks:
        item = TASK.from_instance(task)
        item.update(assignees=[], task_status_name=status.name,
                    task_status_short_name=status.short_name, task_status_color=status.color,
                    task_type_name=task_type.name, task_type_color=task_type.color,
                    task_type_priority=task_type.priority)
        created.append(item)
        emit("task:new", {"task_id": task.id}, project_id=task.project_id)
    return created


def add_to_team(project_id, person_id):
    ProjectPersonLink.insert(project=project_id, person=person_id).on_conflict_ignore().execute()


def assign(tasks, person, assigner_id):
    """Add ``person`` to the assignees of ``tasks`` (Zou also makes the caller their
    assigner): three statements whatever the count, with ``task:assign``, ``task:update`` and
    an assignation notification per task."""
    tasks = list({task.id: task for task in tasks}.values())
    if not tasks:
        return
    now = utcnow()
    task_ids = [task.id for task in tasks]
    (TaskPersonLink.insert_many([{"task": task_id, "person": person.id} for task_id in task_ids])
     .on_conflict_ignore().execute())
    Task.update(assigner=assigner_id, updated_at=now).where(Task.id.in_(task_ids)).execute()
    for task in tasks:
        task.assigner, task.updated_at = assigner_id, now
        emit("task:assign", {"task_id": task.id, "person_id": person.id},
             project_id=task.project_id)
        emit("task:update", {"task_id": task.id}, project_id=task.project_id)
    notifications.notify_assignment(tasks, person.id, assigner_id)


def clear_assignation(task, person_id=None):
    """Remove one assignee, or all of them, with a ``task:unassign`` each."""
    query = TaskPersonLink.select(TaskPersonLink.person).where(TaskPersonLink.task == task.id)
    removed = [row.person_id for row in query] if person_id is None else [person_id]
    condition = TaskPersonLink.task == task.id
    if person_id is not None:
        condition &= TaskPersonLink.person == person_id
    TaskPersonLink.delete().where(condition).execute()
    task.updated_at = utcnow()
    Task.update(updated_at=task.updated_at).where(Task.id == task.id).execute()
    for removed_id in removed:
        emit("task:unassign", {"person_id": removed_id, "task_id": task.id},
             project_id=task.project_id)
    emit("task:update", {"task_id": task.id}, project_id=task.project_id)


def announce_assignee_changes(task, before, after, author_id):
    """The events and notifications of a generic ``assignees`` update."""
    for person_id in [person for person in after if person not in before]:
        emit("task:assign", {"task_id": task.id, "person_id": person_id},
             project_id=task.project_id)
        notifications.notify_assignment([task], person_id, author_id)
    for person_id in [person for person in before if person not in after]:
        emit("task:unassign", {"task_id": task.id, "person_id": person_id},
             project_id=task.project_id)


def person_or_400(person_id):
    person_id = checked_uuid(person_id, ASSIGNEE_MISSING)
    person = Person.get_or_none(Person.id == person_id)
    if person is None:
        raise BadRequest(ASSIGNEE_MISSING)
    return person


def remove_comments(comment_ids, project_id, dopesheet):
    """Delete comments with their notifications, news and links (files first, through
    ``comments_deleting``)."""
    if not comment_ids:
        return
    dopesheet.hooks.call("comments_deleting", comment_ids=list(comment_ids),
                         dopesheet=dopesheet)
    Notification.delete().where(Notification.comment.in_(comment_ids)).execute()
    news.withdraw(comment_ids, project_id)
    for link in (CommentMention, CommentDepartmentMention, CommentAcknowledgement,
                 CommentPreviewLink):
        link.delete().where(link.comment.in_(comment_ids)).execute()
    Comment.delete().where(Comment.id.in_(comment_ids)).execute()


def remove_tasks(tasks, dopesheet):
    """Zou's forced task deletion: everything hanging on the tasks goes with them, each
    task with a ``task:delete``."""
    if not tasks:
        return
    task_ids = [task.id for task in tasks]
    dopesheet.hooks.call("tasks_deleting", task_ids=task_ids, dopesheet=dopesheet)
    by_project = {}
    for task in tasks:
        by_project.setdefault(task.project_id, []).append(task.id)
    for project_id, ids in by_project.items():
        comment_ids = [row.id for row in Comment.select(Comment.id).where(
            Comment.task.in_(ids))]
        remove_comments(comment_ids, project_id, dopesheet)
    Notification.delete().where(Notification.task.in_(task_ids)).execute()
    News.delete().where(News.task.in_(task_ids)).execute()
    Subscription.delete().where(Subscription.task.in_(task_ids)).execute()
    TaskPersonLink.delete().where(TaskPersonLink.task.in_(task_ids)).execute()
    Task.delete().where(Task.id.in_(task_ids)).execute()
    for task in tasks:
        emit("task:delete", {"task_id": task.id, "entity_id": task.entity_id,
                             "task_type_id": task.task_type_id}, project_id=task.project_id)

