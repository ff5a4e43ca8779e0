"""Reading tasks: one task in full, the tasks of an entity (per kind, as Zou's entity
blueprints list them), of an entity and a type, of a project (paginated), of a person."""

from framework import Forbidden, NotFound, operation, principal_of
from framework.filters import parse_page
from framework.serialize import Serializer

from plugins.entities.models import Entity, EntityType, Project, TaskStatus, TaskType
from plugins.persons.models import DepartmentLink, Person

from ..models import Subscription, Task
from ..services import access, loading, presenters, task_views
from ..services.kinds import entity_of_kind, of_kind
from ..services.loading import path_id
from ..services.rules import caller_for
from .common import TasksResource, page_number, parse_relations

ENTITY = Serializer(Entity)
ENTITY_TYPE = Serializer(EntityType)
PROJECT = Serializer(Project)
TASK_TYPE = Serializer(TaskType)
Sequence = Entity.alias("sequence")


def entity_dict(entity, kind="Entity"):
    """Zou's entity serialisation: ``id`` first, ``type`` the kind."""
    item = ENTITY.from_instance(entity)
    item["type"] = kind
    return {"id": item["id"], **item}


class FullTask(TasksResource):
    @operation("A task with its entity, project, type, status, assignees and assigner")
    def on_get(self, req, resp, task_id):
        task = self.task(req, task_id)
        principal = principal_of(req)
        item = presenters.task_dict(task)
        entity = Entity.get_by_id(task.entity_id)
        entity_type = EntityType.get_by_id(entity.entity_type_id)
        assignees = Person.select().where(Person.id.in_(item["assignees"]))
        item.update(
            entity=entity_dict(entity), entity_type=ENTITY_TYPE.from_instance(entity_type),
            is_subscribed=Subscription.select().where(Subscription.task == task.id,
                                                      Subscription.person == principal.id)
            .exists(),
            persons=[presenters.person_dict(person) for person in assignees],
            project=PROJECT.from_instance(Project.get_by_id(task.project_id)),
            task_status=presenters.status_dict(TaskStatus.get_by_id(task.task_status_id)),
            task_type=TASK_TYPE.from_instance(TaskType.get_by_id(task.task_type_id)),
            type="Task")
        assigner = Person.get_or_none(Person.id == task.assigner_id)
        if assigner is not None:
            item["assigner"] = with_departments(assigner)
        item.update(parents(entity, entity_type.name))
        if caller_for(principal, task).role == "client":
            item = presenters.blank_for_client(item)
            item["persons"] = []
            item.pop("assigner", None)
        resp.media = item


def with_departments(person):
    """A person's dict with its department ids where Zou places them (before
    ``studio_id``)."""
    departments = [row.department_id for row in DepartmentLink.select(
        DepartmentLink.department).where(DepartmentLink.person == person.id)]
    placed = {}
    for key, value in presenters.person_dict(person).items():
        if key == "studio_id":
            placed["departments"] = departments
        placed[key] = value
    return placed


def parents(entity, kind):
    """Zou's ``sequence`` and ``episode`` keys of a full task."""
    if entity.parent_id is None or kind not in ("Sequence", "Shot", "Scene"):
        return {}
    sequence = entity if kind == "Sequence" else Entity.get_by_id(entity.parent_id)
    found = {"sequence": entity_dict(sequence, "Sequence")}
    if sequence.parent_id is not None:
        found["episode"] = entity_dict(Entity.get_by_id(sequence.parent_id), "Episode")
    return found


ENTITY_KINDS = {
    # plural: (path field, kind, honours ?relations)
    "shots": ("shot_id", "Shot", True), "assets": ("asset_id", "Asset", True),
    "sequences": ("sequence_id", "Sequence", True), "episodes": ("episode_id", "Episode", False),
    "scenes": ("scene_id", "Scene", False), "edits": ("edit_id", "Edit", True),
    "concepts": ("concept_id", "Concept", True),
}
class EntityTaskLists(TasksResource):
    """``/data/<kind>/{id}/tasks`` and the aggregated lists of sequences and episodes."""

    def __init__(self, dopesheet, kind, honours_relations):
        super().__init__(dopesheet)
        self.kind = kind
        self.honours_relations = honours_relations

    def _entity(self, req, ids):
        (entity_id,) = ids.values()
        entity = entity_of_kind(entity_id, self.kind)
        self.require(req, "read", Entity, entity)
        return entity

    def _relations(self, req):
        return self.honours_relations and parse_relations(req)

    @operation("Tasks of an entity, with project, type, status and entity names")
    def on_get(self, req, resp, **ids):
        entity = self._entity(req, ids)
        where = Task.entity == entity.id
        if self.kind in ("Sequence", "Episode") and principal_of(req).role == "vendor":
            where &= access.assigned(principal_of(req).id)
        resp.media = task_views.detailed_rows(where, self._relations(req))

    def _aggregate(self, req, ids, where):
        entity = self._entity(req, ids)
        if access.caller_in(principal_of(req), entity.project_id).role == "vendor":
            raise Forbidden()
        resp_where = where(entity)
        return task_views.detailed_rows(resp_where, parse_relations(req))

    @operation("Tasks of the shots of a sequence or an episode")
    def on_get_shot_tasks(self, req, resp, **ids):
        if self.kind == "Sequence":
            resp.media = self._aggregate(req, ids, lambda entity: Entity.parent == entity.id)
        else:
            resp.media = self._aggregate(req, ids, lambda entity: Entity.parent.in_(
                Sequence.select(Sequence.id).where(Sequence.parent == entity.id)))

    @operation("Tasks of the assets of an episode")
    def on_get_asset_tasks(self, req, resp, **ids):
        resp.media = self._aggregate(req, ids, lambda entity: (
            (Entity.source == entity.id) & of_kind("Asset")))

    @operation("Tasks of the edits of an episode")
    def on_get_edit_tasks(self, req, resp, **ids):
        resp.media = self._aggregate(req, ids, lambda entity: (
            (Entity.parent == entity.id) & of_kind("Edit")))


