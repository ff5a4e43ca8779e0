"""The ``/auth/*`` resources: sessions, passwords, second factors."""

from .factors import EmailOtpResource, FidoResource, RecoveryCodesResource, TotpResource
from .passwords import ChangePasswordResource, ResetPasswordResource
from .session import AuthenticatedResource, LoginResource, LogoutResource, RefreshResource

__all__ = ["AuthenticatedResource", "ChangePasswordResource", "EmailOtpResource",
           "FidoResource", "LoginResource", "LogoutResource", "RecoveryCodesResource",
           "RefreshResource", "ResetPasswordResource", "TotpResource"]
