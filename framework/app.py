"""``create_app``: settings, plugins, database, routes, in the order of DESIGN.md §2.

``create_app()`` with no arguments is what gunicorn runs
(``gunicorn "framework.app:create_app()"``); tests pass ``overrides`` (settings layered
on top of everything else) and ``plugins`` (extra ``(name, module)`` plugins).
"""

import functools
import logging
import os
import secrets
import stat
import time
from contextlib import contextmanager
from pathlib import Path

import falcon
import orjson
from marshmallow import fields, validate

from . import mail, migrations, openapi  # noqa: F401 - mail declares the [mail] section
from .auth import AuthMiddleware
from .config import (ConfigError, SectionSchema, StringList, core_section, load_core_settings,
                     load_raw, validate as validate_section)
from .db import (DatabaseMiddleware, bind, db, is_sqlite, open_database, release_connections,
                 sqlite_path)
from .errors import PayloadTooLarge, UriTooLong, install_error_handlers
from .events import EventBus, current_dopesheet
from .jsonlimits import check_shape
from .logs import configure as configure_logging, current_request_id, log_access
from .permissions import Permissions
from .plugins import Hooks, PluginError, make_plugin_manager
from .routing import RouteClash, check_routes, mount, route_api_prefix
from .serialize import json_default

log = logging.getLogger("dopesheet")

SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "SAMEORIGIN",
    "Content-Security-Policy": "frame-ancestors 'self'",
    "Referrer-Policy": "strict-origin-when-cross-origin",
}
MIN_KEY_BYTES = 32


@core_section("server")
class ServerSettings(SectionSchema):
    api_name = fields.String(load_default="Dopesheet")
    max_body_bytes = fields.Integer(load_default=100 * 1024 * 1024,
                                    validate=validate.Range(min=1024))
    max_json_depth = fields.Integer(load_default=64, validate=validate.Range(min=2, max=250))
    max_json_string_length = fields.Integer(load_default=1024 * 1024,
                                            validate=validate.Range(min=1024))
    max_query_bytes = fields.Integer(load_default=6144, validate=validate.Range(min=1024))
    host = fields.String(load_default="127.0.0.1")
    port = fields.Integer(load_default=8000, validate=validate.Range(min=1, max=65535))
    workers = fields.Integer(load_default=2, validate=validate.Range(min=1))
    log_level = fields.String(load_default="info", validate=validate.OneOf(
        ["debug", "info", "warning", "error"]))


@core_section("security")
class SecuritySettings(SectionSchema):
    secret_key = fields.String(load_default="")
    retired_keys = StringList(load_default=list)


class StartupError(Exception):
    """Any failure while building the app; the message is one line with the fix."""


class App(falcon.App):
    """``falcon.App`` with the Dopesheet context attached as ``app.dopesheet``."""


class Dopesheet:
    """The application context handed to every hook as ``dopesheet``."""

    def __init__(self, settings, manager, infos):
        self.settings = settings
        self.hooks = Hooks(manager, infos)
        self.plugins = infos
        self.permissions = Permissions(self)
        self.database = None
        self.models = {}
        self.models_by_plugin = {}
        self.model_plugin = {}
        self.migrations = {}
        self.routes = []
        self.operations = {}
        self.schemas = []
        self.events = None
        self.secret_key = None
        self.retired_keys = ()
        self._openapi = None
        self._extensions = {}

    def plugin_settings(self, name):
        return self.settings.plugin(name)

    def extension(self, key, factory):
        """Per-application state of a plugin, built once by ``factory()`` on first use."""
        if key not in self._extensions:
            self._extensions[key] = factory()
        return self._extensions[key]

    def emit(self, name, data=None, project_id=None):
        return self.events.emit(name, data, project_id)

    def migrate(self):
        """Create missing tables and apply pending migrations; returns the steps done."""
        return migrations.migrate(self.models_by_plugin, self.migrations)

    def openapi(self):
        if self._openapi is None:
            self._openapi = openapi.build(self)
        return self._openapi

    @contextmanager
    def activated(self):
        """Run code outside a request (CLI) with this context current and a connection."""
        token = current_dopesheet.set(self)
        try:
            with db.connection_context():
                yield self
        finally:
            current_dopesheet.reset(token)


