"""Download routes: a preview's pictures (original, thumbnails, web size), its media as
uploaded, an attachment and its thumbnail. Files stream from storage; a preview still waiting for its media
answers as Zou does (202 to a client preferring JSON, else 404), a missing stored file is
Zou's 404, a file name in a path is never used to find a file."""

import falcon

from framework import BadRequest, NotFound, operation

from ..models import AttachmentFile, PreviewFile
from ..services import attachments, media, previews
from .common import FilesResource, row_or_404

NOT_READY = "Preview file was not found."
RETRY_AFTER = "5"
UNSAFE_NAME_PARTS = ("/", "\\", "\x00")
ORIGINAL_EXTENSIONS = (previews.PICTURE_EXTENSIONS | previews.FILE_EXTENSIONS
                       | previews.MOVIE_EXTENSIONS)


class PreviewDownloads(FilesResource):
    def readable(self, req, preview_id):
        """The preview, once the caller may read its task; the processing answer raises."""
        preview = row_or_404(PreviewFile, preview_id)
        self.access(req).task(preview.task_id)
        if preview.status == "processing":
            raise_not_ready(req, preview.id)
        return preview

    def serve(self, resp, preview, key, attachment=False):
        filename = media.download_name(preview) if attachment else ""
        if not self.send(resp, key, media.mimetype(key.rpartition(".")[2]),
                         preview.updated_at, filename, attachment):
            raise NotFound()

    @operation("The original of a preview: its PNG, or its file (pdf, glb..., and a movie "
               "kept in its own format, where gazu looks for a movie not named .mp4)")
    def on_get_original(self, req, resp, instance_id, extension):
        extension = extension.lower()
        if extension not in ORIGINAL_EXTENSIONS:
            raise BadRequest(f"Extension not allowed: {extension}", data=None)
        preview = self.readable(req, instance_id)
        if preview.extension != extension:
            raise NotFound()
        self.serve(resp, preview, media.picture_or_media_key(preview))

    @operation("The original of a preview as a download")
    def on_get_download(self, req, resp, instance_id):
        preview = self.readable(req, instance_id)
        self.serve(resp, preview, media.picture_or_media_key(preview), attachment=True)

    @operation("The movie of a preview, as uploaded")
    def on_get_movie(self, req, resp, instance_id, extension):
        preview = self.readable(req, instance_id)
        if extension.lower() != preview.extension or not preview.is_movie:
            raise NotFound()
        self.serve(resp, preview, previews.media_key(preview.id, preview.extension))

    @operation("The movie of a preview as a download")
    def on_get_movie_download(self, req, resp, instance_id):
        preview = self.readable(req, instance_id)
        if not preview.is_movie:
            raise NotFound()
        self.serve(resp, preview, previews.media_key(preview.id, preview.extension),
                   attachment=True)


class PreviewPicture(PreviewDownloads):
    """One picture variant of a preview (``thumbnails``, ``thumbnails-square``,
    ``previews``)."""

    def __init__(self, dopesheet, kind):
        super().__init__(dopesheet)
        self.kind = kind

    @operation("A picture variant of a preview (PNG)")
    def on_get(self, req, resp, instance_id):
        preview = self.readable(req, instance_id)
        if preview.extension != "png":
            raise NotFound()
        self.serve(resp, preview, previews.picture_key(self.kind, preview.id))


def raise_not_ready(req, preview_id):
    """Zou's answer for a preview without its media yet."""
    accept = req.get_header("Accept") or ""
    if req.client_prefers(["application/json", "image/png"]) == "application/json" and (
            "application/json" in accept):
        raise falcon.HTTPStatus(falcon.HTTP_202, headers={
            "Retry-After": RETRY_AFTER, "Cache-Control": "no-store",
            "Content-Type": falcon.MEDIA_JSON},
            text=f'{{"status":"processing","preview_file_id":"{preview_id}"}}')
    raise NotFound(NOT_READY, headers={"Cache-Control": "no-store"})


class AttachmentDownload(FilesResource):
    @operation("Download an attachment file (the name in the path is not used)")
    def on_get(self, req, resp, attachment_file_id, file_name):
        if file_name in (".", "..") or any(part in file_name for part in UNSAFE_NAME_PARTS):
            raise NotFound()
        attachment = row_or_404(AttachmentFile, attachment_file_id)
        self.access(req).require("read", AttachmentFile, attachment)
        inline = attachment.mimetype in attachments.INLINE_SAFE_MIMETYPES
        if not self.send(resp, attachments.key_of(attachment),
                         attachment.mimetype or "application/octet-stream",
                         attachment.updated_at, attachment.name, attachment=not inline):
            raise NotFound()

    @operation("The square thumbnail of a PNG or JPEG attachment; 404 for other files")
    def on_get_thumbnail(self, req, resp, attachment_file_id):
        attachment = row_or_404(AttachmentFile, attachment_file_id)
        self.access(req).require("read", AttachmentFile, attachment)
        if not self.send(resp, attachments.thumbnail_key(attachment.id), "image/png",
                         attachment.updated_at):
            raise NotFound()
