"""The persons plugin's hook implementations."""

from marshmallow import fields, validate

from framework import Route, SettingsSchema, hookimpl

from . import hookspecs, service
from .actions import DepartmentMembers, PersonActions
from .models import MODELS, Department, Organisation, Person, Studio
from .resources import APIS, PRIVILEGED_PERSON_FIELDS

READABLE_BY_ANYONE = (Department, Studio, Organisation, Person)


class PersonsSettings(SettingsSchema):
    default_timezone = fields.String(load_default="Europe/Paris")
    default_locale = fields.String(load_default="en_US")
    user_limit = fields.Integer(load_default=0, validate=validate.Range(min=0))


@hookimpl
def add_hooks(pluginmanager):
    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def register_settings():
    return {"persons": PersonsSettings}


@hookimpl
def register_models():
    return list(MODELS)


@hookimpl
def register_routes(dopesheet):
    apis = [api(dopesheet) for api in APIS]
    actions = PersonActions(dopesheet)
    return [route for api in apis for route in api.routes()] + [
        Route("/actions/persons/{person_id}/departments/add", actions, suffix="joining"),
        Route("/actions/persons/{person_id}/departments/{department_id}", actions,
              suffix="leaving"),
        Route("/actions/persons/{person_id}/clear-avatar", actions, suffix="avatar"),
        Route("/actions/user/clear-avatar", actions, suffix="own_avatar"),
        Route("/data/departments/{department_id}/persons", DepartmentMembers(apis[0])),
    ]


@hookimpl
def permission_allowed(principal, action, resource):
    """Anyone signed in reads the studio's people and departments; a person edits their own
    record (their role, activity and departments are left as they are) but not their pay or
    contract, and can never delete themselves. Admin rights come from ``auth``."""
    if principal is None or resource.model not in READABLE_BY_ANYONE:
        return None
    if action in ("list", "read"):
        return True
    if resource.model is not Person or resource.instance is None:
        return None
    is_self = resource.instance.id == principal.id
    if action == "delete" and is_self:
        return False
    if action == "update" and is_self and not service.changed_fields(
            resource.instance, resource.data or {}, PRIVILEGED_PERSON_FIELDS):
        return True
    return None


@hookimpl
def client_config(dopesheet):
    settings = dopesheet.plugin_settings("persons")
    return {"default_locale": settings["default_locale"],
            "default_timezone": settings["default_timezone"]}


@hookimpl
def init_data():
    service.seed_defaults()
