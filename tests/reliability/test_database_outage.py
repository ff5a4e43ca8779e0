"""PostgreSQL stopped under load and started again, with Dopesheet under gunicorn (2 workers)
on a throwaway cluster this test creates with ``initdb`` on a free port: requests during the
outage get a clean 503 with the standard error body, the app recovers without a restart, and
every write that was answered 2xx is in the database afterwards."""

import os
import secrets
import shutil
import subprocess
import tempfile
import threading
import time
from pathlib import Path

import psycopg
import pytest

from tests.live_server import Servers, environment, free_port, run

PG_BIN = next(iter(sorted(Path("/usr/lib/postgresql").glob("*/bin"))), None)
ADMIN = {"DOPESHEET_ADMIN_EMAIL": "admin@outage.example.com",
         "DOPESHEET_ADMIN_PASSWORD": "outage admin password"}
WRITERS = 4
ANSWERS_DURING_OUTAGE = 20

pytestmark = pytest.mark.skipif(PG_BIN is None or (os.geteuid() == 0 and not shutil.which(
    "runuser")), reason="needs PostgreSQL's initdb (and runuser when run as root)")


class Cluster:
    """A private PostgreSQL cluster: data directory and socket in a temporary folder."""

    def __init__(self):
        self.directory = Path(tempfile.mkdtemp(prefix="dopesheet-outage-"))
        self.port = free_port()
        self.url = f"postgresql://postgres@127.0.0.1:{self.port}/outage"
        if os.geteuid() == 0:
            shutil.chown(self.directory, "postgres", "postgres")
        self.as_owner(str(PG_BIN / "initdb"), "-D", str(self.directory / "data"), "-U",
                      "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
        self.start()
        with psycopg.connect(f"postgresql://postgres@127.0.0.1:{self.port}/postgres",
                             autocommit=True) as admin:
            admin.execute("CREATE DATABASE outage")

    def as_owner(self, *command):
        prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        subprocess.run(prefix + list(command), check=True, capture_output=True, timeout=120)

    def pg_ctl(self, *args):
        self.as_owner(str(PG_BIN / "pg_ctl"), "-D", str(self.directory / "data"), "-w",
                      "-t", "60", *args)

    def start(self):
        self.pg_ctl("-l", str(self.directory / "postgres.log"), "-o",
                    f"-p {self.port} -k {self.directory} -c listen_addresses=127.0.0.1", "start")

    def stop(self):
        self.pg_ctl("-m", "fast", "stop")

    def query(self, sql):
        with psycopg.connect(self.url) as connection:
            return connection.execute(sql).fetchall()

    def remove(self):
        try:
            self.stop()
        except subprocess.CalledProcessError:
            pass
        shutil.rmtree(self.directory, ignore_errors=True)


@pytest.fixture
def cluster():
    created = Cluster()
    yield created
    created.remove()


@pytest.fixture
def served(cluster, tmp_path):
    env = {**ADMIN, "DOPESHEET_DATABASE_URL": cluster.url,
           "DOPESHEET_SECRET_KEY": secrets.token_hex(32),
           "DOPESHEET_DATABASE__CONNECT_TIMEOUT": "2", "DOPESHEET_DATABASE__POOL_TIMEOUT": "2"}
    servers = Servers(tmp_path)
    seeded = run("init-data", env=environment(tmp_path, **env))
    assert seeded.returncode == 0, seeded.stderr
    yield servers.start(**env)
    servers.close()


class Load:
    """Writer threads creating departments until stopped: every answer kept."""

    def __init__(self, server, token):
        self.server, self.token = server, token
        self.answers = []  # (status, body, name)
        self.failures = []
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.threads = [threading.Thread(target=self.write, args=(index,))
                        for index in range(WRITERS)]

    def write(self, writer):
        number = 0
        while not self.stopping.is_set():
            number += 1
            name = f"load {writer}-{number}"
            try:
                status, body = self.server.call("POST", "/data/departments",
                                                {"name": name, "color": ""}, self.token)
            except Exception as error:  # no answer at all is a failure of the test
                with self.lock:
                    self.failures.append(repr(error))
                continue
            with self.lock:
                self.answers.append((status, body, name))

    def count(self, status):
        with self.lock:
            return sum(1 for answer in self.answers if answer[0] == status)

    def wait_for(self, status, at_least):
        deadline = time.monotonic() + 120
        while self.count(status) < at_least and time.monotonic() < deadline:
            time.sleep(0.05)
        assert self.count(status) >= at_least, (status, self.count(status))


def test_a_database_outage_is_a_clean_503_and_loses_no_acknowledged_write(cluster, served):
    status, tokens = served.call("POST", "/auth/login", {
        "email": ADMIN["DOPESHEET_ADMIN_EMAIL"], "password": ADMIN["DOPESHEET_ADMIN_PASSWORD"]})
    assert status == 200
    load = Load(served, tokens["access_token"])
    for thread in load.threads:
        thread.start()
    try:
        load.wait_for(201, 20)
        cluster.stop()
        before_outage = load.count(201)
        load.wait_for(503, ANSWERS_DURING_OUTAGE)
        status, health = served.call("GET", "/status")
        assert status == 503 or (health["database-up"], health["database-version"]) == (
            False, None)
        cluster.start()
        load.wait_for(201, before_outage + 20)
    finally:
        load.stopping.set()
        for thread in load.threads:
            thread.join()

    assert load.failures == []
    statuses = {answer[0] for answer in load.answers}
    assert statuses <= {201, 503}, served.output
    for status, body, _ in load.answers:
        if status == 503:
            assert body["error"] is True and body["message"]
    acknowledged = {name for status, _, name in load.answers if status == 201}
    stored = {row[0] for row in cluster.query("SELECT name FROM department")}
    assert acknowledged <= stored
    print(f"\nwrites acknowledged and verified: {len(acknowledged)}, answers during the "
          f"outage: {load.count(503)} (all 503), requests: {len(load.answers)}")
