"""What the plugin's resources share: the caller and their rights through the permission
hooks, rows behind path ids, and bodies and query strings read as Zou reads them."""

import uuid

from framework import BadRequest, Forbidden, PluginResource, get_or_404, principal_of
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


class ScheduleResource(PluginResource):
    """Resources reading projects, tasks and entities by path id, with the caller's rights."""

    def project(self, req, project_id, action="read"):
        project = get_or_404(Project, project_id)
        self.require(req, action, Project, project)
        return project

    def task(self, req, task_id, action="read"):
        task = loading.get_task(task_id)
        self.require(req, action, Task, task)
        return task

    def entity(self, req, entity_id):
        """An entity the caller may see (team member; vendors: assigned to them)."""
        entity = get_or_404(Entity, entity_id)
        self.require(req, "read", Entity, entity)
        return entity

    def person(self, req):
        """The caller as a person: bots are refused, as Zou's ``require_person``."""
        principal = principal_of(req)
        if principal.identity_type == "bot":
            raise Forbidden()
        return principal


def person_or_404(person_id):
    return get_or_404(Person, person_id)
