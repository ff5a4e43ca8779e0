"""Rows to JSON-ready dicts, Zou's way, without a per-row schema pass.

Keys are the column names (``project_id`` for a foreign key) in declaration order, then
``id``, ``created_at``, ``updated_at`` and ``type`` (the model's class name). Datetimes are
``YYYY-MM-DDTHH:MM:SS`` (naive UTC), dates ``YYYY-MM-DD``. Many-to-many relations, when asked
for, are lists of id strings fetched with one query per relation for a whole list.
"""

import datetime
import itertools
import weakref
from collections import defaultdict

import orjson
import peewee

from .db import UUIDField, db
from .prepared import Prepared

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


# ``adapt`` methods that return the driver's value unchanged: text and integers on every
# database; floats, booleans, datetimes and dates as psycopg loads them.
_NATIVE_ADAPTS = (peewee._StringField.adapt, peewee.IntegerField.adapt)
_POSTGRES_NATIVE_ADAPTS = _NATIVE_ADAPTS + (peewee.FloatField.adapt, peewee.BooleanField.adapt,
                                            peewee.DateTimeField.adapt, peewee.DateField.adapt)


def _driver_value_is_final(field, database):
    """Whether the database driver already returns what ``field.python_value`` would.
    UUIDs come back as text on both (``db.PostgresPool`` loads them so), JSON parsed on
    PostgreSQL (peewee's reader passes psycopg's value through)."""
    if isinstance(field, peewee.ForeignKeyField):
        field = field.rel_field
    kind = type(field)
    if isinstance(field, UUIDField):
        return kind.python_value is UUIDField.python_value
    postgres = isinstance(database, peewee.PostgresqlDatabase)
    if isinstance(field, peewee.JSONField):  # psycopg parses JSON itself
        return postgres and kind.python_value is peewee.JSONField.python_value
    native = _POSTGRES_NATIVE_ADAPTS if postgres else _NATIVE_ADAPTS
    return kind.python_value is peewee.Field.python_value and kind.adapt in native


def _iso_column(values):
    """Datetimes (or dates) and None as ``_datetime`` (``_date``) formats them: orjson
    writes the same ISO text for a whole column about ten times faster."""
    return orjson.loads(orjson.dumps(values, option=orjson.OPT_OMIT_MICROSECONDS))


def _each(convert):
    return lambda values: list(map(convert, values))


def link_fields(relation):
    """``(source_fk, target_fk)`` of a many-to-many field's through model."""
    through = relation.through_model
    source = through._meta.model_refs[relation.model][0]
    target = [fk for fk in through._meta.model_refs[relation.rel_model] if fk is not source][0]
    return source, target


def joined_ids(column, owner_fk, owner_key):
    """A correlated subquery: the values of ``column`` (ids) in the rows of its table whose
    ``owner_fk`` is ``owner_key``, as one comma-separated text (``string_agg`` on
    PostgreSQL, ``group_concat`` on SQLite; NULL for none), so that a row comes with a link
    list in one query. ``split_ids`` reads it back. Build it inside ``Prepared`` (per
    database)."""
    if isinstance(db.obj, peewee.PostgresqlDatabase):
        aggregate = peewee.fn.string_agg(column.cast("text"), ",")
    else:
        aggregate = peewee.fn.group_concat(column, ",")
    return column.model.select(aggregate).where(owner_fk == owner_key)


def linked_ids_column(relation, owner_key):
    """``joined_ids`` of a many-to-many field: the ids it links to ``owner_key``."""
    source, target = link_fields(relation)
    return joined_ids(target, source, owner_key)


def split_ids(text):
    """The ids of a ``linked_ids_column`` value."""
    return text.split(",") if text else []


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
        self._keys_and_type = (*self.keys, "type")
        self._column_plans = weakref.WeakKeyDictionary()
        self._relations_of = Prepared(self._relations_query) if self.relations else None
        self._all = Prepared(lambda: model.select(*self.fields).tuples())

    def _column_plan(self, database):
        """``[(index, convert_column)]`` for the columns whose driver values need converting
        on ``database``; the others are final as fetched."""
        converters = dict(self.converters)
        plan = []
        for index, field in enumerate(self.fields):
            if not _driver_value_is_final(field, database):
                plan.append((index, _each(self.row_converters[index])))
            elif index in converters:
                plan.append((index, _iso_column))
        self._column_plans[database] = plan
        return plan

    def select(self, query):
        """The query restricted to the serialised columns, as tuples."""
        return query.select(*self.fields).tuples()

    def _columns(self, query, extras=()):
        """The rows of ``query`` fetched at once, as converted columns."""
        cursor = db.obj.execute(query.select(*self.fields, *extras).tuples())
        return self._converted_columns(cursor.fetchall(), extras)

    def _converted_columns(self, rows, extras=()):
        """Fetched rows as converted columns (only the columns whose driver values are not
        final are touched: peewee's per-row cursor wrapper and per-value conversions cost
        more than the rest on long lists)."""
        database = db.obj
        if not rows:
            return []
        plan = self._column_plans.get(database)
        if plan is None:
            plan = self._column_plan(database)
        columns = list(zip(*rows))
        for index, convert_column in plan:
            columns[index] = convert_column(columns[index])
        for index, extra in enumerate(extras, len(self.fields)):
            field = extra.unwrap()
            if isinstance(field, peewee.FieldAlias):
                field = field.field
            if isinstance(field, peewee.Field) and not _driver_value_is_final(field, database):
                columns[index] = list(map(extra.unwrap().python_value, columns[index]))
        return columns

    def items(self, query):
        """The serialised rows of ``query``."""
        return self._items(self._columns(query))

    def all_items(self):
        """Every row of the model serialised (a list route without filters): its SQL is
        built once."""
        return self.items_of(self._all.execute().fetchall())

    def items_of(self, rows):
        """The serialised items of rows fetched elsewhere: the driver's tuples of the
        serialised columns in order (a statement reading several kinds of rows at once)."""
        return self._items(self._converted_columns(rows))

    def _items(self, columns):
        if not columns:
            return []
        if self.computed:
            return [self._item(values) for values in zip(*columns)]
        columns.append(itertools.repeat(self.type_name))
        keys = self._keys_and_type
        return [dict(zip(keys, values)) for values in zip(*columns)]

    def rows(self, query, extras=()):
        """The rows of ``query`` as tuples: the serialised columns in their JSON form (what
        ``item`` takes), then the values of ``extras`` (more selected fields, converted as
        peewee converts them)."""
        return list(zip(*self._columns(query, extras)))

    def converted_rows(self, rows, extras=()):
        """What ``rows`` gives, for the driver's rows of a statement run elsewhere (a
        ``Prepared`` one); columns after ``extras`` are left as the driver gave them."""
        return list(zip(*self._converted_columns(rows, extras)))

    def item(self, values):
        """The dict of one row of ``rows`` (its serialised columns)."""
        return self._item(values)

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

    def _relations_query(self, owner_id):
        query = None
        for name, relation in self.relations.items():
            source, target = link_fields(relation)
            part = relation.through_model.select(peewee.Value(name), target).where(
                source == owner_id)
            query = part if query is None else query.union_all(part)
        return query.tuples()

    def relations_of(self, owner_id):
        """``{relation: [ids]}`` of one row: every relation in one prepared query."""
        found = {name: [] for name in self.relations}
        if self._relations_of is not None:
            for name, other in self._relations_of.rows(owner_id):
                found[name].append(other)
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
