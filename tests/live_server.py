"""Run the real ``dopesheet`` console script in subprocesses: a temporary SQLite database, an
empty configuration file, fast password hashing, and every server stopped at the end."""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

DOPESHEET = str(Path(sys.executable).with_name("dopesheet"))
FAST_HASHING = {
    "DOPESHEET_PLUGINS__AUTH__ARGON2_TIME_COST": "1",
    "DOPESHEET_PLUGINS__AUTH__ARGON2_MEMORY_COST": "8",
    "DOPESHEET_PLUGINS__AUTH__ARGON2_PARALLELISM": "1",
}
START_TIMEOUT = 30


def environment(directory, **extra):
    """The caller's environment without its DOPESHEET_* variables (and with Python's default
    output buffering, as a user runs it), plus a database and an empty configuration file in
    ``directory`` (gunicorn's control socket goes there too)."""
    config = Path(directory) / "dopesheet.toml"
    config.touch()
    env = {key: value for key, value in os.environ.items()
           if not key.startswith("DOPESHEET_") and key != "PYTHONUNBUFFERED"}
    env.update(FAST_HASHING, DOPESHEET_CONFIG=str(config),
               DOPESHEET_DATABASE_URL=f"sqlite:///{Path(directory) / 'dopesheet.db'}",
               XDG_RUNTIME_DIR=str(directory))
    env.update(extra)
    return env


def run(*args, env):
    """``dopesheet <args>`` to completion: ``CompletedProcess`` with text output."""
    return subprocess.run([DOPESHEET, *args], env=env, cwd=env["XDG_RUNTIME_DIR"],
                          capture_output=True, text=True, timeout=120)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """One ``dopesheet serve`` process (gunicorn master and workers in one process group)."""

    def __init__(self, env, log_path):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        with open(log_path, "wb") as log:
            self.process = subprocess.Popen(
                [DOPESHEET, "serve", "--host", "127.0.0.1", "--port", str(self.port)],
                env=env, cwd=env["XDG_RUNTIME_DIR"], stdout=log, stderr=subprocess.STDOUT,
                start_new_session=True)

    @property
    def output(self):
        return self.log_path.read_text()

    def wait_ready(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"dopesheet serve exited with {self.process.returncode}:"
                                     f"\n{self.output}")
            try:
                if self.call("GET", "/status")[0] == 200:
                    return self
            except OSError:
                pass
            time.sleep(0.05)
        raise AssertionError(f"dopesheet serve not ready after {START_TIMEOUT}s:\n{self.output}")

    def call(self, method, path, body=None, token=None):
        """``(status, decoded JSON body)`` of one real HTTP request."""
        headers = {"Content-Type": "application/json"} if body is not None else {}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.url + path, method=method, headers=headers,
                                         data=None if body is None else json.dumps(body).encode())
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            with error:
                return error.code, json.loads(error.read() or b"null")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


class Servers:
    """Starts servers on one database; ``close()`` stops every one of them."""

    def __init__(self, directory):
        self.directory = Path(directory)
        self.started = []

    def start(self, **env):
        server = Server(environment(self.directory, **env),
                        self.directory / f"serve-{len(self.started)}.log")
        self.started.append(server)
        return server.wait_ready()

    def close(self):
        for server in self.started:
            server.stop()


def serve_on(kind, name, directory, postgres_schemas, env):
    """``(Servers, the started server)`` on a new database of ``kind``: a SQLite file in
    ``directory``, or the PostgreSQL test schema ``name`` filled by ``init-data``."""
    env = dict(env)
    if kind == "postgresql":
        env["DOPESHEET_DATABASE_URL"] = postgres_schemas.url_for(name)
        env["DOPESHEET_SECRET_KEY"] = secrets.token_hex(32)
        seeded = run("init-data", env=environment(directory, **env))
        assert seeded.returncode == 0, seeded.stderr
    servers = Servers(directory)
    return servers, servers.start(**env)
