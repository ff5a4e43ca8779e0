"""Password reset by mail and password change (AUTH.md §5.3 properties 15, 18 to 21, 23, 24;
zou/behaviour.md A.2 default password and A.4). Reset tokens are read out of the mails a real
SMTP server received."""

import hashlib
import math
from urllib.parse import parse_qs, urlparse

import pytest

from framework import mail
from plugins.auth.models import ResetToken
from plugins.auth.reset import TOKEN_ALPHABET, TOKEN_LENGTH
from tests.conftest import PASSWORD
from tests.plugins.auth.helpers import (ALICE, BROWSER, WRONG_CREDENTIALS, auth_settings, bearer,
                                        database_text, enable_totp, failed_count, login, totp_code)

NEW_PASSWORD = "a brand new passphrase"
SENT = b'{"success":"Reset token sent"}'
WRONG_TOKEN = {"error": True, "message": "Wrong or expired token."}
RESET_LINK = r"(http\S+reset-change-password\S+)"


def request_reset(client, email=ALICE):
    return client.simulate_post("/auth/reset-password", json={"email": email})


def mailed_token(client, mailbox, email=ALICE):
    assert request_reset(client, email).content == SENT
    link = urlparse(mailbox.wait_for(email).find(RESET_LINK))
    query = parse_qs(link.query)
    assert query["email"] == [email]
    return query["token"][0]


def reset(client, token, password=NEW_PASSWORD, confirmation=None, email=ALICE):
    return client.simulate_put("/auth/reset-password", json={
        "email": email, "token": token, "password": password,
        "password2": password if confirmation is None else confirmation})


def change(client, headers, old=PASSWORD, new=NEW_PASSWORD, confirmation=None):
    return client.simulate_post("/auth/change-password", headers=headers, json={
        "old_password": old, "password": new,
        "password_2": new if confirmation is None else confirmation})


# -- asking for a reset (properties 18 and 19) ------------------------------------------------

def test_reset_request_answers_alike_and_mails_only_an_active_account(studio, alice, mailbox):
    """Property 18."""
    studio.person("user", email="gone@example.com", active=False)
    answers = [request_reset(studio.client, email)
               for email in ("nobody@example.com", "gone@example.com", ALICE)]
    assert {answer.status_code for answer in answers} == {200}
    assert {answer.content for answer in answers} == {SENT}
    assert "reset-change-password" in mailbox.wait_for(ALICE).body
    mail.drain()
    assert [mail_.recipients for mail_ in mailbox.mails] == [[ALICE]]


def test_the_mailed_link_points_at_the_configured_front_end(app, studio, alice, mailbox):
    request_reset(studio.client)
    link = urlparse(mailbox.wait_for(ALICE).find(RESET_LINK))
    public = urlparse(auth_settings(app)["public_url"])
    assert (link.scheme, link.netloc, link.path) == (public.scheme, public.netloc,
                                                     "/reset-change-password")


def test_the_token_is_strong_and_only_its_digest_is_stored(app, studio, alice, mailbox):
    """Property 19: ≥ 128 bits from ``secrets``; the database holds its SHA-256 only."""
    assert TOKEN_LENGTH * math.log2(len(TOKEN_ALPHABET)) >= 128
    token = mailed_token(studio.client, mailbox)
    assert len(token) == TOKEN_LENGTH and set(token) <= set(TOKEN_ALPHABET)
    with app.dopesheet.activated():
        assert ResetToken.get().digest == hashlib.sha256(token.encode()).hexdigest()
    assert token not in database_text(app)
    assert mailed_token(studio.client, mailbox) != token


# -- using the token (properties 20, 21, 23) --------------------------------------------------

def test_a_token_resets_the_password_once(studio, alice, mailbox):
    """Property 20: single use."""
    token = mailed_token(studio.client, mailbox)
    result = reset(studio.client, token)
    assert result.status_code == 200
    assert result.json == {"success": True}
    assert login(studio.client, ALICE, NEW_PASSWORD).status_code == 200
    assert login(studio.client, ALICE).json == WRONG_CREDENTIALS
    assert reset(studio.client, token, "yet another passphrase").json == WRONG_TOKEN
    assert login(studio.client, ALICE, NEW_PASSWORD).status_code == 200


