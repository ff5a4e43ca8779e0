"""Queries compiled once and run many times with new values.

peewee builds the SQL text of a query on every execution; for the small indexed queries a
request runs on its hot path (authentication, a row by id) that costs more than the
database does. ``Prepared(build)`` calls ``build`` once per database with placeholders,
keeps the SQL and the position of each placeholder, then executes the same SQL with new
values. ``execute`` gives the cursor's raw driver values (no peewee conversion); ``rows``
gives what the built query would yield (model instances, converted fields).
"""

import inspect
import weakref

import peewee

from .db import db


class _Placeholder:
    __slots__ = ("index",)

    def __init__(self, index):
        self.index = index


class Prepared:
    def __init__(self, build):
        self.build = build
        self.arity = len(inspect.signature(build).parameters)
        self._compiled = weakref.WeakKeyDictionary()

    def _compile(self, database):
        placeholders = [_Placeholder(index) for index in range(self.arity)]
        query = self.build(*(peewee.Value(p, converter=False) for p in placeholders))
        sql, params = query.sql()
        slots = [(True, param.index) if isinstance(param, _Placeholder) else (False, param)
                 for param in params]
        self._compiled[database] = (sql, slots, query)
        return sql, slots, query

    def _run(self, values):
        database = db.obj
        sql, slots, query = self._compiled.get(database) or self._compile(database)
        return database.execute_sql(sql, [values[slot] if is_value else slot
                                          for is_value, slot in slots]), query

    def execute(self, *values):
        """A cursor over the rows, as the driver returns them."""
        return self._run(values)[0]

    def rows(self, *values):
        """The rows as the built query yields them (a model select's instances)."""
        cursor, query = self._run(values)
        return iter(query._get_cursor_wrapper(cursor))
