"""Revisions under concurrency, against real gunicorn workers (tests/live_server.py) on
SQLite and, with DOPESHEET_TEST_DATABASE_URL, on PostgreSQL: 20 requests sent at once
never get the same revision, and never leave two rows with one."""

import json
import secrets
import threading
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest

from framework.testing import database_kinds
from tests.live_server import serve_on

PARALLEL = 20
ADMIN = {"email": "admin@race.example.com", "password": "race admin password"}


@pytest.fixture(scope="module", params=database_kinds())
def served(request, tmp_path_factory, _postgres_schemas):
    directory = tmp_path_factory.mktemp(f"files-race-{request.param}")
    env = {"DOPESHEET_ADMIN_EMAIL": ADMIN["email"],
           "DOPESHEET_ADMIN_PASSWORD": ADMIN["password"], "DOPESHEET_SERVER__WORKERS": "4"}
    servers, server = serve_on(request.param, "files-race", directory, _postgres_schemas, env)
    yield server
    servers.close()


class Session:
    """JSON calls as the admin, each on its own connection."""

    def __init__(self, server):
        self.url = server.url
        self.token = self.call("POST", "/auth/login", ADMIN, token=None)[1]["access_token"]

    def call(self, method, path, body=None, token=""):
        headers = {"Content-Type": "application/json"}
        token = self.token if token == "" else token
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.url + path, method=method, headers=headers,
                                         data=None if body is None else json.dumps(body).encode())
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            with error:
                return error.code, json.loads(error.read())

    def ok(self, method, path, body=None):
        status, answer = self.call(method, path, body)
        assert status in (200, 201), (method, path, status, answer)
        return answer


@pytest.fixture(scope="module")
def production(served):
    """A project with an asset, its modeling task and an output type, made through the API."""
    session = Session(served)
    tag = secrets.token_hex(3)
    project = session.ok("POST", "/data/projects", {"name": f"Race {tag}"})
    asset_type = session.ok("GET", "/data/asset-types")[0]
    task_type = next(item for item in session.ok("GET", "/data/task-types")
                     if item["name"] == "Modeling")
    session.ok("POST", f"/data/projects/{project['id']}/settings/task-types",
               {"task_type_id": task_type["id"]})
    asset = session.ok("POST", f"/data/projects/{project['id']}/asset-types/"
                               f"{asset_type['id']}/assets/new", {"name": f"Hero {tag}"})
    task = session.ok("POST", f"/actions/projects/{project['id']}/task-types/"
                              f"{task_type['id']}/assets/create-tasks", [asset["id"]])[0]
    output_type = session.ok("POST", "/data/output-types", {"name": f"Geometry {tag}",
                                                            "short_name": "geo"})
    return session, asset, task, {"output_type_id": output_type["id"],
                                  "task_type_id": task_type["id"]}


def all_at_once(action):
    """``action()`` run by PARALLEL threads released together; their results."""
    barrier = threading.Barrier(PARALLEL)

    def released():
        barrier.wait()
        return action()

    with ThreadPoolExecutor(PARALLEL) as pool:
        return list(pool.map(lambda _: released(), range(PARALLEL)))


def test_parallel_new_output_files_get_distinct_revisions(production):
    session, asset, _, key = production
    path = f"/data/entities/{asset['id']}/output-files/new"
    body = {**key, "name": "auto"}
    answers = all_at_once(lambda: session.call("POST", path, body))
    assert [status for status, _ in answers] == [201] * PARALLEL
    assert sorted(answer["revision"] for _, answer in answers) == list(
        range(1, PARALLEL + 1))


def test_parallel_next_revision_then_new_never_duplicates(production):
    """What gazu scripts do: ask the next revision, then publish it. Requests that lose
    the race are refused; no revision is stored twice."""
    session, asset, _, key = production
    base = f"/data/entities/{asset['id']}/output-files"
    body = {**key, "name": "asked"}

    def publish_next():
        _, asked = session.call("POST", f"{base}/next-revision", body)
        return session.call("POST", f"{base}/new", {**body,
                                                     "revision": asked["next_revision"]})

    answers = all_at_once(publish_next)
    created = [answer["revision"] for status, answer in answers if status == 201]
    refused = [answer["message"] for status, answer in answers if status != 201]
    assert refused == ["The given output file already exists."] * len(refused)
    assert len(created) == len(set(created)) >= 1
    stored = [item["revision"] for item in session.ok("GET", f"{base}?name=asked")]
    assert sorted(stored) == sorted(created)


def test_parallel_next_revisions_follow_the_stored_ones(production):
    session, asset, _, key = production
    path = f"/data/entities/{asset['id']}/output-files"
    body = {**key, "name": "counted"}
    session.ok("POST", f"{path}/new", body)
    answers = all_at_once(lambda: session.call("POST", f"{path}/next-revision", body))
    assert answers == [(200, {"next_revision": 2})] * PARALLEL


def test_parallel_new_working_files_get_distinct_revisions(production):
    session, _, task, _ = production
    path = f"/data/tasks/{task['id']}/working-files/new"
    answers = all_at_once(lambda: session.call("POST", path, {"name": "main"}))
    assert [status for status, _ in answers] == [201] * PARALLEL
    assert sorted(answer["revision"] for _, answer in answers) == list(
        range(1, PARALLEL + 1))
