"""The plugin's routes: the generic model APIs and Zou's file, revision, preview, download,
avatar and preview-background routes."""

from framework import Route

from .attachments import AttachmentLists, CommentAttachment
from .avatars import MODELS as AVATAR_KINDS, Avatars
from .background_settings import ProjectBackgrounds, TemplateBackgrounds
from .backgrounds import PreviewBackgroundFiles
from .downloads import AttachmentDownload, PreviewDownloads, PreviewPicture
from .frames import PreviewFrames
from .generic import APIS
from .output_files import FileById, OutputFiles, ProjectOutputFiles
from .previews import CommentPreviews, PreviewActions, PreviewLists, PreviewUpload
from .working_files import (EntityWorkingFiles, TaskWorkingFiles, WorkingFileActions,
                            WorkingFileContent)

ENTITY = "/data/entities/{entity_id}"
INSTANCE = "/data/asset-instances/{asset_instance_id}/entities/{temporal_entity_id}"
COMMENT = "/actions/tasks/{task_id}/comments/{comment_id}"


def routes(dopesheet):
    return ([route for api in APIS for route in api(dopesheet).routes()]
            + working_file_routes(dopesheet) + output_file_routes(dopesheet)
            + preview_routes(dopesheet) + download_routes(dopesheet)
            + avatar_routes(dopesheet) + background_setting_routes(dopesheet))


def working_file_routes(dopesheet):
    task_files, actions = TaskWorkingFiles(dopesheet), WorkingFileActions(dopesheet)
    return [
        Route("/data/tasks/{task_id}/working-files/new", task_files, suffix="new"),
        Route("/data/tasks/{task_id}/working-files", task_files),
        Route("/data/tasks/{task_id}/working-files/last-revisions", task_files,
              suffix="last"),
        Route(f"{ENTITY}/working-files", EntityWorkingFiles(dopesheet)),
        Route("/actions/working-files/{working_file_id}/comment", actions, suffix="comment"),
        Route("/actions/working-files/{working_file_id}/modified", actions,
              suffix="modified"),
        Route("/data/working-files/{working_file_id}/file", WorkingFileContent(dopesheet)),
        Route("/data/files/{file_id}", FileById(dopesheet)),
    ]


def output_file_routes(dopesheet):
    outputs = OutputFiles(dopesheet)
    return [
        Route(f"{ENTITY}/output-files/next-revision", outputs, suffix="next"),
        Route(f"{ENTITY}/output-files/new", outputs, suffix="new"),
        Route(f"{ENTITY}/output-files", outputs),
        Route(f"{ENTITY}/output-files/last-revisions", outputs, suffix="last"),
        Route(f"{ENTITY}/output-types", outputs, suffix="types"),
        Route(f"{ENTITY}/output-types/{{output_type_id}}/output-files", outputs,
              suffix="type_files"),
        Route(f"{INSTANCE}/output-files/next-revision", outputs, suffix="instance_next"),
        Route(f"{INSTANCE}/output-files/new", outputs, suffix="instance_new"),
        Route(f"{INSTANCE}/output-files/last-revisions", outputs, suffix="instance_last"),
        Route(f"{INSTANCE}/output-types", outputs, suffix="instance_types"),
        Route(f"{INSTANCE}/output-types/{{output_type_id}}/output-files", outputs,
              suffix="instance_type_files"),
        Route("/data/asset-instances/{asset_instance_id}/output-files", outputs,
              suffix="instance"),
        Route("/data/projects/{project_id}/output-files", ProjectOutputFiles(dopesheet)),
    ]


