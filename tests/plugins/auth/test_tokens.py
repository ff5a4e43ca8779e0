"""JWT access and refresh tokens (AUTH.md §3 and §5.3 properties 9, 10, 11, 17)."""

import re
import secrets
import time
import uuid

import jwt
import pytest

from framework.app import StartupError
from plugins.auth.tokens import key_id
from tests.conftest import PASSWORD, Studio
from tests.plugins.auth.helpers import auth_settings, bearer, forge, unverified, with_payload

MISSING = ('Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; '
           "Missing Authorization Header)")


@pytest.fixture
def artist(studio):
    return studio.person("user", email="artist@example.com")


def authenticated(client, token):
    return client.simulate_get("/auth/authenticated", headers=bearer(token))


# -- what a login issues (property 9) --------------------------------------------------------

def test_login_issues_hs256_access_and_refresh_tokens_with_zou_claims(app, studio, artist):
    settings = auth_settings(app)
    tokens = studio.login(artist.email)
    key = app.dopesheet.secret_key
    for token in (tokens["access_token"], tokens["refresh_token"]):
        assert jwt.get_unverified_header(token) == {"alg": "HS256", "typ": "JWT",
                                                    "kid": key_id(key)}
    access = jwt.decode(tokens["access_token"], key, algorithms=["HS256"])
    refresh = jwt.decode(tokens["refresh_token"], key, algorithms=["HS256"])
    for claims in (access, refresh):
        assert claims["sub"] == artist.id
        assert claims["identity_type"] == "person"
        assert claims["nbf"] == claims["iat"]
        assert abs(claims["iat"] - time.time()) < 60
        assert str(uuid.UUID(claims["jti"])) == claims["jti"]
    assert access["type"] == "access" and refresh["type"] == "refresh"
    assert access["exp"] - access["iat"] == settings["access_token_days"] * 86400
    assert refresh["exp"] - refresh["iat"] == settings["refresh_token_days"] * 86400
    assert access["refresh_jti"] == refresh["jti"]
    assert access["jti"] != refresh["jti"]
    assert "refresh_jti" not in refresh


def test_each_login_issues_new_jtis(studio, artist):
    first, second = studio.login(artist.email), studio.login(artist.email)
    jtis = [unverified(tokens[kind])["jti"] for tokens in (first, second)
            for kind in ("access_token", "refresh_token")]
    assert len(set(jtis)) == 4


# -- forged and damaged tokens (property 10) ----------------------------------------------------

def test_a_token_forged_with_the_app_key_is_accepted(app, studio, artist):
    """The control for the refusals below: the forge builds tokens the app accepts."""
    result = authenticated(studio.client, forge(app, artist.id))
    assert result.status_code == 200
    assert result.json["user"]["id"] == artist.id


def test_alg_none_is_refused(app, studio, artist):
    token = jwt.encode(unverified(forge(app, artist.id)), None, algorithm="none",
                       headers={"kid": key_id(app.dopesheet.secret_key)})
    assert token.endswith(".")
    assert authenticated(studio.client, token).status_code == 422


def test_other_algorithm_with_the_right_key_is_refused(app, studio, artist):
    assert authenticated(studio.client, forge(app, artist.id, algorithm="HS512")).status_code == 422


def test_token_signed_with_another_key_is_refused(app, studio, artist):
    other = secrets.token_hex(32)
    token = forge(app, artist.id, key=other, kid=key_id(app.dopesheet.secret_key))
    result = authenticated(studio.client, token)
    assert result.status_code == 422
    assert result.json["msg"] == "Signature verification failed"


def test_tampered_payload_is_refused(app, studio, artist):
    admin = studio.person("admin", email="boss@example.com")
    token = studio.login(artist.email)["access_token"]
    assert authenticated(studio.client, token).status_code == 200
    for tampered in (with_payload(token, sub=admin.id), with_payload(token, ver=1),
                     with_payload(token, exp=unverified(token)["exp"] + 86400)):
        assert authenticated(studio.client, tampered).status_code == 422


def test_expiry_is_checked_with_the_configured_leeway(app, studio, artist):
    leeway = auth_settings(app)["token_leeway_seconds"]
    now = int(time.time())
    expired = authenticated(studio.client, forge(app, artist.id, exp=now - leeway - 10))
    assert expired.status_code == 401
    assert expired.json["message"] == "Signature has expired"
    within = authenticated(studio.client, forge(app, artist.id, exp=now - leeway + 10))
    assert within.status_code == 200


def test_a_token_accepted_before_is_refused_once_it_expired(app, studio, artist, monkeypatch):
    """The process remembers the tokens it verified; their expiry is checked each time."""
    leeway = auth_settings(app)["token_leeway_seconds"]
    exp = int(time.time()) + 60
    token = forge(app, artist.id, exp=exp)
    assert authenticated(studio.client, token).status_code == 200
    monkeypatch.setattr(time, "time", lambda: exp + leeway + 1)
    expired = authenticated(studio.client, token)
    assert (expired.status_code, expired.json["message"]) == (401, "Signature has expired")


@pytest.mark.parametrize("claim", ["nbf", "iat"])
def test_token_from_the_future_is_refused(app, studio, artist, claim):
    leeway = auth_settings(app)["token_leeway_seconds"]
    future = int(time.time()) + leeway + 60
    token = forge(app, artist.id, **{claim: future}, exp=future + 3600)
    assert authenticated(studio.client, token).status_code == 422


