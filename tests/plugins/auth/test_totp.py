"""TOTP: pre-enable, enable, login, replay, disable (AUTH.md §5.3 properties 26, 27, 28 and
31 for TOTP; zou/behaviour.md A.5). Codes are made with pyotp for the server clock's steps."""

import base64
import unicodedata
from urllib.parse import parse_qs, urlparse

import pyotp
import pytest

from tests.plugins.auth.helpers import (ALICE, FACTOR_REFUSED, WRONG_FACTOR, auth_settings, bearer,
                                        enable_totp, failed_count, login, person_row,
                                        start_of_a_step, totp_code, wrong_code)


def full_width(code):
    return "".join(unicodedata.lookup(f"FULLWIDTH DIGIT {unicodedata.name(digit).split()[-1]}")
                   for digit in code)


# -- enabling (property 26) ---------------------------------------------------------------

def test_pre_enable_gives_a_160_bit_secret_and_leaves_totp_off(app, studio, alice, headers):
    """Property 26, first half."""
    result = studio.client.simulate_put("/auth/totp", headers=headers)
    assert result.status_code == 200
    assert set(result.json) == {"totp_provisionning_uri", "otp_secret"}
    uri = urlparse(result.json["totp_provisionning_uri"])
    assert (uri.scheme, uri.netloc) == ("otpauth", "totp")
    assert uri.path == "/Kitsu%20Kitsu:alice%40example.com"
    secret = parse_qs(uri.query)["secret"][0]
    assert secret == result.json["otp_secret"]
    assert len(base64.b32decode(secret)) * 8 == 160
    assert person_row(app, alice).totp_enabled is False
    me = studio.client.simulate_get("/auth/authenticated", headers=headers).json["user"]
    assert me["totp_enabled"] is False


def test_a_current_code_enables_totp_with_recovery_codes(app, studio, alice, headers):
    """Property 26, second half; Zou's answer: recovery codes and fresh tokens."""
    _, enabled = enable_totp(studio.client, headers)
    assert set(enabled) == {"otp_recovery_codes", "access_token", "refresh_token"}
    assert len(enabled["otp_recovery_codes"]) == 16
    stored = person_row(app, alice)
    assert stored.totp_enabled is True
    assert stored.preferred_two_factor_authentication == "totp"
    fresh = bearer(enabled["access_token"])
    assert studio.client.simulate_get("/auth/authenticated", headers=fresh).status_code == 200
    again = studio.client.simulate_put("/auth/totp", headers=headers)
    assert again.json == {"error": True, "message": "TOTP already enabled."}


def test_a_wrong_code_leaves_totp_off(app, studio, alice, headers):
    """Property 26, the refusal."""
    secret = studio.client.simulate_put("/auth/totp", headers=headers).json["otp_secret"]
    wrong = wrong_code(pyotp.TOTP(secret))
    result = studio.client.simulate_post("/auth/totp", headers=headers, json={"totp": wrong})
    assert result.status_code == 400
    assert result.json == {"error": True, "message": "TOTP verification failed.",
                           "wrong_OTP": True}
    assert person_row(app, alice).totp_enabled is False


def test_enabling_without_pre_enabling_is_a_wrong_code(studio, headers):
    result = studio.client.simulate_post("/auth/totp", headers=headers, json={"totp": "123456"})
    assert result.status_code == 400
    assert result.json["wrong_OTP"] is True


@pytest.mark.parametrize("body, field", [({}, "totp"), ({"totp": 123456}, "totp")])
def test_enabling_validates_the_code_field(studio, headers, body, field):
    result = studio.client.simulate_post("/auth/totp", headers=headers, json=body)
    assert result.status_code == 400
    assert result.json["message"] == "Validation error."
    assert result.json["data"]["errors"][0]["field"] == field


# -- login with TOTP (properties 27 and 28) -------------------------------------------------

def test_login_without_a_code_names_the_methods(studio, alice, headers):
    """Property 28, first half: Zou's missing_OTP answer."""
    enable_totp(studio.client, headers)
    result = login(studio.client, ALICE)
    assert result.status_code == 400
    assert result.json == {"error": True, "login": False, "missing_OTP": True,
                           "message": "A two-factor authentication code is required.",
                           "preferred_two_factor_authentication": "totp",
                           "two_factor_authentication_enabled": ["recovery_code", "totp"]}
    assert "access_token" not in result.text


