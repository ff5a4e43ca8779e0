"""gazu.files' preview, movie, attachment and avatar functions, and the preview parts of
gazu.task and gazu.project, against a served Dopesheet. Movies are stored as uploaded (no
transcoding): the low-definition movie is the uploaded one, and frames are not extracted."""

import gazu
import pytest
from PIL import Image

from tests.compat.conftest import unique
from tests.compat.test_files import png_file

MOVIE_BYTES = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 64
"""Not a playable movie: Dopesheet stores movies as they come, without decoding them."""


@pytest.fixture
def take(admin, tmp_path):
    """A modeling task of a character, a comment on it and a PNG preview of that comment."""
    project = gazu.project.new_project(unique("Previews"), "featurefilm", client=admin)
    modeling = gazu.task.get_task_type_by_name("Modeling", for_entity="Asset", client=admin)
    gazu.project.add_task_type(project, modeling, 1, client=admin)
    character = gazu.asset.get_asset_type_by_name("Character", client=admin)
    asset = gazu.asset.new_asset(project, character, "Hero", client=admin)
    task = gazu.task.new_task(asset, modeling, client=admin)
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    comment = gazu.task.add_comment(task, wip, "first take", client=admin)
    preview = gazu.task.add_preview(task, comment, str(png_file(tmp_path, size=(320, 200))),
                                    client=admin)
    return {"project": project, "task": task, "comment": comment, "preview": preview,
            "wip": wip}


def movie_file(directory, name="take.mp4"):
    path = directory / name
    path.write_bytes(MOVIE_BYTES)
    return path


def test_extra_previews_positions_and_removal(admin, take, tmp_path):
    task, comment, first = take["task"], take["comment"], take["preview"]
    empty = gazu.task.create_extra_preview(task, comment, first, client=admin)
    assert (empty["revision"], empty["position"], empty["status"]) == (1, 2, "processing")
    extra = gazu.task.add_extra_preview(task, comment, first,
                                        preview_file_path=str(png_file(tmp_path, "b.png")),
                                        client=admin)
    assert (extra["revision"], extra["position"], extra["status"]) == (1, 3, "ready")
    moved = gazu.files.update_preview_position(extra, 1, client=admin)
    assert [item["id"] for item in moved] == [extra["id"], first["id"], empty["id"]]
    assert [item["position"] for item in moved] == [1, 2, 3]
    gazu.task.remove_preview_from_comment(task, comment, empty, client=admin)
    assert {item["id"] for item in gazu.files.get_all_preview_files_for_task(
        task, client=admin)} == {first["id"], extra["id"]}


def test_preview_updates_and_annotations(admin, take):
    preview = take["preview"]
    updated = gazu.files.update_preview(preview, {"validation_status": "validated"},
                                        client=admin)
    assert updated["validation_status"] == "validated"
    stroke = {"time": 0, "frame": 0, "drawing": {"objects": [{"id": "stroke-1",
                                                               "type": "path"}]}}
    annotated = gazu.files.update_preview_annotations(preview, additions=[stroke],
                                                      client=admin)
    assert annotated["annotations"][0]["drawing"]["objects"][0]["id"] == "stroke-1"
    cleared = gazu.files.update_preview_annotations(
        preview, deletions=[{"time": 0, "frame": 0, "objects": ["stroke-1"]}], client=admin)
    assert all(not item["drawing"]["objects"] for item in cleared["annotations"])


