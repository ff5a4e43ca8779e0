"""The files of comments, for the ``tasks`` plugin's hooks: uploads stored with the
comment (attachments; previews as Zou's batch routes make them), and the files of many
comments read in one query per kind."""

from collections import defaultdict

from framework.prepared import Prepared

from plugins.tasks.models import CommentPreviewLink, Task

from ..models import PreviewFile
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


_PREVIEWS_OF_COMMENTS = Prepared(lambda comment_ids: (
    PreviewFile.select(PreviewFile, CommentPreviewLink.comment.alias("comment_of"))
    .join(CommentPreviewLink, on=(CommentPreviewLink.preview_file == PreviewFile.id))
    .where(CommentPreviewLink.comment.in_(comment_ids))
    .order_by(PreviewFile.created_at).objects()))
"""Read with every task's comments: its SQL is built once per comment count."""


def lists(comment_ids):
    """``comment_file_lists``: ``{comment_id: {"attachment_files", "previews"}}``."""
    found = defaultdict(lambda: {"attachment_files": [], "previews": []})
    for comment_id, items in attachments.by_comment(comment_ids).items():
        found[comment_id]["attachment_files"] = items
    for row in _PREVIEWS_OF_COMMENTS.rows(list(comment_ids)):
        item = presenters.PREVIEW.from_instance(row)
        found[row.comment_of]["previews"].append(presenters.preview_in_comment(item))
    return dict(found)
