"""Sessions: refresh, logout, revocation, deactivation, and Kitsu's cookies (AUTH.md §5.3
properties 12, 13, 14, 16; zou/behaviour.md A.1 and A.3; DESIGN.md §4 on cookies)."""

import time

import pytest

from plugins.auth import service
from plugins.persons.models import Department, DepartmentLink
from tests.conftest import PASSWORD
from tests.plugins.auth.helpers import (BROWSER, SCRIPT, auth_settings, bearer, cookie_attributes,
                                        forge, set_cookie_lines, unverified)

INACTIVE = ("The server could not verify that you are authorized to access the URL requested. "
            "You either supplied the wrong credentials (e.g. a bad password), or your browser "
            "doesn't understand how to supply the credentials required.")


@pytest.fixture
def artist(studio):
    return studio.person("user", email="artist@example.com")


def get(client, path, token=None, **kwargs):
    return client.simulate_get(path, headers=bearer(token) if token else None, **kwargs)


def purge(app):
    with app.dopesheet.activated():
        service.purge_revocations()


# -- refresh and logout for scripts --------------------------------------------------------

def test_refresh_gives_scripts_a_new_access_token_for_the_same_session(app, studio, artist):
    """Property 12, first half; Zou's body {"access_token": ...}."""
    tokens = studio.login(artist.email)
    result = get(studio.client, "/auth/refresh-token", tokens["refresh_token"])
    assert result.status_code == 200
    assert set(result.json) == {"access_token"}
    new = unverified(result.json["access_token"])
    old = unverified(tokens["access_token"])
    assert new["type"] == "access" and new["sub"] == artist.id
    assert new["jti"] != old["jti"]
    assert new["refresh_jti"] == old["refresh_jti"] == unverified(tokens["refresh_token"])["jti"]
    assert get(studio.client, "/auth/authenticated", result.json["access_token"]).status_code == 200


def test_logout_with_a_refreshed_token_also_revokes_the_refresh_token(studio, artist):
    """Property 12, second half (Zou's test_logout_after_refresh_revokes_refresh_token)."""
    tokens = studio.login(artist.email)
    refreshed = get(studio.client, "/auth/refresh-token", tokens["refresh_token"]).json
    assert get(studio.client, "/auth/logout", refreshed["access_token"]).json == {"logout": True}
    result = get(studio.client, "/auth/refresh-token", tokens["refresh_token"])
    assert result.status_code == 401
    assert result.json["msg"] == "Token has been revoked"


def test_logout_revokes_this_session_only(studio, artist):
    """Property 13."""
    mine, other = studio.login(artist.email), studio.login(artist.email)
    result = get(studio.client, "/auth/logout", mine["access_token"])
    assert result.status_code == 200
    assert result.json == {"logout": True}

    authenticated = get(studio.client, "/auth/authenticated", mine["access_token"])
    assert authenticated.status_code == 401
    assert authenticated.json["msg"] == "Token has been revoked"
    assert get(studio.client, "/auth/refresh-token", mine["refresh_token"]).status_code == 401
    assert get(studio.client, "/auth/logout", mine["access_token"]).status_code == 401

    assert get(studio.client, "/auth/authenticated", other["access_token"]).status_code == 200
    assert get(studio.client, "/auth/refresh-token", other["refresh_token"]).status_code == 200


def test_session_routes_answer_under_api_prefix(studio, artist):
    tokens = studio.client.simulate_post(
        "/api/auth/login", json={"email": artist.email, "password": PASSWORD}).json
    authenticated = get(studio.client, "/api/auth/authenticated", tokens["access_token"])
    assert authenticated.status_code == 200
    assert authenticated.json["authenticated"] is True
    assert authenticated.json["user"]["id"] == artist.id
    refreshed = get(studio.client, "/api/auth/refresh-token", tokens["refresh_token"])
    assert set(refreshed.json) == {"access_token"}
    assert get(studio.client, "/api/auth/logout", refreshed.json["access_token"]).json == {
        "logout": True}
    assert get(studio.client, "/api/auth/refresh-token", tokens["refresh_token"]).status_code == 401


def test_authenticated_answers_zou_shape(studio, artist):
    result = get(studio.client, "/auth/authenticated", studio.login(artist.email)["access_token"])
    assert set(result.json) == {"authenticated", "user", "organisation"}
    assert result.json["user"]["fido_devices"] == []
    assert result.json["user"]["departments"] == []
    assert "chat_token_slack" not in result.json["organisation"]


def test_authenticated_reads_the_user_and_departments_in_one_query(app, studio, artist,
                                                                  query_counter):
    with app.dopesheet.activated():
        layout = Department.create(name="Layout", color="#000000")
        DepartmentLink.create(person=artist.id, department=layout.id)
    token = studio.login(artist.email)["access_token"]
    with query_counter() as reading:
        result = get(studio.client, "/auth/authenticated", token)
    assert result.json["user"]["departments"] == [layout.id]
    assert reading.count == 3, "the caller, the user with their departments, the organisation"


