"""Events of the persons plugin: emitted after the commit, never for a failed request."""

import sqlite3
import types
from contextlib import closing

import psycopg
import pytest

from framework import hookimpl
from framework.db import is_sqlite, sqlite_path


def committed_person_ids(url):
    """Person ids seen from a connection of its own: only committed rows show there."""
    if is_sqlite(url):
        with closing(sqlite3.connect(sqlite_path(url))) as connection:
            return {row[0] for row in connection.execute("SELECT id FROM person")}
    with psycopg.connect(url) as connection:
        return {str(row[0]) for row in connection.execute("SELECT id FROM person")}


@pytest.fixture
def events():
    return []


@pytest.fixture
def app(make_app, events):
    recorder = types.ModuleType("recorder")

    @hookimpl
    def handle_event(event, dopesheet):
        person_id = event.data.get("person_id")
        committed = committed_person_ids(dopesheet.settings["database"]["url"])
        events.append((event.name, event.data, event.user_id,
                       person_id in committed if person_id else None))

    recorder.handle_event = handle_event
    return make_app(plugins=[("recorder", recorder)])


def test_person_new_update_delete_are_emitted_after_commit(api, events):
    admin_id = api.get("/data/persons?role=admin")[0]["id"]

    person_id = api.post("/data/persons", {"first_name": "Paul",
                                           "email": "paul@example.com"})["id"]
    api.put(f"/data/persons/{person_id}", {"last_name": "Painter"})
    api.delete(f"/data/persons/{person_id}")

    assert events == [
        ("person:new", {"person_id": person_id}, admin_id, True),
        ("person:update", {"person_id": person_id}, admin_id, True),
        ("person:delete", {"person_id": person_id}, admin_id, False),
    ]


def test_department_events(api, events):
    department_id = api.department("Modeling")["id"]
    api.put(f"/data/departments/{department_id}", {"color": "#000000"})
    api.delete(f"/data/departments/{department_id}")

    assert [(name, data) for name, data, _, _ in events] == [
        ("department:new", {"department_id": department_id}),
        ("department:update", {"department_id": department_id}),
        ("department:delete", {"department_id": department_id}),
    ]


def test_an_artist_editing_their_profile_emits_an_update(api, events, artist, artist_headers):
    api.put(f"/data/persons/{artist.id}", {"first_name": "Anna"}, headers=artist_headers)
    assert events == [("person:update", {"person_id": artist.id}, artist.id, True)]


def test_failed_requests_emit_nothing(api, events, artist, artist_headers):
    admin_id = api.get("/data/persons?role=admin")[0]["id"]

    api.post("/data/persons", {"first_name": "Dup", "email": "ARTIST@example.com"}, status=400)
    api.post("/data/persons", {"first_name": "Paul", "email": "paul@example.com",
                               "password": "short"}, status=400)
    api.post("/data/persons", {"first_name": "Paul", "bogus": 1}, status=400)
    api.post("/data/persons", {"first_name": "Paul"}, status=403, headers=artist_headers)
    api.put(f"/data/persons/{artist.id}", {"daily_salary": 900}, status=403,
            headers=artist_headers)
    api.put(f"/data/persons/{admin_id}", {"email": "artist@example.com"}, status=400)
    api.delete(f"/data/persons/{admin_id}", status=403)
    api.delete(f"/data/persons/{artist.id}", status=403, headers=artist_headers)

    assert events == []
