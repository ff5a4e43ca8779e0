"""Posting a comment on a task, Zou's way (``zou/behaviour.md`` D.1): the comment with its
mentions and files, copies on the tasks named by hashtags, the task's status change,
notifications, news and the project's status automations, all in the caller's
transaction; the events go out after the commit.
"""

import re
from dataclasses import dataclass, field

from framework import BadRequest, emit, utcnow
from framework.prepared import Prepared
from framework.schemas import parse_datetime
from framework.writes import create

from plugins.entities.models import (Entity, ProjectStatusAutomationLink, ProjectTaskTypeLink,
                                     StatusAutomation, TaskStatus, TaskType)

from ..models import Comment, CommentDepartmentMention, CommentMention, Task
from . import files, mentions, news, notifications, status_flow
from .kinds import kind_of
from .loading import can_lock, task_rows

HASHTAG = re.compile(r"#[a-zA-Z]*")
NO_MORE_RETAKES = "No more retakes allowed on this task"


@dataclass
class Draft:
    """What a comment says; ``created_at`` is honoured for managers only (the resources
    drop it for others)."""

    text: str = ""
    checklist: list = field(default_factory=list)
    links: list = field(default_factory=list)
    for_client: bool = False
    created_at: str = None
    uploads: list = field(default_factory=list)


def parse_created_at(text):
    """Zou's lenient ``created_at``: ``YYYY-MM-DD HH:MM:SS`` or ISO 8601; anything else
    means now."""
    if not text:
        return None
    try:
        return parse_datetime(text)
    except ValueError:
        return None


def check_retakes(task, status):
    """A retake status is refused once the task reached the project's ``max_retakes``
    (the entity's ``data.max_retakes`` overrides it)."""
    if not status.is_retake or not task.max_retakes:
        return
    limit = int((task.entity_data or {}).get("max_retakes") or task.max_retakes)
    if limit > 0 and (task.retake_count or 0) >= limit:
        raise BadRequest(NO_MORE_RETAKES)


def write_mentions(comment, person_ids, department_ids, fresh=False):
    """The comment's mention links (replaced, unless the comment is ``fresh``)."""
    if not fresh:
        CommentMention.delete().where(CommentMention.comment == comment.id).execute()
        CommentDepartmentMention.delete().where(
            CommentDepartmentMention.comment == comment.id).execute()
    if person_ids:
        CommentMention.insert_many([{"comment": comment.id, "person": person_id}
                                    for person_id in person_ids]).execute()
    if department_ids:
        CommentDepartmentMention.insert_many([{"comment": comment.id, "department": dep_id}
                                              for dep_id in department_ids]).execute()


def lock_task(task):
    """Hold the task's row until the transaction ends and re-read the columns a comment
    changes, so that parallel comments on one task queue (PostgreSQL; SQLite already runs
    writing requests one at a time) instead of each counting from the same status."""
    if getattr(task, "locked", False) or not can_lock():
        return
    fresh = next(_LOCKED_TASK.rows(task.id), None)
    if fresh is None:
        raise Task.DoesNotExist
    task.__data__.update(fresh.__data__)


_LOCKED_TASK = Prepared(lambda task_id: (
    Task.select(Task.task_status, Task.retake_count, Task.last_comment_date,
                Task.real_start_date, Task.end_date, Task.done_date)
    .where(Task.id == task_id).limit(1).for_update()))


def post(task, status, author_id, draft, dopesheet, with_hashtags=True):
    """Create the comment and apply everything it causes; returns ``(comment, stored
    files)``."""
    lock_task(task)
    check_retakes(task, status)
    now = utcnow()
    created_at = parse_created_at(draft.created_at) or now
    person_ids = mentions.mentioned_persons(task.project_id, draft.text)
    department_ids = mentions.mentioned_departments(draft.text)
    comment = create(Comment, deferred=True, task=task.id, object_type="Task",
                     task_status=status.id, person=author_id, text=draft.text,
                     checklist=draft.checklist, links=draft.links, for_client=draft.for_client,
                     created_at=created_at, updated_at=now)
    write_mentions(comment, person_ids, department_ids, fresh=True)
    comment.mention_ids, comment.department_mention_ids = person_ids, department_ids
    stored = files.store(comment, draft.uploads, dopesheet)
    emit("comment:new", {"comment_id": comment.id, "task_id": task.id,
                         "task_status_id": status.id, "person_id": author_id,
                         "for_client": comment.for_client}, project_id=task.project_id)
    if with_hashtags:
        copy_to_hashtagged_tasks(task, author_id, draft.text, dopesheet)
    changed = status_flow.apply_comment(task, status, comment)
    notifications.notify_comment(task, comment, changed, person_ids, department_ids)
    if not task.is_concept:
        news.publish(task, comment, changed)
    run_automations(task, author_id, dopesheet)
    return comment, stored


