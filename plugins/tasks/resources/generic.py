"""The generic model routes (``/data/<plural>``) of tasks, comments, notifications, news,
subscriptions and events, through the core's ``ModelApi`` with Zou's rules for each."""

import uuid

from marshmallow import fields, validate

from framework import BadRequest, ModelApi, NotFound
from framework.crud import parse_instance_id
from framework.schemas import model_schema

from plugins.entities.models import Entity, TaskType

from ..models import (NOTIFICATION_TYPES, ApiEvent, Comment, News, Notification, Subscription,
                      Task)
from ..schemas import TaskBase
from ..services import (comment_edits, loading, presenters, rules, status_flow,
                        task_writes)
from ..services.kinds import entity_kind


def _episode_filter(value):
    episode_id = loading.checked_uuid(value, f"Invalid UUID format for episode_id: {value}")
    sequences = Entity.select(Entity.id).where(Entity.parent == episode_id)
    return Task.entity.in_(Entity.select(Entity.id).where(Entity.parent.in_(sequences)))


class TaskApi(ModelApi):
    """Zou's task rules: creation checks the type against the entity and defaults the name,
    project and status; ``data`` is merged on update; assignee changes are announced;
    clients get the studio fields blank."""

    model = Task
    plural = "tasks"
    base = TaskBase
    virtual_filters = {"episode_id": _episode_filter}

    def get_instance(self, instance_id, principal):
        row = loading.task_with_assignees(parse_instance_id(instance_id))
        if row is None:
            raise NotFound()
        return row

    def load_create(self, body):
        for key in ("task_type_id", "entity_id"):
            try:
                uuid.UUID(str(body.get(key)))
            except ValueError:
                raise BadRequest(f"A valid {key} is required.", data=None) from None
        if "assignees" in body and not isinstance(body["assignees"], list):
            raise BadRequest("assignees must be a list.", data=None)
        data = super().load_create(body)
        task_type = TaskType.get_or_none(TaskType.id == str(data["task_type_id"]))
        entity = Entity.get_or_none(Entity.id == str(data["entity_id"]))
        if task_type is None or entity is None:
            raise NotFound()
        task_writes.check_type_matches(task_type, entity)
        data["name"] = data.get("name") or "main"
        data.setdefault("project_id", entity.project_id)
        if data.get("task_status_id") is None:
            is_concept = entity_kind(entity) == "Concept"
            data["task_status_id"] = status_flow.default_status(is_concept).id
        return data

    def create(self, data, principal):
        if Task.select().where(Task.name == data["name"], Task.entity == str(data["entity_id"]),
                               Task.task_type == str(data["task_type_id"]),
                               Task.project == str(data["project_id"])).exists():
            raise BadRequest("Task already exists.")
        return super().create(data, principal)

    def update(self, task, data, principal):
        if isinstance(data.get("data"), dict):
            data["data"] = {**(task.data or {}), **data["data"]}
        before = None
        if "assignees" in data:
            before = presenters.assignee_ids([task.id]).get(task.id, [])
        task = super().update(task, data, principal)
        if before is not None:
            after = presenters.assignee_ids([task.id]).get(task.id, [])
            task.assignee_ids = after
            task_writes.announce_assignee_changes(task, before, after, principal.id)
        return task

    def remove(self, task, principal, force=False):
        """``?force=true`` takes the comments, previews... with the task (which announces
        it); without it a task with comments is refused by the database."""
        if force:
            task_writes.remove_tasks([task], self.dopesheet)
        else:
            super().remove(task, principal)

    def emit(self, suffix, task):
        data = {"task_id": task.id}
        if suffix == "delete":
            data.update(entity_id=task.entity_id, task_type_id=task.task_type_id)
        self.dopesheet.emit(f"task:{suffix}", data, project_id=task.project_id)

    def serialize(self, task, relations, principal):
        item = presenters.task_dict(task, relations)
        if is_client(principal, task):
            item = presenters.blank_for_client(item)
        return item

    def present(self, items, principal, many):
        if items and "assignees" in items[0]:
            items = [presenters.before_id({key: value for key, value in item.items()
                                           if key != "assignees"},
                                          {"assignees": item["assignees"]}) for item in items]
        if principal is not None and principal.role == "client":
            items = [presenters.blank_for_client(item) for item in items]
        return items


def is_client(principal, row):
    if principal is None or principal.is_admin:
        return False
    return rules.caller_for(principal, row).role == "client"


class CommentApi(ModelApi):
    """Zou's comment routes: reads embed the author and the repliers, edits record the
    editor and recompute mentions (and the task when the status changed), deletions
    recompute the task."""

    model = Comment
    plural = "comments"
    protected = ("mentions", "department_mentions")

    def get_instance(self, instance_id, principal):
        comment = Comment.get_or_none(Comment.id == parse_instance_id(instance_id))
        if comment is None:
            raise NotFound()
        comment.task_row = loading.get_task(comment.task_id)
        return comment

    def serialize(self, comment, relations, principal):
        """Reads embed the author; an edit answers the bare comment, as Zou."""
        if getattr(comment, "just_edited", False):
            return presenters.comment_dict(comment)
        return comment_edits.read_view(comment, relations, self.dopesheet)

    def update(self, comment, data, principal):
        previous_status_id = comment.task_status_id
        data = {key: str(value) if isinstance(value, uuid.UUID) else value
                for key, value in data.items()}
        comment = super().update(comment, {**data, "editor_id": principal.id}, principal)
        comment_edits.after_edit(comment, previous_status_id, comment.task_row)
        comment.just_edited = True
        return comment

    def remove(self, comment, principal, force=False):
        comment_edits.delete(comment, self.dopesheet)

    def emit(self, suffix, comment):
        """Zou's generic creation announces the comment without its project; edits and
        deletions announce themselves (``services.comment_edits``)."""
        if suffix == "new":
            self.dopesheet.emit("comment:new", {
                "comment_id": comment.id, "task_id": comment.task_id,
                "person_id": comment.person_id, "for_client": comment.for_client})


NotificationSchema = type("NotificationSchema", (model_schema(Notification),), {
    "type": fields.String(required=True, validate=validate.OneOf(NOTIFICATION_TYPES)),
    "__module__": __name__,
})


class NotificationApi(ModelApi):
    """Zou writes a notification's ``type`` column as ``notification_type``."""

    model = Notification
    plural = "notifications"
    schema = NotificationSchema
    computed = (("notification_type", lambda item: item["type"]),)

    def present(self, items, principal, many):
        return [{**{key: value for key, value in item.items() if key != "notification_type"},
                 "notification_type": item["notification_type"]} for item in items]


class EventApi(ModelApi):
    """An unpaginated list stops at 1000 events, as Zou's."""

    model = ApiEvent
    plural = "events"
    type_name = "ApiEvent"

    def base_query(self, principal):
        return ApiEvent.select().limit(1000)


APIS = (TaskApi, CommentApi, NotificationApi,
        lambda dopesheet: ModelApi(dopesheet, News, "news"),
        lambda dopesheet: ModelApi(dopesheet, Subscription, "subscriptions"), EventApi)
