"""Preview routes: a new (or extra) empty preview on a comment, its media upload, removing
it from its comment, the main preview of an entity, position and annotations, a task's
and a project's previews, the ones still waiting."""

import uuid

import falcon

from framework import BadRequest, Forbidden, NotFound, operation, principal_of
from framework.filters import parse_page

from plugins.entities.models import Entity, Project
from plugins.tasks.models import Comment, CommentPreviewLink, Task

from ..models import PreviewFile
from ..schemas import AddPreviewBody, AnnotationsBody, MainPreviewBody, PositionBody
from ..services import annotations, presenters, previews
from ..services.access import task_row
from .common import FilesResource, read_body, row_or_404

NO_FRAME_ON_PICTURE = "Can't use a given frame on non movie preview"
NO_PREVIEW = "This task has no preview file to set as the main preview."


class CommentPreviews(FilesResource):
    def _comment(self, req, task_id, comment_id):
        task = self.access(req).task(task_id, "act")
        comment = row_or_404(Comment, comment_id)
        return task, comment

    @operation("Add an empty preview to a comment (next revision unless given); upload its "
               "media to /pictures/preview-files/{id}", body=AddPreviewBody, status=201)
    def on_post(self, req, resp, task_id, comment_id):
        body = read_body(req, AddPreviewBody)
        task, comment = self._comment(req, task_id, comment_id)
        resp.media = previews.add_to_comment(comment, task, principal_of(req).id,
                                             body["revision"])
        resp.status = falcon.HTTP_201

    @operation("Add an extra preview to a comment, in the revision of another", status=201)
    def on_post_extra(self, req, resp, task_id, comment_id, preview_file_id):
        task, comment = self._comment(req, task_id, comment_id)
        related = row_or_404(PreviewFile, preview_file_id)
        resp.media = previews.add_to_comment(comment, task, principal_of(req).id,
                                             related.revision)
        resp.status = falcon.HTTP_201

    @operation("Remove a preview from a comment", status=204)
    def on_delete_extra(self, req, resp, task_id, comment_id, preview_file_id):
        task, comment = self._comment(req, task_id, comment_id)
        preview = row_or_404(PreviewFile, preview_file_id)
        if preview.task_id != task.id or not CommentPreviewLink.select().where(
                CommentPreviewLink.comment == comment.id,
                CommentPreviewLink.preview_file == preview.id).exists():
            raise NotFound()
        previews.remove([preview], self.dopesheet)
        resp.status = falcon.HTTP_204


class PreviewUpload(FilesResource):
    @operation("Upload the media of a preview (multipart `file`): PNG/JPEG pictures get "
               "thumbnails, movies and other media are stored as they are", status=201)
    def on_post(self, req, resp, instance_id):
        preview = row_or_404(PreviewFile, instance_id)
        if preview.original_name:
            raise BadRequest(previews.REUPLOAD)
        self.access(req).task(preview.task_id, "act")
        filename, stream = self.uploaded_file(req)
        with stream:
            try:
                resp.media = previews.store_media(preview, filename, stream, self.dopesheet)
            except previews.WrongFormat as error:
                remove_and_refuse(resp, preview, error, self.dopesheet)
                return
        resp.status = falcon.HTTP_201


def remove_and_refuse(resp, preview, error, dopesheet):
    """Zou removes a preview whose upload it refuses: the removal is committed and the
    400 answered without raising (a raised error would roll the removal back)."""
    previews.remove([preview], dopesheet)
    resp.status = error.status
    resp.media = error.body()


