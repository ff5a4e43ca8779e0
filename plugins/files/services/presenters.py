"""Rows to Zou's JSON: the core's ``Serializer`` per model, plus what Zou nests (an output
file's ``source_file``, an attachment's ``comment``) and the relation lists it places
before ``type`` (a working file's ``outputs``, a preview's ``comments``). Every function
takes whole lists and reads what it nests in one query."""

from collections import defaultdict

from framework.serialize import Serializer

from plugins.entities.models import Entity
from plugins.tasks.models import Comment, CommentPreviewLink

from ..models import (AttachmentFile, FileStatus, OutputFile, OutputType,
                      PreviewBackgroundFile, PreviewFile, Software, WorkingFile)

WORKING_FILE = Serializer(WorkingFile)
OUTPUT_FILE = Serializer(OutputFile)
ATTACHMENT = Serializer(AttachmentFile)
PREVIEW = Serializer(PreviewFile)
COMMENT = Serializer(Comment)
OUTPUT_TYPE = Serializer(OutputType)
SOFTWARE = Serializer(Software)
FILE_STATUS = Serializer(FileStatus)
ENTITY = Serializer(Entity)
BACKGROUND = Serializer(PreviewBackgroundFile)

PREVIEW_IN_COMMENT = ("id", "task_id", "revision", "extension", "width", "height",
                      "duration", "status", "validation_status", "original_name", "position",
                      "annotations")
"""A preview as a task's conversation embeds it."""
PREVIEW_IN_LISTS = ("id", "name", "original_name", "extension", "revision", "position",
                    "file_size", "status", "validation_status", "task_id", "person_id",
                    "created_at", "token_in", "token_out")
"""A preview as Zou's lists of an entity's previews show it."""


def with_key_before(item, before, key, value):
    """``item`` with ``key`` inserted just before the key ``before``."""
    result = {}
    for name, existing in item.items():
        if name == before:
            result[key] = value
        result[name] = existing
    return result


def with_key_after(item, after, key, value):
    result = {}
    for name, existing in item.items():
        result[name] = existing
        if name == after:
            result[key] = value
    return result


def rows(serializer, query):
    return [serializer.from_values(values) for values in serializer.select(query)]


def working_files(query, relations=False):
    items = rows(WORKING_FILE, query)
    return add_outputs(items) if relations else items


def add_outputs(items):
    """Each working file's ``outputs``: the ids of the output files made from it."""
    ids = [item["id"] for item in items if "id" in item]
    outputs = defaultdict(list)
    if ids:
        for output_id, source_id in (OutputFile.select(OutputFile.id, OutputFile.source_file)
                                     .where(OutputFile.source_file.in_(ids)).tuples()):
            outputs[source_id].append(output_id)
    return [with_key_before(item, "id", "outputs", outputs.get(item.get("id"), []))
            for item in items]


def output_files(query):
    return nest_source_files(rows(OUTPUT_FILE, query))


def nest_source_files(items):
    """Zou nests each output file's source working file (``source_file``, or null)."""
    source_ids = {item["source_file_id"] for item in items} - {None}
    sources = {}
    if source_ids:
        sources = {item["id"]: item for item in rows(
            WORKING_FILE, WorkingFile.select().where(WorkingFile.id.in_(list(source_ids))))}
    return [with_key_after(item, "source_file_id", "source_file",
                           sources.get(item["source_file_id"])) for item in items]


def attachment_files(query):
    return nest_comments(rows(ATTACHMENT, query))


def nest_comments(items):
    """Zou nests the attachment's comment and its (unused) chat message after the dates."""
    comment_ids = {item["comment_id"] for item in items} - {None}
    comments = {}
    if comment_ids:
        comments = {item["id"]: item for item in rows(
            COMMENT, Comment.select().where(Comment.id.in_(list(comment_ids))))}
    return [with_key_before(with_key_before(item, "type", "comment",
                                            comments.get(item["comment_id"])),
                            "type", "chat_message", None) for item in items]


def attachment_summary(attachment):
    """What comments show of an attachment (``AttachmentFile.present`` in Zou)."""
    return {"id": attachment["id"], "name": attachment["name"],
            "extension": attachment["extension"], "size": attachment["size"]}


def previews(query, relations=False):
    items = rows(PREVIEW, query)
    return add_comment_ids(items) if relations else items


def add_comment_ids(items):
    """Each preview's ``comments``: the comments it is attached to."""
    ids = [item["id"] for item in items if "id" in item]
    found = defaultdict(list)
    if ids:
        for comment_id, preview_id in (CommentPreviewLink
                                       .select(CommentPreviewLink.comment,
                                               CommentPreviewLink.preview_file)
                                       .where(CommentPreviewLink.preview_file.in_(ids))
                                       .tuples()):
            found[preview_id].append(comment_id)
    return [with_key_before(item, "type", "comments", found.get(item.get("id"), []))
            for item in items]


def preview_in_comment(preview):
    return {key: preview[key] for key in PREVIEW_IN_COMMENT}
