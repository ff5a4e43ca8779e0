"""Events: ``emit()`` during a request, delivered to ``handle_event`` after the commit.

An event emitted inside a transaction is queued on peewee's commit callbacks: it is delivered
when the transaction commits and dropped when it rolls back. Outside a transaction (a read
request, a CLI command) it is delivered at once. Each plugin's handler runs on its own, so a
failing handler is logged and neither fails the request nor starves the others.
"""

import logging
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from .db import db, utcnow

log = logging.getLogger("dopesheet.events")

current_dopesheet = ContextVar("current_dopesheet", default=None)
current_principal = ContextVar("current_principal", default=None)


class UnknownEvent(ValueError):
    """``emit`` of a name no plugin declared through ``register_events``."""


@dataclass(frozen=True)
class Event:
    name: str
    data: dict
    project_id: str | None = None
    user_id: str | None = None
    created_at: datetime = field(default_factory=utcnow)


class EventBus:
    def __init__(self, names, handlers, dopesheet):
        self.names = frozenset(names)
        self._handlers = handlers
        self._dopesheet = dopesheet

    def emit(self, name, data=None, project_id=None):
        if name not in self.names:
            raise UnknownEvent(f"event {name!r} is not declared by any plugin "
                               "(return it from register_events)")
        principal = current_principal.get()
        event = Event(name=name, data=dict(data or {}),
                      project_id=str(project_id) if project_id else None,
                      user_id=principal.id if principal is not None else None)
        db.after_commit(lambda: self.dispatch(event))
        return event

    def dispatch(self, event):
        for plugin, call in self._handlers:
            try:
                call(event=event, dopesheet=self._dopesheet)
            except Exception:
                log.exception("event %s: handler of plugin %s failed", event.name, plugin)


def emit(name, data=None, project_id=None):
    """Emit an event from plugin code running inside a request or a CLI command."""
    dopesheet = current_dopesheet.get()
    if dopesheet is None:
        raise RuntimeError("emit() called outside a Dopesheet request or command")
    return dopesheet.events.emit(name, data, project_id)
