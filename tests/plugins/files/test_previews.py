"""Previews: an empty preview added to a comment, its media uploaded (PNG/JPEG pictures get
Pillow thumbnails, movies and other media are stored as they are), the main preview of an
entity, and every download, as Zou 1.0.97 answers them."""

import io

import pytest
from PIL import Image

from .conftest import picture

UNKNOWN = "d8a4e5b5-8b1f-4e6a-9e7a-3f2c1b0a9d8c"
MOVIE = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 512


def upload(prod, preview, name, content, expected=201, headers=None):
    return prod.upload(f"/pictures/preview-files/{preview['id']}", {"file": (name, content)},
                       expected, headers)


def radiance(width, height, rgbe=(128, 64, 32, 128), bottom_up=False):
    """A Radiance HDR picture: new-style RLE scanlines (runs and literal packets), or flat
    ones when narrower than 8 pixels. The top half is ``rgbe`` (0.5, 0.25, 0.125), the
    bottom half black."""
    lines = []
    for row in range(height):
        pixel = bytes(rgbe) if row < height // 2 else bytes(4)
        if width < 8:
            lines.append(pixel * width)
            continue
        line = bytearray(b"\x02\x02" + width.to_bytes(2, "big"))
        for channel in pixel:
            literal = min(3, width)
            line += bytes([literal]) + bytes([channel]) * literal
            left = width - literal
            while left:
                run = min(127, left)
                line += bytes([128 + run, channel])
                left -= run
        lines.append(bytes(line))
    if bottom_up:
        lines.reverse()
    orientation = b"+Y" if bottom_up else b"-Y"
    return (b"#?RADIANCE\nFORMAT=32-bit_rle_rgbe\n\n" + orientation
            + f" {height} +X {width}\n".encode() + b"".join(lines))


def decoded(response):
    return Image.open(io.BytesIO(response.content))


def test_a_preview_added_to_a_comment_waits_for_its_media(prod):
    task = prod.shot_task()
    comment = prod.comment(task, "wip", "take 1")
    preview = prod.preview(task, comment)
    assert (preview["revision"], preview["position"], preview["status"],
            preview["extension"]) == (1, 1, "processing", "mp4")
    assert preview["comments"] == [comment["id"]]
    assert preview["task_id"] == task["id"]
    extra = prod.post(f"/actions/tasks/{task['id']}/comments/{comment['id']}/preview-files/"
                      f"{preview['id']}")
    assert (extra["revision"], extra["position"]) == (1, 2)
    assert prod.preview(task)["revision"] == 2
    prod.download(f"/pictures/thumbnails/preview-files/{preview['id']}.png", expected=404)
    waiting = prod.call("GET", f"/pictures/thumbnails/preview-files/{preview['id']}.png",
                        headers={**prod.admin, "Accept": "application/json"})
    assert waiting.status_code == 202
    assert waiting.json == {"status": "processing", "preview_file_id": preview["id"]}


def test_a_png_preview_round_trips_with_its_thumbnails(prod):
    task = prod.shot_task()
    preview = prod.preview(task)
    png = picture((320, 200))
    answer = upload(prod, preview, "frame.png", png)
    assert (answer["status"], answer["extension"], answer["original_name"], answer["width"],
            answer["height"], answer["file_size"]) == ("ready", "png", "frame", 320, 200,
                                                       len(png))
    base = f"/preview-files/{preview['id']}"
    original = prod.download(f"/pictures/originals{base}.png")
    assert original.content == png and original.headers["content-type"] == "image/png"
    assert decoded(prod.download(f"/pictures/thumbnails{base}.png")).size == (150, 100)
    assert decoded(prod.download(f"/pictures/thumbnails-square{base}.png")).size == (100, 100)
    assert decoded(prod.download(f"/pictures/previews{base}.png")).size == (1200, 750)
    download = prod.download(f"/pictures/originals{base}/download")
    assert download.content == png
    assert download.headers["content-disposition"] == (
        "attachment; filename=big_buck_sq01_sh010_animation_v1.png")
    assert prod.get(f"/data/tasks/{task['id']}")["last_preview_file_id"] == preview["id"]


