"""A studio plugin of under 40 lines (tests/fixture_plugins/notes.py, shown in
docs/plugins.md) adds a model and routes, tested with ``framework.testing`` fixtures."""

import falcon.testing
import pytest

from tests.fixture_plugins import notes


@pytest.fixture
def app(register_plugin):
    return register_plugin("notes", notes)


def test_plugin_adds_a_model_its_crud_routes_and_its_own_route(app, studio):
    headers = studio.headers(studio.person("user"))
    client = falcon.testing.TestClient(app)
    created = client.simulate_post("/data/notes", json={"title": "Retake", "pinned": True},
                                   headers=headers)
    assert created.status_code == 201
    assert created.json["type"] == "Note"
    client.simulate_post("/data/notes", json={"title": "Later"}, headers=headers)
    assert client.simulate_get("/api/data/notes-pinned", headers=headers).json == ["Retake"]
    assert "note" in app.dopesheet.models
    assert len(open(notes.__file__).read().splitlines()) < 40
