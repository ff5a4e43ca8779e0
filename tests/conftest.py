"""Shared fixtures for Dopesheet's own tests (plugin authors use ``framework.testing``)."""

import falcon.testing
import pytest

PASSWORD = "correct horse battery"
LONGEST_FIRST = ("tests/reliability/test_fuzzing.py",)
FAST_HASHING = {"argon2_time_cost": 1, "argon2_memory_cost": 8, "argon2_parallelism": 1}


def pytest_collection_modifyitems(items):
    """The fuzzing of every route (minutes on each database) starts first: run last, one
    worker of ``-n`` finished it alone while the others had nothing left to do."""
    items.sort(key=lambda item: not item.nodeid.startswith(LONGEST_FIRST))


@pytest.fixture(scope="session")
def app_overrides():
    return {"plugins": {"auth": dict(FAST_HASHING)}}


class Studio:
    """Builds people and logs them in on one app, through the real models and routes."""

    def __init__(self, app):
        self.app = app
        self.client = falcon.testing.TestClient(app)

    def person(self, role="user", email=None, password=PASSWORD, **fields):
        from plugins.auth import service
        from plugins.auth.runtime import runtime
        from plugins.persons.models import Person

        dopesheet = self.app.dopesheet
        with dopesheet.activated():
            person = Person.create(first_name=fields.pop("first_name", role.title()),
                                   last_name=fields.pop("last_name", "Tester"),
                                   email=email or f"{role}-{Person.select().count()}@example.com",
                                   role=role, **fields)
            if password is not None:
                service.set_password(person, password, runtime(dopesheet).passwords)
        return person

    def login(self, email, password=PASSWORD):
        result = self.client.simulate_post("/auth/login",
                                           json={"email": email, "password": password})
        assert result.status_code == 200, result.text
        return result.json

    def headers(self, person, password=PASSWORD):
        tokens = self.login(person.email, password)
        return {"Authorization": f"Bearer {tokens['access_token']}"}


@pytest.fixture
def studio(app):
    return Studio(app)


@pytest.fixture
def admin_headers(studio):
    return studio.headers(studio.person("admin"))
