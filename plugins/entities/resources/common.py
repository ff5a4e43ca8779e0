"""What the plugin's resources share: projects and entities by path id with the caller's
rights, their events, and integrity errors as 400s."""

import functools

from framework import NotFound, PluginResource
from framework.crud import guard_integrity
from framework.filters import parse_bool
from framework.prepared import Prepared

from ..models import Entity, Project
from ..services.kinds import get_entity, path_id


_PROJECT_BY_ID = Prepared(lambda project_id: Project.select().where(Project.id == project_id))
"""Every production route reads its project first: the SQL is built once."""


def guarded(responder):
    """A writing responder whose database integrity errors (an id pointing nowhere, a
    duplicate) answer 400 with Zou's sanitised message, as the generic routes do. The 400
    ends the request and rolls its transaction back: no savepoint is needed."""

    @functools.wraps(responder)
    def guard(self, req, resp, **params):
        return guard_integrity(lambda: responder(self, req, resp, **params), savepoint=False)

    return guard


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
        project = next(_PROJECT_BY_ID.rows(path_id(project_id)), None)
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
