"""The generic model routes (``/data/<plural>``) of the plugin's models through the core's
``ModelApi``, with what Zou adds: nested rows (an output file's ``source_file``, an
attachment's ``comment``), relation lists (a working file's ``outputs``, a preview's
``comments``), the checked enums, the preview deletion with its stored files, the one
default preview background."""

from framework import BadRequest, ModelApi, utcnow
from framework.filters import parse_bool

from plugins.entities.models import (Project, ProjectPreviewBackgroundFileLink,
                                     ProjectTemplate, ProjectTemplatePreviewBackgroundFileLink)

from ..models import (PREVIEW_STATUSES, QUALITIES, VALIDATION_STATUSES, AttachmentFile,
                      FileStatus, OutputFile, OutputType, PreviewBackgroundFile, PreviewFile,
                      Software, WorkingFile)
from ..services import presenters, previews, storing
from . import backgrounds

SIMILAR_BACKGROUND = "A preview background file with similar name already exists"


class CheckedChoices:
    """PUT refuses a value outside an enum column's choices with Zou's message."""

    choices = {}

    def load_update(self, body):
        data = super().load_update(body)
        for key, allowed in self.choices.items():
            if key in data and data[key] not in allowed:
                raise BadRequest(f"Invalid {key}", data=None)
        return data


class RelationLists:
    """``relations=true`` adds Zou's relation lists (``relation_lists(items)``) to one
    object and to lists (paginated or not) alike, in one query."""

    def serialize(self, instance, relations, principal):
        item = self.serializer.from_instance(instance)
        return self.relation_lists([item])[0] if relations else item

    def list(self, params, principal):
        result = super().list(params, principal)
        if not parse_bool(params.get("relations"), False):
            return result
        if isinstance(result, dict):
            return {**result, "data": self.relation_lists(result["data"])}
        return self.relation_lists(result)


class WorkingFileApi(RelationLists, CheckedChoices, ModelApi):
    model, plural = WorkingFile, "working-files"
    choices = {"validation_status": VALIDATION_STATUSES}

    def relation_lists(self, items):
        return presenters.add_outputs(items)


class OutputFileApi(CheckedChoices, ModelApi):
    model, plural = OutputFile, "output-files"
    choices = {"quality": QUALITIES}

    def present(self, items, principal, many):
        return presenters.nest_source_files(items)


class AttachmentFileApi(ModelApi):
    model, plural = AttachmentFile, "attachment-files"

    def present(self, items, principal, many):
        return presenters.nest_comments(items)


class PreviewFileApi(RelationLists, CheckedChoices, ModelApi):
    model, plural = PreviewFile, "preview-files"
    choices = {"status": PREVIEW_STATUSES, "validation_status": VALIDATION_STATUSES}

    def relation_lists(self, items):
        return presenters.add_comment_ids(items)

    def delete(self, instance, principal, force=False):
        """The preview goes with its comment links and stored files."""
        previews.remove([instance], self.dopesheet)

    def event_data(self, instance):
        return {"preview_file_id": instance.id}


class PreviewBackgroundFileApi(ModelApi):
    """Names are unique on creation; one default at most: setting ``is_default`` clears it
    elsewhere."""

    model, plural = PreviewBackgroundFile, "preview-background-files"

    def create(self, data, principal):
        if PreviewBackgroundFile.select().where(
                PreviewBackgroundFile.name == data.get("name")).exists():
            raise BadRequest(SIMILAR_BACKGROUND, data=None)
        instance = super().create(data, principal)
        self.keep_one_default(instance, data)
        return instance

    def update(self, instance, data, principal):
        instance = super().update(instance, data, principal)
        self.keep_one_default(instance, data)
        return instance

    def delete(self, instance, principal, force=False):
        """The background goes with its stored file and thumbnail, and leaves the projects
        and templates offering it."""
        for link in (ProjectPreviewBackgroundFileLink, ProjectTemplatePreviewBackgroundFileLink):
            link.delete().where(link.preview_background_file_id == instance.id).execute()
        for owner in (Project, ProjectTemplate):
            owner.update(default_preview_background_file_id=None).where(
                owner.default_preview_background_file_id == instance.id).execute()
        super().delete(instance, principal, force)
        keys = [backgrounds.thumbnail_key(instance.id)]
        if instance.extension:
            keys.append(backgrounds.key_of(instance))
        storing.remove_after_commit(self.dopesheet, keys)

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
