"""The routes every temporal kind has in Zou (shots, sequences, episodes, scenes, edits,
concepts), from one description per kind: the filtered list, ``/with-tasks``, one entity
(read, delete), its task types, and the project's list and creation route.

Responders take their path ids as ``**ids`` because each kind names them after itself
(``{shot_id}``, ``{edit_id}``...), as Zou's paths do.
"""

from collections.abc import Callable
from dataclasses import dataclass

import falcon

from framework import Forbidden, NotFound, Route, json_body, operation, principal_of, utcnow

from .. import schemas
from ..models import Entity
from ..services import creation, deletion, listing, naming, views
from ..services.kinds import CONCEPT, EDIT, EPISODE, SCENE, SEQUENCE, SHOT
from ..services.tasks import task_types_of
from . import streaming
from .common import ProductionResource, flag, guarded
from .projects import TASK_TYPE


@dataclass(frozen=True)
class Kind:
    name: str
    plural: str
    listing: Callable
    with_tasks: Callable
    detail: Callable
    create: Callable
    body: type
    listing_routes: tuple = ("", "/all")
    forbidden_roles: tuple = ()
    """Roles refused on every route of the kind (Zou keeps concepts from clients and
    vendors)."""
    unlisted_roles: tuple = ()
    """Roles refused on the filtered lists only (scenes for vendors)."""


def _plain(kind):
    return lambda query, dopesheet: views.listing(query, kind)


KINDS = (
    Kind(SHOT, "shots", lambda query, dopesheet: views.listing(
        query, SHOT, project_name=True, sequence_name=True), views.shot_views,
        lambda query, dopesheet: views.shot_views(query, dopesheet, detail=True),
        creation.create_shot, schemas.ShotBody),
    Kind(SEQUENCE, "sequences", _plain(SEQUENCE), views.simple_with_tasks,
         lambda query, dopesheet: views.named_detail(query, SEQUENCE),
         creation.create_sequence, schemas.SequenceBody, listing_routes=("",)),
    Kind(EPISODE, "episodes", _plain(EPISODE), views.simple_with_tasks,
         lambda query, dopesheet: views.named_detail(query, EPISODE),
         creation.create_episode, schemas.EpisodeBody, listing_routes=("",)),
    Kind(SCENE, "scenes", lambda query, dopesheet: views.listing(
        query, SCENE, project_name=True, sequence_name=True), views.simple_with_tasks,
        lambda query, dopesheet: views.named_detail(query, SCENE),
        creation.create_scene, schemas.SceneBody, listing_routes=("/all",),
        unlisted_roles=("vendor",)),
    Kind(EDIT, "edits", lambda query, dopesheet: views.listing(query, EDIT, project_name=True),
         views.edit_views, views.edit_views, creation.create_edit, schemas.EditBody),
    Kind(CONCEPT, "concepts", lambda query, dopesheet: views.concept_listing(
        query, project_name=True), views.concept_views,
        lambda query, dopesheet: views.concept_views(query, dopesheet, detail=True),
        creation.create_concept, schemas.ConceptBody, listing_routes=("",),
        forbidden_roles=("client", "vendor")),
)


def single(ids):
    """The one path id of an item route, whatever the kind calls it."""
    (value,) = ids.values()
    return value


