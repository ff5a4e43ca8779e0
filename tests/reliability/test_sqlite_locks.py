"""SQLite's ``database is locked``: a writing request waits for another writer's lock (the
busy timeout, ``[database] sqlite_busy_timeout_ms``) and succeeds; past the timeout it is a
503 with the standard body and ``Retry-After``, never a 500, and nothing is written."""

import sqlite3
import threading

import pytest

from framework.db import sqlite_path
from framework.errors import DATABASE_DOWN_MESSAGE
from tests.conftest import Studio

HOLD_SECONDS = 0.3


@pytest.fixture
def studio_waiting(make_app, database_kind):
    """``studio_waiting(milliseconds)``: a ``Studio`` whose SQLite busy timeout is that,
    and its admin's headers."""
    if database_kind != "sqlite":
        pytest.skip("SQLite's file lock")

    def build(milliseconds):
        studio = Studio(make_app({"database": {"sqlite_busy_timeout_ms": milliseconds}}))
        return studio, studio.headers(studio.person("admin"))

    return build


class OtherWriter:
    """Another process's write transaction on the same file (``BEGIN IMMEDIATE``)."""

    def __init__(self, app):
        self.connection = sqlite3.connect(sqlite_path(app.dopesheet.settings["database"]["url"]),
                                          isolation_level=None, check_same_thread=False)
        self.connection.execute("BEGIN IMMEDIATE")

    def release(self):
        self.connection.execute("COMMIT")
        self.connection.close()


def create_department(studio, headers, name):
    return studio.client.simulate_post("/data/departments", headers=headers,
                                       json={"name": name, "color": "#000000"})


def departments(studio, headers):
    return {row["name"] for row in studio.client.simulate_get(
        "/data/departments", headers=headers).json}


def test_a_writer_waits_for_the_lock_and_succeeds(studio_waiting):
    studio, admin_headers = studio_waiting(10000)
    writer = OtherWriter(studio.app)
    releasing = threading.Timer(HOLD_SECONDS, writer.release)
    releasing.start()
    result = create_department(studio, admin_headers, "Waited")
    releasing.join()
    assert result.status_code == 201, result.text
    assert "Waited" in departments(studio, admin_headers)


def test_past_the_busy_timeout_a_writer_gets_a_503_and_may_retry(studio_waiting):
    studio, admin_headers = studio_waiting(50)
    writer = OtherWriter(studio.app)
    try:
        result = create_department(studio, admin_headers, "Blocked")
    finally:
        writer.release()
    assert result.status_code == 503, result.text
    assert result.json == {"error": True, "message": DATABASE_DOWN_MESSAGE}
    assert result.headers["retry-after"]
    assert "Blocked" not in departments(studio, admin_headers)
    assert create_department(studio, admin_headers, "Blocked").status_code == 201
