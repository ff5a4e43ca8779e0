"""The ``/auth/*`` resources: sessions, passwords, second factors; and the login log."""

from .factors import EmailOtpResource, FidoResource, RecoveryCodesResource, TotpResource
from .login_logs import LoginLogsResource
from .passwords import ChangePasswordResource, ResetPasswordResource
from .session import AuthenticatedResource, LoginResource, LogoutResource, RefreshResource

__all__ = ["AuthenticatedResource", "ChangePasswordResource", "EmailOtpResource",
           "FidoResource", "LoginLogsResource", "LoginResource", "LogoutResource",
           "RecoveryCodesResource", "RefreshResource", "ResetPasswordResource", "TotpResource"]
