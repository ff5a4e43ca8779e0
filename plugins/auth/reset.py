"""Password-reset tokens: 64 characters ``[A-Z0-9]`` from ``secrets`` (330 bits), as Zou's,
but only their SHA-256 digest is stored, with an expiry (``reset_token_hours``, a week for an
invitation); one token per person (a new one voids the last), spent by the reset it allows."""

import datetime
import hashlib
import hmac
import secrets
import string
from urllib.parse import urlencode

from framework import utcnow
from plugins.persons.models import Organisation

from .models import ResetToken
from .notices import notify

TOKEN_ALPHABET = string.ascii_uppercase + string.digits
TOKEN_LENGTH = 64
INVITATION_LIFETIME = datetime.timedelta(days=7)
"""Zou's: an invitation waits longer than a reset."""


def _digest(token):
    return hashlib.sha256(token.encode()).hexdigest()


class ResetTokens:
    def __init__(self, settings):
        self.lifetime = datetime.timedelta(hours=settings["reset_token_hours"])
        self.public_url = settings["public_url"].rstrip("/")

    def issue(self, person, lifetime=None):
        token = "".join(secrets.choice(TOKEN_ALPHABET) for _ in range(TOKEN_LENGTH))
        digest, expires_at = _digest(token), utcnow() + (lifetime or self.lifetime)
        (ResetToken.insert(person=person.id, digest=digest, expires_at=expires_at)
         .on_conflict(conflict_target=[ResetToken.person],
                      update={ResetToken.digest: digest, ResetToken.expires_at: expires_at})
         .execute())
        return token

    def link(self, person, token, **extra):
        return (f"{self.public_url}/reset-change-password?"
                + urlencode({"email": person.email, "token": token, **extra}))

    def mail(self, person):
        """Issue a token and mail the reset link to the person."""
        link = self.link(person, self.issue(person))
        hours = int(self.lifetime.total_seconds() // 3600)
        notify(person, "reset your password",
               "Someone asked to reset your password. To choose a new one, open this link "
               f"within {hours} hour{'s' if hours > 1 else ''}:\n\n{link}\n\nIf you did not "
               "ask for it, ignore this mail: your password stays as it is.")

    def invite(self, person):
        """Mail the person an invitation: a link to choose their password (a reset token of
        Zou's invitation lifetime, the link marked ``type=new`` as Zou's)."""
        link = self.link(person, self.issue(person, INVITATION_LIFETIME), type="new")
        organisation = Organisation.current().name
        notify(person, "you are invited",
               f"You are invited to join {organisation} with the address {person.email}. To "
               f"choose your password, open this link within 7 days:\n\n{link}")

    @staticmethod
    def _current(person, token):
        row = ResetToken.get_or_none(ResetToken.person == person.id)
        if (row is None or not isinstance(token, str) or row.expires_at <= utcnow()
                or not hmac.compare_digest(row.digest, _digest(token))):
            return None
        return row

    def holds(self, person, token):
        """Whether ``token`` is the person's current, unexpired token (it stays valid)."""
        return self._current(person, token) is not None

    def spend(self, person, token):
        """True once: the token is deleted in the statement that decides."""
        row = self._current(person, token)
        return row is not None and (
            ResetToken.delete().where(ResetToken.person == person.id,
                                      ResetToken.digest == row.digest).execute() == 1)
