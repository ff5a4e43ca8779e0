"""Deferred writes (``framework.writes`` with ``deferred=True``) and a transaction's
``BEGIN`` go to PostgreSQL with the next statement; whatever the database, they are seen by
the next read, committed with the transaction, dropped with its rollback, and a failing one
fails the transaction."""

import peewee
import pytest
from psycopg.pq import TransactionStatus

from framework.db import db, new_id
from framework.writes import create, insert_rows, update_row
from tests.fixture_plugins import catalog


@pytest.fixture
def app(register_plugin):
    return register_plugin("catalog", catalog)


def _names():
    return sorted(tag.name for tag in catalog.Tag.select())


def test_deferred_writes_are_read_back_and_committed(app):
    with app.dopesheet.activated():
        with db.atomic():
            create(catalog.Tag, deferred=True, name="red")
            assert _names() == ["red"]
            item = create(catalog.Item, deferred=True, name="lamp")
            update_row(catalog.Item, item.id, {"count": 3}, deferred=True)
            insert_rows(catalog.Tag, [{"name": "blue"}, {"name": "green"}], deferred=True)
        create(catalog.Tag, deferred=True, name="outside a transaction")
    with app.dopesheet.activated():
        assert _names() == ["blue", "green", "outside a transaction", "red"]
        assert catalog.Item.get_by_id(item.id).count == 3


@pytest.mark.parametrize("read_first", [False, True])
def test_a_rollback_drops_the_deferred_writes(app, read_first):
    with app.dopesheet.activated():
        with pytest.raises(RuntimeError):
            with db.atomic():
                if read_first:
                    _names()
                create(catalog.Tag, deferred=True, name="dropped")
                raise RuntimeError("the request failed")
        assert _names() == []


def test_a_failing_deferred_write_fails_its_transaction(app):
    with app.dopesheet.activated():
        with pytest.raises(peewee.IntegrityError):
            with db.atomic():
                create(catalog.Tag, deferred=True, name="written before")
                create(catalog.Item, deferred=True, name="orphan", shelf=new_id())
                _names()
        assert _names() == [] and catalog.Item.select().count() == 0


def test_begin_waits_for_the_first_statement(app, database_kind):
    if database_kind != "postgresql":
        pytest.skip("SQLite opens its transactions at once (writers queue on the lock)")
    with app.dopesheet.activated():
        connection = db.connection()
        with db.atomic():
            assert connection.pgconn.transaction_status == TransactionStatus.IDLE
            _names()
            assert connection.pgconn.transaction_status == TransactionStatus.INTRANS
        assert connection.pgconn.transaction_status == TransactionStatus.IDLE
        with db.atomic():
            pass
        assert connection.pgconn.transaction_status == TransactionStatus.IDLE


def _inserts(log):
    return [sql.split(" (")[0] for sql in log.statements if sql.startswith("INSERT")]


def test_deferred_rows_for_one_table_join_into_one_insert(app, database_kind, query_counter):
    """A batch queues, per entry, an item, an update of its shelf and a tag: each table gets
    one insert, and every item still finds its shelf."""
    with app.dopesheet.activated():
        with query_counter() as log:
            with db.atomic():
                shelves = [create(catalog.Shelf, deferred=True, name=f"shelf {index}")
                           for index in range(3)]
                for index, shelf in enumerate(shelves):
                    create(catalog.Item, deferred=True, name=f"item {index}", shelf=shelf.id)
                    update_row(catalog.Shelf, shelf.id, {"name": f"shelf {index}!"},
                               deferred=True)
                    create(catalog.Tag, deferred=True, name=f"tag {index}")
        stored = {item.name: item.shelf.name for item in catalog.Item.select()}
        assert _names() == ["tag 0", "tag 1", "tag 2"]
    assert stored == {"item 0": "shelf 0!", "item 1": "shelf 1!", "item 2": "shelf 2!"}
    if database_kind == "postgresql":
        assert _inserts(log) == ['INSERT INTO "shelf"', 'INSERT INTO "item"',
                                 'INSERT INTO "tag"']
        assert [sql.count("), (") for sql in log.statements if sql.startswith("INSERT")] == [
            2, 2, 2]


