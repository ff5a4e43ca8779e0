"""Kitsu's session cookies: set by login for browsers, read by ``authenticate``.

Zou sets cookies only when the User-Agent is a browser; scripts (gazu, curl) get tokens in
the JSON body only. Access cookie path ``/``, refresh cookie path ``/auth/refresh-token``,
HttpOnly, SameSite=Lax, Secure behind https.
"""

import re

ACCESS_COOKIE = "access_token_cookie"
REFRESH_COOKIE = "refresh_token_cookie"
REFRESH_PATH = "/auth/refresh-token"
_BROWSER = re.compile(r"Mozilla/\d.*(Chrome|Chromium|Firefox|Safari|Edg|OPR|Vivaldi|Brave)/")


def is_browser(req):
    return bool(_BROWSER.search(req.user_agent or ""))


def _secure(req, setting):
    return req.scheme == "https" if setting == "auto" else setting == "always"


def set_access(req, resp, token, settings, max_age):
    resp.set_cookie(ACCESS_COOKIE, token, path="/", max_age=max_age, http_only=True,
                    same_site="Lax", secure=_secure(req, settings["cookie_secure"]))


def set_refresh(req, resp, token, settings, max_age):
    for prefix in ("", "/api"):
        resp.set_cookie(REFRESH_COOKIE, token, path=prefix + REFRESH_PATH, max_age=max_age,
                        http_only=True, same_site="Lax",
                        secure=_secure(req, settings["cookie_secure"]))


def clear_access(resp):
    resp.unset_cookie(ACCESS_COOKIE, path="/")


def clear_refresh(resp):
    for prefix in ("", "/api"):
        resp.unset_cookie(REFRESH_COOKIE, path=prefix + REFRESH_PATH)
