"""Preview background files (HDR pictures behind 3D previews): the upload of their file
(admins) and its download."""

import falcon

from framework import BadRequest, NotFound, Forbidden, emit, operation, principal_of, utcnow

from ..models import PreviewBackgroundFile
from ..services import media, presenters, storing, uploads
from ..storage import storage_key
from .common import FilesResource, row_or_404

EXTENSIONS = frozenset(("hdr",))
RADIANCE_SIGNATURES = (b"#?RADIANCE", b"#?RGBE")
"""How a Radiance HDR file begins; anything else is refused as Zou's decoder refuses it."""


def key_of(background):
    return storage_key("preview-backgrounds/original", background.id, background.extension)


def refuse(resp, background, message):
    """Zou removes a background whose file it refuses: the removal is committed and the
    400 answered without raising (a raised error would roll it back)."""
    PreviewBackgroundFile.delete().where(PreviewBackgroundFile.id == background.id).execute()
    error = BadRequest(message, data=None)
    resp.status, resp.media = error.status, error.body()


class PreviewBackgroundFiles(FilesResource):
    @operation("Upload the file of a preview background (admins; multipart `file`, .hdr)",
               status=201)
    def on_post(self, req, resp, instance_id):
        if not principal_of(req).is_admin:
            raise Forbidden()
        background = row_or_404(PreviewBackgroundFile, instance_id)
        filename, stream = self.uploaded_file(req)
        original_name, extension = uploads.split_name(filename)
        if extension not in EXTENSIONS:
            refuse(resp, background, f"Wrong file format, extension: {extension}")
            return
        if not stream.read(len(max(RADIANCE_SIGNATURES, key=len))).startswith(
                RADIANCE_SIGNATURES):
            refuse(resp, background, "Error while saving preview background file and "
                                     f"thumbnail: {background.id}")
            return
        stream.seek(0)
        with stream:
            size = storing.put(self.dopesheet, storage_key(
                "preview-backgrounds/original", background.id, extension), stream)
        PreviewBackgroundFile.update(extension=extension, original_name=original_name,
                                     file_size=size, updated_at=utcnow()).where(
            PreviewBackgroundFile.id == background.id).execute()
        emit("preview-background-file:update", {"preview_background_file_id": background.id})
        emit("preview-background-file:add-file", {"preview_background_file_id": background.id,
                                                  "extension": extension})
        resp.media = presenters.rows(presenters.BACKGROUND, PreviewBackgroundFile.select()
                                     .where(PreviewBackgroundFile.id == background.id))[0]
        resp.status = falcon.HTTP_201

    @operation("Download the file of a preview background")
    def on_get_file(self, req, resp, instance_id, extension):
        background = row_or_404(PreviewBackgroundFile, instance_id)
        if background.extension != extension.lower():
            raise NotFound()
        if not self.send(resp, key_of(background), media.mimetype(background.extension),
                         background.updated_at,
                         f"{background.original_name}.{background.extension}"):
            raise NotFound()
