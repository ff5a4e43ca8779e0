"""TOTP (RFC 6238, pyotp): 160-bit secrets, codes of the neighbouring steps accepted
(``totp_valid_window``), and each time step accepted once at most, whichever worker checks.

Replay is stopped on the step, not on the code: pyotp compares NFKC-normalised text, so a
code typed in full-width digits is the same code.
"""

import datetime

import pyotp

from framework import utcnow

from .models import TotpSecret
from .service import account_name


def _aware(moment):
    """pyotp reads a naive datetime as local time: hand it the server clock as UTC."""
    return moment.replace(tzinfo=datetime.UTC)


class Totp:
    def __init__(self, settings):
        self.valid_window = settings["totp_valid_window"]

    @staticmethod
    def pre_enable(person, issuer):
        """A new secret (replacing any earlier one): ``(provisioning URI, secret)``."""
        secret = pyotp.random_base32()
        (TotpSecret.insert(person=person.id, secret=secret, last_timecode=None)
         .on_conflict(conflict_target=[TotpSecret.person],
                      update={TotpSecret.secret: secret, TotpSecret.last_timecode: None})
         .execute())
        uri = pyotp.TOTP(secret).provisioning_uri(name=account_name(person), issuer_name=issuer)
        return uri, secret

    def verify(self, person, code):
        """True for a right code of a step later than the last one accepted; the step is
        recorded in the same atomic UPDATE that decides."""
        row = TotpSecret.get_or_none(TotpSecret.person == person.id)
        if row is None or not isinstance(code, str):
            return False
        try:
            timecode = pyotp.TOTP(row.secret).verify_and_get_timecode(
                code, for_time=_aware(utcnow()), valid_window=self.valid_window)
        except pyotp.OTPVerificationError:
            return False
        recorded = (TotpSecret.update(last_timecode=timecode)
                    .where(TotpSecret.person == person.id,
                           TotpSecret.last_timecode.is_null()
                           | (TotpSecret.last_timecode < timecode))
                    .execute())
        return recorded == 1

    @staticmethod
    def forget(person):
        TotpSecret.delete().where(TotpSecret.person == person.id).execute()
