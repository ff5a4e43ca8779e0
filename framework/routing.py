"""Routes: what a plugin returns from ``register_routes``, clash checks, mounting.

A ``Route`` binds a URI template to a Falcon resource (``on_get``, ``on_post``... or
``on_get_<suffix>``). Responders may carry an ``@operation(...)`` with their OpenAPI
description and whether they need authentication (they do unless ``auth=False``).
Every route is mounted at the root and, identically, under ``/api``.
"""

import re
from dataclasses import dataclass, field

import falcon

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
    """Refuse a template registered twice, or two field names at one path level."""
    seen = {}
    levels = {}
    mounted = []
    for route in routes:
        if not route.template.startswith("/"):
            raise RouteClash(f"route {route.template!r} of plugin {plugin_of(route.resource)} "
                             f"must start with '/'")
        plugin = plugin_of(route.resource)
        segments = [s for s in route.template.strip("/").split("/")]
        key = ("/".join(_normalise(s) for s in segments), route.suffix)
        if key in seen:
            other_plugin, other = seen[key]
            raise RouteClash(
                f"route {route.template} is registered twice (plugins {other_plugin} and "
                f"{plugin}); drop one, or replace it with a register_routes wrapper")
        seen[key] = (plugin, route)
        for depth, segment in enumerate(segments):
            names = tuple(m.group(1) for m in _FIELD.finditer(segment))
            if not names:
                continue
            level = ("/".join(_normalise(s) for s in segments[:depth]), _normalise(segment))
            if level in levels and levels[level][0] != names:
                other_names, other_plugin, other_template = levels[level]
                raise RouteClash(
                    f"routes {other_template} (plugin {other_plugin}) and {route.template} "
                    f"(plugin {plugin}) name one path level differently "
                    f"({', '.join(other_names)} vs {', '.join(names)}); use the same field name")
            levels.setdefault(level, (names, plugin, route.template))
        mounted.append(MountedRoute(route, plugin))
    return mounted


def mount(app, mounted_routes):
    """Add every route at the root and under ``/api``; return ``{template: {METHOD: Operation}}``
    for the middleware that enforces authentication (keyed by ``req.uri_template``)."""
    operations = {}
    for item in mounted_routes:
        route = item.route
        declared = route.declared_operations()
        for template in (route.template, API_PREFIX + route.template.rstrip("/")
                         if route.template != "/" else API_PREFIX):
            app.add_route(template, route.resource, suffix=route.suffix)
            operations[template] = declared
    return operations
