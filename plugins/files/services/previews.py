"""Preview files (``zou/behaviour.md`` D.2): created empty on a comment (next revision, or
the comment's, next position), then given their media. Pictures are checked by Pillow and
kept as a PNG original with thumbnails; movies and the other media Zou accepts are stored
as they were uploaded, their extension kept (no transcoding)."""

import io
import uuid

from framework import BadRequest, emit, utcnow

from plugins.entities.models import Entity, Project, ProjectStatus, TaskType
from plugins.tasks.models import CommentPreviewLink, News, Task
from plugins.tasks.services.entity_names import full_names

from ..models import PreviewFile
from ..storage import storage_key
from . import pictures, presenters, revisions, storing

PICTURE_EXTENSIONS = frozenset(("png", "jpg", "jpeg", "jpe"))
MOVIE_EXTENSIONS = frozenset(("avi", "m4v", "mkv", "mov", "mp4", "webm", "wmv"))
FILE_EXTENSIONS = frozenset((
    "ae", "ai", "blend", "clip", "comp", "diff", "exr", "fbx", "fla", "flv", "gif", "glb",
    "gltf", "hip", "kra", "ma", "mb", "md", "mp3", "obj", "pdf", "psd", "psb", "rar", "rev",
    "riv", "sai", "sai2", "sbbkp", "svg", "swf", "tvpp", "wav", "zip"))
OPEN_PROJECT_STATUSES = ("Active", "open", "Open")
PICTURE_KINDS = ("original", "thumbnails", "thumbnails-square", "previews")
ONE_PER_REVISION = "Only one preview file is allowed per revision for this project."
REUPLOAD = ("The browser (or proxy) sent a request that this server could not "
            "understand.")


class WrongFormat(BadRequest):
    """An upload of a kind previews do not take; the empty preview is removed."""


def picture_key(kind, preview_id):
    return storage_key(f"previews/{kind}", preview_id, "png")


def media_key(preview_id, extension):
    return storage_key("previews/files", preview_id, extension)


def keys_of(preview):
    """Every key a preview may have stored."""
    if preview.extension == "png":
        return [picture_key(kind, preview.id) for kind in PICTURE_KINDS]
    return [media_key(preview.id, preview.extension)] if preview.extension else []


def present(preview_id, relations=False):
    return presenters.previews(PreviewFile.select().where(PreviewFile.id == preview_id),
                               relations)[0]


def add_to_comment(comment, task, person_id, revision=None):
    """A new empty preview on ``comment``: Zou's revision and position rules, the news of
    the comment pointing at it."""
    revisions.lock(Task, task.id)
    linked = (PreviewFile.select(PreviewFile.revision)
              .join(CommentPreviewLink, on=(CommentPreviewLink.preview_file == PreviewFile.id))
              .where(CommentPreviewLink.comment == comment.id)
              .order_by(PreviewFile.created_at).first())
    if revision is None:
        revision = linked.revision if linked else revisions.next_preview_revision(task.id)
    elif linked is None and PreviewFile.select().where(
            PreviewFile.task == task.id, PreviewFile.revision == revision,
            PreviewFile.position == 1).exists():
        raise BadRequest(f"Revision {revision} already exists for this task. Choose a "
                         "different revision number, or omit it to let the revision "
                         "auto-increment.", data=None)
    position = revisions.next_position(task.id, revision)
    if position > 1 and Project.select(Project.is_single_preview_per_revision).where(
            Project.id == task.project_id).scalar():
        raise BadRequest(ONE_PER_REVISION, data=None)
    preview = PreviewFile.create(name=str(uuid.uuid4())[:13], revision=revision,
                                 position=position, source="webgui", extension="mp4",
                                 status="processing", task=task.id, person=person_id)
    CommentPreviewLink.insert(comment=comment.id, preview_file=preview.id).execute()
    News.update(preview_file_id=preview.id).where(News.comment == comment.id).execute()
    emit("preview-file:new", {"preview_file_id": preview.id, "comment_id": comment.id},
         project_id=task.project_id)
    emit("comment:update", {"comment_id": comment.id, "task_id": comment.task_id,
                            "person_id": comment.person_id, "for_client": comment.for_client},
         project_id=task.project_id)
    return present(preview.id, relations=True)


