"""The auth plugin's per-application state: settings, token codec, hasher, lockout."""

from framework.requests import is_json
from framework import Forbidden

from . import cookies, service
from .passwords import Passwords
from .tokens import Tokens

SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
MISSING_TOKEN = ('Missing JWT in cookies or headers (Missing cookie "access_token_cookie"; '
                 "Missing Authorization Header)")


class AuthRuntime:
    def __init__(self, dopesheet):
        self.settings = dopesheet.plugin_settings("auth")
        self.tokens = Tokens(dopesheet.secret_key, dopesheet.retired_keys, self.settings)
        self.passwords = Passwords(self.settings)
        self.lockout = service.Lockout(self.settings)

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
        return service.principal_for(self.tokens.decode(token, "access"))

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


def runtime(dopesheet):
    return dopesheet.extension("auth", lambda: AuthRuntime(dopesheet))
