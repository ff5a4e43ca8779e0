"""A person's notifications as Kitsu's inbox reads them (``/data/user/notifications``): the
100 newest, each with its task, comment, reply and entity named, in a fixed number of
queries; marking them read."""

import peewee

from framework import BadRequest, emit, utcnow
from framework.schemas import parse_datetime

from plugins.entities.models import Project
from plugins.persons.models import Person

from ..models import (Comment, CommentDepartmentMention, CommentMention, Notification,
                      Subscription, Task)
from . import files
from .entity_names import full_names
from .loading import checked_uuid

Author = Person.alias("author")
LIMIT = 100


def inbox_query(person_id):
    return (Notification.select(
        Notification.id, Notification.type, Notification.author, Notification.comment,
        Notification.task, Notification.reply_id, Notification.playlist_id,
        Notification.created_at, Notification.read, Notification.change, Project.id,
        Project.name, Task.task_type, Comment.task_status, Comment.text, Comment.replies,
        Task.entity, Subscription.id, Author.role)
        .join(Author, on=(Author.id == Notification.author))
        .switch(Notification).join(Task, peewee.JOIN.LEFT_OUTER,
                                   on=(Task.id == Notification.task))
        .join(Project, peewee.JOIN.LEFT_OUTER, on=(Project.id == Task.project))
        .switch(Notification).join(Subscription, peewee.JOIN.LEFT_OUTER, on=(
            (Subscription.task == Task.id) & (Subscription.person == person_id)))
        .switch(Notification).join(Comment, peewee.JOIN.LEFT_OUTER,
                                   on=(Comment.id == Notification.comment))
        .where(Notification.person == person_id)
        .order_by(Notification.created_at.desc()))


def filtered(query, filters):
    """Zou's inbox filters: ``after``/``before`` dates, ``task_type_id``,
    ``task_status_id``, ``type``, ``read``, ``watching``."""
    if filters.get("after") is not None:
        query = query.where(Notification.created_at > filters["after"])
    if filters.get("before") is not None:
        query = query.where(Notification.created_at < filters["before"])
    if filters.get("task_type_id") is not None:
        query = query.where(Task.task_type == filters["task_type_id"])
    if filters.get("task_status_id") is not None:
        query = query.where(Task.task_status == filters["task_status_id"])
    if filters.get("type") is not None:
        query = query.where(Notification.type == filters["type"])
    if filters.get("read") is not None:
        query = query.where(Notification.read == filters["read"])
    if filters.get("watching") is not None:
        query = query.where(Subscription.id.is_null(not filters["watching"]))
    if filters.get("id") is not None:
        query = query.where(Notification.id == filters["id"])
    return query


def _links(comment_ids, model, column):
    found = {}
    for comment_id, target in (model.select(model.comment, column)
                               .where(model.comment.in_(comment_ids)).tuples()):
        found.setdefault(comment_id, []).append(target)
    return found


def inbox(person, filters, dopesheet):
    """The notifications of ``person`` (a principal: ``id``, ``role``) matching
    ``filters``, newest first."""
    rows = list(filtered(inbox_query(person.id), filters).limit(LIMIT).tuples())
    comment_ids = [row[3] for row in rows if row[3] is not None]
    mentions = _links(comment_ids, CommentMention, CommentMention.person)
    departments = _links(comment_ids, CommentDepartmentMention,
                         CommentDepartmentMention.department)
    previews = files.file_lists(comment_ids, dopesheet)
    names = full_names([row[16] for row in rows if row[16] is not None])
    playlists = announced_playlists([row[6] for row in rows if row[6] is not None], dopesheet)
    hides_clients = person.role == "user"
    return [_item(row, mentions, departments, previews, names, playlists, hides_clients)
            for row in rows]


