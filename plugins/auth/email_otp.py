"""One-time login codes by e-mail: HOTP (pyotp) at a random counter, as Zou, with the counter
from ``secrets`` and kept in the database: one valid code per person (a new one voids the
last), for ``email_otp_minutes``, single use, void after ``email_otp_attempts`` wrong tries.

TOTP cannot serve here: pyotp refuses steps over 120 s, too short for a mail round trip.
"""

import datetime
import secrets

import pyotp

from framework import utcnow

from .models import EmailOtp
from .notices import notify

COUNTER_RANGE = 10 ** 12


class EmailCodes:
    def __init__(self, settings):
        self.lifetime = datetime.timedelta(minutes=settings["email_otp_minutes"])
        self.attempts = settings["email_otp_attempts"]

    def pre_enable(self, person):
        """A new secret (replacing any earlier one), and a first code mailed with it."""
        secret = pyotp.random_base32()
        (EmailOtp.insert(person=person.id, secret=secret, counter=None)
         .on_conflict(conflict_target=[EmailOtp.person],
                      update={EmailOtp.secret: secret, EmailOtp.counter: None})
         .execute())
        self.send(person)

    def send(self, person):
        """Mail a fresh code to ``person``; any earlier code stops working."""
        row = EmailOtp.get_or_none(EmailOtp.person == person.id)
        if row is None or not person.email:
            return
        counter = secrets.randbelow(COUNTER_RANGE)
        (EmailOtp.update(counter=counter, expires_at=utcnow() + self.lifetime,
                         attempts_left=self.attempts)
         .where(EmailOtp.person == person.id).execute())
        code = pyotp.HOTP(row.secret).at(counter)
        minutes = int(self.lifetime.total_seconds() // 60)
        notify(person, "your login code",
               f"Your login code is {code}.\nIt works once, for {minutes} minutes. If you did "
               "not ask for it, ignore this mail: the code is useless without your password.")

    @staticmethod
    def verify(person, code):
        """True once for the latest code; a wrong try uses up one of the code's attempts."""
        row = EmailOtp.get_or_none(EmailOtp.person == person.id)
        if (row is None or row.counter is None or row.attempts_left <= 0
                or row.expires_at <= utcnow() or not isinstance(code, str)):
            return False
        current = EmailOtp.person == person.id, EmailOtp.counter == row.counter
        if pyotp.HOTP(row.secret).verify(code, row.counter):
            return EmailOtp.update(counter=None).where(*current).execute() == 1
        EmailOtp.update(attempts_left=EmailOtp.attempts_left - 1).where(*current).execute()
        return False

    @staticmethod
    def forget(person):
        EmailOtp.delete().where(EmailOtp.person == person.id).execute()
