"""Authentication in the core: who is calling, asked of the plugins' ``authenticate`` hook.

The core knows no credential format. For each request to a route that needs
authentication it asks ``authenticate``; the first plugin that recognises the credential
returns a ``Principal``. Public responders are marked ``@operation(auth=False)``.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import Unauthorized
from .events import current_principal

MISSING_CREDENTIALS = "Authentication required."


@dataclass
class Principal:
    """The authenticated caller: ``id`` (string), ``role``, the credential's ``claims``, and
    ``user``, the plugin's user object, loaded by ``load_user()`` only when a route asks for
    it (most routes need the id and role alone). ``memo`` keeps what plugins derive from the
    caller for the rest of the request (a principal lives for one request), such as their
    role in a project, so that a route over many rows reads it once."""

    id: str
    role: str = "user"
    identity_type: str = "person"
    claims: dict = field(default_factory=dict)
    load_user: Callable[[], object] = field(default=None, repr=False, compare=False)
    memo: dict = field(default_factory=dict, init=False, repr=False, compare=False)
    _user: object = field(default=None, init=False, repr=False, compare=False)

    @property
    def user(self):
        if self._user is None and self.load_user is not None:
            self._user = self.load_user()
        return self._user

    @property
    def is_admin(self):
        return self.role == "admin"


class AuthMiddleware:
    def __init__(self, dopesheet):
        self.dopesheet = dopesheet

    def process_resource(self, req, resp, resource, params):
        req.context.principal = None
        if resource is None:
            return
        operation = self.dopesheet.operations.get(req.uri_template, {}).get(req.method)
        if operation is None or not operation.auth:
            return
        principal = self.dopesheet.hooks.authenticate(req, self.dopesheet)
        if principal is None:
            raise Unauthorized(MISSING_CREDENTIALS)
        req.context.principal = principal
        current_principal.set(principal)

    def process_response(self, req, resp, resource, req_succeeded):
        current_principal.set(None)