def test_batch_comments_store_their_previews_and_attachments(prod):
    task = prod.shot_task()
    comments = ('[{"text": "a", "task_status_id": "%s"}, {"text": "b", "task_status_id": "%s"}]'
                % (prod.status["wip"], prod.status["wfa"]))
    png = picture((40, 30))
    posted = prod.upload(f"/actions/tasks/{task['id']}/batch-comment",
                         {"preview_file-1-0": ("frame.png", png),
                          "attachment_file-0-0": ("notes.txt", b"words")}, comments=comments)
    assert [len(comment["attachment_files"]) for comment in posted] == [1, 0]
    preview_id = posted[1]["previews"][0]
    preview = prod.get(f"/data/preview-files/{preview_id}")
    assert (preview["status"], preview["width"], preview["height"]) == ("ready", 40, 30)
    assert prod.download(f"/pictures/originals/preview-files/{preview_id}.png").content == png
    attachment_id = posted[0]["attachment_files"][0]["id"]
    assert prod.download(f"/data/attachment-files/{attachment_id}/file/notes.txt"
                         ).content == b"words"


@pytest.mark.parametrize("size,kind,box", [
    ((320, 200), "thumbnails-square", (0, 18, 100, 81)),
    ((100, 300), "thumbnails", (58, 0, 92, 100)),
    ((50, 50), "thumbnails", (25, 0, 125, 100)),
])
def test_thumbnails_are_placed_as_zou_places_them(prod, size, kind, box):
    """Sides rounded up and the picture centred as Zou does (measured on Zou 1.0.97)."""
    task = prod.shot_task()
    preview = prod.preview(task)
    upload(prod, preview, "frame.png", picture(size))
    thumbnail = decoded(prod.download(f"/pictures/{kind}/preview-files/{preview['id']}.png"))
    assert thumbnail.getbbox() == box


def test_a_jpeg_preview_is_kept_as_a_png(prod):
    task = prod.shot_task()
    preview = prod.preview(task)
    answer = upload(prod, preview, "Frame.JPG", picture((100, 300), kind="JPEG"))
    assert (answer["extension"], answer["width"], answer["height"]) == ("png", 100, 300)
    original = decoded(prod.download(f"/pictures/originals/preview-files/{preview['id']}.png"))
    assert (original.format, original.size) == ("PNG", (100, 300))


def test_movies_and_files_are_stored_as_they_are(prod):
    task = prod.shot_task()
    movie = prod.preview(task)
    answer = upload(prod, movie, "take.mp4", MOVIE)
    assert (answer["extension"], answer["is_movie"], answer["file_size"], answer["status"]) == (
        "mp4", True, len(MOVIE), "ready")
    served = prod.download(f"/movies/originals/preview-files/{movie['id']}.mp4")
    assert served.content == MOVIE and served.headers["content-type"] == "video/mp4"
    assert prod.download(f"/movies/originals/preview-files/{movie['id']}/download"
                         ).content == MOVIE
    quicktime = prod.preview(task)
    assert upload(prod, quicktime, "take.MOV", MOVIE)["extension"] == "mov"
    kept = prod.download(f"/pictures/originals/preview-files/{quicktime['id']}.mov")
    assert kept.content == MOVIE and kept.headers["content-type"] == "video/quicktime"
    document = prod.preview(task)
    upload(prod, document, "brief.pdf", b"%PDF-1.4 brief")
    pdf = prod.download(f"/pictures/originals/preview-files/{document['id']}.pdf")
    assert pdf.content == b"%PDF-1.4 brief"
    assert pdf.headers["content-type"] == "application/pdf"
    prod.download(f"/pictures/thumbnails/preview-files/{document['id']}.png", expected=404)


