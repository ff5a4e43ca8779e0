"""The generic model API: ``GET/POST /data/<plural>`` and ``GET/PUT/DELETE
/data/<plural>/{instance_id}`` with Zou's semantics (``zou/behaviour.md`` §B).

A plugin exposes a model with ``ModelApi(dopesheet, Model, "plural").routes()``, or
subclasses ``ModelApi`` to change what the model needs (hidden and protected columns, a
narrower base query, extra keys in its output, what creating or deleting a row does).
Every operation asks the permission hooks; every write emits ``<table-with-dashes>:new``,
``:update`` or ``:delete`` after the commit. A list is one SQL query whatever the row
count (plus one per relation when ``relations=true`` and one count when paginated).
"""

import uuid

import falcon
import peewee
from marshmallow import ValidationError, fields, validate

from .config import SectionSchema, core_section
from .db import db, utcnow
from .errors import BadRequest, NotFound, validation_error
from .filters import filter_expressions, parse_bool, parse_fields, parse_page
from .permissions import Resource
from .prepared import Prepared
from .requests import principal_of, read_json_object, schema_instance
from .routing import Operation, Route
from .schemas import BaseSchema, model_schema, parse_datetime
from .serialize import Serializer, link_fields
from .writes import update_row

ALWAYS_PROTECTED = ("id", "created_at", "updated_at")
DATE_FIELDS = (peewee.DateTimeField, peewee.DateField)


@core_section("api")
class ApiSettings(SectionSchema):
    page_size = fields.Integer(load_default=100, validate=validate.Range(min=1))
    max_page_size = fields.Integer(load_default=10000, validate=validate.Range(min=1))


def _check_ignored_keys(body):
    """``id`` and the timestamps are ignored in a body (gazu sends whole objects back), but
    only when they have the shape the API answers them with (the OpenAPI document's)."""
    errors = {}
    if "id" in body:
        try:
            uuid.UUID(body["id"])
        except (TypeError, ValueError, AttributeError):
            errors["id"] = ["Not a valid UUID."]
    for key in ("created_at", "updated_at"):
        if body.get(key) is not None and not isinstance(body[key], str):
            errors[key] = ["Not a valid datetime."]
    if errors:
        raise validation_error(errors)


class RelationsQuery(BaseSchema):
    relations = fields.Boolean(metadata={"description": "include to-many relations as id lists"})


ListQuery = type("ListQuery", (RelationsQuery,), {
    "page": fields.Integer(validate=validate.Range(min=0), metadata={
        "description": "1-based page number; switches to the paginated envelope"}),
    "limit": fields.Integer(validate=validate.Range(min=0), metadata={"description": "page size"}),
    "fields": fields.String(metadata={"description": "comma-separated keys to keep"}),
})


def integrity_message(error):
    """Zou's sanitised text for a database integrity or data error."""
    text = str(error).lower()
    if "unique" in text or "duplicate key" in text:
        return "A record with the same unique values already exists."
    if "foreign key" in text:
        return "The change conflicts with records referencing this one."
    if "not null" in text or "null value" in text:
        return "A required field is missing."
    if isinstance(error, peewee.DataError) or "invalid input" in text:
        return "One of the provided values has an invalid format."
    return "The data conflicts with database integrity rules."


def parse_instance_id(instance_id):
    try:
        return str(uuid.UUID(instance_id))
    except (ValueError, AttributeError, TypeError):
        raise BadRequest("Malformed ID.", data=None) from None


