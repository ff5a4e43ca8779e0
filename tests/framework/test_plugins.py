"""The plugin host: loading, disabling, requirements, hook checks, clashes, entry points."""

import sys

import falcon.testing
import pytest

from framework.app import StartupError
from tests.framework.plugin_factory import plugin_module

ROUTE_PLUGIN = """
class Hello:
    @operation("hello", auth=False)
    def on_get(self, req, resp, **fields):
        resp.media = {"hello": "%(name)s"}

@hookimpl
def register_routes():
    return [Route("%(path)s", Hello())]
"""


def route_plugin(name, path="/hello"):
    return plugin_module(name, ROUTE_PLUGIN % {"name": name, "path": path})


def startup_error(make_app, overrides=None, plugins=()):
    with pytest.raises(StartupError) as raised:
        make_app(overrides, plugins)
    message = str(raised.value)
    assert "\n" not in message
    return message


def test_disabling_a_plugin_removes_its_routes_and_tables(make_app):
    app = make_app({"plugins": {"disabled": ["auth"]}})
    client = falcon.testing.TestClient(app)
    assert client.simulate_post("/auth/login", json={}).status_code == 404
    assert not any(table.startswith("auth_") for table in app.dopesheet.models)
    assert "person" in app.dopesheet.models
    assert client.simulate_get("/data/persons").status_code == 401
    assert client.simulate_get("/").status_code == 200
    states = {info.name: info.enabled for info in app.dopesheet.plugins}
    assert states["auth"] is False and states["persons"] is True


def test_unknown_disabled_name_stops_startup(make_app):
    message = startup_error(make_app, {"plugins": {"disabled": ["fil_tree"]}})
    assert "'fil_tree'" in message and "known:" in message


def test_essential_plugin_cannot_be_disabled(make_app):
    message = startup_error(make_app, {"plugins": {"disabled": ["persons"]}})
    assert "'persons'" in message and "essential" in message


def test_missing_requirement_names_both_plugins(make_app):
    needy = plugin_module("needy", "REQUIRES = ('auth',)")
    message = startup_error(make_app, {"plugins": {"disabled": ["auth"]}}, [("needy", needy)])
    assert "'needy' requires plugin 'auth', which is disabled" in message
    absent = plugin_module("needs_absent", "REQUIRES = ('render_farm',)")
    message = startup_error(make_app, plugins=[("needs_absent", absent)])
    assert "'render_farm', which is not installed" in message


def test_misspelt_hook_stops_startup(make_app):
    typo = plugin_module("typo", """
        @hookimpl
        def register_rotues():
            return []
    """)
    message = startup_error(make_app, plugins=[("typo", typo)])
    assert "'typo'" in message and "register_rotues" in message and "register_routes" in message


def test_hook_with_unknown_argument_stops_startup(make_app):
    wrong = plugin_module("wrong_args", """
        @hookimpl
        def register_routes(dopesheet, app):
            return []
    """)
    message = startup_error(make_app, plugins=[("wrong_args", wrong)])
    assert "'wrong_args'" in message and "app" in message


def test_duplicate_route_names_both_plugins(make_app):
    message = startup_error(make_app, plugins=[("one", route_plugin("one")),
                                               ("two", route_plugin("two"))])
    assert "/hello" in message and "one" in message and "two" in message


def test_one_path_level_may_carry_different_field_names(make_app):
    """Zou's paths name one level differently (/data/projects/{instance_id} and
    /data/projects/{project_id}/assets); each responder gets its own names."""
    first = plugin_module("first_ids", """
        class Thing:
            @operation("a thing", auth=False)
            def on_get(self, req, resp, thing_id):
                resp.media = {"thing": thing_id}

        @hookimpl
        def register_routes():
            return [Route("/data/things/{thing_id}", Thing())]
    """)
    second = plugin_module("second_ids", """
        class Parts:
            @operation("its parts", auth=False)
            def on_get(self, req, resp, other_id, part_id):
                resp.media = {"other": other_id, "part": part_id}

        @hookimpl
        def register_routes():
            return [Route("/data/things/{other_id}/parts/{part_id}", Parts())]
    """)
    app = make_app(plugins=[("first_ids", first), ("second_ids", second)])
    client = falcon.testing.TestClient(app)
    assert client.simulate_get("/data/things/a").json == {"thing": "a"}
    assert client.simulate_get("/api/data/things/b/parts/c").json == {"other": "b", "part": "c"}
    paths = app.dopesheet.openapi()["paths"]
    assert "/data/things/{other_id}/parts/{part_id}" in paths


def test_same_template_twice_with_other_field_names_is_refused(make_app):
    first = route_plugin("first_hello", "/hello/{name}")
    second = route_plugin("second_hello", "/hello/{who}")
    message = startup_error(make_app, plugins=[("first_hello", first),
                                               ("second_hello", second)])
    assert "registered twice" in message and "first_hello" in message


