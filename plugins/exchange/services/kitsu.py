"""Rows exported by another Kitsu instance stored here with their ids and dates, as Zou's
``/import/kitsu/<model>`` routes store them (``create_from_import``): a row whose id is
known is updated, any other is created; keys that are no column here are dropped, columns
are validated as the generic routes validate them, to-many relations keep the ids known
here. The whole list is one transaction: a refused row leaves nothing imported.
"""

import uuid

from framework import model_schema, validated
from framework.errors import validation_error
from framework.schemas import parse_datetime
from framework.serialize import link_fields
from framework.clock import utcnow

from .kitsu_rows import LINK_SETTERS, shape

ROUTES = {
    # path under /import/kitsu/, table
    "projects": "project", "entities": "entity", "entity-links": "entity_link",
    "metadata-descriptors": "metadata_descriptor", "tasks": "task", "comments": "comment",
    "subscriptions": "subscription", "notifications": "notification", "news": "news",
    "time-spents": "time_spent", "milestones": "milestone", "schedule-items": "schedule_item",
    "playlists": "playlist", "build-jobs": "build_job", "preview-files": "preview_file",
    "attachment-files": "attachment_file",
}


class TableImport:
    """Upserts rows of one model; ``tables`` are the app's models by table name."""

    def __init__(self, model, tables):
        self.model = model
        self.table = model._meta.table_name
        self.tables = tables
        self.schema = model_schema(model)(partial=True)
        self.loadable = set(self.schema.load_fields)
        self.columns = model._meta.columns
        self.relations = model._meta.manytomany

    def upsert(self, row):
        """``(instance, created)`` for one exported row."""
        if not isinstance(row, dict):
            raise validation_error({"_schema": ["Each entry must be an object."]})
        shaped = shape(self.table, row, self.tables)
        values = shaped.columns
        row_id, created_at, updated_at = _identity(values)
        loaded = validated(self.schema, {key: value for key, value in values.items()
                                         if key in self.loadable})
        relations = {key: loaded.pop(key) for key in list(loaded) if key in self.relations}
        existing = self.find(row_id, shaped.match)
        columns = {self.columns[key]: value for key, value in loaded.items()}
        if existing is not None:
            row_id = existing.id
            columns[self.model.updated_at] = updated_at or utcnow()
            self.model.update(columns).where(self.model.id == row_id).execute()
        else:
            now = utcnow()
            columns.update({self.model.id: row_id, self.model.created_at: created_at or now,
                            self.model.updated_at: updated_at or created_at or now})
            self.model.insert(columns).execute()
        for name, ids in relations.items():
            self.set_relation(row_id, name, ids)
        for name, ids in shaped.links.items():
            LINK_SETTERS[name](row_id, [str(item) for item in ids or []], self.tables)
        return self.model.get_by_id(row_id), existing is None

    def find(self, row_id, match):
        if match is None:
            return self.model.get_or_none(self.model.id == row_id)
        query = self.model.select()
        for key, value in match.items():
            query = query.where(self.columns[key] == value)
        return query.first()

    def set_relation(self, owner_id, name, ids):
        relation = self.relations[name]
        source, target = link_fields(relation)
        rel_model = relation.rel_model
        known = [row[0] for row in rel_model.select(rel_model.id)
                 .where(rel_model.id.in_([str(item) for item in ids])).tuples()]
        relation.through_model.delete().where(source == owner_id).execute()
        if known:
            relation.through_model.insert_many(
                [{source.name: owner_id, target.name: other} for other in known]).execute()


def _identity(values):
    """The row's id and dates, as exported."""
    try:
        row_id = str(uuid.UUID(str(values.pop("id"))))
    except (KeyError, ValueError):
        raise validation_error({"id": ["Not a valid UUID."]}) from None
    dates = []
    for key in ("created_at", "updated_at"):
        value = values.pop(key, None)
        try:
            dates.append(parse_datetime(value) if value else None)
        except ValueError:
            raise validation_error({key: ["Not a valid datetime."]}) from None
    return row_id, *dates