class KindResource(ProductionResource):
    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind
        self.__doc__ = f"Zou's {kind.plural} routes."

    def _filtered(self, req):
        principal = self._caller(req)
        if principal.role in self.kind.unlisted_roles:
            raise Forbidden()
        return listing.filtered(self.dopesheet, principal, req.params, self.kind.name,
                                require_project=True)

    def _caller(self, req):
        principal = principal_of(req)
        if principal.role in self.kind.forbidden_roles:
            raise Forbidden()
        return principal

    def project(self, req, project_id, action="read"):
        self._caller(req)
        return super().project(req, project_id, action)

    def entity(self, req, entity_id, kind=None, action="read"):
        self._caller(req)
        return super().entity(req, entity_id, kind, action)

    @operation("List entities of one kind (column filters)")
    def on_get_list(self, req, resp):
        resp.media = self.kind.listing(self._filtered(req), self.dopesheet)

    @operation("Entities of one kind with their tasks (column filters)")
    def on_get_with_tasks(self, req, resp):
        streaming.answer(req, resp, self.kind.with_tasks(self._filtered(req), self.dopesheet),
                         self.kind.name)

    @operation("Get one entity with Zou's names and tasks")
    def on_get_item(self, req, resp, **ids):
        entity = self.entity(req, single(ids), self.kind.name)
        found = self.kind.detail(Entity.select().where(Entity.id == entity.id), self.dopesheet)
        if not found:
            raise NotFound()
        resp.media = found[0]

    @guarded
    @operation("Delete an entity (?force=true removes one with tasks or children)",
               status=204)
    def on_delete_item(self, req, resp, **ids):
        entity = self.entity(req, single(ids), self.kind.name, "delete")
        self.removed(self.kind.name, entity, deletion.delete_entity(
            entity, self.kind.name, flag(req, "force"), self.dopesheet))
        resp.status = falcon.HTTP_204

    @operation("Task types of an entity's tasks (of a sequence's shots, of an episode's "
               "sequences' shots)")
    def on_get_task_types(self, req, resp, **ids):
        entity = self.entity(req, single(ids), self.kind.name)
        query = task_types_of(tasked_ids(entity, self.kind.name), self.dopesheet)
        resp.media = [TASK_TYPE.from_values(values) for values in TASK_TYPE.select(query)]

    @operation("Entities of one kind in a project")
    def on_get_project(self, req, resp, project_id):
        project = self.project(req, project_id)
        query = listing.filtered(self.dopesheet, principal_of(req),
                                 {**req.params, "project_id": project.id}, self.kind.name)
        if self.kind.name == CONCEPT:
            resp.media = views.concept_listing(query)
        else:
            resp.media = views.listing(query, self.kind.name)

    @guarded
    @operation("Create an entity of one kind (a taken name gives the existing one)",
               status=201)
    def on_post_project(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        body = json_body(req, self.kind.body)
        entity, created = self.kind.create(project, body, principal_of(req).id)
        if created:
            self.entity_event(self.kind.name, "new", entity)
        if self.kind.name == CONCEPT:
            resp.media = views.concept_listing(Entity.select().where(Entity.id == entity.id))[0]
        else:
            resp.media = views.entity_view(entity.id, self.kind.name)
        resp.status = falcon.HTTP_201


class ShotResource(KindResource):
    """Shots are the one kind with a PUT of their own."""

    @guarded
    @operation("Update a shot (name, description, nb_frames, data merged, parent, canceled)",
               body=schemas.ShotUpdateBody)
    def on_put_item(self, req, resp, shot_id):
        shot = self.entity(req, shot_id, SHOT, "update")
        body = json_body(req, schemas.ShotUpdateBody)
        if isinstance(body.get("data"), dict):
            body["data"] = {**(shot.data or {}), **body["data"]}
        if body.get("parent_id") is not None:
            body["parent_id"] = str(body["parent_id"])
        naming.check_rename(shot, body)
        if body:
            changes = {Entity._meta.columns[key]: value for key, value in body.items()}
            changes[Entity.updated_at] = utcnow()
            Entity.update(changes).where(Entity.id == shot.id).execute()
        self.entity_event(SHOT, "update", shot)
        resp.media = views.listing(Entity.select().where(Entity.id == shot.id), "Entity")[0]


def routes(dopesheet):
    found = []
    for kind in KINDS:
        resource = (ShotResource if kind.name == SHOT else KindResource)(dopesheet, kind)
        singular = kind.name.lower()
        found += [Route(f"/data/{kind.plural}{path}", resource, suffix="list")
                  for path in kind.listing_routes]
        found += [
            Route(f"/data/{kind.plural}/with-tasks", resource, suffix="with_tasks"),
            Route(f"/data/{kind.plural}/{{{singular}_id}}", resource, suffix="item"),
            Route(f"/data/{kind.plural}/{{{singular}_id}}/task-types", resource,
                  suffix="task_types"),
            Route(f"/data/projects/{{project_id}}/{kind.plural}", resource, suffix="project"),
        ]
    return found


def tasked_ids(entity, kind):
    """Whose tasks Zou reads for an entity's task types: a sequence's shots, the shots of an
    episode's sequences, the entity itself otherwise."""
    if kind == SEQUENCE:
        return [row[0] for row in Entity.select(Entity.id).where(
            Entity.parent == entity.id).tuples()]
    if kind == EPISODE:
        sequences = Entity.select(Entity.id).where(Entity.parent == entity.id)
        return [row[0] for row in Entity.select(Entity.id).where(
            Entity.parent.in_(sequences)).tuples()]
    return [entity.id]
