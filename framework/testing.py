"""pytest fixtures for Dopesheet and for plugin authors (loaded with ``-p framework.testing``).

- ``make_app(overrides=None, plugins=())``: a new app on a fresh database. Every test that
  uses it runs on SQLite (a file in ``tmp_path``) and, when ``DOPESHEET_TEST_DATABASE_URL``
  is set, again on PostgreSQL (one schema per plugin set for the session, emptied between
  tests).
- ``app`` / ``client``: the default app and a Falcon ``TestClient`` on it. The default app is
  built once per database kind, ``app_overrides`` and ``DOPESHEET_*`` environment for the
  session and given an empty database for each test; ``make_app()`` always builds a new one.
- ``register_plugin(name, module)``: an app with an extra plugin (a module with hookimpls).
- ``app_overrides``: settings applied to every app of a test session (override the fixture
  in a ``conftest.py``, e.g. for fast password hashing).
- ``count_queries()``: a context manager counting the SQL statements run inside it.
- ``clock_control``: ``clock_control.advance(minutes=6)`` moves the server's clock.
"""

import datetime
import hashlib
import json
import os
import secrets
import shutil
from contextlib import contextmanager
from urllib.parse import urlencode, urlparse, urlunparse

import falcon.testing
import peewee
import pytest

from . import clock
from .app import create_app, open_schema
from .db import bind, db, release_connections, sqlite_path

TEST_DATABASE_ENV = "DOPESHEET_TEST_DATABASE_URL"
TEST_SECRET_KEY = secrets.token_hex(32)


def _merge(base, extra):
    merged = dict(base)
    for key, value in (extra or {}).items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


def database_kinds():
    return ["sqlite", "postgresql"] if os.environ.get(TEST_DATABASE_ENV) else ["sqlite"]


