"""Zou's tables for the work done on entities: tasks and their assignees, comments and their
link tables, subscriptions, notifications, news and the event log (``api_event``).

Columns pointing at tables of later plugins (preview files, playlists) are plain indexed
UUIDs: those plugins require this one, never the reverse. The event log references nothing:
it outlives the rows it tells about, as a log should.
"""

import peewee

from framework import BaseModel, JSONField, LinkModel, UUIDField, fk
from plugins.entities.models import Entity, Project, TaskStatus, TaskType
from plugins.persons.models import Department, Person

NOTIFICATION_TYPES = ("comment", "mention", "assignation", "reply", "reply-mention",
                      "playlist-ready")


AssigneesThrough = peewee.DeferredThroughModel()


class Task(BaseModel):
    name = peewee.CharField(max_length=80)
    description = peewee.TextField(null=True)
    priority = peewee.IntegerField(null=True, default=0)
    difficulty = peewee.IntegerField(default=3, constraints=[
        peewee.Check("difficulty > 0 AND difficulty < 6")])
    duration = peewee.FloatField(null=True, default=0.0)
    estimation = peewee.FloatField(null=True, default=0.0)
    completion_rate = peewee.IntegerField(null=True, default=0)
    retake_count = peewee.IntegerField(null=True, default=0)
    sort_order = peewee.IntegerField(null=True, default=0)
    start_date = peewee.DateTimeField(null=True)
    due_date = peewee.DateTimeField(null=True, index=True)
    real_start_date = peewee.DateTimeField(null=True)
    end_date = peewee.DateTimeField(null=True)
    done_date = peewee.DateTimeField(null=True)
    last_comment_date = peewee.DateTimeField(null=True)
    nb_assets_ready = peewee.IntegerField(null=True, default=0)
    data = JSONField(null=True)
    nb_drawings = peewee.IntegerField(null=True, default=0)
    shotgun_id = peewee.IntegerField(null=True)
    last_preview_file_id = UUIDField(null=True, index=True)
    project = fk(Project, "project_id", null=True)
    task_type = fk(TaskType, "task_type_id", null=True)
    task_status = fk(TaskStatus, "task_status_id", null=True)
    entity = fk(Entity, "entity_id", null=True)
    assigner = fk(Person, "assigner_id", null=True)
    assignees = peewee.ManyToManyField(Person, backref="+", through_model=AssigneesThrough)

    class Meta:
        indexes = ((("name", "project", "task_type", "entity"), True),
                   (("entity", "project"), False))


class TaskPersonLink(LinkModel):
    task = fk(Task, "task_id", on_delete="CASCADE")
    person = fk(Person, "person_id")

    class Meta:
        table_name = "task_person_link"
        primary_key = peewee.CompositeKey("task", "person")


AssigneesThrough.set_model(TaskPersonLink)

MentionsThrough = peewee.DeferredThroughModel()
DepartmentMentionsThrough = peewee.DeferredThroughModel()
AcknowledgementsThrough = peewee.DeferredThroughModel()


class Comment(BaseModel):
    """A comment on a task (``object_id``, Zou's name), which may set the task's status."""

    shotgun_id = peewee.IntegerField(null=True)
    task = fk(Task, "object_id", object_id_name="task_id")
    object_type = peewee.CharField(max_length=80, default="Task", index=True)
    text = peewee.TextField(null=True)
    data = JSONField(null=True)
    replies = JSONField(null=True, default=list)
    checklist = JSONField(null=True, default=list)
    pinned = peewee.BooleanField(null=True)
    for_client = peewee.BooleanField(null=True, default=False)
    links = JSONField(null=True)
    task_status = fk(TaskStatus, "task_status_id", null=True)
    person = fk(Person, "person_id")
    editor = fk(Person, "editor_id", null=True)
    preview_file_id = UUIDField(null=True, index=True)
    mentions = peewee.ManyToManyField(Person, backref="+", through_model=MentionsThrough)
    department_mentions = peewee.ManyToManyField(Department, backref="+",
                                                 through_model=DepartmentMentionsThrough)
    acknowledgements = peewee.ManyToManyField(Person, backref="+",
                                              through_model=AcknowledgementsThrough)

    class Meta:
        indexes = ((("task", "created_at"), False),)


class CommentPreviewLink(LinkModel):
    """Previews attached to a comment; the plugin owning preview files fills it."""

    comment = fk(Comment, "comment", on_delete="CASCADE")
    preview_file = UUIDField(column_name="preview_file", index=True)

    class Meta:
        table_name = "comment_preview_link"
        primary_key = peewee.CompositeKey("comment", "preview_file")


class CommentMention(LinkModel):
    comment = fk(Comment, "comment", on_delete="CASCADE")
    person = fk(Person, "person")

    class Meta:
        table_name = "comment_mentions"
        primary_key = peewee.CompositeKey("comment", "person")


class CommentDepartmentMention(LinkModel):
    comment = fk(Comment, "comment", on_delete="CASCADE")
    department = fk(Department, "department")

    class Meta:
        table_name = "comment_department_mentions"
        primary_key = peewee.CompositeKey("comment", "department")


class CommentAcknowledgement(LinkModel):
    comment = fk(Comment, "comment", on_delete="CASCADE")
    person = fk(Person, "person")

    class Meta:
        table_name = "comment_acknoledgments"
        primary_key = peewee.CompositeKey("comment", "person")


MentionsThrough.set_model(CommentMention)
DepartmentMentionsThrough.set_model(CommentDepartmentMention)
AcknowledgementsThrough.set_model(CommentAcknowledgement)


class Subscription(BaseModel):
    """A person following one task, or every task of a type in a sequence (``entity_id``
    + ``task_type_id``)."""

    person = fk(Person, "person_id")
    task = fk(Task, "task_id", null=True)
    entity = fk(Entity, "entity_id", null=True)
    task_type = fk(TaskType, "task_type_id", null=True)

    class Meta:
        indexes = ((("person", "task"), True), (("person", "task_type", "entity"), True))


class Notification(BaseModel):
    """Zou serialises the ``type`` column as ``notification_type`` (``type`` is the class
    name there, as everywhere)."""

    read = peewee.BooleanField(default=False)
    change = peewee.BooleanField(default=False)
    type = peewee.CharField(max_length=20)
    person = fk(Person, "person_id")
    author = fk(Person, "author_id")
    comment = fk(Comment, "comment_id", null=True)
    task = fk(Task, "task_id", null=True)
    playlist_id = UUIDField(null=True, index=True)
    reply_id = UUIDField(null=True, index=True)

    class Meta:
        indexes = ((("person", "author", "comment", "reply_id", "playlist_id", "type"), True),
                   (("person", "read"), False))


class News(BaseModel):
    change = peewee.BooleanField(default=False)
    author = fk(Person, "author_id")
    comment = fk(Comment, "comment_id", null=True)
    task = fk(Task, "task_id")
    preview_file_id = UUIDField(null=True, index=True)


class ApiEvent(BaseModel):
    name = peewee.CharField(max_length=80, index=True)
    user_id = UUIDField(null=True, index=True)
    project_id = UUIDField(null=True, index=True)
    data = JSONField(null=True)


MODELS = (Task, TaskPersonLink, Comment, CommentPreviewLink, CommentMention,
          CommentDepartmentMention, CommentAcknowledgement, Subscription, Notification, News,
          ApiEvent)
