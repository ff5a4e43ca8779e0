"""Creating and deleting tasks in bulk: Zou's ``create-tasks`` routes per entity kind, the
tasks of one entity, and the project's batch deletions."""

import uuid

import falcon

from framework import BadRequest, NotFound, operation, principal_of
from framework.filters import filter_expressions

from plugins.entities.models import (Entity, EntityType, Project, ProjectTaskTypeLink,
                                     TaskTypeAssetTypeLink, TaskType)

from ..models import Task
from ..services import loading, task_writes
from ..services.kinds import entity_kind, kind_of, of_kind
from ..services.loading import path_id
from .common import TasksResource, read_body, read_list

KINDS = {"assets": "Asset", "shots": "Shot", "edits": "Edit", "concepts": "Concept"}
ENTITY_PARAMS = ("page",)


def id_list(req):
    """Zou's optional JSON array of ids: None when the body is absent or empty."""
    body = read_list(req) if req.content_length else None
    if not body:
        return None
    for value in body:
        try:
            uuid.UUID(value if isinstance(value, str) else "")
        except ValueError:
            raise BadRequest("Request body must only contain valid UUIDs.", data=None) from None
    return [str(uuid.UUID(value)) for value in body]


def episode_filter(kind, episode_id):
    """Zou's ``?episode_id=`` of each kind: a shot's sequence, an asset's source, else the
    parent."""
    if kind == "Shot":
        return Entity.parent.in_(Entity.select(Entity.id).where(Entity.parent == episode_id))
    if kind == "Asset":
        return Entity.source == episode_id
    return Entity.parent == episode_id


def selected_entities(req, project, kind):
    """The entities named by the body, or every entity of the kind in the project (column
    filters from the query string), in name order."""
    ids = id_list(req)
    query = Entity.select().where(Entity.project == project.id, of_kind(kind))
    if ids is not None:
        found = {entity.id: entity for entity in Entity.select().where(Entity.id.in_(ids),
                                                                       of_kind(kind))}
        if len(found) < len(set(ids)):
            raise NotFound()
        return [found[entity_id] for entity_id in dict.fromkeys(ids)
                if found[entity_id].project_id == project.id]
    params = {key: value for key, value in req.params.items() if key != "episode_id"}
    for expression in filter_expressions(Entity, params, reserved=ENTITY_PARAMS):
        query = query.where(expression)
    if req.params.get("episode_id"):
        query = query.where(episode_filter(kind, path_id(req.params["episode_id"])))
    return list(query.order_by(Entity.name))


class CreateTasks(TasksResource):
    """``/actions/projects/{project_id}/task-types/{task_type_id}/<kind>/create-tasks``, and
    with no kind ``.../create-tasks/{entity_type}``."""

    def __init__(self, dopesheet, kind=None):
        super().__init__(dopesheet)
        self.kind = kind

    def _create(self, req, resp, project_id, task_type_id, kind):
        project = loading.get_project(project_id)
        self.require(req, "contribute" if kind == "Concept" else "manage", Project, project)
        task_type = TaskType.get_or_none(TaskType.id == path_id(task_type_id))
        if task_type is None:
            raise NotFound()
        entities = selected_entities(req, project, kind)
        resp.media = task_writes.create_for_entities(task_type, entities, principal_of(req).id)
        resp.status = falcon.HTTP_201

    @operation("Create tasks of a type for entities of a kind (JSON array of ids, or all)",
               status=201)
    def on_post(self, req, resp, project_id, task_type_id):
        self._create(req, resp, project_id, task_type_id, self.kind)

    @operation("Create tasks of a type for entities of a type name", status=201)
    def on_post_typed(self, req, resp, project_id, task_type_id, entity_type):
        name = entity_type.capitalize()
        if not EntityType.select().where(EntityType.name == name).exists():
            raise NotFound()
        self._create(req, resp, project_id, task_type_id,
                     kind_of(name))


class EntityTasks(TasksResource):
    """``POST /data/entities/{entity_id}/tasks``: tasks of the given types (or of every type
    enabled for it) on one entity."""

    @operation("Create the tasks of an entity", status=201)
    def on_post(self, req, resp, entity_id):
        entity = Entity.get_or_none(Entity.id == path_id(entity_id))
        if entity is None:
            raise NotFound()
        self.require(req, "read", Entity, entity)
        values, _ = read_body(req)
        wanted = values.get("task_type_ids") or []
        kind = entity_kind(entity)
        task_types = enabled_task_types(entity, kind, wanted)
        created = []
        for task_type in task_types:
            created += task_writes.create_for_entities(task_type, [entity], principal_of(req).id)
        resp.media = created
        resp.status = falcon.HTTP_201


def enabled_task_types(entity, kind, wanted):
    """Zou's ``create_tasks_for_entity``: the types enabled in the project (and in the
    asset type's workflow), or the wanted ones, checked against them."""
    in_project = {row.task_type_id for row in ProjectTaskTypeLink.select(
        ProjectTaskTypeLink.task_type).where(ProjectTaskTypeLink.project == entity.project_id)}
    in_workflow = None
    if kind == "Asset":
        in_workflow = {row.task_type_id for row in TaskTypeAssetTypeLink.select(
            TaskTypeAssetTypeLink.task_type).where(
            TaskTypeAssetTypeLink.asset_type == entity.entity_type_id)} or None
    if not wanted:
        candidates = in_project & in_workflow if in_workflow is not None else in_project
        return [task_type for task_type in TaskType.select().where(
            TaskType.id.in_(list(candidates))) if not task_type.for_entity
            or task_type.for_entity == kind]
    task_types = list(TaskType.select().where(TaskType.id.in_([path_id(i) for i in wanted])))
    for task_type in task_types:
        if task_type.for_entity and task_type.for_entity != kind:
            raise BadRequest(f"Task type {task_type.id} is for {task_type.for_entity} "
                             f"entities, got {kind}.", data=None)
        if task_type.id not in in_project:
            raise BadRequest(f"Task type {task_type.id} is not enabled in project "
                             f"{entity.project_id}.", data=None)
        if in_workflow is not None and task_type.id not in in_workflow:
            raise BadRequest(f"Task type {task_type.id} is not in the workflow of asset type "
                             f"{entity.entity_type_id}.", data=None)
    return task_types


class DeleteTasks(TasksResource):
    """The project's batch deletions (every task removed with what hangs on it)."""

    @operation("Delete tasks of a project (JSON array of ids); answers the ids")
    def on_post(self, req, resp, project_id):
        project = loading.get_project(project_id)
        self.require(req, "manage", Project, project)
        ids = id_list(req)
        if ids is None:
            raise BadRequest("Request body must be a JSON array.", data=None)
        task_writes.remove_tasks(list(loading.task_rows(
            Task.project == project.id, Task.id.in_(ids))), self.dopesheet)
        resp.media = ids

    @operation("Delete every task of a type in a project (admins)", status=204)
    def on_delete_of_type(self, req, resp, project_id, task_type_id):
        project = loading.get_project(project_id)
        self.require(req, "administer", Project, project)
        task_writes.remove_tasks(list(loading.task_rows(
            Task.project == project.id, Task.task_type == path_id(task_type_id))),
            self.dopesheet)
        resp.status = falcon.HTTP_204
