"""What the plugin's resources share: projects and entities by path id with the caller's
rights, their events, integrity errors as 400s, and ``?force=true`` on the generic DELETE
routes."""

import dataclasses
import functools
from contextvars import ContextVar

import peewee

from framework import BadRequest, ModelApi, NotFound, PluginResource
from framework.crud import ItemResource, integrity_message
from framework.filters import parse_bool

from ..models import Entity, Project
from ..services.kinds import get_entity, path_id

_deleting_with_force = ContextVar("deleting_with_force", default=False)


def guarded(responder):
    """A writing responder whose database integrity errors (an id pointing nowhere, a
    duplicate) answer 400 with Zou's sanitised message, as the generic routes do."""

    @functools.wraps(responder)
    def guard(self, req, resp, **params):
        try:
            return responder(self, req, resp, **params)
        except (peewee.IntegrityError, peewee.DataError) as error:
            raise BadRequest(integrity_message(error)) from None

    return guard


class ForceItemResource(ItemResource):
    """The core's item resource, telling the API whether the DELETE carries ``?force``."""

    def on_delete(self, req, resp, instance_id):
        token = _deleting_with_force.set(parse_bool(req.params.get("force"), False))
        try:
            super().on_delete(req, resp, instance_id)
        finally:
            _deleting_with_force.reset(token)


class ForceDeleteApi(ModelApi):
    """A model API whose ``delete`` reads ``self.force`` (Zou's ``?force=true``)."""

    reserved_params = ("force",)

    def routes(self):
        collection, item = super().routes()
        return [collection, dataclasses.replace(item, resource=ForceItemResource(self))]

    @property
    def force(self):
        return _deleting_with_force.get()


def flag(req, name):
    return parse_bool(req.params.get(name), False)


class ProductionResource(PluginResource):
    """Resources reading projects and entities by path id, with the caller's rights."""

    def entity_event(self, kind, suffix, entity):
        """Zou's ``<kind>:<suffix>`` event of an entity (``shot:new``, ``asset:delete``...)."""
        name = kind.lower()
        self.emit(f"{name}:{suffix}", {f"{name}_id": entity.id, "project_id": entity.project_id},
                  entity.project_id)

    def removed(self, kind, entity, canceled):
        """The event of a deletion: Zou only updates an entity it canceled."""
        self.entity_event(kind, "update" if canceled else "delete", entity)

    def project(self, req, project_id, action="read"):
        project = Project.get_or_none(Project.id == path_id(project_id))
        if project is None:
            raise NotFound()
        self.require(req, action, Project, project)
        return project

    def entity(self, req, entity_id, kind=None, action="read"):
        entity = get_entity(entity_id, kind)
        self.require(req, action, Entity, entity)
        return entity

    def manage(self, req, project):
        """Project managers' actions (team, settings, entities, casting)."""
        return self.require(req, "manage", Project, project)
