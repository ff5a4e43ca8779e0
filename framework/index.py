"""The core's own routes, registered like a plugin's: ``/``, ``/status``, ``/openapi.json``,
``/docs``. This module is the plugin named ``core``; it cannot be disabled."""

import peewee

from .db import db
from .hookspecs import hookimpl
from .openapi import DocsResource, OpenApiResource
from .routing import Route, operation


class IndexResource:
    def __init__(self, dopesheet):
        from . import __version__

        self.body = {"api": dopesheet.settings["server"]["api_name"], "version": __version__}

    @operation("API name and version", auth=False)
    def on_get(self, req, resp):
        resp.media = self.body

    @operation("API name and version (headers only)", auth=False)
    def on_head(self, req, resp):
        resp.media = self.body


class StatusResource:
    def __init__(self, dopesheet):
        from . import __version__

        self.name = dopesheet.settings["server"]["api_name"]
        self.version = __version__

    @operation("Health of the API and its database", auth=False)
    def on_get(self, req, resp):
        try:
            db.execute_sql("SELECT 1")
            database_up = True
        except peewee.PeeweeException:
            database_up = False
        resp.media = {"name": self.name, "version": self.version, "database-up": database_up}


@hookimpl
def register_routes(dopesheet):
    return [
        Route("/", IndexResource(dopesheet)),
        Route("/status", StatusResource(dopesheet)),
        Route("/openapi.json", OpenApiResource(dopesheet)),
        Route("/docs", DocsResource(dopesheet)),
    ]
