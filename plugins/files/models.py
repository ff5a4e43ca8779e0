"""Zou's tables for the files of a production, with Zou's table and column names.

Revisions are unique per key (a working file per task and name, an output file per entity
or instance, output type, task type, name and representation): the unique indexes are the
last guard of the revision allocation in ``services.revisions``. The bytes themselves live
in the storage backend under keys made from the rows' ids, never from a client's name.
"""

import peewee

from framework import BaseModel, JSONField, UUIDField
from plugins.entities.models import AssetInstance, Entity, TaskType, fk
from plugins.persons.models import Person
from plugins.tasks.models import Comment, Task

VALIDATION_STATUSES = ("validated", "rejected", "neutral")
PREVIEW_STATUSES = ("processing", "ready", "broken", "missing")
QUALITIES = ("low", "mid", "high")


class Software(BaseModel):
    name = peewee.CharField(max_length=40, unique=True)
    short_name = peewee.CharField(max_length=20)
    archived = peewee.BooleanField(null=True, default=False)
    version = peewee.CharField(max_length=20, null=True)
    file_extension = peewee.CharField(max_length=20)
    secondary_extensions = JSONField(null=True)
    monthly_cost = peewee.IntegerField(null=True, default=0)
    inventory_amount = peewee.IntegerField(null=True, default=0)


class OutputType(BaseModel):
    name = peewee.CharField(max_length=40, unique=True)
    short_name = peewee.CharField(max_length=20)


class FileStatus(BaseModel):
    name = peewee.CharField(max_length=40, unique=True)
    color = peewee.CharField(max_length=7)


class WorkingFile(BaseModel):
    shotgun_id = peewee.IntegerField(null=True, index=True)
    name = peewee.CharField(max_length=250, null=True)
    description = peewee.TextField(null=True)
    comment = peewee.TextField(null=True)
    revision = peewee.IntegerField(null=True)
    size = peewee.BigIntegerField(null=True)
    checksum = peewee.IntegerField(null=True)
    path = peewee.CharField(max_length=400, null=True)
    data = JSONField(null=True)
    validation_status = peewee.CharField(max_length=20, default="neutral")
    task = fk(Task, "task_id", null=True)
    entity = fk(Entity, "entity_id", null=True)
    person = fk(Person, "person_id", null=True)
    software = fk(Software, "software_id", null=True)

    class Meta:
        indexes = ((("name", "task", "entity", "revision"), True),)


class OutputFile(BaseModel):
    """``source_file`` is serialised nested, as Zou does (``services.presenters``)."""

    shotgun_id = peewee.IntegerField(null=True)
    name = peewee.CharField(max_length=250)
    canceled = peewee.BooleanField(default=False)
    size = peewee.BigIntegerField(null=True)
    checksum = peewee.CharField(max_length=32, null=True)
    description = peewee.TextField(null=True)
    comment = peewee.TextField(null=True)
    extension = peewee.CharField(max_length=10, null=True)
    revision = peewee.IntegerField()
    representation = peewee.CharField(max_length=20, null=True, index=True)
    nb_elements = peewee.IntegerField(null=True, default=1)
    source = peewee.CharField(max_length=40, null=True)
    path = peewee.CharField(max_length=400, null=True)
    data = JSONField(null=True)
    quality = peewee.CharField(max_length=10, null=True)
    file_status = fk(FileStatus, "file_status_id")
    entity = fk(Entity, "entity_id", null=True)
    asset_instance = fk(AssetInstance, "asset_instance_id", null=True)
    output_type = fk(OutputType, "output_type_id", null=True)
    task_type = fk(TaskType, "task_type_id", null=True)
    person = fk(Person, "person_id", null=True)
    source_file = fk(WorkingFile, "source_file_id", null=True)
    temporal_entity = fk(Entity, "temporal_entity_id", null=True)



def null_safe(field):
    """The column as text, NULL as '': a unique index over it treats NULLs as equal (an
    output file of an entity has no asset instance nor temporal entity)."""
    return peewee.fn.COALESCE(peewee.Cast(field, "text"), "")


OutputFile.add_index(OutputFile.index(
    OutputFile.name, null_safe(OutputFile.entity), null_safe(OutputFile.asset_instance),
    null_safe(OutputFile.output_type), null_safe(OutputFile.task_type),
    null_safe(OutputFile.temporal_entity), null_safe(OutputFile.representation),
    OutputFile.revision, unique=True, name="output_file_revision_key"))


class AttachmentFile(BaseModel):
    """A file of a comment or of one of its replies (``reply_id``); ``comment`` is
    serialised nested on the generic routes, as Zou does."""

    name = peewee.CharField(max_length=250, null=True)
    size = peewee.BigIntegerField(null=True, default=1)
    extension = peewee.CharField(max_length=6, null=True)
    mimetype = peewee.CharField(max_length=255, null=True)
    comment = fk(Comment, "comment_id", null=True)
    reply_id = UUIDField(null=True)
    chat_message_id = UUIDField(null=True, index=True)


class PreviewFile(BaseModel):
    """Review media of a task: ``revision`` per task, ``position`` among the previews of one
    revision. The comments showing it are ``comment_preview_link`` rows (tasks plugin)."""

    name = peewee.CharField(max_length=250, null=True)
    original_name = peewee.CharField(max_length=250, null=True)
    revision = peewee.IntegerField(null=True, default=1)
    position = peewee.IntegerField(null=True, default=1)
    extension = peewee.CharField(max_length=6, null=True)
    description = peewee.TextField(null=True)
    path = peewee.CharField(max_length=400, null=True)
    source = peewee.CharField(max_length=40, null=True)
    file_size = peewee.BigIntegerField(null=True, default=0)
    status = peewee.CharField(max_length=20, default="processing")
    validation_status = peewee.CharField(max_length=20, default="neutral")
    annotations = JSONField(null=True)
    width = peewee.IntegerField(null=True, default=0)
    height = peewee.IntegerField(null=True, default=0)
    duration = peewee.FloatField(null=True, default=0)
    data = JSONField(null=True)
    token_in = peewee.IntegerField(null=True)
    token_out = peewee.IntegerField(null=True)
    task = fk(Task, "task_id", null=True)
    person = fk(Person, "person_id", null=True)
    source_file = fk(OutputFile, "source_file_id", null=True)
    shotgun_id = peewee.IntegerField(null=True, unique=True)
    is_movie = peewee.BooleanField(null=True, default=False)
    url = peewee.CharField(max_length=600, null=True)
    uploaded_movie_url = peewee.CharField(max_length=600, null=True)
    uploaded_movie_name = peewee.CharField(max_length=150, null=True)

    class Meta:
        indexes = ((("name", "task", "revision"), True), (("task", "revision"), False))


class PreviewBackgroundFile(BaseModel):
    name = peewee.CharField(max_length=40)
    archived = peewee.BooleanField(null=True, default=False)
    is_default = peewee.BooleanField(null=True, default=False, index=True)
    original_name = peewee.CharField(max_length=250, null=True)
    extension = peewee.CharField(max_length=6, null=True)
    file_size = peewee.BigIntegerField(null=True, default=0)


MODELS = (Software, OutputType, FileStatus, WorkingFile, OutputFile, AttachmentFile,
          PreviewFile, PreviewBackgroundFile)
