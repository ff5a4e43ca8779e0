"""The plugin host: which plugins load, in which order, and a typed facade over the hooks.

A plugin is a module (or a package with a ``hooks`` submodule) holding ``@hookimpl``
functions, with an optional ``REQUIRES`` tuple of plugin names and ``__version__``.
Builtins live in ``plugins/<name>/``; third-party plugins are found through the
``dopesheet.plugins`` entry-point group. ``[plugins] disabled`` blocks names before anything
is loaded; the essential plugins cannot be disabled. Every problem found here stops start-up
with a ``PluginError`` whose message is one line naming the plugin(s) and the fix.
"""

import importlib
import importlib.metadata
import importlib.util
import os
import sys
from dataclasses import dataclass

import pluggy
from marshmallow import fields

from . import hookspecs
from .config import SectionSchema, StringList, core_section

BUILTIN_PLUGINS = ("persons", "auth", "entities", "tasks", "schedule", "files", "file_tree",
                   "exchange")
ESSENTIAL_PLUGINS = frozenset({"core", "persons"})
BUILTIN_PACKAGE = "plugins"
ENTRY_POINT_GROUP = "dopesheet.plugins"


@core_section("plugins")
class PluginsSettings(SectionSchema):
    autoload = fields.Boolean(load_default=True)
    disabled = StringList(load_default=list)


class PluginError(Exception):
    """A plugin problem that stops start-up (one line: the plugin(s) and the fix)."""


@dataclass
class PluginInfo:
    name: str
    version: str
    source: str
    enabled: bool
    reason: str = ""
    module: object = None
    package: str = ""


def hooks_module(module):
    """The object pluggy registers: ``<package>.hooks`` when the package has one."""
    if hasattr(module, "__path__") and importlib.util.find_spec(f"{module.__name__}.hooks"):
        return importlib.import_module(f"{module.__name__}.hooks")
    return module


def _version(module, default=""):
    return str(getattr(module, "__version__", default) or default)


def _builtin_infos(disabled):
    from . import __version__ as core_version

    infos = []
    for name in BUILTIN_PLUGINS:
        if name in disabled:
            infos.append(PluginInfo(name, core_version, "builtin", False, "disabled in [plugins]"))
            continue
        module = importlib.import_module(f"{BUILTIN_PACKAGE}.{name}")
        infos.append(PluginInfo(name, _version(module, core_version), "builtin", True,
                                module=module, package=module.__name__))
    return infos


def _entry_point_infos(disabled, taken):
    infos = []
    for entry_point in importlib.metadata.entry_points(group=ENTRY_POINT_GROUP):
        dist = entry_point.dist.name if entry_point.dist else "unknown distribution"
        source = f"entry point of {dist}"
        if entry_point.name in disabled:
            infos.append(PluginInfo(entry_point.name, "", source, False, "disabled in [plugins]"))
            continue
        if entry_point.name in taken:
            raise PluginError(
                f"plugin {entry_point.name!r} from {dist} has the name of an enabled plugin; "
                f"disable the other one in [plugins] disabled to replace it")
        try:
            module = entry_point.load()
        except Exception as error:
            raise PluginError(f"plugin {entry_point.name!r} from {dist} failed to import: "
                              f"{error.__class__.__name__}: {error}; fix or uninstall it") from None
        version = entry_point.dist.version if entry_point.dist else _version(module)
        infos.append(PluginInfo(entry_point.name, version, source, True, module=module,
                                package=module.__name__.rpartition(".hooks")[0]
                                or module.__name__))
        taken.add(entry_point.name)
    return infos


def discover(plugin_settings, extra_plugins=()):
    """Decide which plugins load. ``extra_plugins``: ``[(name, module)]`` (tests)."""
    disabled = set(plugin_settings["disabled"])
    from . import index

    infos = [PluginInfo("core", _version(sys.modules["framework"]), "core", True,
                        module=index, package="framework")]
    infos += _builtin_infos(disabled)
    taken = {info.name for info in infos if info.enabled}
    for name, module in extra_plugins:
        if name in taken:
            raise PluginError(f"plugin {name!r} registered twice; give it another name")
        enabled = name not in disabled
        infos.append(PluginInfo(name, _version(module), "registered by the caller", enabled,
                                "" if enabled else "disabled in [plugins]", module,
                                module.__name__))
        taken.add(name)
    if plugin_settings["autoload"]:
        infos += _entry_point_infos(disabled, taken)
    known = {info.name for info in infos}
    for name in sorted(disabled):
        if name in ESSENTIAL_PLUGINS:
            raise PluginError(f"[plugins] disabled lists {name!r}, an essential plugin that "
                              f"cannot be disabled; remove it from the list")
        if name not in known:
            raise PluginError(f"[plugins] disabled lists {name!r}, which is no known plugin "
                              f"(known: {', '.join(sorted(known))}); fix the name or remove it")
    return infos


