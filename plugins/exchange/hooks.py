"""The exchange plugin's hook implementations."""

from framework import hookimpl

from .resources import routes


@hookimpl
def register_routes(dopesheet):
    return routes(dopesheet)
