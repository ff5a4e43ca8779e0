"""Avatars and the preview backgrounds offered by projects and templates: who may upload,
read, offer and withdraw them (gazu's side is in tests/compat)."""

from tests.plugins.files.conftest import picture

PNG = ("face.png", picture((90, 60)), "image/png")


def test_a_person_uploads_their_own_avatar_only(prod):
    artist, headers = prod.member()
    other, _ = prod.member()
    prod.upload(f"/pictures/thumbnails/persons/{other.id}", {"file": PNG}, 403, headers)
    answer = prod.upload(f"/pictures/thumbnails/persons/{artist.id}.png", {"file": PNG}, 201,
                         headers)
    assert answer == {"thumbnail_path": f"pictures/thumbnails/persons/{artist.id}.png"}
    avatar = prod.download(f"/pictures/thumbnails/persons/{artist.id}", headers=headers)
    assert avatar.headers["content-type"] == "image/png"
    prod.download(f"/pictures/thumbnails/persons/{other.id}.png", 404, headers)
    text = ("notes.txt", b"not a picture", "text/plain")
    prod.upload(f"/pictures/thumbnails/persons/{artist.id}", {"file": text}, 400, headers)


def test_project_avatars_are_for_its_managers_and_members(prod):
    _, member = prod.member()
    _, manager = prod.member("manager")
    outsider = prod.studio.headers(prod.studio.person("user"))
    path = f"/pictures/thumbnails/projects/{prod.project_id}"
    prod.upload(path, {"file": PNG}, 403, member)
    refused = prod.upload(f"{path}.png", {"file": PNG}, 405, manager)
    assert "without extension" in refused["message"]
    prod.upload(path, {"file": PNG}, 201, manager)
    prod.download(f"{path}.png", 200, member)
    prod.download(f"{path}.png", 403, outsider)


def test_backgrounds_offered_by_a_project_and_a_template(prod):
    _, artist = prod.member()
    _, manager = prod.member("manager")
    background = prod.post("/data/preview-background-files", {"name": "Studio"})
    offered = f"/data/projects/{prod.project_id}/settings/preview-background-files"
    body = {"preview_background_file_id": background["id"]}
    prod.post(offered, body, 403, artist)
    prod.post(offered, body, 201, manager)
    assert [item["id"] for item in prod.get(offered, artist)] == [background["id"]]
    template = prod.post("/data/project-templates", {"name": "Look dev"})
    linked = f"/data/project-templates/{template['id']}/preview-background-files"
    prod.post(linked, body, 403, manager)
    prod.call("GET", linked, 403, artist)
    prod.post(linked, body, 201)
    prod.call("PUT", f"/data/project-templates/{template['id']}/default-preview-background-file",
              200, json={"default_preview_background_file_id": background["id"]})
    prod.call("DELETE", f"/data/preview-background-files/{background['id']}", 204)
    assert prod.get(offered, manager) == [] and prod.get(linked, manager) == []
    template = prod.get(f"/data/project-templates/{template['id']}")
    assert template["default_preview_background_file_id"] is None