def make_plugin_manager(plugin_settings, extra_plugins=()):
    """A fresh PluginManager with the hookspecs, the enabled plugins, all checks done."""
    infos = discover(plugin_settings, extra_plugins)
    manager = pluggy.PluginManager(hookspecs.PROJECT)
    manager.add_hookspecs(hookspecs)
    manager.hook.add_hooks.call_historic(kwargs={"pluginmanager": manager})
    for info in infos:
        if not info.enabled:
            manager.set_blocked(info.name)
            continue
        try:
            manager.register(hooks_module(info.module), name=info.name)
        except pluggy.PluginValidationError as error:
            detail = " ".join(str(error).split())
            raise PluginError(f"plugin {info.name!r}: {detail}; fix the hook's signature "
                              f"to the spec in framework/hookspecs.py") from None
    _check_requirements(infos)
    _check_pending(manager)
    if os.environ.get("DOPESHEET_TRACE_HOOKS") == "1":
        manager.trace.root.setwriter(lambda message: print(message, end="", file=sys.stderr))
        manager.enable_tracing()
    return manager, infos


def _check_requirements(infos):
    enabled = {info.name for info in infos if info.enabled}
    for info in infos:
        if not info.enabled:
            continue
        for required in getattr(info.module, "REQUIRES", ()):
            if required not in enabled:
                state = "disabled" if required in {i.name for i in infos} else "not installed"
                raise PluginError(f"plugin {info.name!r} requires plugin {required!r}, which "
                                  f"is {state}; enable {required!r} or disable {info.name!r}")


def _check_pending(manager):
    known = sorted(name for name in vars(manager.hook) if not name.startswith("_")
                   and getattr(manager.hook, name).has_spec())
    for name in vars(manager.hook):
        caller = getattr(manager.hook, name)
        if name.startswith("_") or caller.has_spec():
            continue
        for impl in caller.get_hookimpls():
            if not impl.optionalhook:
                raise PluginError(f"plugin {impl.plugin_name!r} implements unknown hook "
                                  f"{name!r}; rename it to one of: {', '.join(known)}")


class Hooks:
    """One method per hook, so callers never touch ``pm.hook`` and its kwargs by hand."""

    def __init__(self, manager, infos):
        self.manager = manager
        self.infos = infos
        self._hook = manager.hook
        self._packages = sorted(((info.package, info.name) for info in infos
                                 if info.enabled and info.package),
                                key=lambda item: -len(item[0]))

    def plugin_of(self, obj):
        """Name of the plugin whose package defines ``obj`` (a class, function or instance)."""
        module = getattr(obj, "__module__", None) or type(obj).__module__
        for package, name in self._packages:
            if module == package or module.startswith(package + "."):
                return name
        return "unknown plugin"

    def _by_plugin(self, hook_name, **kwargs):
        """Call a hook plugin by plugin, in registration order (core, builtins in their
        dependency order, then the others): ``[(plugin_name, result)]``."""
        implementers = {impl.plugin_name for impl in getattr(self._hook, hook_name)
                        .get_hookimpls()}
        registered = self.manager.list_name_plugin()
        results = []
        for name, plugin in registered:
            if name not in implementers:
                continue
            others = [other for _, other in registered if other is not plugin]
            subset = self.manager.subset_hook_caller(hook_name, remove_plugins=others)
            results.extend((name, result) for result in subset(**kwargs))
        return results

    def call(self, hook_name, **kwargs):
        """Call a hook a plugin published through ``add_hooks`` (e.g. ``files_storage``)."""
        return getattr(self._hook, hook_name)(**kwargs)

    def register_settings(self):
        return self._by_plugin("register_settings")

    def register_models(self, dopesheet):
        return self._by_plugin("register_models", dopesheet=dopesheet)

    def register_migrations(self, dopesheet):
        return self._by_plugin("register_migrations", dopesheet=dopesheet)

    def register_schemas(self, dopesheet):
        return [schema for schemas in self._hook.register_schemas(dopesheet=dopesheet)
                for schema in schemas]

    def register_routes(self, dopesheet):
        return [route for routes in self._hook.register_routes(dopesheet=dopesheet)
                for route in routes]

    def register_middleware(self, dopesheet):
        return [item for items in self._hook.register_middleware(dopesheet=dopesheet)
                for item in items]

    def register_error_handlers(self, dopesheet):
        return [item for items in self._hook.register_error_handlers(dopesheet=dopesheet)
                for item in items]

    def register_commands(self, subparsers):
        self._hook.register_commands(subparsers=subparsers)

    def register_events(self):
        return self._by_plugin("register_events")

    def startup(self, dopesheet):
        self._hook.startup(dopesheet=dopesheet)

    def init_data(self, dopesheet):
        """Each plugin seeds after the plugins it requires (registration order)."""
        self._by_plugin("init_data", dopesheet=dopesheet)

    def client_config(self, dopesheet):
        return self._hook.client_config(dopesheet=dopesheet)

    def authenticate(self, req, dopesheet):
        return self._hook.authenticate(req=req, dopesheet=dopesheet)

    def permission_allowed(self, principal, action, resource, dopesheet):
        return self._hook.permission_allowed(principal=principal, action=action,
                                             resource=resource, dopesheet=dopesheet)

    def permission_filter(self, principal, action, model, dopesheet):
        return self._hook.permission_filter(principal=principal, action=action, model=model,
                                            dopesheet=dopesheet)

    def event_handlers(self, hook_name="handle_event"):
        """``[(plugin_name, call)]``: each plugin's implementation of ``hook_name`` on its
        own, in registration order."""
        implementers = {impl.plugin_name for impl in getattr(self._hook, hook_name)
                        .get_hookimpls()}
        registered = self.manager.list_name_plugin()
        return [(name, self.manager.subset_hook_caller(
                    hook_name, [other for _, other in registered if other is not plugin]))
                for name, plugin in registered if name in implementers]
