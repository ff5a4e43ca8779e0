"""gazu 1.3.1, the official Zou client, against Dopesheet served by real gunicorn (2 workers):
once on a fresh SQLite file and once on PostgreSQL when DOPESHEET_TEST_DATABASE_URL is set.
One server per database for the whole session; tests create uniquely named data."""

import os
import secrets

import gazu
import pytest

from framework.testing import database_kinds
from tests.compat.recorder import Recorder
from tests.live_server import serve_on
from tests.smtp_sink import start_sink

ADMIN_EMAIL = "admin@compat.example.com"
ADMIN_PASSWORD = "compat admin password"
PASSWORD = "compat artist password"
RECORDER = pytest.StashKey[Recorder]()


@pytest.fixture(scope="session")
def _smtp_server():
    controller, sink = start_sink()
    yield controller, sink
    controller.stop()


@pytest.fixture(scope="session")
def mailbox(_smtp_server):
    """What the served Dopesheet mailed (``mailbox.wait_for(address)``): a real SMTP server
    in the test process."""
    return _smtp_server[1]


def _serve(kind, name, tmp_path_factory, postgres_schemas, smtp_server):
    """``(Servers, the started server)`` on a new database of ``kind`` named ``name``."""
    directory = tmp_path_factory.mktemp(f"{name}-{kind}")
    env = {"DOPESHEET_ADMIN_EMAIL": ADMIN_EMAIL, "DOPESHEET_ADMIN_PASSWORD": ADMIN_PASSWORD,
           "DOPESHEET_MAIL__HOST": "127.0.0.1",
           "DOPESHEET_MAIL__PORT": str(smtp_server[0].port)}
    servers, server = serve_on(kind, name, directory, postgres_schemas, env)
    server.database_kind = kind
    return servers, server


@pytest.fixture(scope="session", params=database_kinds())
def served(request, tmp_path_factory, _postgres_schemas, _smtp_server):
    servers, server = _serve(request.param, "compat", tmp_path_factory, _postgres_schemas,
                             _smtp_server)
    yield server
    servers.close()


@pytest.fixture(scope="session")
def other_served(served, tmp_path_factory, _postgres_schemas, _smtp_server):
    """A second Dopesheet on its own database of the same kind: the other instance of the
    tests moving data between two instances (``gazu.sync``'s push functions)."""
    servers, server = _serve(served.database_kind, "compat-other", tmp_path_factory,
                             _postgres_schemas, _smtp_server)
    yield server
    servers.close()


def unique(prefix):
    return f"{prefix} {secrets.token_hex(3)}"


def connect(served, email, password):
    """A gazu client of its own (gazu's module-level client is shared state), logged in."""
    client = gazu.client.create_client(f"{served.url}/api")
    gazu.log_in(email, password, client=client)
    return client


@pytest.fixture
def admin_of():
    """``admin_of(server)`` -> a gazu client of its own logged in as the admin of that served
    Dopesheet; every client it gave is logged out after the test."""
    clients = []

    def log_in(server):
        clients.append(connect(server, ADMIN_EMAIL, ADMIN_PASSWORD))
        return clients[-1]

    yield log_in
    for client in clients:
        gazu.log_out(client=client)


@pytest.fixture
def admin(served, admin_of):
    return admin_of(served)


@pytest.fixture
def new_person(served, admin):
    """``new_person(role)`` -> (person dict, a gazu client logged in as that person)."""

    def create(role="user"):
        email = f"{secrets.token_hex(4)}@compat.example.com"
        person = gazu.person.new_person("Art", unique("Ist"), email, role=role,
                                        password=PASSWORD, client=admin)
        return person, connect(served, email, PASSWORD)

    return create


@pytest.fixture(scope="session")
def _gazu_recorder(request):
    recorder = Recorder()
    recorder.install()
    request.config.stash[RECORDER] = recorder
    yield recorder
    recorder.uninstall()
    if os.environ.get("DOPESHEET_COMPAT_RECORD"):
        recorder.write(os.environ["DOPESHEET_COMPAT_RECORD"])


@pytest.fixture(autouse=True)
def _record_gazu_calls(request, _gazu_recorder):
    _gazu_recorder.current_test = request.node.nodeid
    yield
    _gazu_recorder.current_test = None


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    report = (yield).get_result()
    recorder = item.config.stash.get(RECORDER, None)
    if recorder is not None and (report.when == "call" or report.failed):
        recorder.outcome(item.nodeid, report.outcome)
