"""The login decision, and the re-authentication that changing credentials asks for.

Login: lockout, password, account state, then the second factor, and only then is the
failure counter reset (a counter reset by the password alone would let a password holder try
second factors forever). A wrong second factor counts like a wrong password, at login and on
the routes that change 2FA settings.
"""

import hmac

from framework import BadRequest

from .factors import MissingFactor
from .service import (WRONG_CREDENTIALS, LoginRefused, check_password, credential_of,
                      lockout_key, normalise_login)

MISSING_FACTOR = "A two-factor authentication code is required."
WRONG_FACTOR = "Wrong two-factor authentication code."
FACTOR_REFUSED = "OTP verification failed."
OLD_PASSWORD_WRONG = "Old password is wrong."
DEFAULT_PASSWORD = b"default"


def log_in(auth, login, password, given):
    """The person logging in with ``login``, ``password`` and the second factor in
    ``given``; raises ``LoginRefused`` with Zou's answer otherwise."""
    key = normalise_login(login)
    if len(password) > auth.settings["max_password_length"]:
        auth.lockout.check(key)
        auth.lockout.record_failure(key)
        raise LoginRefused(WRONG_CREDENTIALS)
    person, _ = check_password(login, password, auth.passwords, auth.lockout)
    if auth.factors.required(person):
        try:
            accepted = auth.factors.check(person, given)
        except MissingFactor:
            raise LoginRefused(
                MISSING_FACTOR, missing_OTP=True,
                preferred_two_factor_authentication=person.preferred_two_factor_authentication,
                two_factor_authentication_enabled=auth.factors.usable(person)) from None
        if not accepted:
            auth.lockout.record_failure(key)
            raise LoginRefused(WRONG_FACTOR, wrong_OTP=True)
    auth.lockout.reset(key)
    if hmac.compare_digest(password.encode(), DEFAULT_PASSWORD):
        raise LoginRefused("The default password must be changed.", default_password=True,
                           token=auth.reset_tokens.issue(person))
    return person


def confirm_second_factor(auth, person, given):
    """Before a change of 2FA settings: a valid second factor of the caller, under the
    account's lockout. Raises ``BadRequest`` (Zou's ``wrong_OTP`` answer) otherwise."""
    key = lockout_key(person)
    auth.lockout.check(key)
    try:
        accepted = auth.factors.check(person, given)
    except MissingFactor:
        raise BadRequest(FACTOR_REFUSED, wrong_OTP=True) from None
    if not accepted:
        auth.lockout.record_failure(key)
        raise BadRequest(FACTOR_REFUSED, wrong_OTP=True)


def confirm_password(auth, person, password):
    """Before a password change: the current password, under the account's lockout."""
    key = lockout_key(person)
    auth.lockout.check(key)
    credential = credential_of(person)
    if not auth.passwords.verify(credential.password_hash if credential else None, password):
        auth.lockout.record_failure(key)
        raise BadRequest(OLD_PASSWORD_WRONG)
