"""Helpers shared by the auth tests: forged tokens, raw Set-Cookie lines, login counters, and
second factors set up through the routes."""

import base64
import datetime
import time
import uuid

import falcon.testing
import jwt
import orjson
import pyotp

from framework import clock
from plugins.auth.models import LoginAttempts
from plugins.persons.models import Person
from plugins.auth.runtime import runtime
from plugins.auth.tokens import key_id
from tests.conftest import PASSWORD

BROWSER = ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/126.0.0.0 Safari/537.36")
SCRIPT = "python-requests/2.32.3"
WRONG_CREDENTIALS = {"error": True, "message": "Wrong email or password.", "login": False}
ALICE = "alice@example.com"
WRONG_FACTOR = {"error": True, "login": False, "wrong_OTP": True,
                "message": "Wrong two-factor authentication code."}
FACTOR_REFUSED = {"error": True, "message": "OTP verification failed.", "wrong_OTP": True}


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


def all_keys(value):
    """Every key of every object nested in a JSON value."""
    if isinstance(value, dict):
        return set(value) | {key for inner in value.values() for key in all_keys(inner)}
    if isinstance(value, list):
        return {key for inner in value for key in all_keys(inner)}
    return set()


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


# -- second factors -----------------------------------------------------------------------

def login(client, email, password=PASSWORD, **factor):
    return client.simulate_post("/auth/login", json={"email": email, "password": password,
                                                     **factor})


def totp_code(totp, steps=0):
    """The code of ``totp`` for the server clock's time step, ``steps`` steps away."""
    moment = clock.utcnow().replace(tzinfo=datetime.UTC)
    return totp.at(moment + datetime.timedelta(seconds=totp.interval * steps))


def wrong_code(totp):
    """Six digits that are no code of ``totp`` anywhere near now."""
    near = {totp_code(totp, steps) for steps in range(-3, 4)}
    return next(code for code in (f"{n:06d}" for n in range(1000000)) if code not in near)


def start_of_a_step(clock_control, totp):
    """Move the server clock just past the start of the next time step, so the codes of a
    test all fall in the steps it means even as real time passes."""
    now = clock_control.now().replace(tzinfo=datetime.UTC).timestamp()
    clock_control.advance(seconds=totp.interval - now % totp.interval + 1)


def enable_totp(client, headers):
    """Pre-enable and confirm TOTP: ``(pyotp.TOTP, answer of POST /auth/totp)``."""
    secret = client.simulate_put("/auth/totp", headers=headers).json["otp_secret"]
    totp = pyotp.TOTP(secret)
    enabled = client.simulate_post("/auth/totp", headers=headers, json={"totp": totp_code(totp)})
    assert enabled.status_code == 200, enabled.text
    return totp, enabled.json


MAILED_CODE = r"login code is (\d{6})\."


def enable_email_otp(client, headers, mailbox, email):
    """Pre-enable and confirm e-mail codes with the mailed code; the answer of the POST."""
    assert client.simulate_put("/auth/email-otp", headers=headers).json == {"success": True}
    code = mailbox.wait_for(email).find(MAILED_CODE)
    enabled = client.simulate_post("/auth/email-otp", headers=headers, json={"email_otp": code})
    assert enabled.status_code == 200, enabled.text
    return enabled.json


def mailed_login_code(client, mailbox, email):
    assert client.simulate_get("/auth/email-otp", params={"email": email}).json == {
        "success": True}
    return mailbox.wait_for(email).find(MAILED_CODE)


def person_row(app, person):
    """The person as stored now (its 2FA flags)."""
    with app.dopesheet.activated():
        return Person.get_by_id(person.id)


def database_text(app):
    """Every value of every row of every table, as one text (to look for a leaked secret)."""
    values = []
    with app.dopesheet.activated():
        database = app.dopesheet.database
        for table in database.get_tables():
            cursor = database.execute_sql(f'SELECT * FROM "{table}"')
            for row in cursor.fetchall():
                values += [bytes(value).hex() if isinstance(value, (bytes, memoryview))
                           else str(value) for value in row]
    return "\n".join(values)