def test_refresh_without_a_token_answers_zou_401(studio):
    result = get(studio.client, "/auth/refresh-token")
    assert result.status_code == 401
    assert result.json["msg"] == ('Missing JWT in cookies or headers (Missing cookie '
                                  '"refresh_token_cookie"; Missing Authorization Header)')


# -- revocations outlive their tokens (property 14) ----------------------------------------

def test_purging_revocations_keeps_a_logged_out_session_dead(app, studio, artist):
    tokens = studio.login(artist.email)
    get(studio.client, "/auth/logout", tokens["access_token"])
    purge(app)
    assert get(studio.client, "/auth/authenticated", tokens["access_token"]).status_code == 401
    assert get(studio.client, "/auth/refresh-token", tokens["refresh_token"]).status_code == 401


def test_purge_never_revives_a_token_accepted_within_the_leeway(app, studio, artist):
    """A token past ``exp`` but within the leeway is still accepted, so its revocation must
    not be purged yet."""
    leeway = auth_settings(app)["token_leeway_seconds"]
    assert leeway >= 2
    token = forge(app, artist.id, exp=int(time.time()) - leeway // 2)
    assert get(studio.client, "/auth/authenticated", token).status_code == 200
    assert get(studio.client, "/auth/logout", token).status_code == 200
    purge(app)
    assert get(studio.client, "/auth/authenticated", token).status_code == 401


# -- deactivation (property 16) -------------------------------------------------------------

def test_deactivating_an_account_ends_its_sessions(studio, artist, admin_headers):
    tokens = studio.login(artist.email)
    result = studio.client.simulate_put(f"/data/persons/{artist.id}", json={"active": False},
                                        headers=admin_headers)
    assert result.status_code == 200
    assert result.json["active"] is False

    authenticated = get(studio.client, "/auth/authenticated", tokens["access_token"])
    assert authenticated.status_code == 401
    assert authenticated.json["message"] == INACTIVE
    assert get(studio.client, "/data/persons", tokens["access_token"]).status_code == 401
    assert get(studio.client, "/auth/refresh-token", tokens["refresh_token"]).status_code == 401


def test_reactivating_an_account_does_not_revive_its_old_sessions(studio, artist, admin_headers):
    """Zou logs a deactivated account out for good (zou/behaviour.md A.1)."""
    tokens = studio.login(artist.email)
    for active in (False, True):
        assert studio.client.simulate_put(f"/data/persons/{artist.id}", json={"active": active},
                                          headers=admin_headers).status_code == 200
    assert get(studio.client, "/auth/authenticated", tokens["access_token"]).status_code == 401
    assert get(studio.client, "/auth/refresh-token", tokens["refresh_token"]).status_code == 401
    fresh = studio.login(artist.email)
    assert get(studio.client, "/auth/authenticated", fresh["access_token"]).status_code == 200


def test_other_updates_keep_sessions_alive(studio, artist, admin_headers):
    tokens = studio.login(artist.email)
    assert studio.client.simulate_put(f"/data/persons/{artist.id}", json={"first_name": "Al"},
                                      headers=admin_headers).status_code == 200
    assert get(studio.client, "/auth/authenticated", tokens["access_token"]).status_code == 200


# -- Kitsu's cookies ------------------------------------------------------------------------

def cookies_by_path(lines):
    found = {}
    for line in lines:
        name, attributes = cookie_attributes(line)
        found[(name, attributes.get("path"))] = attributes
    return found


def test_browser_login_sets_kitsu_session_cookies(app, artist):
    settings = auth_settings(app)
    lines = set_cookie_lines(app, "POST", "/auth/login", headers={"User-Agent": BROWSER},
                             json={"email": artist.email, "password": PASSWORD})
    cookies = cookies_by_path(lines)
    access = cookies[("access_token_cookie", "/")]
    refresh = cookies[("refresh_token_cookie", "/auth/refresh-token")]
    assert cookies[("refresh_token_cookie", "/api/auth/refresh-token")] == {
        **refresh, "path": "/api/auth/refresh-token"}
    for cookie in (access, refresh):
        assert cookie["httponly"] is True
        assert cookie["samesite"] == "Lax"
        assert "secure" not in cookie
    assert unverified(access["value"])["type"] == "access"
    assert unverified(refresh["value"])["type"] == "refresh"
    assert int(access["max-age"]) == settings["access_token_days"] * 86400
    assert int(refresh["max-age"]) == settings["refresh_token_days"] * 86400
    assert len(lines) == 3


def test_browser_cookies_are_secure_over_https(app, artist):
    lines = set_cookie_lines(app, "POST", "/auth/login", headers={"User-Agent": BROWSER},
                             json={"email": artist.email, "password": PASSWORD},
                             scheme="https")
    assert lines
    for line in lines:
        assert cookie_attributes(line)[1].get("secure") is True


def test_scripts_get_no_cookies(studio, artist):
    result = studio.client.simulate_post("/auth/login", headers={"User-Agent": SCRIPT},
                                         json={"email": artist.email, "password": PASSWORD})
    assert result.status_code == 200
    assert not result.cookies
    assert "access_token" in result.json


def test_browser_lives_on_its_cookies_alone(app, studio, artist):
    login = studio.client.simulate_post("/auth/login", headers={"User-Agent": BROWSER},
                                        json={"email": artist.email, "password": PASSWORD})
    access = login.cookies["access_token_cookie"].value
    refresh = login.cookies["refresh_token_cookie"].value
    for path in ("/auth/authenticated", "/api/auth/authenticated", "/data/persons"):
        result = studio.client.simulate_get(path, cookies={"access_token_cookie": access})
        assert result.status_code == 200, (path, result.text)

    refreshed = set_cookie_lines(app, "GET", "/auth/refresh-token", headers={
        "User-Agent": BROWSER, "Cookie": f"refresh_token_cookie={refresh}"})
    cookies = cookies_by_path(refreshed)
    new_access = cookies[("access_token_cookie", "/")]["value"]
    assert unverified(new_access)["refresh_jti"] == unverified(refresh)["jti"]
    assert cookies[("refresh_token_cookie", "/auth/refresh-token")]["value"] in ("", '""')
    body = studio.client.simulate_get("/auth/refresh-token", headers={"User-Agent": BROWSER},
                                      cookies={"refresh_token_cookie": refresh})
    assert body.json == {"refresh": True}
    assert studio.client.simulate_get("/auth/authenticated", cookies={
        "access_token_cookie": new_access}).status_code == 200


def test_browser_logout_clears_the_cookies_and_ends_the_session(app, studio, artist):
    login = studio.client.simulate_post("/auth/login", headers={"User-Agent": BROWSER},
                                        json={"email": artist.email, "password": PASSWORD})
    access = login.cookies["access_token_cookie"].value
    lines = set_cookie_lines(app, "GET", "/auth/logout", headers={
        "User-Agent": BROWSER, "Cookie": f"access_token_cookie={access}"})
    cleared = cookies_by_path(lines)
    assert set(cleared) == {("access_token_cookie", "/"),
                            ("refresh_token_cookie", "/auth/refresh-token"),
                            ("refresh_token_cookie", "/api/auth/refresh-token")}
    for key in cleared:
        assert cleared[key]["value"] in ("", '""')
        assert "expires" in cleared[key] or cleared[key].get("max-age") == "0"
    assert studio.client.simulate_get("/auth/authenticated", cookies={
        "access_token_cookie": access}).status_code == 401


# -- cookie writes: JSON or same origin (CSRF) -----------------------------------------------

@pytest.fixture
def admin_cookie(studio):
    studio.person("admin", email="boss@example.com")
    login = studio.client.simulate_post("/auth/login", headers={"User-Agent": BROWSER},
                                        json={"email": "boss@example.com", "password": PASSWORD})
    return {"access_token_cookie": login.cookies["access_token_cookie"].value}


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded",
                                          "multipart/form-data; boundary=x", "text/plain", None])
