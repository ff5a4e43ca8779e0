"""The generic model API (zou/behaviour.md §B) over the catalog fixture plugin."""

import pytest

from tests.fixture_plugins import catalog

BOGUS_ID = "0b9e1c7e-55f3-4c64-9b75-1f2d6f3c2a10"


@pytest.fixture
def app(register_plugin):
    return register_plugin("catalog", catalog)


@pytest.fixture
def api(studio, admin_headers):
    client = studio.client

    class Api:
        headers = admin_headers

        def get(self, path, **kwargs):
            return client.simulate_get(path, headers=admin_headers, **kwargs)

        def post(self, path, body, **kwargs):
            return client.simulate_post(path, json=body, headers=admin_headers, **kwargs)

        def put(self, path, body):
            return client.simulate_put(path, json=body, headers=admin_headers)

        def delete(self, path):
            return client.simulate_delete(path, headers=admin_headers)

        def create(self, plural, **body):
            result = self.post(f"/data/{plural}", body)
            assert result.status_code == 201, result.text
            return result.json

    return Api()


def test_create_answers_201_with_zou_serialisation(api):
    tag = api.create("tags", name="hero")
    item = api.create("items", name="Sword", price=10.5, released_at="2024-03-01T10:20:30.123",
                      day="2024-03-02", data={"a": [1, 2]}, tags=[tag["id"]],
                      id=BOGUS_ID, created_at="1999-01-01T00:00:00")
    assert item["id"] != BOGUS_ID
    assert item["created_at"] != "1999-01-01T00:00:00"
    assert list(item)[-5:] == ["id", "created_at", "updated_at", "type", "tags"]
    assert item["type"] == "Item"
    assert item["released_at"] == "2024-03-01T10:20:30"
    assert item["day"] == "2024-03-02"
    assert item["data"] == {"a": [1, 2]}
    assert item["tags"] == [tag["id"]]
    assert item["count"] == 0 and item["available"] is True and item["shelf_id"] is None
    assert "secret" not in item


def test_create_refuses_unknown_keys_with_zou_message(api):
    result = api.post("/data/items", {"name": "x", "bogus": 1})
    assert result.status_code == 400
    assert result.json["message"] == "'bogus' is an invalid keyword argument for Item"
    assert api.get("/data/items").json == []


def test_create_refuses_hidden_columns(api):
    result = api.post("/data/items", {"name": "x", "secret": "s"})
    assert result.status_code == 400


def test_create_validates_types_per_field(api):
    result = api.post("/data/items", {"name": "x" * 41, "count": "many"})
    assert result.status_code == 400
    fields = {error["field"] for error in result.json["data"]["errors"]}
    assert fields == {"name", "count"}


def test_create_reports_missing_required_field(api):
    result = api.post("/data/items", {"price": 1})
    assert result.status_code == 400
    assert result.json["data"]["errors"] == [{"field": "name", "message": "Field required"}]


def test_unique_violation_is_a_sanitised_400(api):
    api.create("shelves", name="A")
    result = api.post("/data/shelves", {"name": "A"})
    assert result.status_code == 400
    assert result.json["message"] == "A record with the same unique values already exists."


def test_unknown_foreign_key_is_a_sanitised_400(api):
    result = api.post("/data/items", {"name": "x", "shelf_id": BOGUS_ID})
    assert result.status_code == 400
    assert result.json["message"] == "The change conflicts with records referencing this one."


def test_body_must_be_json(api, studio):
    result = studio.client.simulate_post("/data/items", body="name=x", headers={
        **api.headers, "Content-Type": "application/x-www-form-urlencoded"})
    assert result.status_code == 415
    empty = studio.client.simulate_post("/data/items", body="", headers={
        **api.headers, "Content-Type": "application/json"})
    assert empty.status_code == 400
    assert empty.json == {"error": True, "data": None, "message": (
        "Data are empty. Please verify that you sent JSON data and that you set the right "
        "headers.")}
    assert api.post("/data/items", [1, 2]).status_code == 400