def test_a_token_expires(app, studio, alice, mailbox, clock_control):
    """Property 20: after the configured hours."""
    token = mailed_token(studio.client, mailbox)
    clock_control.advance(hours=auth_settings(app)["reset_token_hours"])
    assert reset(studio.client, token).json == WRONG_TOKEN
    token = mailed_token(studio.client, mailbox)
    clock_control.advance(hours=auth_settings(app)["reset_token_hours"], minutes=-1)
    assert reset(studio.client, token).status_code == 200


def test_a_token_works_for_its_own_address_only(studio, alice, mailbox):
    """Property 20: with another e-mail."""
    studio.person("user", email="bob@example.com")
    token = mailed_token(studio.client, mailbox)
    result = reset(studio.client, token, email="bob@example.com")
    assert result.status_code == 400
    assert result.json == WRONG_TOKEN
    assert reset(studio.client, token, email="nobody@example.com").json == WRONG_TOKEN
    assert login(studio.client, "bob@example.com").status_code == 200


def test_a_newer_token_voids_the_older(studio, alice, mailbox):
    """Property 20."""
    older = mailed_token(studio.client, mailbox)
    newer = mailed_token(studio.client, mailbox)
    assert reset(studio.client, older).json == WRONG_TOKEN
    assert reset(studio.client, newer).status_code == 200


@pytest.mark.parametrize("token", ["", "X" * 64, "not even close"])
def test_a_made_up_token_is_refused(studio, alice, mailbox, token):
    mailed_token(studio.client, mailbox)
    assert reset(studio.client, token).json == WRONG_TOKEN


def test_short_or_mismatched_passwords_keep_the_old_one(app, studio, alice, mailbox):
    """Property 21: the refusal leaves the token and the old password valid."""
    token = mailed_token(studio.client, mailbox)
    short = "x" * (auth_settings(app)["min_password_length"] - 1)
    assert reset(studio.client, token, short).json == {"error": True,
                                                       "message": "Password is too short."}
    mismatch = reset(studio.client, token, NEW_PASSWORD, NEW_PASSWORD + "!")
    assert mismatch.json == {"error": True, "message": "Confirmation password doesn't match."}
    assert login(studio.client, ALICE).status_code == 200
    assert reset(studio.client, token).status_code == 200


def test_a_reset_does_not_skip_the_second_factor(studio, alice, mailbox, clock_control):
    """Property 23."""
    totp, _ = enable_totp(studio.client, studio.headers(alice))
    assert reset(studio.client, mailed_token(studio.client, mailbox)).status_code == 200
    assert login(studio.client, ALICE, NEW_PASSWORD).json["missing_OTP"] is True
    clock_control.advance(seconds=totp.interval)
    assert login(studio.client, ALICE, NEW_PASSWORD, totp=totp_code(totp)).status_code == 200


def test_a_reset_revokes_every_session(studio, alice, mailbox):
    """Property 15, for a reset."""
    sessions = [studio.login(ALICE) for _ in range(2)]
    assert reset(studio.client, mailed_token(studio.client, mailbox)).status_code == 200
    for tokens in sessions:
        assert studio.client.simulate_get(
            "/auth/authenticated", headers=bearer(tokens["access_token"])).status_code == 401
        assert studio.client.simulate_get(
            "/auth/refresh-token", headers=bearer(tokens["refresh_token"])).status_code == 401


def test_an_inactive_account_cannot_reset(studio, alice, mailbox):
    token = mailed_token(studio.client, mailbox)
    studio.client.simulate_put(f"/data/persons/{alice.id}", json={"active": False},
                               headers=studio.headers(studio.person("admin")))
    assert reset(studio.client, token).json == {"error": True, "message": "User is inactive."}


