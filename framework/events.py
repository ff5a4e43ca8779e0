"""Events: ``emit()`` during a request, written by ``record_events`` with the request's
data and delivered to ``handle_events``/``handle_event`` after the commit.

The events of a transaction are queued on it: in a request, ``record_events`` gets them just
before the commit, inside the transaction; they are delivered together when it commits and
dropped when it rolls back. Outside a request's transaction (a CLI command) they are recorded
after the commit; outside any transaction (a read request) an event is recorded and
delivered at once. Each plugin's handler runs on its own, so a failing handler is logged and
neither fails the request nor starves the others.
"""

import logging
from contextvars import ContextVar
from dataclasses import dataclass, field
from datetime import datetime

from .db import before_commit, db, utcnow

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
    """Events of one transaction are delivered together once it commits: each plugin's
    ``handle_events`` gets the whole batch, then its ``handle_event`` gets them one by one.
    ``record_events`` gets the batch before, inside the transaction when it is a request's."""

    def __init__(self, names, recorders, batch_handlers, handlers, dopesheet):
        self.names = frozenset(names)
        self._recorders = recorders
        self._batch_handlers = batch_handlers
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
        transaction = db.top_transaction()
        if transaction is None:
            self.record([event], logged=True)
            self.dispatch([event])
            return event
        batch = getattr(transaction, "dopesheet_events", None)
        if batch is None:
            batch = transaction.dopesheet_events = []
            if not before_commit(lambda: self.record(batch)):
                db.after_commit(lambda: self.record(batch, logged=True))
            db.after_commit(lambda: self.dispatch(batch))
        batch.append(event)
        return event

    def record(self, events, logged=False):
        """``record_events`` of every plugin; ``logged``: an error is logged, not raised."""
        for plugin, call in self._recorders:
            if logged:
                self._deliver(plugin, events[0].name, call, events=events)
            else:
                call(dopesheet=self._dopesheet, events=events)

    def dispatch(self, events):
        for plugin, call in self._batch_handlers:
            self._deliver(plugin, events[0].name, call, events=events)
        for plugin, call in self._handlers:
            for event in events:
                self._deliver(plugin, event.name, call, event=event)

    def _deliver(self, plugin, name, call, **arguments):
        try:
            call(dopesheet=self._dopesheet, **arguments)
        except Exception:
            log.exception("event %s: handler of plugin %s failed", name, plugin)


def emit(name, data=None, project_id=None):
    """Emit an event from plugin code running inside a request or a CLI command."""
    dopesheet = current_dopesheet.get()
    if dopesheet is None:
        raise RuntimeError("emit() called outside a Dopesheet request or command")
    return dopesheet.events.emit(name, data, project_id)
