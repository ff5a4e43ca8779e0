"""The files of comments, for the ``tasks`` plugin's hooks: uploads stored with the
comment (attachments; previews as Zou's batch routes make them), and the files of many
comments read in one query."""

from collections import defaultdict

import peewee

from framework.prepared import Prepared

from plugins.tasks.models import CommentPreviewLink, Task

from ..models import AttachmentFile, PreviewFile
from . import attachments, presenters, previews, uploads


def store(comment, files, dopesheet, limit):
    """``comment_files``: every upload stored, or none (413 past the size limit). A preview
    of a kind previews do not take is skipped, as Zou's batch routes do."""
    for upload in files:
        uploads.check_size(len(upload.data), limit)
    stored = {"attachment_files": [], "previews": []}
    task = None
    for upload in files:
        if upload.kind != "preview":
            stored["attachment_files"].append(
                attachments.add(comment, upload, upload.reply_id, dopesheet, limit))
            continue
        task = task or Task.get_by_id(comment.task_id)
        empty = previews.add_to_comment(comment, task, comment.person_id)
        preview = PreviewFile.get_by_id(empty["id"])
        try:
            stored["previews"].append(previews.store_media(
                preview, upload.filename, uploads.from_bytes(upload.data, limit), dopesheet))
        except previews.WrongFormat:
            previews.remove([preview], dopesheet)
    return stored


def _files_of_comments(comment_ids):
    """The attachments and previews of comments in one statement. A row is its kind, its
    comment, its date, then the attachment's serialised columns and the preview's: those
    of the other kind are NULL."""
    attachment_nulls = [peewee.SQL("NULL")] * len(presenters.ATTACHMENT.fields)
    preview_nulls = [peewee.SQL("NULL")] * len(presenters.PREVIEW.fields)
    attachment_rows = (AttachmentFile.select(peewee.SQL("'attachment'"), AttachmentFile.comment,
                                             AttachmentFile.created_at,
                                             *presenters.ATTACHMENT.fields, *preview_nulls)
                       .where(AttachmentFile.comment.in_(comment_ids)))
    preview_rows = (PreviewFile.select(peewee.SQL("'preview'"), CommentPreviewLink.comment,
                                       PreviewFile.created_at, *attachment_nulls,
                                       *presenters.PREVIEW.fields)
                    .join(CommentPreviewLink,
                          on=(CommentPreviewLink.preview_file == PreviewFile.id))
                    .where(CommentPreviewLink.comment.in_(comment_ids)))
    return (attachment_rows + preview_rows).order_by(peewee.SQL("3")).tuples()


_FILES_OF_COMMENTS = Prepared(_files_of_comments)
"""Read with every task's comments: its SQL is built once per comment count."""
_ATTACHMENT_COLUMNS = slice(3, 3 + len(presenters.ATTACHMENT.fields))
_PREVIEW_COLUMNS = slice(_ATTACHMENT_COLUMNS.stop, None)


def lists(comment_ids):
    """``comment_file_lists``: ``{comment_id: {"attachment_files", "previews"}}``, each in
    upload order."""
    found = defaultdict(lambda: {"attachment_files": [], "previews": []})
    rows = _FILES_OF_COMMENTS.execute(list(comment_ids)).fetchall()
    attachment_rows = [row for row in rows if row[0] == "attachment"]
    preview_rows = [row for row in rows if row[0] == "preview"]
    for row, item in zip(attachment_rows, presenters.ATTACHMENT.items_of(
            [row[_ATTACHMENT_COLUMNS] for row in attachment_rows])):
        found[row[1]]["attachment_files"].append(presenters.attachment_summary(item))
    for row, item in zip(preview_rows, presenters.PREVIEW.items_of(
            [row[_PREVIEW_COLUMNS] for row in preview_rows])):
        found[row[1]]["previews"].append(presenters.preview_in_comment(item))
    return dict(found)
