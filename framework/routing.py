"""Routes: what a plugin returns from ``register_routes``, clash checks, mounting.

A ``Route`` binds a URI template to a Falcon resource (``on_get``, ``on_post``... or
``on_get_<suffix>``). Responders may carry an ``@operation(...)`` with their OpenAPI
description and whether they need authentication (they do unless ``auth=False``).
Every route is mounted once, at the root; ``/api/...`` reaches the same routes because
``route_api_prefix`` moves the prefix out of the path before Falcon routes it.
"""

import functools
import re
from dataclasses import dataclass, field

import falcon
import falcon.routing.compiled

API_PREFIX = "/api"
METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")
_FIELD = re.compile(r"{([^}:]+)(:[^}]*)?}")


@dataclass
class Operation:
    """What a responder declares about itself (OpenAPI and authentication)."""

    summary: str = ""
    description: str = ""
    auth: bool = True
    body: object = None
    query: object = None
    response: object = None
    many: bool = False
    status: int = 200
    responses: dict = field(default_factory=dict)
    tags: tuple = ()
    content_type: str = "application/json"
    security: list = None
    partial: bool = False


def operation(summary="", **kwargs):
    """Decorate a responder: ``@operation("List persons", response=PersonSchema, many=True)``.

    ``auth=False`` makes the route public; ``body``/``query``/``response`` are marshmallow
    schema classes (or instances) used for the OpenAPI document.
    """

    def decorate(responder):
        responder.__operation__ = Operation(summary=summary, **kwargs)
        return responder

    return decorate


DEFAULT_OPERATION = Operation()


@dataclass
class Route:
    template: str
    resource: object
    suffix: str = None
    operations: dict = field(default_factory=dict)

    def declared_operations(self):
        """``{METHOD: Operation}``: the route's own, else the responder's ``@operation``."""
        return {method: self.operations.get(method) or operation_of(responder)
                for method, responder in self.responders().items()}

    def responders(self):
        """``{METHOD: responder}`` for the methods the resource answers on this route."""
        found = {}
        for method in METHODS:
            name = f"on_{method.lower()}" + (f"_{self.suffix}" if self.suffix else "")
            responder = getattr(self.resource, name, None)
            if responder is not None:
                found[method] = responder
        return found


@dataclass
class MountedRoute:
    route: Route
    plugin: str

    @property
    def template(self):
        return self.route.template


def operation_of(responder):
    return getattr(responder, "__operation__", DEFAULT_OPERATION)


class RouteClash(Exception):
    """Two routes that cannot both be mounted (one line naming both plugins)."""


def _normalise(segment):
    return _FIELD.sub("{}", segment)


def check_routes(routes, plugin_of):
    """Refuse a template registered twice (field names aside), naming both plugins."""
    seen = {}
    mounted = []
    for route in routes:
        plugin = plugin_of(route.resource)
        if not route.template.startswith("/"):
            raise RouteClash(f"route {route.template!r} of plugin {plugin} must start with '/'")
        key = _normalise(route.template.rstrip("/") or "/")
        if key in seen:
            raise RouteClash(
                f"route {route.template} is registered twice (plugins {seen[key]} and "
                f"{plugin}); drop one, or replace it with a register_routes wrapper")
        seen[key] = plugin
        mounted.append(MountedRoute(route, plugin))
    return mounted


class FieldNames:
    """Falcon wants one field name per path level, Zou's paths use several
    (``/data/projects/{instance_id}`` beside ``/data/projects/{project_id}/assets``). Each
    level keeps the first name mounted there; a route naming it otherwise is mounted under
    that name and its responders get their own names back."""

    def __init__(self):
        self.levels = {}

    def canonical(self, template):
        """``(template as mounted, {mounted name: route's name})``."""
        segments = template.strip("/").split("/")
        renames = {}
        mounted = []
        for depth, segment in enumerate(segments):
            names = [match.group(1) for match in _FIELD.finditer(segment)]
            if names:
                level = ("/".join(_normalise(s) for s in segments[:depth]), _normalise(segment))
                chosen = self.levels.setdefault(level, names)
                renames.update({theirs: mine for mine, theirs in zip(names, chosen)
                                if mine != theirs})
                position = iter(chosen)
                segment = _FIELD.sub(lambda m: "{" + next(position) + (m.group(2) or "") + "}",
                                     segment)
            mounted.append(segment)
        return "/" + "/".join(mounted), renames


def _renamed(responder, renames):
    @functools.wraps(responder)
    def call(req, resp, **params):
        return responder(req, resp, **{renames.get(key, key): value
                                       for key, value in params.items()})

    return call


class RenamingResource:
    """The responders of one route, taking the route's own field names."""

    def __init__(self, route, renames):
        suffix = f"_{route.suffix}" if route.suffix else ""
        for method, responder in route.responders().items():
            setattr(self, f"on_{method.lower()}{suffix}", _renamed(responder, renames))


def route_api_prefix(req):
    """Serve ``/api/...`` with the routes mounted at the root. The prefix moves from the
    path to the application's root (``SCRIPT_NAME``), so Falcon routes ``req.path``
    without it while ``req.relative_uri`` (the access log) still shows it. Mounting every
    route twice instead doubled the router and the time to build an app."""
    path = req.path
    if path == API_PREFIX or path.startswith(API_PREFIX + "/"):
        req.path = path[len(API_PREFIX):] or "/"
        req.env["SCRIPT_NAME"] = req.env.get("SCRIPT_NAME", "") + API_PREFIX


def mount(app, mounted_routes):
    """Add every route; return ``{template: {METHOD: Operation}}`` keyed as Falcon reports
    ``req.uri_template``, for the authentication middleware."""
    operations = {}
    names = FieldNames()
    for item in mounted_routes:
        route = item.route
        template, renames = names.canonical(route.template)
        resource = RenamingResource(route, renames) if renames else route.resource
        try:
            app.add_route(template, resource, suffix=route.suffix)
        except falcon.routing.compiled.UnacceptableRouteError as error:
            raise RouteClash(f"route {route.template} of plugin {item.plugin} cannot be "
                             f"mounted: {error}") from None
        operations[template] = route.declared_operations()
    return operations
