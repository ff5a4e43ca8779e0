"""Kitsu's session cookies: set by login for browsers, read by ``authenticate``.

Zou sets cookies only when the User-Agent is a browser; scripts (gazu, curl) get tokens in
the JSON body only. Access cookie path ``/``, refresh cookie path ``/auth/refresh-token``,
HttpOnly, SameSite=Lax, Secure behind https.
"""

import re
from http.cookies import SimpleCookie

from framework.routing import API_PREFIX

ACCESS_COOKIE = "access_token_cookie"
REFRESH_COOKIE = "refresh_token_cookie"
REFRESH_PATHS = ("/auth/refresh-token", API_PREFIX + "/auth/refresh-token")
EXPIRED = "Thu, 01 Jan 1970 00:00:00 GMT"
_BROWSER = re.compile(r"Mozilla/\d.*(Chrome|Chromium|Firefox|Safari|Edg|OPR|Vivaldi|Brave)/")


def is_browser(req):
    return bool(_BROWSER.search(req.user_agent or ""))


def _secure(req, setting):
    return req.scheme == "https" if setting == "auto" else setting == "always"


def _cookie(resp, name, value, path, max_age, secure=False):
    """One Set-Cookie line; Falcon's ``set_cookie`` keeps a single cookie per name, and the
    refresh cookie is set (and cleared) on two paths."""
    morsel = SimpleCookie({name: value})[name]
    morsel.update({"path": path, "max-age": max_age, "httponly": True, "samesite": "Lax",
                   "secure": secure})
    if not max_age:
        morsel["expires"] = EXPIRED
    resp.append_header("Set-Cookie", morsel.OutputString())


def set_access(req, resp, token, settings, max_age):
    _cookie(resp, ACCESS_COOKIE, token, "/", max_age, _secure(req, settings["cookie_secure"]))


def set_refresh(req, resp, token, settings, max_age):
    for path in REFRESH_PATHS:
        _cookie(resp, REFRESH_COOKIE, token, path, max_age,
                _secure(req, settings["cookie_secure"]))


def clear_access(resp):
    _cookie(resp, ACCESS_COOKIE, "", "/", 0)


def clear_refresh(resp):
    for path in REFRESH_PATHS:
        _cookie(resp, REFRESH_COOKIE, "", path, 0)
