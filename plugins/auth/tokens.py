"""JWT access and refresh tokens (PyJWT, HS256 only), claims as Zou's plus ``ver`` and ``kid``;
and bots' API tokens (Zou's: ``identity_type`` ``bot``, no ``exp`` unless the bot expires).

Access: ``sub, iat, nbf, exp, jti, type="access", fresh, identity_type, refresh_jti, ver``.
Refresh: the same without ``refresh_jti``. Both carry ``requires_2fa_setup`` when
``enforce_2fa`` restricts them. The header names the signing key (``kid``): the current key
signs, retired keys still verify, an unknown ``kid`` is refused. Times come from the server's
clock (``framework.clock``); PyJWT checks ``exp``/``nbf``/``iat`` against the real time.
"""

import datetime
import hashlib
import time
import uuid

import jwt

from framework import ApiError, utcnow

ALGORITHM = "HS256"
REQUIRED_CLAIMS = ["iat", "nbf", "sub", "jti", "type"]
"""And ``exp``, except in a bot's API token."""
IDENTITY_TYPES = ("person", "bot")
VERIFIED_CACHE_SIZE = 1024
"""Tokens whose signature a process remembers having verified (all forgotten when full)."""


def key_id(key):
    return hashlib.sha256(key.encode()).hexdigest()[:16]


def _epoch(moment):
    """Seconds since the epoch of a naive UTC time."""
    return int(moment.replace(tzinfo=datetime.UTC).timestamp())


class TokenError(ApiError):
    """A token that is not acceptable: Zou answers 422 for malformed ones, 401 otherwise."""

    def __init__(self, status, message, msg=None):
        super().__init__(message, status=status, msg=msg or message)


def bad_token(message):
    return TokenError("422 Unprocessable Entity", message)


class Tokens:
    def __init__(self, secret_key, retired_keys, settings):
        self.current_kid = key_id(secret_key)
        self.keys = {key_id(key): key for key in (secret_key, *retired_keys)}
        self.access_ttl = datetime.timedelta(days=settings["access_token_days"])
        self.refresh_ttl = datetime.timedelta(days=settings["refresh_token_days"])
        self.leeway = settings["token_leeway_seconds"]
        self._verified = {}

    def _encode(self, claims):
        return jwt.encode(claims, self.keys[self.current_kid], algorithm=ALGORITHM,
                          headers={"kid": self.current_kid})

    @staticmethod
    def _claims(subject, token_type, ttl, version, now, fresh, restricted):
        claims = {"fresh": fresh, "iat": _epoch(now), "jti": str(uuid.uuid4()),
                  "type": token_type, "sub": subject, "nbf": _epoch(now),
                  "exp": _epoch(now + ttl), "identity_type": "person", "ver": version}
        if restricted:
            claims["requires_2fa_setup"] = True
        return claims

    def issue_pair(self, subject, version, restricted=False):
        """A fresh access token and its refresh token: ``(access, refresh)`` as strings;
        ``restricted`` tokens only open the 2FA set-up routes."""
        now = utcnow()
        refresh = self._claims(subject, "refresh", self.refresh_ttl, version, now, False,
                               restricted)
        access = self._claims(subject, "access", self.access_ttl, version, now, True,
                              restricted)
        access["refresh_jti"] = refresh["jti"]
        return self._encode(access), self._encode(refresh)

    def issue_access(self, refresh_claims, restricted=False):
        """A new access token from a refresh token's claims (the refresh token is kept)."""
        access = self._claims(refresh_claims["sub"], "access", self.access_ttl,
                              refresh_claims.get("ver", 0), utcnow(), False, restricted)
        access["refresh_jti"] = refresh_claims["jti"]
        return self._encode(access)

    def issue_api(self, subject, expires_at=None):
        """A bot's API token, as Zou makes them: ``identity_type`` ``bot``, never fresh, no
        expiry unless ``expires_at``; returns ``(token, jti)``."""
        now = utcnow()
        claims = {"fresh": False, "iat": _epoch(now), "jti": str(uuid.uuid4()),
                  "type": "access", "sub": subject, "nbf": _epoch(now),
                  "identity_type": "bot"}
        if expires_at is not None:
            claims["exp"] = _epoch(expires_at)
        return self._encode(claims), claims["jti"]

    def decode(self, token, expected_type):
        try:
            claims = self._verified_claims(token)
        except jwt.ExpiredSignatureError:
            raise TokenError("401 Unauthorized", "Signature has expired",
                             "Token has expired") from None
        except jwt.InvalidTokenError as error:
            raise bad_token(str(error)) from None
        if claims.get("type") != expected_type:
            raise bad_token("Only refresh tokens are allowed" if expected_type == "refresh"
                            else "Only non-refresh tokens are allowed")
        if claims.get("identity_type") not in IDENTITY_TYPES:
            raise bad_token("Unknown identity type.")
        if claims["identity_type"] == "person" and "exp" not in claims:
            raise bad_token('Token is missing the "exp" claim')
        try:
            uuid.UUID(claims["sub"])
        except ValueError:
            raise bad_token("Invalid subject.") from None
        return claims

    def _verified_claims(self, token):
        """The claims of a token verified earlier by this process (a client sends the same
        token with each request) once its ``exp`` is checked again: its signature, ``nbf``
        and ``iat`` stay valid; otherwise ``_verify``."""
        claims = self._verified.get(token)
        if claims is None:
            claims = self._verify(token)
            if len(self._verified) >= VERIFIED_CACHE_SIZE:
                self._verified.clear()
            self._verified[token] = claims
        elif "exp" in claims and claims["exp"] <= time.time() - self.leeway:
            raise jwt.ExpiredSignatureError("Signature has expired")
        return dict(claims)

    def _verify(self, token):
        """Verify with the current key first, so the common token is parsed once (PyJWT's
        parsing is most of a request's token cost); a retired key is tried only for a token
        whose header names it. The header's ``kid`` must be a listed key either way."""
        try:
            decoded = jwt.decode_complete(token, self.keys[self.current_kid],
                                          algorithms=[ALGORITHM], leeway=self.leeway,
                                          options={"require": REQUIRED_CLAIMS})
        except jwt.InvalidSignatureError:
            kid = jwt.get_unverified_header(token).get("kid")
            if kid not in self.keys:
                raise bad_token("Unknown signing key.") from None
            if kid == self.current_kid:
                raise
            decoded = jwt.decode_complete(token, self.keys[kid], algorithms=[ALGORITHM],
                                          leeway=self.leeway,
                                          options={"require": REQUIRED_CLAIMS})
        if decoded["header"].get("kid") not in self.keys:
            raise bad_token("Unknown signing key.")
        return decoded["payload"]

    def accepted_until(self, exp):
        """When a token expiring at ``exp`` stops being accepted: its revocation must last
        that long, the leeway included."""
        return datetime.datetime.fromtimestamp(exp + self.leeway,
                                               datetime.UTC).replace(tzinfo=None)

    def latest_refresh_exp(self):
        """The latest ``exp`` of a refresh token issued until now."""
        return _epoch(utcnow() + self.refresh_ttl)
