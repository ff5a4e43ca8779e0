"""Fixtures of the tasks tests: a production (project, team, asset, episode, sequence, shots)
written through the models, people of every role logged in, and calls asserting their
status so that tests read as scenarios."""

import pytest

from plugins.entities.models import (Entity, EntityType, Project, ProjectPersonLink,
                                     ProjectStatus, ProjectTaskTypeLink, TaskStatus, TaskType)
from plugins.entities.services import seed
from plugins.persons import service as persons_service
from plugins.persons.models import Department, DepartmentLink

ZOU_DATE = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$"


class Production:
    """One open project with Zou's default settings, and helpers to act on it."""

    def __init__(self, studio, admin_headers):
        self.studio = studio
        self.app = studio.app
        self.client = studio.client
        self.admin = admin_headers
        self.headers = {}
        with self.app.dopesheet.activated():
            persons_service.seed_defaults()
            seed.seed_defaults()
            self.status = {row.short_name: row.id for row in TaskStatus.select()}
            self.task_type = {(row.name, row.for_entity): row.id for row in TaskType.select()}
            self.department = {row.name: row.id for row in Department.select()}
            self.kind = kinds = {row.name: row.id for row in EntityType.select()}
            open_status = ProjectStatus.get(ProjectStatus.name == "Open")
            self.project = Project.create(name="Big Buck", project_status=open_status.id)
            self.project_id = self.project.id
            for type_id in self.task_type.values():
                ProjectTaskTypeLink.create(project=self.project_id, task_type=type_id,
                                           priority=1)
            self.asset = self.entity("Hero", kinds["Character"])
            self.episode = self.entity("E01", kinds["Episode"])
            self.sequence = self.entity("SQ01", kinds["Sequence"], parent=self.episode)
            self.shot = self.entity("SH010", kinds["Shot"], parent=self.sequence)
            self.shot2 = self.entity("SH020", kinds["Shot"], parent=self.sequence)

    def entity(self, name, entity_type_id, parent=None, project_id=None, **fields):
        with self.app.dopesheet.activated():
            return Entity.create(name=name, entity_type=entity_type_id,
                                 project=project_id or self.project_id,
                                 parent=parent.id if parent else None, data={}, **fields)

    def member(self, role="user", project_role=None, departments=(), **fields):
        """A new person of ``role`` in the project's team, logged in:
        ``(person, headers)``."""
        person = self.studio.person(role, **fields)
        with self.app.dopesheet.activated():
            ProjectPersonLink.create(project=self.project_id, person=person.id,
                                     role=project_role)
            for name in departments:
                DepartmentLink.create(person=person.id, department=self.department[name])
        headers = self.studio.headers(person)
        self.headers[person.id] = headers
        return person, headers

    def headers_of(self, person):
        return self.headers[person.id]

    def call(self, method, path, expected=None, headers=None, **kwargs):
        result = self.client.simulate_request(method, path, headers=headers or self.admin,
                                              **kwargs)
        if expected is not None:
            assert result.status_code == expected, (method, path, result.status_code,
                                                    result.text)
        return result

    def get(self, path, headers=None, expected=200, **kwargs):
        return self.call("GET", path, expected, headers, **kwargs).json

    def post(self, path, body=None, expected=201, headers=None):
        return self.call("POST", path, expected, headers, json=body).json

    def put(self, path, body, expected=200, headers=None):
        return self.call("PUT", path, expected, headers, json=body).json

    def delete(self, path, expected=204, headers=None):
        return self.call("DELETE", path, expected, headers)

    def create_tasks(self, kind, task_type, entities=None):
        """``POST /actions/projects/{id}/task-types/{type}/{kind}/create-tasks``."""
        path = (f"/actions/projects/{self.project_id}/task-types/{task_type}/{kind}"
                "/create-tasks")
        return self.post(path, [entity.id for entity in entities] if entities else None)

    def shot_task(self, name="Animation", shot=None):
        type_id = self.task_type[(name, "Shot")]
        return self.create_tasks("shots", type_id, [shot or self.shot])[0]

    def asset_task(self, name="Modeling"):
        return self.create_tasks("assets", self.task_type[(name, "Asset")], [self.asset])[0]

    def comment(self, task, status="wip", text="", headers=None, expected=201, **fields):
        body = {"task_status_id": self.status[status], "comment": text, **fields}
        return self.post(f"/actions/tasks/{task['id']}/comment", body, expected, headers)

    def assign(self, task, person, headers=None):
        return self.put(f"/actions/tasks/{task['id']}/assign", {"person_id": person.id},
                        headers=headers)

    def events(self, **filters):
        query = "&".join(f"{key}={value}" for key, value in filters.items())
        return self.get(f"/data/events/last?{query}")


@pytest.fixture
def prod(studio, admin_headers):
    return Production(studio, admin_headers)
