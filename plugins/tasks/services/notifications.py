"""Who hears of a comment, a reply or an assignment (``zou/behaviour.md`` D.1 step 4):
notification rows written with the comment, ``notification:new`` sent after the commit.

A task's audience is its assignees, its subscribers and the subscribers of its type in its
sequence. Mentions reach the mentioned persons and the team members of the mentioned
departments. The author is never notified of their own words, and nobody twice of one
comment for one reason (Zou may write a mention twice when a person is named and in a
named department).
"""

from framework import emit, utcnow
from framework.db import new_id
from framework.prepared import Prepared
from framework.serialize import joined_ids, linked_ids_column, split_ids
from framework.writes import insert_rows

from plugins.entities.models import Entity

from ..models import Notification, Subscription, Task, TaskPersonLink
from .mentions import audience


def _followers(task_id):
    return (TaskPersonLink.select(TaskPersonLink.person).where(TaskPersonLink.task == task_id)
            | Subscription.select(Subscription.person).where(Subscription.task == task_id))


_FOLLOWERS = Prepared(lambda task_id: _followers(task_id).tuples())
_FOLLOWERS_IN_PARENT = Prepared(lambda task_id, parent_id, task_type_id: (
    _followers(task_id) | Subscription.select(Subscription.person).where(
        Subscription.entity == parent_id, Subscription.task_type == task_type_id)).tuples())
"""Every comment reads its task's audience: the SQL is built once."""


def audience_columns():
    """A task's audience as three id-list columns of a ``task_rows`` query (build it inside
    ``Prepared``): the comment flow reads them with its task, one round trip fewer."""
    return [linked_ids_column(Task.assignees, Task.id).alias("audience_assignees"),
            joined_ids(Subscription.person, Subscription.task, Task.id)
            .alias("audience_subscribers"),
            joined_ids(Subscription.person, Subscription.entity, Entity.parent)
            .where(Subscription.task_type == Task.task_type)
            .alias("audience_type_subscribers")]


def task_audience(task, extra=()):
    """Ids of the persons following ``task`` (read with it when it carries
    ``audience_columns``, else one query), plus ``extra``."""
    if hasattr(task, "audience_subscribers"):
        found = [*split_ids(task.audience_assignees), *split_ids(task.audience_subscribers),
                 *split_ids(task.audience_type_subscribers)]
    elif getattr(task, "entity_parent_id", None) is None:
        found = [row[0] for row in _FOLLOWERS.rows(task.id)]
    else:
        found = [row[0] for row in _FOLLOWERS_IN_PARENT.rows(task.id, task.entity_parent_id,
                                                             task.task_type_id)]
    return list(dict.fromkeys([*found, *extra]))


def _row(task, author_id, kind, person_id, comment_id, reply_id, change, created_at):
    return {"id": new_id(), "person": person_id, "author": author_id, "type": kind,
            "comment": comment_id, "task": task.id, "reply_id": reply_id, "change": change,
            "read": False, "created_at": created_at, "updated_at": created_at}


def _write(task_rows):
    """Insert the notification rows of ``[(task, row)]`` (one query), announce each, and
    return the rows."""
    rows = [row for _, row in task_rows]
    if rows:
        insert_rows(Notification, rows, deferred=True)
    for task, row in task_rows:
        emit("notification:new", {"notification_id": row["id"], "person_id": row["person"]},
             project_id=task.project_id)
    return rows


def notify(task, author_id, kind, recipients, comment_id=None, reply_id=None, change=False,
           created_at=None):
    """Write one notification of ``kind`` per recipient but the author (one query)."""
    created_at = created_at or utcnow()
    return _write([(task, _row(task, author_id, kind, person_id, comment_id, reply_id, change,
                               created_at))
                   for person_id in dict.fromkeys(recipients) if person_id != author_id])


def notify_comment(task, comment, change, mention_ids, department_ids):
    """``comment`` notifications for the task's audience, ``mention`` ones for the
    mentioned."""
    notify(task, comment.person_id, "comment", task_audience(task), comment_id=comment.id,
           change=change)
    reached = audience(task.project_id, mention_ids, department_ids)
    notify(task, comment.person_id, "mention", reached, comment_id=comment.id)


def notify_reply(task, comment, reply, created_at):
    """``reply`` notifications for the task's audience, the earlier repliers and the
    comment's author; ``reply-mention`` for the mentioned."""
    repliers = [earlier["person_id"] for earlier in comment.replies or []]
    recipients = task_audience(task, repliers + [comment.person_id])
    notify(task, reply["person_id"], "reply", recipients, comment_id=comment.id,
           reply_id=reply["id"], created_at=created_at)
    reached = audience(task.project_id, reply["mentions"], reply["department_mentions"])
    notify(task, reply["person_id"], "reply-mention", reached, comment_id=comment.id,
           reply_id=reply["id"], created_at=created_at)


def renotify_mentions(task, comment, mention_ids, department_ids):
    """After an edit: the comment's mention notifications are written anew."""
    Notification.delete().where(Notification.comment == comment.id,
                                Notification.type == "mention").execute()
    reached = audience(task.project_id, mention_ids, department_ids)
    notify(task, comment.person_id, "mention", reached, comment_id=comment.id,
           created_at=comment.created_at)


def notify_assignment(tasks, person_id, author_id):
    """An ``assignation`` notification per task (one query), unless people assign
    themselves."""
    if author_id is None or author_id == person_id:
        return
    now = utcnow()
    _write([(task, _row(task, author_id, "assignation", person_id, None, None, False, now))
            for task in tasks])
