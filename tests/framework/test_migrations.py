"""Schema versions per plugin: idempotent, late plugins get their tables, migrations run once."""

import falcon.testing
import pytest

from framework.app import StartupError, create_app, open_schema
from framework.migrations import SchemaVersion
from tests.framework.plugin_factory import plugin_module

V1 = """
class Render(BaseModel):
    name = peewee.CharField(max_length=40)

@hookimpl
def register_models():
    return [Render]
"""

V2 = V1.replace('name = peewee.CharField(max_length=40)',
                'name = peewee.CharField(max_length=40)\n    frames = peewee.IntegerField(default=1)'
                ) + """
from framework import Migration

def add_frames(migrator, database):
    from playhouse.migrate import migrate
    migrate(migrator.add_column("render", "frames", peewee.IntegerField(default=1)))

@hookimpl
def register_migrations():
    return [Migration(1, "add render.frames", add_frames)]
"""


def _arguments(tmp_path, plugins=(), **database):
    config = tmp_path / "empty.toml"
    config.write_text("")
    settings = {"database": {"url": f"sqlite:///{tmp_path}/shared.db", **database},
                "plugins": {"auth": {"argon2_time_cost": 1, "argon2_memory_cost": 8,
                                     "argon2_parallelism": 1}}}
    return {"overrides": settings, "plugins": plugins,
            "environ": {"DOPESHEET_CONFIG": str(config)}}


def _app(tmp_path, plugins=(), **database):
    return create_app(**_arguments(tmp_path, plugins, **database))


def test_migrate_is_idempotent(tmp_path):
    schema = open_schema(**_arguments(tmp_path))
    first = schema.migrate()
    assert any("person" in step for step in first)
    assert schema.migrate() == []


def test_app_refuses_an_outdated_schema_without_auto_migrate(tmp_path):
    with pytest.raises(StartupError, match=r"not up to date \(missing tables: .*init-db"):
        _app(tmp_path, auto_migrate=False)
    _app(tmp_path)
    _app(tmp_path, plugins=[("renders", plugin_module("renders_v1", V1))])
    with pytest.raises(StartupError, match=r"renders at version 0 of 1.*init-db"):
        _app(tmp_path, plugins=[("renders", plugin_module("renders_v2", V2))],
             auto_migrate=False)


def test_plugin_enabled_later_gets_its_tables(tmp_path):
    _app(tmp_path)
    app = _app(tmp_path, plugins=[("renders", plugin_module("renders_v1", V1))])
    assert "render" in app.dopesheet.database.get_tables()
    with app.dopesheet.activated():
        assert SchemaVersion.get(SchemaVersion.plugin == "renders").version == 0


def test_pending_migration_runs_once(tmp_path):
    app = _app(tmp_path, plugins=[("renders", plugin_module("renders_v1", V1))])
    with app.dopesheet.activated():
        app.dopesheet.models["render"].create(name="shot 10")
    schema = open_schema(**_arguments(tmp_path, [("renders", plugin_module("renders_v2", V2))]))
    assert schema.migrate() == ["renders: migration 1 (add render.frames)"]
    assert schema.migrate() == []
    app = _app(tmp_path, plugins=[("renders", plugin_module("renders_v2", V2))])
    with app.dopesheet.activated():
        row = app.dopesheet.models["render"].get()
        assert (row.name, row.frames) == ("shot 10", 1)
        assert SchemaVersion.get(SchemaVersion.plugin == "renders").version == 1


def test_fresh_database_skips_migrations_of_new_plugins(tmp_path):
    app = _app(tmp_path, plugins=[("renders", plugin_module("renders_v2", V2))])
    with app.dopesheet.activated():
        assert SchemaVersion.get(SchemaVersion.plugin == "renders").version == 1
    assert falcon.testing.TestClient(app).simulate_get("/").status_code == 200
