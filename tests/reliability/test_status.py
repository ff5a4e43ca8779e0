"""``GET /status``, a load balancer's health check (no token): Zou's fields (the API's name
and version, ``database-up``) and the database server's own version."""

import re

from framework import __version__

SERVER_NAMES = {"sqlite": "SQLite", "postgresql": "PostgreSQL"}


def test_status_reports_the_database_and_its_version(client, database_kind):
    result = client.simulate_get("/status")
    assert result.status_code == 200
    body = result.json
    assert (body["name"], body["version"], body["database-up"]) == (
        "Dopesheet", __version__, True)
    assert re.match(rf"{SERVER_NAMES[database_kind]} \d+\.\d+", body["database-version"])
