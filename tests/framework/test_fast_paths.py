"""The core's hot-path helpers give what peewee gives: prepared queries with list values,
writes with SQL built once, rows serialised column by column."""

import datetime

import pytest

from framework.prepared import Prepared
from framework.serialize import Serializer
from framework.writes import create, insert_rows, update_row
from tests.fixture_plugins import catalog


@pytest.fixture
def app(register_plugin):
    return register_plugin("catalog", catalog)


def test_prepared_list_values_compile_once_per_length(app):
    names_in = Prepared(lambda names: catalog.Tag.select(catalog.Tag.name)
                        .where(catalog.Tag.name.in_(names)).order_by(catalog.Tag.name).tuples())
    with app.dopesheet.activated():
        for name in ("red", "blue", "green"):
            catalog.Tag.create(name=name)
        assert list(names_in.rows(["red", "blue"])) == [("blue",), ("red",)]
        assert list(names_in.rows(["green", "red"])) == [("green",), ("red",)]
        assert list(names_in.rows(["green"])) == [("green",)]
        assert list(names_in.rows([])) == []
        assert len(next(iter(names_in._compiled.values()))) == 3


def _stored(item_id):
    return catalog.Item.get_by_id(item_id).__data__


def test_writes_store_what_peewee_stores(app):
    moment = datetime.datetime(2024, 5, 6, 7, 8, 9, 123456)
    values = {"name": "lamp", "price": 2.5, "released_at": moment, "day": moment.date(),
              "data": {"b": 1, "a": [1, 2]}}
    with app.dopesheet.activated():
        made = create(catalog.Item, **values)
        reference = catalog.Item.create(**values)
        ours, theirs = _stored(made.id), _stored(reference.id)
        for row in (ours, theirs):
            row.pop("id"), row.pop("created_at"), row.pop("updated_at")
        assert ours == theirs and ours["count"] == 0 and ours["available"] is True
        insert_rows(catalog.Tag, [{"name": "x"}, {"name": "y"}])
        assert sorted(tag.name for tag in catalog.Tag.select()) == ["x", "y"]
        changed = update_row(catalog.Item, made.id, {"count": 4, catalog.Item.data: {"c": 3}})
        assert changed == 1
        assert (_stored(made.id)["count"], _stored(made.id)["data"]) == (4, {"c": 3})


def test_list_serialisation_matches_one_row_serialisation(app):
    serializer = Serializer(catalog.Item)
    with app.dopesheet.activated():
        shelf = catalog.Shelf.create(name="top")
        catalog.Item.create(name="a", price=1.5, released_at=datetime.datetime(2024, 1, 2, 3, 4, 5),
                            day=datetime.date(2024, 1, 2), data={"k": [1]}, shelf=shelf.id)
        catalog.Item.create(name="b")
        query = catalog.Item.select().order_by(catalog.Item.name)
        one_by_one = [serializer.from_instance(item) for item in query]
        assert serializer.items(query) == one_by_one
        assert sorted(serializer.all_items(), key=lambda item: item["name"]) == one_by_one
        assert one_by_one[0]["released_at"] == "2024-01-02T03:04:05"


@pytest.mark.parametrize("generic_plans, mode", [(True, "force_generic_plan"),
                                                  (False, "auto")])
def test_postgresql_plans_repeated_statements_once_unless_told_not_to(
        make_app, database_kind, generic_plans, mode):
    if database_kind != "postgresql":
        pytest.skip("a PostgreSQL setting")
    app = make_app({"database": {"generic_plans": generic_plans}})
    with app.dopesheet.activated():
        database = app.dopesheet.database
        assert database.execute_sql("SHOW plan_cache_mode").fetchone() == (mode,)
        assert database.execute_sql("SHOW search_path").fetchone()[0].startswith("dopesheet")