def test_preview_content_is_checked(prod):
    task = prod.shot_task()
    fake = prod.preview(task)
    refused = upload(prod, fake, "frame.png", b"not a picture", expected=400)
    assert refused["message"] == "Uploaded file is not a readable picture."
    wrong = prod.preview(task)
    refused = upload(prod, wrong, "tool.exe", b"MZ", expected=400)
    assert refused["message"] == "Wrong file format, extension: exe"
    prod.get(f"/data/preview-files/{wrong['id']}", expected=404)
    ready = prod.preview(task)
    upload(prod, ready, "frame.png", picture())
    upload(prod, ready, "frame.png", picture(), expected=400)
    prod.call("POST", f"/pictures/preview-files/{ready['id']}", 400,
              json={"file": "not multipart"})
    prod.download(f"/pictures/originals/preview-files/{ready['id']}.exe", expected=400)
    prod.download(f"/pictures/originals/preview-files/{ready['id']}.jpg", expected=404)


def test_set_main_preview(prod):
    task = prod.shot_task()
    preview = prod.preview(task)
    upload(prod, preview, "frame.png", picture())
    shot = prod.put(f"/actions/preview-files/{preview['id']}/set-main-preview", {})
    assert shot["id"] == prod.shot.id and shot["preview_file_id"] == preview["id"]
    refused = prod.put(f"/actions/preview-files/{preview['id']}/set-main-preview",
                       {"frame_number": 3}, expected=400)
    assert refused["message"] == "Can't use a given frame on non movie preview"
    newer = prod.preview(task)
    upload(prod, newer, "frame.png", picture())
    prod.put(f"/actions/tasks/{task['id']}/set-main-preview", {})
    assert prod.get(f"/data/entities/{prod.shot.id}")["preview_file_id"] == newer["id"]
    empty_task = prod.shot_task("Layout")
    prod.put(f"/actions/tasks/{empty_task['id']}/set-main-preview", {}, expected=400)


def test_previews_of_a_task_and_their_position(prod):
    task = prod.shot_task()
    comment = prod.comment(task, "wip", "two takes")
    first = prod.preview(task, comment)
    second = prod.post(f"/actions/tasks/{task['id']}/comments/{comment['id']}/preview-files/"
                       f"{first['id']}")
    moved = prod.put(f"/actions/preview-files/{second['id']}/update-position",
                     {"position": 1})
    assert [(item["id"], item["position"]) for item in moved] == [(second["id"], 1),
                                                                  (first["id"], 2)]
    listed = prod.get(f"/data/tasks/{task['id']}/previews")
    assert [item["id"] for item in listed] == [second["id"], first["id"]]


def test_previews_of_an_entity_by_task_type(prod):
    animation = prod.shot_task()
    layout = prod.shot_task("Layout")
    first = prod.preview(animation)
    second = prod.preview(animation)
    planned = prod.preview(layout)
    listed = prod.get(f"/data/entities/{prod.shot.id}/preview-files")
    assert [item["id"] for item in listed] == [second["id"], first["id"], planned["id"]]
    assert list(listed[0]) == ["id", "name", "original_name", "extension", "revision",
                               "position", "file_size", "status", "validation_status",
                               "task_id", "person_id", "created_at", "token_in", "token_out"]
    assert prod.get(f"/data/entities/{prod.shot2.id}/preview-files") == []
    outsider = prod.studio.headers(prod.studio.person("user"))
    prod.get(f"/data/entities/{prod.shot.id}/preview-files", headers=outsider, expected=403)
    prod.get(f"/data/entities/{UNKNOWN}/preview-files", expected=404)


