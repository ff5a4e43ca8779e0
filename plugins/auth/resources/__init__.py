"""The ``/auth/*`` resources: sessions, passwords, second factors; the login log; an admin's
actions on a person's credentials."""

from .factors import EmailOtpResource, FidoResource, RecoveryCodesResource, TotpResource
from .login_logs import LoginLogsResource
from .passwords import ChangePasswordResource, ResetPasswordResource
from .person_admin import PersonCredentials
from .session import AuthenticatedResource, LoginResource, LogoutResource, RefreshResource

__all__ = ["AuthenticatedResource", "ChangePasswordResource", "EmailOtpResource",
           "FidoResource", "LoginLogsResource", "LoginResource", "LogoutResource",
           "PersonCredentials",
           "RecoveryCodesResource", "RefreshResource", "ResetPasswordResource", "TotpResource"]