class EntityTypeTasks(TasksResource):
    @operation("Tasks of an entity for a task type")
    def on_get(self, req, resp, entity_id, task_type_id):
        entity = Entity.get_or_none(Entity.id == path_id(entity_id))
        if entity is None:
            raise NotFound()
        self.require(req, "read", Project, Project.get_by_id(entity.project_id))
        query = Task.select().where(Task.entity == entity.id,
                                    Task.task_type == path_id(task_type_id)).order_by(Task.name)
        items = presenters.task_dicts(query)
        if access.caller_in(principal_of(req), entity.project_id).role == "client":
            items = [presenters.blank_for_client(item) for item in items]
        resp.media = items


class ProjectTasks(TasksResource):
    @operation("Tasks of a project with their assignees (?page, ?task_type_id, ?episode_id)")
    def on_get(self, req, resp, project_id):
        project = loading.get_project(project_id)
        principal = self.require(req, "read", Project, project)
        query = Task.select().where(Task.project == project.id)
        if req.params.get("task_type_id"):
            query = query.where(Task.task_type == path_id(req.params["task_type_id"]))
        if req.params.get("episode_id"):
            sequences = Sequence.select(Sequence.id).where(
                Sequence.parent == path_id(req.params["episode_id"]))
            query = query.where(Task.entity.in_(
                Entity.select(Entity.id).where(Entity.parent.in_(sequences))))
        if principal.role == "vendor":
            query = query.where(access.assigned(principal.id))
        query = query.order_by(Task.updated_at.desc())
        number = page_number(req)
        if number < 1:
            resp.media = presenters.task_dicts(query, relations=True)
            return
        settings = self.dopesheet.settings["api"]
        page = parse_page({"page": number}, settings["page_size"], settings["max_page_size"])
        items = presenters.task_dicts(query.limit(page.limit).offset(page.offset), True)
        resp.media = page.envelope(items, query.order_by().count())


class PersonTasks(TasksResource):
    """A person's open tasks, done tasks and tasks related to a type (open projects the
    caller shares; clients see none, vendors only their own)."""

    def _person(self, req, person_id):
        person = Person.get_or_none(Person.id == path_id(person_id))
        if person is None:
            raise NotFound()
        principal = principal_of(req)
        if person.is_bot or (principal.role == "vendor" and person.id != principal.id):
            raise Forbidden()
        return person

    def _todo(self, req, person_id, done):
        person = self._person(req, person_id)
        principal = principal_of(req)
        if principal.role == "client" or (principal.role == "vendor"
                                          and person.role == "vendor"):
            return []
        project_ids = (access.open_project_ids() if principal.is_admin
                       else access.open_team_project_ids(principal.id))
        return person_todo(person.id, project_ids, done)

    @operation("Open tasks of a person")
    def on_get(self, req, resp, person_id):
        resp.media = self._todo(req, person_id, done=False)

    @operation("Done tasks of a person")
    def on_get_done(self, req, resp, person_id):
        resp.media = self._todo(req, person_id, done=True)

    @operation("Tasks of a type on the entities where a person has tasks")
    def on_get_related(self, req, resp, person_id, task_type_id):
        person = self._person(req, person_id)
        entities = (Task.select(Task.entity)
                    .where(access.assigned(person.id),
                           access.among(Task.project, access.open_project_ids())))
        resp.media = presenters.task_dicts(Task.select().where(
            Task.entity.in_(entities), Task.task_type == path_id(task_type_id)))


def person_todo(person_id, project_ids, done):
    """Zou's ``get_person_tasks``: the person's tasks in ``project_ids``, not done (or done,
    newest end first), in the to-do shape."""
    query = task_views.enriched_query(
        access.assigned(person_id), access.among(Task.project, project_ids),
        TaskStatus.is_done == done)
    if done:
        query = query.order_by(Task.end_date.desc(nulls="FIRST"), TaskType.name, Entity.name)
    return task_views.todo_rows(query, with_casting=True)
