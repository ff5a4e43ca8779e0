"""Marshmallow schemas with Zou's conventions, and schemas derived from peewee models.

``model_schema(Model)`` builds the input/documentation schema of a model from its fields, so
a plugin writes only what the model cannot say (an e-mail check, an enum); declare those
fields on a ``BaseSchema`` subclass and pass it as ``base``.
Dates dump as ``YYYY-MM-DDTHH:MM:SS`` (naive UTC) and load from any ISO 8601 text.
"""

import datetime
import functools

import peewee
from marshmallow import RAISE, Schema, ValidationError, fields, validate

from .db import JSONField, UUIDField


class ZouDateTime(fields.DateTime):
    """ISO 8601 in (a zone is converted to naive UTC, a bare date is midnight); Zou's
    ``YYYY-MM-DDTHH:MM:SS`` out."""

    default_error_messages = {"invalid": "Not a valid ISO 8601 date or datetime."}

    def _serialize(self, value, attr, obj, **kwargs):
        return None if value is None else value.isoformat(timespec="seconds")

    def _deserialize(self, value, attr, data, **kwargs):
        return parse_datetime(value, self.make_error)


def parse_datetime(value, make_error=None):
    if isinstance(value, datetime.datetime):
        parsed = value
    else:
        try:
            parsed = datetime.datetime.fromisoformat(str(value).strip().replace("Z", "+00:00"))
        except ValueError:
            if make_error:
                raise make_error("invalid") from None
            raise
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(datetime.UTC).replace(tzinfo=None)
    return parsed


class ZouDate(fields.Date):
    default_error_messages = {"invalid": "Not a valid ISO 8601 date."}

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, datetime.date):
            return value if not isinstance(value, datetime.datetime) else value.date()
        text = str(value).strip()
        try:
            return datetime.date.fromisoformat(text[:10])
        except ValueError:
            raise self.make_error("invalid") from None


class IdList(fields.List):
    """A to-many relation in input: a list of ids or of ``{"id": ...}`` dicts."""

    def __init__(self, **kwargs):
        super().__init__(fields.Raw(), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        items = super()._deserialize(value, attr, data, **kwargs)
        ids = []
        for item in items:
            if isinstance(item, dict):
                item = item.get("id")
            if not isinstance(item, str):
                raise ValidationError("Expected a list of ids.")
            ids.append(item)
        return ids


class BaseSchema(Schema):
    """Zou's conventions: unknown keys refused, dates in Zou's format."""

    class Meta:
        unknown = RAISE
        ordered = True


def _field_for(field):
    options = {"allow_none": field.null}
    if not field.null and field.default is None and not isinstance(field, peewee.AutoField):
        options["required"] = True
    if isinstance(field, peewee.ForeignKeyField):
        return fields.UUID(**options)
    if isinstance(field, (UUIDField, peewee.UUIDField)):
        return fields.UUID(**options)
    if isinstance(field, JSONField):
        return fields.Raw(**options)
    if isinstance(field, peewee.BooleanField):
        return fields.Boolean(**options)
    if isinstance(field, peewee.IntegerField):
        return fields.Integer(**options)
    if isinstance(field, (peewee.FloatField, peewee.DecimalField)):
        return fields.Float(**options)
    if isinstance(field, peewee.DateTimeField):
        return ZouDateTime(**options)
    if isinstance(field, peewee.DateField):
        return ZouDate(**options)
    if isinstance(field, peewee.CharField):
        return fields.String(validate=validate.Length(max=field.max_length), **options)
    if isinstance(field, peewee.TextField):
        return fields.String(**options)
    return None


BASE_FIELDS = ("id", "created_at", "updated_at")


def model_schema(model, base=BaseSchema, exclude=(), name=None):
    """A schema for ``model``: one field per column, keyed by column name (``project_id``),
    plus each many-to-many relation as a list of ids. Fields declared on ``base`` win.
    Built once per model and arguments, so every app built in one process shares it."""
    return _model_schema(model, base, tuple(exclude), name)


@functools.cache
def _model_schema(model, base, exclude, name):
    declared = base._declared_fields
    attrs = {}
    for field in model._meta.sorted_fields:
        key = field.column_name
        if key in exclude or key in declared or field.name in BASE_FIELDS:
            continue
        schema_field = _field_for(field)
        if schema_field is not None:
            attrs[key] = schema_field
    for relation in model._meta.manytomany.values():
        if relation.name not in exclude and relation.name not in declared:
            attrs[relation.name] = IdList()
    attrs["id"] = fields.UUID(dump_only=True)
    attrs["created_at"] = ZouDateTime(dump_only=True)
    attrs["updated_at"] = ZouDateTime(dump_only=True)
    attrs["type"] = fields.String(dump_only=True, dump_default=model.__name__)
    attrs["__module__"] = model.__module__
    return type(name or f"{model.__name__}Schema", (base,), attrs)