def store_media(preview, filename, stream, dopesheet):
    """Give ``preview`` its media (a readable ``stream`` named ``filename``); returns the
    preview's answer. ``WrongFormat`` for an extension previews do not take."""
    if preview.original_name:
        raise BadRequest(REUPLOAD)
    base, _, extension = (filename or "").rpartition(".")
    extension = extension.lower() if base or extension else ""
    original_name = base if base else filename
    if extension in PICTURE_EXTENSIONS:
        changes = store_picture(preview, stream, dopesheet)
    elif extension in MOVIE_EXTENSIONS or extension in FILE_EXTENSIONS:
        size = storing.put(dopesheet, media_key(preview.id, extension), stream)
        changes = {"extension": extension, "file_size": size,
                   "is_movie": extension in MOVIE_EXTENSIONS}
    else:
        raise WrongFormat(f"Wrong file format, extension: {extension}", data=None)
    changes.update(original_name=original_name, status="ready", updated_at=utcnow())
    PreviewFile.update(changes).where(PreviewFile.id == preview.id).execute()
    task = Task.get_by_id(preview.task_id)
    if preview.position == 1:
        mark_last_preview(task, preview.id)
    announce_media(preview.id, task)
    return present(preview.id)


def store_picture(preview, stream, dopesheet):
    """The PNG original (the uploaded bytes themselves when they are a PNG, else the
    picture converted) and its variants."""
    picture = pictures.open_picture(stream)
    original_key = picture_key("original", preview.id)
    if picture.format == "PNG":
        stream.seek(0)
        size = storing.put(dopesheet, original_key, stream)
    else:
        size = storing.put(dopesheet, original_key, io.BytesIO(pictures.png_bytes(picture)))
    for kind, variant in pictures.variants(picture).items():
        storing.put(dopesheet, picture_key(kind, preview.id), io.BytesIO(variant))
    return {"extension": "png", "width": picture.width, "height": picture.height,
            "file_size": size}


def mark_last_preview(task, preview_id):
    """The task's last preview, and its entity's thumbnail when the project automates
    it."""
    Task.update(last_preview_file_id=preview_id).where(Task.id == task.id).execute()
    if Project.select(Project.is_set_preview_automated).where(
            Project.id == task.project_id).scalar():
        set_entity_preview(task.entity_id, preview_id)


def announce_media(preview_id, task):
    preview = PreviewFile.get_by_id(preview_id)
    emit("preview-file:update", {"preview_file_id": preview_id, "status": preview.status},
         project_id=task.project_id)
    link = CommentPreviewLink.get_or_none(CommentPreviewLink.preview_file == preview_id)
    if link is None:
        return
    comment = link.comment
    emit("comment:update", {"comment_id": comment.id, "task_id": comment.task_id,
                            "person_id": comment.person_id, "for_client": comment.for_client},
         project_id=task.project_id)
    emit("preview-file:add-file", {
        "comment_id": comment.id, "task_id": task.id, "preview_file_id": preview_id,
        "revision": preview.revision, "extension": preview.extension,
        "status": preview.status}, project_id=task.project_id)


def set_entity_preview(entity_id, preview_id):
    """The entity's thumbnail; Zou's answer: the raw entity (``id`` first, ``type``
    ``Entity``) and the preview's status."""
    Entity.update(preview_file_id=preview_id, updated_at=utcnow()).where(
        Entity.id == entity_id).execute()
    entity = presenters.ENTITY.from_instance(Entity.get_by_id(entity_id))
    status = PreviewFile.select(PreviewFile.status).where(PreviewFile.id == preview_id).scalar()
    emit("preview-file:set-main", {"entity_id": entity_id, "preview_file_id": preview_id,
                                   "preview_file_status": status},
         project_id=entity["project_id"])
    return {"id": entity.pop("id"), **entity, "type": "Entity", "preview_file_status": status}


def update_position(preview, position):
    """Move ``preview`` to ``position`` among its revision's previews (1-based; out of
    range changes nothing); returns them in their new order."""
    revision = PreviewFile.select().where(
        PreviewFile.task == preview.task_id, PreviewFile.revision == preview.revision
    ).order_by(PreviewFile.position, PreviewFile.created_at)
    siblings = list(revision)
    if 0 < position <= len(siblings):
        siblings = [row for row in siblings if row.id != preview.id]
        siblings.insert(position - 1, preview)
        now = utcnow()
        for index, row in enumerate(siblings, start=1):
            PreviewFile.update(position=index, updated_at=now).where(
                PreviewFile.id == row.id).execute()
    return presenters.previews(revision.clone())


