"""Project routes beside the generic ones: the open and all lists, the team, the settings
(task types, task statuses, asset types, status automations) and their listings."""

import falcon
import orjson

from framework import json_body, operation, principal_of
from framework.serialize import Serializer

from plugins.persons.resources import PersonApi

from .. import schemas
from ..models import (Entity, EntityType, MetadataDescriptor, Project, ProjectTaskStatusLink,
                      StatusAutomation, TaskStatus, TaskType)
from ..services import projects
from ..services.kinds import of_kind, path_id
from .common import ProductionResource, guarded

LINK_SERIALIZER = Serializer(ProjectTaskStatusLink)
PROJECT = Serializer(Project)
ASSET_TYPE = Serializer(EntityType, type_name="AssetType")
TASK_TYPE = Serializer(TaskType)
TASK_STATUS = Serializer(TaskStatus)
AUTOMATION = Serializer(StatusAutomation)


class ProjectLists(ProductionResource):
    """``/data/projects/open`` and ``/data/projects/all`` (Kitsu's and gazu's lists)."""

    def __init__(self, dopesheet, api):
        super().__init__(dopesheet)
        self.api = api

    def _visible(self, req, extra=None):
        query = self.api.base_query(principal_of(req))
        narrowing = self.dopesheet.permissions.list_filter(principal_of(req), "list", Project)
        if narrowing is not None:
            query = query.where(narrowing)
        if req.params.get("name"):
            query = query.where(Project.name == req.params["name"])
        if extra is not None:
            query = query.where(extra)
        return query.order_by(Project.name)

    @operation("Open projects of the caller, with their settings")
    def on_get_open(self, req, resp):
        query = self._visible(req, Project.project_status.in_(projects.open_status_ids()))
        items = self.api.serialize_many(query, relations=True)
        ids = [item["id"] for item in items]
        extras = projects.full_extras(ids, self.dopesheet.permissions.list_filter(
            principal_of(req), "list", MetadataDescriptor))
        episodes = projects.first_episode_ids(ids)
        for item in items:
            item.update(extras[item["id"]])
            if item["production_type"] == "tvshow":
                item["first_episode_id"] = episodes.get(item["id"])
        resp.media = items

    @operation("Every project the caller may see")
    def on_get_all(self, req, resp):
        principal = principal_of(req)
        items = self.api.serialize_many(self._visible(req), relations=False)
        if principal.is_admin and not req.params.get("name"):
            names = projects.status_names()
            descriptors = projects.descriptor_dicts([item["id"] for item in items],
                                                    entity_type="Project")
            for item in items:
                item["project_status_name"] = names.get(item["project_status_id"])
                item["descriptors"] = descriptors.get(item["id"], [])
        resp.media = items


