"""The current user's view of a production through their tasks (``gazu.user``): their tasks
and task types on an entity, and the asset types, assets, episodes, sequences, shots and
scenes where they have a task, in open projects."""

from framework import operation
from framework.serialize import Serializer

from plugins.entities.models import Entity, EntityType, TaskType

from ..models import Task
from ..services import access, presenters
from ..services.loading import get_project, path_id
from ..services.kinds import TEMPORAL_KINDS, entity_of_kind, of_kind
from .task_lists import entity_dict
from .user import UserResource

TASK_TYPE = Serializer(TaskType)
ASSET_TYPE = Serializer(EntityType, type_name="AssetType")
Shot = Entity.alias("user_shot")
Sequence = Entity.alias("user_sequence")


def my_tasks(person_id):
    """Tasks assigned to ``person_id`` in open projects."""
    return Task.select().where(access.assigned(person_id),
                               access.among(Task.project, access.open_project_ids()))


def worked_entities(person_id):
    """Subquery: the entities ``person_id`` has a task on, in open projects."""
    return my_tasks(person_id).select(Task.entity)


class UserEntityTasks(UserResource):
    """``/data/user/<kind>/{id}/tasks`` and ``.../task-types``."""

    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind

    def _tasks(self, req, ids):
        principal = self.person(req)
        (entity_id,) = ids.values()
        entity = entity_of_kind(entity_id, self.kind)
        return my_tasks(principal.id).where(Task.entity == entity.id)

    @operation("The caller's tasks on an entity")
    def on_get(self, req, resp, **ids):
        resp.media = presenters.task_dicts(self._tasks(req, ids))

    @operation("The task types of the caller's tasks on an entity")
    def on_get_task_types(self, req, resp, **ids):
        tasks = self._tasks(req, ids)
        resp.media = [TASK_TYPE.from_values(values) for values in TASK_TYPE.select(
            TaskType.select().where(TaskType.id.in_(tasks.select(Task.task_type))))]


class UserProduction(UserResource):
    """The parts of a production where the caller has tasks."""

    def _project(self, req, project_id):
        return self.person(req), get_project(project_id)

    @staticmethod
    def _entities(query, kind):
        return [entity_dict(entity, kind) for entity in query.distinct().order_by(Entity.name)]

    @operation("Asset types where the caller has tasks in a project")
    def on_get_asset_types(self, req, resp, project_id):
        principal, project = self._project(req, project_id)
        assets = Entity.select(Entity.entity_type).where(
            Entity.project == project.id, Entity.id.in_(worked_entities(principal.id)))
        resp.media = [ASSET_TYPE.from_values(values) for values in ASSET_TYPE.select(
            EntityType.select().where(EntityType.id.in_(assets),
                                      EntityType.name.not_in(TEMPORAL_KINDS)))]

    @operation("Assets of a type where the caller has tasks in a project")
    def on_get_assets(self, req, resp, project_id, asset_type_id):
        principal, project = self._project(req, project_id)
        resp.media = self._entities(Entity.select().where(
            Entity.project == project.id, Entity.entity_type == path_id(asset_type_id),
            Entity.id.in_(worked_entities(principal.id))), "Asset")

    @operation("Sequences whose shots the caller has tasks on")
    def on_get_sequences(self, req, resp, project_id):
        principal, project = self._project(req, project_id)
        shots = Shot.select(Shot.parent).where(Shot.id.in_(worked_entities(principal.id)))
        resp.media = self._entities(Entity.select().where(
            Entity.project == project.id, of_kind("Sequence"), Entity.id.in_(shots)),
            "Sequence")

    @operation("Episodes whose shots the caller has tasks on")
    def on_get_episodes(self, req, resp, project_id):
        principal, project = self._project(req, project_id)
        shots = Shot.select(Shot.parent).where(Shot.id.in_(worked_entities(principal.id)))
        sequences = Sequence.select(Sequence.parent).where(Sequence.id.in_(shots))
        resp.media = self._entities(Entity.select().where(
            Entity.project == project.id, of_kind("Episode"), Entity.id.in_(sequences)),
            "Episode")


class UserSequence(UserResource):
    """Shots and scenes of a sequence where the caller has tasks."""

    def _children(self, req, sequence_id, kind):
        principal = self.person(req)
        sequence = entity_of_kind(sequence_id, "Sequence")
        query = Entity.select().where(Entity.parent == sequence.id, of_kind(kind),
                                      Entity.id.in_(worked_entities(principal.id)))
        return [entity_dict(entity, kind) for entity in query.order_by(Entity.name)]

    @operation("Shots of a sequence where the caller has tasks")
    def on_get_shots(self, req, resp, sequence_id):
        resp.media = self._children(req, sequence_id, "Shot")

    @operation("Scenes of a sequence where the caller has tasks")
    def on_get_scenes(self, req, resp, sequence_id):
        resp.media = self._children(req, sequence_id, "Scene")

