"""POST /auth/login: Zou's answers, enumeration resistance, password hashing (AUTH.md §5.3:
properties 1, 2, 3, 8, 22, 25)."""

import argon2
import pytest

from plugins.auth import service
from plugins.auth.hooks import AuthSettings
from plugins.auth.models import Credential, LoginLog
from plugins.auth.runtime import runtime
from tests.conftest import PASSWORD, Studio
from tests.plugins.auth.helpers import (BROWSER, SCRIPT, WRONG_CREDENTIALS, all_keys,
                                        auth_settings, bearer)

VALIDATION_EMAIL = {"error": True, "message": "Validation error.",
                    "data": {"errors": [{"field": "email", "message": "Field required"}]}}
SENSITIVE_KEYS = {"password", "password_hash", "totp_secret", "email_otp_secret",
                  "otp_recovery_codes", "fido_credentials", "jti", "login_failed_attemps",
                  "last_login_failed", "token_version"}


def login(client, email, password=PASSWORD, **kwargs):
    return client.simulate_post("/auth/login", json={"email": email, "password": password},
                                **kwargs)


def stored_hash(app, person):
    with app.dopesheet.activated():
        return Credential.get(Credential.person == person.id).password_hash


def set_password(app, person, password):
    with app.dopesheet.activated():
        service.set_password(person, password, runtime(app.dopesheet).passwords)


def set_stored_hash(app, person, value):
    with app.dopesheet.activated():
        (Credential.insert(person=person.id, password_hash=value)
         .on_conflict(conflict_target=[Credential.person],
                      update={Credential.password_hash: value}).execute())


# -- successful logins ----------------------------------------------------------------------

def test_login_answers_user_organisation_and_both_tokens(studio):
    person = studio.person("user", email="alice@example.com")
    result = login(studio.client, "alice@example.com")
    assert result.status_code == 200
    body = result.json
    assert set(body) == {"user", "organisation", "login", "access_token", "refresh_token"}
    assert body["login"] is True
    assert body["user"]["id"] == person.id
    assert body["user"]["type"] == "Person"
    assert body["user"]["email"] == "alice@example.com"
    assert body["user"]["departments"] == []
    assert body["organisation"]["type"] == "Organisation"
    assert studio.client.simulate_get("/auth/authenticated",
                                      headers=bearer(body["access_token"])).status_code == 200


def test_login_email_is_case_insensitive_and_trimmed(studio):
    person = studio.person("user", email="alice@example.com")
    result = login(studio.client, "  ALICE@Example.COM ")
    assert result.status_code == 200
    assert result.json["user"]["id"] == person.id


def test_login_accepts_the_desktop_login(studio):
    person = studio.person("user", email="alice@example.com", desktop_login="alice.b")
    result = login(studio.client, "alice.b")
    assert result.status_code == 200
    assert result.json["user"]["id"] == person.id


