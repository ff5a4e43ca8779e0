"""Storage: one database proxy, the base model, and the connection-per-request middleware.

SQLite (a file, WAL mode) is the embedded default; a ``postgresql://`` URL gives a pooled
psycopg 3 connection. Every request gets a connection that is closed (returned to the pool)
whatever happens; requests that may write (anything but GET/HEAD/OPTIONS) run in one
transaction, committed when the responder finished without raising and rolled back
otherwise (``after_rollback`` callbacks then undo what a plugin did outside the database).
Reads run in autocommit mode, which saves PostgreSQL two round trips each.
"""

import logging
import re
import uuid
from contextvars import ContextVar
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

import falcon
import orjson
import peewee
from marshmallow import fields, validate
from playhouse.pool import PooledDatabase, PooledPostgresqlDatabase, PooledSqliteDatabase
from psycopg import RawCursor
from psycopg import adapters as psycopg_adapters
from psycopg.adapt import AdaptersMap
from psycopg.types.json import set_json_loads
from psycopg.types.string import TextLoader

from .clock import utcnow
from .config import SectionSchema, core_section
from .errors import (CONFLICT_HEADERS, CONFLICT_MESSAGE, DATABASE_DOWN_MESSAGE,
                     ServiceUnavailable, is_conflict)

log = logging.getLogger("dopesheet.db")

db = peewee.DatabaseProxy()

SAFE_METHODS = frozenset(("GET", "HEAD", "OPTIONS"))
CANONICAL_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_rollback_callbacks = ContextVar("rollback_callbacks", default=None)
_commit_callbacks = ContextVar("commit_callbacks", default=None)


@core_section("database")
class DatabaseSettings(SectionSchema):
    url = fields.String(load_default="sqlite:///data/dopesheet.db",
                        validate=validate.Regexp(r"^(sqlite|postgres(ql)?)://",
                                                 error="expected sqlite:///path or postgresql://..."))
    pool_size = fields.Integer(load_default=20, validate=validate.Range(min=1))
    pool_timeout = fields.Float(load_default=10.0, validate=validate.Range(min=0))
    connect_timeout = fields.Integer(load_default=5, validate=validate.Range(min=1))
    sqlite_busy_timeout_ms = fields.Integer(load_default=10000, validate=validate.Range(min=0))
    auto_migrate = fields.Boolean(load_default=True)
    generic_plans = fields.Boolean(load_default=True)


class UUIDField(peewee.UUIDField):
    """UUIDs as canonical strings in Python (``"6f1c..-..."``): text on SQLite, native
    ``uuid`` on PostgreSQL. Ids are compared, filtered and serialised without conversions."""

    def db_value(self, value):
        if value is None or isinstance(value, peewee.Node):
            return value
        if isinstance(value, str) and CANONICAL_UUID.fullmatch(value):
            return value  # already what parsing it would give back
        return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))

    def python_value(self, value):
        return None if value is None else str(value)


def new_id():
    return str(uuid.uuid4())


class BaseModel(peewee.Model):
    """UUID primary key plus ``created_at``/``updated_at``, on the shared proxy.

    Table names are the snake_case class name (``TaskStatus`` -> ``task_status``), as in Zou.
    ``save()`` refreshes ``updated_at``; bulk ``update()`` queries must set it themselves.
    """

    id = UUIDField(primary_key=True, default=new_id)
    created_at = peewee.DateTimeField(default=utcnow, index=True)
    updated_at = peewee.DateTimeField(default=utcnow, index=True)

    class Meta:
        database = db
        legacy_table_names = False

    def save(self, *args, **kwargs):
        if self._pk is not None and not kwargs.get("force_insert"):
            self.updated_at = utcnow()
        return super().save(*args, **kwargs)


def _jsonb_key(key):
    encoded = key.encode()
    return len(encoded), encoded


def jsonb_order(value):
    """``value`` with its objects' keys in PostgreSQL's ``jsonb`` order (shorter keys first,
    then bytewise): what Zou's JSONB columns answer, on SQLite too."""
    if isinstance(value, dict):
        return {key: jsonb_order(value[key]) for key in sorted(value, key=_jsonb_key)}
    if isinstance(value, list) and value:
        return [jsonb_order(item) for item in value]
    return value


