"""Settings: defaults in code, then the TOML file, then the environment, then overrides.

Each core module declares its own section next to the code that uses it with
``@core_section("name")`` on a marshmallow schema whose fields carry ``load_default``.
Plugins declare ``[plugins.<section>]`` through the ``register_settings`` hook.

Layers, each overriding the one before:
1. the schemas' defaults;
2. the TOML file named by ``DOPESHEET_CONFIG``, else ``config/dopesheet.toml`` if it exists;
3. ``DOPESHEET_<SECTION>__<KEY>`` environment variables (``DOPESHEET_PLUGINS__AUTH__FIDO=false``),
   plus the two everyday aliases ``DOPESHEET_DATABASE_URL`` and ``DOPESHEET_SECRET_KEY``;
4. the ``overrides`` dict given to ``create_app`` (tests).

Nothing is read at import time: ``load_raw`` runs inside the app factory.
"""

import os
import tomllib
from pathlib import Path

from marshmallow import RAISE, Schema, ValidationError, fields

DEFAULT_CONFIG_PATH = Path("config/dopesheet.toml")
ENV_PREFIX = "DOPESHEET_"
ENV_ALIASES = {
    "DOPESHEET_DATABASE_URL": ("database", "url"),
    "DOPESHEET_SECRET_KEY": ("security", "secret_key"),
}

CORE_SECTIONS = {}


class ConfigError(Exception):
    """A setting that stops start-up; the message is one line naming key, value and fix."""


def core_section(name):
    """Class decorator: declare a core settings section validated by this schema."""

    def register(schema_cls):
        CORE_SECTIONS[name] = schema_cls
        return schema_cls

    return register


class StringList(fields.List):
    """A list of strings that also accepts ``"a,b"`` (handy in environment variables)."""

    def __init__(self, **kwargs):
        super().__init__(fields.String(), **kwargs)

    def _deserialize(self, value, attr, data, **kwargs):
        if isinstance(value, str):
            value = [item.strip() for item in value.split(",") if item.strip()]
        return super()._deserialize(value, attr, data, **kwargs)


class SectionSchema(Schema):
    """Base for settings sections: unknown keys are errors, so typos never pass silently."""

    class Meta:
        unknown = RAISE


class RawSettings:
    """The merged, not yet validated layers, with where each value came from."""

    def __init__(self):
        self.values = {}
        self.sources = {}

    def set(self, path, value, source):
        node = self.values
        for key in path[:-1]:
            node = node.setdefault(key, {})
            if not isinstance(node, dict):
                raise ConfigError(f"setting {'.'.join(path)}: {key} is not a section ({source})")
        node[path[-1]] = value
        self.sources[tuple(path)] = source

    def merge(self, tree, source, prefix=()):
        for key, value in tree.items():
            path = (*prefix, key)
            if isinstance(value, dict):
                self.merge(value, source, path)
            else:
                self.set(path, value, source)

    def section(self, *path):
        node = self.values
        for key in path:
            node = node.get(key, {})
            if not isinstance(node, dict):
                return {}
        return node

    def source_of(self, path):
        path = tuple(path)
        if path in self.sources:
            return self.sources[path]
        inner = [source for key, source in self.sources.items() if key[:len(path)] == path]
        return inner[0] if inner else "default"


def load_raw(overrides=None, environ=None):
    environ = os.environ if environ is None else environ
    raw = RawSettings()
    path = environ.get("DOPESHEET_CONFIG")
    config_file = Path(path) if path else DEFAULT_CONFIG_PATH
    if path and not config_file.is_file():
        raise ConfigError(f"DOPESHEET_CONFIG={path}: no such file; point it at a TOML file")
    if config_file.is_file():
        try:
            raw.merge(tomllib.loads(config_file.read_text()), str(config_file))
        except tomllib.TOMLDecodeError as error:
            raise ConfigError(f"{config_file}: invalid TOML: {error}") from None
    for name, value in sorted(environ.items()):
        if name in ENV_ALIASES:
            raw.set(ENV_ALIASES[name], value, f"env {name}")
        elif name.startswith(ENV_PREFIX) and "__" in name:
            keys = [part.lower() for part in name[len(ENV_PREFIX):].split("__")]
            if all(keys):
                raw.set(keys, value, f"env {name}")
    raw.merge(overrides or {}, "overrides")
    return raw


def validate(raw, path, schema_cls):
    """Load one section; an invalid value becomes a one-line ConfigError."""
    data = dict(raw.section(*path))
    schema = schema_cls()
    if path == ("plugins",):
        data = {key: value for key, value in data.items() if not isinstance(value, dict)}
    try:
        return schema.load(data)
    except ValidationError as error:
        raise ConfigError(_describe(raw, path, data, error.messages)) from None


def _describe(raw, path, data, messages):
    problems = []
    for key, message in sorted(messages.items()):
        full = (*path, key)
        text = " ".join(message) if isinstance(message, list) else str(message)
        if key in data:
            text = text.replace("Unknown field.", "unknown setting, check its spelling")
            problems.append(f"{'.'.join(full)} = {data[key]!r} ({raw.source_of(full)}): {text}")
        else:
            problems.append(f"{'.'.join(full)}: {text}")
    return "invalid configuration: " + "; ".join(problems)


class Settings:
    """Validated settings: ``settings["database"]["url"]``, ``settings.plugin("auth")``."""

    def __init__(self, raw, core):
        self.raw = raw
        self.core = core
        self.plugin_sections = {}

    def __getitem__(self, section):
        return self.core[section]

    def plugin(self, section):
        return self.plugin_sections.get(section, {})


def load_core_settings(raw):
    unknown = [key for key, value in raw.values.items()
               if isinstance(value, dict) and key not in CORE_SECTIONS]
    if unknown:
        raise ConfigError(f"unknown configuration section [{unknown[0]}] "
                          f"({raw.source_of((unknown[0],))}); known: "
                          f"{', '.join(sorted(CORE_SECTIONS))}")
    return Settings(raw, {name: validate(raw, (name,), schema)
                          for name, schema in CORE_SECTIONS.items()})
