"""``[plugins.auth]``: token lifetimes, password and lockout rules, and the 2FA switches."""

from marshmallow import fields, validate

from framework import SettingsSchema, StringList


class AuthSettings(SettingsSchema):
    access_token_days = fields.Integer(load_default=7, validate=validate.Range(min=1))
    refresh_token_days = fields.Integer(load_default=15, validate=validate.Range(min=1))
    token_leeway_seconds = fields.Integer(load_default=30, validate=validate.Range(min=0))
    min_password_length = fields.Integer(load_default=8, validate=validate.Range(min=1))
    max_password_length = fields.Integer(load_default=1024, validate=validate.Range(min=64))
    lockout_attempts = fields.Integer(load_default=5, validate=validate.Range(min=1))
    lockout_minutes = fields.Integer(load_default=5, validate=validate.Range(min=1))
    argon2_time_cost = fields.Integer(load_default=3, validate=validate.Range(min=1))
    argon2_memory_cost = fields.Integer(load_default=65536, validate=validate.Range(min=8))
    argon2_parallelism = fields.Integer(load_default=4, validate=validate.Range(min=1))
    cookie_secure = fields.String(load_default="auto",
                                  validate=validate.OneOf(["auto", "always", "never"]))
    public_url = fields.String(load_default="http://localhost:8080",
                               validate=validate.Regexp(r"^https?://[^/?#]+(/[^?#]*)?$"))
    reset_token_hours = fields.Integer(load_default=2, validate=validate.Range(min=1, max=168))
    totp = fields.Boolean(load_default=True)
    email_otp = fields.Boolean(load_default=True)
    fido = fields.Boolean(load_default=True)
    recovery_codes = fields.Boolean(load_default=True)
    enforce_2fa = fields.Boolean(load_default=False)
    totp_valid_window = fields.Integer(load_default=1, validate=validate.Range(min=0, max=2))
    email_otp_minutes = fields.Integer(load_default=5, validate=validate.Range(min=1, max=10))
    email_otp_attempts = fields.Integer(load_default=5, validate=validate.Range(min=1, max=10))
    fido_rp_id = fields.String(load_default="localhost", validate=validate.Length(min=1))
    fido_rp_name = fields.String(load_default="Kitsu", validate=validate.Length(min=1))
    fido_origins = StringList(load_default=list)
    fido_challenge_minutes = fields.Integer(load_default=5,
                                            validate=validate.Range(min=1, max=30))
