"""Tasks, comments and notifications as Zou writes them, built from column tuples with the
core's ``Serializer`` (no per-row model objects, one query per relation for a whole list).

Zou places a model's to-many relations where the model declares them: a task's
``assignees`` just before ``id``, a comment's ``previews`` there too and its other link
lists after ``type``. Clients get a task's studio fields blank (Zou's
``CLIENT_BLANK_TASK_VALUES``).
"""

import copy

import peewee

from framework.prepared import Prepared
from framework.serialize import Serializer

from plugins.entities.models import TaskStatus
from plugins.persons.models import PERSON_COMPUTED, Person

from ..models import (Comment, CommentAcknowledgement, CommentDepartmentMention,
                      CommentMention, Notification, Task)

TASK = Serializer(Task)
COMMENT = Serializer(Comment)
NOTIFICATION = Serializer(Notification)
PERSON = Serializer(Person, computed=PERSON_COMPUTED)
STATUS = Serializer(TaskStatus)
CLIENT_BLANK_TASK_VALUES = {
    "assignees": [], "assigner_id": None, "completion_rate": 0, "difficulty": None,
    "done_date": None, "due_date": None, "duration": 0, "end_date": None, "estimation": 0,
    "last_comment_date": None, "nb_assets_ready": 0, "nb_drawings": 0, "priority": 0,
    "real_start_date": None, "retake_count": 0, "start_date": None,
}
COMMENT_LATE_RELATIONS = ("mentions", "department_mentions", "acknowledgements",
                          "attachment_files")
SHORT_PERSON_KEYS = ("id", "first_name", "last_name", "full_name", "has_avatar", "role")


def before_id(item, extra):
    """``item`` with the ``extra`` keys inserted just before ``id``."""
    placed = {}
    for key, value in item.items():
        if key == "id":
            placed.update(extra)
        placed[key] = value
    return placed


def blank_for_client(task):
    return {**task, **{key: copy.copy(value) for key, value in CLIENT_BLANK_TASK_VALUES.items()
                       if key in task}}


def assignee_ids(task_ids):
    """``{task_id: [person ids]}`` for the tasks ``task_ids`` (a list or a subquery)."""
    return TASK.relation_ids(task_ids)["assignees"]


def _with_assignees(items):
    """Task dicts with their ``assignees`` placed before ``id`` (one query)."""
    assignees = assignee_ids([item["id"] for item in items]) if items else {}
    return [before_id(item, {"assignees": assignees.get(item["id"], [])}) for item in items]


def task_dicts(query, relations=False):
    """The tasks of ``query`` serialised, with their assignees when ``relations``."""
    items = TASK.items(query)
    return _with_assignees(items) if relations else items


def task_dicts_of(tasks):
    """Loaded task rows serialised with their assignees (one query)."""
    return _with_assignees([TASK.from_instance(task) for task in tasks])


def task_dict(task, relations=True):
    """A task's dict; its assignees are read unless the row carries ``assignee_ids``
    (``loading.task_with_assignees``)."""
    item = TASK.from_instance(task)
    if relations:
        assignees = getattr(task, "assignee_ids", None)
        if assignees is None:
            assignees = TASK.relations_of(task.id)["assignees"]
        item = before_id(item, {"assignees": assignees})
    return item


def person_dict(person):
    """A person's full dict as comment answers embed it (no department list)."""
    return PERSON.from_instance(person)


def short_persons(person_ids):
    """``{person_id: Zou's short person dict}`` (one query)."""
    if not person_ids:
        return {}
    found = {}
    for person in (Person.select(Person.id, Person.first_name, Person.last_name,
                                 Person.has_avatar, Person.role)
                   .where(Person.id.in_(list(person_ids)))):
        found[person.id] = {"id": person.id, "first_name": person.first_name,
                            "last_name": person.last_name, "full_name": person.full_name,
                            "has_avatar": person.has_avatar, "role": person.role}
    return found


def status_dict(status):
    return STATUS.from_instance(status)


def _comment_links_query(comment_ids):
    query = None
    for name, model, target in COMMENT_LINK_TABLES:
        part = model.select(peewee.Value(name), model.comment, target).where(
            model.comment.in_(comment_ids))
        query = part if query is None else query.union_all(part)
    return query.tuples()


COMMENT_LINK_TABLES = (("mentions", CommentMention, CommentMention.person),
                       ("department_mentions", CommentDepartmentMention,
                        CommentDepartmentMention.department),
                       ("acknowledgements", CommentAcknowledgement, CommentAcknowledgement.person))
_COMMENT_LINKS = Prepared(_comment_links_query)


def comment_links(comment_ids):
    """``{relation: {comment_id: [ids]}}`` of the comments' mentions, department mentions and
    acknowledgements, in one query."""
    found = {name: {} for name, _, _ in COMMENT_LINK_TABLES}
    for name, comment_id, target_id in _COMMENT_LINKS.rows(list(comment_ids)):
        found[name].setdefault(comment_id, []).append(target_id)
    return found


def comment_dict(comment, relations=False, files=None, links=None):
    """A comment as Zou serialises it; with ``relations`` its link lists (``files``: what
    the files plugin reported for it, ``links``: ``comment_links`` when already read)."""
    item = COMMENT.from_instance(comment)
    if not relations:
        return item
    files = files or {}
    links = links or comment_links([comment.id])
    item = before_id(item, {"previews": [preview["id"] for preview in files.get("previews", [])]})
    for name in ("mentions", "department_mentions", "acknowledgements"):
        item[name] = links[name].get(comment.id, [])
    item["attachment_files"] = [attachment["id"]
                                for attachment in files.get("attachment_files", [])]
    return item


def notification_dict(notification):
    """A notification as Zou serialises it: ``type`` is the class name, the column comes
    last as ``notification_type``."""
    item = NOTIFICATION.from_instance(notification)
    item["notification_type"] = notification.type
    return item
