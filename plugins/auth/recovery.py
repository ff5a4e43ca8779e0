"""Recovery codes: 16 single-use codes of 24 base32 characters (120 bits each, so a SHA-256
digest is a sufficient store, ASVS 6.5.2), shown once and kept only as digests."""

import hashlib
import hmac
import secrets

from .models import RecoveryCode

CODE_COUNT = 16
CODE_LENGTH = 24
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def _digest(code):
    """Of the code as typed or pasted: case, spaces and dashes do not matter."""
    normalised = code.upper().replace(" ", "").replace("-", "")
    return hashlib.sha256(normalised.encode()).hexdigest()


class RecoveryCodes:
    @staticmethod
    def issue(person):
        """New codes for ``person``, voiding the previous ones; the only time they are seen."""
        codes = ["".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))
                 for _ in range(CODE_COUNT)]
        RecoveryCode.delete().where(RecoveryCode.person == person.id).execute()
        RecoveryCode.insert_many([{"person": person.id, "digest": _digest(code)}
                                  for code in codes]).execute()
        return codes

    def issue_first(self, person):
        """Codes for someone who has none left, else None (Zou: codes come with the first
        method enabled, and are not shown again)."""
        if RecoveryCode.select().where(RecoveryCode.person == person.id).exists():
            return None
        return self.issue(person)

    @staticmethod
    def consume(person, code):
        """True once per code: the matching digest is deleted in the statement that decides."""
        if not isinstance(code, str):
            return False
        offered = _digest(code)
        matched = None
        for row in RecoveryCode.select().where(RecoveryCode.person == person.id):
            if hmac.compare_digest(row.digest, offered):
                matched = row.digest
        if matched is None:
            return False
        return (RecoveryCode.delete()
                .where(RecoveryCode.person == person.id, RecoveryCode.digest == matched)
                .execute()) == 1

    @staticmethod
    def forget(person):
        RecoveryCode.delete().where(RecoveryCode.person == person.id).execute()
