"""Events are recorded (``record_events``) inside their request's transaction, reach
``handle_event`` after the commit, never after a rollback, and one failing handler neither
fails the request nor starves the others."""

import logging

import pytest

from framework import db
from framework.events import UnknownEvent
from tests.conftest import Studio
from tests.fixture_plugins import catalog
from tests.framework.plugin_factory import plugin_module

BROKEN_HANDLER = """
@hookimpl
def handle_event(event):
    raise ValueError("handler bug")
"""
BROKEN_RECORDER = """
@hookimpl
def record_events(events):
    raise ValueError("recorder bug")
"""


@pytest.fixture
def app(make_app):
    broken = plugin_module("broken_handler", BROKEN_HANDLER)
    return make_app(plugins=[("catalog", catalog), ("broken_handler", broken)])


def test_failing_handler_is_logged_and_others_still_run(studio, admin_headers, caplog):
    catalog.RECEIVED.clear()
    with caplog.at_level(logging.ERROR, logger="dopesheet.events"):
        result = studio.client.simulate_post("/data/tags", json={"name": "t"},
                                             headers=admin_headers)
    assert result.status_code == 201
    assert [event.name for event in catalog.RECEIVED] == ["tag:new"]
    assert "broken_handler" in caplog.text and "handler bug" in caplog.text


def test_rolled_back_request_delivers_no_event(studio, admin_headers):
    catalog.RECEIVED.clear()
    result = studio.client.simulate_post("/data/failing", json={}, headers=admin_headers)
    assert result.status_code == 500
    assert catalog.RECEIVED == []


def test_event_carries_the_author(studio):
    admin = studio.person("admin")
    catalog.RECEIVED.clear()
    studio.client.simulate_post("/data/tags", json={"name": "t"}, headers=studio.headers(admin))
    assert catalog.RECEIVED[0].user_id == admin.id


def test_undeclared_event_is_refused(app):
    with pytest.raises(UnknownEvent, match="not declared"):
        app.dopesheet.emit("render:done", {})


def test_event_outside_a_transaction_is_delivered_at_once(app):
    catalog.RECEIVED.clear()
    with app.dopesheet.activated():
        app.dopesheet.emit("tag:update", {"tag_id": "x"})
    assert [event.name for event in catalog.RECEIVED] == ["tag:update"]


def test_events_of_one_transaction_arrive_as_one_batch(studio, admin_headers):
    catalog.BATCHES.clear()
    catalog.RECEIVED.clear()
    studio.client.simulate_post("/data/two-tags", json={}, headers=admin_headers)
    studio.client.simulate_post("/data/tags", json={"name": "t"}, headers=admin_headers)
    assert catalog.BATCHES == [["tag:new", "tag:new"], ["tag:new"]]
    assert [event.name for event in catalog.RECEIVED] == ["tag:new"] * 3


def test_events_are_recorded_in_their_transaction_before_delivery(studio, admin_headers):
    catalog.RECORDED.clear()
    catalog.RECEIVED.clear()
    studio.client.simulate_post("/data/two-tags", json={}, headers=admin_headers)
    assert catalog.RECORDED == [(["tag:new", "tag:new"], True, [])]
    assert [event.name for event in catalog.RECEIVED] == ["tag:new"] * 2


def test_a_rolled_back_request_records_no_event(studio, admin_headers):
    catalog.RECORDED.clear()
    studio.client.simulate_post("/data/failing", json={}, headers=admin_headers)
    assert catalog.RECORDED == []


def test_outside_a_request_events_are_recorded_after_the_commit(app):
    catalog.RECORDED.clear()
    catalog.RECEIVED.clear()
    with app.dopesheet.activated():
        with db.atomic():
            app.dopesheet.emit("tag:update", {"tag_id": "x"})
        assert catalog.RECORDED == [(["tag:update"], False, [])]
        app.dopesheet.emit("tag:update", {"tag_id": "y"})
    assert [names for names, *_ in catalog.RECORDED] == [["tag:update"]] * 2
    assert len(catalog.RECEIVED) == 2


def test_a_failing_recorder_rolls_the_request_back(make_app, caplog):
    broken = plugin_module("broken_recorder", BROKEN_RECORDER)
    studio = Studio(make_app(plugins=[("catalog", catalog), ("broken_recorder", broken)]))
    headers = studio.headers(studio.person("admin"))
    catalog.RECEIVED.clear()
    with caplog.at_level(logging.ERROR, logger="dopesheet.db"):
        result = studio.client.simulate_post("/data/tags", json={"name": "lost"},
                                             headers=headers)
    assert result.status_code == 503 and "recorder bug" in caplog.text
    assert catalog.RECEIVED == []
    with studio.app.dopesheet.activated():
        assert catalog.Tag.select().count() == 0
