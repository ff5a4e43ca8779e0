"""A list route issues the same number of SQL queries whatever the number of rows."""

import pytest

from tests.fixture_plugins import catalog


@pytest.fixture
def app(register_plugin):
    return register_plugin("catalog", catalog)


def _fill(app, count):
    with app.dopesheet.activated():
        tags = [catalog.Tag.create(name=f"t{i}") for i in range(3)]
        for index in range(count):
            item = catalog.Item.create(name=f"item {index}")
            for tag in tags:
                catalog.ItemTag.create(item=item.id, tag=tag.id)


def _queries(studio, headers, query_counter, path):
    with query_counter() as log:
        result = studio.client.simulate_get(path, headers=headers)
    assert result.status_code == 200
    return log.count


@pytest.mark.parametrize("path, expected", [
    ("/data/items", 2),
    ("/data/items?relations=true", 3),
    ("/data/items?page=1&limit=5", 3),
    ("/data/items?page=1&relations=true&name=item%25", 4),
])
def test_list_query_count_is_constant(app, studio, admin_headers, query_counter, path,
                                      expected):
    _fill(app, 2)
    few = _queries(studio, admin_headers, query_counter, path)
    _fill(app, 40)
    many = _queries(studio, admin_headers, query_counter, path)
    assert few == many == expected


def test_get_one_with_relations_is_three_queries(app, studio, admin_headers, query_counter):
    _fill(app, 1)
    item_id = studio.client.simulate_get("/data/items", headers=admin_headers).json[0]["id"]
    assert _queries(studio, admin_headers, query_counter, f"/data/items/{item_id}") == 3


def test_prepared_query_compiles_once_per_database_and_takes_new_values(app):
    from framework.prepared import Prepared

    by_name = Prepared(lambda name: catalog.Tag.select(catalog.Tag.name)
                       .where(catalog.Tag.name == name))
    with app.dopesheet.activated():
        catalog.Tag.create(name="red")
        catalog.Tag.create(name="blue")
        assert by_name.execute("red").fetchall() == [("red",)]
        assert by_name.execute("blue").fetchall() == [("blue",)]
        assert by_name.execute("green").fetchall() == []
        assert len(by_name._compiled) == 1
