"""Configuration layers, validation, and the signing key."""

import os
import re
import stat
import tomllib
from pathlib import Path

import pytest

from framework.app import StartupError, build_context
from framework.config import CORE_SECTIONS, load_core_settings, load_raw

REPO = Path(__file__).resolve().parents[2]


def settings_for(tmp_path, toml="", env=None, overrides=None):
    config = tmp_path / "settings.toml"
    config.write_text(toml)
    environ = {"DOPESHEET_CONFIG": str(config), **(env or {})}
    return load_core_settings(load_raw(overrides, environ))


def test_defaults_come_from_code(tmp_path):
    settings = settings_for(tmp_path)
    assert settings["database"]["url"] == "sqlite:///data/dopesheet.db"
    assert settings["api"]["page_size"] == 100
    assert settings["plugins"] == {"autoload": True, "disabled": []}


def test_each_layer_overrides_the_one_before(tmp_path):
    toml = "[database]\npool_size = 5\nconnect_timeout = 9\n[api]\npage_size = 50\n"
    env = {"DOPESHEET_DATABASE__POOL_SIZE": "7", "DOPESHEET_API__PAGE_SIZE": "60"}
    settings = settings_for(tmp_path, toml, env, overrides={"api": {"page_size": 70}})
    assert settings["database"]["connect_timeout"] == 9
    assert settings["database"]["pool_size"] == 7
    assert settings["api"]["page_size"] == 70


def test_everyday_variables(tmp_path):
    env = {"DOPESHEET_DATABASE_URL": "postgresql://db/prod",
           "DOPESHEET_SECRET_KEY": "k" * 40, "DOPESHEET_PLUGINS__DISABLED": "auth, files"}
    settings = settings_for(tmp_path, env=env)
    assert settings["database"]["url"] == "postgresql://db/prod"
    assert settings["security"]["secret_key"] == "k" * 40
    assert settings["plugins"]["disabled"] == ["auth", "files"]


def test_invalid_value_names_key_value_source_and_expectation(tmp_path):
    with pytest.raises(Exception) as raised:
        settings_for(tmp_path, env={"DOPESHEET_DATABASE__POOL_SIZE": "abc"})
    message = str(raised.value)
    assert "database.pool_size = 'abc'" in message
    assert "env DOPESHEET_DATABASE__POOL_SIZE" in message
    assert "Not a valid integer." in message


def test_unknown_key_and_unknown_section_are_refused(tmp_path):
    with pytest.raises(Exception, match=r"database.pool_sise = 3 .*check its spelling"):
        settings_for(tmp_path, "[database]\npool_sise = 3\n")
    with pytest.raises(Exception, match=r"unknown configuration section \[databse\]"):
        settings_for(tmp_path, "[databse]\nurl = 'x'\n")


def test_missing_or_broken_config_file(tmp_path):
    with pytest.raises(Exception, match="no such file"):
        load_raw(environ={"DOPESHEET_CONFIG": str(tmp_path / "absent.toml")})
    with pytest.raises(Exception, match="invalid TOML"):
        settings_for(tmp_path, "[database\n")


def test_plugin_section_from_environment(tmp_path):
    context = build_context(environ={
        "DOPESHEET_CONFIG": str(_empty(tmp_path)),
        "DOPESHEET_DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite",
        "DOPESHEET_PLUGINS__AUTH__LOCKOUT_MINUTES": "12"})
    assert context.plugin_settings("auth")["lockout_minutes"] == 12
    assert context.plugin_settings("auth")["lockout_attempts"] == 5


def _empty(tmp_path):
    path = tmp_path / "empty.toml"
    path.write_text("")
    return path


def _context(tmp_path, **env):
    return build_context(environ={"DOPESHEET_CONFIG": str(_empty(tmp_path)), **env})


def test_embedded_default_generates_a_private_key_once(tmp_path):
    url = f"sqlite:///{tmp_path}/data/dopesheet.db"
    first = _context(tmp_path, DOPESHEET_DATABASE_URL=url)
    key_file = tmp_path / "data" / "secret_key"
    assert len(bytes.fromhex(first.secret_key)) == 32
    assert stat.S_IMODE(os.stat(key_file).st_mode) == 0o600
    assert _context(tmp_path, DOPESHEET_DATABASE_URL=url).secret_key == first.secret_key


def test_short_or_missing_keys_refuse_to_start(tmp_path):
    with pytest.raises(StartupError, match="security.secret_key is 9 bytes long"):
        _context(tmp_path, DOPESHEET_DATABASE_URL=f"sqlite:///{tmp_path}/x.db",
                 DOPESHEET_SECRET_KEY="too-short")
    with pytest.raises(StartupError, match="security.secret_key is not set"):
        _context(tmp_path, DOPESHEET_DATABASE_URL="postgresql://localhost/prod")
    with pytest.raises(StartupError, match="security.retired_keys is 3 bytes long"):
        _context(tmp_path, DOPESHEET_DATABASE_URL="postgresql://localhost/prod",
                 DOPESHEET_SECRET_KEY="k" * 32, DOPESHEET_SECURITY__RETIRED_KEYS="old")


def test_shipped_config_lists_every_setting_commented(tmp_path):
    text = (REPO / "config" / "dopesheet.toml").read_text()
    assert tomllib.loads(text) == {"server": {}, "database": {}, "security": {}, "mail": {},
                                   "api": {}, "plugins": {"persons": {}, "auth": {}, "files": {},
                                               "file_tree": {}}}
    context = _context(tmp_path, DOPESHEET_DATABASE_URL=f"sqlite:///{tmp_path}/x.db")
    sections = {name: schema().fields for name, schema in CORE_SECTIONS.items()}
    for plugin, declared in context.hooks.register_settings():
        for section, schema in declared.items():
            sections[f"plugins.{section}"] = schema().fields
    for section, fields in sections.items():
        block = re.search(rf"^\[{re.escape(section)}\]\n(.*?)(?=^\[|\Z)", text, re.S | re.M)
        assert block, f"section [{section}] missing from config/dopesheet.toml"
        for key in fields:
            assert re.search(rf"^# {key} = ", block.group(1), re.M), (
                f"{section}.{key} missing from config/dopesheet.toml")
