"""The bodies of the plugin's routes, validated as Zou's pydantic schemas validate them:
unknown keys ignored, missing required fields answered ``Field required``, and the JSON
text a multipart form carries for a list decoded first."""

import orjson
from marshmallow import EXCLUDE, ValidationError, fields, pre_load, validate

from framework import BaseSchema


def decode_json_text(value):
    """A multipart field holding JSON (Zou's ``checklist``, ``links``, ``comments``)."""
    if not isinstance(value, str):
        return value
    try:
        return orjson.loads(value) if value else []
    except orjson.JSONDecodeError:
        raise ValidationError("Invalid JSON text.") from None


class ZouBody(BaseSchema):
    class Meta:
        unknown = EXCLUDE


class TaskBase(BaseSchema):
    """What the generic task routes declare beyond the model: a name that may be left out
    (``main``)."""

    name = fields.String(allow_none=True, validate=validate.Length(max=80))


class CommentBody(ZouBody):
    task_status_id = fields.String(required=True)
    comment = fields.String(load_default="", allow_none=True)
    person_id = fields.String(load_default="", allow_none=True)
    created_at = fields.String(load_default="", allow_none=True)
    checklist = fields.List(fields.Raw(), load_default=list, allow_none=True)
    links = fields.List(fields.Raw(), load_default=list, allow_none=True)
    for_client = fields.Boolean(load_default=False)

    @pre_load
    def decode_form_lists(self, values, **kwargs):
        decoded = dict(values)
        for key in ("checklist", "links"):
            if key in decoded:
                try:
                    decoded[key] = decode_json_text(decoded[key])
                except ValidationError as error:
                    raise ValidationError({key: error.messages}) from None
        return decoded


class ReplyBody(ZouBody):
    text = fields.String(load_default="", allow_none=True)


class MoveBody(ZouBody):
    target_task_id = fields.String(required=True)


class AssignPersonBody(ZouBody):
    person_id = fields.String(required=True, validate=validate.Length(min=1))


class TaskIdsBody(ZouBody):
    task_ids = fields.List(fields.String(), required=True, validate=validate.Length(min=1))


class ClearAssignationBody(TaskIdsBody):
    person_id = fields.String(allow_none=True, load_default=None)


class PriorityBody(TaskIdsBody):
    priority = fields.Integer(required=True, validate=validate.Range(min=0))


class ReadBody(ZouBody):
    read = fields.Boolean(allow_none=True, load_default=None)


class BatchItem(ZouBody):
    """One comment of a batch on a task."""

    task_status_id = fields.UUID(required=True)
    text = fields.String(required=True)
    person_id = fields.UUID(allow_none=True, load_default=None)
    created_at = fields.String(allow_none=True, load_default=None)
    checklist = fields.List(fields.Raw(), allow_none=True, load_default=list)
    links = fields.List(fields.String(), allow_none=True, load_default=list)


class TaskBatchItem(BatchItem):
    """One comment of a batch on several tasks."""

    task_id = fields.UUID(required=True)


class TaskBatch(ZouBody):
    comments = fields.List(fields.Nested(TaskBatchItem), required=True,
                           validate=validate.Length(min=1))


class OneTaskBatch(ZouBody):
    comments = fields.List(fields.Nested(BatchItem), required=True,
                           validate=validate.Length(min=1))


class ManyItem(ZouBody):
    """An item of ``comment-many``: incomplete ones are skipped, as Zou does. ``task_id`` is
    the name gazu's ``create_multiple_comments`` documents for ``object_id``."""

    object_id = fields.UUID(allow_none=True, load_default=None)
    task_id = fields.UUID(allow_none=True, load_default=None)
    task_status_id = fields.UUID(allow_none=True, load_default=None)
    comment = fields.String(allow_none=True, load_default=None)
    links = fields.List(fields.String(), load_default=list)
