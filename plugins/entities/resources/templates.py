"""Project template routes beside the generic ones: the settings links of a template, its
descriptor snapshot, a template made from a project, a template applied to a project."""

import falcon

from framework import BadRequest, Route, json_body, operation
from framework.serialize import Serializer

from .. import schemas
from ..models import (ProjectTemplate, ProjectTemplateTaskStatusLink,
                      ProjectTemplateTaskTypeLink)
from ..services import templates
from ..services.kinds import path_id
from .common import ProductionResource, guarded
from .projects import AUTOMATION, TASK_STATUS, TASK_TYPE, project_dict

TEMPLATE = Serializer(ProjectTemplate)
NOT_LINKED = "Preview background file is not linked to this template"
LINK_SERIALIZERS = {"task-types": Serializer(ProjectTemplateTaskTypeLink),
                    "task-statuses": Serializer(ProjectTemplateTaskStatusLink)}
BODIES = {
    "task-types": (schemas.TaskTypeSettingBody, "task_type_id"),
    "task-statuses": (schemas.TemplateTaskStatusBody, "task_status_id"),
    "asset-types": (schemas.AssetTypeSettingBody, "asset_type_id"),
    "status-automations": (schemas.AutomationSettingBody, "status_automation_id"),
}


def link_view(kind, target, link):
    """A template's linked row as Zou lists it (the link's values over the target's)."""
    if kind == "task-types":
        item = TASK_TYPE.from_instance(target)
        item["priority"] = link.priority
        item.update(hd_bitrate_compression=link.hd_bitrate_compression,
                    ld_bitrate_compression=link.ld_bitrate_compression,
                    is_client_visible=link.is_client_visible)
        return item
    if kind == "task-statuses":
        item = TASK_STATUS.from_instance(target)
        item["priority"] = link.priority
        item.update(roles_for_board=link.roles_for_board,
                    link_is_client_allowed=link.is_client_allowed)
        return item
    if kind == "asset-types":
        return {"id": target.id, "name": target.name}
    return AUTOMATION.from_instance(target)


class TemplateLinks(ProductionResource):
    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind

    def _template(self, req, template_id, action):
        template = templates.get_template(path_id(template_id))
        self.require(req, action, ProjectTemplate, template)
        return template

    @operation("The settings of one kind in a project template")
    def on_get(self, req, resp, project_template_id):
        template = self._template(req, project_template_id, "read")
        resp.media = [link_view(self.kind, target, link)
                      for target, link in templates.linked(template.id, self.kind)]

    @guarded
    @operation("Attach a setting to a project template", status=201)
    def on_post(self, req, resp, project_template_id):
        template = self._template(req, project_template_id, "update")
        schema, key = BODIES[self.kind]
        body = json_body(req, schema)
        target_id = str(body.pop(key))
        link = templates.attach(template, self.kind, target_id,
                                {key: value for key, value in body.items() if value is not None})
        resp.status = falcon.HTTP_201
        if self.kind in LINK_SERIALIZERS:
            resp.media = LINK_SERIALIZERS[self.kind].from_instance(link)
        else:
            target = templates.LINKS[self.kind][0].get_by_id(target_id)
            resp.media = link_view(self.kind, target, None)

    @guarded
    @operation("Detach a setting from a project template", status=204)
    def on_delete_item(self, req, resp, project_template_id, **ids):
        template = self._template(req, project_template_id, "update")
        (target_id,) = ids.values()
        templates.detach(template, self.kind, path_id(target_id))
        resp.status = falcon.HTTP_204

    @guarded
    @operation("Reorder a template's task types or statuses")
    def on_post_reorder(self, req, resp, project_template_id):
        template = self._template(req, project_template_id, "update")
        key = "task_type_ids" if self.kind == "task-types" else "task_status_ids"
        body = json_body(req, schemas.TemplateOrderBody)
        templates.reorder(template, self.kind, body.get(key) or [])
        serializer = LINK_SERIALIZERS[self.kind]
        resp.media = [serializer.from_instance(link)
                      for _, link in templates.linked(template.id, self.kind)]


class TemplateActions(ProductionResource):
    @guarded
    @operation("Replace a template's metadata descriptor snapshot",
               body=schemas.TemplateDescriptorsBody)
    def on_put_descriptors(self, req, resp, project_template_id):
        template = self._update(req, project_template_id,
                                metadata_descriptors=json_body(req, schemas.TemplateDescriptorsBody)[
                                    "metadata_descriptors"])
        resp.media = TEMPLATE.from_instance(template)

    @guarded
    @operation("Set a template's default preview background",
               body=schemas.TemplateBackgroundBody)
    def on_put_background(self, req, resp, project_template_id):
        value = json_body(req, schemas.TemplateBackgroundBody)["default_preview_background_file_id"]
        template = self._update(req, project_template_id,
                                default_preview_background_file_id=value and str(value))
        resp.media = TEMPLATE.from_instance(template)

    def _update(self, req, template_id, **changes):
        template = templates.get_template(path_id(template_id))
        self.require(req, "update", ProjectTemplate, template)
        background_id = changes.get("default_preview_background_file_id")
        if background_id is not None and not templates.has_background(template.id,
                                                                      background_id):
            raise BadRequest(NOT_LINKED, data=None)
        for key, value in changes.items():
            setattr(template, key, value)
        template.save()
        return template

    @guarded
    @operation("Make a template of a project's settings", body=schemas.TemplateFromProjectBody,
               status=201)
    def on_post_from_project(self, req, resp, project_id):
        project = self.project(req, project_id)
        self.require(req, "create", ProjectTemplate)
        body = json_body(req, schemas.TemplateFromProjectBody)
        template = templates.from_project(project, body["name"], body["description"])
        resp.status = falcon.HTTP_201
        resp.media = TEMPLATE.from_instance(template)

    @guarded
    @operation("Apply a template's settings to a project")
    def on_post_apply(self, req, resp, project_id, project_template_id):
        project = self.project(req, project_id)
        template = templates.get_template(path_id(project_template_id))
        self.require(req, "apply", ProjectTemplate, template)
        templates.apply_to_project(template, project)
        self.emit("project:update", {"project_id": project.id}, project.id)
        resp.media = project_dict(project)


def routes(dopesheet):
    found = []
    base = "/data/project-templates/{project_template_id}"
    for kind in templates.LINKS:
        resource = TemplateLinks(dopesheet, kind)
        found += [Route(f"{base}/{kind}", resource),
                  Route(f"{base}/{kind}/{{{BODIES[kind][1]}}}", resource, suffix="item")]
        if kind in LINK_SERIALIZERS:
            found.append(Route(f"/actions/project-templates/{{project_template_id}}/{kind}"
                               "/reorder", resource, suffix="reorder"))
    actions = TemplateActions(dopesheet)
    return found + [
        Route(f"{base}/metadata-descriptors", actions, suffix="descriptors"),
        Route(f"{base}/default-preview-background-file", actions, suffix="background"),
        Route("/data/project-templates/from-project/{project_id}", actions,
              suffix="from_project"),
        Route("/data/projects/{project_id}/apply-template/{project_template_id}", actions,
              suffix="apply"),
    ]

