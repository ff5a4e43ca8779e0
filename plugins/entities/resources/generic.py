"""The generic model routes (``/data/<plural>``) of the plugin's models, through the core's
``ModelApi``, with each model's Zou rules (checks, defaults, extra keys, events)."""

import peewee

from framework import BadRequest, ModelApi, NotFound
from framework.crud import parse_instance_id
from framework.filters import parse_bool
from framework.prepared import Prepared
from framework.serialize import joined_ids, linked_ids_column, split_ids

from ..models import (AssetInstance, Entity, EntityLink, EntityType, MetadataDescriptor,
                      Project, ProjectPreviewBackgroundFileLink, ProjectStatus,
                      ProjectTaskTypeLink, ProjectTemplate,
                      ProjectTemplatePreviewBackgroundFileLink, StatusAutomation, TaskStatus,
                      TaskType)
from ..services import deletion, descriptors, naming, projects, templates
from ..services.kinds import asset_type_ids, entity_kind, type_names
from ..services.presenters import (add_relations, background_ids, entity_of,
                                   entity_relations, place_relations, with_relations)


class OrderedApi(ModelApi):
    """Relations placed where Zou places them (``presenters.place_relations``), with
    ``preview_background_files`` among them for the models having ``background_link`` (the
    owner column of their link table: those files belong to a later plugin)."""

    late_relations = ()
    relations_after = {}
    background_link = None

    def present(self, items, principal, many):
        names = tuple(self.relations)
        if not (items and names and names[0] in items[0]):
            return items
        if self.background_link is not None:
            if "preview_background_files" not in items[0]:
                found = background_ids(self.background_link, [item["id"] for item in items])
                for item in items:
                    item["preview_background_files"] = found.get(item["id"], [])
            names += ("preview_background_files",)
        return [place_relations(item, names, self.late_relations, self.relations_after)
                for item in items]


class ProjectApi(OrderedApi):
    """Zou's project answers: the settings relations plus ``preview_background_files``,
    ``first_episode_id`` for a tvshow, and on single reads ``project_status_name`` and
    (with relations) the descriptors and settings links."""

    model = Project
    plural = "projects"
    protected = ("team",)
    background_link = ProjectPreviewBackgroundFileLink.project

    def load_create(self, body):
        body = dict(body)
        template_id = body.pop("project_template_id", None)
        data = super().load_create(body)
        data["project_template_id"] = template_id
        return data

    def create(self, data, principal):
        template_id = data.pop("project_template_id")
        self.check(data)
        data.setdefault("project_status_id", projects.status_named("Open").id)
        project = super().create(data, principal)
        if template_id:
            templates.apply_to_project(templates.get_template(template_id), project,
                                       keep=set(data))
            project = Project.get_by_id(project.id)
        if project.production_type == "tvshow":
            projects.create_first_episode(project, principal.id)
        project.created_now = True
        return project

    def update(self, project, data, principal):
        self.check(data, project)
        project = super().update(project, data, principal)
        project.read_now = False
        return project

    def check(self, data, project=None):
        projects.check_fields(data)
        self.dopesheet.hooks.call("project_checking", data=data, project=project,
                                  dopesheet=self.dopesheet)

    def delete(self, project, principal, force=False):
        deletion.delete_project(project, force, self.dopesheet)

    def get_instance(self, instance_id, principal):
        """The project with its status name and relation lists (one query), read for an
        answer."""
        project = next(_PROJECT_READ.rows(parse_instance_id(instance_id)), None)
        if project is None:
            raise NotFound()
        project.read_now = True
        return project

    def relation_lists(self, project):
        if not getattr(project, "read_now", False):
            return super().relation_lists(project)
        return {name: split_ids(getattr(project, f"linked_{name}"))
                for name in (*self.relations, "preview_background_files")}

    def serialize(self, project, relations, principal):
        item = super().serialize(project, relations, principal)
        read_now = getattr(project, "read_now", False)
        if relations and read_now:
            narrowing = self.dopesheet.permissions.list_filter(principal, "list",
                                                               MetadataDescriptor)
            item.update(projects.full_extras([project.id], narrowing)[project.id])
        if relations or not read_now:
            projects.with_episode(item, project)
        if read_now:
            item["project_status_name"] = project.status_name
        return item

    def serialize_many(self, query, relations):
        """Projects of a query as the generic list answers them."""
        items = [self.serializer.from_values(values) for values in self.serializer.select(query)]
        if relations and items:
            ids = [item["id"] for item in items]
            self.serializer.add_relations(items, self.serializer.relation_ids(ids))
        return self.present(items, None, many=True)


_PROJECT_READ = Prepared(lambda project_id: (
    Project.select(
        Project, ProjectStatus.name.alias("status_name"),
        *(linked_ids_column(relation, Project.id).alias(f"linked_{name}")
          for name, relation in Project._meta.manytomany.items()),
        joined_ids(ProjectPreviewBackgroundFileLink.preview_background_file_id,
                   ProjectPreviewBackgroundFileLink.project, Project.id)
        .alias("linked_preview_background_files"))
    .join(ProjectStatus, peewee.JOIN.LEFT_OUTER, on=(Project.project_status == ProjectStatus.id))
    .where(Project.id == project_id).limit(1).objects()))
"""A project read by id: its status name and relation lists come with it (``linked_*``)."""


class ProjectStatusApi(ModelApi):
    model = ProjectStatus
    plural = "project-status"


