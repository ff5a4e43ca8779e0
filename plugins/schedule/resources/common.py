"""What the plugin's resources share: the caller and their rights through the permission
hooks, rows behind path ids, and bodies and query strings read as Zou reads them."""

import uuid

from marshmallow import ValidationError

from framework import BadRequest, Forbidden, NotFound, Resource, principal_of, read_json
from framework.errors import validation_error
from plugins.entities.models import Entity, Project
from plugins.persons.models import Person
from plugins.tasks.models import Task
from plugins.tasks.services import loading


def checked_id(value, message="Wrong UUID format."):
    """A path or query id as a canonical UUID string, Zou's 400 otherwise."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise BadRequest(message, data=None) from None


def id_or_none(value):
    """A path id as a canonical UUID string, or None when it is none (matches no row)."""
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        return None


def found(model, value):
    """The row of ``model`` behind a path id; 404 when unknown or malformed."""
    row = model.get_or_none(model._meta.primary_key == id_or_none(value))
    if row is None:
        raise NotFound()
    return row


def body(req):
    """A JSON object body; an empty body reads as ``{}`` (Zou's pydantic routes)."""
    value = read_json(req) if req.content_length else None
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise BadRequest("The request body must be a JSON object.", data=None)
    return value


def validate(schema, values):
    try:
        return schema().load(values)
    except ValidationError as error:
        raise validation_error(error.messages) from None


class ScheduleResource:
    """Base of the hand-made resources: the context and checks through the permission
    hooks."""

    def __init__(self, dopesheet):
        self.dopesheet = dopesheet

    def allowed(self, req, action, model, instance=None, data=None):
        return self.dopesheet.permissions.allowed(principal_of(req), action,
                                                  Resource(model, instance, data))

    def require(self, req, action, model, instance=None, data=None):
        if not self.allowed(req, action, model, instance, data):
            raise Forbidden()
        return principal_of(req)

    def project(self, req, project_id, action="read"):
        project = found(Project, project_id)
        self.require(req, action, Project, project)
        return project

    def task(self, req, task_id, action="read"):
        task = loading.get_task(task_id)
        self.require(req, action, Task, task)
        return task

    def entity(self, req, entity_id):
        """An entity the caller may see (team member; vendors: assigned to them)."""
        entity = found(Entity, entity_id)
        self.require(req, "read", Entity, entity)
        return entity

    def person(self, req):
        """The caller as a person: bots are refused, as Zou's ``require_person``."""
        principal = principal_of(req)
        if principal.identity_type == "bot":
            raise Forbidden()
        return principal


def person_or_404(person_id):
    return found(Person, person_id)