def test_duplicate_table_is_refused(make_app):
    source = """
        class Note(BaseModel):
            title = peewee.CharField()

        @hookimpl
        def register_models():
            return [Note]
    """
    message = startup_error(make_app, plugins=[("notes_a", plugin_module("notes_a", source)),
                                               ("notes_b", plugin_module("notes_b", source))])
    assert "table note" in message and "notes_a" in message and "notes_b" in message


def test_duplicate_settings_section_is_refused(make_app):
    source = """
        from framework import SettingsSchema

        @hookimpl
        def register_settings():
            return {"persons": SettingsSchema}
    """
    message = startup_error(make_app, plugins=[("copycat", plugin_module("copycat", source))])
    assert "[plugins.persons]" in message and "copycat" in message


def test_duplicate_event_name_is_refused(make_app):
    source = """
        @hookimpl
        def register_events():
            return ["person:new"]
    """
    message = startup_error(make_app, plugins=[("evented", plugin_module("evented", source))])
    assert "person:new" in message and "evented" in message and "persons" in message


def test_plugin_settings_are_validated_with_defaults(make_app):
    source = """
        from marshmallow import fields
        from framework import SettingsSchema

        class FarmSettings(SettingsSchema):
            slots = fields.Integer(load_default=4)

        @hookimpl
        def register_settings():
            return {"farm": FarmSettings}
    """
    farm = plugin_module("farm", source)
    app = make_app(plugins=[("farm", farm)])
    assert app.dopesheet.plugin_settings("farm") == {"slots": 4}
    app = make_app({"plugins": {"farm": {"slots": "12"}}}, plugins=[("farm", farm)])
    assert app.dopesheet.plugin_settings("farm") == {"slots": 12}
    message = startup_error(make_app, {"plugins": {"farm": {"slots": "lots"}}},
                            [("farm", farm)])
    assert "plugins.farm.slots = 'lots'" in message and "integer" in message


def test_register_routes_wrapper_can_drop_and_replace_routes(make_app):
    wrapper = plugin_module("no_refresh", """
        class Refused:
            @operation("replaced", auth=False)
            def on_get(self, req, resp):
                resp.status = "410 Gone"
                resp.media = {"error": True, "message": "Disabled by the studio."}

        @hookimpl(wrapper=True)
        def register_routes():
            per_plugin = yield
            dropped = ("/auth/refresh-token", "/status")
            kept = [[r for r in routes if r.template not in dropped] for routes in per_plugin]
            return kept + [[Route("/auth/refresh-token", Refused())]]
    """)
    app = make_app(plugins=[("no_refresh", wrapper)])
    client = falcon.testing.TestClient(app)
    assert client.simulate_get("/status").status_code == 404
    assert client.simulate_get("/auth/refresh-token").status_code == 410
    assert client.simulate_get("/").status_code == 200


def test_each_app_has_its_own_plugin_manager(make_app):
    with_hello = make_app(plugins=[("hello", route_plugin("hello"))])
    without = make_app()
    assert falcon.testing.TestClient(with_hello).simulate_get("/hello").status_code == 200
    assert falcon.testing.TestClient(without).simulate_get("/hello").status_code == 404
    assert with_hello.dopesheet.hooks.manager is not without.dopesheet.hooks.manager


def test_trace_hooks_prints_hook_calls(make_app, monkeypatch, capfd):
    monkeypatch.setenv("DOPESHEET_TRACE_HOOKS", "1")
    make_app()
    assert "register_routes" in capfd.readouterr().err


@pytest.fixture
def installed_distribution(tmp_path, monkeypatch):
    """A real distribution on sys.path with a ``dopesheet.plugins`` entry point."""
    (tmp_path / "studio_greeter.py").write_text(
        "from framework import Route, hookimpl, operation\n"
        "__version__ = '2.1'\n"
        "class Greeter:\n"
        "    @operation('greet', auth=False)\n"
        "    def on_get(self, req, resp):\n"
        "        resp.media = {'greeting': 'hi'}\n"
        "@hookimpl\n"
        "def register_routes():\n"
        "    return [Route('/greet', Greeter())]\n")
    dist = tmp_path / "studio_greeter-2.1.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: studio-greeter\nVersion: 2.1\n")
    (dist / "entry_points.txt").write_text("[dopesheet.plugins]\ngreeter = studio_greeter\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    yield
    sys.modules.pop("studio_greeter", None)


def test_entry_point_plugin_is_loaded(make_app, installed_distribution):
    app = make_app()
    assert falcon.testing.TestClient(app).simulate_get("/greet").json == {"greeting": "hi"}
    info = {info.name: info for info in app.dopesheet.plugins}["greeter"]
    assert info.version == "2.1" and "studio-greeter" in info.source


def test_entry_point_plugin_can_be_disabled_or_not_autoloaded(make_app,
                                                              installed_distribution):
    for overrides in ({"plugins": {"disabled": ["greeter"]}},
                      {"plugins": {"autoload": False}}):
        app = make_app(overrides)
        assert falcon.testing.TestClient(app).simulate_get("/greet").status_code == 404
