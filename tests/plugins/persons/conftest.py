"""Helpers shared by the persons plugin tests."""

import pytest


class Api:
    """The admin's calls, asserting the expected status so tests read as scenarios."""

    def __init__(self, studio, headers):
        self.studio = studio
        self.client = studio.client
        self.headers = headers

    def get(self, path, status=200, headers=None):
        result = self.client.simulate_get(path, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result.json

    def post(self, path, body, status=201, headers=None):
        result = self.client.simulate_post(path, json=body, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result.json

    def put(self, path, body, status=200, headers=None):
        result = self.client.simulate_put(path, json=body, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result.json

    def delete(self, path, status=204, headers=None):
        result = self.client.simulate_delete(path, headers=headers or self.headers)
        assert result.status_code == status, result.text
        return result

    def department(self, name, color="#78909C"):
        return self.post("/data/departments", {"name": name, "color": color})


@pytest.fixture
def api(studio, admin_headers):
    return Api(studio, admin_headers)


@pytest.fixture
def artist(studio):
    return studio.person("user", email="artist@example.com", first_name="Ann",
                         last_name="Artist")


@pytest.fixture
def artist_headers(studio, artist):
    return studio.headers(artist)
