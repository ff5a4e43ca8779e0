"""Attachment files of comments and replies: stored with the comment's transaction, listed
for a task or a project, served back as they were uploaded. A PNG or JPEG attachment
also gets a square thumbnail (Zou makes them for chat attachments only; Dopesheet for
comments too, so that its thumbnail route answers for them)."""

import io
import mimetypes

from framework import BadRequest
from plugins.tasks.models import Comment, Task

from ..models import AttachmentFile
from ..storage import storage_key
from . import pictures, presenters, storing, uploads

MAX_EXTENSION = 6
INLINE_SAFE_MIMETYPES = frozenset(("image/jpeg", "image/png", "image/gif", "image/webp",
                                   "image/bmp", "image/avif"))
"""Served inline; anything else (SVG included: it may carry scripts) is a download."""
THUMBNAILED_EXTENSIONS = frozenset(("png", "jpg", "jpeg"))


def key_of(attachment):
    return storage_key("attachments", attachment.id)


def thumbnail_key(attachment_id):
    return storage_key("attachment-thumbnails", attachment_id, "png")


def add(comment, upload, reply_id, dopesheet, limit):
    """Store one ``plugins.tasks.services.files.Upload`` on ``comment``; returns the
    attachment as comments show it. A reply id the comment does not have is dropped."""
    stream = uploads.from_bytes(upload.data, limit)
    _, extension = uploads.split_name(upload.filename)
    if reply_id and not any(reply.get("id") == reply_id for reply in comment.replies or []):
        reply_id = None
    attachment = AttachmentFile.create(
        name=upload.filename, size=len(upload.data), extension=extension[:MAX_EXTENSION],
        mimetype=upload.content_type or mimetypes.guess_type(upload.filename)[0],
        comment=comment.id, reply_id=reply_id)
    storing.put(dopesheet, key_of(attachment), stream)
    if extension in THUMBNAILED_EXTENSIONS:
        store_thumbnail(attachment.id, upload.data, dopesheet)
    return presenters.attachment_summary(presenters.ATTACHMENT.from_instance(attachment))


def store_thumbnail(attachment_id, data, dopesheet):
    """The attachment's thumbnail; none for a file that only claims to be a picture."""
    try:
        picture = pictures.open_picture(io.BytesIO(data))
    except BadRequest:
        return
    thumbnail = pictures.cropped(pictures.as_rgba(picture), pictures.ATTACHMENT_THUMBNAIL)
    storing.put(dopesheet, thumbnail_key(attachment_id),
                io.BytesIO(pictures.png_bytes(thumbnail)))


def of_task(task_id):
    return presenters.attachment_files(
        AttachmentFile.select().join(Comment, on=(AttachmentFile.comment == Comment.id))
        .where(Comment.task == task_id).order_by(AttachmentFile.created_at))


def of_project(project_id):
    return presenters.attachment_files(
        AttachmentFile.select().join(Comment, on=(AttachmentFile.comment == Comment.id))
        .join(Task, on=(Comment.task == Task.id)).where(Task.project == project_id)
        .order_by(AttachmentFile.created_at))


def remove(attachments, dopesheet):
    """Delete attachment rows; their files go once the deletion is committed."""
    if not attachments:
        return
    AttachmentFile.delete().where(AttachmentFile.id.in_([a.id for a in attachments])).execute()
    storing.remove_after_commit(dopesheet, [key for a in attachments
                                           for key in (key_of(a), thumbnail_key(a.id))])

