"""``/auth/login``, ``/auth/logout``, ``/auth/authenticated``, ``/auth/refresh-token``."""

from marshmallow import Schema, fields

from framework import BadRequest, Unauthorized, operation, principal_of, read_json
from framework.errors import handle_api_error
from plugins.persons.models import Organisation, organisation_dict, person_dict

from . import cookies, service


class LoginBody(Schema):
    email = fields.String(required=True, metadata={"description": "e-mail or desktop login"})
    password = fields.String()
    totp = fields.String()
    email_otp = fields.String()
    recovery_code = fields.String()
    fido_authentication_response = fields.Dict()


class LoginAnswer(Schema):
    login = fields.Boolean()
    user = fields.Dict()
    organisation = fields.Dict()
    access_token = fields.String()
    refresh_token = fields.String()


def _client_ip(req):
    return req.get_header("X-Real-IP") or req.remote_addr


class LoginResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("Log in with an e-mail (or desktop login) and a password", auth=False,
               body=LoginBody, response=LoginAnswer)
    def on_post(self, req, resp):
        try:
            login, password = service.require_login_field(self._body(req))
            if len(password) > self.auth.settings["max_password_length"]:
                service.Lockout.record_failure(service.normalise_login(login))
                raise service.LoginRefused(service.WRONG_CREDENTIALS)
            person, _ = service.check_password(login, password, self.auth.passwords,
                                               self.auth.lockout)
        except service.LoginRefused as refusal:
            # Answered here, not raised: the failure counter must be committed.
            handle_api_error(req, resp, refusal, {})
            return
        browser = cookies.is_browser(req)
        service.log_login(person, _client_ip(req), "web" if browser else "script")
        access, refresh = self.auth.tokens.issue_pair(person.id, service.token_version(person.id))
        if browser:
            self.auth.set_session_cookies(req, resp, access, refresh)
        resp.media = {"user": person_dict(person),
                      "organisation": organisation_dict(Organisation.current(),
                                                        person.role == "admin"),
                      "login": True, "access_token": access, "refresh_token": refresh}

    @staticmethod
    def _body(req):
        if (req.content_type or "").startswith("application/x-www-form-urlencoded"):
            form = req.get_media()
            return form if isinstance(form, dict) else {}
        body = read_json(req)
        if body is None:
            return dict(req.params)
        if not isinstance(body, dict):
            raise BadRequest("The request body must be a JSON object.")
        return body


class AuthenticatedResource:
    @operation("Tell whether the caller's token is valid, with the user and organisation")
    def on_get(self, req, resp):
        principal = principal_of(req)
        user = person_dict(principal.user)
        user["fido_devices"] = []
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
            raise Unauthorized(
                'Missing JWT in cookies or headers (Missing cookie "refresh_token_cookie"; '
                "Missing Authorization Header)", msg='Missing JWT in cookies or headers '
                '(Missing cookie "refresh_token_cookie"; Missing Authorization Header)')
        claims = self.auth.tokens.decode(token, "refresh")
        service.principal_for(claims)
        access = self.auth.tokens.issue_access(claims)
        if cookies.is_browser(req):
            cookies.set_access(req, resp, access, self.auth.settings,
                               int(self.auth.tokens.access_ttl.total_seconds()))
            cookies.clear_refresh(resp)
            resp.media = {"refresh": True}
        else:
            resp.media = {"access_token": access}
