"""The tasks plugin's hook implementations."""

from framework import hookimpl

from . import hookspecs
from .models import MODELS
from .resources import routes
from .services import entity_hooks, event_log, rules

EVENTS = (
    "task:assign", "task:unassign", "task:status-changed", "task:to-review",
    "comment:reply", "comment:delete-reply", "comment:acknowledge", "comment:unacknowledge",
    "notification:read", "notification:unread", "notification:all-read",
)
"""Zou's domain events this plugin emits beyond its models' ``new|update|delete``."""


@hookimpl
def add_hooks(pluginmanager):
    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def register_models():
    return list(MODELS)


@hookimpl
def register_routes(dopesheet):
    return routes(dopesheet)


@hookimpl
def register_events():
    return list(EVENTS)


@hookimpl
def permission_allowed(principal, action, resource):
    return rules.vote(principal, action, resource)


@hookimpl
def permission_filter(principal, model):
    return rules.list_filter(principal, model)


@hookimpl
def record_events(events):
    event_log.record(events)


@hookimpl
def entity_tasks(entity_ids):
    return entity_hooks.tasks_by_entity(entity_ids)


@hookimpl
def entities_assigned_to(person_id):
    return entity_hooks.assigned_entity_ids(person_id)


@hookimpl
def entities_deleting(entity_ids, dopesheet):
    entity_hooks.delete_tasks_of(entity_ids, dopesheet)