def test_get_one_includes_relations_unless_asked_not_to(api):
    tag = api.create("tags", name="t")
    item = api.create("items", name="x", tags=[tag["id"]])
    assert api.get(f"/data/items/{item['id']}").json["tags"] == [tag["id"]]
    assert "tags" not in api.get(f"/data/items/{item['id']}?relations=false").json


def test_get_one_malformed_and_unknown_ids(api):
    malformed = api.get("/data/items/not-a-uuid")
    assert malformed.status_code == 400
    assert malformed.json == {"error": True, "message": "Malformed ID.", "data": None}
    assert api.get(f"/data/items/{BOGUS_ID}").status_code == 404
    assert api.put(f"/data/items/{BOGUS_ID}", {"name": "y"}).status_code == 404
    assert api.delete(f"/data/items/{BOGUS_ID}").status_code == 404


def test_list_is_a_plain_array_then_filters(api):
    shelf = api.create("shelves", name="S")
    api.create("items", name="Red apple", price=1.0, available=True, shelf_id=shelf["id"])
    api.create("items", name="green apple", price=2.0, available=False)
    api.create("items", name="Pear", price=3.0, available=True)
    names = lambda path: sorted(item["name"] for item in api.get(path).json)  # noqa: E731
    assert names("/data/items") == ["Pear", "Red apple", "green apple"]
    assert names("/data/items?available=false") == ["green apple"]
    assert names("/data/items?available=1") == ["Pear", "Red apple"]
    assert names("/data/items?name=%apple") == ["Red apple", "green apple"]
    assert names("/data/items?name=PEAR") == ["Pear"]
    assert names(f"/data/items?shelf_id={shelf['id']}") == ["Red apple"]
    assert names("/data/items?price=2") == ["green apple"]
    assert names('/data/items?price=[1,3]') == ["Pear", "Red apple"]
    assert names("/data/items?unknown=1&available=true") == ["Pear", "Red apple"]


def test_list_filter_errors(api):
    assert api.get("/data/items?available=maybe").json["message"] == "Invalid boolean value: maybe"
    assert api.get("/data/items?shelf_id=nope").json["message"] == "Invalid UUID value: nope"
    assert api.get("/data/items?price=[1,").json["message"] == (
        "Malformed list filter for field price.")
    assert api.get("/data/items?count=x").json["message"] == (
        "One of the provided values has an invalid format.")
    hidden = api.get("/data/items?secret=s")
    assert hidden.status_code == 400
    assert hidden.json["message"] == "Filtering on secret is not allowed."


def test_list_filter_on_to_many_relation_means_contains(api):
    red, blue = api.create("tags", name="red"), api.create("tags", name="blue")
    api.create("items", name="both", tags=[red["id"], blue["id"]])
    api.create("items", name="red only", tags=[red["id"]])
    api.create("items", name="none")
    names = sorted(item["name"] for item in api.get(f"/data/items?tags={blue['id']}").json)
    assert names == ["both"]
    names = sorted(item["name"] for item in api.get(f"/data/items?tags={red['id']}").json)
    assert names == ["both", "red only"]


def test_list_relations_and_fields(api):
    tag = api.create("tags", name="t")
    api.create("items", name="x", tags=[tag["id"]])
    assert "tags" not in api.get("/data/items").json[0]
    assert api.get("/data/items?relations=true").json[0]["tags"] == [tag["id"]]
    trimmed = api.get("/data/items?fields=name,price").json[0]
    assert set(trimmed) == {"id", "type", "name", "price"}


def test_pagination_envelope_ordered_by_last_update(api):
    for index in range(5):
        api.create("items", name=f"item {index}")
    first = api.get("/data/items").json[0]
    api.put(f"/data/items/{first['id']}", {"price": 9})
    page = api.get("/data/items?page=1&limit=2").json
    assert {key: page[key] for key in ("total", "nb_pages", "limit", "offset", "page")} == {
        "total": 5, "nb_pages": 3, "limit": 2, "offset": 0, "page": 1}
    assert page["data"][0]["id"] == first["id"]
    last = api.get("/data/items?page=3&limit=2").json
    assert len(last["data"]) == 1 and last["offset"] == 4
    beyond = api.get("/data/items?page=9&limit=2").json
    assert beyond["data"] == [] and beyond["total"] == 5
    assert api.get("/data/items?page=1").json["limit"] == 100
    assert isinstance(api.get("/data/items?page=0").json, list)


