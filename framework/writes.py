"""INSERT and UPDATE statements whose SQL text is built once per shape.

peewee builds the SQL of every write anew, which costs more than the database takes to run
a one-row insert; the rows written on every request (a comment, its notifications and news,
the event log) go through these helpers instead. They take what peewee takes and write the
same columns: ``insert_rows(Model, rows)`` is ``Model.insert_many(rows).execute()`` (dicts
keyed by field or column name, the model's defaults filling the other columns, values
converted by each field's ``db_value``) without a ``RETURNING`` clause;
``create(Model, **values)`` is ``Model.create(**values)``; ``update_row(Model, row_id,
changes)`` is ``Model.update(changes).where(Model.id == row_id).execute()``. A value a field
converts to an SQL expression (JSON on SQLite: ``json(?)``) is left to peewee.

``deferred=True`` sends the write with the transaction's next statement (PostgreSQL, see
``framework.db.PostgresPool.defer``): for the rows a request writes and never reads back,
whose failure (a bug, not a caller's mistake) may surface one statement later. Deferred
rows for a table and column list already waiting join that insert, one multi-row statement
for a batch's comments or notifications, and deferred updates of a table's rows setting the
same columns join into one statement, unless a write queued in between touches that table
or inserts into a table it references (``_blocks``).
"""

import weakref

import peewee

from .db import db

_SQL = weakref.WeakKeyDictionary()
MAX_CACHED_ROWS = 64
"""An insert of more rows builds its SQL for that call only (the cache stays small)."""


def _cached_sql(key, build):
    database = db.obj
    by_key = _SQL.get(database)
    if by_key is None:
        by_key = _SQL[database] = {}
    sql = by_key.get(key)
    if sql is None:
        sql = by_key[key] = build(database)
    return sql


def _name(database, identifier):
    return database.quote[0] + identifier + database.quote[1]


def _numbered(database):
    return getattr(database, "numbered_params", False)


def _placeholders(database, start, count):
    """``count`` parameter placeholders, numbered from ``start`` where the database runs
    such SQL (``framework.db.PostgresPool.execute_numbered``)."""
    if _numbered(database):
        return [f"${number}" for number in range(start, start + count)]
    return [database.param] * count


def _run(sql, params):
    database = db.obj
    if _numbered(database):
        return database.execute_numbered(sql, params)
    return database.execute_sql(sql, params)


_PLANS = {}


def _plan(model, keys):
    """The fields an insert of rows keyed by ``keys`` writes, in declaration order
    (peewee's), each with the key its value is given under (None: its default)."""
    plan = _PLANS.get((model, keys))
    if plan is None:
        lookup = model._meta.combined
        given = {lookup[key]: key for key in keys}
        plan = _PLANS[(model, keys)] = tuple(
            (field, given.get(field)) for field in model._meta.sorted_fields
            if field in given or field in model._meta.defaults)
    return plan


def _converted(field, value):
    if isinstance(value, peewee.Node):
        raise TypeError("framework.writes takes values, not SQL expressions")
    return field.db_value(value)


def _has_expression(params):
    return any(isinstance(param, peewee.Node) for param in params)


def _value(field, row):
    for key in (field.name, field.column_name):
        if key in row:
            value = row[key]
            break
    else:
        if field in field.model._meta.defaults:
            value = field.model._meta.defaults[field]
            value = value() if callable(value) else value
        elif field.null:
            value = None
        else:
            raise ValueError(f"Missing value for {field.name}.")
    return _converted(field, value)


def _insert_sql(model, columns, count):
    def build(database):
        names = ", ".join(_name(database, field.column_name) for field in columns)
        width = len(columns)
        rows = ("(" + ", ".join(_placeholders(database, 1 + index * width, width)) + ")"
                for index in range(count))
        return (f"INSERT INTO {_name(database, model._meta.table_name)} ({names}) VALUES "
                + ", ".join(rows))

    if count <= MAX_CACHED_ROWS:
        return _cached_sql(("insert", model, columns, count), build)
    return build(db.obj)


MAX_DEFERRED_PARAMS = 30000
"""A deferred insert takes no more rows once it has this many values (PostgreSQL allows
65,535 parameters per statement)."""


def _same_fields(fields, others):
    """Field by field identity (``==`` between peewee fields builds an SQL expression)."""
    return len(fields) == len(others) and all(
        field is other for field, other in zip(fields, others))


class _DeferredInsert:
    """Rows waiting to be inserted into one table, with one column list."""

    def __init__(self, model, columns, params, count):
        self.model, self.columns, self.params, self.count = model, columns, params, count

    def statement(self):
        return _insert_sql(self.model, self.columns, self.count), self.params

    def absorb(self, other):
        """Take ``other``'s rows when they have the same table and columns."""
        if not (self.model is other.model and _same_fields(self.columns, other.columns)
                and len(self.params) + len(other.params) <= MAX_DEFERRED_PARAMS):
            return False
        self.params += other.params
        self.count += other.count
        return True


