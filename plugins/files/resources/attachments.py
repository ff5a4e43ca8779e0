"""Attachment routes beside the download: a task's and a project's attachments (admins),
and removing an attachment from its comment."""

import falcon

from framework import Forbidden, emit, operation, principal_of

from plugins.entities.models import Project
from plugins.tasks.models import Comment

from ..models import AttachmentFile
from ..services import attachments
from ..services.access import task_row
from .common import FilesResource, row_or_404


def require_admin(req):
    if not principal_of(req).is_admin:
        raise Forbidden()


class AttachmentLists(FilesResource):
    @operation("All attachment files of a task (admins)")
    def on_get_task(self, req, resp, task_id):
        require_admin(req)
        resp.media = attachments.of_task(task_row(task_id).id)

    @operation("All attachment files of a project (admins)")
    def on_get_project(self, req, resp, project_id):
        require_admin(req)
        resp.media = attachments.of_project(row_or_404(Project, project_id).id)


class CommentAttachment(FilesResource):
    @operation("Remove an attachment from a comment (its author or a project manager)",
               status=204)
    def on_delete(self, req, resp, task_id, comment_id, attachment_file_id):
        comment = row_or_404(Comment, comment_id)
        task = task_row(task_id)
        attachment = row_or_404(AttachmentFile, attachment_file_id)
        if comment.task_id != task.id or attachment.comment_id != comment.id:
            raise Forbidden()
        if comment.person_id != principal_of(req).id:
            self.access(req).project_manager(task.project_id)
        attachments.remove([attachment], self.dopesheet)
        emit("attachment-file:delete", {"attachment_file_id": attachment.id},
             project_id=task.project_id)
        resp.status = falcon.HTTP_204