class EntityTypeApi(OrderedApi):
    model = EntityType
    plural = "entity-types"
    relations_after = {"task_types": "description"}

    def create(self, data, principal):
        name = data.get("name") or ""
        if EntityType.select().where(peewee.fn.LOWER(EntityType.name) == name.lower()).exists():
            raise BadRequest("Entity type with this name already exists", data=None)
        return super().create(data, principal)

    def emit(self, suffix, instance):
        self.dopesheet.emit(f"asset-type:{suffix}", {"asset_type_id": instance.id})


class AssetTypeApi(EntityTypeApi):
    """The asset types (entity types of no temporal kind), typed ``AssetType``: read by
    ``/data/asset-types``, written through ``/data/entity-types``."""

    type_name = "AssetType"

    def base_query(self, principal):
        return EntityType.select().where(EntityType.id.in_(asset_type_ids()))


class TaskTypeApi(ModelApi):
    model = TaskType
    plural = "task-types"

    def create(self, data, principal):
        name = (data.get("name") or "").lower()
        if TaskType.select().where(peewee.fn.LOWER(TaskType.name) == name).exists():
            raise BadRequest("A task type with similar name already exists", data=None)
        return super().create(data, principal)

    def delete(self, task_type, principal, force=False):
        links = ProjectTaskTypeLink.select().where(ProjectTaskTypeLink.task_type == task_type.id)
        if links.exists() and not force:
            raise BadRequest("Task type is attached to projects. Re-issue the request with "
                             "force=true to detach.", data=None)
        super().delete(task_type, principal, force)


class TaskStatusApi(ModelApi):
    model = TaskStatus
    plural = "task-status"

    def create(self, data, principal):
        status = super().create(data, principal)
        if data.get("is_default"):
            self._single_default(status)
        return status

    def update(self, status, data, principal):
        status = super().update(status, data, principal)
        if data.get("is_default"):
            self._single_default(status)
        return status

    @staticmethod
    def _single_default(status):
        """One default status for tasks and one for concepts, as in Zou."""
        (TaskStatus.update(is_default=False)
         .where(TaskStatus.id != status.id,
                TaskStatus.for_concept == bool(status.for_concept)).execute())


class StatusAutomationApi(ModelApi):
    model = StatusAutomation
    plural = "status-automations"


class EntityApi(ModelApi):
    """``/data/entities``: every kind of entity row; ``type`` is the row's kind."""

    model = Entity
    plural = "entities"
    protected = ("type", "shotgun_id", "created_by")
    relations_on_update = True

    def list(self, params, principal):
        wanted = parse_bool(params.get("relations"), False)
        result = super().list({key: value for key, value in params.items()
                               if key != "relations"}, principal)
        if wanted:
            items = result if isinstance(result, list) else result["data"]
            items[:] = add_relations(items)
        return result

    def present(self, items, principal, many):
        if many and items:
            kinds = type_names()
            for item in items:
                item["type"] = kinds.get(item["entity_type_id"], "Asset")
            return [{"id": item["id"], **item} for item in items]
        return items

    def serialize(self, entity, relations, principal):
        kind = "Entity" if getattr(entity, "created_now", False) else entity_kind(entity)
        item = entity_of(entity, kind)
        if relations:
            item = with_relations(item, entity_relations([entity.id]))
        return item

    def create(self, data, principal):
        data.setdefault("created_by", principal.id)
        entity = super().create(data, principal)
        entity.created_now = True
        return entity

    def update(self, entity, data, principal):
        if "data" in data and isinstance(data["data"], dict):
            data["data"] = {**(entity.data or {}), **data["data"]}
        naming.check_rename(entity, data)
        return super().update(entity, data, principal)

    def delete(self, entity, principal, force=False):
        deletion.delete_entity(entity, entity_kind(entity), force, self.dopesheet)

    def emit(self, suffix, entity):
        kind = entity_kind(entity).lower()
        self.dopesheet.emit(f"{kind}:{suffix}", {f"{kind}_id": entity.id,
                                                 "project_id": entity.project_id},
                            project_id=entity.project_id)


class EntityLinkApi(ModelApi):
    model = EntityLink
    plural = "entity-links"


class AssetInstanceApi(OrderedApi):
    model = AssetInstance
    plural = "asset-instances"
    protected = ("number",)
    late_relations = ("shots",)


class MetadataDescriptorApi(OrderedApi):
    model = MetadataDescriptor
    plural = "metadata-descriptors"

    def list(self, params, principal):
        """Zou lists descriptors with their departments when nothing is asked."""
        return super().list(params or {"relations": "true"}, principal)

    def create(self, data, principal):
        descriptors.check_data_type(data)
        return super().create(data, principal)

    def update(self, descriptor, data, principal):
        descriptors.check_data_type(data)
        return super().update(descriptor, data, principal)


class ProjectTemplateApi(OrderedApi):
    """Zou answers a template's creation without its relations."""

    model = ProjectTemplate
    plural = "project-templates"
    background_link = ProjectTemplatePreviewBackgroundFileLink.project_template

    def create(self, data, principal):
        self.check(data)
        template = super().create(data, principal)
        template.created_now = True
        return template

    def update(self, template, data, principal):
        self.check(data, template)
        return super().update(template, data, principal)

    def check(self, data, template=None):
        """A template's columns become a project's: the same plugins check them."""
        self.dopesheet.hooks.call("project_checking", data=data, project=template,
                                  dopesheet=self.dopesheet)

    def serialize(self, template, relations, principal):
        return super().serialize(template, relations and not getattr(template, "created_now",
                                                                     False), principal)


APIS = (ProjectApi, ProjectStatusApi, EntityTypeApi, TaskTypeApi, TaskStatusApi,
        StatusAutomationApi, EntityApi, EntityLinkApi, AssetInstanceApi, MetadataDescriptorApi,
        ProjectTemplateApi)
