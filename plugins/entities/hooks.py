"""The entities plugin's hook implementations."""

from framework import hookimpl

from . import hookspecs
from .models import MODELS
from .resources import routes
from .services import rules, seed

KINDS = ("asset", "shot", "sequence", "episode", "scene", "edit", "concept")
EVENTS = (
    [f"{kind}:{action}" for kind in KINDS for action in ("new", "update", "delete")]
    + [f"asset-type:{action}" for action in ("new", "update", "delete")]
    + [f"{kind}:casting-update" for kind in ("asset", "shot", "sequence", "episode")]
    + ["shot:add-to-scene", "shot:remove-from-scene"]
)
"""Zou's domain events this plugin emits (the ``<table>:new|update|delete`` events of its
models are declared by the core)."""


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
def permission_allowed(principal, action, resource, dopesheet):
    return rules.vote(principal, action, resource, dopesheet)


@hookimpl
def permission_filter(principal, model, dopesheet):
    return rules.list_filter(principal, model, dopesheet)


@hookimpl(trylast=True)
def init_data():
    """After the persons plugin's: the default task types point at its departments."""
    seed.seed_defaults()
