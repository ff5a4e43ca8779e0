"""Auth: logins, tokens, passwords and second factors, wire-compatible with Zou 1.0.97.

Provides ``POST /auth/login`` (e-mail or desktop login, password, and one second factor when
the account has 2FA), ``GET /auth/authenticated``, ``GET /auth/refresh-token``,
``GET /auth/logout``, ``POST /auth/change-password``, ``POST|PUT /auth/reset-password`` (a
mailed token), and the second factors: TOTP (``/auth/totp``), codes by e-mail
(``/auth/email-otp``), FIDO2 security keys (``/auth/fido``) and recovery codes
(``/auth/recovery-codes``), each switchable in ``[plugins.auth]``, plus Zou's
``enforce_2fa``; the login log (``GET /data/events/login-logs/last``, admins); an admin's
``/actions/persons/{id}/change-password``, ``invite`` and
``disable-two-factor-authentication``. Also the
``authenticate`` hook (Bearer header or Kitsu's cookies),
deactivation ending sessions for good, the admin rule (an admin may do anything no plugin
vetoes), ``create-admin`` and the admin bootstrap of ``init-data``.

Credentials and second-factor secrets live in this plugin's tables, never on ``person``, and
all state (revocations, counters, codes, challenges) is in the database, so any number of
workers and hosts share it. Mails go through ``framework.send_mail``.
"""

REQUIRES = ("persons",)
