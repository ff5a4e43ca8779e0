"""Temporary playlists, share links and the playlist-ready notification of clients."""

import uuid

import pytest

from plugins.tasks.models import Task
from tests.plugins.schedule import preview_double
from tests.plugins.schedule.zou_shapes import (FORBIDDEN, SHARE_LINK, TEMP_ENTRY,
                                               TEMP_ENTRY_PLAYING)
from tests.plugins.tasks.zou_shapes import INBOX_ITEM

V1, V2 = (str(uuid.UUID(int=number)) for number in (1, 2))


@pytest.fixture
def app(make_app):
    preview_double.reset()
    return make_app(plugins=[("preview_double", preview_double)])


def temp(prod, body, headers=None, expected=200, query=""):
    return prod.post(f"/data/projects/{prod.project_id}/playlists/temp{query}", body,
                     expected, headers)


def reviewed(prod, task, preview_id, commented_at):
    with prod.app.dopesheet.activated():
        Task.update(last_preview_file_id=preview_id, last_comment_date=commented_at).where(
            Task.id == task["id"]).execute()


def test_temporary_playlists_of_tasks_and_entities(prod):
    shot_task, asset_task = prod.shot_task, prod.asset_task
    preview_double.PREVIEWS.extend([
        preview_double.preview(V1, prod.shot.id, shot_task, 1, "2025-03-01T10:00:00"),
        preview_double.preview(V2, prod.shot.id, shot_task, 2, "2025-03-02T10:00:00")])
    entries = temp(prod, {"task_ids": [shot_task["id"], asset_task["id"]]},
                   prod.artist_headers)
    shot, asset = entries
    assert (list(shot), list(asset)) == (TEMP_ENTRY_PLAYING, TEMP_ENTRY)
    assert (shot["id"], shot["parent_name"], shot["sequence_id"], shot["episode_name"]) == (
        prod.shot.id, "SQ01", prod.sequence.id, "")
    assert (shot["preview_file_id"], shot["preview_file_revision"],
            shot["preview_file_annotations"]) == (V2, 2, [])
    assert [item["id"] for item in shot["preview_files"][shot_task["task_type_id"]]] == [
        V2, V1]
    assert (asset["parent_name"], asset["asset_type_name"], asset["preview_files"]) == (
        "Character", "Character", {})
    sorted_entries = temp(prod, {"task_ids": [shot_task["id"], asset_task["id"]]},
                          query="?sort=true")
    assert [item["name"] for item in sorted_entries] == ["Hero", "SH010"]
    assert temp(prod, {"entity_ids": [prod.shot.id]}) == []
    reviewed(prod, shot_task, V2, "2025-03-02T10:00:00")
    by_entity = temp(prod, {"entity_ids": [prod.shot.id]})
    assert [item["preview_file_task_id"] for item in by_entity] == [shot_task["id"]]
    assert temp(prod, {}) == []
    temp(prod, {"task_ids": [prod.project_id]}, expected=404)
    assert temp(prod, {"task_ids": ["nope"]}, expected=400)["data"]["errors"][0][
        "field"] == "task_ids.0"
    outsider = prod.studio.headers(prod.studio.person("user"))
    temp(prod, {"task_ids": [shot_task["id"]]}, outsider, 403)


def share(prod, playlist_id, body=None, headers=None, expected=201):
    return prod.post(f"/data/playlists/{playlist_id}/share", body or {}, expected, headers)


def test_share_links(prod):
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor", project_role="manager")
    dailies = prod.post("/data/playlists", {"name": "Dailies", "project_id": prod.project_id})
    until_day = share(prod, dailies["id"], {"expiration_date": "2030-01-10", "password": "pw",
                                            "can_comment": False}, manager)
    assert list(until_day) == SHARE_LINK
    assert (until_day["expiration_date"], until_day["has_password"], until_day["is_active"],
            until_day["can_comment"]) == ("2030-01-10T23:59:59", True, True, False)
    open_link = share(prod, dailies["id"], {"expiration_date": "2030-01-10T10:00:00"})
    assert (open_link["expiration_date"], open_link["has_password"]) == (
        "2030-01-10T10:00:00", False)
    assert share(prod, dailies["id"], {"expiration_date": "bad"}, expected=400) == {
        "error": True, "message": "bad is not a valid ISO 8601 date", "data": None}
    assert share(prod, dailies["id"], {"can_comment": "maybe"}, expected=400)["data"] == {
        "errors": [{"field": "can_comment",
                    "message": "Input should be a valid boolean, unable to interpret input"}]}
    links = f"/data/playlists/{dailies['id']}/share"
    assert [item["token"] for item in prod.get(links, manager)] == [
        until_day["token"], open_link["token"]]
    revoked = prod.call("DELETE", f"{links}/{until_day['token']}", 200, manager).json
    assert (revoked["token"], revoked["is_active"]) == (until_day["token"], False)
    assert [item["token"] for item in prod.get(links)] == [open_link["token"]]
    prod.delete(f"{links}/nope", 404)
    other = prod.post("/data/playlists", {"name": "Other", "project_id": prod.project_id})
    prod.delete(f"/data/playlists/{other['id']}/share/{open_link['token']}", 404)
    assert prod.get(links, supervisor, 403) == FORBIDDEN
    share(prod, dailies["id"], headers=prod.artist_headers, expected=403)
    outside_manager = prod.studio.headers(prod.studio.person("manager"))
    prod.get(links, outside_manager, 403)
    prod.get(f"/data/playlists/{prod.project_id}/share", expected=404)


def test_clients_hear_a_playlist_is_ready(prod):
    _, client_headers = prod.member("client")
    _, artist_client_headers = prod.member("user", project_role="client")
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor")
    outsider = prod.studio.person("client")
    review = prod.post("/data/playlists", {"name": "Review", "project_id": prod.project_id,
                                           "for_client": True, "for_entity": "asset"})
    path = f"/data/playlists/{review['id']}/notify-clients"
    assert prod.post(path, {}, 200, manager) == {"status": "success"}
    notifications = prod.get("/data/user/notifications", client_headers)
    assert [list(item) for item in notifications] == [INBOX_ITEM]
    ready = notifications[0]
    assert (ready["notification_type"], ready["playlist_id"], ready["playlist_name"],
            ready["playlist_for_entity"], ready["project_id"], ready["task_id"]) == (
        "playlist-ready", review["id"], "Review", "asset", prod.project_id, None)
    assert len(prod.get("/data/user/notifications", artist_client_headers)) == 1
    assert prod.get("/data/user/notifications?type=playlist-ready", prod.artist_headers) == []
    assert prod.get("/data/user/notifications", prod.studio.headers(outsider)) == []
    prod.post(path, {}, 403, supervisor)
    assert prod.post(path, {"studio_id": "x"}, 400, manager)["data"]["errors"][0][
        "field"] == "studio_id"
    prod.post(f"/data/playlists/{prod.project_id}/notify-clients", {}, 404)
