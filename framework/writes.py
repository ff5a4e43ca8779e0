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
for a batch's comments or notifications, unless a write queued in between touches that
table or inserts into a table it references (``_DeferredInsert``).
"""

import weakref

import peewee

from .db import Statement, db

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


class _DeferredInsert:
    """Rows waiting to be inserted into one table, with one column list."""

    def __init__(self, model, columns, params, count):
        self.model, self.columns, self.params, self.count = model, columns, params, count

    def statement(self):
        return _insert_sql(self.model, self.columns, self.count), self.params

    def takes(self, model, columns, params):
        return (self.model is model and self.columns == columns
                and len(self.params) + len(params) <= MAX_DEFERRED_PARAMS)


class _DeferredUpdate(Statement):
    def __init__(self, model, sql, params):
        super().__init__(sql, params)
        self.model = model


def _blocks(write, model):
    """Whether rows for ``model`` may not be inserted before ``write``, queued earlier:
    ``write`` touches ``model``'s table, inserts into a table ``model`` references (a new
    row may reference its rows), or is a statement of unknown effect."""
    if isinstance(write, _DeferredInsert):
        return write.model is model or write.model in model._meta.refs.values()
    return not isinstance(write, _DeferredUpdate) or write.model is model


def _defer_insert(database, model, columns, params, count):
    for write in reversed(database.deferred_writes()):
        if isinstance(write, _DeferredInsert) and write.takes(model, columns, params):
            write.params += params
            write.count += count
            return
        if _blocks(write, model):
            break
    database.defer(_DeferredInsert(model, columns, params, count))


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
        _defer_insert(database, model, columns, params, len(rows))
    else:
        _run(_insert_sql(model, columns, len(rows)), params)


def create(model, deferred=False, **values):
    """A new row, as ``Model.create`` makes it (the instance is returned)."""
    instance = model(**values)
    insert_rows(model, [instance.__data__], deferred)
    instance._dirty.clear()
    return instance


def update_row(model, row_id, changes, deferred=False):
    """Update columns of one row by primary key; ``changes`` maps fields (or field names)
    to values. Returns the number of rows changed (None when ``deferred``)."""
    fields = model._meta.fields
    pairs = sorted(((fields[key] if isinstance(key, str) else key, value)
                    for key, value in changes.items()),
                   key=lambda pair: pair[0]._sort_key)
    key = model._meta.primary_key

    def build(database):
        table = _name(database, model._meta.table_name)
        *values, row_key = _placeholders(database, 1, len(pairs) + 1)
        assignments = ", ".join(f"{_name(database, field.column_name)} = {value}"
                                for (field, _), value in zip(pairs, values))
        return (f"UPDATE {table} SET {assignments} WHERE ({table}."
                f"{_name(database, key.column_name)} = {row_key})")

    params = [_converted(field, value) for field, value in pairs] + [key.db_value(row_id)]
    if _has_expression(params):
        return model.update(dict(pairs)).where(key == row_id).execute()
    sql = _cached_sql(("update", model, tuple(field for field, _ in pairs)), build)
    database = db.obj
    if deferred and hasattr(database, "defer"):
        database.defer(_DeferredUpdate(model, sql, params))
        return None
    return _run(sql, params).rowcount
