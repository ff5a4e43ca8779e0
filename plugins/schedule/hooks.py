"""The schedule plugin's hook implementations."""

from framework import hookimpl

from . import hookspecs
from .models import MODELS
from .resources import routes
from .services import cleanup, rules, sharing

EVENTS = ("budget:create", "budget-entry:create", "chat:joined", "chat:left",
          "chat:new-message", "chat:deleted-message", "playlist:add_entity")
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
def tasks_deleting(task_ids):
    cleanup.forget_tasks(task_ids)


@hookimpl
def entities_deleting(entity_ids):
    cleanup.forget_entities(entity_ids)


@hookimpl
def notification_playlists(playlist_ids):
    return sharing.announced(playlist_ids)