def hashtags(text):
    found = {tag[1:].lower() for tag in HASHTAG.findall(text or "")}
    return {"all"} if "all" in found else found - {""}


def copy_to_hashtagged_tasks(task, author_id, text, dopesheet):
    """``#<task type>`` (or ``#all``) posts the comment on those tasks of the entity too,
    each keeping its status."""
    tags = hashtags(text)
    if not tags:
        return
    own_type = (task.task_type_name or "").lower()
    for other in task_rows(Task.entity == task.entity_id, Task.id != task.id):
        other.is_concept = task.is_concept
        other_type = (other.task_type_name or "").lower()
        if other_type == own_type or ("all" not in tags and other_type not in tags):
            continue
        status = TaskStatus.get_by_id(other.task_status_id)
        post(other, status, author_id,
             Draft(text=f"{text}\n\n____\nFrom {task.task_type_name} task"), dopesheet,
             with_hashtags=False)


_AUTOMATIONS = Prepared(lambda project_id, task_type_id, task_status_id: (
    StatusAutomation.select()
    .join(ProjectStatusAutomationLink, on=(
        ProjectStatusAutomationLink.status_automation == StatusAutomation.id))
    .where(ProjectStatusAutomationLink.project == project_id,
           StatusAutomation.in_task_type == task_type_id,
           StatusAutomation.in_task_status == task_status_id,
           StatusAutomation.archived != True)))  # noqa: E712
"""Every comment looks its automations up: the query is built once."""


def run_automations(task, author_id, dopesheet):
    """The project's status automations triggered by the task's type and new status."""
    if not getattr(task, "project_has_automations", True):
        return
    for automation in _AUTOMATIONS.rows(task.project_id, task.task_type_id,
                                        task.task_status_id):
        if applies_to(automation, task):
            run_automation(automation, task, author_id, dopesheet)


def applies_to(automation, task):
    wanted = (automation.entity_type or "").lower()
    return kind_of(task.entity_type_name).lower() == wanted


def run_automation(automation, task, author_id, dopesheet):
    if automation.out_field_type == "ready_for":
        Entity.update(ready_for=automation.out_task_type_id, updated_at=utcnow()).where(
            Entity.id == task.entity_id).execute()
        emit("asset:update", {"asset_id": task.entity_id,
                              "data": {"ready_for": automation.out_task_type_id}},
             project_id=task.project_id)
        return
    priorities = dict(ProjectTaskTypeLink.select(ProjectTaskTypeLink.task_type,
                                                 ProjectTaskTypeLink.priority)
                      .join(TaskType, on=(ProjectTaskTypeLink.task_type == TaskType.id))
                      .where(ProjectTaskTypeLink.project == task.project_id,
                             TaskType.for_entity == (automation.entity_type or "").capitalize())
                      .tuples())
    if (priorities.get(automation.in_task_type_id) or 0) > (
            priorities.get(automation.out_task_type_id) or 0):
        return
    target = task_rows(Task.entity == task.entity_id,
                       Task.task_type == automation.out_task_type_id).order_by(Task.name).first()
    if target is None:
        return
    target.is_concept = task.is_concept
    in_type = TaskType.get_by_id(automation.in_task_type_id)
    in_status = TaskStatus.get_by_id(automation.in_task_status_id)
    post(target, TaskStatus.get_by_id(automation.out_task_status_id), author_id,
         Draft(text=f"Change triggered by {in_type.name} set to {in_status.name}"), dopesheet)
