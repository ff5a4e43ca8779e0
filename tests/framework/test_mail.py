"""framework.mail: the [mail] section, delivery after commit, SMTP (plain, STARTTLS, SMTPS,
login) against a real in-process SMTP server, failures that never reach the request, and the
outbox of an install without SMTP."""

import datetime
import ipaddress
import logging
import ssl
from email import message_from_bytes, policy

import falcon.testing
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from framework import db, mail, send_mail
from framework.app import StartupError
from framework.events import current_dopesheet
from tests.framework.plugin_factory import plugin_module
from tests.live_server import free_port
from tests.smtp_sink import start_sink

MAILING_PLUGIN = '''
from framework import BadRequest, read_json_object, send_mail


class Mailing:
    @operation("Send a mail, then fail when asked to", auth=False)
    def on_post(self, req, resp):
        body = read_json_object(req)
        send_mail(body["to"], "Hello", "A body with a token: ABC123")
        if body.get("fail"):
            raise BadRequest("refused after queuing")
        resp.media = {"queued": True}


@hookimpl
def register_routes():
    return [Route("/mailing", Mailing())]
'''


@pytest.fixture
def sink():
    controller, received = start_sink()
    yield received, controller.port
    mail.drain()
    controller.stop()


def mailing_app(register_plugin, mail_settings):
    app = register_plugin("mailing", plugin_module("mailing", MAILING_PLUGIN),
                          {"mail": mail_settings})
    return falcon.testing.TestClient(app)


def post(client, to, fail=False):
    return client.simulate_post("/mailing", json={"to": to, "fail": fail})


def test_defaults_send_nothing_over_smtp(make_app):
    settings = make_app().dopesheet.settings["mail"]
    assert settings["host"] == ""
    assert (settings["port"], settings["use_tls"], settings["starttls"]) == (25, False, False)
    assert settings["username"] == settings["password"] == ""


def test_smtps_and_starttls_together_refuse_to_start(make_app):
    with pytest.raises(StartupError, match="mail.starttls"):
        make_app({"mail": {"use_tls": True, "starttls": True}})


def test_the_environment_points_a_server_at_an_smtp_server(tmp_path):
    from framework.app import build_context

    config = tmp_path / "empty.toml"
    config.write_text("")
    context = build_context(environ={
        "DOPESHEET_CONFIG": str(config), "DOPESHEET_DATABASE_URL": f"sqlite:///{tmp_path}/x.db",
        "DOPESHEET_MAIL__HOST": "127.0.0.1", "DOPESHEET_MAIL__PORT": "2525",
        "DOPESHEET_MAIL__PASSWORD": "from the environment"})
    assert context.settings["mail"]["host"] == "127.0.0.1"
    assert context.settings["mail"]["port"] == 2525
    assert context.settings["mail"]["password"] == "from the environment"


def test_a_mail_leaves_after_the_request_commits(register_plugin, sink):
    received, port = sink
    client = mailing_app(register_plugin, {"host": "127.0.0.1", "port": port,
                                           "sender": "Studio <studio@example.com>"})
    assert post(client, "alice@example.com").json == {"queued": True}
    delivered = received.wait_for("alice@example.com")
    assert delivered.subject == "Hello"
    assert delivered.message["From"] == "Studio <studio@example.com>"
    assert "ABC123" in delivered.body


def test_a_refused_request_sends_nothing(register_plugin, sink):
    received, port = sink
    client = mailing_app(register_plugin, {"host": "127.0.0.1", "port": port})
    assert post(client, "alice@example.com", fail=True).status_code == 400
    mail.drain()
    assert received.mails == []


def test_mail_in_a_rolled_back_transaction_is_dropped(make_app, sink):
    received, port = sink
    app = make_app({"mail": {"host": "127.0.0.1", "port": port}})
    with app.dopesheet.activated():
        with pytest.raises(RuntimeError):
            with db.atomic():
                send_mail("dropped@example.com", "Dropped", "never sent")
                raise RuntimeError("roll back")
        with db.atomic():
            send_mail("kept@example.com", "Kept", "sent after the commit")
            mail.drain()
            assert received.mails == []
    assert received.wait_for("kept@example.com").subject == "Kept"
    assert received.to("dropped@example.com") == []