def test_previews_still_waiting(prod, clock_control):
    _, artist = prod.member("user")
    task = prod.shot_task()
    older = prod.preview(task)
    clock_control.advance(minutes=1)
    newer = prod.preview(task)
    ready = prod.preview(task)
    upload(prod, ready, "frame.png", picture())
    running = prod.get("/data/playlists/preview-files/running")
    assert [item["id"] for item in running] == [newer["id"], older["id"]]
    assert running[0]["full_entity_name"] == "E01 / SQ01 / SH010"
    assert (running[0]["project_id"], running[0]["task_type_id"]) == (
        prod.project_id, task["task_type_id"])
    assert [item["id"] for item in prod.get(
        "/data/playlists/preview-files/running?limit=1")] == [newer["id"]]
    assert [item["id"] for item in prod.get(
        f"/data/playlists/preview-files/running?cursor_preview_file_id={newer['id']}")] == [
        older["id"]]
    for query, message in (("limit=many", "Wrong value for parameter limit."),
                           ("cursor_preview_file_id=bad",
                            "The cursor_preview_file_id parameter is not a valid id"),
                           (f"cursor_preview_file_id={UNKNOWN}",
                            f"No preview file found with id: {UNKNOWN}")):
        answer = prod.get(f"/data/playlists/preview-files/running?{query}", expected=400)
        assert answer["message"] == message
    prod.get("/data/playlists/preview-files/running", headers=artist, expected=403)


def test_annotations_are_added_updated_and_deleted(prod):
    task = prod.shot_task()
    preview = prod.preview(task)
    path = f"/actions/preview-files/{preview['id']}/update-annotations"
    added = prod.put(path, {"additions": [
        {"time": 0, "drawing": {"objects": [{"id": "stroke", "type": "path"}]}}]})
    assert added["annotations"] == [
        {"time": 0, "drawing": {"objects": [{"id": "stroke", "type": "path"}]}}]
    updated = prod.put(path, {"updates": [
        {"time": 0, "drawing": {"objects": [{"id": "stroke", "type": "rect"}]}}]})
    assert updated["annotations"][0]["drawing"]["objects"] == [{"id": "stroke",
                                                                "type": "rect"}]
    deleted = prod.put(path, {"deletions": [{"time": 0, "objects": ["stroke"]}]})
    assert deleted["annotations"] == []


def test_removing_a_preview_from_its_comment(prod, storage_root):
    task = prod.shot_task()
    comment = prod.comment(task, "wip", "take")
    preview = prod.preview(task, comment)
    upload(prod, preview, "frame.png", picture())
    path = f"/actions/tasks/{task['id']}/comments/{comment['id']}/preview-files/{preview['id']}"
    prod.delete(path)
    prod.get(f"/data/preview-files/{preview['id']}", expected=404)
    assert list(storage_root.rglob(f"{preview['id']}*")) == []
    assert prod.get(f"/data/comments/{comment['id']}")["previews"] == []
    prod.delete(path, expected=404)


def test_deleting_a_preview_removes_its_files(prod, storage_root):
    task = prod.shot_task()
    preview = prod.preview(task)
    upload(prod, preview, "frame.png", picture())
    stored = sorted(path.relative_to(storage_root).as_posix()
                    for path in storage_root.rglob(f"{preview['id']}*"))
    assert stored == sorted(f"previews/{kind}/{preview['id']}.png" for kind in
                            ("original", "previews", "thumbnails", "thumbnails-square"))
    prod.delete(f"/data/preview-files/{preview['id']}")
    assert list(storage_root.rglob(f"{preview['id']}*")) == []


def test_a_missing_picture_on_disk_is_a_clean_404(prod, storage_root):
    task = prod.shot_task()
    preview = prod.preview(task)
    upload(prod, preview, "frame.png", picture())
    (storage_root / "previews" / "thumbnails" / f"{preview['id']}.png").unlink()
    answer = prod.download(f"/pictures/thumbnails/preview-files/{preview['id']}.png",
                           expected=404)
    assert answer.json["error"] is True


def test_previews_follow_task_access(prod):
    task = prod.shot_task()
    preview = prod.preview(task)
    upload(prod, preview, "frame.png", picture())
    outsider = prod.studio.headers(prod.studio.person("user"))
    prod.download(f"/pictures/originals/preview-files/{preview['id']}.png", expected=403,
                  headers=outsider)
    other = prod.preview(task)
    upload(prod, other, "frame.png", picture(), expected=403, headers=outsider)
    _, artist = prod.member("user")
    prod.download(f"/pictures/thumbnails/preview-files/{preview['id']}.png", headers=artist)
    prod.preview(task, headers=artist, expected=403)