@pytest.mark.parametrize("body, fields", [
    ({}, ["email", "token", "password", "password2"]),
    ({"email": ALICE, "token": 42, "password": "p" * 10, "password2": "p" * 10}, ["token"]),
])
def test_reset_bodies_are_validated(studio, body, fields):
    result = studio.client.simulate_put("/auth/reset-password", json=body)
    assert result.status_code == 400
    assert [error["field"] for error in result.json["data"]["errors"]] == fields


# -- Zou's default password ------------------------------------------------------------------

def test_the_default_password_must_be_changed_through_a_reset_token(studio, mailbox):
    studio.person("user", email=ALICE, password="default")
    refused = login(studio.client, ALICE, "default")
    assert refused.status_code == 400
    assert refused.json["login"] is False and refused.json["default_password"] is True
    assert "access_token" not in refused.json
    token = refused.json["token"]
    assert reset(studio.client, token).status_code == 200
    assert login(studio.client, ALICE, NEW_PASSWORD).status_code == 200
    assert login(studio.client, ALICE, "default").json == WRONG_CREDENTIALS


# -- changing one's password (properties 15 and 24) -------------------------------------------

def test_a_change_revokes_the_other_sessions_and_gives_new_tokens(studio, alice, mailbox):
    """Property 15: every other token dies; the caller gets working tokens."""
    mine, other = studio.login(ALICE), studio.login(ALICE)
    result = change(studio.client, bearer(mine["access_token"]))
    assert result.status_code == 200
    assert result.json["success"] is True
    for tokens in (mine, other):
        assert studio.client.simulate_get(
            "/auth/authenticated", headers=bearer(tokens["access_token"])).status_code == 401
        assert studio.client.simulate_get(
            "/auth/refresh-token", headers=bearer(tokens["refresh_token"])).status_code == 401
    fresh = bearer(result.json["access_token"])
    assert studio.client.simulate_get("/auth/authenticated", headers=fresh).status_code == 200
    assert studio.client.simulate_get(
        "/auth/refresh-token", headers=bearer(result.json["refresh_token"])).status_code == 200
    assert login(studio.client, ALICE, NEW_PASSWORD).status_code == 200
    assert "password was just changed" in mailbox.wait_for(ALICE).body


def test_a_browser_change_renews_the_session_cookies(studio, alice):
    result = change(studio.client, {**studio.headers(alice), "User-Agent": BROWSER})
    assert result.status_code == 200
    assert result.cookies["access_token_cookie"].value == result.json["access_token"]


def test_a_wrong_old_password_counts_towards_the_lockout(app, studio, alice):
    """Property 24."""
    headers = studio.headers(alice)
    limit = auth_settings(app)["lockout_attempts"]
    for attempt in range(limit):
        result = change(studio.client, headers, old="not my password")
        assert result.status_code == 400
        assert result.json == {"error": True, "message": "Old password is wrong."}
        assert failed_count(app, ALICE) == attempt + 1
    locked = change(studio.client, headers)
    assert locked.status_code == 400
    assert locked.json["too_many_failed_login_attemps"] is True
    assert login(studio.client, ALICE).json["too_many_failed_login_attemps"] is True


@pytest.mark.parametrize("new, confirmation, message", [
    ("short", None, "Password is too short."),
    (NEW_PASSWORD, NEW_PASSWORD + "!", "Confirmation password doesn't match."),
])
def test_a_refused_change_keeps_the_password_and_the_sessions(studio, alice, new,
                                                              confirmation, message):
    headers = studio.headers(alice)
    result = change(studio.client, headers, new=new, confirmation=confirmation)
    assert result.json == {"error": True, "message": message}
    assert studio.client.simulate_get("/auth/authenticated", headers=headers).status_code == 200
    assert login(studio.client, ALICE).status_code == 200


def test_change_bodies_are_validated(studio, alice):
    result = studio.client.simulate_post("/auth/change-password", headers=studio.headers(alice),
                                         json={})
    assert result.json == {"error": True, "message": "Validation error.", "data": {"errors": [
        {"field": "old_password", "message": "Field required"},
        {"field": "password", "message": "Field required"},
        {"field": "password_2", "message": "Field required"}]}}
