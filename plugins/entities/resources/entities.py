"""Zou's routes on entities of any kind: deleting several at once, and the entities linked
to one with their tasks."""

from framework import BadRequest, Route, operation, read_json

from ..models import Entity, EntityLink
from ..services import deletion, views
from ..services.kinds import entity_kind, path_id
from ..services.tasks import tasks_of
from .common import ProductionResource, flag, guarded

LINKED_KEYS = ("id", "name", "entity_type_id", "parent_id", "preview_file_id", "canceled")


class DeleteEntities(ProductionResource):
    @guarded
    @operation("Delete entities of a project (a JSON array of ids; ?force=true); answers the "
               "ids deleted")
    def on_post(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        ids = read_json(req)
        if not isinstance(ids, list):
            raise BadRequest("Request body must be a JSON array.", data=None)
        wanted = [path_id(value) for value in ids if isinstance(value, str)]
        done = []
        for entity in Entity.select().where(Entity.id.in_(wanted), Entity.project == project.id):
            kind = entity_kind(entity)
            self.removed(kind, entity, deletion.delete_entity(entity, kind, flag(req, "force"),
                                                              self.dopesheet))
            done.append(entity.id)
        resp.media = done


class LinkedWithTasks(ProductionResource):
    """What is cast in an entity, each with its tasks; entities without tasks are left out
    (Zou joins the tasks), so the list is empty while no plugin provides tasks."""

    @operation("Entities cast in an entity, with their tasks")
    def on_get(self, req, resp, entity_id):
        entity = self.entity(req, entity_id)
        cast = EntityLink.select(EntityLink.entity_out).where(EntityLink.entity_in == entity.id)
        items = views.rows(Entity.select().where(Entity.id.in_(cast)).order_by(Entity.name),
                           None)
        tasks = tasks_of([item["id"] for item in items], self.dopesheet)
        resp.media = [{**{key: item[key] for key in LINKED_KEYS}, "type": item["type"],
                       "tasks": tasks[item["id"]]} for item in items if tasks.get(item["id"])]


def routes(dopesheet):
    return [
        Route("/actions/projects/{project_id}/delete-entities", DeleteEntities(dopesheet)),
        Route("/data/entities/{entity_id}/entities-linked/with-tasks",
              LinkedWithTasks(dopesheet)),
    ]