class JSONField(peewee.JSONField):
    """A JSON column (JSONB on PostgreSQL) whose objects come back in ``jsonb``'s key order
    on every database, as Zou's do."""

    def db_value(self, value):
        return super().db_value(jsonb_order(value))


def fk(model, column, null=False, **options):
    """A foreign key stored under Zou's column name (``project_id``), indexed, without a
    back-reference on the target model."""
    return peewee.ForeignKeyField(model, column_name=column, null=null, index=True,
                                  backref="+", **options)


class LinkModel(peewee.Model):
    """Zou's bare association tables: no id, no dates, a composite primary key."""

    class Meta:
        database = db


def sqlite_path(url):
    """``sqlite:///relative.db`` or ``sqlite:////absolute.db`` -> Path."""
    return Path(unquote(url[len("sqlite:///"):]))


def is_sqlite(url):
    return url.startswith("sqlite://")


def _adapters():
    """psycopg adapters that load ``uuid`` columns as their text (ids are strings in the
    app, as on SQLite: building ``uuid.UUID`` objects only to format them again cost more
    than the rest of a long list's fetch) and JSON with orjson, the parser requests go
    through (several times faster than ``json.loads`` on a list's ``data`` columns)."""
    context = AdaptersMap(psycopg_adapters)
    context.register_loader("uuid", TextLoader)
    set_json_loads(orjson.loads, context)
    return context


GENERIC_PLANS = "-c plan_cache_mode=force_generic_plan"
"""psycopg prepares the statements a connection repeats; PostgreSQL would still plan a
prepared statement anew on each run whenever its generic plan looks costlier than the
average custom one (a task's comments: 0.5 ms of planning for 0.1 ms of execution once
comments are unevenly spread). The repeated statements are lookups by key, whose plan does
not depend on the value: each is planned once per connection."""


def _libpq_options(url, generic_plans):
    """The URL's own ``options`` (e.g. a ``search_path``), plus ``GENERIC_PLANS`` when on."""
    given = parse_qs(urlparse(url).query).get("options", [""])[-1]
    return " ".join(part for part in (given, GENERIC_PLANS if generic_plans else "") if part)


class Statement:
    """A write queued by ``PostgresPool.defer``: its SQL (with ``$1, $2`` placeholders) and
    parameters, asked for when it is sent (a queued write may still change, e.g. take more
    rows, until then)."""

    def __init__(self, sql, params=None):
        self.sql, self.params = sql, params

    def statement(self):
        return self.sql, self.params


_BEGIN = Statement("BEGIN")
_COMMIT = Statement("COMMIT")


