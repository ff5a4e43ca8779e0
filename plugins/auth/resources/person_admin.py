"""An admin acting on another person's credentials, at Zou's ``/actions/persons/{person_id}/
...``: set their password, mail them an invitation to choose one, turn their second factors
off. Bots have no credentials here (403); another admin's password or factors are theirs.
The person is told by mail of what was done to their account."""

from framework import BadRequest, Forbidden, get_or_404, json_body, operation, principal_of
from plugins.persons.models import Person

from .. import service
from ..factors import enabled_methods
from ..notices import notify
from ..schemas import PasswordForPersonBody

ADMIN_PASSWORD = "An admin can't change another admin's password."
ADMIN_FACTORS = "An admin can't disable 2FA for other admins."
NO_FACTOR = "Two factor authentication not enabled for this user."
NO_ADDRESS = "This person has no e-mail address."


class PersonCredentials:
    def __init__(self, auth):
        self.auth = auth

    @staticmethod
    def _person(req, person_id):
        person = get_or_404(Person, person_id)
        if person.is_bot or not principal_of(req).is_admin:
            raise Forbidden()
        return person

    @operation("Set a person's password (admins; an admin's own or one without a password "
               "yet); every session of theirs is closed", body=PasswordForPersonBody)
    def on_post_password(self, req, resp, person_id):
        person = self._person(req, person_id)
        body = json_body(req, PasswordForPersonBody())
        if person.id != principal_of(req).id and person.role == "admin" and (
                service.credential_of(person) is not None):
            raise BadRequest(ADMIN_PASSWORD)
        service.check_new_password(self.auth.settings, body["password"], body["password_2"])
        service.set_password(person, body["password"], self.auth.passwords,
                             revoke_sessions=True)
        if person.email:
            notify(person, "your password was changed by an administrator",
                   "An administrator set a new password for your account, and every session "
                   "opened with the old one was closed. Ask them for it, or reset it.")
        resp.media = {"success": True}

    @operation("Mail a person an invitation with a link to choose their password (admins)")
    def on_get_invite(self, req, resp, person_id):
        person = self._person(req, person_id)
        if not person.email:
            raise BadRequest(NO_ADDRESS)
        self.auth.reset_tokens.invite(person)
        resp.media = {"success": True, "message": "Email sent"}

    @operation("Turn every second factor of a person off and forget their recovery codes "
               "(admins; not another admin's)")
    def on_delete_factors(self, req, resp, person_id):
        person = self._person(req, person_id)
        if person.role == "admin" and person.id != principal_of(req).id:
            raise BadRequest(ADMIN_FACTORS)
        if not enabled_methods(person):
            raise BadRequest(NO_FACTOR)
        self.auth.factors.all_turned_off(person)
        if person.email:
            notify(person, "your two-factor authentication was turned off",
                   "An administrator turned off the two-factor authentication of your "
                   "account: you log in with your password alone until you set it up again.")
        resp.media = {"success": True}