class PreviewActions(FilesResource):
    @operation("Use a preview as its entity's thumbnail", body=MainPreviewBody)
    def on_put_main(self, req, resp, preview_file_id):
        body = read_body(req, MainPreviewBody)
        preview = row_or_404(PreviewFile, preview_file_id)
        task = self.entity_member(req, preview.task_id)
        if body["frame_number"] is not None and not preview.is_movie:
            raise BadRequest(NO_FRAME_ON_PICTURE, data=None)
        resp.media = previews.set_entity_preview(task.entity_id, preview.id)

    def entity_member(self, req, task_id):
        """proj-member and entity access on the task's entity; no client."""
        task = task_row(task_id)
        access = self.access(req)
        access.entity(Entity.get_by_id(task.entity_id))
        if principal_of(req).role == "client" and not access.allowed(
                "manage", Project, Project(id=task.project_id)):
            raise Forbidden()
        return task

    @operation("Use a task's last preview as its entity's thumbnail")
    def on_put_task_main(self, req, resp, task_id):
        task = self.entity_member(req, task_id)
        last = last_preview(task.id)
        if last is None:
            raise BadRequest(NO_PREVIEW, data=None)
        resp.media = previews.set_entity_preview(task.entity_id, last.id)

    @operation("Move a preview among the previews of its revision", body=PositionBody)
    def on_put_position(self, req, resp, preview_file_id):
        body = read_body(req, PositionBody)
        preview = row_or_404(PreviewFile, preview_file_id)
        self.access(req).task(preview.task_id, "act")
        resp.media = previews.update_position(preview, body["position"])

    @operation("Add, update and delete annotations of a preview", body=AnnotationsBody)
    def on_put_annotations(self, req, resp, preview_file_id):
        preview = row_or_404(PreviewFile, preview_file_id)
        task = task_row(preview.task_id)
        if not self.access(req).allowed("update", PreviewFile, preview) and (
                principal_of(req).role != "client"):
            raise Forbidden()
        body = read_body(req, AnnotationsBody)
        changed = annotations.apply(preview.annotations, body["additions"], body["updates"],
                                    body["deletions"])
        resp.media = previews.set_annotations(preview, changed, principal_of(req).id, task)


def last_preview(task_id):
    return (PreviewFile.select().where(PreviewFile.task == task_id)
            .order_by(PreviewFile.revision.desc(), PreviewFile.created_at).first())


class PreviewLists(FilesResource):
    @operation("Previews of a task, last revision first (clients: not the rejected ones)")
    def on_get_task(self, req, resp, task_id):
        task = self.access(req).task(task_id)
        resp.media = previews.of_task(task.id, principal_of(req).role == "client")

    @operation("Previews of an entity's tasks, by task type name, last revision first")
    def on_get_entity(self, req, resp, entity_id):
        entity = row_or_404(Entity, entity_id)
        self.access(req).entity(entity)
        resp.media = previews.of_entity(entity.id)

    @operation("Previews of a project, last updated first (admins; ?page)")
    def on_get_project(self, req, resp, project_id):
        if not principal_of(req).is_admin:
            raise Forbidden()
        project = row_or_404(Project, project_id)
        query = (PreviewFile.select().join(Task, on=(PreviewFile.task == Task.id))
                 .where(Task.project == project.id).order_by(PreviewFile.updated_at.desc()))
        settings = self.dopesheet.settings["api"]
        page = parse_page(req.params, settings["page_size"], settings["max_page_size"])
        if page is None:
            resp.media = presenters.previews(query)
            return
        resp.media = page.envelope(presenters.previews(
            query.limit(page.limit).offset(page.offset)), query.count())

    @operation("Previews still processing, broken or missing in open projects, newest "
               "first (admins; ?cursor_preview_file_id, ?limit)")
    def on_get_running(self, req, resp):
        if not principal_of(req).is_admin:
            raise Forbidden()
        resp.media = previews.running(running_cursor(req.params.get("cursor_preview_file_id")),
                                      running_limit(req.params.get("limit")))


def running_cursor(value):
    if value is None:
        return None
    try:
        return str(uuid.UUID(value))
    except ValueError:
        raise BadRequest("The cursor_preview_file_id parameter is not a valid id",
                         data=None) from None


def running_limit(value):
    if value is None:
        return None
    try:
        return int(value)
    except ValueError:
        raise BadRequest("Wrong value for parameter limit.", data=None) from None