class PostgresPool(PooledPostgresqlDatabase):
    """psycopg 3 connections kept between requests, without peewee's ``SELECT 1`` on every
    check-out (a round trip per request). A connection a server restart broke fails its
    request with a 503 and is dropped when it comes back, so the app recovers by itself.

    A transaction's ``BEGIN`` and the writes given to ``defer`` wait for the next statement
    and go to PostgreSQL with it in one round trip (psycopg's pipeline mode); the last ones
    go with the ``COMMIT``. A transaction that ran no statement sends nothing at all.

    SQL built once and run many times (``framework.writes``) is written with PostgreSQL's
    own ``$1, $2`` placeholders and run by ``execute_numbered`` or ``defer``: psycopg
    rewrites a ``%s`` statement's placeholders on every run once it has more than 50
    parameters (a batch's multi-row insert), and that parsing cost more than building it.
    """

    numbered_params = True

    def _is_closed(self, conn):
        return conn.closed or self._adapter.txn_status(conn) == self._adapter.txn_unknown

    def _take_pending(self):
        pending = getattr(self._state, "pending", None)
        self._state.pending = None
        return pending

    def execute_numbered(self, sql, params):
        """Run ``sql``, written with ``$1, $2`` placeholders, after the pending writes."""
        self._log_query(sql, params)
        return self._send(self._take_pending() or (), Statement(sql, params))

    def defer(self, write):
        """Run ``write`` (a ``Statement``, or anything with its ``statement()``), whose result
        nobody reads, with the transaction's next statement (at once outside a transaction).
        An error it raises surfaces with that statement."""
        pending = getattr(self._state, "pending", None)
        if pending is None and not self.in_transaction():
            self.execute_numbered(*write.statement())
        elif pending is None:
            self._state.pending = [write]
        else:
            pending.append(write)

    def deferred_writes(self):
        """The writes waiting for the transaction's next statement, oldest first (empty
        outside a transaction)."""
        return getattr(self._state, "pending", None) or ()

    def _send(self, pending, last=None):
        """The pending writes, then ``last`` (a ``Statement`` or peewee's ``(sql, params)``),
        in one round trip; ``last``'s cursor."""
        connection = self.connection()
        with peewee.__exception_wrapper__:
            if not pending:
                return self._run(connection, last)
            try:
                with connection.pipeline():
                    for write in pending:
                        sql, params = write.statement()
                        if write is not _BEGIN:
                            self._log_query(sql, params)
                        RawCursor(connection).execute(sql, params)
                    return self._run(connection, last)
            except Exception:
                self._state.pipeline_failed = True
                raise

    @staticmethod
    def _run(connection, statement):
        if statement is None:
            return None
        if isinstance(statement, Statement):
            cursor = RawCursor(connection)
            cursor.execute(*statement.statement())
        else:
            cursor = connection.cursor()
            cursor.execute(statement[0], statement[1] or ())
        return cursor

    def _execute_cursor(self, sql, params, **cursor_options):
        pending = self._take_pending()
        if not pending:
            return super()._execute_cursor(sql, params, **cursor_options)
        if cursor_options:
            self._send(pending)
            return super()._execute_cursor(sql, params, **cursor_options)
        self._log_query(sql, params)
        return self._send(pending, (sql, params))

    def begin(self, isolation_level=None):
        if isolation_level or self._isolation_level:
            return super().begin(isolation_level)
        self._state.pending = [_BEGIN]

    def commit(self):
        pending = self._take_pending()
        if pending is None:
            return super().commit()
        if pending != [_BEGIN]:
            self._send(pending, _COMMIT)

    def rollback(self):
        """After a failed pipeline, through psycopg's own ``rollback()``, which also forgets
        the statements psycopg prepared: it may count as prepared a statement whose
        ``PREPARE`` the failure made PostgreSQL skip, and every later use of that statement
        on the connection would fail. Other rollbacks keep them."""
        pending = self._take_pending()
        if pending is not None and pending[0] == _BEGIN:
            return None
        if not getattr(self._state, "pipeline_failed", False) or self.is_closed():
            return super().rollback()
        self._state.pipeline_failed = False
        with peewee.__exception_wrapper__:
            return self._state.conn.rollback()

    def close(self):
        """Back to the pool, unless a pipeline failed on the connection and no rollback
        followed (a savepoint's caught the error): the connection is dropped instead."""
        self._state.pending = None
        if getattr(self._state, "pipeline_failed", False):
            self._state.pipeline_failed = False
            return self.manual_close()
        return super().close()


def open_database(settings):
    """Build the peewee database for ``[database]`` settings (not yet connected). Both
    kinds are pools: a request's connection is returned, not closed, so neither the
    PostgreSQL handshake nor SQLite's pragmas are paid per request."""
    url = settings["url"]
    if is_sqlite(url):
        path = sqlite_path(url)
        path.parent.mkdir(parents=True, exist_ok=True)
        return PooledSqliteDatabase(str(path), pragmas={
            "journal_mode": "wal",
            "foreign_keys": 1,
            "busy_timeout": settings["sqlite_busy_timeout_ms"],
            "synchronous": "normal",
        }, max_connections=settings["pool_size"], timeout=settings["pool_timeout"],
            stale_timeout=300, check_same_thread=False)
    parsed = urlparse(url)
    if parsed.scheme == "postgres":
        url = "postgresql" + url[len("postgres"):]
    options = _libpq_options(url, settings["generic_plans"])
    return PostgresPool(
        url, max_connections=settings["pool_size"], timeout=settings["pool_timeout"],
        stale_timeout=300, connect_timeout=settings["connect_timeout"], prefer_psycopg3=True,
        context=_adapters(), **({"options": options} if options else {}))


def release_connections(database):
    """Close every pooled connection, so gunicorn workers forked later never share one."""
    if not database.is_closed():
        database.close()
    if isinstance(database, PooledDatabase):
        database.close_all()


