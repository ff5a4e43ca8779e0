"""A frame or the tile sheet of a movie preview (``/actions/preview-files/{id}/
extract-frame|extract-tile``). Dopesheet stores movies as uploaded and has no movie decoder:
for a movie both answer 404 with why (gazu raises ``RouteNotFoundException`` rather than
writing an error body into the picture file). A picture has neither, as in Zou: 404 for a
frame, 400 for a tile."""

from framework import BadRequest, NotFound, operation

from ..models import PreviewFile
from ..services.access import task_row
from .common import FilesResource, row_or_404

NO_DECODER = ("Frames are not extracted from movies: this server stores them as uploaded, "
              "without a movie decoder.")
NOT_A_MOVIE = "Preview file is not a movie"


def frame_number(value):
    try:
        return int(value or 0)
    except ValueError:
        raise BadRequest("frame_number must be an integer.", data=None) from None


class PreviewFrames(FilesResource):
    @operation("A frame of a movie preview as a PNG (project managers; ?frame_number): "
               "404, this server does not decode movies")
    def on_get_frame(self, req, resp, preview_file_id):
        frame_number(req.params.get("frame_number"))
        preview = row_or_404(PreviewFile, preview_file_id)
        self.access(req).project_manager(task_row(preview.task_id).project_id)
        if preview.extension != "mp4":
            raise NotFound()
        raise NotFound(NO_DECODER)

    @operation("The tile sheet of a movie preview as a PNG: 404, this server does not "
               "decode movies; 400 for a preview that is not a movie")
    def on_get_tile(self, req, resp, preview_file_id):
        preview = row_or_404(PreviewFile, preview_file_id)
        self.access(req).task(preview.task_id)
        if preview.extension != "mp4":
            raise BadRequest(NOT_A_MOVIE, data=None)
        raise NotFound(NO_DECODER)