def preview_routes(dopesheet):
    comment_previews, actions = CommentPreviews(dopesheet), PreviewActions(dopesheet)
    lists, attachment_lists = PreviewLists(dopesheet), AttachmentLists(dopesheet)
    backgrounds, frames = PreviewBackgroundFiles(dopesheet), PreviewFrames(dopesheet)
    return [
        Route(f"{COMMENT}/add-preview", comment_previews),
        Route(f"{COMMENT}/preview-files/{{preview_file_id}}", comment_previews,
              suffix="extra"),
        Route("/pictures/preview-files/{instance_id}", PreviewUpload(dopesheet)),
        Route("/actions/preview-files/{preview_file_id}/set-main-preview", actions,
              suffix="main"),
        Route("/actions/tasks/{task_id}/set-main-preview", actions, suffix="task_main"),
        Route("/actions/preview-files/{preview_file_id}/update-position", actions,
              suffix="position"),
        Route("/actions/preview-files/{preview_file_id}/update-annotations", actions,
              suffix="annotations"),
        Route("/actions/preview-files/{preview_file_id}/extract-frame", frames, suffix="frame"),
        Route("/actions/preview-files/{preview_file_id}/extract-tile", frames, suffix="tile"),
        Route("/data/tasks/{task_id}/previews", lists, suffix="task"),
        Route(f"{ENTITY}/preview-files", lists, suffix="entity"),
        Route("/data/playlists/preview-files/running", lists, suffix="running"),
        Route("/data/projects/{project_id}/preview-files", lists, suffix="project"),
        Route("/data/tasks/{task_id}/attachment-files", attachment_lists, suffix="task"),
        Route("/data/projects/{project_id}/attachment-files", attachment_lists,
              suffix="project"),
        Route("/data/tasks/{task_id}/comments/{comment_id}/attachments/"
              "{attachment_file_id}", CommentAttachment(dopesheet)),
        Route("/pictures/preview-background-files/{instance_id}", backgrounds),
        Route("/pictures/preview-background-files/{instance_id}.{extension}", backgrounds,
              suffix="file"),
        Route("/pictures/thumbnails/preview-background-files/{instance_id}.png", backgrounds,
              suffix="thumbnail"),
    ]


def download_routes(dopesheet):
    downloads, attachment = PreviewDownloads(dopesheet), AttachmentDownload(dopesheet)
    return [
        *[Route(f"/pictures/{kind}/preview-files/{{instance_id}}.png",
                PreviewPicture(dopesheet, kind))
          for kind in ("thumbnails", "thumbnails-square", "previews")],
        Route("/pictures/originals/preview-files/{instance_id}.{extension}", downloads,
              suffix="original"),
        Route("/pictures/originals/preview-files/{instance_id}/download", downloads,
              suffix="download"),
        Route("/movies/originals/preview-files/{instance_id}.{extension}", downloads,
              suffix="movie"),
        Route("/movies/low/preview-files/{instance_id}.{extension}", downloads,
              suffix="movie"),
        Route("/movies/originals/preview-files/{instance_id}/download", downloads,
              suffix="movie_download"),
        Route("/data/attachment-files/{attachment_file_id}/file/{file_name}", attachment),
        Route("/pictures/thumbnails/attachment-files/{attachment_file_id}.png", attachment,
              suffix="thumbnail"),
    ]


def avatar_routes(dopesheet):
    found = []
    for kind in AVATAR_KINDS:
        avatars = Avatars(dopesheet, kind)
        found += [Route(f"/pictures/thumbnails/{kind}/{{instance_id}}", avatars),
                  Route(f"/pictures/thumbnails/{kind}/{{instance_id}}.png", avatars,
                        suffix="png")]
    return found


def background_setting_routes(dopesheet):
    projects, templates = ProjectBackgrounds(dopesheet), TemplateBackgrounds(dopesheet)
    project = "/data/projects/{project_id}/settings/preview-background-files"
    template = "/data/project-templates/{project_template_id}/preview-background-files"
    return [Route(project, projects),
            Route(f"{project}/{{preview_background_file_id}}", projects, suffix="item"),
            Route(template, templates),
            Route(f"{template}/{{preview_background_file_id}}", templates, suffix="item")]