class RequestMiddleware:
    """The ``/api`` prefix, request id, the current context, the body size cap and the
    security headers."""

    def __init__(self, dopesheet):
        self.dopesheet = dopesheet
        self.max_body = dopesheet.settings["server"]["max_body_bytes"]
        self.max_query = dopesheet.settings["server"]["max_query_bytes"]

    def process_request(self, req, resp):
        req.context.started = time.perf_counter()
        route_api_prefix(req)
        incoming = req.get_header("X-Request-ID") or ""
        req.context.request_id = (incoming if 0 < len(incoming) <= 64 and incoming.isprintable()
                                  else secrets.token_hex(8))
        current_request_id.set(req.context.request_id)
        current_dopesheet.set(self.dopesheet)
        if req.content_length and req.content_length > self.max_body:
            raise PayloadTooLarge("The data value transmitted exceeds the capacity limit.")
        if len(req.query_string) > self.max_query:
            raise UriTooLong(f"The query string is longer than {self.max_query} bytes.")

    def process_response(self, req, resp, resource, req_succeeded):
        resp.set_headers(SECURITY_HEADERS)
        resp.set_header("X-Request-ID", getattr(req.context, "request_id", ""))
        started = getattr(req.context, "started", None)
        if started is not None:
            log_access(req, resp, (time.perf_counter() - started) * 1000)
        current_request_id.set("-")


def _json_handler(server_settings):
    options = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_NON_STR_KEYS
    max_depth = server_settings["max_json_depth"]
    max_string_length = server_settings["max_json_string_length"]

    def dumps(value):
        return orjson.dumps(value, default=json_default, option=options)

    def loads(text):
        value = orjson.loads(text)
        check_shape(value, max_depth, max_string_length)
        return value

    return falcon.media.JSONHandler(dumps=dumps, loads=loads)


def _secret_key(settings):
    """The signing key: configured, or generated once beside the SQLite database."""
    security = settings["security"]
    key = security["secret_key"]
    url = settings["database"]["url"]
    if not key:
        if not is_sqlite(url):
            raise ConfigError("security.secret_key is not set; set DOPESHEET_SECRET_KEY to a "
                              f"random value of at least {MIN_KEY_BYTES} bytes")
        key = _stored_key(sqlite_path(url).parent / "secret_key")
    for name, value in [("security.secret_key", key)] + [
            ("security.retired_keys", k) for k in security["retired_keys"]]:
        if len(value.encode()) < MIN_KEY_BYTES:
            raise ConfigError(f"{name} is {len(value.encode())} bytes long; use at least "
                              f"{MIN_KEY_BYTES} random bytes (e.g. `openssl rand -hex 32`)")
    return key, tuple(security["retired_keys"])


def _stored_key(path):
    path = Path(path)
    if path.exists():
        return path.read_text().strip()
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w") as handle:
        handle.write(secrets.token_hex(32))
    log.info("generated a signing key in %s", path)
    return path.read_text().strip()


def _plugin_settings(dopesheet, raw):
    owners = {}
    for plugin, sections in dopesheet.hooks.register_settings():
        for section, schema in (sections or {}).items():
            if section in owners:
                raise PluginError(f"settings section [plugins.{section}] is declared by plugins "
                                  f"{owners[section]} and {plugin}; rename one")
            owners[section] = plugin
            dopesheet.settings.plugin_sections[section] = validate_section(
                raw, ("plugins", section), schema)


def _collect_models(dopesheet):
    by_plugin = {}
    for plugin, models in dopesheet.hooks.register_models(dopesheet):
        for model in models or ():
            table = model._meta.table_name
            if table in dopesheet.models:
                raise PluginError(f"table {table} is declared by plugins "
                                  f"{dopesheet.model_plugin[table]} and {plugin}; rename one "
                                  f"(Meta.table_name) or disable a plugin")
            dopesheet.models[table] = model
            dopesheet.model_plugin[table] = plugin
            by_plugin.setdefault(plugin, []).append(model)
    for plugin, steps in dopesheet.hooks.register_migrations(dopesheet):
        try:
            migrations.check_migrations(plugin, steps or [])
        except ValueError as error:
            raise PluginError(str(error)) from None
        dopesheet.migrations.setdefault(plugin, []).extend(steps or [])
    return by_plugin


