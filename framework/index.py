"""The core's own routes, registered like a plugin's: ``/``, ``/status``, ``/config``,
``/openapi.json``, ``/docs``. This module is the plugin named ``core``; it cannot be
disabled."""

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
        version = database_version()
        resp.media = {"name": self.name, "version": self.version,
                      "database-up": version is not None, "database-version": version}


def database_version():
    """The database server's name and version (``PostgreSQL 16.4``, ``SQLite 3.45.1``) read
    through the request's connection, or None when it cannot be reached."""
    if isinstance(db.obj, peewee.SqliteDatabase):
        name, query = "SQLite", "SELECT sqlite_version()"
    else:
        name, query = "PostgreSQL", "SHOW server_version"
    try:
        return f"{name} {db.execute_sql(query).fetchone()[0]}"
    except peewee.PeeweeException:
        return None


ZOU_CLIENT_CONFIG = {
    "is_self_hosted": True, "crisp_token": "", "dark_theme_by_default": False,
    "indexer_configured": False, "saml_enabled": False, "saml_idp_name": "",
    "oidc_enabled": False, "oidc_idp_name": "", "default_locale": "en_US",
    "default_timezone": "Europe/Paris", "enforce_2fa": False, "movie_highdef_bitrate": 28,
    "movie_lowdef_bitrate": 6, "preview_accounts_enabled": False,
}


class ClientConfigResource:
    def __init__(self, dopesheet):
        self.dopesheet = dopesheet

    @operation("Public settings a client reads before logging in", auth=False)
    def on_get(self, req, resp):
        config = dict(ZOU_CLIENT_CONFIG)
        for fragment in reversed(self.dopesheet.hooks.client_config(self.dopesheet)):
            config.update(fragment or {})
        resp.media = config


@hookimpl
def register_routes(dopesheet):
    return [
        Route("/", IndexResource(dopesheet)),
        Route("/status", StatusResource(dopesheet)),
        Route("/config", ClientConfigResource(dopesheet)),
        Route("/openapi.json", OpenApiResource(dopesheet)),
        Route("/docs", DocsResource(dopesheet)),
    ]