def test_a_wrong_code_at_login_counts_towards_the_lockout(app, studio, alice, headers):
    """Property 28, second half."""
    totp, _ = enable_totp(studio.client, headers)
    wrong = wrong_code(totp)
    limit = auth_settings(app)["lockout_attempts"]
    for attempt in range(limit):
        result = login(studio.client, ALICE, totp=wrong)
        assert result.status_code == 400
        assert result.json == WRONG_FACTOR
        assert failed_count(app, ALICE) == attempt + 1
    locked = login(studio.client, ALICE, totp=totp_code(totp, 1))
    assert locked.json["too_many_failed_login_attemps"] is True


def test_codes_of_the_neighbouring_steps_are_accepted(studio, alice, headers, clock_control):
    """Property 27: previous and next steps accepted, two steps away refused (all of them
    later than the step that enabled TOTP, so only the window decides)."""
    totp, _ = enable_totp(studio.client, headers)
    start_of_a_step(clock_control, totp)
    clock_control.advance(seconds=2 * totp.interval)
    assert login(studio.client, ALICE, totp=totp_code(totp, -2)).json == WRONG_FACTOR
    assert login(studio.client, ALICE, totp=totp_code(totp, 2)).json == WRONG_FACTOR
    assert login(studio.client, ALICE, totp=totp_code(totp, -1)).status_code == 200
    assert login(studio.client, ALICE, totp=totp_code(totp, 1)).status_code == 200


def test_a_time_step_is_accepted_once(studio, alice, headers, clock_control):
    """Property 27: a replayed code, in any spelling, or an older step, is refused."""
    totp, _ = enable_totp(studio.client, headers)
    start_of_a_step(clock_control, totp)
    code = totp_code(totp)
    assert login(studio.client, ALICE, totp=code).status_code == 200
    assert login(studio.client, ALICE, totp=code).json == WRONG_FACTOR
    assert login(studio.client, ALICE, totp=full_width(code)).json == WRONG_FACTOR
    assert login(studio.client, ALICE, totp=totp_code(totp, -1)).json == WRONG_FACTOR
    assert login(studio.client, ALICE, totp=totp_code(totp, 1)).status_code == 200


def test_the_code_that_enabled_totp_cannot_log_in(studio, alice, headers):
    totp, _ = enable_totp(studio.client, headers)
    assert login(studio.client, ALICE, totp=totp_code(totp)).json == WRONG_FACTOR


def test_full_width_digits_are_the_same_code(studio, alice, headers, clock_control):
    totp, _ = enable_totp(studio.client, headers)
    start_of_a_step(clock_control, totp)
    assert login(studio.client, ALICE, totp=full_width(totp_code(totp))).status_code == 200


# -- disabling (property 31, TOTP) ----------------------------------------------------------

def test_disabling_needs_a_valid_second_factor(app, studio, alice, headers, clock_control):
    """Property 31 for TOTP: no factor or a wrong one changes nothing."""
    totp, _ = enable_totp(studio.client, headers)
    start_of_a_step(clock_control, totp)
    wrong = wrong_code(totp)
    for body in ({}, {"totp": wrong}, {"recovery_code": "NOT-A-CODE"}, {"email_otp": "123456"}):
        result = studio.client.simulate_delete("/auth/totp", headers=headers, json=body)
        assert result.status_code == 400
        assert result.json == FACTOR_REFUSED
    assert person_row(app, alice).totp_enabled is True
    assert login(studio.client, ALICE, totp=totp_code(totp)).status_code == 200


def test_disabling_with_a_code_turns_totp_off(app, studio, alice, headers, clock_control):
    totp, _ = enable_totp(studio.client, headers)
    start_of_a_step(clock_control, totp)
    result = studio.client.simulate_delete("/auth/totp", headers=headers,
                                           json={"totp": totp_code(totp)})
    assert result.json == {"success": True}
    stored = person_row(app, alice)
    assert stored.totp_enabled is False
    assert stored.preferred_two_factor_authentication is None
    assert login(studio.client, ALICE).status_code == 200
    again = studio.client.simulate_delete("/auth/totp", headers=headers, json={})
    assert again.json == {"error": True, "message": "TOTP not enabled."}


def test_wrong_codes_on_the_settings_routes_count_towards_the_lockout(app, studio, alice,
                                                                      headers):
    totp, _ = enable_totp(studio.client, headers)
    wrong = wrong_code(totp)
    limit = auth_settings(app)["lockout_attempts"]
    for _ in range(limit):
        studio.client.simulate_delete("/auth/totp", headers=headers, json={"totp": wrong})
    assert failed_count(app, ALICE) == limit
    locked = studio.client.simulate_delete("/auth/totp", headers=headers,
                                           json={"totp": totp_code(totp, 1)})
    assert locked.status_code == 400
    assert locked.json["too_many_failed_login_attemps"] is True
    assert person_row(app, alice).totp_enabled is True