@pytest.mark.parametrize("width,height,bottom_up", [(600, 200, False), (40, 80, True),
                                                    (5, 4, False)])
def test_background_thumbnails_are_zous_grey_pngs(prod, width, height, bottom_up):
    background = prod.post("/data/preview-background-files", {"name": "Sky"})
    prod.upload(f"/pictures/preview-background-files/{background['id']}",
                {"file": ("sky.hdr", radiance(width, height, bottom_up=bottom_up))})
    thumbnail = decoded(prod.download(
        f"/pictures/thumbnails/preview-background-files/{background['id']}.png"))
    assert (thumbnail.format, thumbnail.size) == ("PNG", (300, 200))
    box = thumbnail.getbbox()
    top = thumbnail.getpixel((150, box[1] + 1))
    bottom = thumbnail.getpixel((150, box[3] - 2))
    expected = (150, 150, 150)  # Zou's grey of (0.5, 0.25, 0.125); resampling blurs a bit
    assert all(abs(got - wanted) <= 10 for got, wanted in zip(top, expected))
    assert top[3] == 255 and max(bottom[:3]) <= 10
    prod.delete(f"/data/preview-background-files/{background['id']}")
    prod.download(f"/pictures/thumbnails/preview-background-files/{background['id']}.png",
                  expected=404)


def test_preview_background_files(prod):
    background = prod.post("/data/preview-background-files", {"name": "Sky"})
    hdr = radiance(64, 40)
    answer = prod.upload(f"/pictures/preview-background-files/{background['id']}",
                         {"file": ("sky.hdr", hdr)})
    assert (answer["extension"], answer["original_name"], answer["file_size"]) == (
        "hdr", "sky", len(hdr))
    served = prod.download(f"/pictures/preview-background-files/{background['id']}.hdr")
    assert served.content == hdr
    prod.download(f"/pictures/preview-background-files/{background['id']}.png", expected=404)
    assert served.headers["content-disposition"] == "inline; filename=sky.hdr"
    starry = prod.post("/data/preview-background-files", {"name": "Starry"})
    prod.upload(f"/pictures/preview-background-files/{starry['id']}",
                {"file": ("ciel étoilé.hdr", hdr)})
    accented = prod.download(f"/pictures/preview-background-files/{starry['id']}.hdr")
    assert accented.headers["content-disposition"] == (
        "inline; filename=\"ciel etoile.hdr\"; filename*=UTF-8''ciel%20%C3%A9toil%C3%A9.hdr")
    second = prod.post("/data/preview-background-files", {"name": "Studio",
                                                          "is_default": True})
    prod.put(f"/data/preview-background-files/{background['id']}", {"is_default": True})
    assert prod.get(f"/data/preview-background-files/{second['id']}")["is_default"] is False
    wrong = prod.post("/data/preview-background-files", {"name": "Flat"})
    refused = prod.upload(f"/pictures/preview-background-files/{wrong['id']}",
                          {"file": ("flat.png", picture())}, expected=400)
    assert refused["message"] == "Wrong file format, extension: png"
    fake = prod.post("/data/preview-background-files", {"name": "Fake"})
    refused = prod.upload(f"/pictures/preview-background-files/{fake['id']}",
                          {"file": ("fake.hdr", b"not a radiance file")}, expected=400)
    assert refused["message"] == ("Error while saving preview background file and "
                                  f"thumbnail: {fake['id']}")
    prod.get(f"/data/preview-background-files/{fake['id']}", expected=404)
    _, artist = prod.member("user")
    prod.upload(f"/pictures/preview-background-files/{background['id']}",
                {"file": ("sky.hdr", hdr)}, expected=403, headers=artist)