class ModelApi:
    """CRUD over one model. Class attributes are the knobs; methods are the extension points."""

    hidden = ()
    protected = ()
    reserved_params = ()
    type_name = None
    computed = ()
    relations_on_update = False
    virtual_filters = {}
    base = BaseSchema
    schema = None

    def __init__(self, dopesheet, model=None, plural=None, **options):
        self.dopesheet = dopesheet
        self.model = model or self.model
        self.plural = plural or self.plural
        for name, value in options.items():
            if not hasattr(type(self), name):
                raise TypeError(f"ModelApi has no option {name!r}")
            setattr(self, name, value)
        self.schema = self.schema or model_schema(
            self.model, base=self.base, exclude=self.hidden)
        self.serializer = Serializer(self.model, hidden=self.hidden, type_name=self.type_name,
                                     computed=self.computed)
        self.event_prefix = self.model._meta.table_name.replace("_", "-")
        self.columns = self.model._meta.columns
        self.relations = self.model._meta.manytomany
        self._writable = set(schema_instance(self.schema).load_fields) | set(self.relations)
        self._by_id = Prepared(lambda instance_id: self.model.select().where(
            self.model._meta.primary_key == instance_id).limit(1))
        # No subclass narrows base_query: reads may take the prepared whole-model paths.
        self._unscoped = type(self).base_query is ModelApi.base_query

    # -- extension points -------------------------------------------------------------
    def base_query(self, principal):
        return self.model.select()

    def present(self, items, principal, many):
        """Last touch on serialised items (presenters per role, computed keys); ``many`` is
        True for a list route, False for one object."""
        return items

    def relation_lists(self, instance):
        """``{relation: [ids]}`` of one row for its answer (one query). Override it for rows
        read with their lists (``framework.serialize.linked_ids_column``)."""
        return self.serializer.relations_of(instance.id)

    def create(self, data, principal):
        columns, relations = self._split(data)
        instance = self.model.create(**{self.columns[key].name: value
                                         for key, value in columns.items()})
        self._set_relations(instance.id, relations)
        return instance

    def update(self, instance, data, principal):
        columns, relations = self._split(data)
        if columns:
            columns["updated_at"] = utcnow()
            update_row(self.model, instance.id,
                       {self.columns[key]: value for key, value in columns.items()})
            for key, value in columns.items():
                instance.__data__[self.columns[key].name] = value
        self._set_relations(instance.id, relations)
        return instance

    def delete(self, instance, principal, force=False):
        """Delete the row and its relation links. ``force`` is Zou's ``DELETE ?force=true``:
        an API whose rows have dependants deletes them with it, and refuses otherwise."""
        for relation in self.relations.values():
            source, _ = link_fields(relation)
            relation.through_model.delete().where(source == instance.id).execute()
        instance.delete_instance()

    def remove(self, instance, principal, force=False):
        """What ``DELETE /data/<plural>/{id}`` does: delete, then announce it. Override it
        when the deletion announces itself."""
        self.delete(instance, principal, force)
        self.emit("delete", instance)

    def event_data(self, instance):
        data = {f"{self.model._meta.table_name}_id": instance.id}
        if "project_id" in self.columns:
            data["project_id"] = instance.__data__.get(self.columns["project_id"].name)
        return data

    def load_create(self, body):
        """Validate a POST body: unknown keys are refused with Zou's message."""
        _check_ignored_keys(body)
        body = {key: value for key, value in body.items() if key not in ALWAYS_PROTECTED}
        for key in body:
            if key not in self._writable:
                raise BadRequest(f"'{key}' is an invalid keyword argument for "
                                 f"{self.model.__name__}")
        return self._load(body, partial=False)

    def load_update(self, body):
        """Validate a PUT body: protected and unknown keys are dropped silently."""
        _check_ignored_keys(body)
        dropped = set(ALWAYS_PROTECTED) | set(self.protected) | set(self.hidden)
        if "project_id" in self.columns:
            dropped.add("project_id")
        body = {key: value for key, value in body.items()
                if key in self._writable and key not in dropped}
        for key, value in body.items():
            field = self.columns.get(key)
            if isinstance(field, DATE_FIELDS) and isinstance(value, str) and value:
                try:
                    parse_datetime(value)
                except ValueError:
                    raise BadRequest(f"Invalid date format for '{key}': '{value}'. Expected "
                                     "an ISO 8601 date or datetime.") from None
        return self._load(body, partial=True)

    # -- plumbing -----------------------------------------------------------------------
    def routes(self):
        name, tags, schema = self.model.__name__, (self.plural,), self.schema
        return [
            Route(f"/data/{self.plural}", CollectionResource(self), operations={
                "GET": Operation(f"List {self.plural}", response=schema, many=True, tags=tags,
                                 query=self.list_query_schema()),
                "POST": Operation(f"Create a {name}", body=schema, response=schema,
                                  status=201, tags=tags),
            }),
            Route(f"/data/{self.plural}/{{instance_id}}", ItemResource(self), operations={
                "GET": Operation(f"Get a {name}", response=schema, tags=tags,
                                 query=RelationsQuery),
                "PUT": Operation(f"Update a {name}", body=schema, response=schema, tags=tags,
                                 partial=True),
                "DELETE": Operation(f"Delete a {name}", status=204, tags=tags),
            }),
        ]

    def list_query_schema(self):
        """The documented query string of the list route: paging plus column filters."""
        filters = {key: fields.String(metadata={"description": f"filter on {key}"})
                   for key in schema_instance(self.schema).load_fields
                   if key in self.columns and key not in self.hidden}
        return type(f"{self.model.__name__}ListQuery", (ListQuery,), filters)

    def _load(self, body, partial):
        try:
            return schema_instance(self.schema).load(body, partial=partial)
        except ValidationError as error:
            raise validation_error(error.messages) from None

    def _split(self, data):
        columns = {key: value for key, value in data.items() if key in self.columns}
        relations = {key: value for key, value in data.items() if key in self.relations}
        return columns, relations

    def _set_relations(self, owner_id, relations):
        for name, ids in relations.items():
            relation = self.relations[name]
            source, target = link_fields(relation)
            through = relation.through_model
            existing = {row[0] for row in relation.rel_model.select(relation.rel_model._meta.primary_key)
                        .where(relation.rel_model._meta.primary_key.in_(ids)).tuples()}
            through.delete().where(source == owner_id).execute()
            rows = [{source.name: owner_id, target.name: other}
                    for other in dict.fromkeys(ids) if other in existing]
            if rows:
                through.insert_many(rows).execute()

    def require(self, principal, action, instance=None, data=None):
        self.dopesheet.permissions.require(principal, action,
                                           Resource(self.model, instance, data))

    def get_instance(self, instance_id, principal):
        """The row behind a path id, within ``base_query`` (404 outside it)."""
        instance_id = parse_instance_id(instance_id)
        if self._unscoped:
            found = next(self._by_id.rows(instance_id), None)
        else:
            found = (self.base_query(principal)
                     .where(self.model._meta.primary_key == instance_id).first())
        if found is None:
            raise NotFound()
        return found

    def serialize(self, instance, relations, principal):
        item = self.serializer.from_instance(instance)
        if relations:
            item.update(self.relation_lists(instance))
        return self.present([item], principal, many=False)[0]

    def list(self, params, principal):
        self.require(principal, "list")
        query = self.base_query(principal)
        narrowing = self.dopesheet.permissions.list_filter(principal, "list", self.model)
        if narrowing is not None:
            query = query.where(narrowing)
        expressions = filter_expressions(self.model, params, self.hidden,
                                         self.reserved_params, self.virtual_filters)
        for expression in expressions:
            query = query.where(expression)
        whole_table = not expressions and narrowing is None and self._unscoped
        settings = self.dopesheet.settings["api"]
        page = parse_page(params, settings["page_size"], settings["max_page_size"])
        with_relations = parse_bool(params.get("relations"), False)
        wanted = parse_fields(params)
        rows_query = query
        if page is not None:
            rows_query = query.order_by(self.model.updated_at.desc(),
                                        self.model.created_at.desc(),
                                        self.model._meta.primary_key).limit(page.limit).offset(
                page.offset)
        if whole_table and page is None:
            items = self.serializer.all_items()
        else:
            items = self.serializer.items(rows_query)
        if with_relations and items:
            ids = [item["id"] for item in items]
            self.serializer.add_relations(items, self.serializer.relation_ids(ids))
        items = self.present(items, principal, many=True)
        if wanted:
            items = [{key: value for key, value in item.items() if key in wanted}
                     for item in items]
        if page is None:
            return items
        return page.envelope(items, query.count())

    def emit(self, suffix, instance):
        data = self.event_data(instance)
        self.dopesheet.events.emit(f"{self.event_prefix}:{suffix}", data,
                                   project_id=data.get("project_id"))

    def event_names(self):
        return [f"{self.event_prefix}:{suffix}" for suffix in ("new", "update", "delete")]


