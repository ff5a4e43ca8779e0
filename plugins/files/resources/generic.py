"""The generic model routes (``/data/<plural>``) of the plugin's models through the core's
``ModelApi``, with what Zou adds: nested rows (an output file's ``source_file``, an
attachment's ``comment``), relation lists (a working file's ``outputs``, a preview's
``comments``), the checked enums, the forced preview deletion, the one default preview
background."""

import dataclasses

import falcon

from framework import BadRequest, ModelApi, principal_of, utcnow
from framework.crud import ItemResource, guard_integrity

from ..models import (PREVIEW_STATUSES, QUALITIES, VALIDATION_STATUSES, AttachmentFile,
                      FileStatus, OutputFile, OutputType, PreviewBackgroundFile, PreviewFile,
                      Software, WorkingFile)
from ..services import presenters, previews


class CheckedChoices:
    """PUT refuses a value outside an enum column's choices with Zou's message."""

    choices = {}

    def load_update(self, body):
        data = super().load_update(body)
        for key, allowed in self.choices.items():
            if key in data and data[key] not in allowed:
                raise BadRequest(f"Invalid {key}", data=None)
        return data


class WorkingFileApi(CheckedChoices, ModelApi):
    model, plural = WorkingFile, "working-files"
    choices = {"validation_status": VALIDATION_STATUSES}

    def serialize(self, instance, relations, principal):
        item = self.serializer.from_instance(instance)
        return presenters.add_outputs([item])[0] if relations else item


class OutputFileApi(CheckedChoices, ModelApi):
    model, plural = OutputFile, "output-files"
    choices = {"quality": QUALITIES}

    def present(self, items, principal, many):
        return presenters.nest_source_files(items)


class AttachmentFileApi(ModelApi):
    model, plural = AttachmentFile, "attachment-files"

    def present(self, items, principal, many):
        return presenters.nest_comments(items)


class ForcedDeleteResource(ItemResource):
    """``DELETE`` removes the preview with its comment links and stored files."""

    def on_delete(self, req, resp, instance_id):
        api = self.api
        principal = principal_of(req)
        instance = api.get_instance(instance_id, principal)
        api.require(principal, "delete", instance)
        guard_integrity(lambda: previews.remove([instance], api.dopesheet))
        api.emit("delete", instance)
        resp.status = falcon.HTTP_204


class PreviewFileApi(CheckedChoices, ModelApi):
    model, plural = PreviewFile, "preview-files"
    choices = {"status": PREVIEW_STATUSES, "validation_status": VALIDATION_STATUSES}

    def routes(self):
        collection, item = super().routes()
        return [collection, dataclasses.replace(item, resource=ForcedDeleteResource(self))]

    def serialize(self, instance, relations, principal):
        item = self.serializer.from_instance(instance)
        return presenters.add_comment_ids([item])[0] if relations else item

    def event_data(self, instance):
        return {"preview_file_id": instance.id}


class PreviewBackgroundFileApi(ModelApi):
    """One default at most: setting ``is_default`` clears it elsewhere."""

    model, plural = PreviewBackgroundFile, "preview-background-files"

    def create(self, data, principal):
        instance = super().create(data, principal)
        self.keep_one_default(instance, data)
        return instance

    def update(self, instance, data, principal):
        instance = super().update(instance, data, principal)
        self.keep_one_default(instance, data)
        return instance

    @staticmethod
    def keep_one_default(instance, data):
        if data.get("is_default"):
            PreviewBackgroundFile.update(is_default=False, updated_at=utcnow()).where(
                PreviewBackgroundFile.id != instance.id,
                PreviewBackgroundFile.is_default == True).execute()  # noqa: E712


APIS = (
    lambda dopesheet: ModelApi(dopesheet, Software, "softwares"),
    lambda dopesheet: ModelApi(dopesheet, OutputType, "output-types"),
    lambda dopesheet: ModelApi(dopesheet, FileStatus, "file-status"),
    WorkingFileApi, OutputFileApi, AttachmentFileApi, PreviewFileApi, PreviewBackgroundFileApi,
)
