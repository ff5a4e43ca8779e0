"""``/data/playlists/{id}/download/zip``: who downloads a playlist's previews, and an
archive leaving out the previews whose media is not stored."""

import io
import uuid
import zipfile

from plugins.files.models import PreviewFile
from plugins.schedule.models import Playlist


def test_who_downloads_and_what_an_archive_leaves_out(prod):
    with prod.app.dopesheet.activated():
        internal = Playlist.create(name="Dailies", project=prod.project_id, shots=[])
        shared = Playlist.create(name="Review", project=prod.project_id, shots=[],
                                 for_client=True)
    path = "/data/playlists/{}/download/zip"
    for role, allowed in (("supervisor", {internal, shared}), ("client", {shared}),
                          ("user", set()), ("vendor", set())):
        _, headers = prod.member(role)
        for playlist in (internal, shared):
            answer = prod.call("GET", path.format(playlist.id), headers=headers)
            assert answer.status_code == (200 if playlist in allowed else 403), role
    answer = prod.call("GET", path.format(internal.id), 200)
    assert answer.headers["content-type"] == "application/zip"
    assert answer.headers["content-disposition"] == "attachment; filename=big_buck_dailies.zip"
    assert zipfile.ZipFile(io.BytesIO(answer.content)).namelist() == []
    prod.call("GET", path.format(uuid.uuid4()), 404)

    task = prod.shot_task()
    with prod.app.dopesheet.activated():
        preview = PreviewFile.create(task=task["id"], extension="png", status="ready")
        playlist = Playlist.create(name="Stored", project=prod.project_id, shots=[
            {"entity_id": prod.shot.id, "preview_file_id": preview.id},
            {"entity_id": prod.shot2.id, "preview_file_id": str(uuid.uuid4())}])
    answer = prod.call("GET", f"/data/playlists/{playlist.id}/download/zip", 200)
    assert zipfile.ZipFile(io.BytesIO(answer.content)).namelist() == []
