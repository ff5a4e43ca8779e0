"""Who may do what, one table: every role (admin, manager, supervisor, artist = ``user``,
client, vendor) against the route families, on their own project and on another project they
are not part of, reached by id. Refused means 403 or 404 and nothing of the other project's
object in the answer."""

import datetime

import pytest

from plugins.entities.models import Project, ProjectStatus, ProjectTaskTypeLink
from tests.plugins.tasks.conftest import Production

ROLES = ("admin", "manager", "supervisor", "user", "client", "vendor")
TODAY = datetime.date.today().isoformat()


class TwoProjects(Production):
    """The production, its team (one member of each role) and a second project nobody but
    the admins sees, with a shot, a task and a comment."""

    def __init__(self, studio, admin_headers):
        super().__init__(studio, admin_headers)
        members = {role: self.member(role) for role in ROLES}
        self.role_ids = {role: person.id for role, (person, _) in members.items()}
        self.role_headers = {role: headers for role, (_, headers) in members.items()}
        with self.app.dopesheet.activated():
            status = ProjectStatus.get(ProjectStatus.name == "Open")
            other = Project.create(name="Secret Film", project_status=status.id)
            for type_id in self.task_type.values():
                ProjectTaskTypeLink.create(project=other.id, task_type=type_id, priority=1)
        self.other_id = other.id
        sequence = self.entity("SQ99", self.kind["Sequence"], project_id=other.id)
        self.other_shot = self.entity("SH990", self.kind["Shot"], parent=sequence,
                                      project_id=other.id)
        type_id = self.task_type[("Animation", "Shot")]
        self.other_task = self.post(
            f"/actions/projects/{other.id}/task-types/{type_id}/shots/create-tasks",
            [self.other_shot.id])[0]
        self.other_comment = self.comment(self.other_task, "wip", "secret note")


@pytest.fixture
def world(studio, admin_headers):
    return TwoProjects(studio, admin_headers)


# (what, method, path formatted with the world and the caller's id ``me``, body or None)
ADMIN_ONLY = [
    ("create a person", "POST", "/data/persons",
     lambda w: {"first_name": "New", "last_name": "Hire", "email": "new.hire@example.com"}),
    ("create a project", "POST", "/data/projects", lambda w: {"name": "Another"}),
    ("create a department", "POST", "/data/departments",
     lambda w: {"name": "Lighting2", "color": "#fff"}),
    ("create a task status", "POST", "/data/task-status",
     lambda w: {"name": "Nope", "short_name": "nope", "color": "#000000"}),
    ("create a task type", "POST", "/data/task-types",
     lambda w: {"name": "Nope", "for_entity": "Shot"}),
]

OTHER_PROJECT = [
    ("read the other project", "GET", "/data/projects/{w.other_id}", None),
    ("read its shot", "GET", "/data/shots/{w.other_shot.id}", None),
    ("read its shot as an entity", "GET", "/data/entities/{w.other_shot.id}", None),
    ("read its task", "GET", "/data/tasks/{w.other_task[id]}", None),
    ("read its task's comments", "GET", "/data/tasks/{w.other_task[id]}/comments", None),
    ("read its comment", "GET", "/data/comments/{w.other_comment[id]}", None),
    ("comment on its task", "POST", "/actions/tasks/{w.other_task[id]}/comment",
     lambda w: {"task_status_id": w.status["wip"], "comment": "intruder"}),
    ("log time on its task", "POST",
     "/actions/tasks/{w.other_task[id]}/time-spents/" + TODAY + "/persons/{me}",
     lambda w: {"duration": 60}),
    ("read its working files", "GET", "/data/tasks/{w.other_task[id]}/working-files", None),
    ("create a working file on its task", "POST",
     "/data/tasks/{w.other_task[id]}/working-files/new", lambda w: {"name": "main"}),
    ("read its shots list", "GET", "/data/projects/{w.other_id}/shots", None),
    ("read its team", "GET", "/data/projects/{w.other_id}/team", None),
]


def send(world, role, method, path, body):
    me = world.role_ids[role]
    url = path.format(w=world, me=me)
    return world.client.simulate_request(method, url, headers=world.role_headers[role],
                                         json=body(world) if body else None)


@pytest.mark.parametrize("role", ROLES)
def test_admin_only_operations(world, role):
    outcomes = {}
    for name, method, path, body in ADMIN_ONLY:
        outcomes[name] = send(world, role, method, path, body).status_code
    expected = ({name: "2xx" for name, *_ in ADMIN_ONLY} if role == "admin"
                else {name: 403 for name, *_ in ADMIN_ONLY})
    assert {name: "2xx" if 200 <= code < 300 else code
            for name, code in outcomes.items()} == expected


@pytest.mark.parametrize("role", ROLES[1:])
def test_another_projects_data_is_never_given(world, role):
    secrets = [world.other_id, world.other_shot.id, world.other_task["id"],
               world.other_comment["id"], "Secret Film", "secret note", "SH990"]
    leaks = {}
    for name, method, path, body in OTHER_PROJECT:
        result = send(world, role, method, path, body)
        if result.status_code not in (403, 404) or any(
                secret in result.text for secret in secrets):
            leaks[name] = (result.status_code, result.text[:200])
    assert leaks == {}


def test_the_admin_reaches_the_other_project(world):
    for name, method, path, body in OTHER_PROJECT:
        if method == "GET":
            assert send(world, "admin", method, path, body).status_code == 200, name