class PostgresSchemas:
    """One schema per plugin set for the whole session; tables emptied between tests."""

    def __init__(self, url):
        self.url = url
        self.prefix = f"dopesheet_test_{os.getpid()}_{secrets.token_hex(3)}"
        self.created = set()

    def _admin(self):
        parsed = urlparse(self.url)
        return peewee.PostgresqlDatabase(parsed.path.lstrip("/"), host=parsed.hostname,
                                         port=parsed.port, user=parsed.username,
                                         password=parsed.password, prefer_psycopg3=True)

    def url_for(self, key):
        """The URL of ``key``'s schema, created on first use and emptied on every later one."""
        schema = f"{self.prefix}_{hashlib.sha1(key.encode()).hexdigest()[:8]}"
        admin = self._admin()
        with admin.connection_context():
            if schema in self.created:
                tables = [row[0] for row in admin.execute_sql(
                    "SELECT tablename FROM pg_tables WHERE schemaname = %s "
                    "AND tablename <> 'dopesheet_schema'", (schema,))]
                if tables:
                    self._empty(admin, [f'"{schema}"."{table}"' for table in tables])
            else:
                admin.execute_sql(f'CREATE SCHEMA "{schema}"')
                self.created.add(schema)
        parsed = urlparse(self.url)
        query = urlencode({"options": f"-csearch_path={schema}"})
        return urlunparse(parsed._replace(query=query))

    @staticmethod
    def _empty(admin, tables):
        """DELETE with the foreign-key triggers off is a hundred times faster than TRUNCATE
        on the few rows a test leaves (TRUNCATE rewrites every table's files); it needs a
        superuser, so anyone else gets TRUNCATE."""
        try:
            with admin.atomic():
                admin.execute_sql("SET LOCAL session_replication_role = replica")
                for table in tables:
                    admin.execute_sql(f"DELETE FROM {table}")
        except peewee.ProgrammingError:
            admin.execute_sql(f"TRUNCATE {', '.join(tables)} CASCADE")

    def drop_all(self):
        admin = self._admin()
        with admin.connection_context():
            for schema in self.created:
                admin.execute_sql(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


class SqliteTemplates:
    """A migrated SQLite file per plugin set for the session, copied for each new app:
    creating every table on a new file was a quarter of the time to build a test app."""

    def __init__(self, directory):
        self.directory = directory
        self.files = {}

    def copy(self, key, target, settings, plugins, environ):
        template = self.files.get(key)
        if template is None:
            template = self.directory / f"template-{len(self.files)}.db"
            schema = open_schema(_merge(settings, {"database": {"url": f"sqlite:///{template}"}}),
                                 plugins=plugins, environ=environ)
            schema.migrate()
            release_connections(schema.database)
            self.files[key] = template
        shutil.copyfile(template, target)


@pytest.fixture(scope="session")
def _sqlite_templates(tmp_path_factory):
    return SqliteTemplates(tmp_path_factory.mktemp("sqlite-templates"))


@pytest.fixture(scope="session")
def _postgres_schemas():
    url = os.environ.get(TEST_DATABASE_ENV)
    if not url:
        yield None
        return
    schemas = PostgresSchemas(url)
    yield schemas
    schemas.drop_all()


@pytest.fixture(scope="session")
def app_overrides():
    """Settings applied to every test app; override in a conftest.py."""
    return {}


@pytest.fixture(params=database_kinds())
def database_kind(request):
    return request.param


class AppFactory:
    """What ``make_app`` is: builds the apps of one test and releases their connections after
    it. ``default()`` is the ``app`` fixture's app."""

    def __init__(self, kind, directory, app_overrides, postgres, templates, shared):
        self.kind = kind
        self.directory = directory
        self.app_overrides = app_overrides
        self.postgres = postgres
        self.templates = templates
        self.shared = shared
        config_file = directory / "dopesheet.toml"
        config_file.write_text("")
        self.environ = {"DOPESHEET_CONFIG": str(config_file)}
        self.built = []

    def __call__(self, overrides=None, plugins=()):
        """A new app on an empty database."""
        settings = _merge(self.app_overrides, overrides)
        if self.kind == "sqlite":
            path = self.directory / f"dopesheet-{len(self.built)}.db"
            url = f"sqlite:///{path}"
        else:
            url = self.postgres.url_for(self._plugin_set(settings, plugins))
        settings = _merge({"database": {"url": url},
                           "security": {"secret_key": TEST_SECRET_KEY}}, settings)
        if (self.kind == "sqlite" and settings["database"]["url"] == url
                and settings["database"].get("auto_migrate", True)):
            self.templates.copy(self._template_key(settings, plugins), path, settings,
                                plugins, self.environ)
        app = create_app(settings, plugins=plugins, environ=self.environ)
        self.built.append(app)
        return app

    def default(self):
        """The app with no overrides on an empty database. One is kept per database kind,
        ``app_overrides`` and environment for the session and its database emptied for each
        test: building an app (plugins, schemas, routes) was most of a small test's time."""
        key = (self.kind, json.dumps(self.app_overrides, sort_keys=True, default=repr),
               tuple(sorted((name, value) for name, value in os.environ.items()
                            if name.startswith("DOPESHEET_"))))
        app = self.shared.get(key)
        if app is None:
            app = self.shared[key] = self()
            return app
        bind(app.dopesheet.database)
        self._empty_database(app)
        self.built.append(app)
        return app

    def _empty_database(self, app):
        """The shared app's database as a new one: on SQLite the migrated template copied
        over it (a WAL left by a connection outside the pool would replay stale pages onto
        the copy, so it goes first); on PostgreSQL ``url_for`` empties the schema."""
        if self.kind == "sqlite":
            path = sqlite_path(app.dopesheet.settings["database"]["url"])
            for leftover in (f"{path}-wal", f"{path}-shm"):
                if os.path.exists(leftover):
                    os.remove(leftover)
            self.templates.copy(self._template_key(self.app_overrides, ()), path,
                                self.app_overrides, (), self.environ)
        else:
            self.postgres.url_for(self._plugin_set(self.app_overrides, ()))

    @staticmethod
    def _plugin_set(settings, plugins):
        names = sorted(name for name, _ in plugins)
        disabled = sorted(settings.get("plugins", {}).get("disabled", []))
        return f"{names}|{disabled}"

    def _template_key(self, settings, plugins):
        """Plugins passed as modules are told apart by the module, not only the name."""
        modules = tuple(module for _, module in sorted(plugins, key=lambda plugin: plugin[0]))
        return self._plugin_set(settings, plugins), modules

    def release(self):
        for app in self.built:
            release_connections(app.dopesheet.database)


@pytest.fixture(scope="session")
def _shared_apps():
    return {}


@pytest.fixture
def make_app(database_kind, tmp_path, app_overrides, _postgres_schemas, _sqlite_templates,
             _shared_apps):
    """``make_app(overrides=None, plugins=())`` -> a new app on an empty database."""
    factory = AppFactory(database_kind, tmp_path, app_overrides, _postgres_schemas,
                         _sqlite_templates, _shared_apps)
    yield factory
    factory.release()


@pytest.fixture
def app(make_app):
    """The default app, on an empty database."""
    return make_app.default()


@pytest.fixture
def client(app):
    return falcon.testing.TestClient(app)


@pytest.fixture
def register_plugin(make_app):
    """``register_plugin(name, module, overrides=None)`` -> an app with that plugin added."""

    def register(name, module, overrides=None):
        return make_app(overrides, plugins=[(name, module)])

    return register


class QueryLog:
    def __init__(self):
        self.statements = []

    @property
    def count(self):
        return len(self.statements)


@contextmanager
def count_queries():
    """Count the statements the bound database sends inside the block (deferred writes when
    they are sent, several rows joined into one insert once; not ``BEGIN`` and ``COMMIT``)."""
    database = db.obj
    log = QueryLog()
    original = database._log_query

    def counting(sql, params):
        log.statements.append(sql)
        return original(sql, params)

    database._log_query = counting
    try:
        yield log
    finally:
        del database._log_query


@pytest.fixture
def query_counter():
    return count_queries


class Clock:
    def advance(self, **delta):
        """``clock.advance(minutes=6)``: the server's ``utcnow()`` jumps forward."""
        clock.advance(datetime.timedelta(**delta))

    @staticmethod
    def now():
        return clock.utcnow()


@pytest.fixture
def clock_control():
    """Move the server's clock during a test; it is put back afterwards.

    Everything that reads ``framework.clock.utcnow()`` follows: lockouts, code and token
    expiries, TOTP steps, the ``iat``/``nbf``/``exp`` of the tokens issued. PyJWT, however,
    checks ``exp``/``nbf``/``iat`` against the real time: a token issued after the clock moved
    beyond the leeway is not yet valid, and moving the clock never expires a token. Tests of
    token expiry build their tokens with the claims they need instead of moving the clock.
    """
    yield Clock()
    clock.reset()
