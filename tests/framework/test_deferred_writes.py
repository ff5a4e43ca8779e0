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
