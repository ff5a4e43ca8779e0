"""Output file routes, for an entity and for an asset instance in a shot or scene: next
revision, new revision, listings (all, last revisions, per output type), the output types
used; a project's output files; a working or output file by id."""

import uuid

import falcon

from framework import BadRequest, NotFound, operation, principal_of

from plugins.entities.models import AssetInstance, Entity, Project, TaskType
from plugins.persons.models import Person

from ..models import FileStatus, OutputFile, OutputType, WorkingFile
from ..schemas import NewOutputFileBody, NextRevisionBody
from ..services import output_files, presenters, working_files
from ..services.access import task_row
from ..services.output_files import OutputTarget, entity_scope, instance_scope
from .common import FilesResource, read_body, row_or_404

UNKNOWN_OUTPUT_TYPE = "Cannot find given output type."
UNKNOWN_PERSON = "Cannot find given person."


def known_or_400(model, row_id, message):
    """The row of a body id; 400 ``message`` when unknown."""
    try:
        return row_or_404(model, row_id)
    except NotFound:
        raise BadRequest(message, data=None) from None


def existing(model, row_id):
    """The row of an optional body id, or None (Zou ignores an unknown source file)."""
    try:
        return model.get_or_none(model.id == str(uuid.UUID(str(row_id))))
    except ValueError:
        return None


class OutputFiles(FilesResource):
    """Each responder resolves its path ids to an ``OutputTarget`` whose project the
    caller is a member of."""

    def entity_target(self, req, entity_id):
        entity = row_or_404(Entity, entity_id)
        self.access(req).project_member(entity.project_id)
        return OutputTarget(entity)

    def instance_target(self, req, asset_instance_id, temporal_entity_id):
        instance = row_or_404(AssetInstance, asset_instance_id)
        asset = Entity.get_by_id(instance.asset_id)
        self.access(req).project_member(asset.project_id)
        temporal = existing(Entity, temporal_entity_id)
        return OutputTarget(asset, instance, temporal)

    def _next_revision(self, req, resp, target):
        body = read_body(req, NextRevisionBody)
        output_type = row_or_404(OutputType, body["output_type_id"])
        task_type = row_or_404(TaskType, body["task_type_id"])
        resp.media = {"next_revision": target.next_revision(output_type.id, task_type.id,
                                                            body["name"])}

    def _new(self, req, resp, target):
        body = read_body(req, NewOutputFileBody)
        output_type = known_or_400(OutputType, body["output_type_id"], UNKNOWN_OUTPUT_TYPE)
        task_type = row_or_404(TaskType, body["task_type_id"])
        person_id = (known_or_400(Person, body["person_id"], UNKNOWN_PERSON).id
                     if body["person_id"] else principal_of(req).id)
        source = existing(WorkingFile, body["working_file_id"])
        if body["file_status_id"] is not None:
            body["file_status_id"] = row_or_404(FileStatus, body["file_status_id"]).id
        resp.media = output_files.create(target, output_type, task_type, body, person_id,
                                         source.id if source else None, self.dopesheet)
        resp.status = falcon.HTTP_201

    @operation("Next output revision of an entity for an output type, task type and name",
               body=NextRevisionBody)
    def on_post_next(self, req, resp, entity_id):
        self._next_revision(req, resp, self.entity_target(req, entity_id))

    @operation("Next output revision of an asset instance in a shot or scene",
               body=NextRevisionBody)
    def on_post_instance_next(self, req, resp, asset_instance_id, temporal_entity_id):
        self._next_revision(req, resp, self.instance_target(req, asset_instance_id,
                                                            temporal_entity_id))

    @operation("Create an entity's output file (next revision unless given)",
               body=NewOutputFileBody, status=201)
    def on_post_new(self, req, resp, entity_id):
        self._new(req, resp, self.entity_target(req, entity_id))

    @operation("Create an asset instance's output file in a shot or scene",
               body=NewOutputFileBody, status=201)
    def on_post_instance_new(self, req, resp, asset_instance_id, temporal_entity_id):
        self._new(req, resp, self.instance_target(req, asset_instance_id, temporal_entity_id))

    @operation("Output files of an entity (?output_type_id, ?task_type_id, ?representation, "
               "?file_status_id, ?name)")
    def on_get(self, req, resp, entity_id):
        target = self.entity_target(req, entity_id)
        resp.media = output_files.listed(entity_scope(target.entity.id), req.params)

    @operation("The last revision of each output of an entity")
    def on_get_last(self, req, resp, entity_id):
        target = self.entity_target(req, entity_id)
        resp.media = output_files.last_revisions(entity_scope(target.entity.id), req.params)

    @operation("Output types used by the output files of an entity")
    def on_get_types(self, req, resp, entity_id):
        target = self.entity_target(req, entity_id)
        resp.media = output_files.types_of(entity_scope(target.entity.id, True))

    @operation("Output files of an entity for an output type (?representation)")
    def on_get_type_files(self, req, resp, entity_id, output_type_id):
        target = self.entity_target(req, entity_id)
        output_type = row_or_404(OutputType, output_type_id)
        resp.media = output_files.of_output_type(entity_scope(target.entity.id),
                                                 output_type.id,
                                                 req.params.get("representation"))

    @operation("Output files of an asset instance (?temporal_entity_id and the entity "
               "filters)")
    def on_get_instance(self, req, resp, asset_instance_id):
        instance = row_or_404(AssetInstance, asset_instance_id)
        self.access(req).project_member(Entity.get_by_id(instance.asset_id).project_id)
        scope = instance_scope(instance.id, req.params.get("temporal_entity_id"))
        resp.media = output_files.listed(scope, req.params)

    @operation("The last revision of each output of an asset instance in a shot or scene")
    def on_get_instance_last(self, req, resp, asset_instance_id, temporal_entity_id):
        target = self.instance_target(req, asset_instance_id, temporal_entity_id)
        resp.media = output_files.last_revisions(
            instance_scope(target.asset_instance_id, temporal_entity_id), req.params)

    @operation("All types of output generated for given instance and temporal entity")
    def on_get_instance_types(self, req, resp, asset_instance_id, temporal_entity_id):
        target = self.instance_target(req, asset_instance_id, temporal_entity_id)
        resp.media = output_files.types_of(
            instance_scope(target.asset_instance_id, temporal_entity_id))

    @operation("Output files of an asset instance in a shot or scene for an output type")
    def on_get_instance_type_files(self, req, resp, asset_instance_id, temporal_entity_id,
                                   output_type_id):
        target = self.instance_target(req, asset_instance_id, temporal_entity_id)
        output_type = row_or_404(OutputType, output_type_id)
        resp.media = output_files.of_output_type(
            instance_scope(target.asset_instance_id, temporal_entity_id), output_type.id,
            req.params.get("representation"))


class ProjectOutputFiles(FilesResource):
    @operation("Output files of a project (project managers; the entity filters)")
    def on_get(self, req, resp, project_id):
        project = row_or_404(Project, project_id)
        self.access(req).project_manager(project.id)
        resp.media = output_files.of_project(project.id, req.params)


class FileById(FilesResource):
    @operation("A working or an output file by id")
    def on_get(self, req, resp, file_id):
        working_file = existing(WorkingFile, file_id)
        if working_file is not None:
            self.access(req).project_member(task_row(working_file.task_id).project_id)
            resp.media = working_files.present(working_file.id)
            return
        output_file = row_or_404(OutputFile, file_id)
        self.access(req).project_member(Entity.get_by_id(output_file.entity_id).project_id)
        resp.media = presenters.output_files(
            OutputFile.select().where(OutputFile.id == output_file.id))[0]
