"""Queries compiled once and run many times with new values.

peewee builds the SQL text of a query on every execution; for the small indexed queries a
request runs on its hot path (authentication, a row by id) that costs more than the
database does. ``Prepared(build)`` calls ``build`` once per database with placeholders,
keeps the SQL and the position of each placeholder, then executes the same SQL with new
values. ``execute`` gives the cursor's raw driver values (no peewee conversion); ``rows``
gives what the built query would yield (model instances, converted fields). How peewee maps
the result's columns to fields (``initialize`` of its cursor wrapper, which reads the
cursor's description) is worked out once too: the columns of one SQL text never change.

A value given as a list (or tuple) stands for a list of values, as in ``field.in_(ids)``:
the SQL is compiled once per list length, up to ``MAX_LIST_LENGTH`` (a longer list is
compiled for its one call). Values are passed to the driver as they are: the caller gives
them in their database form (canonical id strings).
"""

import weakref

import peewee

from .db import db

MAX_LIST_LENGTH = 64


class _Placeholder:
    __slots__ = ("index", "item")

    def __init__(self, index, item=None):
        self.index = index
        self.item = item


def _placeholder(index, length):
    if length is None:
        return peewee.Value(_Placeholder(index), converter=False)
    return [peewee.Value(_Placeholder(index, item), converter=False) for item in range(length)]


class _Compiled:
    __slots__ = ("sql", "slots", "query", "wrapper_state")

    def __init__(self, sql, slots, query):
        self.sql, self.slots, self.query = sql, slots, query
        self.wrapper_state = None

    def params(self, values):
        return [(values[slot.index] if slot.item is None else values[slot.index][slot.item])
                if is_value else slot for is_value, slot in self.slots]


class Prepared:
    def __init__(self, build):
        self.build = build
        self._compiled = weakref.WeakKeyDictionary()

    def _compile(self, shape):
        query = self.build(*(_placeholder(index, length) for index, length in enumerate(shape)))
        sql, params = query.sql()
        slots = [(True, param) if isinstance(param, _Placeholder) else (False, param)
                 for param in params]
        return _Compiled(sql, slots, query)

    def _compiled_for(self, database, values):
        shape = tuple(len(value) if isinstance(value, (list, tuple)) else None
                      for value in values)
        by_shape = self._compiled.get(database)
        if by_shape is None:
            by_shape = self._compiled[database] = {}
        compiled = by_shape.get(shape)
        if compiled is None:
            compiled = self._compile(shape)
            if all(length is None or length <= MAX_LIST_LENGTH for length in shape):
                by_shape[shape] = compiled
        return compiled

    def _run(self, values):
        database = db.obj
        compiled = self._compiled_for(database, values)
        return database.execute_sql(compiled.sql, compiled.params(values)), compiled

    def execute(self, *values):
        """A cursor over the rows, as the driver returns them."""
        return self._run(values)[0]

    def rows(self, *values):
        """The rows as the built query yields them (a model select's instances)."""
        cursor, compiled = self._run(values)
        wrapper = compiled.query._get_cursor_wrapper(cursor)
        if compiled.wrapper_state is None:
            before = set(vars(wrapper))
            wrapper.initialize()
            compiled.wrapper_state = {key: value for key, value in vars(wrapper).items()
                                      if key not in before}
        else:
            vars(wrapper).update(compiled.wrapper_state)
        wrapper.initialized = True
        return iter(wrapper)
