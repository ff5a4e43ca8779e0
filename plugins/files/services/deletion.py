"""What goes with the rows of other plugins: the answers to ``tasks_deleting``,
``comments_deleting`` and ``entities_deleting``, inside the deleting transaction. Stored
files are removed once it commits."""

from plugins.tasks.models import CommentPreviewLink

from ..models import AttachmentFile, OutputFile, PreviewFile, WorkingFile
from . import attachments, previews, storing, working_files


def remove_working_files(rows, dopesheet):
    if not rows:
        return
    ids = [row.id for row in rows]
    OutputFile.update(source_file=None).where(OutputFile.source_file.in_(ids)).execute()
    WorkingFile.delete().where(WorkingFile.id.in_(ids)).execute()
    storing.remove_after_commit(dopesheet, [working_files.content_key(i) for i in ids])


def remove_output_files(rows):
    if not rows:
        return
    ids = [row.id for row in rows]
    PreviewFile.update(source_file=None).where(PreviewFile.source_file.in_(ids)).execute()
    OutputFile.delete().where(OutputFile.id.in_(ids)).execute()


def of_tasks(task_ids, dopesheet):
    previews.remove(list(PreviewFile.select().where(PreviewFile.task.in_(task_ids))),
                    dopesheet)
    remove_working_files(list(WorkingFile.select(WorkingFile.id).where(
        WorkingFile.task.in_(task_ids))), dopesheet)


def of_comments(comment_ids, dopesheet):
    attachments.remove(list(AttachmentFile.select(AttachmentFile.id).where(
        AttachmentFile.comment.in_(comment_ids))), dopesheet)
    previews.remove(list(PreviewFile.select().where(PreviewFile.id.in_(
        CommentPreviewLink.select(CommentPreviewLink.preview_file)
        .where(CommentPreviewLink.comment.in_(comment_ids))))), dopesheet)


def of_entities(entity_ids, dopesheet):
    remove_output_files(list(OutputFile.select(OutputFile.id).where(
        OutputFile.entity.in_(entity_ids) | OutputFile.temporal_entity.in_(entity_ids))))
    remove_working_files(list(WorkingFile.select(WorkingFile.id).where(
        WorkingFile.entity.in_(entity_ids))), dopesheet)
