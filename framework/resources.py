"""The base of a plugin's hand-made resources: the app context and permission checks
through the ``permission_allowed`` hooks, as the generic model routes make them."""

import uuid

from .errors import NotFound
from .permissions import Resource
from .requests import principal_of


class PluginResource:
    def __init__(self, dopesheet):
        self.dopesheet = dopesheet

    def allowed(self, req, action, model, instance=None, data=None):
        return self.dopesheet.permissions.allowed(principal_of(req), action,
                                                  Resource(model, instance, data))

    def require(self, req, action, model, instance=None, data=None):
        """The caller, when it may ``action`` on ``model`` (or ``instance``); 403 otherwise."""
        principal = principal_of(req)
        self.dopesheet.permissions.require(principal, action, Resource(model, instance, data))
        return principal

    def emit(self, name, data, project_id=None):
        self.dopesheet.emit(name, data, project_id=project_id)


def get_or_404(model, row_id):
    """The row of ``model`` behind a path id; 404 when it is unknown or not an id at all."""
    try:
        key = str(uuid.UUID(str(row_id)))
    except ValueError:
        raise NotFound() from None
    row = model.get_or_none(model._meta.primary_key == key)
    if row is None:
        raise NotFound()
    return row
