"""Fixtures of the entities tests: Zou's default rows, and a production built through the
routes (projects, team, assets, shots...) by an admin."""

import pytest

from plugins.entities.models import EntityType, ProjectStatus, TaskStatus, TaskType
from plugins.entities.services import seed
from plugins.persons import service as persons_service

ZOU_DATE = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$"


class Defaults:
    """Ids of the seeded rows by name: ``defaults.asset_type["Character"]``..."""

    def __init__(self):
        self.project_status = {row.name: row.id for row in ProjectStatus.select()}
        self.entity_type = {row.name: row.id for row in EntityType.select()}
        self.asset_type = self.entity_type
        self.task_type = {(row.name, row.for_entity): row.id for row in TaskType.select()}
        self.task_status = {row.short_name: row.id for row in TaskStatus.select()}


@pytest.fixture
def defaults(app):
    with app.dopesheet.activated():
        persons_service.seed_defaults()
        seed.seed_defaults()
        return Defaults()


class Production:
    """Builds data through the API as an admin, asserting each call worked."""

    def __init__(self, studio, headers, defaults):
        self.client = studio.client
        self.headers = headers
        self.defaults = defaults

    def call(self, method, path, expected=None, headers=None, **kwargs):
        result = self.client.simulate_request(method, path, headers=headers or self.headers,
                                              **kwargs)
        if expected is not None:
            assert result.status_code == expected, (method, path, result.status_code,
                                                    result.text)
        return result

    def get(self, path, headers=None, **kwargs):
        return self.call("GET", path, 200, headers, **kwargs).json

    def post(self, path, body, expected=201, headers=None):
        return self.call("POST", path, expected, headers, json=body).json

    def put(self, path, body, expected=200, headers=None):
        return self.call("PUT", path, expected, headers, json=body).json

    def project(self, name="Big Buck", **fields):
        return self.post("/data/projects", {"name": name, **fields})

    def join(self, project, person, role=None):
        body = {"person_id": person.id}
        if role is not None:
            body["role"] = role
        return self.post(f"/data/projects/{project['id']}/team", body)

    def asset(self, project, name="Hero", asset_type="Character", **fields):
        type_id = self.defaults.asset_type[asset_type]
        return self.post(f"/data/projects/{project['id']}/asset-types/{type_id}/assets/new",
                         {"name": name, **fields})

    def episode(self, project, name="E01", **fields):
        return self.post(f"/data/projects/{project['id']}/episodes", {"name": name, **fields})

    def sequence(self, project, name="SQ01", episode=None, **fields):
        if episode is not None:
            fields["episode_id"] = episode["id"]
        return self.post(f"/data/projects/{project['id']}/sequences", {"name": name, **fields})

    def shot(self, project, sequence, name="SH010", **fields):
        return self.post(f"/data/projects/{project['id']}/shots",
                         {"name": name, "sequence_id": sequence["id"], **fields})

    def scene(self, project, sequence, name="SC01"):
        return self.post(f"/data/projects/{project['id']}/scenes",
                         {"name": name, "sequence_id": sequence["id"]})

    def edit(self, project, name="Cut 1", **fields):
        return self.post(f"/data/projects/{project['id']}/edits", {"name": name, **fields})

    def concept(self, project, name="Sketch", **fields):
        return self.post(f"/data/projects/{project['id']}/concepts", {"name": name, **fields})


@pytest.fixture
def production(studio, admin_headers, defaults):
    return Production(studio, admin_headers, defaults)


@pytest.fixture
def member(studio, production):
    """``member(project, role="user", project_role=None)`` -> (person, headers) of a new team
    member logged in."""

    def make(project, role="user", project_role=None):
        person = studio.person(role)
        production.join(project, person, project_role)
        return person, studio.headers(person)

    return make
