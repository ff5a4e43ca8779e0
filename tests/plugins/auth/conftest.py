"""Fixtures of the auth tests: a real SMTP server every test app mails to, and the calls made
to the app's password hasher."""

import argon2
import pytest

from framework import mail
from framework.app import create_app
from framework.db import release_connections
from framework.testing import _merge
from plugins.auth.runtime import runtime
from tests.conftest import FAST_HASHING
from tests.plugins.auth.helpers import ALICE
from tests.smtp_sink import start_sink


@pytest.fixture(scope="session")
def smtp_server():
    controller, sink = start_sink()
    yield controller, sink
    mail.drain()
    controller.stop()


@pytest.fixture(scope="session")
def app_overrides(smtp_server):
    controller, _ = smtp_server
    return {"plugins": {"auth": dict(FAST_HASHING)},
            "mail": {"host": "127.0.0.1", "port": controller.port}}


@pytest.fixture(autouse=True)
def mailbox(smtp_server):
    """What the apps of this test mailed (earlier tests' mails delivered and forgotten)."""
    _, sink = smtp_server
    mail.drain()
    sink.clear()
    yield sink
    mail.drain()


@pytest.fixture
def alice(studio):
    return studio.person("user", email=ALICE)


@pytest.fixture
def headers(studio, alice):
    """Alice's session, opened before any second factor."""
    return studio.headers(alice)


@pytest.fixture
def verify_calls(app, monkeypatch):
    """The hashes given to the app's ``PasswordHasher.verify``, one entry per call."""
    hasher = runtime(app.dopesheet).passwords.hasher
    original = argon2.PasswordHasher.verify
    calls = []

    def counting(self, hash, password):
        if self is hasher:
            calls.append(hash)
        return original(self, hash, password)

    monkeypatch.setattr(argon2.PasswordHasher, "verify", counting)
    return calls


@pytest.fixture
def same_database(app, app_overrides, tmp_path):
    """``same_database(overrides)``: another app (another worker, another host) on the
    database of ``app``, with the same signing key."""
    config = tmp_path / "second-worker.toml"
    config.write_text("")
    built = []

    def build(overrides=None):
        settings = _merge(app_overrides, {
            "database": {"url": app.dopesheet.settings["database"]["url"]},
            "security": {"secret_key": app.dopesheet.secret_key}})
        built.append(create_app(_merge(settings, overrides),
                                environ={"DOPESHEET_CONFIG": str(config)}))
        return built[-1]

    yield build
    for other in built:
        release_connections(other.dopesheet.database)