def test_login_accepts_a_form_encoded_body(studio):
    studio.person("user", email="alice@example.com")
    result = studio.client.simulate_post(
        "/auth/login", body=f"email=alice%40example.com&password={PASSWORD.replace(' ', '+')}",
        headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert result.status_code == 200
    assert result.json["login"] is True


def test_login_works_under_api_prefix(studio):
    studio.person("user", email="alice@example.com")
    result = studio.client.simulate_post("/api/auth/login",
                                         json={"email": "alice@example.com", "password": PASSWORD})
    assert result.status_code == 200
    assert result.json["login"] is True


def test_only_admins_see_the_organisation_chat_tokens(studio):
    studio.person("admin", email="boss@example.com")
    studio.person("user", email="artist@example.com")
    admin_organisation = login(studio.client, "boss@example.com").json["organisation"]
    artist_organisation = login(studio.client, "artist@example.com").json["organisation"]
    assert "chat_token_slack" in admin_organisation
    assert not {"chat_token_slack", "chat_webhook_mattermost",
                "chat_token_discord"} & set(artist_organisation)


def test_each_login_is_logged_with_its_origin_and_address(app, studio):
    person = studio.person("user", email="alice@example.com")
    assert login(studio.client, "alice@example.com",
                 headers={"User-Agent": BROWSER, "X-Real-IP": "10.1.2.3"}).status_code == 200
    assert login(studio.client, "alice@example.com",
                 headers={"User-Agent": SCRIPT}).status_code == 200
    assert login(studio.client, "alice@example.com", "wrong password").status_code == 400
    with app.dopesheet.activated():
        rows = [(row.origin, row.ip_address) for row in
                LoginLog.select().where(LoginLog.person == person.id).order_by(LoginLog.created_at)]
    assert sorted(rows) == sorted([("web", "10.1.2.3"), ("script", "127.0.0.1")])


# -- refusals and their exact bodies ----------------------------------------------------------

def test_unknown_address_and_wrong_password_get_byte_identical_answers(studio):
    """Property 1."""
    studio.person("user", email="alice@example.com")
    unknown = login(studio.client, "nobody@example.com")
    wrong = login(studio.client, "alice@example.com", "not the password")
    assert unknown.status_code == wrong.status_code == 400
    assert unknown.content == wrong.content
    assert wrong.json == WRONG_CREDENTIALS


@pytest.mark.parametrize("body", [{}, {"password": PASSWORD}, {"email": ""},
                                  {"email": "   ", "password": PASSWORD},
                                  {"email": 42, "password": PASSWORD},
                                  {"email": None, "password": PASSWORD}])
def test_missing_email_answers_zou_validation_body(client, body):
    result = client.simulate_post("/auth/login", json=body)
    assert result.status_code == 400
    assert result.json == VALIDATION_EMAIL


@pytest.mark.parametrize("password", [12345678, None, ["a"], {"a": 1}])
def test_non_string_password_is_a_validation_error(client, password):
    result = client.simulate_post("/auth/login",
                                  json={"email": "alice@example.com", "password": password})
    assert result.status_code == 400
    assert result.json["message"] == "Validation error."
    assert result.json["data"]["errors"][0]["field"] == "password"


@pytest.mark.parametrize("body, content_type", [
    ("[1, 2]", "application/json"),
    ('"alice@example.com"', "application/json"),
    ("{not json", "application/json"),
])
def test_malformed_bodies_answer_400(client, body, content_type):
    result = client.simulate_post("/auth/login", body=body,
                                  headers={"Content-Type": content_type})
    assert result.status_code == 400
    assert result.json["error"] is True


@pytest.mark.parametrize("email", ["a" * 250 + "@example.com", "İ" * 200,
                                   "alice\x00@example.com"])
def test_impossible_logins_answer_400_never_500(studio, email):
    """Longer than any stored login, or unstorable in PostgreSQL: refused as input."""
    result = login(studio.client, email, "a wrong password")
    assert result.status_code == 400
    assert result.json == {"error": True, "message": "Validation error.", "data": {"errors": [
        {"field": "email", "message": "Not a valid e-mail or login."}]}}


# -- one password verification per attempt, whatever the account (property 2) ------------------

def test_unknown_address_costs_exactly_one_verification(studio, verify_calls):
    result = login(studio.client, "nobody@example.com")
    assert result.json == WRONG_CREDENTIALS
    assert len(verify_calls) == 1


@pytest.mark.parametrize("stored", [None, "", "default", "$argon2id$not-a-hash",
                                    "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW"])
def test_account_without_usable_hash_costs_exactly_one_verification(app, studio, verify_calls,
                                                                    stored):
    person = studio.person("user", email="alice@example.com")
    set_stored_hash(app, person, stored)
    result = login(studio.client, "alice@example.com")
    assert len(verify_calls) == 1
    assert result.json == WRONG_CREDENTIALS


def test_account_without_credential_row_costs_exactly_one_verification(studio, verify_calls):
    studio.person("user", email="alice@example.com", password=None)
    result = login(studio.client, "alice@example.com")
    assert result.json == WRONG_CREDENTIALS
    assert len(verify_calls) == 1


def test_wrong_and_right_passwords_cost_exactly_one_verification(studio, verify_calls):
    studio.person("user", email="alice@example.com")
    assert login(studio.client, "alice@example.com", "not the password").status_code == 400
    assert len(verify_calls) == 1
    assert login(studio.client, "alice@example.com").status_code == 200
    assert len(verify_calls) == 2


# -- deactivated accounts (property 3) ----------------------------------------------------------

def test_deactivated_account_with_wrong_password_looks_like_any_wrong_password(studio):
    studio.person("user", email="gone@example.com", active=False)
    wrong = login(studio.client, "gone@example.com", "not the password")
    unknown = login(studio.client, "nobody@example.com", "not the password")
    assert wrong.status_code == 400
    assert wrong.content == unknown.content


def test_deactivated_account_with_right_password_gets_401_and_no_tokens(studio):
    studio.person("user", email="gone@example.com", active=False)
    result = login(studio.client, "gone@example.com", headers={"User-Agent": BROWSER})
    assert result.status_code == 401
    assert result.json == {"error": True, "login": False, "unactive": True,
                           "message": "User is unactive, he cannot log in."}
    assert not result.cookies


# -- password lengths, no truncation (property 22) -----------------------------------------

CJK_64 = "".join(chr(0x4E00 + index * 7) for index in range(64))


@pytest.mark.parametrize("password", [
    "".join(chr(ord("!") + index % 90) for index in range(64)),
    CJK_64,
    "correct horse battery staple " * 3 + "and then some",
], ids=["64-ascii", "64-cjk", "100-chars"])
def test_long_passwords_are_verified_whole(app, studio, password):
    assert len(password) in (64, 100)
    person = studio.person("user", email="alice@example.com")
    set_password(app, person, password)
    assert login(studio.client, "alice@example.com", password).status_code == 200
    changed = password[:-1] + chr(ord(password[-1]) + 1)
    assert login(studio.client, "alice@example.com", changed).json == WRONG_CREDENTIALS
    assert login(studio.client, "alice@example.com", password[:-1]).json == WRONG_CREDENTIALS


def test_password_of_maximum_length_logs_in_and_longer_gets_400(app, studio):
    limit = auth_settings(app)["max_password_length"]
    password = ("0123456789abcdef" * (limit // 16 + 1))[:limit]
    person = studio.person("user", email="alice@example.com")
    set_password(app, person, password)
    assert login(studio.client, "alice@example.com", password).status_code == 200
    for too_long in (password + "x", "y" * (limit * 100)):
        result = login(studio.client, "alice@example.com", too_long)
        assert result.status_code == 400
        assert result.json == WRONG_CREDENTIALS


# -- hashes (property 25) ---------------------------------------------------------------------

def test_hashes_are_argon2id_with_the_configured_parameters(app, studio):
    settings = auth_settings(app)
    person = studio.person("user", email="alice@example.com")
    stored = stored_hash(app, person)
    assert stored.startswith("$argon2id$")
    assert (f"$m={settings['argon2_memory_cost']},t={settings['argon2_time_cost']},"
            f"p={settings['argon2_parallelism']}$") in stored
    assert PASSWORD not in stored


def test_same_password_gets_a_different_salt_per_account(app, studio):
    first = stored_hash(app, studio.person("user", email="a@example.com"))
    second = stored_hash(app, studio.person("user", email="b@example.com"))
    assert first != second
    assert first.split("$")[4] != second.split("$")[4]


def test_default_parameters_are_the_rfc_9106_low_memory_profile():
    defaults = AuthSettings().load({})
    profile = argon2.profiles.RFC_9106_LOW_MEMORY
    assert (defaults["argon2_time_cost"], defaults["argon2_memory_cost"],
            defaults["argon2_parallelism"]) == (profile.time_cost, profile.memory_cost,
                                                profile.parallelism)


def test_weaker_hash_is_replaced_at_the_next_successful_login(make_app):
    app = make_app({"plugins": {"auth": {"argon2_time_cost": 2, "argon2_memory_cost": 16}}})
    studio = Studio(app)
    person = studio.person("user", email="alice@example.com", password=None)
    weak = argon2.PasswordHasher(time_cost=1, memory_cost=8, parallelism=1).hash(PASSWORD)
    set_stored_hash(app, person, weak)

    assert login(studio.client, "alice@example.com", "not the password").status_code == 400
    assert stored_hash(app, person) == weak
    assert login(studio.client, "alice@example.com").status_code == 200
    upgraded = stored_hash(app, person)
    assert upgraded != weak
    assert "$m=16,t=2,p=1$" in upgraded
    assert argon2.PasswordHasher().verify(upgraded, PASSWORD)
    assert login(studio.client, "alice@example.com").status_code == 200


# -- secrets never leave the server (property 8) ------------------------------------------------

def test_no_response_carries_credential_or_counter_keys(app, studio):
    admin = studio.person("admin", email="boss@example.com")
    artist = studio.person("user", email="artist@example.com", desktop_login="artist")
    login(studio.client, "artist@example.com", "a wrong password")
    login(studio.client, "boss@example.com", "a wrong password")
    responses = []
    for person, email in ((admin, "boss@example.com"), (artist, "artist@example.com")):
        logged = login(studio.client, email)
        headers = bearer(logged.json["access_token"])
        responses += [
            logged,
            studio.client.simulate_get("/auth/authenticated", headers=headers),
            studio.client.simulate_get("/data/persons", headers=headers),
            studio.client.simulate_get("/data/persons", headers=headers,
                                       params={"relations": "true"}),
            studio.client.simulate_get(f"/data/persons/{artist.id}", headers=headers),
            studio.client.simulate_get(f"/data/persons/{person.id}", headers=headers),
        ]
    for result in responses:
        assert result.status_code == 200, result.text
        assert not all_keys(result.json) & SENSITIVE_KEYS, result.text
        assert "$argon2" not in result.text
