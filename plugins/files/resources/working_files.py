"""Working file routes: a task's new revision, its listings (per task, last revision per
name, per entity), comment and modification date, and the stored content."""

import falcon

from framework import NotFound, operation, principal_of

from plugins.entities.models import Entity
from plugins.persons.models import Person

from ..models import WorkingFile
from ..schemas import NewWorkingFileBody, WorkingFileCommentBody
from ..services import working_files
from .common import FilesResource, read_body, row_or_404


class TaskWorkingFiles(FilesResource):
    @operation("Create the next revision of a task's working file (the caller is assigned)",
               body=NewWorkingFileBody, status=201)
    def on_post_new(self, req, resp, task_id):
        access = self.access(req)
        body = read_body(req, NewWorkingFileBody)
        task = access.task(task_id)
        if body["person_id"] is not None:
            body["person_id"] = row_or_404(Person, body["person_id"]).id
        if body["software_id"] is not None:
            body["software_id"] = str(body["software_id"])
        author_id = body["person_id"] or principal_of(req).id
        resp.media = working_files.create(task, body, author_id, principal_of(req).id,
                                          self.dopesheet)
        resp.status = falcon.HTTP_201

    @operation("Working files of a task, last revision first")
    def on_get(self, req, resp, task_id):
        task = self.access(req).task(task_id)
        resp.media = working_files.of_task(task.id)

    @operation("The last working file of each name of a task: {name: working file}")
    def on_get_last(self, req, resp, task_id):
        task = self.access(req).task(task_id)
        resp.media = working_files.last_of_task(task.id)


class EntityWorkingFiles(FilesResource):
    @operation("Working files of an entity (?task_id, ?name, ?relations)")
    def on_get(self, req, resp, entity_id):
        entity = row_or_404(Entity, entity_id)
        self.access(req).project_member(entity.project_id)
        relations = str(req.params.get("relations", "false")).lower() == "true"
        resp.media = working_files.of_entity(entity.id, req.params.get("task_id"),
                                             req.params.get("name"), relations)


class WorkingFileActions(FilesResource):
    def _writable(self, req, working_file_id):
        working_file = row_or_404(WorkingFile, working_file_id)
        self.access(req).task(working_file.task_id, "act")
        return working_file

    @operation("Set the comment of a working file", body=WorkingFileCommentBody)
    def on_put_comment(self, req, resp, working_file_id):
        body = read_body(req, WorkingFileCommentBody)
        working_file = self._writable(req, working_file_id)
        resp.media = working_files.update(working_file, {"comment": body["comment"]})

    @operation("Mark a working file as modified now")
    def on_put_modified(self, req, resp, working_file_id):
        resp.media = working_files.update(self._writable(req, working_file_id), {})


class WorkingFileContent(FilesResource):
    def _readable(self, req, working_file_id):
        working_file = row_or_404(WorkingFile, working_file_id)
        self.access(req).task(working_file.task_id)
        return working_file

    @operation("Download the stored content of a working file")
    def on_get(self, req, resp, working_file_id):
        working_file = self._readable(req, working_file_id)
        if not self.send(resp, working_files.content_key(working_file.id),
                         "application/octet-stream", working_file.updated_at):
            raise NotFound(f"Working file not found for: {working_file.id}")

    @operation("Upload the content of a working file (multipart `file`)", status=201)
    def on_post(self, req, resp, working_file_id):
        working_file = self._readable(req, working_file_id)
        _, stream = self.uploaded_file(req)
        with stream:
            working_files.store_content(self.dopesheet, working_file, stream)
        resp.media = working_files.present(working_file.id)
        resp.status = falcon.HTTP_201
