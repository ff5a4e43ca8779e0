"""Every piece of auth state lives in the database, so workers and hosts share it: revoked
tokens, login counters, reset tokens, TOTP steps, e-mail codes and FIDO challenges. First with
two app instances on one database, then with two real servers (``dopesheet serve``, separate
processes) on one SQLite file or PostgreSQL schema, mailing through the SMTP server named in
their environment."""

import secrets
import time
from urllib.parse import parse_qs, urlparse

import pyotp
import pytest

from tests.conftest import PASSWORD, Studio
from tests.live_server import Servers, environment, run
from tests.plugins.auth.helpers import (MAILED_CODE, WRONG_CREDENTIALS, auth_settings, bearer,
                                        enable_email_otp, enable_totp, login, totp_code)
from tests.plugins.auth.security_key import SecurityKey

EMAIL = "alice@example.com"
WRONG_FACTOR = {"error": True, "login": False, "wrong_OTP": True,
                "message": "Wrong two-factor authentication code."}


@pytest.fixture
def workers(app, same_database):
    first = Studio(app)
    first.person("user", email=EMAIL)
    return first, Studio(same_database())


def test_a_token_revoked_through_one_worker_is_refused_by_another(workers):
    first, second = workers
    tokens = first.login(EMAIL)
    assert second.client.simulate_get("/auth/authenticated",
                                      headers=bearer(tokens["access_token"])).status_code == 200
    assert first.client.simulate_get("/auth/logout",
                                     headers=bearer(tokens["access_token"])).status_code == 200
    assert second.client.simulate_get("/auth/authenticated",
                                      headers=bearer(tokens["access_token"])).status_code == 401
    assert second.client.simulate_get("/auth/refresh-token",
                                      headers=bearer(tokens["refresh_token"])).status_code == 401


def test_login_failures_count_on_every_worker(app, workers):
    first, second = workers
    for attempt in range(auth_settings(app)["lockout_attempts"]):
        login((first, second)[attempt % 2].client, EMAIL, "wrong password")
    assert login(first.client, EMAIL).json["too_many_failed_login_attemps"] is True
    assert login(second.client, EMAIL).json["too_many_failed_login_attemps"] is True


def test_second_factor_state_is_shared(workers, mailbox):
    first, second = workers
    headers = bearer(first.login(EMAIL)["access_token"])
    totp, _ = enable_totp(first.client, headers)
    code = totp_code(totp, 1)
    assert login(first.client, EMAIL, totp=code).status_code == 200
    assert login(second.client, EMAIL, totp=code).json == WRONG_FACTOR

    enable_email_otp(second.client, headers, mailbox, EMAIL)
    assert first.client.simulate_get("/auth/email-otp", params={"email": EMAIL}).status_code == 200
    mailed = mailbox.wait_for(EMAIL).find(MAILED_CODE)
    assert login(second.client, EMAIL, email_otp=mailed).status_code == 200

    key = SecurityKey()
    options = first.client.simulate_put("/auth/fido", headers=headers).json
    registered = second.client.simulate_post("/auth/fido", headers=headers, json={
        "registration_response": key.create(options), "device_name": "key"})
    assert registered.status_code == 200
    challenge = first.client.simulate_get("/auth/fido", params={"email": EMAIL}).json
    assertion = key.get(challenge)
    assert login(second.client, EMAIL, fido_authentication_response=assertion).status_code == 200
    assert login(first.client, EMAIL, fido_authentication_response=assertion).json == WRONG_FACTOR


def test_a_reset_token_mailed_by_one_worker_works_once_on_another(workers, mailbox):
    first, second = workers
    first.client.simulate_post("/auth/reset-password", json={"email": EMAIL})
    token = parse_qs(urlparse(mailbox.wait_for(EMAIL).find(r"(http\S+)")).query)["token"][0]
    new = {"email": EMAIL, "token": token, "password": "new passphrase", "password2":
           "new passphrase"}
    assert second.client.simulate_put("/auth/reset-password", json=new).status_code == 200
    assert first.client.simulate_put("/auth/reset-password", json=new).status_code == 400
    assert login(first.client, EMAIL, "new passphrase").status_code == 200


# -- two real servers ----------------------------------------------------------------------------

ADMIN_EMAIL = "admin@workers.example.com"


@pytest.fixture
def servers(database_kind, tmp_path, _postgres_schemas, smtp_server):
    controller, _ = smtp_server
    env = {"DOPESHEET_ADMIN_EMAIL": ADMIN_EMAIL, "DOPESHEET_ADMIN_PASSWORD": PASSWORD,
           "DOPESHEET_SERVER__WORKERS": "1", "DOPESHEET_MAIL__HOST": "127.0.0.1",
           "DOPESHEET_MAIL__PORT": str(controller.port)}
    if database_kind == "postgresql":
        env["DOPESHEET_DATABASE_URL"] = _postgres_schemas.url_for("auth-workers")
        env["DOPESHEET_SECRET_KEY"] = secrets.token_hex(32)
        seeded = run("init-data", env=environment(tmp_path, **env))
        assert seeded.returncode == 0, seeded.stderr
    running = Servers(tmp_path)
    try:
        yield running.start(**env), running.start(**env)
    finally:
        running.close()


def test_two_servers_share_every_piece_of_auth_state(servers, mailbox):
    first, second = servers
    admin = first.call("POST", "/auth/login", {"email": ADMIN_EMAIL, "password": PASSWORD})[1]
    status, _ = first.call("POST", "/data/persons", {
        "first_name": "Alice", "last_name": "Tester", "email": EMAIL, "password": PASSWORD},
        token=admin["access_token"])
    assert status == 201

    tokens = second.call("POST", "/auth/login", {"email": EMAIL, "password": PASSWORD})[1]
    assert first.call("GET", "/auth/authenticated", token=tokens["access_token"])[0] == 200
    assert second.call("GET", "/auth/logout", token=tokens["access_token"])[0] == 200
    assert first.call("GET", "/auth/authenticated", token=tokens["access_token"])[0] == 401
    assert first.call("GET", "/auth/refresh-token", token=tokens["refresh_token"])[0] == 401

    assert first.call("POST", "/auth/reset-password", {"email": EMAIL})[0] == 200
    link = urlparse(mailbox.wait_for(EMAIL).find(r"(http\S+)"))
    token = parse_qs(link.query)["token"][0]
    reset = {"email": EMAIL, "token": token, "password": "new passphrase",
             "password2": "new passphrase"}
    assert second.call("PUT", "/auth/reset-password", reset) == (200, {"success": True})
    assert first.call("PUT", "/auth/reset-password", reset)[0] == 400

    access = second.call("POST", "/auth/login", {"email": EMAIL,
                                                 "password": "new passphrase"})[1]["access_token"]
    secret = first.call("PUT", "/auth/totp", token=access)[1]["otp_secret"]
    totp = pyotp.TOTP(secret)
    assert second.call("POST", "/auth/totp", {"totp": totp.now()}, token=access)[0] == 200
    next_step = totp.at(time.time() + totp.interval)
    credentials = {"email": EMAIL, "password": "new passphrase", "totp": next_step}
    assert first.call("POST", "/auth/login", credentials)[0] == 200
    assert second.call("POST", "/auth/login", credentials) == (400, WRONG_FACTOR)
    assert first.call("POST", "/auth/login", {"email": EMAIL, "password": "wrong"})[1] == (
        WRONG_CREDENTIALS)