def announced_playlists(playlist_ids, dopesheet):
    """``{playlist_id: {name, for_entity, is_for_all, project_id, project_name}}`` from the
    ``notification_playlists`` implementations (one call for a whole answer)."""
    found = {}
    if playlist_ids:
        for result in dopesheet.hooks.call("notification_playlists",
                                           playlist_ids=list(set(playlist_ids)),
                                           dopesheet=dopesheet):
            found.update(result or {})
    return found


def _item(row, mentions, departments, previews, names, playlists, hides_clients):
    (notification_id, kind, author_id, comment_id, task_id, reply_id, playlist_id, created_at,
     read, change, project_id, project_name, task_type_id, task_status_id, comment_text,
     replies, entity_id, subscription_id, author_role) = row
    full_name, episode_id, entity_preview_file_id = names.get(entity_id, ("", None, None))
    reply_text, reply_mentions, reply_departments = "", [], []
    if kind in ("reply", "reply-mention"):
        reply = next((item for item in replies or [] if item.get("id") == reply_id), None)
        if reply is not None:
            reply_text = reply["text"]
            reply_mentions = reply.get("mentions") or []
            reply_departments = reply.get("department_mentions") or []
    if author_role == "client" and hides_clients:
        comment_text, reply_text = "", ""
    comment_previews = previews.get(comment_id, {}).get("previews", [])
    playlist = playlists.get(playlist_id, {})
    if playlist:
        project_id, project_name = playlist["project_id"], playlist["project_name"]
    return {
        "id": notification_id, "type": "Notification", "notification_type": kind,
        "author_id": author_id, "comment_id": comment_id, "task_id": task_id,
        "task_type_id": task_type_id, "task_status_id": task_status_id,
        "mentions": mentions.get(comment_id, []),
        "department_mentions": departments.get(comment_id, []),
        "reply_mentions": reply_mentions, "reply_department_mentions": reply_departments,
        "preview_file_id": comment_previews[0]["id"] if comment_previews else None,
        "project_id": project_id, "project_name": project_name, "comment_text": comment_text,
        "reply_text": reply_text, "created_at": created_at.isoformat(timespec="seconds"),
        "read": read, "change": change, "full_entity_name": full_name,
        "episode_id": episode_id, "entity_preview_file_id": entity_preview_file_id,
        "subscription_id": subscription_id, "playlist_id": playlist_id,
        "playlist_name": playlist.get("name", ""),
        "playlist_for_entity": playlist.get("for_entity", ""),
        "playlist_is_for_all": bool(playlist.get("is_for_all")),
    }


def unread_count(person_id):
    return (Notification.select().where(Notification.person == person_id,
                                        Notification.read == False)  # noqa: E712
            .count())


def mark(notification_id, person_id, read):
    """Set one of the person's notifications read or unread (404 when it is not theirs)."""
    notification = Notification.get_or_none(Notification.id == notification_id,
                                            Notification.person == person_id)
    if notification is None or read is None:
        return notification
    notification.read, notification.updated_at = read, utcnow()
    Notification.update(read=read, updated_at=notification.updated_at).where(
        Notification.id == notification.id).execute()
    emit("notification:read" if read else "notification:unread",
         {"person_id": person_id, "notification_id": notification.id})
    return notification


def mark_all_read(person_id):
    Notification.update(read=True).where(Notification.person == person_id,
                                         Notification.read == False).execute()  # noqa: E712
    emit("notification:all-read", {"person_id": person_id})


def parse_dates(filters):
    """The ``after``/``before`` texts of the filters as datetimes (Zou's 400 otherwise)."""
    parsed = dict(filters)
    for key in ("after", "before"):
        if parsed.get(key) is not None:
            try:
                parsed[key] = parse_datetime(parsed[key])
            except ValueError:
                raise BadRequest("Wrong date format for after or before.", data=None) from None
    return parsed


def check_id(name, value):
    """A filter id, or Zou's 400 naming it."""
    return checked_uuid(value, f"Invalid UUID format for {name}: {value}")
