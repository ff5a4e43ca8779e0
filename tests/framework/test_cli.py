"""The ``dopesheet`` command, run as a user runs it: the console script in a subprocess."""

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import falcon.testing
import pytest

from framework.app import create_app
from framework.plugins import BUILTIN_PLUGINS
from tests.live_server import Servers, environment, free_port, run

EMAIL = "boss@example.com"
PASSWORD = "a long enough password"
GENERATED = re.compile(r"^Created admin admin@example\.com with password: (\S+)$", re.M)


@pytest.fixture
def servers(tmp_path):
    servers = Servers(tmp_path)
    yield servers
    servers.close()


@pytest.fixture
def env(tmp_path):
    return environment(tmp_path)


def login(server, email, password, prefix=""):
    status, body = server.call("POST", f"{prefix}/auth/login",
                               {"email": email, "password": password})
    assert status == 200, body
    return body


def plugin_states(output):
    return dict(re.findall(r"^(\S+) .* (enabled|disabled \(.+\))$", output, re.M))


def test_serve_creates_the_schema_and_the_admin_and_answers_http(servers, env):
    server = servers.start(DOPESHEET_ADMIN_EMAIL=EMAIL, DOPESHEET_ADMIN_PASSWORD=PASSWORD)
    assert f"Created admin {EMAIL}\n" in server.output
    assert PASSWORD not in server.output
    for prefix in ("", "/api"):
        tokens = login(server, EMAIL, PASSWORD, prefix)
        assert tokens["login"] is True and tokens["refresh_token"]
        token = tokens["access_token"]
        status, body = server.call("GET", f"{prefix}/auth/authenticated", token=token)
        assert (status, body["authenticated"], body["user"]["email"]) == (200, True, EMAIL)
        status, persons = server.call("GET", f"{prefix}/data/persons", token=token)
        assert status == 200
        assert [(person["email"], person["role"]) for person in persons] == [(EMAIL, "admin")]
        assert server.call("GET", f"{prefix}/data/persons")[0] == 401
    assert run("init-db", env=env).stdout == "schema up to date\n"


def test_generated_admin_password_is_printed_once_and_a_restart_adds_no_admin(servers):
    first = servers.start()
    passwords = GENERATED.findall(first.output)
    assert len(passwords) == 1, first.output
    token = login(first, "admin@example.com", passwords[0])["access_token"]
    first.stop()
    assert GENERATED.findall(first.output) == passwords, "printed again by a worker"

    second = servers.start()
    assert "Created admin" not in second.output
    status, persons = second.call("GET", "/data/persons", token=token)
    assert status == 200
    assert [person["email"] for person in persons] == ["admin@example.com"]
    login(second, "admin@example.com", passwords[0])


def test_init_db_creates_the_schema_then_has_nothing_to_do(env):
    first = run("init-db", env=env)
    assert first.returncode == 0, first.stderr
    created = re.fullmatch(r"created tables: (.*)\n", first.stdout)
    assert created and {"person", "auth_credential"} <= set(created.group(1).split(", "))
    second = run("init-db", env=env)
    assert (second.returncode, second.stdout) == (0, "schema up to date\n")


def test_plugins_lists_each_plugin_and_its_state(env):
    listed = run("plugins", env=env)
    assert listed.returncode == 0, listed.stderr
    states = plugin_states(listed.stdout)
    assert set(states) == {"core", *BUILTIN_PLUGINS}
    assert set(states.values()) == {"enabled"}
    env["DOPESHEET_PLUGINS__DISABLED"] = "auth"
    listed = run("plugins", env=env)
    assert plugin_states(listed.stdout) == {**states,
                                            "auth": "disabled (disabled in [plugins])"}


def test_routes_lists_each_route_with_its_methods_and_plugin(env):
    listed = run("routes", env=env)
    assert listed.returncode == 0, listed.stderr
    rows = {template: (methods, plugin) for methods, template, plugin
            in (line.split() for line in listed.stdout.splitlines())}
    assert rows["/data/persons"] == ("GET,POST", "persons")
    assert rows["/data/persons/{instance_id}"] == ("GET,PUT,DELETE", "persons")
    assert rows["/auth/login"] == ("POST", "auth")
    assert rows["/"] == ("GET,HEAD", "core")


def test_create_admin_makes_a_user_who_can_log_in_once(env):
    created = run("create-admin", "x@example.com", "--password", PASSWORD, env=env)
    assert (created.returncode, created.stdout) == (0, "Admin x@example.com created.\n")
    again = run("create-admin", "x@example.com", "--password", "another password", env=env)
    assert (again.returncode, again.stdout) == (0, "x@example.com already exists.\n")

    client = falcon.testing.TestClient(create_app(environ=env))
    result = client.simulate_post("/auth/login",
                                  json={"email": "x@example.com", "password": PASSWORD})
    assert result.status_code == 200, result.text
    assert result.json["user"]["role"] == "admin"
    refused = client.simulate_post("/auth/login",
                                   json={"email": "x@example.com", "password": "another password"})
    assert refused.status_code == 400


def test_an_invalid_setting_stops_with_one_line_and_status_2(env):
    env["DOPESHEET_DATABASE__POOL_SIZE"] = "abc"
    result = run("serve", "--port", str(free_port()), env=env)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "database.pool_size = 'abc'" in lines[0]
    assert "DOPESHEET_DATABASE__POOL_SIZE" in lines[0]


def test_plain_gunicorn_runs_the_app_factory(env, tmp_path):
    port = free_port()
    gunicorn = str(Path(sys.executable).with_name("gunicorn"))
    log = tmp_path / "gunicorn.log"
    with open(log, "wb") as output:
        process = subprocess.Popen(
            [gunicorn, "--bind", f"127.0.0.1:{port}", "--workers", "2",
             "framework.app:create_app()"], env=env, cwd=env["XDG_RUNTIME_DIR"],
            stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/", timeout=2) as answer:
                    assert json.loads(answer.read()) == {"api": "Dopesheet", "version": "0.1.0"}
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, log.read_text()
                time.sleep(0.05)
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
