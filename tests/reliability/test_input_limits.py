"""Hostile or broken requests: each is a 4xx with the standard error body and writes nothing.
The write attempted is always an admin creating a project, counted afterwards."""

import pytest

from tests.conftest import Studio
from tests.plugins.tasks.conftest import Production

DEPTH = 64


def nested(levels):
    value = "leaf"
    for _ in range(levels):
        value = {"level": value}
    return value


@pytest.fixture
def prod(studio, admin_headers):
    return Production(studio, admin_headers)


def project_names(prod):
    return {project["name"] for project in prod.get("/data/projects")}


def assert_refused(result, status, before, prod):
    assert result.status_code == status, result.text
    assert result.json["error"] is True
    assert isinstance(result.json["message"], str) and result.json["message"]
    assert project_names(prod) == before


def post_project(prod, content_type=None, **kwargs):
    headers = {**prod.admin, **({"Content-Type": content_type} if content_type else {})}
    return prod.client.simulate_post("/data/projects", headers=headers, **kwargs)


def test_a_project_body_within_the_limits_is_written(prod):
    result = post_project(prod, json={"name": "Within", "data": nested(DEPTH - 2)})
    assert result.status_code == 201, result.text
    assert "Within" in project_names(prod)


@pytest.mark.parametrize("body, message", [
    ({"name": "Deep", "data": nested(DEPTH)},
     f"The request body is nested deeper than {DEPTH} levels."),
    ({"name": "Long", "description": "x" * (1024 * 1024 + 1)},
     "A string of the request body is longer than 1048576 characters."),
    ({"name": "Key", "data": {"k" * (1024 * 1024 + 1): 1}},
     "A string of the request body is longer than 1048576 characters."),
])
def test_json_too_deep_or_too_long_is_a_400(prod, body, message):
    before = project_names(prod)
    result = post_project(prod, json=body)
    assert_refused(result, 400, before, prod)
    assert result.json["message"] == message


def test_a_body_deeper_than_the_parser_allows_is_a_400(prod):
    before = project_names(prod)
    result = post_project(prod, body=b'{"name": "X", "data": ' + b"[" * 2000 + b"]" * 2000 + b"}",
                          content_type="application/json")
    assert_refused(result, 400, before, prod)


@pytest.mark.parametrize("raw", [
    b'{"name": "Caf\xe9"}',  # Latin-1, not UTF-8
    b'{"name": "\xff\xfe"}',
    b'{"name": "half',
])
def test_invalid_utf8_or_json_is_a_400(prod, raw):
    before = project_names(prod)
    result = post_project(prod, body=raw,
                          content_type="application/json")
    assert_refused(result, 400, before, prod)
    assert result.json["message"] == "The request body is not valid JSON."


@pytest.mark.parametrize("content_type", ["text/plain", "application/xml",
                                          "application/x-www-form-urlencoded"])
def test_a_body_that_is_not_json_is_a_415(prod, content_type):
    before = project_names(prod)
    result = post_project(prod, body=b'{"name": "Typed"}',
                          content_type=content_type)
    assert_refused(result, 415, before, prod)


def test_a_body_over_the_limit_is_a_413(make_app):
    small = Studio(make_app({"server": {"max_body_bytes": 2048}}))
    prod = Production(small, small.headers(small.person("admin")))
    before = project_names(prod)
    result = post_project(prod, json={"name": "Big", "description": "x" * 4096})
    assert_refused(result, 413, before, prod)


def test_a_huge_query_string_is_a_414(prod):
    before = project_names(prod)
    result = prod.client.simulate_post("/data/projects", query_string="x=" + "a" * 7000,
                                       json={"name": "Queried"}, headers=prod.admin)
    assert_refused(result, 414, before, prod)
    listed = prod.client.simulate_get("/data/projects", query_string="name=" + "a" * 7000,
                                      headers=prod.admin)
    assert listed.status_code == 414
    assert listed.json == {"error": True,
                           "message": "The query string is longer than 6144 bytes."}


def test_the_page_size_is_capped(prod):
    result = prod.client.simulate_get("/data/projects", params={"page": 1, "limit": 10001},
                                      headers=prod.admin)
    assert result.status_code == 400
    assert result.json == {"error": True, "message": "limit must be at most 10000."}
    result = prod.client.simulate_get("/data/projects", params={"page": 1, "limit": 10000},
                                      headers=prod.admin)
    assert result.status_code == 200


def test_invalid_utf8_in_the_query_string_is_no_server_error(prod):
    result = prod.client.simulate_get("/data/projects", query_string="name=%ff%fe",
                                      headers=prod.admin)
    assert result.status_code < 500
