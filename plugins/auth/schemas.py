"""The bodies and queries of the ``/auth/*`` routes: the OpenAPI document is built from these
schemas and the resources validate with the very same ones, so the two cannot drift.

Unknown keys are ignored (Zou's request models ignore them too; Kitsu and gazu may send more).
Type errors use Zou's wording.
"""

from marshmallow import EXCLUDE, Schema, fields, validate

from .models import LoginAttempts

CODE_LENGTH = validate.Length(max=64)
COLUMN_LENGTH = validate.Length(min=1, max=255)


class Text(fields.String):
    default_error_messages = {"invalid": "Input should be a valid string"}


class StoredText(Text):
    """Text that reaches a database column or query: PostgreSQL refuses NUL characters."""

    default_error_messages = {"nul": "Input should not contain NUL characters"}

    def _deserialize(self, value, attr, data, **kwargs):
        text = super()._deserialize(value, attr, data, **kwargs)
        if "\x00" in text:
            raise self.make_error("nul")
        return text


class LoginName(fields.String):
    """Zou answers "Field required" to a missing, blank or non-text login; a login no
    counter could store is not one either."""

    default_error_messages = {"invalid": "Field required", "null": "Field required",
                              "unusable": "Not a valid e-mail or login."}

    def _deserialize(self, value, attr, data, **kwargs):
        if not isinstance(value, str) or not value.strip():
            raise self.make_error("invalid")
        if "\x00" in value or len(value.strip().lower()) > LoginAttempts.login.max_length:
            raise self.make_error("unusable")
        return value


class Body(Schema):
    class Meta:
        unknown = EXCLUDE


class SecondFactorBody(Body):
    """One second factor; gazu sends the others as null."""

    totp = Text(allow_none=True, validate=CODE_LENGTH, metadata={"description": "a TOTP code"})
    email_otp = Text(allow_none=True, validate=CODE_LENGTH, metadata={
        "description": "a code mailed by GET /auth/email-otp"})
    fido_authentication_response = fields.Dict(allow_none=True, metadata={
        "description": "a WebAuthn assertion for the challenge of GET /auth/fido"})
    recovery_code = Text(allow_none=True, validate=CODE_LENGTH)


class LoginBody(SecondFactorBody):
    email = LoginName(required=True, validate=COLUMN_LENGTH,
                      metadata={"description": "e-mail or desktop login"})
    password = Text(load_default="default")


class EmailQuery(Schema):
    email = StoredText(required=True, validate=COLUMN_LENGTH)


class EmailBody(Body):
    email = StoredText(required=True, validate=COLUMN_LENGTH)


class ResetPasswordBody(Body):
    email = StoredText(required=True, validate=COLUMN_LENGTH)
    token = Text(required=True, validate=validate.Length(max=128))
    password = Text(required=True)
    password2 = Text(required=True)


class ChangePasswordBody(Body):
    old_password = Text(required=True)
    password = Text(required=True)
    password_2 = Text(required=True)


class PasswordForPersonBody(Body):
    password = Text(required=True, validate=validate.Length(min=1))
    password_2 = Text(required=True, validate=validate.Length(min=1))


class TotpBody(Body):
    totp = Text(required=True, validate=CODE_LENGTH)


class EmailOtpBody(Body):
    email_otp = Text(required=True, validate=CODE_LENGTH)


class FidoRegistrationBody(Body):
    registration_response = fields.Dict(required=True, metadata={
        "description": "the browser's answer to the options of PUT /auth/fido"})
    device_name = StoredText(required=True, validate=COLUMN_LENGTH)


class FidoRemovalBody(SecondFactorBody):
    device_name = StoredText(required=True, validate=COLUMN_LENGTH)


class LoginAnswer(Schema):
    login = fields.Boolean()
    user = fields.Dict()
    organisation = fields.Dict()
    access_token = fields.String()
    refresh_token = fields.String()


class SecondFactorEnabled(Schema):
    otp_recovery_codes = fields.List(fields.String(), allow_none=True, metadata={
        "description": "shown this once when first issued, else null"})
    access_token = fields.String()
    refresh_token = fields.String()


class RecoveryCodesAnswer(Schema):
    otp_recovery_codes = fields.List(fields.String())


class TotpProvisioning(Schema):
    totp_provisionning_uri = fields.String()
    otp_secret = fields.String()
