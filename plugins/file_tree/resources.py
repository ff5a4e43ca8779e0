"""The plugin's routes: Zou 1.0.67's set-file-tree action, Zou's three path routes and its
guess-from-path (under both its names)."""

from framework import PluginResource, Route, emit, get_or_404, json_body, operation
from framework.serialize import Serializer

from plugins.entities.models import AssetInstance, Entity, Project, TaskType
from plugins.files.models import OutputType, Software
from plugins.files.services.revisions import next_output_revision, next_working_revision
from plugins.tasks.models import Task

from .schemas import (GuessFromPathBody, OutputFilePathBody, SetFileTreeBody,
                      WorkingFilePathBody)
from .services import building, guessing, rows, templates, variables

PROJECT = Serializer(Project)


class FileTreeResource(PluginResource):
    def variables(self):
        return variables.collected(self.dopesheet)

    def readable_entity(self, req, entity):
        self.require(req, "read", Entity, entity)
        return entity


def answered(req, build):
    """Zou's 400 of a tree that cannot build the path carries the request body."""
    try:
        return build()
    except building.MalformedTree as error:
        raise building.MalformedTree(error.message,
                                     received_data=req.get_media(default_when_empty=None))


class SetFileTree(FileTreeResource):
    @operation("Store a template of the templates folder as the project's file tree",
               body=SetFileTreeBody)
    def on_post(self, req, resp, project_id):
        project = get_or_404(Project, project_id)
        self.require(req, "manage", Project, project)
        body = json_body(req, SetFileTreeBody)
        tree = templates.named(self.dopesheet, body["tree_name"], self.variables())
        Project.update(file_tree=tree).where(Project.id == project.id).execute()
        emit("project:update", {"project_id": project.id}, project_id=project.id)
        resp.media = PROJECT.from_instance(Project.get_by_id(project.id))


class WorkingFilePath(FileTreeResource):
    @operation("Folder and file name of a task's next working file", body=WorkingFilePathBody)
    def on_post(self, req, resp, task_id):
        body = json_body(req, WorkingFilePathBody)
        task = get_or_404(Task, task_id)
        self.readable_entity(req, Entity.get_by_id(task.entity_id))
        software = (get_or_404(Software, body["software_id"]) if body["software_id"]
                    else rows.default_software(rows.WORKING_SOFTWARE))
        revision = body["revision"] or next_working_revision(task.id, body["name"])
        built = answered(req, lambda: building.working(
            task, self.variables(), body["mode"], software, body["name"], revision,
            body["sep"]))
        resp.media = {"path": built.folder_path, "name": built.file_name}


class OutputFilePath(FileTreeResource):
    def rows(self, body):
        return (get_or_404(OutputType, body["output_type_id"]),
                get_or_404(TaskType, body["task_type_id"]))

    @operation("Folder and file name of an entity's next output file",
               body=OutputFilePathBody)
    def on_post(self, req, resp, entity_id):
        body = json_body(req, OutputFilePathBody)
        entity = self.readable_entity(req, get_or_404(Entity, entity_id))
        output_type, task_type = self.rows(body)
        file_revision = body["revision"] or next_output_revision(
            entity.id, output_type.id, task_type.id, body["name"])
        built = answered(req, lambda: building.output(
            entity, self.variables(), output_type, task_type, body["mode"], body["name"],
            body["representation"], body["revision"], body["separator"], file_revision))
        resp.media = {"folder_path": built.folder_path, "file_name": built.file_name}

    @operation("Folder and file name of an asset instance's output file in a shot or scene",
               body=OutputFilePathBody)
    def on_post_instance(self, req, resp, asset_instance_id, temporal_entity_id):
        body = json_body(req, OutputFilePathBody)
        asset_instance = get_or_404(AssetInstance, asset_instance_id)
        temporal_entity = get_or_404(Entity, temporal_entity_id)
        self.readable_entity(req, Entity.get_by_id(asset_instance.asset_id))
        output_type, task_type = self.rows(body)
        built = answered(req, lambda: building.instance(
            asset_instance, temporal_entity, self.variables(), output_type, task_type,
            body["mode"], body["name"], body["representation"], body["revision"],
            body["separator"]))
        resp.media = {"folder_path": built.folder_path, "file_name": built.file_name}


class GuessFromPath(FileTreeResource):
    @operation("The templates of the project's tree a file path matches, with the ids of "
               "the rows its folders name", body=GuessFromPathBody)
    def on_post(self, req, resp):
        body = json_body(req, GuessFromPathBody)
        project = get_or_404(Project, body["project_id"])
        self.require(req, "read", Project, project)
        resp.media = answered(req, lambda: guessing.guess(project, body["file_path"],
                                                          body["sep"]))


def routes(dopesheet):
    outputs, guesses = OutputFilePath(dopesheet), GuessFromPath(dopesheet)
    return [
        Route("/data/entities/guess-from-path", guesses),
        Route("/data/entities/guess_from_path", guesses),
        Route("/actions/projects/{project_id}/set-file-tree", SetFileTree(dopesheet)),
        Route("/data/tasks/{task_id}/working-file-path", WorkingFilePath(dopesheet)),
        Route("/data/entities/{entity_id}/output-file-path", outputs),
        Route("/data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}"
              "/output-file-path", outputs, suffix="instance"),
    ]
