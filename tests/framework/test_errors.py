"""One error body everywhere: ``{"error": true, "message": ...}`` plus details, the security
headers, and a 500 that logs its traceback with the request id and echoes nothing."""

import logging
import threading

import falcon.testing
import pytest

from tests.fixture_plugins import catalog

UNKNOWN_ID = "0b9e1c7e-55f3-4c64-9b75-1f2d6f3c2a10"


@pytest.fixture
def app(register_plugin):
    return register_plugin("catalog", catalog, {"server": {"max_body_bytes": 2048}})


def test_every_error_kind_has_the_standard_shape(studio, admin_headers):
    client = studio.client
    auth = admin_headers
    json_auth = {**auth, "Content-Type": "application/json"}
    cases = [
        (404, client.simulate_get("/no/such/route", headers=auth)),
        (404, client.simulate_get("/api/no/such/route", headers=auth)),
        (405, client.simulate_patch("/data/items", headers=auth)),
        (400, client.simulate_get("/data/items/not-an-id", headers=auth)),
        (404, client.simulate_get(f"/data/items/{UNKNOWN_ID}", headers=auth)),
        (401, client.simulate_get("/data/items")),
        (422, client.simulate_get("/data/items", headers={"Authorization": "Bearer x.y.z"})),
        (403, client.simulate_get("/data/items",
                                  headers=studio.headers(studio.person("user")))),
        (415, client.simulate_post("/data/items", body="a=b", headers={
            **auth, "Content-Type": "text/plain"})),
        (400, client.simulate_post("/data/items", body="{not json", headers=json_auth)),
        (400, client.simulate_post("/data/items", json={"count": "x"}, headers=auth)),
        (400, client.simulate_get("/data/items?available=perhaps", headers=auth)),
        (413, client.simulate_post("/data/items", body="[" + "1," * 2000 + "1]",
                                   headers=json_auth)),
        (400, client.simulate_post("/auth/login", json={"email": "nobody@example.com",
                                                        "password": "wrong"})),
        (500, client.simulate_get("/data/failing", headers=auth)),
    ]
    for expected, result in cases:
        assert result.status_code == expected, (expected, result.status, result.text)
        assert result.headers["content-type"].startswith("application/json")
        body = result.json
        assert body["error"] is True, body
        assert isinstance(body["message"], str) and body["message"], body
        assert result.headers["x-content-type-options"] == "nosniff"
        assert result.headers["x-frame-options"] == "SAMEORIGIN"
        assert result.headers["x-request-id"]


def test_unknown_route_uses_zou_message(client):
    body = client.simulate_get("/nowhere").json
    assert body == {"error": True, "message": (
        "404 Not Found: The requested URL was not found on the server. If you entered the "
        "URL manually please check your spelling and try again.")}


def test_validation_details_are_per_field(studio, admin_headers):
    body = studio.client.simulate_post("/data/items", json={"name": 3, "count": "x"},
                                       headers=admin_headers).json
    assert body["message"] == "Validation error."
    assert sorted(error["field"] for error in body["data"]["errors"]) == ["count", "name"]


def test_internal_error_is_logged_with_request_id_and_not_echoed(studio, admin_headers, caplog):
    with caplog.at_level(logging.INFO, logger="dopesheet"):
        result = studio.client.simulate_get("/data/failing", headers={
            **admin_headers, "X-Request-ID": "req-42"})
    assert result.json == {"error": True, "message": "Internal server error."}
    assert "boom" not in result.text
    assert result.headers["x-request-id"] == "req-42"
    record = next(r for r in caplog.records if r.name == "dopesheet.errors")
    assert record.request_id == "req-42"
    assert record.exc_info and "boom" in str(record.exc_info[1])
    access = next(r for r in caplog.records if r.name == "dopesheet.access")
    assert access.request_id == "req-42" and "GET /data/failing 500" in access.getMessage()


@pytest.mark.parametrize("second_lock", ["at once", "with the commit"])
def test_a_deadlock_is_a_503_to_retry_and_the_other_request_lands(app, studio, admin_headers,
                                                                  database_kind, caplog,
                                                                  second_lock):
    """Two requests locking two rows in opposite orders: PostgreSQL undoes one of them,
    which is told to retry (503, ``Retry-After``) rather than given a 500, whether the
    deadlock comes with a statement or with the writes sent with the ``COMMIT``."""
    if database_kind != "postgresql":
        pytest.skip("SQLite runs writing requests one at a time")
    first, second = (studio.client.simulate_post("/data/shelves", json={"name": name},
                                                 headers=admin_headers).json["id"]
                     for name in ("first", "second"))
    answers = {}

    def lock(first_id, second_id):
        answers[first_id] = falcon.testing.TestClient(app).simulate_post(
            f"/data/locking/{first_id}/{second_id}", headers=admin_headers,
            params={"deferred": str(second_lock == "with the commit").lower()})

    catalog.MEETING.append(threading.Barrier(2))
    try:
        threads = [threading.Thread(target=lock, args=pair)
                   for pair in ((first, second), (second, first))]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        catalog.MEETING.clear()
    assert sorted(answer.status_code for answer in answers.values()) == [200, 503]
    undone = next(answer for answer in answers.values() if answer.status_code == 503)
    assert undone.json == {"error": True, "message": (
        "The request ran into a concurrent one and was undone, retry it.")}
    assert undone.headers["retry-after"] == "1"
    assert not [record for record in caplog.records if record.levelno >= logging.ERROR]
    assert any("deadlock" in record.getMessage() for record in caplog.records)
