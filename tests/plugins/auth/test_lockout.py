"""The login lockout (AUTH.md §5.3 properties 4 to 7), with the settings the app runs on;
time passes with the server clock (``clock_control``), never with sleeps."""

import math

from tests.conftest import PASSWORD
from tests.plugins.auth.helpers import BROWSER, WRONG_CREDENTIALS, auth_settings, failed_count

EMAIL = "alice@example.com"


def login(client, email=EMAIL, password=PASSWORD, **kwargs):
    return client.simulate_post("/auth/login", json={"email": email, "password": password},
                                **kwargs)


def lockout_minutes(app):
    return auth_settings(app)["lockout_minutes"]


def locked_body(app):
    minutes = lockout_minutes(app)
    wait = "a minute" if minutes == 1 else f"{minutes} minutes"
    return {"error": True, "login": False, "too_many_failed_login_attemps": True,
            "message": f"Too many failed login attempts, retry in {wait}."}


def fail(client, times, email=EMAIL):
    for _ in range(times):
        result = login(client, email, "not the password")
        assert result.json == WRONG_CREDENTIALS, result.text


def test_one_failure_less_than_the_limit_does_not_lock(app, studio):
    studio.person("user", email=EMAIL)
    fail(studio.client, auth_settings(app)["lockout_attempts"] - 1)
    assert login(studio.client).status_code == 200


def test_the_limit_of_failures_locks_even_the_right_password(app, studio, verify_calls):
    """Property 4: locked for the configured time; the right password gets the same 400,
    no tokens, no cookies, and costs no password check."""
    studio.person("user", email=EMAIL)
    fail(studio.client, auth_settings(app)["lockout_attempts"])
    checks = len(verify_calls)

    wrong = login(studio.client, EMAIL, "not the password")
    right = login(studio.client, headers={"User-Agent": BROWSER})
    assert wrong.status_code == right.status_code == 400
    assert right.json == locked_body(app)
    assert wrong.content == right.content
    assert not right.cookies
    assert len(verify_calls) == checks


def test_lockout_lasts_the_configured_time(app, studio, clock_control):
    studio.person("user", email=EMAIL)
    fail(studio.client, auth_settings(app)["lockout_attempts"])
    clock_control.advance(minutes=lockout_minutes(app), seconds=-5)
    assert login(studio.client).json == locked_body(app)
    clock_control.advance(seconds=6)
    assert login(studio.client).status_code == 200


def test_unknown_address_gets_the_same_lockout_answer(app, studio):
    """Property 5: failures are counted per login name, registered or not."""
    studio.person("user", email=EMAIL)
    limit = auth_settings(app)["lockout_attempts"]
    fail(studio.client, limit)
    fail(studio.client, limit, email="nobody@example.com")
    known = login(studio.client)
    unknown = login(studio.client, "nobody@example.com")
    assert known.status_code == unknown.status_code == 400
    assert known.content == unknown.content
    assert unknown.json == locked_body(app)


def test_spellings_of_one_address_share_one_counter(app, studio):
    studio.person("user", email=EMAIL)
    limit = auth_settings(app)["lockout_attempts"]
    spellings = [EMAIL, "ALICE@example.com", " Alice@Example.com "]
    for index in range(limit):
        fail(studio.client, 1, email=spellings[index % len(spellings)])
    assert login(studio.client).json == locked_body(app)
    assert failed_count(app, EMAIL) == limit


def test_counter_restarts_after_the_lockout(app, studio, clock_control):
    """Property 6: after the lockout one more failure does not re-lock, the right password
    then logs in, and a successful login resets the counter to 0."""
    studio.person("user", email=EMAIL)
    limit = auth_settings(app)["lockout_attempts"]
    fail(studio.client, limit)
    clock_control.advance(minutes=lockout_minutes(app))

    fail(studio.client, 1)
    assert failed_count(app, EMAIL) == 1
    assert login(studio.client).status_code == 200
    assert failed_count(app, EMAIL) == 0
    fail(studio.client, limit - 1)
    assert login(studio.client).status_code == 200


def test_at_most_100_password_checks_per_hour_for_one_account(app, studio, verify_calls,
                                                             clock_control):
    """Property 7, derived from the settings: in each lockout window the attacker gets the
    allowed failures, then nothing is checked until the window has passed."""
    settings = auth_settings(app)
    limit, minutes = settings["lockout_attempts"], settings["lockout_minutes"]
    windows_per_hour = math.ceil(60 / minutes)
    assert limit * windows_per_hour <= 100

    studio.person("user", email=EMAIL)
    for _ in range(windows_per_hour):
        answers = [login(studio.client, EMAIL, "guess").json for _ in range(limit + 3)]
        assert answers == [WRONG_CREDENTIALS] * limit + [locked_body(app)] * 3
        clock_control.advance(minutes=lockout_minutes(app))
    assert len(verify_calls) == limit * windows_per_hour
