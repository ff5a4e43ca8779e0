"""Credentials, login counters, revoked tokens, the login log, and the second factors' state.

Every secret lives here, never on ``person`` (which only carries Zou's public flags
``totp_enabled``, ``email_otp_enabled``, ``fido_enabled``, ``preferred_two_factor_authentication``),
and all of it is in the database, so any worker on any host sees the same state."""

import peewee

from framework import BaseModel, db
from plugins.persons.models import Person


class Credential(peewee.Model):
    """One row per person who can log in with a password. ``token_version`` is in every
    token: bumping it revokes all of the person's tokens at once."""

    person = peewee.ForeignKeyField(Person, primary_key=True, column_name="person_id",
                                    on_delete="CASCADE")
    password_hash = peewee.CharField(max_length=255, null=True)
    token_version = peewee.IntegerField(default=0)

    class Meta:
        database = db
        table_name = "auth_credential"


class ApiToken(peewee.Model):
    """The one valid API token of a bot (Zou's ``person.jti``): a new token replaces it,
    and a token whose ``jti`` is not here is revoked."""

    person = peewee.ForeignKeyField(Person, primary_key=True, column_name="person_id",
                                    on_delete="CASCADE")
    jti = peewee.CharField(max_length=64)

    class Meta:
        database = db
        table_name = "auth_api_token"


class LoginAttempts(peewee.Model):
    """Failed logins per normalised login name, known or not, so the lockout answer
    cannot tell registered addresses apart."""

    login = peewee.CharField(max_length=255, primary_key=True)
    failed_count = peewee.IntegerField(default=0)
    last_failed_at = peewee.DateTimeField(null=True)

    class Meta:
        database = db
        table_name = "auth_login_attempts"


class RevokedToken(peewee.Model):
    jti = peewee.CharField(max_length=64, primary_key=True)
    expires_at = peewee.DateTimeField(index=True)

    class Meta:
        database = db
        table_name = "auth_revoked_token"


class LoginLog(BaseModel):
    """Zou's ``login_log``: one row per successful login."""

    person = peewee.ForeignKeyField(Person, column_name="person_id", index=True,
                                    on_delete="CASCADE")
    ip_address = peewee.CharField(max_length=50, null=True)
    origin = peewee.CharField(max_length=10, null=True)


class TotpSecret(peewee.Model):
    """The TOTP secret (set by pre-enabling) and the last time step accepted, so a code is
    accepted once per step at most."""

    person = peewee.ForeignKeyField(Person, primary_key=True, column_name="person_id",
                                    on_delete="CASCADE")
    secret = peewee.CharField(max_length=64)
    last_timecode = peewee.BigIntegerField(null=True)

    class Meta:
        database = db
        table_name = "auth_totp"


class EmailOtp(peewee.Model):
    """The HOTP secret of e-mail codes and the one code currently valid: its counter, expiry
    and the wrong tries it still tolerates (no counter: no valid code)."""

    person = peewee.ForeignKeyField(Person, primary_key=True, column_name="person_id",
                                    on_delete="CASCADE")
    secret = peewee.CharField(max_length=64)
    counter = peewee.BigIntegerField(null=True)
    expires_at = peewee.DateTimeField(null=True)
    attempts_left = peewee.IntegerField(default=0)

    class Meta:
        database = db
        table_name = "auth_email_otp"


class FidoCredential(BaseModel):
    """A registered security key: fido2's ``AttestedCredentialData`` bytes and its counter."""

    person = peewee.ForeignKeyField(Person, column_name="person_id", index=True,
                                    on_delete="CASCADE")
    credential_id = peewee.BlobField(unique=True)
    credential_data = peewee.BlobField()
    sign_count = peewee.BigIntegerField(default=0)
    device_name = peewee.CharField(max_length=255)

    class Meta:
        table_name = "auth_fido_credential"


class FidoChallenge(peewee.Model):
    """fido2's state between begin and complete, one per person and purpose, single use."""

    person = peewee.ForeignKeyField(Person, column_name="person_id", on_delete="CASCADE")
    purpose = peewee.CharField(max_length=16)
    state = peewee.TextField()
    expires_at = peewee.DateTimeField()

    class Meta:
        database = db
        table_name = "auth_fido_challenge"
        primary_key = peewee.CompositeKey("person", "purpose")


class RecoveryCode(peewee.Model):
    """The SHA-256 digest of one unused recovery code (codes carry 120 random bits)."""

    person = peewee.ForeignKeyField(Person, column_name="person_id", on_delete="CASCADE")
    digest = peewee.CharField(max_length=64)

    class Meta:
        database = db
        table_name = "auth_recovery_code"
        primary_key = peewee.CompositeKey("person", "digest")


class ResetToken(peewee.Model):
    """The SHA-256 digest of the one password-reset token a person may hold."""

    person = peewee.ForeignKeyField(Person, primary_key=True, column_name="person_id",
                                    on_delete="CASCADE")
    digest = peewee.CharField(max_length=64)
    expires_at = peewee.DateTimeField()

    class Meta:
        database = db
        table_name = "auth_reset_token"


MODELS = (Credential, ApiToken, LoginAttempts, RevokedToken, LoginLog, TotpSecret, EmailOtp,
          FidoCredential, FidoChallenge, RecoveryCode, ResetToken)
