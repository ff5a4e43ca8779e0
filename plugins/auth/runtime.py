"""The auth plugin's per-application state: settings, token codec, hasher, lockout, the
second factors and reset tokens, and the request-level rules built on them."""

from framework import Forbidden
from framework.requests import is_json

from . import cookies, service
from .email_otp import EmailCodes
from .factors import SecondFactors
from .fido import SecurityKeys
from .passwords import Passwords
from .recovery import RecoveryCodes
from .reset import ResetTokens
from .tokens import Tokens
from .totp import Totp

SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
MISSING_TOKEN = ('Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; '
                 "Missing Authorization Header)")
SETUP_PATHS = frozenset(("/auth/totp", "/auth/email-otp", "/auth/fido", "/auth/recovery-codes",
                         "/auth/login", "/auth/logout", "/auth/authenticated",
                         "/auth/refresh-token"))
"""What a token restricted by ``enforce_2fa`` may call (Zou's list)."""
BOT_REFUSED = ("/auth/", "/data/user/")
"""Zou's ``require_person`` routes: a bot's API token opens none of them (but
``/auth/authenticated``)."""
SETUP_REQUIRED = ("Two-factor authentication setup is required. Please configure 2FA before "
                  "accessing the API.")


class AuthRuntime:
    def __init__(self, dopesheet):
        self.settings = settings = dopesheet.plugin_settings("auth")
        self.tokens = Tokens(dopesheet.secret_key, dopesheet.retired_keys, settings)
        self.passwords = Passwords(settings)
        self.lockout = service.Lockout(settings)
        self.totp = Totp(settings)
        self.email_codes = EmailCodes(settings)
        self.security_keys = SecurityKeys(settings)
        self.recovery_codes = RecoveryCodes()
        self.factors = SecondFactors(settings, self.totp, self.email_codes, self.security_keys,
                                     self.recovery_codes)
        self.reset_tokens = ResetTokens(settings)

    @staticmethod
    def bearer_token(req):
        header = req.get_header("Authorization") or ""
        scheme, _, token = header.partition(" ")
        return token.strip() if scheme.lower() == "bearer" and token.strip() else None

    def authenticate(self, req):
        token = self.bearer_token(req)
        from_cookie = False
        if token is None:
            token = req.cookies.get(cookies.ACCESS_COOKIE)
            from_cookie = token is not None
        if not token:
            raise service.Unauthorized(MISSING_TOKEN, msg=MISSING_TOKEN)
        if from_cookie and req.method not in SAFE_METHODS:
            self._check_cookie_write(req)
        principal = service.principal_for(self.tokens.decode(token, "access"))
        route = req.uri_template or ""
        if principal.claims.get("requires_2fa_setup") and route not in SETUP_PATHS:
            raise Forbidden(SETUP_REQUIRED, two_factor_authentication_required=True)
        if principal.identity_type == "bot" and route.startswith(BOT_REFUSED) and (
                route != "/auth/authenticated"):
            raise Forbidden()
        return principal

    @staticmethod
    def _check_cookie_write(req):
        """CSRF: a write carried by the session cookie must be JSON or come from our origin
        (a cross-site form can send neither a JSON content type nor our Origin)."""
        if is_json(req):
            return
        origin = req.get_header("Origin")
        if origin and origin.rstrip("/") == f"{req.scheme}://{req.netloc}":
            return
        raise Forbidden("Cross-site request refused: send JSON, or a same-origin request.")

    def set_session_cookies(self, req, resp, access, refresh):
        cookies.set_access(req, resp, access, self.settings,
                           int(self.tokens.access_ttl.total_seconds()))
        cookies.set_refresh(req, resp, refresh, self.settings,
                            int(self.tokens.refresh_ttl.total_seconds()))

    def open_session(self, req, resp, person):
        """New tokens for ``person`` (restricted while ``enforce_2fa`` waits for a second
        factor), as cookies for a browser; returns ``{"access_token", "refresh_token"}``."""
        access, refresh = self.tokens.issue_pair(person.id, service.token_version(person.id),
                                                 restricted=self.factors.restricted(person))
        if cookies.is_browser(req):
            self.set_session_cookies(req, resp, access, refresh)
        return {"access_token": access, "refresh_token": refresh}


def runtime(dopesheet):
    return dopesheet.extension("auth", lambda: AuthRuntime(dopesheet))
