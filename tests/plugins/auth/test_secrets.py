"""Secrets stay secret: compared in constant time only (AUTH.md §5.3 property 35, checked on
the source), and absent from every answer once second factors are in use (property 8 with
2FA on)."""

import ast
from pathlib import Path

import pytest

from tests.plugins.auth.helpers import (all_keys, bearer, enable_email_otp, enable_totp, login,
                                        mailed_login_code)
from tests.plugins.auth.security_key import SecurityKey

PLUGIN = Path(__file__).resolve().parents[3] / "plugins" / "auth"
SECRET_NAMES = {"token", "code", "codes", "otp", "totp", "email_otp", "recovery_code", "secret",
                "digest", "offered", "challenge", "state", "password", "password_hash",
                "signature", "assertion", "response"}
EQUALITY = (ast.Eq, ast.NotEq, ast.In, ast.NotIn)
SENSITIVE_KEYS = {"password", "password_hash", "totp_secret", "email_otp_secret",
                  "otp_recovery_codes", "fido_credentials", "jti", "login_failed_attemps",
                  "last_login_failed", "token_version", "otp_secret", "secret", "digest",
                  "credential_data", "sign_count", "last_timecode", "counter"}


def _name(node):
    """What an operand is called: a variable, an attribute, ``x["key"]``, ``x.get("key")``."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
        return str(node.slice.value)
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr == "get" and node.args and isinstance(node.args[0], ast.Constant)):
        return str(node.args[0].value)
    return ""


def _is_secret(name):
    return name in SECRET_NAMES or any(name.endswith("_" + secret) for secret in SECRET_NAMES)


def _builds_sql(node):
    """``Model.column == value`` is a peewee expression run by the database, not a Python
    comparison of the value."""
    return (isinstance(node.left, ast.Attribute) and isinstance(node.left.value, ast.Name)
            and node.left.value.id[:1].isupper())


def equality_on_secrets(source, filename="<source>"):
    """``file:line`` of every ``==``/``!=``/``in`` whose operand is named like a secret."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if (isinstance(node, ast.Compare) and any(isinstance(op, EQUALITY) for op in node.ops)
                and not _builds_sql(node)
                and any(_is_secret(_name(operand)) for operand in [node.left, *node.comparators])):
            found.append(f"{filename}:{node.lineno}")
    return found


@pytest.mark.parametrize("source", [
    "if token == expected: pass",
    "ok = row.digest != offered",
    "ok = body['recovery_code'] in codes",
    "ok = given.get('totp') == code",
    "ok = password == 'default'",
])
def test_the_check_sees_a_plain_comparison_of_a_secret(source):
    assert equality_on_secrets(source)


@pytest.mark.parametrize("source", [
    "ok = hmac.compare_digest(row.digest, offered)",
    "query.where(ResetToken.digest == matched)",
    "ok = given.get('totp') is not None",
    "ok = method in usable",
])
def test_the_check_lets_constant_time_and_sql_comparisons_pass(source):
    assert not equality_on_secrets(source)


def test_secrets_are_only_compared_in_constant_time():
    """Property 35: reset tokens, one-time codes, recovery codes and FIDO challenges go
    through hmac.compare_digest, pyotp, fido2 or argon2, never ``==``."""
    found = []
    for path in sorted(PLUGIN.rglob("*.py")):
        found += equality_on_secrets(path.read_text(), str(path.relative_to(PLUGIN)))
    assert found == []


def test_no_answer_carries_a_second_factor_secret(studio, mailbox):
    """Property 8 with every second factor in use."""
    alice = studio.person("user", email="alice@example.com")
    admin = studio.headers(studio.person("admin"))
    headers = studio.headers(alice)
    secret = studio.client.simulate_put("/auth/totp", headers=headers).json["otp_secret"]
    studio.client.simulate_delete("/auth/totp", headers=headers, json={})
    totp, enabled = enable_totp(studio.client, headers)
    enable_email_otp(studio.client, headers, mailbox, "alice@example.com")
    key = SecurityKey()
    options = studio.client.simulate_put("/auth/fido", headers=headers).json
    studio.client.simulate_post("/auth/fido", headers=headers, json={
        "registration_response": key.create(options), "device_name": "key"})
    code = mailed_login_code(studio.client, mailbox, "alice@example.com")
    logged = login(studio.client, "alice@example.com", email_otp=code)
    assert logged.status_code == 200
    answers = [logged]
    for who in (bearer(logged.json["access_token"]), admin):
        answers += [studio.client.simulate_get(path, headers=who, params=params)
                    for path, params in (("/auth/authenticated", None), ("/data/persons", None),
                                         ("/data/persons", {"relations": "true"}),
                                         (f"/data/persons/{alice.id}", None))]
    for answer in answers:
        assert answer.status_code == 200, answer.text
        assert not all_keys(answer.json) & SENSITIVE_KEYS, answer.text
        for value in (secret, totp.secret, *enabled["otp_recovery_codes"], code):
            assert value not in answer.text