def test_send_mail_needs_an_application():
    outside = current_dopesheet.set(None)
    try:
        with pytest.raises(RuntimeError, match="outside a Dopesheet request"):
            send_mail("alice@example.com", "Subject", "Body")
    finally:
        current_dopesheet.reset(outside)


def test_a_dead_smtp_server_is_logged_and_the_request_succeeds(register_plugin, caplog):
    client = mailing_app(register_plugin, {"host": "127.0.0.1", "port": free_port(),
                                           "timeout_seconds": 2})
    with caplog.at_level(logging.ERROR, logger="dopesheet.mail"):
        result = post(client, "alice@example.com")
        mail.drain()
    assert result.status_code == 200
    failures = [record for record in caplog.records if record.name == "dopesheet.mail"]
    assert len(failures) == 1
    assert "alice@example.com" in failures[0].getMessage()
    assert "ABC123" not in caplog.text
    assert failures[0].request_id == result.headers["X-Request-ID"]


def test_an_unusable_address_is_logged_and_the_request_succeeds(register_plugin, sink, caplog):
    received, port = sink
    client = mailing_app(register_plugin, {"host": "127.0.0.1", "port": port})
    with caplog.at_level(logging.ERROR, logger="dopesheet.mail"):
        result = post(client, "alice@example.com\r\nBcc: everyone@example.com")
        mail.drain()
    assert result.status_code == 200
    assert "not delivered" in caplog.text
    assert received.mails == []


def _certificate(directory):
    """A self-signed certificate for 127.0.0.1, trusted through SSL_CERT_FILE."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    certificate = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
                   .public_key(key.public_key()).serial_number(x509.random_serial_number())
                   .not_valid_before(now - datetime.timedelta(minutes=1))
                   .not_valid_after(now + datetime.timedelta(hours=1))
                   .add_extension(x509.SubjectAlternativeName(
                       [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
                   .add_extension(x509.BasicConstraints(ca=True, path_length=None),
                                  critical=True)
                   .sign(key, hashes.SHA256()))
    cert_path, key_path = directory / "cert.pem", directory / "key.pem"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    server = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    server.load_cert_chain(cert_path, key_path)
    return cert_path, server


@pytest.mark.parametrize("kind", ["starttls", "use_tls"])
def test_tls_and_login(register_plugin, tmp_path, monkeypatch, kind):
    cert_path, server_context = _certificate(tmp_path)
    monkeypatch.setenv("SSL_CERT_FILE", str(cert_path))
    # aiosmtpd only knows a connection is encrypted when STARTTLS made it so.
    tls = ({"tls_context": server_context, "require_starttls": True} if kind == "starttls"
           else {"ssl_context": server_context, "auth_require_tls": False})
    controller, received = start_sink(credentials=("mailer", "s3cret"), **tls)
    try:
        client = mailing_app(register_plugin, {
            "host": "127.0.0.1", "port": controller.port, kind: True,
            "username": "mailer", "password": "s3cret"})
        assert post(client, "alice@example.com").status_code == 200
        assert received.wait_for("alice@example.com").subject == "Hello"
        assert received.logins == [("mailer", "s3cret")]
    finally:
        mail.drain()
        controller.stop()


def test_without_a_host_mails_go_to_the_outbox_and_the_log(make_app, tmp_path, caplog):
    app = make_app()
    if app.dopesheet.settings["database"]["url"].startswith("sqlite"):
        expected = tmp_path / "outbox"
    else:
        app = make_app({"mail": {"outbox": str(tmp_path / "mails")}})
        expected = tmp_path / "mails"
    with caplog.at_level(logging.INFO, logger="dopesheet.mail"):
        with app.dopesheet.activated():
            send_mail("alice@example.com", "Your code", "The code is 424242.")
        mail.drain()
    files = list(expected.glob("*.eml"))
    assert len(files) == 1
    assert files[0].stat().st_mode & 0o777 == 0o600
    written = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    assert written["To"] == "alice@example.com"
    assert "424242" in written.get_content()
    assert str(files[0]) in caplog.text and "alice@example.com" in caplog.text
    assert "424242" not in caplog.text
