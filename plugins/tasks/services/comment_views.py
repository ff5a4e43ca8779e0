"""The comment lists Zou answers: a task's conversation (authors, editors, statuses and
link lists embedded, clients' comments filtered per role) and a project's comments. Each is
a fixed number of queries whatever the count."""

import peewee

from framework.prepared import Prepared
from framework.serialize import joined_ids, split_ids

from plugins.entities.models import Project, ProjectPersonLink, TaskStatus
from plugins.persons.models import Person

from ..models import Comment, Task
from . import files
from .presenters import COMMENT, COMMENT_LINK_TABLES, comment_links, short_persons

Editor = Person.alias("editor")
COLUMN_COUNT = len(COMMENT.fields)
EMBEDDED = (Person.first_name, Person.last_name, Person.has_avatar, Person.role,
            Editor.first_name, Editor.last_name, Editor.has_avatar, Editor.role,
            TaskStatus.name, TaskStatus.short_name, TaskStatus.color,
            peewee.fn.COALESCE(ProjectPersonLink.role, Person.role))
LINKS = ("acknowledgements", "mentions", "department_mentions")


def _full_name(first_name, last_name):
    return f"{first_name or ''} {last_name or ''}".strip()


def _entry(values, links):
    """The comment of a conversation row, its author's project role; its link lists go
    into ``links``."""
    comment = COMMENT.item(values[:COLUMN_COUNT])
    (first_name, last_name, has_avatar, role, editor_first, editor_last, editor_avatar,
     editor_role, status_name, short_name, color, author_role) = values[
        COLUMN_COUNT:COLUMN_COUNT + len(EMBEDDED)]
    for (name, _, _), text in zip(COMMENT_LINK_TABLES, values[COLUMN_COUNT + len(EMBEDDED):]):
        links[name][comment["id"]] = split_ids(text)
    comment["person"] = {"first_name": first_name, "last_name": last_name,
                         "full_name": _full_name(first_name, last_name),
                         "has_avatar": has_avatar, "role": role, "id": comment["person_id"]}
    if comment["editor_id"] is not None:
        comment["editor"] = {"first_name": editor_first, "last_name": editor_last,
                             "has_avatar": editor_avatar, "role": editor_role,
                             "id": comment["editor_id"]}
    comment["task_status"] = {"name": status_name, "short_name": short_name, "color": color,
                              "id": comment["task_status_id"]}
    return comment, author_role


_CONVERSATION = Prepared(lambda task_id, project_id: (
    Comment.select(*COMMENT.fields, *EMBEDDED,
                   *(joined_ids(target, model.comment, Comment.id)
                     for _, model, target in COMMENT_LINK_TABLES))
    .join(Person, on=(Comment.person == Person.id))
    .switch(Comment).join(TaskStatus, on=(Comment.task_status == TaskStatus.id))
    .switch(Comment).join(Editor, peewee.JOIN.LEFT_OUTER, on=(Comment.editor == Editor.id))
    .switch(Comment).join(ProjectPersonLink, peewee.JOIN.LEFT_OUTER, on=(
        (ProjectPersonLink.person == Comment.person)
        & (ProjectPersonLink.project == project_id)))
    .where(Comment.task == task_id).order_by(Comment.created_at.desc()).tuples()))
"""A task's comments with their author, status, editor and link lists: read on every task
page, so its SQL is built once."""


def task_conversation(task, caller, dopesheet):
    """``GET /data/tasks/{id}/comments``: newest first; artists and vendors do not see
    clients' comments; clients see clients' and ``for_client`` ones (their own only on a
    project isolating clients; a studio comment with previews shows blank)."""
    is_staff = caller.role in ("admin", "manager", "supervisor")
    links = {name: {} for name, _, _ in COMMENT_LINK_TABLES}
    fetched = _CONVERSATION.execute(task.id, task.project_id).fetchall()
    rows = [_entry(values, links) for values in COMMENT.converted_rows(fetched, EMBEDDED)]
    if not is_staff and caller.role != "client":
        rows = [(comment, role) for comment, role in rows if role != "client"]
    comments = [comment for comment, _ in rows]
    add_link_lists(comments, links, dopesheet)
    embed_reply_authors(comments)
    if caller.role == "client":
        return for_client(task, rows, caller.id)
    return comments


def for_client(task, rows, viewer_id):
    isolated = (Project.select(Project.is_clients_isolated)
                .where(Project.id == task.project_id).scalar())
    shown = []
    for comment, author_role in rows:
        is_client_author = author_role == "client"
        is_for_client = bool(comment["for_client"])
        allowed = is_for_client or (is_client_author if not isolated
                                    else comment["person_id"] == viewer_id)
        if comment["previews"] and not is_client_author and not is_for_client:
            shown.append({**comment, "text": "", "attachment_files": [], "checklist": [],
                          "replies": []})
        elif allowed:
            shown.append(comment)
    return shown


def add_link_lists(comments, links, dopesheet):
    """The acknowledgements, previews, mentions, department mentions and attachments of
    ``comments`` (``links``: their link lists by relation; one hook call for the files)."""
    ids = [comment["id"] for comment in comments]
    if not ids:
        return comments
    stored = files.file_lists(ids, dopesheet)
    for comment in comments:
        found = stored.get(comment["id"], {})
        comment["acknowledgements"] = links["acknowledgements"].get(comment["id"], [])
        comment["previews"] = found.get("previews", [])
        comment["mentions"] = links["mentions"].get(comment["id"], [])
        comment["department_mentions"] = links["department_mentions"].get(comment["id"], [])
        comment["attachment_files"] = found.get("attachment_files", [])
    return comments


def embed_reply_authors(comments):
    authors = short_persons({reply.get("person_id") for comment in comments
                             for reply in comment.get("replies") or []} - {None})
    for comment in comments:
        comment["replies"] = [{**reply, "person": authors.get(reply.get("person_id"))}
                              for reply in comment.get("replies") or []]
    return comments


def project_comments(project_id, dopesheet, page=None):
    """``GET /data/projects/{id}/comments``: by last update, with their link id lists;
    ``(comments, total)`` (total None without a page)."""
    query = (Comment.select(*COMMENT.fields).join(Task, on=(Comment.task == Task.id))
             .where(Task.project == project_id))
    total = None
    if page is not None:
        total = query.count()
        query = query.limit(page.limit).offset(page.offset)
    query = query.order_by(Comment.updated_at.desc())
    comments = [COMMENT.from_values(values) for values in query.tuples()]
    ids = [comment["id"] for comment in comments]
    if ids:
        links = comment_links(ids)
        stored = files.file_lists(ids, dopesheet)
        for comment in comments:
            found = stored.get(comment["id"], {})
            comment["previews"] = [preview["id"] for preview in found.get("previews", [])]
            for name in LINKS[1:] + LINKS[:1]:
                comment[name] = links[name].get(comment["id"], [])
            comment["attachment_files"] = [attachment["id"] for attachment
                                           in found.get("attachment_files", [])]
    return comments, total
