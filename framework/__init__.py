"""Dopesheet's core: the public API for plugins.

Plugins import from here only: hook markers, routes, models, schemas, errors, events,
permissions and the generic model API. Nothing in the core imports a plugin.
"""

__version__ = "0.1.0"

from .auth import Principal  # noqa: E402
from .config import SectionSchema as SettingsSchema, StringList  # noqa: E402
from .crud import ModelApi  # noqa: E402
from .db import (BaseModel, JSONField, LinkModel, UUIDField, after_rollback, db, fk,  # noqa: E402
                 utcnow)
from .errors import (ApiError, BadRequest, Conflict, Forbidden, NotFound,  # noqa: E402
                     Unauthorized)
from .events import Event, emit  # noqa: E402
from .hookspecs import hookimpl  # noqa: E402
from .mail import send_mail  # noqa: E402
from .migrations import Migration  # noqa: E402
from .permissions import Resource  # noqa: E402
from .requests import (json_body, principal_of, read_json, read_json_object,  # noqa: E402
                       validated)
from .resources import PluginResource, get_or_404  # noqa: E402
from .routing import Route, operation  # noqa: E402
from .schemas import BaseSchema, model_schema  # noqa: E402

__all__ = [
    "ApiError", "BadRequest", "BaseModel", "BaseSchema", "Conflict", "Event", "Forbidden",
    "JSONField", "LinkModel", "Migration", "ModelApi", "NotFound", "PluginResource",
    "Principal", "Resource", "Route", "SettingsSchema", "StringList", "UUIDField",
    "Unauthorized", "after_rollback", "db", "emit", "fk", "get_or_404", "hookimpl",
    "json_body", "model_schema", "operation", "principal_of", "read_json",
    "read_json_object", "send_mail", "utcnow", "validated",
]
