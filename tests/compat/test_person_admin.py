"""gazu.person's account administration against a served Dopesheet: an admin sets a
person's password, invites them by mail, turns their second factors off; bots; the web
URL of a person."""

import json

import gazu
import pyotp
import pytest

from tests.compat.conftest import PASSWORD, connect, unique


def test_admin_sets_a_persons_password(served, admin, new_person, mailbox):
    person, person_client = new_person()
    assert gazu.person.change_password_for_person(person, "a brand new password",
                                                  client=admin) == {"success": True}
    assert "changed by an administrator" in mailbox.wait_for(person["email"]).subject
    with pytest.raises(gazu.exception.NotAuthenticatedException):
        gazu.user.all_open_projects(client=person_client)
    with pytest.raises(gazu.exception.AuthFailedException):
        connect(served, person["email"], PASSWORD)
    assert connect(served, person["email"], "a brand new password").tokens["access_token"]
    with pytest.raises(gazu.exception.ParameterException, match="too short"):
        gazu.person.change_password_for_person(person, "short", client=admin)
    _, other_client = new_person()
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.person.change_password_for_person(person, "a brand new password",
                                               client=other_client)


def test_an_invitation_lets_a_person_choose_their_password(served, admin, mailbox):
    email = f"{unique('guest').split()[1]}@compat.example.com"
    person = gazu.person.new_person("Guest", "Star", email, client=admin)
    assert gazu.person.invite_person(person, client=admin) == {"success": True,
                                                               "message": "Email sent"}
    invitation = mailbox.wait_for(email)
    token = invitation.find(r"[?&]token=([A-Z0-9]+)")
    assert "type=new" in invitation.body
    chosen = "the password I chose"
    gazu.client.put("auth/reset-password", {"email": email, "token": token,
                                            "password": chosen, "password2": chosen},
                    client=gazu.client.create_client(f"{served.url}/api"))
    assert connect(served, email, chosen).tokens["access_token"]


def test_admin_turns_a_persons_second_factors_off(served, admin, new_person, mailbox):
    person, person_client = new_person()
    secret = gazu.client.put("auth/totp", {}, client=person_client)["otp_secret"]
    gazu.client.post("auth/totp", {"totp": pyotp.TOTP(secret).now()}, client=person_client)
    with pytest.raises(gazu.exception.AuthFailedException):
        connect(served, person["email"], PASSWORD)
    answer = gazu.person.disable_two_factor_authentication(person, client=admin)
    assert json.loads(answer) == {"success": True}
    assert "two-factor" in mailbox.wait_for(person["email"]).subject
    assert connect(served, person["email"], PASSWORD).tokens["access_token"]
    with pytest.raises(gazu.exception.ParameterException, match="not enabled"):
        gazu.person.disable_two_factor_authentication(person, client=admin)


def bot_client(served, token):
    client = gazu.client.create_client(f"{served.url}/api")
    gazu.client.set_tokens({"access_token": token}, client=client)
    return client


def test_bots_and_their_tokens(served, admin):
    name = unique("Render bot")
    bot = gazu.person.new_bot(name, f"{name.split()[2]}@bots.compat.example.com",
                              expiration_date="2099-12-31", client=admin)
    assert (bot["first_name"], bot["is_bot"], bot["expiration_date"]) == (
        name, True, "2099-12-31")
    first_client = bot_client(served, bot["access_token"])
    assert gazu.person.get_person(bot["id"], client=first_client)["is_bot"] is True
    bot.update(role="manager", expiration_date="2098-06-30")
    updated = gazu.person.update_bot(bot, client=admin)
    assert (updated["role"], updated["expiration_date"]) == ("manager", "2098-06-30")
    with pytest.raises(gazu.exception.NotAuthenticatedException):
        gazu.person.get_person(bot["id"], client=first_client)
    renewed_client = bot_client(served, updated["access_token"])
    assert gazu.person.get_person(bot["id"], client=renewed_client)["role"] == "manager"
    gazu.person.remove_bot(bot, client=admin)
    assert bot["id"] not in [item["id"] for item in gazu.person.all_persons(client=admin)]
    with pytest.raises(gazu.exception.NotAuthenticatedException):
        gazu.person.all_persons(client=renewed_client)


def test_person_url(served, admin, new_person):
    person, _ = new_person()
    assert gazu.person.get_person_url(person, client=admin) == (
        f"{served.url}/people/{person['id']}/")
