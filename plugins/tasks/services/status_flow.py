"""How comments move a task: its status, retake count, real start, end and done dates, last
comment date (``zou/behaviour.md`` D.1), and the events Zou emits for it.

The newest comment sets the task's status; an older one (a manager's back-dated comment, a
deletion) makes the task recomputed from all its comments. Events go out after the commit
(the core queues them on the transaction).
"""

from framework import emit, utcnow
from framework.writes import update_row

from plugins.entities.models import TaskStatus

from ..models import Comment, Task


def default_status(for_concept=False):
    """The status new tasks start on (Zou creates it when missing)."""
    status = (TaskStatus.select().where(TaskStatus.is_default == True,  # noqa: E712
                                        TaskStatus.for_concept == for_concept).first())
    if status is None:
        short_name = "neutral" if for_concept else "todo"
        status = TaskStatus.get_or_none(TaskStatus.short_name == short_name)
    if status is None:
        status = TaskStatus.create(
            name="Neutral" if for_concept else "Todo", short_name=short_name,
            color="#CCCCCC" if for_concept else "#f5f5f5", is_default=True,
            for_concept=for_concept)
    return status


def status_dates(status, now):
    """The end and done dates a status change sets (Zou's ``update_task``)."""
    changes = {"done_date": now if status.is_done else None}
    if status.is_feedback_request:
        changes["end_date"] = now
    elif not status.is_done:
        changes["end_date"] = None
    return changes


def write_task(task, changes):
    """Update task columns (Python names) in place and in the database, emit
    ``task:update``."""
    changes = {**changes, "updated_at": utcnow()}
    update_row(Task, task.id, changes, deferred=True)
    for name, value in changes.items():
        setattr(task, name, value)
    emit("task:update", {"task_id": task.id}, project_id=task.project_id)


def apply_comment(task, status, comment):
    """Zou's status change by a comment; returns whether the status changed."""
    is_newest = task.last_comment_date is None or task.last_comment_date <= comment.created_at
    if not is_newest:
        recompute(task)
        return False
    previous = task.task_status_id
    changed = status.id != previous
    changes = {"task_status": status.id, "last_comment_date": comment.created_at}
    if changed:
        now = comment.updated_at
        if status.is_retake:
            changes["retake_count"] = (task.retake_count or 0) + 1
        if status.is_wip and task.real_start_date is None:
            changes["real_start_date"] = now
        changes.update(status_dates(status, now))
    write_task(task, changes)
    if changed:
        announce_status_change(task, previous, comment.person_id,
                               comment.id if status.is_feedback_request else None)
    return changed


def announce_status_change(task, previous_status_id, person_id, review_comment_id=None):
    """``task:status-changed``, and ``task:to-review`` with the comment for a feedback
    request."""
    data = {"task_id": task.id, "new_task_status_id": task.task_status_id,
            "previous_task_status_id": previous_status_id, "person_id": person_id}
    emit("task:status-changed", data, project_id=task.project_id)
    if review_comment_id is not None:
        emit("task:to-review", {**data, "comment_id": review_comment_id},
             project_id=task.project_id)


def recompute(task):
    """Zou's ``reset_task_data``: status, retakes and dates replayed from the comments (one
    query), written back with ``task:update``. The duration belongs to the plugin keeping
    time spents."""
    is_concept = getattr(task, "is_concept", False)
    state = {"task_status": default_status(is_concept).id, "retake_count": 0,
             "real_start_date": None, "last_comment_date": None, "end_date": None,
             "done_date": None}
    previous_is_retake = False
    for created_at, status_id, is_retake, is_feedback, is_done, is_wip in (
            Comment.select(Comment.created_at, Comment.task_status, TaskStatus.is_retake,
                           TaskStatus.is_feedback_request, TaskStatus.is_done,
                           TaskStatus.is_wip)
            .join(TaskStatus, on=(Comment.task_status == TaskStatus.id))
            .where(Comment.task == task.id).order_by(Comment.created_at).tuples()):
        if is_retake and not previous_is_retake:
            state["retake_count"] += 1
        previous_is_retake = is_retake
        if is_wip and state["real_start_date"] is None:
            state["real_start_date"] = created_at
        if is_feedback and state["end_date"] is None:
            state["end_date"] = created_at
        if is_done:
            state["done_date"] = created_at
        state["task_status"] = status_id
        state["last_comment_date"] = created_at
    write_task(task, state)
