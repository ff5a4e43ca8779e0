"""Login codes by e-mail, read out of the mails a real SMTP server received (AUTH.md §5.3
property 29, and 31 for e-mail codes; zou/behaviour.md A.5)."""


from framework import mail
from plugins.auth.models import EmailOtp
from tests.conftest import Studio
from tests.plugins.auth.helpers import (ALICE, MAILED_CODE, WRONG_FACTOR, auth_settings,
                                        enable_email_otp, login, mailed_login_code, person_row)


def other_code(code):
    return f"{(int(code) + 1) % 1000000:06d}"


def test_pre_enable_mails_a_code_and_the_code_enables(app, studio, alice, headers, mailbox):
    result = studio.client.simulate_put("/auth/email-otp", headers=headers)
    assert result.json == {"success": True}
    assert person_row(app, alice).email_otp_enabled is False
    mailed = mailbox.wait_for(ALICE)
    code = mailed.find(MAILED_CODE)
    wrong = studio.client.simulate_post("/auth/email-otp", headers=headers,
                                        json={"email_otp": other_code(code)})
    assert wrong.json == {"error": True, "message": "OTP by email verification failed.",
                          "wrong_OTP": True}
    enabled = studio.client.simulate_post("/auth/email-otp", headers=headers,
                                          json={"email_otp": code})
    assert enabled.status_code == 200
    assert len(enabled.json["otp_recovery_codes"]) == 16
    stored = person_row(app, alice)
    assert stored.email_otp_enabled is True
    assert stored.preferred_two_factor_authentication == "email_otp"
    again = studio.client.simulate_put("/auth/email-otp", headers=headers)
    assert again.json == {"error": True, "message": "OTP by email already enabled."}


def test_login_code_request_answers_alike_and_mails_only_a_user_of_codes(app, studio, headers,
                                                                       mailbox):
    """Property 29, first part: 200 {"success": true} for every address; a 6-digit code
    reaches only an active account with e-mail codes."""
    enable_email_otp(studio.client, headers, mailbox, ALICE)
    studio.person("user", email="plain@example.com")
    gone = studio.person("user", email="gone@example.com")
    enable_email_otp(studio.client, studio.headers(gone), mailbox, "gone@example.com")
    studio.client.simulate_put(f"/data/persons/{gone.id}", json={"active": False},
                               headers=studio.headers(studio.person("admin")))
    mail.drain()
    mailbox.clear()

    answers = [studio.client.simulate_get("/auth/email-otp", params={"email": address})
               for address in (ALICE, "plain@example.com", "gone@example.com",
                               "nobody@example.com")]
    assert {answer.status_code for answer in answers} == {200}
    assert {answer.content for answer in answers} == {b'{"success":true}'}
    assert len(mailbox.wait_for(ALICE).find(MAILED_CODE)) == 6
    mail.drain()
    assert mailbox.summary() == [([ALICE], mailbox.to(ALICE)[0].subject)]


def test_a_code_logs_in_once(studio, headers, mailbox):
    """Property 29: single use."""
    enable_email_otp(studio.client, headers, mailbox, ALICE)
    code = mailed_login_code(studio.client, mailbox, ALICE)
    assert login(studio.client, ALICE, email_otp=code).status_code == 200
    assert login(studio.client, ALICE, email_otp=code).json == WRONG_FACTOR


def test_only_the_latest_code_works(studio, headers, mailbox):
    """Property 29: a new code voids the one before."""
    enable_email_otp(studio.client, headers, mailbox, ALICE)
    first = mailed_login_code(studio.client, mailbox, ALICE)
    second = mailed_login_code(studio.client, mailbox, ALICE)
    if first != second:
        assert login(studio.client, ALICE, email_otp=first).json == WRONG_FACTOR
    assert login(studio.client, ALICE, email_otp=second).status_code == 200


def test_a_code_expires(app, studio, headers, mailbox, clock_control):
    """Property 29: valid for the configured minutes."""
    enable_email_otp(studio.client, headers, mailbox, ALICE)
    minutes = auth_settings(app)["email_otp_minutes"]
    code = mailed_login_code(studio.client, mailbox, ALICE)
    clock_control.advance(minutes=minutes, seconds=-5)
    assert login(studio.client, ALICE, email_otp=code).status_code == 200
    code = mailed_login_code(studio.client, mailbox, ALICE)
    clock_control.advance(minutes=minutes)
    assert login(studio.client, ALICE, email_otp=code).json == WRONG_FACTOR


def test_a_code_is_void_after_the_allowed_wrong_tries(make_app, mailbox):
    """Property 29: after the configured wrong tries even the right code fails (the login
    lockout is raised here so that it is the code's own limit that shows)."""
    app = make_app({"plugins": {"auth": {"lockout_attempts": 50}}})
    studio = Studio(app)
    enable_email_otp(studio.client, studio.headers(studio.person("user", email=ALICE)), mailbox,
                     ALICE)
    attempts = auth_settings(app)["email_otp_attempts"]
    code = mailed_login_code(studio.client, mailbox, ALICE)
    for _ in range(attempts - 1):
        assert login(studio.client, ALICE, email_otp=other_code(code)).json == WRONG_FACTOR
    assert login(studio.client, ALICE, email_otp=code).status_code == 200

    code = mailed_login_code(studio.client, mailbox, ALICE)
    for _ in range(attempts):
        assert login(studio.client, ALICE, email_otp=other_code(code)).json == WRONG_FACTOR
    assert login(studio.client, ALICE, email_otp=code).json == WRONG_FACTOR


def test_the_counter_is_random_and_only_kept_in_the_database(app, studio, headers, mailbox):
    enable_email_otp(studio.client, headers, mailbox, ALICE)
    counters = set()
    for _ in range(3):
        mailed_login_code(studio.client, mailbox, ALICE)
        with app.dopesheet.activated():
            counters.add(EmailOtp.get().counter)
    assert len(counters) == 3


def test_disabling_needs_a_valid_second_factor(app, studio, alice, headers, mailbox):
    """Property 31 for e-mail codes."""
    enable_email_otp(studio.client, headers, mailbox, ALICE)
    code = mailed_login_code(studio.client, mailbox, ALICE)
    for body in ({}, {"email_otp": other_code(code)}, {"totp": "123456"}):
        result = studio.client.simulate_delete("/auth/email-otp", headers=headers, json=body)
        assert result.status_code == 400
        assert result.json == {"error": True, "message": "OTP verification failed.",
                               "wrong_OTP": True}
    assert person_row(app, alice).email_otp_enabled is True
    removed = studio.client.simulate_delete("/auth/email-otp", headers=headers,
                                            json={"email_otp": code})
    assert removed.json == {"success": True}
    assert person_row(app, alice).email_otp_enabled is False
    assert login(studio.client, ALICE).status_code == 200
    assert studio.client.simulate_delete("/auth/email-otp", headers=headers, json={}).json == {
        "error": True, "message": "OTP by email not enabled."}