def test_rows_do_not_join_an_insert_they_must_follow(app, database_kind, query_counter):
    """An item whose shelf was queued after an earlier item, and a tag queued after an
    update of the tags, each start a statement of their own."""
    with app.dopesheet.activated():
        with query_counter() as log:
            with db.atomic():
                create(catalog.Item, deferred=True, name="first")
                shelf = create(catalog.Shelf, deferred=True, name="new shelf")
                create(catalog.Item, deferred=True, name="second", shelf=shelf.id)
                tag = create(catalog.Tag, deferred=True, name="red")
                update_row(catalog.Tag, tag.id, {"name": "crimson"}, deferred=True)
                create(catalog.Tag, deferred=True, name="blue")
        assert _names() == ["blue", "crimson"]
        assert catalog.Item.get(name="second").shelf.name == "new shelf"
    if database_kind == "postgresql":
        assert _inserts(log) == ['INSERT INTO "item"', 'INSERT INTO "shelf"',
                                 'INSERT INTO "item"', 'INSERT INTO "tag"', 'INSERT INTO "tag"']


def test_deferred_updates_of_one_table_join_into_one_statement(app, database_kind,
                                                                query_counter):
    """Updates of several rows setting the same columns are one statement; a row updated
    twice keeps its last values; an update of a row inserted after the first update waits
    for that insert."""
    with app.dopesheet.activated():
        items = [create(catalog.Item, name=f"item {index}") for index in range(3)]
        with query_counter() as log:
            with db.atomic():
                for index, item in enumerate(items):
                    update_row(catalog.Item, item.id, {"count": index, "price": 1.5},
                               deferred=True)
                    create(catalog.Tag, deferred=True, name=f"tag {index}")
                update_row(catalog.Item, items[0].id, {"count": 10, "price": 2.5},
                           deferred=True)
                late = create(catalog.Item, deferred=True, name="late")
                update_row(catalog.Item, late.id, {"count": 7, "price": 0.5}, deferred=True)
        stored = {item.name: (item.count, item.price) for item in catalog.Item.select()}
    assert stored == {"item 0": (10, 2.5), "item 1": (1, 1.5), "item 2": (2, 1.5),
                      "late": (7, 0.5)}
    if database_kind == "postgresql":
        assert [sql.split(" (")[0].split(" SET")[0] for sql in log.statements] == [
            'UPDATE "item"', 'INSERT INTO "tag"', 'INSERT INTO "item"', 'UPDATE "item"']


def test_writes_of_other_columns_stay_apart(app):
    """Rows and updates of one table join only when they write the same columns."""
    with app.dopesheet.activated():
        items = [create(catalog.Item, name=f"item {index}") for index in range(2)]
        with db.atomic():
            insert_rows(catalog.Item, [{"name": "priced", "price": 1.5}], deferred=True)
            insert_rows(catalog.Item, [{"name": "secret", "secret": "s"}], deferred=True)
            update_row(catalog.Item, items[0].id, {"count": 4}, deferred=True)
            update_row(catalog.Item, items[1].id, {"price": 2.5}, deferred=True)
        stored = {item.name: (item.count, item.price, item.secret)
                  for item in catalog.Item.select()}
    assert stored == {"item 0": (4, None, None), "item 1": (0, 2.5, None),
                      "priced": (0, 1.5, None), "secret": (0, None, "s")}


def test_a_connection_serves_on_after_failing_deferred_writes(app):
    """psycopg prepares a statement the fifth time it runs; when that happened in a
    pipeline a failing write aborted, psycopg still counted the statement as prepared, and
    every later transaction on the connection failed with 'prepared statement does not
    exist'."""
    with app.dopesheet.activated():
        for round_ in range(8):
            with pytest.raises(peewee.IntegrityError):
                with db.atomic():
                    create(catalog.Tag, deferred=True, name=f"dropped {round_}")
                    create(catalog.Item, deferred=True, name="orphan", shelf=new_id())
                    create(catalog.Shelf, deferred=True, name=f"dropped {round_}")
                    _names()
            with db.atomic():
                create(catalog.Tag, deferred=True, name=f"kept {round_}")
                assert len(_names()) == round_ + 1
