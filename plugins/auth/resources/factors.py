"""The second-factor routes: ``/auth/totp``, ``/auth/email-otp``, ``/auth/fido`` and
``/auth/recovery-codes``, with Zou's paths, fields and answers.

Turning a method on answers the recovery codes (when first issued) and new tokens free of the
``enforce_2fa`` restriction. Turning a method off, or new recovery codes, need a valid second
factor; a wrong one counts towards the account's lockout.
"""

from framework import BadRequest, json_body, operation, principal_of
from plugins.persons.models import Organisation, Person

from .. import service
from ..login import confirm_second_factor
from ..schemas import (EmailOtpBody, EmailQuery, FidoRegistrationBody, FidoRemovalBody,
                       RecoveryCodesAnswer, SecondFactorBody, SecondFactorEnabled, TotpBody,
                       TotpProvisioning)
from .common import keeps_refusals, query

FIDO_NOT_ENABLED = "FIDO not enabled."


class FactorResource:
    def __init__(self, auth):
        self.auth = auth

    def _turned_on(self, req, resp, person, method):
        codes = self.auth.factors.turned_on(person, method)
        enabled = Person.get_by_id(person.id)
        resp.media = {"otp_recovery_codes": codes, **self.auth.open_session(req, resp, enabled)}


class CodeResource(FactorResource):
    """A method enabled by confirming a first code, disabled with any valid second factor."""

    method = already_enabled = not_enabled = wrong_code = None

    def __init__(self, auth, codes):
        super().__init__(auth)
        self.codes = codes

    def _enable(self, req, resp, code):
        person = principal_of(req).user
        if getattr(person, f"{self.method}_enabled"):
            raise BadRequest(self.already_enabled)
        if not self.codes.verify(person, code):
            raise BadRequest(self.wrong_code, wrong_OTP=True)
        self._turned_on(req, resp, person, self.method)

    def _disable(self, req, resp):
        given = json_body(req, SecondFactorBody())
        person = principal_of(req).user
        if not getattr(person, f"{self.method}_enabled"):
            raise BadRequest(self.not_enabled)
        confirm_second_factor(self.auth, person, given)
        self.codes.forget(person)
        self.auth.factors.turned_off(person, self.method)
        resp.media = {"success": True}


class TotpResource(CodeResource):
    method = "totp"
    already_enabled = "TOTP already enabled."
    not_enabled = "TOTP not enabled."
    wrong_code = "TOTP verification failed."

    def __init__(self, auth):
        super().__init__(auth, auth.totp)

    @operation("Pre-enable TOTP: a new secret and its provisioning URI (TOTP stays off until "
               "a code is confirmed)", response=TotpProvisioning)
    def on_put(self, req, resp):
        person = principal_of(req).user
        if person.totp_enabled:
            raise BadRequest(self.already_enabled)
        issuer = f"Kitsu {Organisation.current().name}"
        uri, secret = self.auth.totp.pre_enable(person, issuer)
        resp.media = {"totp_provisionning_uri": uri, "otp_secret": secret}

    @operation("Enable TOTP with a current code; answers the recovery codes and new tokens",
               body=TotpBody, response=SecondFactorEnabled)
    @keeps_refusals
    def on_post(self, req, resp):
        self._enable(req, resp, json_body(req, TotpBody())["totp"])

    @operation("Disable TOTP (a valid second factor in the body)", body=SecondFactorBody)
    @keeps_refusals
    def on_delete(self, req, resp):
        self._disable(req, resp)


class EmailOtpResource(CodeResource):
    method = "email_otp"
    already_enabled = "OTP by email already enabled."
    not_enabled = "OTP by email not enabled."
    wrong_code = "OTP by email verification failed."

    def __init__(self, auth):
        super().__init__(auth, auth.email_codes)

    @operation("Mail a login code to an account using e-mail codes; the same answer for "
               "every address", auth=False, query=EmailQuery)
    def on_get(self, req, resp):
        person = service.find_person(query(req, EmailQuery())["email"])
        if person is not None and person.active and person.email_otp_enabled:
            self.auth.email_codes.send(person)
        resp.media = {"success": True}

    @operation("Pre-enable e-mail codes: mails a first code to confirm")
    def on_put(self, req, resp):
        person = principal_of(req).user
        if person.email_otp_enabled:
            raise BadRequest(self.already_enabled)
        if not person.email:
            raise BadRequest("This account has no e-mail address.")
        self.auth.email_codes.pre_enable(person)
        resp.media = {"success": True}

    @operation("Enable e-mail codes with the mailed code; answers the recovery codes and new "
               "tokens", body=EmailOtpBody, response=SecondFactorEnabled)
    @keeps_refusals
    def on_post(self, req, resp):
        self._enable(req, resp, json_body(req, EmailOtpBody())["email_otp"])

    @operation("Disable e-mail codes (a valid second factor in the body)",
               body=SecondFactorBody)
    @keeps_refusals
    def on_delete(self, req, resp):
        self._disable(req, resp)


class FidoResource(FactorResource):
    @operation("A WebAuthn login challenge for an account with security keys; the same "
               "refusal for unknown, inactive and key-less accounts", auth=False,
               query=EmailQuery)
    def on_get(self, req, resp):
        person = service.find_person(query(req, EmailQuery())["email"])
        if person is None or not person.active or not person.fido_enabled:
            raise BadRequest(FIDO_NOT_ENABLED)
        resp.media = self.auth.security_keys.login_options(person)

    @operation("WebAuthn creation options to register a security key")
    def on_put(self, req, resp):
        resp.media = self.auth.security_keys.registration_options(principal_of(req).user)

    @operation("Register the security key created with the options of PUT /auth/fido; "
               "answers the recovery codes and new tokens (FIDO device registered)",
               body=FidoRegistrationBody, response=SecondFactorEnabled)
    @keeps_refusals
    def on_post(self, req, resp):
        body = json_body(req, FidoRegistrationBody())
        person = principal_of(req).user
        self.auth.security_keys.register(person, body["registration_response"],
                                         body["device_name"])
        self._turned_on(req, resp, person, "fido")

    @operation("Forget a security key by name (a valid second factor in the body)",
               body=FidoRemovalBody)
    @keeps_refusals
    def on_delete(self, req, resp):
        body = json_body(req, FidoRemovalBody())
        person = principal_of(req).user
        if not person.fido_enabled:
            raise BadRequest(FIDO_NOT_ENABLED)
        confirm_second_factor(self.auth, person, body)
        if not self.auth.security_keys.unregister(person, body["device_name"]):
            self.auth.security_keys.forget(person)
            self.auth.factors.turned_off(person, "fido")
        resp.media = {"success": True}


class RecoveryCodesResource(FactorResource):
    @operation("New recovery codes, voiding the previous ones (a valid second factor in the "
               "body)", body=SecondFactorBody, response=RecoveryCodesAnswer)
    @keeps_refusals
    def on_put(self, req, resp):
        given = json_body(req, SecondFactorBody())
        person = principal_of(req).user
        if not self.auth.factors.required(person):
            raise BadRequest("No two factor authentication enabled.")
        confirm_second_factor(self.auth, person, given)
        resp.media = {"otp_recovery_codes": self.auth.recovery_codes.issue(person)}
