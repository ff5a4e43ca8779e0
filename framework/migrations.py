"""Schema creation and upgrades, versioned per plugin.

Each plugin's schema version is the number of migrations it registers (``register_migrations``
hook; 0 when it has none). The table ``dopesheet_schema`` remembers the version applied per
plugin. ``migrate`` is idempotent:

1. plugins already known whose stored version is behind run their pending migrations in order;
2. every enabled plugin's tables are created if missing (a plugin enabled later gets its tables);
3. plugins seen for the first time are recorded at their latest version (fresh tables already
   have the latest shape, so their migrations are skipped).

Concurrent starts (several gunicorn hosts on one PostgreSQL) serialise on an advisory lock.
"""

import logging
from dataclasses import dataclass
from typing import Callable

import peewee
from playhouse.migrate import SchemaMigrator

from .db import db, utcnow, write_transaction

log = logging.getLogger("dopesheet.migrations")

ADVISORY_LOCK_KEY = 0x0D0E5EE7


@dataclass(frozen=True)
class Migration:
    """One schema step: ``apply(migrator, database)`` with a playhouse ``SchemaMigrator``."""

    version: int
    description: str
    apply: Callable


class SchemaVersion(peewee.Model):
    plugin = peewee.CharField(primary_key=True, max_length=100)
    version = peewee.IntegerField()
    updated_at = peewee.DateTimeField(default=utcnow)

    class Meta:
        database = db
        table_name = "dopesheet_schema"


def check_migrations(plugin, migrations):
    versions = [migration.version for migration in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"plugin {plugin}: migrations must be numbered 1..N in order, "
                         f"got {versions}")


def migrate(models_by_plugin, migrations_by_plugin):
    """Bring the schema up to date; returns a list of human-readable steps done."""
    done = []
    with db.connection_context():
        with write_transaction():
            _lock()
            db.create_tables([SchemaVersion], safe=True)
            stored = {row.plugin: row.version for row in SchemaVersion.select()}
            migrator = SchemaMigrator.from_database(db.obj)
            for plugin, migrations in migrations_by_plugin.items():
                current = stored.get(plugin)
                if current is None:
                    continue
                for migration in migrations:
                    if migration.version > current:
                        migration.apply(migrator, db.obj)
                        _record(plugin, migration.version)
                        done.append(f"{plugin}: migration {migration.version} "
                                    f"({migration.description})")
            existing = set(db.get_tables())
            all_models = [model for models in models_by_plugin.values() for model in models]
            missing = [model for model in all_models if model._meta.table_name not in existing]
            if missing:
                db.create_tables(missing, safe=True)
                done.append("created tables: " + ", ".join(
                    sorted(model._meta.table_name for model in missing)))
            for plugin in models_by_plugin.keys() | migrations_by_plugin.keys():
                if plugin not in stored:
                    _record(plugin, len(migrations_by_plugin.get(plugin, ())))
    for step in done:
        log.info("schema: %s", step)
    return done


def pending(models_by_plugin, migrations_by_plugin):
    """What ``migrate`` would do, in words (empty when the schema is up to date)."""
    with db.connection_context():
        existing = set(db.get_tables())
        stored = ({row.plugin: row.version for row in SchemaVersion.select()}
                  if SchemaVersion._meta.table_name in existing else {})
    missing = [model._meta.table_name for models in models_by_plugin.values()
               for model in models if model._meta.table_name not in existing]
    behind = [f"{plugin} at version {stored[plugin]} of {len(steps)}"
              for plugin, steps in migrations_by_plugin.items()
              if plugin in stored and stored[plugin] < len(steps)]
    return ([f"missing tables: {', '.join(sorted(missing))}"] if missing else []) + behind


def _record(plugin, version):
    (SchemaVersion.insert(plugin=plugin, version=version, updated_at=utcnow())
     .on_conflict(conflict_target=[SchemaVersion.plugin],
                  update={SchemaVersion.version: version, SchemaVersion.updated_at: utcnow()})
     .execute())


def _lock():
    if isinstance(db.obj, peewee.PostgresqlDatabase):
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (ADVISORY_LOCK_KEY,))
