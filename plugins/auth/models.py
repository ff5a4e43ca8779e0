"""Credentials, login counters, revoked tokens and the login log."""

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


MODELS = (Credential, LoginAttempts, RevokedToken, LoginLog)
