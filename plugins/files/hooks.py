"""The files plugin's hook implementations."""

from framework import hookimpl

from . import hookspecs
from .models import MODELS
from .resources import routes
from .services import access, deletion, previews
from .services import comment_files as comment_files_module
from .services.storing import StagingMiddleware
from .settings import SECTION, FilesSettings, settings_of
from .storage.local import LocalDisk

EVENTS = ("working-file:new", "preview-file:add-file", "preview-file:set-main",
          "preview-file:annotation-update", "preview-background-file:add-file",
          "person:set-thumbnail", "project:set-thumbnail", "organisation:set-thumbnail")
"""Zou's domain events this plugin emits beyond its models' ``new|update|delete``."""


@hookimpl
def add_hooks(pluginmanager):
    pluginmanager.add_hookspecs(hookspecs)


@hookimpl
def register_settings():
    return {SECTION: FilesSettings}


@hookimpl
def register_models():
    return list(MODELS)


@hookimpl
def register_routes(dopesheet):
    return routes(dopesheet)


@hookimpl
def register_middleware():
    return [StagingMiddleware()]


@hookimpl
def register_events():
    return list(EVENTS)


@hookimpl
def permission_allowed(principal, action, resource, dopesheet):
    return access.vote(principal, action, resource, dopesheet)


@hookimpl
def permission_filter(principal, model):
    return access.list_filter(principal, model)


@hookimpl(trylast=True)
def files_storage(dopesheet):
    """Local disk under ``[plugins.files] root``, unless a plugin answers first."""
    return dopesheet.extension("files.local_disk",
                               lambda: LocalDisk(settings_of(dopesheet)["root"]))


@hookimpl
def comment_files(comment, files, dopesheet):
    return comment_files_module.store(comment, files, dopesheet,
                                      settings_of(dopesheet)["max_upload_bytes"])


@hookimpl
def comment_file_lists(comment_ids):
    return comment_files_module.lists(comment_ids)


@hookimpl
def comments_deleting(comment_ids, dopesheet):
    deletion.of_comments(comment_ids, dopesheet)


@hookimpl
def tasks_deleting(task_ids, dopesheet):
    deletion.of_tasks(task_ids, dopesheet)


@hookimpl
def entities_deleting(entity_ids, dopesheet):
    deletion.of_entities(entity_ids, dopesheet)


@hookimpl(optionalhook=True)
def playlist_preview_files(entity_ids):
    """Answered when the ``schedule`` plugin (playlists) is enabled."""
    return previews.for_playlists(entity_ids)
