"""The preview backgrounds offered by a project (``/data/projects/{id}/settings/
preview-background-files``) and by a project template (``/data/project-templates/{id}/
preview-background-files``): the link tables belong to the entities plugin, the backgrounds
to this one."""

import falcon

from framework import BadRequest, Forbidden, NotFound, emit, operation, principal_of
from framework.crud import parse_instance_id

from plugins.entities.models import (Project, ProjectPreviewBackgroundFileLink, ProjectTemplate,
                                     ProjectTemplatePreviewBackgroundFileLink)
from plugins.entities.resources.projects import project_dict

from ..models import PreviewBackgroundFile
from ..schemas import BackgroundLinkBody
from ..services import presenters
from .common import FilesResource, read_body, row_or_404

TEMPLATE_NOT_FOUND = "Project template not found"
TEMPLATE_READERS = ("admin", "manager")


def linked_backgrounds(link_owner, owner_id):
    link = link_owner.model
    return (PreviewBackgroundFile.select()
            .join(link, on=(link.preview_background_file_id == PreviewBackgroundFile.id))
            .where(link_owner == owner_id).order_by(PreviewBackgroundFile.name))


def template_entry(background):
    """A template's background as Zou lists it."""
    return {"id": background.id, "name": background.name,
            "is_default": bool(background.is_default)}


class ProjectBackgrounds(FilesResource):
    @operation("The preview backgrounds of a project")
    def on_get(self, req, resp, project_id):
        project = row_or_404(Project, project_id)
        self.access(req).project_member(project.id)
        resp.media = presenters.rows(presenters.BACKGROUND, linked_backgrounds(
            ProjectPreviewBackgroundFileLink.project, project.id))

    @operation("Offer a preview background in a project (its managers); answers the project",
               body=BackgroundLinkBody, status=201)
    def on_post(self, req, resp, project_id):
        body = read_body(req, BackgroundLinkBody)
        project = row_or_404(Project, project_id)
        self.access(req).project_manager(project.id)
        background_id = str(body["preview_background_file_id"])
        if PreviewBackgroundFile.get_or_none(PreviewBackgroundFile.id == background_id) is None:
            raise BadRequest(f"PreviewBackgroundFile with id {background_id} not found",
                             data=None)
        ProjectPreviewBackgroundFileLink.insert(
            project=project.id, preview_background_file_id=background_id
        ).on_conflict_ignore().execute()
        emit("project:update", {}, project_id=project.id)
        resp.media = project_dict(project)
        resp.status = falcon.HTTP_201

    @operation("Stop offering a preview background in a project (its managers)", status=204)
    def on_delete_item(self, req, resp, project_id, preview_background_file_id):
        project = row_or_404(Project, project_id)
        self.access(req).project_manager(project.id)
        ProjectPreviewBackgroundFileLink.delete().where(
            ProjectPreviewBackgroundFileLink.project == project.id,
            ProjectPreviewBackgroundFileLink.preview_background_file_id
            == parse_instance_id(preview_background_file_id)).execute()
        emit("project:update", {}, project_id=project.id)
        resp.status = falcon.HTTP_204


class TemplateBackgrounds(FilesResource):
    @staticmethod
    def template(template_id):
        try:
            return row_or_404(ProjectTemplate, template_id)
        except NotFound:
            raise NotFound(TEMPLATE_NOT_FOUND) from None

    @staticmethod
    def require_admin(req):
        if not principal_of(req).is_admin:
            raise Forbidden()

    @operation("The preview backgrounds of a project template (managers and admins)")
    def on_get(self, req, resp, project_template_id):
        if principal_of(req).role not in TEMPLATE_READERS:
            raise Forbidden()
        template = self.template(project_template_id)
        resp.media = [template_entry(background) for background in linked_backgrounds(
            ProjectTemplatePreviewBackgroundFileLink.project_template, template.id)]

    @operation("Attach a preview background to a project template (admins)",
               body=BackgroundLinkBody, status=201)
    def on_post(self, req, resp, project_template_id):
        self.require_admin(req)
        background_id = str(read_body(req, BackgroundLinkBody)["preview_background_file_id"])
        background = PreviewBackgroundFile.get_or_none(PreviewBackgroundFile.id == background_id)
        if background is None:
            raise BadRequest(f"Preview background file {background_id} does not exist",
                             data=None)
        template = self.template(project_template_id)
        ProjectTemplatePreviewBackgroundFileLink.insert(
            project_template=template.id, preview_background_file_id=background.id
        ).on_conflict_ignore().execute()
        emit("project-template:update", {"project_template_id": template.id})
        resp.media = template_entry(background)
        resp.status = falcon.HTTP_201

    @operation("Detach a preview background from a project template, and stop using it as "
               "the template's default (admins)", status=204)
    def on_delete_item(self, req, resp, project_template_id, preview_background_file_id):
        self.require_admin(req)
        template = self.template(project_template_id)
        background_id = parse_instance_id(preview_background_file_id)
        ProjectTemplatePreviewBackgroundFileLink.delete().where(
            ProjectTemplatePreviewBackgroundFileLink.project_template == template.id,
            ProjectTemplatePreviewBackgroundFileLink.preview_background_file_id
            == background_id).execute()
        ProjectTemplate.update(default_preview_background_file_id=None).where(
            ProjectTemplate.id == template.id,
            ProjectTemplate.default_preview_background_file_id == background_id).execute()
        emit("project-template:update", {"project_template_id": template.id})
        resp.status = falcon.HTTP_204
