"""FIDO2 security keys with a software key and the real fido2 server code (AUTH.md §5.3
properties 32, 33, 34, and 31 for keys; zou/behaviour.md A.5)."""

import copy

import pytest
from fido2.utils import websafe_decode, websafe_encode

from plugins.auth.models import FidoCredential
from tests.plugins.auth.helpers import ALICE, WRONG_FACTOR, login, person_row
from tests.plugins.auth.security_key import SecurityKey

NOT_ENABLED = {"error": True, "message": "FIDO not enabled."}


def register(client, headers, key, name="yubikey"):
    options = client.simulate_put("/auth/fido", headers=headers).json
    return client.simulate_post("/auth/fido", headers=headers, json={
        "registration_response": key.create(options), "device_name": name})


def challenge(client, email=ALICE):
    return client.simulate_get("/auth/fido", params={"email": email})


@pytest.fixture
def key(studio, headers):
    key = SecurityKey()
    assert register(studio.client, headers, key).status_code == 200
    return key


def key_login(client, key, **options):
    return login(client, ALICE, fido_authentication_response=key.get(challenge(client).json,
                                                                     **options))


# -- registration (property 32) -------------------------------------------------------------

def test_registering_a_key_enables_fido_with_recovery_codes(app, studio, alice, headers):
    """Property 32, first half."""
    options = studio.client.simulate_put("/auth/fido", headers=headers).json
    assert options["rp"] == {"name": "Kitsu", "id": "localhost"}
    assert websafe_decode(options["user"]["id"]) == alice.id.encode()
    assert options["authenticatorSelection"]["userVerification"] == "preferred"
    result = studio.client.simulate_post("/auth/fido", headers=headers, json={
        "registration_response": SecurityKey().create(options), "device_name": "yubikey"})
    assert result.status_code == 200
    assert set(result.json) == {"otp_recovery_codes", "access_token", "refresh_token"}
    assert len(result.json["otp_recovery_codes"]) == 16
    stored = person_row(app, alice)
    assert stored.fido_enabled is True
    assert stored.preferred_two_factor_authentication == "fido"
    me = studio.client.simulate_get("/auth/authenticated", headers=headers).json["user"]
    assert me["fido_enabled"] is True and me["fido_devices"] == ["yubikey"]


def test_a_registration_cannot_be_posted_twice(studio, headers):
    """Property 32, second half: the creation challenge serves once."""
    options = studio.client.simulate_put("/auth/fido", headers=headers).json
    body = {"registration_response": SecurityKey().create(options), "device_name": "yubikey"}
    assert studio.client.simulate_post("/auth/fido", headers=headers, json=body).status_code == 200
    again = studio.client.simulate_post("/auth/fido", headers=headers, json=body)
    assert again.status_code == 400
    assert again.json == {"error": True, "message": "No preregistration before."}


def test_a_key_is_stored_as_credential_bytes_and_a_counter(app, alice, key):
    with app.dopesheet.activated():
        row = FidoCredential.get(FidoCredential.person == alice.id)
    assert bytes(row.credential_id) == key.credential_id
    assert key.credential_id in bytes(row.credential_data)
    assert row.sign_count == 0


@pytest.mark.parametrize("tamper", ["foreign-origin", "garbage", "empty", "not-a-dict"])
def test_a_bad_registration_is_refused(app, studio, alice, headers, tamper):
    options = studio.client.simulate_put("/auth/fido", headers=headers).json
    response = SecurityKey(origin="https://evil.example").create(options) if (
        tamper == "foreign-origin") else {"garbage": {"id": "x"}, "empty": {}}.get(tamper, [1])
    result = studio.client.simulate_post("/auth/fido", headers=headers, json={
        "registration_response": response, "device_name": "yubikey"})
    assert result.status_code == 400
    assert person_row(app, alice).fido_enabled is False


def test_a_second_key_is_registered_beside_the_first(studio, headers, key):
    options = studio.client.simulate_put("/auth/fido", headers=headers).json
    assert [websafe_decode(item["id"]) for item in options["excludeCredentials"]] == [
        key.credential_id]
    second = register(studio.client, headers, SecurityKey(), name="backup key")
    assert second.status_code == 200
    assert second.json["otp_recovery_codes"] is None
    me = studio.client.simulate_get("/auth/authenticated", headers=headers).json["user"]
    assert me["fido_devices"] == ["yubikey", "backup key"]


# -- login (property 33) --------------------------------------------------------------------

def test_a_key_logs_in_once_per_challenge(studio, key):
    """Property 33: the assertion works once; replayed, it fails."""
    assertion = key.get(challenge(studio.client).json)
    assert login(studio.client, ALICE, fido_authentication_response=assertion).status_code == 200
    replayed = login(studio.client, ALICE, fido_authentication_response=assertion)
    assert replayed.json == WRONG_FACTOR
    challenge(studio.client)
    assert login(studio.client, ALICE,
                 fido_authentication_response=assertion).json == WRONG_FACTOR


def test_an_assertion_for_another_origin_fails(studio, key):
    """Property 33: phishing origin."""
    assert key_login(studio.client, key, origin="https://evil.example").json == WRONG_FACTOR
    assert key_login(studio.client, key).status_code == 200


