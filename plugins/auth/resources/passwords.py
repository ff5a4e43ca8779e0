"""``POST /auth/change-password`` and ``POST|PUT /auth/reset-password``.

Either change revokes every token of the account (``token_version``); whoever changed the
password gets new tokens in the answer (ASVS 7.4.3, stricter than Zou). A reset never skips
the second factor: it changes the password, not the login rules.
"""

from framework import BadRequest, json_body, operation, principal_of

from .. import service
from ..login import confirm_password
from ..notices import notify
from ..schemas import ChangePasswordBody, EmailBody, ResetPasswordBody
from .common import keeps_refusals

WRONG_TOKEN = "Wrong or expired token."
RESET_SENT = {"success": "Reset token sent"}


class ChangePasswordResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("Change one's password: the current one, the new one twice; answers new "
               "tokens, every other session is closed", body=ChangePasswordBody)
    @keeps_refusals
    def on_post(self, req, resp):
        body = json_body(req, ChangePasswordBody())
        person = principal_of(req).user
        confirm_password(self.auth, person, body["old_password"])
        service.check_new_password(self.auth.settings, body["password"], body["password_2"])
        self.auth.lockout.reset(service.lockout_key(person))
        service.set_password(person, body["password"], self.auth.passwords,
                             revoke_sessions=True)
        if person.email:
            notify(person, "your password was changed",
                   "Your password was just changed, and every session opened with the old one "
                   "was closed. If you did not do it, reset your password now and tell your "
                   "administrator.")
        resp.media = {"success": True, **self.auth.open_session(req, resp, person)}


class ResetPasswordResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("Mail a password-reset link; the same answer for every address",
               auth=False, body=EmailBody)
    def on_post(self, req, resp):
        body = json_body(req, EmailBody())
        person = service.person_by_email(body["email"])
        if person is not None and person.active:
            self.auth.reset_tokens.mail(person)
        resp.media = RESET_SENT

    @operation("Set a new password with the mailed token; every session is closed",
               auth=False, body=ResetPasswordBody)
    def on_put(self, req, resp):
        body = json_body(req, ResetPasswordBody())
        person = service.person_by_email(body["email"])
        tokens = self.auth.reset_tokens
        if person is None or not tokens.holds(person, body["token"]):
            raise BadRequest(WRONG_TOKEN)
        service.check_new_password(self.auth.settings, body["password"], body["password2"])
        if not person.active:
            raise BadRequest("User is inactive.")
        if not tokens.spend(person, body["token"]):
            raise BadRequest(WRONG_TOKEN)
        service.set_password(person, body["password"], self.auth.passwords,
                             revoke_sessions=True)
        resp.media = {"success": True}
