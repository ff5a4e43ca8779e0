"""Recovery codes (AUTH.md §5.3 property 30; zou/behaviour.md A.5)."""

import hashlib


from plugins.auth.models import RecoveryCode
from tests.plugins.auth.helpers import (ALICE, WRONG_FACTOR, database_text, enable_email_otp,
                                        enable_totp, login, mailed_login_code, totp_code)


def stored_digests(app, person):
    with app.dopesheet.activated():
        return {row.digest for row in RecoveryCode.select().where(RecoveryCode.person == person.id)}


def regenerate(client, headers, **factor):
    return client.simulate_put("/auth/recovery-codes", headers=headers, json=factor)


def test_each_recovery_code_logs_in_once(studio, headers):
    """Property 30: single use, in whatever case or grouping it is typed."""
    _, enabled = enable_totp(studio.client, headers)
    first, second = enabled["otp_recovery_codes"][:2]
    assert login(studio.client, ALICE, recovery_code=first).status_code == 200
    assert login(studio.client, ALICE, recovery_code=first).json == WRONG_FACTOR
    typed = "-".join(second[index:index + 4] for index in range(0, len(second), 4)).lower()
    assert login(studio.client, ALICE, recovery_code=typed).status_code == 200
    assert login(studio.client, ALICE, recovery_code=second).json == WRONG_FACTOR


def test_codes_carry_120_bits_and_are_stored_as_digests_only(app, studio, alice, headers):
    """Property 30: stored only as hashes (the plaintext is in no table)."""
    _, enabled = enable_totp(studio.client, headers)
    codes = enabled["otp_recovery_codes"]
    assert len(set(codes)) == 16
    assert all(len(code) == 24 and set(code) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
               for code in codes)
    assert stored_digests(app, alice) == {hashlib.sha256(code.encode()).hexdigest()
                                          for code in codes}
    everything = database_text(app)
    assert not [code for code in codes if code in everything]


def test_codes_are_shown_only_when_issued(studio, headers, mailbox):
    """Property 30: a second method does not show them again; login and authenticated never."""
    totp, enabled = enable_totp(studio.client, headers)
    assert enabled["otp_recovery_codes"]
    second = enable_email_otp(studio.client, headers, mailbox, ALICE)
    assert second["otp_recovery_codes"] is None
    code = mailed_login_code(studio.client, mailbox, ALICE)
    logged = login(studio.client, ALICE, email_otp=code)
    assert logged.status_code == 200
    me = studio.client.simulate_get("/auth/authenticated", headers=headers)
    for answer in (logged, me):
        assert "otp_recovery_codes" not in answer.text
        assert not [code for code in enabled["otp_recovery_codes"] if code in answer.text]


def test_regenerating_needs_a_second_factor_and_voids_the_old_codes(app, studio, alice,
                                                                   headers):
    """Property 30: PUT /auth/recovery-codes with a second factor; old codes stop working."""
    _, enabled = enable_totp(studio.client, headers)
    old = enabled["otp_recovery_codes"]
    for refused in (regenerate(studio.client, headers),
                    regenerate(studio.client, headers, recovery_code="WRONG")):
        assert refused.status_code == 400
        assert refused.json == {"error": True, "message": "OTP verification failed.",
                                "wrong_OTP": True}
    assert len(stored_digests(app, alice)) == 16

    renewed = regenerate(studio.client, headers, recovery_code=old[0])
    assert renewed.status_code == 200
    new = renewed.json["otp_recovery_codes"]
    assert set(renewed.json) == {"otp_recovery_codes"}
    assert len(new) == 16 and not set(new) & set(old)
    assert login(studio.client, ALICE, recovery_code=old[1]).json == WRONG_FACTOR
    assert login(studio.client, ALICE, recovery_code=new[0]).status_code == 200


def test_regenerating_without_any_method_is_refused(studio, headers):
    result = regenerate(studio.client, headers, recovery_code="ANYTHING")
    assert result.json == {"error": True, "message": "No two factor authentication enabled."}


def test_disabling_the_last_method_deletes_the_codes(app, studio, alice, headers, mailbox,
                                                     clock_control):
    """Property 30: the codes survive while a method is left, and go with the last one."""
    _, enabled = enable_totp(studio.client, headers)
    codes = enabled["otp_recovery_codes"]
    enable_email_otp(studio.client, headers, mailbox, ALICE)
    removed = studio.client.simulate_delete("/auth/totp", headers=headers,
                                            json={"recovery_code": codes[0]})
    assert removed.json == {"success": True}
    assert len(stored_digests(app, alice)) == 15
    code = mailed_login_code(studio.client, mailbox, ALICE)
    removed = studio.client.simulate_delete("/auth/email-otp", headers=headers,
                                            json={"email_otp": code})
    assert removed.json == {"success": True}
    assert stored_digests(app, alice) == set()
    assert login(studio.client, ALICE).status_code == 200


def test_enabling_again_issues_new_codes(studio, headers, clock_control):
    totp, enabled = enable_totp(studio.client, headers)
    clock_control.advance(seconds=totp.interval)
    studio.client.simulate_delete("/auth/totp", headers=headers, json={"totp": totp_code(totp)})
    _, again = enable_totp(studio.client, headers)
    assert len(again["otp_recovery_codes"]) == 16
    assert not set(again["otp_recovery_codes"]) & set(enabled["otp_recovery_codes"])
