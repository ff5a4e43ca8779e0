"""The auth plugin's hook implementations."""

import getpass
import secrets
import sys

from framework import Route, hookimpl

from . import admin, service
from .models import MODELS
from .resources import (AuthenticatedResource, ChangePasswordResource, EmailOtpResource,
                        FidoResource, LoginLogsResource, LoginResource, LogoutResource,
                        PersonCredentials, RecoveryCodesResource, RefreshResource,
                        ResetPasswordResource, TotpResource)
from .runtime import runtime
from .settings import AuthSettings

SWITCHED_ROUTES = (("totp", "/auth/totp", TotpResource),
                   ("email_otp", "/auth/email-otp", EmailOtpResource),
                   ("fido", "/auth/fido", FidoResource),
                   ("recovery_codes", "/auth/recovery-codes", RecoveryCodesResource))
"""Routes that exist only while their ``[plugins.auth]`` switch is on."""


@hookimpl
def register_settings():
    return {"auth": AuthSettings}


@hookimpl
def register_models():
    return list(MODELS)


@hookimpl
def register_routes(dopesheet):
    auth = runtime(dopesheet)
    routes = [
        Route("/auth/login", LoginResource(auth)),
        Route("/auth/authenticated", AuthenticatedResource(auth)),
        Route("/auth/logout", LogoutResource(auth)),
        Route("/auth/refresh-token", RefreshResource(auth)),
        Route("/auth/change-password", ChangePasswordResource(auth)),
        Route("/auth/reset-password", ResetPasswordResource(auth)),
        Route("/data/events/login-logs/last", LoginLogsResource(auth)),
    ]
    credentials, person = PersonCredentials(auth), "/actions/persons/{person_id}"
    routes += [
        Route(f"{person}/change-password", credentials, suffix="password"),
        Route(f"{person}/invite", credentials, suffix="invite"),
        Route(f"{person}/disable-two-factor-authentication", credentials, suffix="factors"),
    ]
    return routes + [Route(template, resource(auth))
                     for switch, template, resource in SWITCHED_ROUTES if auth.settings[switch]]


@hookimpl
def client_config(dopesheet):
    return {"enforce_2fa": dopesheet.plugin_settings("auth")["enforce_2fa"]}


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
    service.check_new_password(auth.settings, password)
    service.set_password(person, password, auth.passwords)
    return True


@hookimpl
def person_access_token(person, dopesheet):
    return service.api_token(person, runtime(dopesheet).tokens)


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
