"""Helpers shared by the auth tests: forged tokens, raw Set-Cookie lines, login counters."""

import base64
import time
import uuid

import falcon.testing
import jwt
import orjson

from plugins.auth.models import LoginAttempts
from plugins.auth.runtime import runtime
from plugins.auth.tokens import key_id

BROWSER = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/126.0.0.0 Safari/537.36")
SCRIPT = "python-requests/2.32.3"
WRONG_CREDENTIALS = {"error": True, "message": "Wrong email or password.", "login": False}


def auth_settings(app):
    return runtime(app.dopesheet).settings


def bearer(token):
    return {"Authorization": f"Bearer {token}"}


def forge(app, person_id, key=None, kid=None, algorithm="HS256", **claims):
    """A token built outside the app, as the app would build it unless told otherwise:
    signed with ``key`` (the app's key by default) under ``kid`` (that key's id by default)."""
    key = app.dopesheet.secret_key if key is None else key
    now = int(time.time())
    payload = {"fresh": False, "iat": now, "nbf": now, "exp": now + 3600,
               "jti": str(uuid.uuid4()), "type": "access", "sub": str(person_id),
               "identity_type": "person", "ver": 0, "refresh_jti": str(uuid.uuid4())}
    payload.update(claims)
    payload = {name: value for name, value in payload.items() if value is not None}
    return jwt.encode(payload, key, algorithm=algorithm,
                      headers={"kid": key_id(key) if kid is None else kid})


def unverified(token):
    return jwt.decode(token, options={"verify_signature": False})


def with_payload(token, **changes):
    """The same header and signature around a modified payload."""
    header, payload, signature = token.split(".")
    claims = orjson.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    claims.update(changes)
    encoded = base64.urlsafe_b64encode(orjson.dumps(claims)).rstrip(b"=").decode()
    return f"{header}.{encoded}.{signature}"


def set_cookie_lines(app, method, path, headers=None, json=None, scheme="http"):
    """Every raw ``Set-Cookie`` line of one response (the test client keeps one per name)."""
    headers = dict(headers or {})
    body = None
    if json is not None:
        body = orjson.dumps(json)
        headers.setdefault("Content-Type", "application/json")
    environ = falcon.testing.create_environ(path, method=method, headers=headers, body=body,
                                            scheme=scheme)
    start_response = falcon.testing.StartResponseMock()
    b"".join(app(environ, start_response))
    return [value for name, value in start_response.headers if name.lower() == "set-cookie"]


def cookie_attributes(line):
    """``("name", {"attribute": value})`` of a Set-Cookie line, attribute names lowercased."""
    first, *rest = [part.strip() for part in line.split(";")]
    name, _, value = first.partition("=")
    attributes = {"value": value}
    for part in rest:
        key, _, attribute_value = part.partition("=")
        attributes[key.lower()] = attribute_value or True
    return name, attributes


def failed_count(app, login):
    with app.dopesheet.activated():
        row = LoginAttempts.get_or_none(LoginAttempts.login == login)
    return 0 if row is None else row.failed_count