class Team(ProductionResource):
    @operation("Team members of a project")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id)
        roles = projects.team_roles(project.id)
        people = PersonApi(self.dopesheet).list(
            {"id": orjson.dumps(sorted(roles)).decode(), "relations": "true"},
            principal_of(req)) if roles else []
        for person in people:
            person["project_role"] = roles.get(person["id"])
        resp.media = people

    @guarded
    @operation("Add a person to a project's team", body=schemas.TeamBody, status=201)
    def on_post(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        body = json_body(req, schemas.TeamBody)
        projects.add_team_member(project, str(body["person_id"]), body["role"])
        self.changed(project)
        resp.status = falcon.HTTP_201
        resp.media = PROJECT.from_instance(project)

    @guarded
    @operation("Set a team member's role in the project", body=schemas.TeamRoleBody)
    def on_put_member(self, req, resp, project_id, person_id):
        project = self.project(req, project_id, "manage")
        body = json_body(req, schemas.TeamRoleBody)
        resp.media = projects.set_team_role(project, path_id(person_id), body["role"])
        self.changed(project)

    @guarded
    @operation("Remove a person from a project's team", status=204)
    def on_delete_member(self, req, resp, project_id, person_id):
        project = self.project(req, project_id, "manage")
        projects.remove_team_member(project, path_id(person_id))
        self.changed(project)
        resp.status = falcon.HTTP_204

    def changed(self, project):
        self.emit("project:update", {"project_id": project.id}, project.id)


def project_dict(project):
    """A project as Zou answers the settings and team routes, read again: columns only."""
    return PROJECT.from_instance(Project.get_by_id(project.id))


SETTING_BODIES = {
    "task_types": (schemas.TaskTypeSettingBody, "task_type_id"),
    "task_statuses": (schemas.TaskStatusSettingBody, "task_status_id"),
    "asset_types": (schemas.AssetTypeSettingBody, "asset_type_id"),
    "status_automations": (schemas.AutomationSettingBody, "status_automation_id"),
}


class Settings(ProductionResource):
    """``/data/projects/{id}/settings/<kind>``: add, list and remove one kind of setting.
    ``GET .../settings/task-types`` answers 405 in Zou 1.0.97 while gazu's
    ``get_project_task_types`` calls it: it is served here."""

    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind

    @operation("The settings of one kind linked to a project")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id,
                               "manage" if self.kind == "status_automations" else "read")
        resp.media = setting_dicts(project.id, self.kind)

    @guarded
    @operation("Link a setting to a project", status=201)
    def on_post(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        schema, key = SETTING_BODIES[self.kind]
        body = json_body(req, schema)
        target_id = str(body.pop(key))
        projects.add_setting(project, self.kind, target_id, body)
        self.emit("project:update", {"project_id": project.id}, project.id)
        resp.status = falcon.HTTP_201
        resp.media = PROJECT.from_instance(project)

    @guarded
    @operation("Unlink a setting from a project", status=204)
    def on_delete_item(self, req, resp, project_id, **ids):
        project = self.project(req, project_id, "manage")
        (target_id,) = ids.values()
        projects.remove_setting(project, self.kind, path_id(target_id))
        self.emit("project:update", {"project_id": project.id}, project.id)
        resp.status = falcon.HTTP_204


class TaskStatusSettings(Settings):
    @guarded
    @operation("Set a project's client override of a task status",
               body=schemas.TaskStatusOverrideBody)
    def on_put_item(self, req, resp, project_id, task_status_id):
        project = self.project(req, project_id, "manage")
        body = json_body(req, schemas.TaskStatusOverrideBody)
        link = projects.override_status(project, path_id(task_status_id),
                                        body["is_client_allowed"])
        resp.media = LINK_SERIALIZER.from_instance(link)


class AssetTypeSettings(Settings):
    """Zou has no GET here (405)."""

    on_get = None


def setting_dicts(project_id, kind):
    serializer = {"task_types": TASK_TYPE, "task_statuses": TASK_STATUS,
                  "asset_types": ASSET_TYPE, "status_automations": AUTOMATION}[kind]
    query = projects.linked(project_id, kind)
    return [serializer.from_values(values) for values in serializer.select(query)]


class SettingsBatch(ProductionResource):
    @guarded
    @operation("Link task types, task statuses and asset types in one call")
    def on_post(self, req, resp, project_id):
        project = self.project(req, project_id, "manage")
        body = json_body(req, schemas.SettingsBatchBody)
        projects.apply_batch(project, body)
        self.emit("project:update", {"project_id": project.id}, project.id)
        resp.media = project_dict(project)


class ProjectTaskTypes(ProductionResource):
    @operation("Task types of a project")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id)
        resp.media = setting_dicts(project.id, "task_types")


class ProjectAssetTypes(ProductionResource):
    """Asset types of the assets of a project (not its settings: Zou's answer)."""

    @operation("Asset types used by a project's assets")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id)
        used = Entity.select(Entity.entity_type).where(Entity.project == project.id,
                                                       of_kind("Asset"))
        query = EntityType.select().where(EntityType.id.in_(used)).order_by(EntityType.name)
        resp.media = [ASSET_TYPE.from_values(values) for values in ASSET_TYPE.select(query)]