@pytest.mark.parametrize("origin", [None, "https://evil.example", "null"])
def test_cookie_write_without_json_or_same_origin_is_refused(studio, admin_cookie, content_type,
                                                             origin):
    headers = {key: value for key, value in (("Content-Type", content_type), ("Origin", origin))
               if value is not None}
    result = studio.client.simulate_post("/data/persons", cookies=admin_cookie, headers=headers,
                                         body='{"first_name": "Mallory"}')
    assert result.status_code == 403
    assert result.json["error"] is True


def test_cookie_delete_needs_a_same_origin_request(studio, admin_cookie):
    victim = studio.person("user", email="victim@example.com")
    path = f"/data/persons/{victim.id}"
    refused = studio.client.simulate_delete(path, cookies=admin_cookie)
    assert refused.status_code == 403
    cross_site = studio.client.simulate_delete(path, cookies=admin_cookie,
                                               headers={"Origin": "https://evil.example"})
    assert cross_site.status_code == 403
    same_origin = studio.client.simulate_delete(path, cookies=admin_cookie,
                                                headers={"Origin": "http://falconframework.org"})
    assert same_origin.status_code == 204


def test_cookie_write_with_json_is_accepted(studio, admin_cookie):
    result = studio.client.simulate_post("/data/persons", cookies=admin_cookie,
                                         json={"first_name": "Bob", "email": "bob@example.com"})
    assert result.status_code == 201


def test_same_origin_cookie_write_passes_authentication(studio, admin_cookie):
    """A same-origin form (an upload) is authenticated; this JSON route then wants JSON."""
    result = studio.client.simulate_post("/data/persons", cookies=admin_cookie,
                                         headers={"Content-Type": "text/plain",
                                                  "Origin": "http://falconframework.org"},
                                         body="first_name=Bob")
    assert result.status_code == 415


def test_bearer_write_is_not_subject_to_the_cookie_rule(studio, admin_headers):
    result = studio.client.simulate_post("/data/persons", headers={
        **admin_headers, "Content-Type": "text/plain", "Origin": "https://evil.example"},
        body="first_name=Bob")
    assert result.status_code == 415