def test_a_bad_signature_fails(studio, key):
    """Property 33."""
    assertion = key.get(challenge(studio.client).json)
    signature = bytearray(websafe_decode(assertion["response"]["signature"]))
    signature[-1] ^= 1
    assertion["response"]["signature"] = websafe_encode(bytes(signature))
    assert login(studio.client, ALICE, fido_authentication_response=assertion).json == WRONG_FACTOR


def test_an_unregistered_key_fails(studio, key):
    """Property 33."""
    stranger = SecurityKey()
    stranger.user_handle = key.user_handle
    options = dict(challenge(studio.client).json, allowCredentials=[])
    result = login(studio.client, ALICE, fido_authentication_response=stranger.get(options))
    assert result.json == WRONG_FACTOR


def test_a_counter_that_does_not_grow_fails(studio, key):
    """Property 33: a cloned key replays an old counter."""
    assert key_login(studio.client, key).status_code == 200
    key.counter -= 1
    assert key_login(studio.client, key).json == WRONG_FACTOR
    key.counter += 5
    assert key_login(studio.client, key).status_code == 200


@pytest.mark.parametrize("response", [
    {}, {"id": "fake"}, {"id": "AAAA", "rawId": "AAAA", "type": "public-key",
                         "response": {"clientDataJSON": "!!", "authenticatorData": "",
                                      "signature": ""}},
    "a string", 42, ["list"],
])
def test_malformed_fido_json_answers_400(studio, key, response):
    """Property 33: malformed input is a 400, never a 500."""
    challenge(studio.client)
    result = login(studio.client, ALICE, fido_authentication_response=response)
    assert result.status_code == 400
    assert key_login(studio.client, key).status_code == 200


def test_tampered_fields_fail(studio, key):
    assertion = key.get(challenge(studio.client).json)
    broken = copy.deepcopy(assertion)
    broken["rawId"] = websafe_encode(b"other")
    assert login(studio.client, ALICE, fido_authentication_response=broken).status_code == 400


def test_a_challenge_expires(app, studio, key, clock_control):
    assertion = key.get(challenge(studio.client).json)
    minutes = app.dopesheet.plugin_settings("auth")["fido_challenge_minutes"]
    clock_control.advance(minutes=minutes)
    assert login(studio.client, ALICE, fido_authentication_response=assertion).json == WRONG_FACTOR


# -- the public challenge route (property 34) -----------------------------------------------

def test_no_challenge_tells_accounts_apart(studio, headers):
    """Property 34: unknown, inactive and key-less addresses get one same answer."""
    gone = studio.person("user", email="gone@example.com")
    register(studio.client, studio.headers(gone), SecurityKey())
    studio.client.simulate_put(f"/data/persons/{gone.id}", json={"active": False},
                               headers=studio.headers(studio.person("admin")))
    answers = [challenge(studio.client, address)
               for address in ("nobody@example.com", "gone@example.com", ALICE)]
    assert {answer.status_code for answer in answers} == {400}
    assert {answer.content for answer in answers} == {
        b'{"error":true,"message":"FIDO not enabled."}'}


def test_challenges_are_random_and_unique(studio, key):
    """Property 34: at least 16 random bytes, never twice the same."""
    challenges = [websafe_decode(challenge(studio.client).json["challenge"]) for _ in range(20)]
    assert all(len(value) >= 16 for value in challenges)
    assert len(set(challenges)) == 20
    options = challenge(studio.client).json
    assert options["rpId"] == "localhost"
    assert [websafe_decode(item["id"]) for item in options["allowCredentials"]] == [
        key.credential_id]


# -- removal (property 31, keys) ------------------------------------------------------------

def test_removing_a_key_needs_a_valid_second_factor(app, studio, alice, headers, key):
    """Property 31 for keys."""
    for body in ({"device_name": "yubikey"},
                 {"device_name": "yubikey", "recovery_code": "WRONG"},
                 {"device_name": "yubikey", "fido_authentication_response": {"id": "x"}}):
        result = studio.client.simulate_delete("/auth/fido", headers=headers, json=body)
        assert result.status_code == 400
        assert result.json == {"error": True, "message": "OTP verification failed.",
                               "wrong_OTP": True}
    assert person_row(app, alice).fido_enabled is True
    assertion = key.get(challenge(studio.client).json)
    removed = studio.client.simulate_delete("/auth/fido", headers=headers, json={
        "device_name": "yubikey", "fido_authentication_response": assertion})
    assert removed.json == {"success": True}
    stored = person_row(app, alice)
    assert stored.fido_enabled is False
    assert stored.preferred_two_factor_authentication is None
    assert login(studio.client, ALICE).status_code == 200
    assert studio.client.simulate_delete("/auth/fido", headers=headers, json={
        "device_name": "yubikey"}).json == NOT_ENABLED


def test_removal_needs_the_device_name(studio, headers, key):
    result = studio.client.simulate_delete("/auth/fido", headers=headers, json={})
    assert result.json == {"error": True, "message": "Validation error.", "data": {"errors": [
        {"field": "device_name", "message": "Field required"}]}}