def _collect_events(dopesheet):
    owners = {}
    declared = [(dopesheet.model_plugin[table], [
        f"{table.replace('_', '-')}:{action}" for action in ("new", "update", "delete")])
        for table in dopesheet.models]
    for plugin, names in declared + dopesheet.hooks.register_events():
        for name in names or ():
            if name in owners and owners[name] != plugin:
                raise PluginError(f"event {name} is declared by plugins {owners[name]} and "
                                  f"{plugin}; rename one")
            owners[name] = plugin
    return owners


def _one_line_errors(function):
    @functools.wraps(function)
    def guarded(*args, **kwargs):
        try:
            return function(*args, **kwargs)
        except (ConfigError, PluginError, RouteClash) as error:
            raise StartupError(str(error)) from None

    return guarded


@_one_line_errors
def create_app(overrides=None, plugins=(), environ=None):
    """Build the WSGI app. Raises ``StartupError`` with a one-line message on any problem."""
    return _build(overrides, plugins, environ)


@_one_line_errors
def build_context(overrides=None, plugins=(), environ=None):
    """Settings, plugins, plugin settings and keys: everything but the database and routes."""
    return _context(overrides, plugins, environ)


@_one_line_errors
def open_schema(overrides=None, plugins=(), environ=None):
    """The context with its database bound and its models collected, nothing run yet
    (``dopesheet init-db`` migrates with it before any plugin's ``startup`` needs tables)."""
    return _schema(overrides, plugins, environ)


def _context(overrides, plugins, environ):
    raw = load_raw(overrides, environ)
    settings = load_core_settings(raw)
    manager, infos = make_plugin_manager(settings["plugins"], plugins)
    dopesheet = Dopesheet(settings, manager, infos)
    _plugin_settings(dopesheet, raw)
    dopesheet.secret_key, dopesheet.retired_keys = _secret_key(settings)
    return dopesheet


def _schema(overrides, plugins, environ):
    dopesheet = _context(overrides, plugins, environ)
    dopesheet.database = open_database(dopesheet.settings["database"])
    bind(dopesheet.database)
    dopesheet.models_by_plugin = _collect_models(dopesheet)
    return dopesheet


def _build(overrides, plugins, environ):
    dopesheet = _schema(overrides, plugins, environ)
    configure_logging(dopesheet.settings["server"]["log_level"])
    if dopesheet.settings["database"]["auto_migrate"]:
        dopesheet.migrate()
    else:
        pending = migrations.pending(dopesheet.models_by_plugin, dopesheet.migrations)
        if pending:
            raise ConfigError(f"the database schema is not up to date ({pending[0]}); run "
                              "`dopesheet init-db`")
    dopesheet.events = EventBus(_collect_events(dopesheet),
                                dopesheet.hooks.event_handlers("record_events"),
                                dopesheet.hooks.event_handlers("handle_events"),
                                dopesheet.hooks.event_handlers("handle_event"), dopesheet)
    dopesheet.schemas = dopesheet.hooks.register_schemas(dopesheet)

    app = App(middleware=[RequestMiddleware(dopesheet), DatabaseMiddleware(),
                          AuthMiddleware(dopesheet),
                          *dopesheet.hooks.register_middleware(dopesheet)])
    app.dopesheet = dopesheet
    app.req_options.strip_url_path_trailing_slash = True
    app.req_options.keep_blank_qs_values = True
    handler = _json_handler(dopesheet.settings["server"])
    app.req_options.media_handlers[falcon.MEDIA_JSON] = handler
    app.resp_options.media_handlers[falcon.MEDIA_JSON] = handler
    install_error_handlers(app)
    for exception, error_handler in dopesheet.hooks.register_error_handlers(dopesheet):
        app.add_error_handler(exception, error_handler)

    dopesheet.routes = check_routes(dopesheet.hooks.register_routes(dopesheet),
                                    dopesheet.hooks.plugin_of)
    dopesheet.operations = mount(app, dopesheet.routes)
    openapi.mount_docs(app)

    with dopesheet.activated():
        dopesheet.hooks.startup(dopesheet)
    release_connections(dopesheet.database)
    return app
