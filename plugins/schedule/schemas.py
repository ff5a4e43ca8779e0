"""Bodies of the plugin's routes, with Zou's rules and messages (its pydantic schemas ignore
unknown keys, so these do too), and the input bases of the generic model routes."""

from marshmallow import EXCLUDE, Schema, ValidationError, fields, validate

from framework import BaseSchema
from framework.schemas import parse_datetime

from .models import POSITIONS, SENIORITIES

POSITIVE = validate.Range(min=0, min_inclusive=False, error="Input should be greater than 0")
NOT_EMPTY = validate.Length(min=1, error="String should have at least 1 character")


class Body(Schema):
    """A route body: unknown keys are ignored, as Zou's pydantic schemas do."""

    class Meta:
        unknown = EXCLUDE
        ordered = True


class TimeSpentBody(Body):
    duration = fields.Float(required=True, validate=POSITIVE)


class LoginDate(fields.Field):
    """A desktop login's date: ``2020-01-05T13:23:10`` or ``2020-01-05`` (midnight)."""

    def _deserialize(self, value, attr, data, **kwargs):
        if value in (None, ""):
            return None
        try:
            return parse_datetime(value)
        except (ValueError, TypeError):
            raise ValidationError("Value error, Wrong date format. Expected: "
                                  "2020-01-05T13:23:10 or 2020-01-05") from None


class DesktopLoginBody(Body):
    date = LoginDate(load_default=None, allow_none=True)


class FilterBody(Body):
    name = fields.String(required=True, validate=NOT_EMPTY)
    query = fields.String(required=True, validate=NOT_EMPTY)
    list_type = fields.String(load_default="todo")
    project_id = fields.UUID(load_default=None, allow_none=True)
    entity_type = fields.String(load_default=None, allow_none=True)
    is_shared = fields.Boolean(load_default=False, allow_none=True)
    search_filter_group_id = fields.UUID(load_default=None, allow_none=True)
    department_id = fields.UUID(load_default=None, allow_none=True)


class FilterUpdateBody(Body):
    name = fields.String(allow_none=True)
    search_query = fields.String(allow_none=True)
    search_filter_group_id = fields.UUID(allow_none=True)
    is_shared = fields.Boolean(allow_none=True)
    project_id = fields.UUID(allow_none=True)
    department_id = fields.UUID(allow_none=True)


class FilterGroupBody(Body):
    name = fields.String(required=True, validate=NOT_EMPTY)
    color = fields.String(load_default="", allow_none=True)
    list_type = fields.String(load_default="todo")
    project_id = fields.UUID(load_default=None, allow_none=True)
    is_shared = fields.Boolean(load_default=False, allow_none=True)
    entity_type = fields.String(load_default=None, allow_none=True)
    department_id = fields.UUID(load_default=None, allow_none=True)


class FilterGroupUpdateBody(Body):
    name = fields.String(allow_none=True)
    color = fields.String(allow_none=True)
    is_shared = fields.Boolean(allow_none=True)
    project_id = fields.UUID(allow_none=True)
    department_id = fields.UUID(allow_none=True)


class BudgetBody(Body):
    name = fields.String(required=True, validate=NOT_EMPTY)
    currency = fields.String(load_default="USD", allow_none=True,
                             validate=validate.Length(max=3))


class BudgetUpdateBody(Body):
    name = fields.String(allow_none=True)
    currency = fields.String(allow_none=True, validate=validate.Length(max=3))


class BudgetEntryUpdateBody(Body):
    department_id = fields.UUID(allow_none=True)
    person_id = fields.UUID(allow_none=True)
    start_date = fields.Date(allow_none=True)
    months_duration = fields.Integer(allow_none=True)
    daily_salary = fields.Float(allow_none=True)
    position = fields.String(allow_none=True, validate=validate.OneOf(POSITIONS))
    seniority = fields.String(allow_none=True, validate=validate.OneOf(SENIORITIES))
    exceptions = fields.Dict(keys=fields.String(), values=fields.Integer(allow_none=True),
                             allow_none=True)


class BudgetEntryBody(BudgetEntryUpdateBody):
    """Zou declares the dates and amounts optional and answers 500 without them (the
    columns are required): here they are required."""

    department_id = fields.UUID(required=True)
    start_date = fields.Date(required=True)
    months_duration = fields.Integer(required=True)
    daily_salary = fields.Float(required=True)
    position = fields.String(load_default="artist", validate=validate.OneOf(POSITIONS))
    seniority = fields.String(load_default="mid", validate=validate.OneOf(SENIORITIES))


class ChatMessageBody(Body):
    message = fields.String(required=True)


class PlaylistEntryBody(Body):
    entity_id = fields.UUID(required=True)
    preview_file_id = fields.UUID(load_default=None, allow_none=True)

    def load(self, data, *args, **kwargs):
        if isinstance(data, dict) and data.get("preview_file_id") == "":
            data = {**data, "preview_file_id": None}
        return super().load(data, *args, **kwargs)


class PlaylistEntriesBody(Body):
    entities = fields.List(fields.Nested(PlaylistEntryBody), required=True,
                           validate=validate.Length(min=1, error=(
                               "List should have at least 1 item after validation, not 0")))


class PlaylistBase(BaseSchema):
    """Zou accepts ``episode_id`` ``"all"``/``"main"`` (no episode) and an invalid
    ``task_type_id`` (none) on playlists: they are read as text, then cleaned."""

    episode_id = fields.String(allow_none=True)
    task_type_id = fields.String(allow_none=True)
    for_entity = fields.String(allow_none=True)
    shots = fields.Raw(allow_none=True)


class TempPlaylistBody(Body):
    task_ids = fields.List(fields.UUID(), load_default=list)
    entity_ids = fields.List(fields.UUID(), load_default=list)


class NotifyClientsBody(Body):
    studio_id = fields.UUID(load_default=None, allow_none=True)
    department_id = fields.UUID(load_default=None, allow_none=True)


class ShareLinkBody(Body):
    expiration_date = fields.String(load_default=None, allow_none=True)
    can_comment = fields.Boolean(load_default=True, error_messages={
        "invalid": "Input should be a valid boolean, unable to interpret input"})
    password = fields.String(load_default=None, allow_none=True)