def test_preview_urls_and_movie_downloads(admin, take, tmp_path):
    task, comment, picture = take["task"], take["comment"], take["preview"]
    assert gazu.files.get_preview_file_url(picture, client=admin) == (
        f"pictures/originals/preview-files/{picture['id']}.png")
    empty = gazu.task.create_preview(task, comment, client=admin)
    with pytest.raises(gazu.exception.PreviewFileProcessingException):
        gazu.files.wait_for_preview_file(empty, timeout=0, client=admin)
    running = gazu.files.get_running_preview_files(client=admin)
    assert empty["id"] in [item["id"] for item in running]
    movie = gazu.task.upload_preview_file(empty, str(movie_file(tmp_path)), client=admin)
    assert gazu.files.wait_for_preview_file(movie, timeout=0, client=admin)["status"] == (
        "ready")
    assert empty["id"] not in [item["id"] for item in gazu.files.get_running_preview_files(
        client=admin)]
    assert gazu.files.get_preview_file_url(movie, client=admin) == (
        f"movies/originals/preview-files/{movie['id']}.mp4")
    assert gazu.files.get_preview_movie_url(movie, client=admin) == (
        f"movies/originals/preview-files/{movie['id']}.mp4")
    assert gazu.files.get_preview_lowdef_movie_url(movie, client=admin) == (
        f"movies/low/preview-files/{movie['id']}.mp4")
    original, lowdef = tmp_path / "original.mp4", tmp_path / "low.mp4"
    gazu.files.download_preview_movie(movie, str(original), client=admin)
    gazu.files.download_preview_lowdef_movie(movie, str(lowdef), client=admin)
    assert original.read_bytes() == lowdef.read_bytes() == MOVIE_BYTES


def test_output_file_by_path(admin, take):
    output_type = gazu.files.new_output_type(unique("Render"), "rnd", client=admin)
    modeling = gazu.task.get_task_type(take["task"]["task_type_id"], client=admin)
    asset = gazu.asset.get_asset(take["task"]["entity_id"], client=admin)
    name = unique("render").replace(" ", "_")
    created = gazu.files.new_entity_output_file(asset, output_type, modeling, "render",
                                                name=name, client=admin)
    assert name in created["path"]
    assert gazu.files.get_output_file_by_path(created["path"], client=admin)["id"] == (
        created["id"])
    assert gazu.files.get_output_file_by_path(created["path"] + ".missing",
                                              client=admin) is None


def test_attachments_of_a_project_and_their_removal(admin, take, tmp_path):
    task, wip = take["task"], take["wip"]
    picture = png_file(tmp_path, "board.png", size=(300, 120))
    notes = tmp_path / "notes.txt"
    notes.write_text("keep the hat\n")
    comment = gazu.task.add_comment(task, wip, "boards", attachments=[str(picture),
                                                                      str(notes)],
                                    client=admin)
    by_name = {item["name"]: item for item in comment["attachment_files"]}
    listed = gazu.files.get_all_attachment_files_for_project(take["project"], client=admin)
    assert {item["name"] for item in listed} == {"board.png", "notes.txt"}
    board = by_name["board.png"]
    assert gazu.files.get_attachment_thumbnail_url(board, client=admin) == (
        f"pictures/thumbnails/attachment-files/{board['id']}.png")
    thumbnail = tmp_path / "thumbnail.png"
    gazu.files.download_attachment_thumbnail(board, str(thumbnail), client=admin)
    assert Image.open(thumbnail).size == (150, 150)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        gazu.files.download_attachment_thumbnail(by_name["notes.txt"], str(thumbnail),
                                                 client=admin)
    gazu.task.delete_comment_attachment(task, comment, by_name["notes.txt"], client=admin)
    assert [item["name"] for item in gazu.files.get_all_attachment_files_for_project(
        take["project"], client=admin)] == ["board.png"]


def test_frames_and_tiles_are_not_extracted(admin, take, tmp_path):
    """Zou decodes movies with ffmpeg; Dopesheet keeps them as uploaded and says so."""
    picture = take["preview"]
    movie = gazu.task.add_preview(take["task"], take["comment"], str(movie_file(tmp_path)),
                                  client=admin)
    target = tmp_path / "extracted.png"
    for extract in (lambda preview: gazu.files.extract_frame_from_preview(
                        preview, 12, str(target), client=admin),
                    lambda preview: gazu.files.extract_tile_from_preview(
                        preview, str(target), client=admin)):
        with pytest.raises(gazu.exception.RouteNotFoundException):
            extract(movie)
    with pytest.raises(gazu.exception.RouteNotFoundException):
        gazu.files.extract_frame_from_preview(picture, 0, str(target), client=admin)
    with pytest.raises(gazu.exception.ParameterException, match="not a movie"):
        gazu.files.extract_tile_from_preview(picture, str(target), client=admin)
    assert not target.exists()


