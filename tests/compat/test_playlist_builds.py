"""gazu's playlist downloads and build jobs against a served Dopesheet: the ZIP of a
playlist's previews (every preview of an entry's revision, under Zou's download names), a
build job imported from another instance read and removed, and the movie build refused
with its reason (Dopesheet builds no movies)."""

import uuid
import zipfile

import gazu
import pytest
from PIL import Image

from tests.compat.productions import production


def picture(directory, name, color):
    path = directory / name
    Image.new("RGB", (32, 20), color).save(path, "PNG")
    return str(path)


@pytest.fixture
def reviewed(admin, tmp_path):
    """A playlist playing a shot's revision made of two pictures."""
    prod = production(admin)
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    comment = gazu.task.add_comment(prod["shot_task"], wip, "two views", client=admin)
    first = gazu.task.add_preview(prod["shot_task"], comment,
                                  picture(tmp_path, "front.png", (200, 0, 0)), client=admin)
    gazu.task.add_preview(prod["shot_task"], comment,
                          picture(tmp_path, "side.png", (0, 200, 0)), client=admin)
    playlist = gazu.playlist.new_playlist(prod["project"], "Dailies", episode=prod["episode"],
                                          client=admin)
    playlist = gazu.playlist.add_entity_to_playlist(playlist, prod["shot"],
                                                    preview_file=first, client=admin)
    return {**prod, "playlist": playlist}


def test_a_playlist_downloads_as_a_zip_of_its_previews(admin, reviewed, new_person,
                                                      tmp_path):
    path = tmp_path / "dailies.zip"
    response = gazu.playlist.download_playlist_zip(reviewed["playlist"], str(path),
                                                   client=admin)
    project = reviewed["project"]["name"].lower().replace(" ", "_")
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename={project}_e101_dailies.zip")
    with zipfile.ZipFile(path) as archive:
        names = archive.namelist()
        front = Image.open(archive.open(names[0])).getpixel((0, 0))
    assert names == [f"{project}_sq01_sh010_animation_v1.png",
                     f"{project}_sq01_sh010_animation_v1-2.png"]
    assert front == (200, 0, 0)
    artist, artist_client = new_person()
    gazu.project.add_person_to_team(reviewed["project"], artist, client=admin)
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.playlist.download_playlist_zip(reviewed["playlist"], str(path),
                                            client=artist_client)


def test_build_jobs_are_read_and_removed_but_movies_not_built(admin, reviewed, tmp_path):
    playlist = reviewed["playlist"]
    with pytest.raises(gazu.exception.ParameterException) as raised:
        gazu.playlist.build_playlist_movie(playlist, client=admin)
    assert "no movie encoder" in str(raised.value)
    job = {"id": str(uuid.uuid4()), "playlist_id": playlist["id"], "status": "failed",
           "job_type": "movie", "created_at": "2024-03-04T05:06:07", "type": "BuildJob"}
    gazu.client.import_data("build-jobs", [job], client=admin)

    found = gazu.playlist.get_build_job(playlist, job, client=admin)

    assert (found["id"], found["status"], found["created_at"]) == (
        job["id"], "failed", "2024-03-04T05:06:07")
    with pytest.raises(gazu.exception.ParameterException):
        gazu.playlist.download_playlist_build(playlist, job, str(tmp_path / "cut.mp4"),
                                              client=admin)
    gazu.playlist.remove_build_job(playlist, job, client=admin)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        gazu.playlist.get_build_job(playlist, job, client=admin)
