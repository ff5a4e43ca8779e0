"""Preview background files (HDR pictures behind 3D previews): the upload of their file
(admins) with its PNG thumbnail, and their downloads."""

import io

import falcon

from framework import BadRequest, NotFound, Forbidden, emit, operation, principal_of, utcnow

from ..models import PreviewBackgroundFile
from ..services import media, pictures, presenters, radiance, storing, uploads
from ..storage import storage_key
from .common import FilesResource, row_or_404

EXTENSIONS = frozenset(("hdr",))
THUMBNAIL = (300, 200)


def key_of(background):
    return storage_key("preview-backgrounds/original", background.id, background.extension)


def thumbnail_key(background_id):
    return storage_key("preview-backgrounds/thumbnails", background_id, "png")


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
        with stream:
            try:
                thumbnail = pictures.thumbnail(radiance.picture(stream.read(), THUMBNAIL),
                                               THUMBNAIL)
            except radiance.NotRadiance:
                refuse(resp, background, "Error while saving preview background file and "
                                         f"thumbnail: {background.id}")
                return
            stream.seek(0)
            size = storing.put(self.dopesheet, storage_key(
                "preview-backgrounds/original", background.id, extension), stream)
        storing.put(self.dopesheet, thumbnail_key(background.id), io.BytesIO(thumbnail))
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

    @operation("The PNG thumbnail of a preview background")
    def on_get_thumbnail(self, req, resp, instance_id):
        background = row_or_404(PreviewBackgroundFile, instance_id)
        if not self.send(resp, thumbnail_key(background.id), "image/png",
                         background.updated_at):
            raise NotFound()