def test_pagination_errors(api):
    assert api.get("/data/items?page=x").json["message"] == "page must be an integer."
    assert api.get("/data/items?page=1&limit=-1").json["message"] == (
        "limit must be a positive integer.")
    assert api.get("/data/items?page=1&limit=100000").status_code == 400


def test_put_applies_only_sent_fields_and_drops_protected_ones(api):
    item = api.create("items", name="x", price=1.0, project_id=BOGUS_ID)
    result = api.put(f"/data/items/{item['id']}", {
        "price": 2.0, "id": BOGUS_ID, "created_at": "1999-01-01T00:00:00", "bogus": True,
        "secret": "s", "project_id": "11111111-1111-4111-8111-111111111111"})
    assert result.status_code == 200
    assert result.json["price"] == 2.0
    assert result.json["id"] == item["id"]
    assert result.json["project_id"] == BOGUS_ID
    assert result.json["created_at"] == item["created_at"]
    assert "tags" not in result.json
    stored = api.get(f"/data/items/{item['id']}").json
    assert stored["name"] == "x" and stored["price"] == 2.0


def test_put_refuses_a_bad_date_with_zou_message(api):
    item = api.create("items", name="x")
    result = api.put(f"/data/items/{item['id']}", {"released_at": "yesterday"})
    assert result.status_code == 400
    assert result.json["message"] == ("Invalid date format for 'released_at': 'yesterday'. "
                                      "Expected an ISO 8601 date or datetime.")


def test_put_replaces_relations(api):
    red, blue = api.create("tags", name="red"), api.create("tags", name="blue")
    item = api.create("items", name="x", tags=[red["id"]])
    api.put(f"/data/items/{item['id']}", {"tags": [{"id": blue["id"]}, BOGUS_ID]})
    assert api.get(f"/data/items/{item['id']}").json["tags"] == [blue["id"]]


def test_delete_answers_204_and_refuses_referenced_rows(api):
    shelf = api.create("shelves", name="S")
    item = api.create("items", name="x", shelf_id=shelf["id"])
    refused = api.delete(f"/data/shelves/{shelf['id']}")
    assert refused.status_code == 400
    assert refused.json["message"] == "The change conflicts with records referencing this one."
    deleted = api.delete(f"/data/items/{item['id']}")
    assert deleted.status_code == 204 and deleted.text == ""
    assert api.delete(f"/data/shelves/{shelf['id']}").status_code == 204


def test_writes_emit_events_after_commit_only(api):
    catalog.RECEIVED.clear()
    item = api.create("items", name="x")
    api.put(f"/data/items/{item['id']}", {"name": "y"})
    api.delete(f"/data/items/{item['id']}")
    api.post("/data/items", {"name": "x", "bogus": 1})
    assert [event.name for event in catalog.RECEIVED] == ["item:new", "item:update",
                                                          "item:delete"]
    assert catalog.RECEIVED[0].data == {"item_id": item["id"], "project_id": None}


def test_failed_request_rolls_back_its_writes(api):
    result = api.post("/data/failing", {})
    assert result.status_code == 500
    assert api.get("/data/shelves").json == []


def test_routes_need_authentication(studio):
    result = studio.client.simulate_get("/data/items")
    assert result.status_code == 401
    assert result.json["error"] is True


def test_non_admin_is_refused_by_default(studio):
    headers = studio.headers(studio.person("user"))
    result = studio.client.simulate_get("/data/items", headers=headers)
    assert result.status_code == 403
    assert result.json["message"].startswith("You don't have the permission")
