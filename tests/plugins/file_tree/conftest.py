"""Fixtures of the file-tree tests: the comparison production built through the routes
(``production.py``), and calls asserting their status."""

import json
import pathlib

import pytest

from plugins.entities.services import seed
from plugins.persons import service as persons_service

from . import production

HERE = pathlib.Path(__file__).parent
ZOU_PATHS = json.loads((HERE / "zou_paths.json").read_text())
STUDIO_TREE = json.loads((HERE / "studio_tree.json").read_text())


class Caller:
    """Routes called as an admin (or ``headers``), asserting the status."""

    def __init__(self, studio, headers):
        self.studio = studio
        self.client = studio.client
        self.headers = headers
        with studio.app.dopesheet.activated():
            persons_service.seed_defaults()
            seed.seed_defaults()

    def send(self, method, path, body=None, headers=None):
        return self.client.simulate_request(method, path, json=body,
                                            headers=headers or self.headers)

    def __call__(self, method, path, body=None, expected=None, headers=None):
        """The answer; a failure unless its status is ``expected`` (any success when
        None)."""
        result = self.send(method, path, body, headers)
        ok = result.status_code < 400 if expected is None else result.status_code == expected
        assert ok, (method, path, result.status_code, result.text)
        return result.json


@pytest.fixture
def call(studio, admin_headers):
    return Caller(studio, admin_headers)


@pytest.fixture
def built(call):
    """The comparison production, its ids by key."""
    return production.build(call, "FT Production")
