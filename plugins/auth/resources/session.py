"""``/auth/login``, ``/auth/logout``, ``/auth/authenticated``, ``/auth/refresh-token``."""

from framework import BadRequest, Unauthorized, operation, principal_of, read_json, validated
from framework.errors import handle_api_error
from plugins.persons.models import (Organisation, organisation_dict, person_dict,
                                    person_with_departments)

from .. import cookies, service
from ..login import log_in
from ..schemas import LoginAnswer, LoginBody

MISSING_REFRESH = ('Missing JWT in cookies or headers (Missing cookie "refresh_token_cookie"; '
                   "Missing Authorization Header)")


def _client_ip(req):
    return req.get_header("X-Real-IP") or req.remote_addr


def _login_fields(req):
    """JSON, else a form, else the query string (Zou reads the values wherever they are)."""
    if (req.content_type or "").startswith("application/x-www-form-urlencoded"):
        form = req.get_media()
        return form if isinstance(form, dict) else {}
    body = read_json(req)
    if body is None:
        return dict(req.params)
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return body


class LoginResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("Log in with an e-mail (or desktop login), a password and, when the account "
               "has 2FA, one second factor", auth=False, body=LoginBody, response=LoginAnswer)
    def on_post(self, req, resp):
        body = validated(LoginBody(), _login_fields(req))
        try:
            person = log_in(self.auth, body["email"], body["password"], body)
        except service.LoginRefused as refusal:
            # Answered here, not raised: the failure counter must be committed.
            handle_api_error(req, resp, refusal, {})
            return
        browser = cookies.is_browser(req)
        service.log_login(person, _client_ip(req), "web" if browser else "script")
        session = self.auth.open_session(req, resp, person)
        resp.media = {"user": person_dict(person),
                      "organisation": organisation_dict(Organisation.current(),
                                                        person.role == "admin"),
                      "login": True, **session}
        if self.auth.factors.restricted(person):
            resp.media["two_factor_authentication_required"] = True


class AuthenticatedResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("Tell whether the caller's token is valid, with the user (its second factors "
               "and security key names) and the organisation")
    def on_get(self, req, resp):
        principal = principal_of(req)
        person = person_with_departments(principal.id)
        user = person_dict(person)
        user["fido_devices"] = self.auth.security_keys.device_names(person)
        resp.media = {"authenticated": True, "user": user,
                      "organisation": organisation_dict(Organisation.current(),
                                                        principal.is_admin)}


class LogoutResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("Log out: revoke this access token and its refresh token")
    def on_get(self, req, resp):
        claims = principal_of(req).claims
        tokens = self.auth.tokens
        service.revoke(claims["jti"], tokens.accepted_until(claims["exp"]))
        if claims.get("refresh_jti"):
            service.revoke(claims["refresh_jti"],
                           tokens.accepted_until(tokens.latest_refresh_exp()))
        service.purge_revocations()
        if cookies.is_browser(req):
            cookies.clear_access(resp)
            cookies.clear_refresh(resp)
        resp.media = {"logout": True}


class RefreshResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("A new access token from the refresh token (header or refresh cookie)",
               auth=False, security=[{"bearerAuth": []}])
    def on_get(self, req, resp):
        token = self.auth.bearer_token(req) or req.cookies.get(cookies.REFRESH_COOKIE)
        if not token:
            raise Unauthorized(MISSING_REFRESH, msg=MISSING_REFRESH)
        claims = self.auth.tokens.decode(token, "refresh")
        person = service.principal_for(claims).user
        access = self.auth.tokens.issue_access(claims,
                                               restricted=self.auth.factors.restricted(person))
        if cookies.is_browser(req):
            cookies.set_access(req, resp, access, self.auth.settings,
                               int(self.auth.tokens.access_ttl.total_seconds()))
            cookies.clear_refresh(resp)
            resp.media = {"refresh": True}
        else:
            resp.media = {"access_token": access}
