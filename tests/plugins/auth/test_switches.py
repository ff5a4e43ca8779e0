"""The ``[plugins.auth]`` switches: a method switched off loses its routes and its login
option; ``enforce_2fa`` restricts the tokens of people without a second factor to the set-up
routes (Zou's ENFORCE_2FA, zou/behaviour.md A.1)."""

import pytest

from tests.conftest import Studio
from tests.plugins.auth.helpers import bearer, enable_totp, login, totp_code, unverified

EMAIL = "alice@example.com"
ROUTES = {"totp": "/auth/totp", "email_otp": "/auth/email-otp", "fido": "/auth/fido",
          "recovery_codes": "/auth/recovery-codes"}
SETUP_REQUIRED = {"error": True, "two_factor_authentication_required": True,
                  "message": "Two-factor authentication setup is required. Please configure "
                             "2FA before accessing the API."}


def studio_with(make_app, **auth):
    return Studio(make_app({"plugins": {"auth": auth}}))


@pytest.mark.parametrize("switch", sorted(ROUTES))
def test_a_switched_off_method_loses_its_routes(make_app, switch):
    studio = studio_with(make_app, **{switch: False})
    headers = studio.headers(studio.person("user", email=EMAIL))
    path = ROUTES[switch]
    for method in ("GET", "PUT", "POST", "DELETE"):
        for prefix in ("", "/api"):
            result = studio.client.simulate_request(method, prefix + path, headers=headers,
                                                    json={}, params={"email": EMAIL})
            assert result.status_code == 404, (method, prefix + path)
    document = studio.client.simulate_get("/openapi.json").json
    assert path not in document["paths"]
    assert {other for other in ROUTES.values() if other != path} <= document["paths"].keys()


def test_a_switched_off_method_is_no_login_option(studio, same_database):
    """A person who enabled TOTP before it was switched off still needs a second factor,
    and only the others are accepted."""
    alice = studio.person("user", email=EMAIL)
    totp, enabled = enable_totp(studio.client, studio.headers(alice))
    without_totp = Studio(same_database({"plugins": {"auth": {"totp": False}}}))
    result = login(without_totp.client, EMAIL, totp=totp_code(totp, 1))
    assert result.json["missing_OTP"] is True
    assert result.json["two_factor_authentication_enabled"] == ["recovery_code"]
    codes = enabled["otp_recovery_codes"]
    assert login(without_totp.client, EMAIL, recovery_code=codes[0]).status_code == 200


def test_without_recovery_codes_none_are_issued_nor_accepted(make_app):
    studio = studio_with(make_app, recovery_codes=False)
    alice = studio.person("user", email=EMAIL)
    totp, enabled = enable_totp(studio.client, studio.headers(alice))
    assert enabled["otp_recovery_codes"] is None
    result = login(studio.client, EMAIL, recovery_code="ANYTHING")
    assert result.json["missing_OTP"] is True
    assert result.json["two_factor_authentication_enabled"] == ["totp"]


# -- enforce_2fa ------------------------------------------------------------------------------

@pytest.fixture
def enforced(make_app):
    return studio_with(make_app, enforce_2fa=True)


def test_the_client_config_tells_kitsu(enforced):
    assert enforced.client.simulate_get("/config").json["enforce_2fa"] is True


def test_without_a_second_factor_the_tokens_only_open_the_setup_routes(enforced):
    enforced.person("user", email=EMAIL)
    result = login(enforced.client, EMAIL)
    assert result.status_code == 200
    assert result.json["two_factor_authentication_required"] is True
    access, refresh = result.json["access_token"], result.json["refresh_token"]
    assert unverified(access)["requires_2fa_setup"] is True
    headers = bearer(access)
    for path in ("/data/persons", "/api/data/persons", "/data/departments"):
        refused = enforced.client.simulate_get(path, headers=headers)
        assert refused.status_code == 403, path
        assert refused.json == SETUP_REQUIRED
    change = enforced.client.simulate_post("/auth/change-password", headers=headers, json={})
    assert change.json == SETUP_REQUIRED
    for path in ("/auth/authenticated", "/api/auth/authenticated"):
        assert enforced.client.simulate_get(path, headers=headers).status_code == 200
    assert enforced.client.simulate_put("/auth/totp", headers=headers).status_code == 200
    assert enforced.client.simulate_put("/auth/fido", headers=headers).status_code == 200
    renewed = enforced.client.simulate_get("/auth/refresh-token", headers=bearer(refresh))
    assert unverified(renewed.json["access_token"])["requires_2fa_setup"] is True


def test_enabling_a_factor_lifts_the_restriction(enforced, clock_control):
    enforced.person("user", email=EMAIL)
    restricted = login(enforced.client, EMAIL).json
    totp, enabled = enable_totp(enforced.client, bearer(restricted["access_token"]))
    assert "requires_2fa_setup" not in unverified(enabled["access_token"])
    assert enforced.client.simulate_get(
        "/data/persons", headers=bearer(enabled["access_token"])).status_code == 200
    renewed = enforced.client.simulate_get("/auth/refresh-token",
                                           headers=bearer(restricted["refresh_token"]))
    assert "requires_2fa_setup" not in unverified(renewed.json["access_token"])
    clock_control.advance(seconds=totp.interval)
    logged = login(enforced.client, EMAIL, totp=totp_code(totp))
    assert "two_factor_authentication_required" not in logged.json
    assert "requires_2fa_setup" not in unverified(logged.json["access_token"])