def of_task(task_id, hide_rejected=False):
    query = PreviewFile.select().where(PreviewFile.task == task_id)
    if hide_rejected:
        query = query.where(PreviewFile.validation_status != "rejected")
    return presenters.previews(query.order_by(PreviewFile.revision.desc(),
                                              PreviewFile.position))


def of_entity(entity_id):
    """The previews of an entity's tasks as Zou presents them in lists, by task type name
    then last revision first."""
    query = (PreviewFile.select().join(Task, on=(PreviewFile.task == Task.id))
             .join(TaskType, on=(Task.task_type == TaskType.id))
             .where(Task.entity == entity_id)
             .order_by(TaskType.name, PreviewFile.revision.desc(), PreviewFile.position))
    return [{key: item[key] for key in presenters.PREVIEW_IN_LISTS}
            for item in presenters.previews(query)]


def remove(previews, dopesheet):
    """Delete preview rows (their comment links, the task and entity pointers to them);
    their files go once the deletion is committed."""
    if not previews:
        return
    ids = [preview.id for preview in previews]
    CommentPreviewLink.delete().where(CommentPreviewLink.preview_file.in_(ids)).execute()
    News.update(preview_file_id=None).where(News.preview_file_id.in_(ids)).execute()
    Task.update(last_preview_file_id=None).where(Task.last_preview_file_id.in_(ids)).execute()
    Entity.update(preview_file_id=None).where(Entity.preview_file_id.in_(ids)).execute()
    PreviewFile.delete().where(PreviewFile.id.in_(ids)).execute()
    storing.remove_after_commit(dopesheet, [key for preview in previews
                                           for key in keys_of(preview)])


def set_annotations(preview, changed, person_id, task):
    PreviewFile.update(annotations=changed, updated_at=utcnow()).where(
        PreviewFile.id == preview.id).execute()
    item = present(preview.id)
    emit("preview-file:annotation-update", {"preview_file_id": preview.id,
                                            "person_id": person_id,
                                            "updated_at": item["updated_at"]},
         project_id=task.project_id)
    return item


def running(cursor_id=None, limit=None):
    """Previews of open projects still waiting for their media, or broken or missing,
    newest first (older than the ``cursor_id`` preview when given), with their project,
    task type and full entity name."""
    query = (PreviewFile.select(PreviewFile, Task.project.alias("project_of"),
                                Task.task_type.alias("task_type_of"),
                                Task.entity.alias("entity_of"))
             .join(Task, on=(PreviewFile.task == Task.id))
             .where(PreviewFile.status.in_(("processing", "broken", "missing")),
                    Task.project.in_(open_project_ids()))
             .order_by(PreviewFile.created_at.desc()))
    if cursor_id is not None:
        cursor = PreviewFile.get_or_none(PreviewFile.id == cursor_id)
        if cursor is None:
            raise BadRequest(f"No preview file found with id: {cursor_id}", data=None)
        query = query.where(PreviewFile.created_at < cursor.created_at)
    if limit is not None:
        query = query.limit(limit)
    rows = list(query.objects())
    names = full_names([row.entity_of for row in rows])
    return [{**presenters.PREVIEW.from_instance(row), "project_id": row.project_of,
             "task_type_id": row.task_type_of, "full_entity_name": names[row.entity_of][0]}
            for row in rows]


def open_project_ids():
    return (Project.select(Project.id)
            .join(ProjectStatus, on=(Project.project_status == ProjectStatus.id))
            .where(ProjectStatus.name.in_(OPEN_PROJECT_STATUSES)))


def for_playlists(entity_ids):
    """The ``schedule`` plugin's ``playlist_preview_files``: every preview of the
    entities' tasks, with its entity and task type (one query)."""
    query = (PreviewFile.select(PreviewFile, Task.entity.alias("entity_of"),
                                Task.task_type.alias("task_type_of"))
             .join(Task, on=(PreviewFile.task == Task.id))
             .where(Task.entity.in_(list(entity_ids))))
    return [{"id": row.id, "entity_id": row.entity_of, "task_id": row.task_id,
             "task_type_id": row.task_type_of, "revision": row.revision,
             "position": row.position, "original_name": row.original_name,
             "extension": row.extension, "width": row.width, "height": row.height,
             "duration": row.duration, "status": row.status, "annotations": row.annotations,
             "created_at": presenters.PREVIEW.from_instance(row)["created_at"],
             "data": row.data} for row in query.objects()]
