"""Fixtures of the auth tests: the calls made to the app's password hasher."""

import argon2
import pytest

from plugins.auth.runtime import runtime


@pytest.fixture
def verify_calls(app, monkeypatch):
    """The hashes given to the app's ``PasswordHasher.verify``, one entry per call."""
    hasher = runtime(app.dopesheet).passwords.hasher
    original = argon2.PasswordHasher.verify
    calls = []

    def counting(self, hash, password):
        if self is hasher:
            calls.append(hash)
        return original(self, hash, password)

    monkeypatch.setattr(argon2.PasswordHasher, "verify", counting)
    return calls
