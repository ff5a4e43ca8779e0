"""Regression tests for what the schemathesis run found (tests/reliability/test_fuzzing.py)."""

import pytest

from tests.plugins.tasks.conftest import Production


@pytest.fixture
def prod(studio, admin_headers):
    return Production(studio, admin_headers)


@pytest.mark.parametrize("query, message", [
    ("page=2865962845140714782720", "page must be at most 1000000."),  # was a 500 (overflow)
    ("page=-4", "page must be a positive integer."),
    ("page=false", "page must be an integer."),
    ("limit=-232", "limit must be a positive integer."),  # was ignored without page
    ("limit=10001", "limit must be at most 10000."),
])
def test_page_and_limit_outside_the_documented_range_are_400(prod, query, message):
    result = prod.client.simulate_get("/data/milestones", query_string=query,
                                      headers=prod.admin)
    assert result.status_code == 400
    assert result.json == {"error": True, "message": message}


def test_page_zero_is_still_the_plain_list(prod):
    assert prod.get("/data/projects?page=0&limit=5")[0]["name"] == "Big Buck"


@pytest.mark.parametrize("body", [{"id": -1177693}, {"id": "not-an-id"},
                                  {"created_at": 12}])
def test_an_ignored_key_of_the_wrong_shape_is_a_400(prod, body):
    before = prod.get("/data/departments")
    result = prod.client.simulate_post("/data/departments", headers=prod.admin,
                                       json={"name": "Typed", "color": "#fff", **body})
    assert result.status_code == 400
    assert result.json["message"] == "Validation error."
    assert prod.get("/data/departments") == before
    department = before[0]
    result = prod.client.simulate_put(f"/data/departments/{department['id']}",
                                      headers=prod.admin, json={"name": "Renamed", **body})
    assert result.status_code == 400
    assert prod.get("/data/departments") == before


def test_ids_and_timestamps_sent_back_are_still_ignored(prod):
    department = prod.get("/data/departments")[0]
    updated = prod.put(f"/data/departments/{department['id']}",
                       {**department, "name": "Renamed"})
    assert updated["name"] == "Renamed"
    assert updated["id"] == department["id"]