@pytest.mark.parametrize("claim", ["sub", "jti", "exp", "iat", "nbf", "type"])
def test_token_missing_a_required_claim_is_refused(app, studio, artist, claim):
    assert authenticated(studio.client, forge(app, artist.id, **{claim: None})).status_code == 422


@pytest.mark.parametrize("claims", [{"identity_type": "robot"}, {"type": "reset"}])
def test_token_of_another_kind_is_refused(app, studio, artist, claims):
    assert authenticated(studio.client, forge(app, artist.id, **claims)).status_code == 422


@pytest.mark.parametrize("subject, status", [("not-a-uuid", 422), ("", 422),
                                             ("5f0c3a52-8d2e-4b5c-9a51-3f1e0f6d2b7a", 401)])
def test_token_for_no_person_is_refused_never_500(app, studio, subject, status):
    result = authenticated(studio.client, forge(app, subject))
    assert result.status_code == status
    assert result.json["error"] is True


def test_token_of_an_older_version_is_refused(app, studio, artist):
    assert authenticated(studio.client, forge(app, artist.id, ver=1)).status_code == 401


def test_token_of_a_deleted_person_is_refused(app, studio, artist, admin_headers):
    token = studio.login(artist.email)["access_token"]
    deleted = studio.client.simulate_delete(f"/data/persons/{artist.id}", headers=admin_headers)
    assert deleted.status_code == 204
    assert authenticated(studio.client, token).status_code == 401


@pytest.mark.parametrize("header", [None, "", "Bearer", "Bearer ", "Basic YTpi", "Token abc"])
def test_missing_token_answers_zou_401(studio, header):
    headers = {} if header is None else {"Authorization": header}
    result = studio.client.simulate_get("/auth/authenticated", headers=headers)
    assert result.status_code == 401
    assert result.json["msg"] == MISSING


def test_garbage_token_answers_zou_422(studio):
    result = authenticated(studio.client, "garbage")
    assert result.status_code == 422
    assert result.json["msg"] == "Not enough segments"


def test_bearer_scheme_is_case_insensitive(studio, artist):
    token = studio.login(artist.email)["access_token"]
    result = studio.client.simulate_get("/auth/authenticated",
                                        headers={"Authorization": f"bearer {token}"})
    assert result.status_code == 200


# -- token types (property 11) ------------------------------------------------------------------

def authenticated_operations(app):
    for template, operations in app.dopesheet.operations.items():
        for method, operation in operations.items():
            if operation.auth:
                path = re.sub(r"{[^}]+}", str(uuid.uuid4()), template)
                yield method, path
                yield method, "/api" + path


def test_refresh_token_is_refused_on_every_authenticated_route(app, studio, artist):
    refresh = studio.login(artist.email)["refresh_token"]
    operations = list(authenticated_operations(app))
    assert ("GET", "/auth/authenticated") in operations
    assert ("GET", "/api/auth/logout") in operations
    assert any(method == "PUT" and path.startswith("/api/data/persons/")
               for method, path in operations)
    for method, path in operations:
        result = studio.client.simulate_request(method, path, headers=bearer(refresh), json={})
        assert result.status_code == 422, (method, path, result.text)
        assert result.json["msg"] == "Only non-refresh tokens are allowed"


def test_access_token_is_refused_by_the_refresh_route(studio, artist):
    tokens = studio.login(artist.email)
    for path in ("/auth/refresh-token", "/api/auth/refresh-token"):
        refused = studio.client.simulate_get(path, headers=bearer(tokens["access_token"]))
        assert refused.status_code == 422
        assert refused.json["msg"] == "Only refresh tokens are allowed"
        accepted = studio.client.simulate_get(path, headers=bearer(tokens["refresh_token"]))
        assert accepted.status_code == 200


# -- signing keys (property 17) -----------------------------------------------------------------

@pytest.mark.parametrize("security, name", [
    ({"secret_key": "k" * 31}, "security.secret_key"),
    ({"secret_key": "é" * 15 + "k"}, "security.secret_key"),
    ({"secret_key": "k" * 32, "retired_keys": ["r" * 31]}, "security.retired_keys"),
])
def test_app_refuses_to_start_with_a_short_key(make_app, security, name):
    with pytest.raises(StartupError, match=re.escape(name)):
        make_app({"security": security})


def test_retired_key_still_verifies_and_unknown_kid_is_refused(make_app):
    retired, current = secrets.token_hex(32), secrets.token_hex(32)
    app = make_app({"security": {"secret_key": current, "retired_keys": [retired]}})
    studio = Studio(app)
    artist = studio.person("user", email="artist@example.com")

    issued = studio.login(artist.email, PASSWORD)["access_token"]
    assert jwt.get_unverified_header(issued)["kid"] == key_id(current)
    assert authenticated(studio.client, issued).status_code == 200
    assert authenticated(studio.client, forge(app, artist.id, key=retired)).status_code == 200

    unknown = secrets.token_hex(32)
    for token in (forge(app, artist.id, key=unknown),
                  forge(app, artist.id, key=retired, kid=key_id(current)),
                  forge(app, artist.id, key=current, kid="")):
        assert authenticated(studio.client, token).status_code == 422
    no_kid = jwt.encode(unverified(issued), current, algorithm="HS256")
    assert authenticated(studio.client, no_kid).status_code == 422
