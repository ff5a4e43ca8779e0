"""Reading, editing, deleting, replying to and acknowledging a comment, Zou's way
(``zou/behaviour.md`` D.2)."""

import dataclasses
import uuid

from framework import BadRequest, emit, utcnow

from ..models import Comment, CommentAcknowledgement, Notification
from . import files, mentions, news, notifications, presenters, status_flow, task_writes
from .commenting import write_mentions


def read_view(comment, relations, dopesheet):
    """``GET /data/comments/{id}``: the comment (with its relations, attachments as
    objects), its author and its repliers as short dicts."""
    stored = files.file_lists([comment.id], dopesheet).get(comment.id, {})
    item = presenters.comment_dict(comment, relations=relations, files=stored)
    if relations and stored.get("attachment_files"):
        item["attachment_files"] = stored["attachment_files"]
    people = presenters.short_persons({comment.person_id, *(
        reply.get("person_id") for reply in comment.replies or [])} - {None})
    item["replies"] = [{**reply, "person": people.get(reply.get("person_id"))}
                       for reply in item["replies"] or []]
    item["person"] = people.get(comment.person_id)
    return item


def after_edit(comment, previous_status_id, task):
    """What an edit causes: mentions recomputed and renotified, the task recomputed when
    the status changed, ``comment:update``."""
    person_ids = mentions.mentioned_persons(task.project_id, comment.text)
    department_ids = mentions.mentioned_departments(comment.text)
    write_mentions(comment, person_ids, department_ids)
    if comment.task_status_id != previous_status_id:
        status_flow.recompute(task)
        emit("task:status-changed", {
            "task_id": task.id, "new_task_status_id": comment.task_status_id,
            "previous_task_status_id": previous_status_id, "person_id": comment.person_id},
            project_id=task.project_id)
    emit("comment:update", {"comment_id": comment.id, "task_id": task.id,
                            "person_id": comment.person_id, "for_client": comment.for_client},
         project_id=task.project_id)
    notifications.renotify_mentions(task, comment, person_ids, department_ids)


def delete(comment, dopesheet):
    """Remove the comment and what hangs on it, recompute its task."""
    task = comment.task_row
    previous_status_id = task.task_status_id
    task_writes.remove_comments([comment.id], task.project_id, dopesheet)
    emit("comment:delete", {"comment_id": comment.id, "task_id": task.id},
         project_id=task.project_id)
    status_flow.recompute(task)
    if task.task_status_id != previous_status_id:
        emit("task:status-changed", {
            "task_id": task.id, "new_task_status_id": task.task_status_id,
            "previous_task_status_id": previous_status_id, "person_id": comment.person_id},
            project_id=task.project_id)


def reply(comment, task, author_id, text, uploads, dopesheet):
    """Append a reply to the comment's thread; returns the reply dict Zou answers."""
    now = utcnow().replace(microsecond=0)
    stamp = now.isoformat()
    new = {"id": str(uuid.uuid4()), "date": stamp, "person_id": author_id, "text": text,
           "mentions": mentions.mentioned_persons(task.project_id, text),
           "department_mentions": mentions.mentioned_departments(text), "created_at": stamp}
    earlier = list(comment.replies or [])
    Comment.update(replies=earlier + [new], updated_at=utcnow()).where(
        Comment.id == comment.id).execute()
    if uploads:
        stored = files.store(comment, [dataclasses.replace(upload, reply_id=new["id"])
                                       for upload in uploads], dopesheet)
        new["attachment_files"] = [{**attachment, "reply_id": new["id"]}
                                   for attachment in stored["attachment_files"]]
    emit("comment:reply", {"task_id": task.id, "comment_id": comment.id,
                           "reply_id": new["id"]}, project_id=task.project_id)
    notifications.notify_reply(task, comment, new, now)
    return {**new, "person": presenters.short_persons({author_id})[author_id]}


def delete_reply(comment, task, reply_id, dopesheet):
    """Remove a reply from its thread, with its notifications."""
    comment.replies = [item for item in comment.replies or [] if item.get("id") != reply_id]
    Comment.update(replies=comment.replies, updated_at=utcnow()).where(
        Comment.id == comment.id).execute()
    Notification.delete().where(Notification.reply_id == reply_id).execute()
    emit("comment:delete-reply", {"task_id": task.id, "comment_id": comment.id,
                                  "reply_id": reply_id}, project_id=task.project_id)


def acknowledge(comment, task, person_id):
    """Toggle the caller's acknowledgement (events not logged, as Zou)."""
    link = CommentAcknowledgement.delete().where(CommentAcknowledgement.comment == comment.id,
                                                 CommentAcknowledgement.person == person_id)
    if link.execute():
        name = "comment:unacknowledge"
    else:
        CommentAcknowledgement.insert(comment=comment.id, person=person_id).execute()
        name = "comment:acknowledge"
    emit(name, {"comment_id": comment.id, "person_id": person_id}, project_id=task.project_id)


def move(comment, source, target, dopesheet):
    """Move a comment to another task of the same entity: its notifications and news are
    written anew for the target, and both tasks recomputed."""
    if source.id == target.id:
        raise BadRequest("Source and target tasks must be different.", data=None)
    if source.entity_id != target.entity_id:
        raise BadRequest("A comment can only be moved between tasks of the same entity.",
                         data=None)
    if comment.preview_file_id or files.file_lists([comment.id], dopesheet).get(
            comment.id, {}).get("previews"):
        raise BadRequest("A comment attached to a preview revision cannot be moved.",
                         data=None)
    Notification.delete().where(Notification.comment == comment.id).execute()
    news.withdraw([comment.id], source.project_id)
    Comment.update(task=target.id, updated_at=utcnow()).where(
        Comment.id == comment.id).execute()
    comment.task = target.id
    status_flow.recompute(source)
    status_flow.recompute(target)
    emit("comment:delete", {"comment_id": comment.id, "task_id": source.id},
         project_id=source.project_id)
    emit("comment:new", {"comment_id": comment.id, "task_id": target.id,
                         "task_status_id": comment.task_status_id,
                         "person_id": comment.person_id, "for_client": comment.for_client},
         project_id=target.project_id)
    links = presenters.comment_links([comment.id])
    notifications.notify_comment(target, comment, False, links["mentions"].get(comment.id, []),
                                 links["department_mentions"].get(comment.id, []))
    if not target.is_concept:
        news.publish(target, comment, False)
    return presenters.comment_dict(comment, relations=True, links=links)
