"""Which stored file answers a download of a preview, and under which name and type."""

import re
import unicodedata

import peewee

from plugins.entities.models import Entity, EntityType, Project, TaskType
from plugins.tasks.models import Task

from . import previews

MIMETYPES = {"png": "image/png", "pdf": "application/pdf", "mp4": "video/mp4",
             "mov": "video/quicktime", "webm": "video/webm", "mkv": "video/x-matroska",
             "avi": "video/x-msvideo", "m4v": "video/x-m4v", "wmv": "video/x-ms-wmv",
             "hdr": "image/vnd.radiance"}
SAFE_NAME = re.compile(r"[^a-z0-9]+")


def mimetype(extension, default="application/octet-stream"):
    return MIMETYPES.get(extension, default)


def picture_or_media_key(preview):
    """The stored original of a preview: its PNG, or its media as uploaded."""
    if preview.extension == "png":
        return previews.picture_key("original", preview.id)
    return previews.media_key(preview.id, preview.extension)


def slug(text):
    """Zou's download names: ASCII, lower case, words joined by ``_``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return SAFE_NAME.sub("_", ascii_text.lower()).strip("_")


def download_name(preview):
    """``<project>_<entity>_<task type>_v<revision>[-<position>].<extension>``, the entity
    named after its parent (a shot after its sequence) or, without one, its type (an asset
    after its asset type), as Zou's full entity names go."""
    Parent = Entity.alias()
    row = (Task.select(Project.name.alias("project"), EntityType.name.alias("kind"),
                       Parent.name.alias("parent"), Entity.name.alias("entity"),
                       TaskType.name.alias("task_type"))
           .join(Project, on=(Task.project == Project.id))
           .switch(Task).join(Entity, on=(Task.entity == Entity.id))
           .join(EntityType, on=(Entity.entity_type == EntityType.id))
           .switch(Entity).join(Parent, peewee.JOIN.LEFT_OUTER, on=(Entity.parent == Parent.id))
           .switch(Task).join(TaskType, on=(Task.task_type == TaskType.id))
           .where(Task.id == preview.task_id).dicts().first()) or {}
    words = [row.get("project"), row.get("parent") or row.get("kind"), row.get("entity"),
             row.get("task_type"), f"v{preview.revision}"]
    name = slug("_".join(str(word) for word in words if word))
    if (preview.position or 0) > 1:
        name = f"{name}-{preview.position}"
    return f"{name}.{preview.extension}"