def bind(database):
    db.initialize(database)


def write_transaction():
    """A transaction for a request that writes; SQLite takes the write lock up front so
    concurrent writers queue on the busy timeout instead of failing on lock upgrade."""
    if isinstance(db.obj, peewee.SqliteDatabase):
        return db.atomic(lock_type="IMMEDIATE")
    return db.atomic()


def after_rollback(fn):
    """Call ``fn`` if the request's transaction does not commit (the request failed, the
    commit failed or the connection broke): a plugin undoes there what it did outside the
    database for the request. Outside a request's transaction ``fn`` is never called."""
    callbacks = _rollback_callbacks.get()
    if callbacks is not None:
        callbacks.append(fn)


def before_commit(fn):
    """Call ``fn`` in the request's transaction just before it commits, to write what must
    commit or roll back with the request's data; an exception rolls the request back (503).
    Returns False, and never calls ``fn``, outside a request's transaction."""
    callbacks = _commit_callbacks.get()
    if callbacks is None:
        return False
    callbacks.append(fn)
    return True


class DatabaseMiddleware:
    """A connection per request, closed in every case; one transaction per writing request."""

    def process_request(self, req, resp):
        req.context.transaction = None
        try:
            db.connect(reuse_if_open=True)
            if req.method not in SAFE_METHODS:
                req.context.transaction = write_transaction()
                req.context.transaction.__enter__()
                req.context.rollback_callbacks = _rollback_callbacks.set([])
                req.context.commit_callbacks = _commit_callbacks.set([])
        except peewee.OperationalError as error:
            log.error("cannot open a database connection: %s", error)
            self._close()
            raise ServiceUnavailable(DATABASE_DOWN_MESSAGE, headers={"Retry-After": "5"})

    def process_response(self, req, resp, resource, req_succeeded):
        transaction = getattr(req.context, "transaction", None)
        committed = False
        try:
            if transaction is not None:
                req.context.transaction = None
                if not db.in_transaction():
                    # The connection broke during the request and was discarded with its
                    # transaction: nothing was committed, nothing is left to roll back.
                    if req_succeeded:
                        self._unavailable(resp)
                elif req_succeeded:
                    committed = self._commit(req, resp, transaction)
                else:
                    transaction.__exit__(RuntimeError, RuntimeError("request failed"), None)
        finally:
            self._close()
            self._settle(req, committed)

    @classmethod
    def _commit(cls, req, resp, transaction):
        """True when the transaction committed."""
        try:
            for callback in _commit_callbacks.get() or ():
                callback()
        except Exception:
            log.exception("writing before the commit failed")
            transaction.__exit__(RuntimeError, RuntimeError("before commit"), None)
            cls._unavailable(resp)
            return False
        try:
            transaction.__exit__(None, None, None)
        except peewee.PeeweeException as error:
            if is_conflict(error):
                log.warning("%s %s undone by the database at its commit: %s", req.method,
                            req.relative_uri, str(error).splitlines()[0])
                cls._unavailable(resp, CONFLICT_MESSAGE, CONFLICT_HEADERS)
            else:
                log.error("commit failed: %s", error)
                cls._unavailable(resp)
            return False
        except Exception:  # from an after_commit callback: the data is committed
            log.exception("an after-commit callback failed")
        return True

    @staticmethod
    def _settle(req, committed):
        commit_token = getattr(req.context, "commit_callbacks", None)
        if commit_token is not None:
            _commit_callbacks.reset(commit_token)
        token = getattr(req.context, "rollback_callbacks", None)
        if token is None:
            return
        callbacks = _rollback_callbacks.get()
        _rollback_callbacks.reset(token)
        for callback in [] if committed else reversed(callbacks):
            try:
                callback()
            except Exception:
                log.exception("undoing after a rollback failed")

    @staticmethod
    def _unavailable(resp, message=DATABASE_DOWN_MESSAGE, headers=None):
        resp.status = falcon.HTTP_503
        resp.text = None
        resp.media = {"error": True, "message": message}
        resp.set_headers(headers or {})

    @staticmethod
    def _close():
        if not db.is_closed():
            try:
                db.close()
            except peewee.PeeweeException as error:
                log.warning("closing the database connection failed: %s", error)