def test_avatars_of_a_person_a_project_and_the_organisation(admin, new_person, take,
                                                            tmp_path):
    person, person_client = new_person()
    organisation = gazu.person.get_organisation(client=admin)
    project = take["project"]
    picture = png_file(tmp_path, "face.png", size=(200, 100))
    target = tmp_path / "avatar.png"
    with pytest.raises(gazu.exception.RouteNotFoundException):
        gazu.files.download_person_avatar(person, str(target), client=admin)
    assert gazu.person.set_avatar(person, str(picture), client=person_client) == {
        "thumbnail_path": f"pictures/thumbnails/persons/{person['id']}.png"}
    assert gazu.person.get_person(person["id"], client=admin)["has_avatar"] is True
    gazu.files.download_person_avatar(person, str(target), client=person_client)
    assert Image.open(target).size == (400, 400)
    uploads = ((gazu.files.upload_person_avatar, gazu.files.download_person_avatar, person),
               (gazu.files.upload_project_avatar, gazu.files.download_project_avatar,
                project),
               (gazu.files.upload_organisation_avatar,
                gazu.files.download_organisation_avatar, organisation))
    for upload, download, owner in uploads:
        kind = upload.__name__.split("_")[1] + "s"
        assert upload(owner, str(picture), client=admin)["thumbnail_path"] == (
            f"pictures/thumbnails/{kind}/{owner['id']}.png")
        download(owner, str(target), client=admin)
        assert Image.open(target).size == (400, 400)
    assert gazu.project.get_project(project["id"], client=admin)["has_avatar"] is True
    assert gazu.person.get_organisation(client=admin)["has_avatar"] is True
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.files.upload_organisation_avatar(organisation, str(picture), client=person_client)
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.files.download_project_avatar(project, str(target), client=person_client)


def test_preview_backgrounds_of_projects_and_templates(admin, take):
    project = take["project"]
    grey = gazu.client.create("preview-background-files", {"name": unique("Grey")},
                              client=admin)
    studio = gazu.client.create("preview-background-files", {"name": unique("Studio")},
                                client=admin)
    added = gazu.project.add_preview_background_file(
        project, {"preview_background_file_id": grey["id"]}, client=admin)
    assert (added["id"], added["type"]) == (project["id"], "Project")
    offered = gazu.project.get_preview_background_files(project, client=admin)
    assert [(item["id"], item["type"]) for item in offered] == [
        (grey["id"], "PreviewBackgroundFile")]
    gazu.project.remove_preview_background_file(project, grey, client=admin)
    assert gazu.project.get_preview_background_files(project, client=admin) == []
    template = gazu.project_template.new_project_template(unique("Look dev"), client=admin)
    with pytest.raises(gazu.exception.ParameterException, match="not linked"):
        gazu.project_template.set_project_template_default_preview_background_file(
            template, grey, client=admin)
    for background in (grey, studio):
        entry = gazu.project_template.add_preview_background_file_to_project_template(
            template, background, client=admin)
        assert entry == {"id": background["id"], "name": background["name"],
                         "is_default": False}
    chosen = gazu.project_template.set_project_template_default_preview_background_file(
        template, studio, client=admin)
    assert chosen["default_preview_background_file_id"] == studio["id"]
    gazu.project_template.remove_preview_background_file_from_project_template(
        template, studio, client=admin)
    assert gazu.project_template.all_preview_background_files_for_project_template(
        template, client=admin) == [{"id": grey["id"], "name": grey["name"],
                                     "is_default": False}]
    assert gazu.project_template.get_project_template(
        template["id"], client=admin)["default_preview_background_file_id"] is None
