"""Password hashing with argon2id (argon2-cffi), parameters from ``[plugins.auth]``."""

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError


class Passwords:
    def __init__(self, settings):
        self.hasher = argon2.PasswordHasher(time_cost=settings["argon2_time_cost"],
                                            memory_cost=settings["argon2_memory_cost"],
                                            parallelism=settings["argon2_parallelism"])
        self._dummy = None

    def hash(self, password):
        return self.hasher.hash(password)

    def verify(self, stored_hash, password):
        """True when ``password`` matches. An account without a usable hash still costs
        one verification, against a dummy hash, so timing tells nothing."""
        if not stored_hash or not stored_hash.startswith("$argon2"):
            self._verify_dummy(password)
            return False
        try:
            return self.hasher.verify(stored_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash):
        return self.hasher.check_needs_rehash(stored_hash)

    def spend_time(self, password):
        """The cost of one verification, for unknown accounts."""
        self._verify_dummy(password)

    def _verify_dummy(self, password):
        if self._dummy is None:
            self._dummy = self.hasher.hash("dummy password never matches")
        try:
            self.hasher.verify(self._dummy, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            pass
