"""Every hook a plugin may implement: when it is called, its arguments, what it returns.

Calls always use keyword arguments; an implementation may accept any subset of them.
``dopesheet`` is the application context (``framework.app.Dopesheet``): settings, database,
``plugin_settings(name)``, ``emit``, the route table and the model registry.
Implement a hook with ``@framework.hookimpl`` in the plugin's ``hooks.py``; mark defaults
``trylast=True`` so a studio plugin's implementation wins without relying on load order.
"""

import pluggy

PROJECT = "dopesheet"
hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec(historic=True)
def add_hooks(pluginmanager):
    """Called once per plugin as it is registered (historic: late plugins see it too).

    Lets a plugin publish hooks of its own with ``pluginmanager.add_hookspecs(module)``
    (e.g. ``files_storage``, ``file_tree_variables``). Returns nothing.
    """


@hookspec
def register_settings():
    """Return ``{section: marshmallow Schema class}`` for ``[plugins.<section>]``.

    The core validates the section against the schema (defaults via ``load_default``) and
    makes the result available as ``dopesheet.plugin_settings(section)``. Two plugins
    declaring one section stop start-up.
    """


@hookspec
def register_models(dopesheet):
    """Return the list of peewee model classes (``framework.BaseModel``) the plugin owns.

    The core creates their tables (in dependency order), migrates them and refuses two
    models with one table name.
    """


@hookspec
def register_migrations(dopesheet):
    """Return the plugin's schema migrations: ``[framework.Migration(version, description,
    apply)]`` numbered 1..N. ``apply(migrator, database)`` receives a playhouse
    ``SchemaMigrator``. The plugin's schema version is N; see ``framework.migrations``.
    """


@hookspec
def register_schemas(dopesheet):
    """Return marshmallow schema classes to publish as OpenAPI components
    (named ``<plugin>.<SchemaName>``). Schemas used by routes are published anyway."""


@hookspec
def register_routes(dopesheet):
    """Return a list of ``framework.Route``.

    Wrappers are allowed (``@hookimpl(wrapper=True)``): a studio plugin can take the list
    built by the others (``routes = yield``), drop or replace routes, and return it.
    The core refuses a template registered twice, then mounts each route at the root and
    under ``/api``; one path level may carry different field names in different routes.
    """


@hookspec
def register_middleware(dopesheet):
    """Return Falcon middleware objects, appended after the core's (request id, database,
    authentication)."""


@hookspec
def register_error_handlers(dopesheet):
    """Return ``[(ExceptionClass, handler)]`` passed to ``falcon.App.add_error_handler``.
    Handlers should answer with ``framework.errors`` bodies."""


@hookspec
def register_commands(subparsers):
    """Add CLI subcommands: ``parser = subparsers.add_parser(...)`` then
    ``parser.set_defaults(handler=func)`` where ``func(args, dopesheet)`` runs the command
    inside an application context. Returns nothing."""


@hookspec
def register_events():
    """Return the event names the plugin emits (``"asset:new"``...). ``emit`` refuses
    names nobody declared; two plugins declaring one name stop start-up."""


@hookspec
def startup(dopesheet):
    """Called once per application, after the routes are mounted and before the first
    request. Returns nothing."""


@hookspec
def init_data(dopesheet):
    """Seed the plugin's default rows (``dopesheet init-data``, and ``dopesheet serve`` on
    the embedded default). Must be idempotent. Returns nothing."""


@hookspec
def client_config(dopesheet):
    """Return a dict of keys for the public ``GET /config`` answer (Kitsu reads it before
    logging in: SSO switches, default locale, 2FA enforcement...). Fragments are merged over
    the core's defaults in plugin order; never put a secret here."""


@hookspec(firstresult=True)
def authenticate(req, dopesheet):
    """Identify the caller of a protected route.

    Return a ``framework.Principal`` for a credential the plugin recognises and accepts;
    ``None`` when the request carries no credential of its kind (the next plugin is asked;
    if none answers, the core answers 401). A recognised but bad credential raises
    ``framework.errors.Unauthorized`` (or another ``ApiError``) itself.
    """


@hookspec
def permission_allowed(principal, action, resource, dopesheet):
    """Vote on ``action`` (``"list"``, ``"read"``, ``"create"``, ``"update"``, ``"delete"``
    or a domain verb) over ``resource`` (``framework.Resource``: model, instance, data).

    Return ``True`` (allow), ``False`` (veto) or ``None`` (no opinion). Any ``False`` denies;
    otherwise any ``True`` allows; with no opinion at all the action is denied.
    """


@hookspec
def permission_filter(principal, action, model, dopesheet):
    """Return a peewee expression narrowing what ``principal`` may list of ``model``, or
    ``None``. All expressions are ANDed into the list query (one SQL query, no per-row
    hook calls)."""


@hookspec
def record_events(events, dopesheet):
    """Write the events of a transaction (a list, in emission order) with its data: in a
    request, inside its transaction just before the commit, so that they commit or roll back
    with it (deferred writes of ``framework.writes`` go with the ``COMMIT``), and an
    exception rolls the request back with a 503. Outside a request, after the commit, and
    an exception is logged."""


@hookspec
def handle_events(events, dopesheet):
    """Receive every ``framework.Event`` of a committed transaction at once (a list, in
    emission order), before ``handle_event`` gets them one by one: the place for work that
    batches well (one insert of a whole event log). Errors are logged, never raised."""


@hookspec
def handle_event(event, dopesheet):
    """Receive a ``framework.Event`` after the transaction that emitted it committed.
    An exception is logged and never fails the request. Returns nothing."""