def guard_integrity(action, savepoint=True):
    """Run ``action()``; an integrity or data error becomes Zou's sanitised 400. In a
    savepoint, so that the request's transaction stays usable after the error; a caller
    that lets the 400 end the request (its transaction then rolls back whole) passes
    ``savepoint=False`` and saves the savepoint's two round trips."""
    try:
        if not savepoint:
            return action()
        with db.atomic():
            return action()
    except (peewee.IntegrityError, peewee.DataError) as error:
        raise BadRequest(integrity_message(error)) from None


class CollectionResource:
    def __init__(self, api):
        self.api = api
        self.__module__ = api.model.__module__  # credits the route to the model's plugin

    def on_get(self, req, resp):
        resp.media = self.api.list(req.params, principal_of(req))

    def on_post(self, req, resp):
        api = self.api
        principal = principal_of(req)
        data = api.load_create(read_json_object(req))
        api.require(principal, "create", data=data)
        instance = guard_integrity(lambda: api.create(data, principal), savepoint=False)
        api.emit("new", instance)
        resp.status = falcon.HTTP_201
        resp.media = api.serialize(instance, True, principal)


class ItemResource:
    def __init__(self, api):
        self.api = api
        self.__module__ = api.model.__module__

    def on_get(self, req, resp, instance_id):
        api = self.api
        principal = principal_of(req)
        instance = api.get_instance(instance_id, principal)
        api.require(principal, "read", instance)
        resp.media = api.serialize(instance, parse_bool(req.params.get("relations"), True),
                                   principal)

    def on_put(self, req, resp, instance_id):
        api = self.api
        principal = principal_of(req)
        instance = api.get_instance(instance_id, principal)
        data = api.load_update(read_json_object(req))
        api.require(principal, "update", instance, data)
        instance = guard_integrity(lambda: api.update(instance, data, principal), savepoint=False)
        api.emit("update", instance)
        resp.media = api.serialize(instance, api.relations_on_update, principal)

    def on_delete(self, req, resp, instance_id):
        api = self.api
        principal = principal_of(req)
        instance = api.get_instance(instance_id, principal)
        api.require(principal, "delete", instance)
        force = parse_bool(req.params.get("force"), False)
        guard_integrity(lambda: api.remove(instance, principal, force), savepoint=False)
        resp.status = falcon.HTTP_204
