"""``GET /data/playlists/{id}/download/zip``: a playlist's previews in one archive, for the
managers and supervisors of its project and, on client playlists, its clients (Zou's
rules). Mounted when the plugins holding playlists and preview files are enabled."""

from framework import Forbidden, PluginResource, Route, get_or_404, operation
from plugins.entities.services.access import effective_role
from plugins.schedule.models import Playlist

from ..services import playlist_zip

STAFF = ("admin", "manager", "supervisor")


class PlaylistZip(PluginResource):
    @operation("A playlist's previews in a ZIP archive", content_type="application/zip")
    def on_get(self, req, resp, playlist_id):
        playlist = get_or_404(Playlist, playlist_id)
        role = effective_role(self.require(req, "read", Playlist, playlist),
                              playlist.project_id)
        if role not in STAFF and not (role == "client" and playlist.for_client):
            raise Forbidden()
        storage = self.dopesheet.hooks.call("files_storage", dopesheet=self.dopesheet)
        archive = playlist_zip.archive(playlist, storage)
        resp.content_type = "application/zip"
        resp.set_header("Content-Disposition",
                        f"attachment; filename={playlist_zip.download_name(playlist)}")
        size = archive.seek(0, 2)
        archive.seek(0)
        resp.set_stream(archive, size)


def routes(dopesheet):
    if not {"playlist", "preview_file"} <= set(dopesheet.models):
        return []
    return [Route("/data/playlists/{playlist_id}/download/zip", PlaylistZip(dopesheet))]
