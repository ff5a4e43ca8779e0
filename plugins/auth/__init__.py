"""Auth: log in, JWT access and refresh tokens, logout, and the role rules.

Provides ``POST /auth/login`` (e-mail or desktop login plus password, argon2id hashes),
``GET /auth/authenticated``, ``GET /auth/refresh-token`` and ``GET /auth/logout`` with Zou's
bodies; the ``authenticate`` hook (Bearer header or Kitsu's cookies); deactivating a person
ends their sessions for good (``handle_event`` on ``person:update``); the admin rule
(an admin may do anything no plugin vetoes); the ``create-admin`` command and the admin
bootstrap of ``init-data``. Credentials live in this plugin's tables, never on ``person``.
"""

REQUIRES = ("persons",)
