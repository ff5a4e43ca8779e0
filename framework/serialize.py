"""Rows to JSON-ready dicts, Zou's way, without a per-row schema pass.

Keys are the column names (``project_id`` for a foreign key) in declaration order, then
``id``, ``created_at``, ``updated_at`` and ``type`` (the model's class name). Datetimes are
``YYYY-MM-DDTHH:MM:SS`` (naive UTC), dates ``YYYY-MM-DD``. Many-to-many relations, when asked
for, are lists of id strings fetched with one query per relation for a whole list.
"""

import datetime
from collections import defaultdict

import peewee

from .db import db

BASE_FIELDS = ("id", "created_at", "updated_at")


def _datetime(value):
    return value.isoformat(timespec="seconds") if value is not None else None


def _date(value):
    return value.isoformat() if value is not None else None


def _converter(field):
    if isinstance(field, peewee.ForeignKeyField):
        field = field.rel_field
    if isinstance(field, peewee.DateTimeField):
        return _datetime
    if isinstance(field, peewee.DateField):
        return _date
    return None


def _row_converter(field, convert):
    """The field's ``python_value`` then, when the column has one, its JSON form."""
    python_value = field.python_value
    if convert is None:
        return python_value
    return lambda value: convert(python_value(value))


def link_fields(relation):
    """``(source_fk, target_fk)`` of a many-to-many field's through model."""
    through = relation.through_model
    source = through._meta.model_refs[relation.model][0]
    target = [fk for fk in through._meta.model_refs[relation.rel_model] if fk is not source][0]
    return source, target


class Serializer:
    """``computed``: ``[(key, function(item))]`` for keys derived from the columns (Zou's
    hybrid properties such as ``full_name``), placed after the columns as Zou does."""

    def __init__(self, model, hidden=(), type_name=None, computed=()):
        own = [f for f in model._meta.sorted_fields
               if f.name not in BASE_FIELDS and f.column_name not in hidden]
        base = [model._meta.fields[name] for name in BASE_FIELDS if name in model._meta.fields]
        self.model = model
        self.fields = own + base
        self.keys = [f.column_name for f in self.fields]
        self.converters = [(index, conv) for index, conv in
                           enumerate(_converter(f) for f in self.fields) if conv]
        converters = dict(self.converters)
        self.row_converters = [_row_converter(field, converters.get(index))
                               for index, field in enumerate(self.fields)]
        self.own_count = len(own)
        self.computed = tuple(computed)
        self.type_name = type_name or model.__name__
        self.relations = {name: relation for name, relation in model._meta.manytomany.items()
                          if name not in hidden}

    def select(self, query):
        """The query restricted to the serialised columns, as tuples."""
        return query.select(*self.fields).tuples()

    def items(self, query):
        """The serialised rows of ``query``, fetched at once and converted column by column
        (peewee's per-row cursor wrapper costs more than the rest on long lists)."""
        cursor = db.obj.execute(query.select(*self.fields).tuples())
        converters = self.row_converters
        return [self._item([convert(value) for convert, value in zip(converters, row)])
                for row in cursor.fetchall()]

    def from_values(self, values):
        values = list(values)
        for index, convert in self.converters:
            values[index] = convert(values[index])
        return self._item(values)

    def _item(self, values):
        if not self.computed:
            item = dict(zip(self.keys, values))
        else:
            count = self.own_count
            item = dict(zip(self.keys[:count], values[:count]))
            for key, compute in self.computed:
                item[key] = compute(item)
            item.update(zip(self.keys[count:], values[count:]))
        item["type"] = self.type_name
        return item

    def from_instance(self, instance):
        data = instance.__data__
        return self.from_values(data.get(f.name) for f in self.fields)

    def relation_ids(self, ids_query):
        """``{relation: {owner_id: [ids]}}`` for owners selected by ``ids_query`` (a
        one-column subquery), one SQL query per relation."""
        found = {}
        for name, relation in self.relations.items():
            source, target = link_fields(relation)
            through = relation.through_model
            pairs = defaultdict(list)
            for owner, other in (through.select(source, target)
                                 .where(source.in_(ids_query)).tuples()):
                pairs[owner].append(other)
            found[name] = pairs
        return found

    def add_relations(self, items, relation_ids):
        for item in items:
            for name, pairs in relation_ids.items():
                item[name] = pairs.get(item["id"], [])
        return items


def json_default(value):
    """For values no serializer converted (used by the JSON media handler)."""
    if isinstance(value, datetime.datetime):
        return _datetime(value)
    if isinstance(value, datetime.date):
        return _date(value)
    raise TypeError(f"cannot serialise {type(value).__name__}")
