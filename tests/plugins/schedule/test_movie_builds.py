"""Playlist movies are not built: the build route answers why, and a build job's movie
answers Zou's 400 while the job is not finished, 404 after (no movie is stored)."""

import uuid

from plugins.schedule.models import BuildJob, Playlist


def test_movies_are_refused_with_the_reason(prod):
    with prod.app.dopesheet.activated():
        playlist = Playlist.create(name="Dailies", project=prod.project_id, shots=[])
    path = f"/data/playlists/{playlist.id}/build/mp4"
    _, manager_headers = prod.member("manager")
    answer = prod.call("GET", path, 400, manager_headers)
    assert "no movie encoder" in answer.json["message"]
    _, supervisor_headers = prod.member("supervisor")
    prod.call("GET", path, 403, supervisor_headers)
    prod.call("GET", f"/data/playlists/{uuid.uuid4()}/build/mp4", 404)

    with prod.app.dopesheet.activated():
        other = Playlist.create(name="Other", project=prod.project_id, shots=[])
        running = BuildJob.create(playlist=playlist.id)
        done = BuildJob.create(playlist=playlist.id, status="succeeded")
    path = "/data/playlists/{}/jobs/{}/build/mp4"
    answer = prod.call("GET", path.format(playlist.id, running.id), 400)
    assert answer.json["message"] == "Build is not finished"
    assert "no movie encoder" in prod.call("GET", path.format(playlist.id, done.id),
                                           404).json["message"]
    prod.call("GET", path.format(other.id, done.id), 404)
    prod.call("GET", path.format(playlist.id, done.id), 403, prod.artist_headers)
