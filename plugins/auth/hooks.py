"""The auth plugin's hook implementations."""

import getpass
import secrets
import sys

from marshmallow import fields, validate

from framework import Route, SettingsSchema, hookimpl

from . import admin, service
from .models import MODELS
from .resources import AuthenticatedResource, LoginResource, LogoutResource, RefreshResource
from .runtime import runtime


class AuthSettings(SettingsSchema):
    access_token_days = fields.Integer(load_default=7, validate=validate.Range(min=1))
    refresh_token_days = fields.Integer(load_default=15, validate=validate.Range(min=1))
    token_leeway_seconds = fields.Integer(load_default=30, validate=validate.Range(min=0))
    min_password_length = fields.Integer(load_default=8, validate=validate.Range(min=1))
    max_password_length = fields.Integer(load_default=1024, validate=validate.Range(min=64))
    lockout_attempts = fields.Integer(load_default=5, validate=validate.Range(min=1))
    lockout_minutes = fields.Integer(load_default=5, validate=validate.Range(min=1))
    argon2_time_cost = fields.Integer(load_default=3, validate=validate.Range(min=1))
    argon2_memory_cost = fields.Integer(load_default=65536, validate=validate.Range(min=8))
    argon2_parallelism = fields.Integer(load_default=4, validate=validate.Range(min=1))
    cookie_secure = fields.String(load_default="auto",
                                  validate=validate.OneOf(["auto", "always", "never"]))


@hookimpl
def register_settings():
    return {"auth": AuthSettings}


@hookimpl
def register_models():
    return list(MODELS)


@hookimpl
def register_routes(dopesheet):
    auth = runtime(dopesheet)
    return [
        Route("/auth/login", LoginResource(auth)),
        Route("/auth/authenticated", AuthenticatedResource()),
        Route("/auth/logout", LogoutResource(auth)),
        Route("/auth/refresh-token", RefreshResource(auth)),
    ]


@hookimpl(trylast=True)
def authenticate(req, dopesheet):
    return runtime(dopesheet).authenticate(req)


@hookimpl(trylast=True)
def permission_allowed(principal):
    """Role rule: an admin may do whatever no plugin vetoes."""
    if principal is not None and principal.is_admin:
        return True
    return None


@hookimpl
def handle_event(event):
    if event.name == "person:update":
        service.end_sessions_if_inactive(event.data["person_id"])


@hookimpl
def set_person_password(person, password, dopesheet):
    auth = runtime(dopesheet)
    if len(password) < auth.settings["min_password_length"]:
        raise service.BadRequest("Password is too short.")
    if len(password) > auth.settings["max_password_length"]:
        raise service.BadRequest("Password is too long.")
    service.set_password(person, password, auth.passwords)
    return True


@hookimpl
def init_data(dopesheet):
    admin.bootstrap_admin(runtime(dopesheet).passwords)


def _create_admin_command(args, dopesheet):
    password = args.password
    if password is None:
        password = getpass.getpass("Password: ") if sys.stdin.isatty() else secrets.token_urlsafe(18)
        if not sys.stdin.isatty():
            print(f"Generated password: {password}")
    auth = runtime(dopesheet)
    if len(password) < auth.settings["min_password_length"]:
        print("Password is too short.", file=sys.stderr)
        return 1
    _, created = admin.create_admin(args.email, password, auth.passwords)
    print(f"Admin {args.email} created." if created else f"{args.email} already exists.")
    return 0


@hookimpl
def register_commands(subparsers):
    parser = subparsers.add_parser("create-admin", help="create an admin account")
    parser.add_argument("email")
    parser.add_argument("--password", help="generated and printed when omitted")
    parser.set_defaults(handler=_create_admin_command)