class _DeferredUpdate:
    """Updates by key of rows of one table, setting the same columns: one statement, whose
    rows are a ``VALUES`` list when there are several (a row updated twice keeps the last
    values, as running both would)."""

    def __init__(self, model, fields, row_key, values):
        self.model, self.fields, self.rows = model, fields, {row_key: values}

    def statement(self):
        if len(self.rows) == 1:
            [(row_key, values)] = self.rows.items()
            return _update_sql(self.model, self.fields), [*values, row_key]
        params = []
        for row_key, values in self.rows.items():
            params += [row_key, *values]
        return _updates_sql(self.model, self.fields, len(self.rows)), params

    def absorb(self, other):
        """Take ``other``'s rows when they have the same table and columns."""
        if not (self.model is other.model and _same_fields(self.fields, other.fields)
                and (len(self.rows) + len(other.rows)) * (len(self.fields) + 1)
                <= MAX_DEFERRED_PARAMS):
            return False
        self.rows.update(other.rows)
        return True


def _blocks(write, model):
    """Whether a write of ``model``'s rows may not move before ``write``, queued earlier:
    ``write`` touches ``model``'s table, inserts into a table ``model`` references (the
    moved write may reference its new rows), or is a statement of unknown effect."""
    if isinstance(write, _DeferredInsert):
        return write.model is model or write.model in model._meta.refs.values()
    return not isinstance(write, _DeferredUpdate) or write.model is model


def _defer(database, write):
    """Queue ``write``, or add it to a write of its kind queued earlier that nothing queued
    since must precede."""
    for queued in reversed(database.deferred_writes()):
        if type(queued) is type(write) and queued.absorb(write):
            return
        if _blocks(queued, write.model):
            break
    database.defer(write)


def insert_rows(model, rows, deferred=False):
    """Insert ``rows`` (a non-empty list of dicts)."""
    plan = _plan(model, tuple(rows[0]))
    columns = tuple(field for field, _ in plan)
    params = [_converted(field, row[key]) if key in row else _value(field, row)
              for row in rows for field, key in plan]
    if _has_expression(params):
        model.insert_many(rows).execute()
        return
    database = db.obj
    if deferred and hasattr(database, "defer"):
        _defer(database, _DeferredInsert(model, columns, params, len(rows)))
    else:
        _run(_insert_sql(model, columns, len(rows)), params)


def create(model, deferred=False, **values):
    """A new row, as ``Model.create`` makes it (the instance is returned)."""
    instance = model(**values)
    insert_rows(model, [instance.__data__], deferred)
    instance._dirty.clear()
    return instance


def _update_sql(model, fields):
    def build(database):
        table = _name(database, model._meta.table_name)
        *values, row_key = _placeholders(database, 1, len(fields) + 1)
        assignments = ", ".join(f"{_name(database, field.column_name)} = {value}"
                                for field, value in zip(fields, values))
        return (f"UPDATE {table} SET {assignments} WHERE ({table}."
                f"{_name(database, model._meta.primary_key.column_name)} = {row_key})")

    return _cached_sql(("update", model, fields), build)


def _column_type(database, field):
    """The SQL type of ``field``'s column, as its table was created with."""
    context = database.get_sql_context()
    return context.sql(field.ddl_datatype(context)).query()[0]


def _updates_sql(model, fields, count):
    """One UPDATE of ``count`` rows from a ``VALUES`` list (PostgreSQL: each value cast to
    its column's type, which PostgreSQL cannot infer there)."""
    def build(database):
        table = _name(database, model._meta.table_name)
        key = model._meta.primary_key
        columns = (key, *fields)
        casts = [_column_type(database, field) for field in columns]
        rows = ", ".join(
            "(" + ", ".join(f"{placeholder}::{cast}" for placeholder, cast in zip(
                _placeholders(database, 1 + index * len(columns), len(columns)), casts)) + ")"
            for index in range(count))
        names = ", ".join(_name(database, f"c{index}") for index in range(len(columns)))
        assignments = ", ".join(f"{_name(database, field.column_name)} = "
                                f"{_name(database, 'v')}.{_name(database, f'c{index}')}"
                                for index, field in enumerate(fields, 1))
        return (f"UPDATE {table} SET {assignments} FROM (VALUES {rows}) AS "
                f"{_name(database, 'v')} ({names}) WHERE {table}."
                f"{_name(database, key.column_name)} = {_name(database, 'v')}."
                f"{_name(database, 'c0')}")

    if count <= MAX_CACHED_ROWS:
        return _cached_sql(("updates", model, fields, count), build)
    return build(db.obj)


def update_row(model, row_id, changes, deferred=False):
    """Update columns of one row by primary key; ``changes`` maps fields (or field names)
    to values. Returns the number of rows changed (None when ``deferred``)."""
    by_name = model._meta.fields
    pairs = sorted(((by_name[key] if isinstance(key, str) else key, value)
                    for key, value in changes.items()),
                   key=lambda pair: pair[0]._sort_key)
    fields = tuple(field for field, _ in pairs)
    values = [_converted(field, value) for field, value in pairs]
    row_key = model._meta.primary_key.db_value(row_id)
    if _has_expression(values):
        return model.update(dict(pairs)).where(model._meta.primary_key == row_id).execute()
    database = db.obj
    if deferred and hasattr(database, "defer"):
        _defer(database, _DeferredUpdate(model, fields, row_key, values))
        return None
    return _run(_update_sql(model, fields), [*values, row_key]).rowcount
