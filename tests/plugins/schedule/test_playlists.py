"""Playlists: Zou's creation and edition rules, who reads and writes them, their listings,
adding entities (with the previews of the plugin storing them), the detailed view."""

import uuid

import pytest

from tests.plugins.schedule import preview_double
from tests.plugins.schedule.zou_shapes import (DETAILED_ENTRY, DETAILED_PLAYLIST, FORBIDDEN,
                                               LISTED_PLAYLIST, PLAYLIST, PLAYLIST_WITH_JOBS)

V1, V2, V2_EXTRA, OTHER = (str(uuid.UUID(int=number)) for number in (1, 2, 3, 4))


@pytest.fixture
def app(make_app):
    preview_double.reset()
    return make_app(plugins=[("preview_double", preview_double)])


def playlist(prod, name, headers=None, expected=201, **fields):
    return prod.post("/data/playlists/", {"name": name, "project_id": prod.project_id,
                                          **fields}, expected, headers)


def test_creating_and_editing(prod):
    creator, supervisor = prod.member("supervisor")
    _, manager = prod.member("manager")
    dailies = playlist(prod, "Dailies", supervisor, episode_id=prod.episode.id)
    assert list(dailies) == PLAYLIST_WITH_JOBS
    assert (dailies["created_by"], dailies["shots"], dailies["for_entity"]) == (
        creator.id, None, "shot")
    assert playlist(prod, "Dailies", supervisor, 400, episode_id=prod.episode.id) == {
        "error": True, "message": "A record with the same unique values already exists."}
    assert playlist(prod, "Mine", prod.artist_headers, 403) == FORBIDDEN
    assert playlist(prod, "Bad", manager, 400, for_entity="movie")["message"] == (
        "for_entity must be one of shot, asset, sequence, edit, episode")
    client = playlist(prod, "Client", manager, for_client=True, episode_id="all",
                      task_type_id="x", is_for_all=True, shots=[{"entity_id": prod.shot.id}])
    assert (client["episode_id"], client["task_type_id"], client["shots"]) == (
        None, None, [{"entity_id": prod.shot.id}])
    edited = prod.put(f"/data/playlists/{dailies['id']}", {
        "name": "Dailies 2", "shots": [{"entity_id": prod.asset.id, "preview_file_id": OTHER},
                                       {"id": prod.shot.id}, "junk"]}, headers=supervisor)
    assert list(edited) == PLAYLIST
    assert edited["shots"] == [{"entity_id": prod.asset.id, "preview_file_id": None},
                               {"entity_id": prod.shot.id, "preview_file_id": None}]
    prod.put(f"/data/playlists/{client['id']}", {"name": "x"}, 403, supervisor)
    prod.delete(f"/data/playlists/{client['id']}", 403, supervisor)
    prod.delete(f"/data/playlists/{client['id']}", headers=manager)


def test_who_reads_playlists(prod):
    _, manager = prod.member("manager")
    _, client = prod.member("client")
    _, vendor = prod.member("vendor")
    internal = playlist(prod, "Internal", manager)
    shared = playlist(prod, "Shared", manager, for_client=True)
    assert prod.get(f"/data/playlists/{internal['id']}", prod.artist_headers)["id"] == (
        internal["id"])
    prod.get(f"/data/playlists/{internal['id']}", client, 403)
    assert list(prod.get(f"/data/playlists/{shared['id']}", client)) == PLAYLIST_WITH_JOBS
    prod.get(f"/data/playlists/{internal['id']}", vendor, 403)
    assert list(prod.get(f"/data/playlists/{internal['id']}?relations=false")) == PLAYLIST
    assert {item["id"] for item in prod.get("/data/playlists", prod.artist_headers)} == {
        internal["id"], shared["id"]}
    assert [item["id"] for item in prod.get("/data/playlists", client)] == [shared["id"]]
    prod.get("/data/playlists", vendor, 403)
    outsider = prod.studio.headers(prod.studio.person("user"))
    assert prod.get("/data/playlists", outsider) == []
    related = prod.get("/data/playlists?relations=true")
    assert [list(item) for item in related] == [PLAYLIST_WITH_JOBS] * 2


def test_listings(prod):
    _, manager = prod.member("manager")
    _, client = prod.member("client")
    _, vendor = prod.member("vendor")
    episode = playlist(prod, "Episode", manager, episode_id=prod.episode.id)
    shared = playlist(prod, "All", manager, for_client=True, is_for_all=True)
    main = playlist(prod, "Main", manager, for_entity="asset")
    project = f"/data/projects/{prod.project_id}"
    listed = prod.get(f"{project}/playlists", prod.artist_headers)
    assert [list(item) for item in listed] == [LISTED_PLAYLIST] * 3
    assert [item["name"] for item in prod.get(f"{project}/playlists?sort_by=name&page=1")] == [
        "All", "Episode", "Main"]
    assert [item["id"] for item in prod.get(f"{project}/playlists", client)] == [shared["id"]]
    prod.get(f"{project}/playlists", vendor, 403)
    episodes = f"{project}/episodes"
    assert [item["id"] for item in prod.get(f"{episodes}/{prod.episode.id}/playlists")] == [
        episode["id"]]
    assert [item["id"] for item in prod.get(f"{episodes}/all/playlists")] == [shared["id"]]
    assert [item["id"] for item in prod.get(f"{episodes}/main/playlists?for_entity=asset")] == [
        main["id"]]
    prod.get(f"{episodes}/{prod.shot.id}/playlists", expected=404)
    every = prod.get(f"{project}/playlists/all")
    assert [list(item) for item in every] == [PLAYLIST_WITH_JOBS] * 3
    page = prod.get(f"{project}/playlists/all?page=1")
    assert (list(page), page["total"]) == (
        ["data", "total", "nb_pages", "limit", "offset", "page"], 3)
    prod.get(f"{project}/playlists/all", manager, 403)
    assert prod.get(f"{project}/build-jobs") == []
    prod.get(f"{project}/build-jobs", manager, 403)


def test_adding_entities_takes_their_latest_preview(prod):
    _, supervisor = prod.member("supervisor")
    task = prod.shot_task
    preview_double.PREVIEWS.extend([
        preview_double.preview(V1, prod.shot.id, task, 1, "2025-03-01T10:00:00"),
        preview_double.preview(V2, prod.shot.id, task, 2, "2025-03-02T10:00:00"),
        preview_double.preview(V2_EXTRA, prod.shot.id, task, 2, "2025-03-02T11:00:00", 2)])
    dailies = playlist(prod, "Dailies", supervisor)
    add = f"/actions/playlists/{dailies['id']}/add-entity"
    added = prod.post(add, {"entity_id": prod.shot.id}, 200, supervisor)
    assert list(added) == PLAYLIST
    assert added["shots"] == [{"entity_id": prod.shot.id, "preview_file_id": V2_EXTRA}]
    assert prod.post(add, {"entity_id": prod.shot.id}, 200, supervisor)["shots"] == (
        added["shots"])
    prod.post(add, {"entity_id": prod.shot.id}, 403, prod.artist_headers)
    assert prod.post(add, {}, 400, supervisor)["data"] == {
        "errors": [{"field": "entity_id", "message": "Field required"}]}
    entries = prod.post(f"/actions/playlists/{dailies['id']}/add-entities", {"entities": [
        {"entity_id": prod.shot.id, "preview_file_id": V1},
        {"entity_id": prod.asset.id, "preview_file_id": V2}]}, 200, supervisor)
    assert entries["shots"][1:] == [{"entity_id": prod.shot.id, "preview_file_id": V1},
                                    {"entity_id": prod.asset.id}]
    assert prod.post(f"/actions/playlists/{dailies['id']}/add-entities", {"entities": []},
                     400, supervisor)["data"]["errors"][0]["message"] == (
        "List should have at least 1 item after validation, not 0")


def test_the_detailed_playlist(prod):
    _, manager = prod.member("manager")
    task = prod.shot_task
    preview_double.PREVIEWS.extend([
        preview_double.preview(V1, prod.shot.id, task, 1, "2025-03-01T10:00:00"),
        preview_double.preview(V2, prod.shot.id, task, 2, "2025-03-02T10:00:00"),
        preview_double.preview(V2_EXTRA, prod.shot.id, task, 2, "2025-03-02T11:00:00", 2)])
    dailies = playlist(prod, "Dailies", manager, shots=[
        {"entity_id": prod.shot.id, "preview_file_id": V2}, {"entity_id": prod.asset.id}])
    detailed = prod.get(f"/data/projects/{prod.project_id}/playlists/{dailies['id']}",
                        prod.artist_headers)
    assert list(detailed) == DETAILED_PLAYLIST and detailed["build_jobs"] == []
    shot, asset = detailed["shots"]
    assert list(asset) == DETAILED_ENTRY and asset["preview_files"] == []
    assert (shot["preview_file_id"], shot["preview_file_revision"],
            shot["preview_file_duration"]) == (V2, 2, 2.0)
    assert [item["id"] for item in shot["preview_file_previews"]] == [V2_EXTRA]
    revisions = shot["preview_files"][task["task_type_id"]]
    assert [item["id"] for item in revisions] == [V2, V1]
    assert {item["status"] for item in revisions} == {shot["preview_file_status"]} == {"Ready"}
    assert preview_double.CALLS[-1] == sorted([prod.shot.id, prod.asset.id])
    _, client = prod.member("client")
    prod.get(f"/data/projects/{prod.project_id}/playlists/{dailies['id']}", client, 403)
    prod.get(f"/data/projects/{prod.project_id}/playlists/{prod.shot.id}", expected=404)
    by_type = prod.get(f"/data/playlists/entities/{prod.shot.id}/preview-files")
    assert [item["id"] for item in by_type[task["task_type_id"]]] == [V2, V1]
    assert by_type[task["task_type_id"]][0]["original_width"] == 3840
    assert by_type[task["task_type_id"]][0]["status"] == "ready"
    assert prod.get(f"/data/playlists/entities/{prod.asset.id}/preview-files") == {}


def test_typed_preview_routes_answer_for_their_kind_only(prod):
    """gazu's all_previews_for_shot/edit/concept: the entity route's answer, 404 for an
    entity of another kind."""
    task = prod.shot_task
    preview_double.PREVIEWS.extend([
        preview_double.preview(V1, prod.shot.id, task, 1, "2025-03-01T10:00:00"),
        preview_double.preview(V2, prod.shot.id, task, 2, "2025-03-02T10:00:00")])
    by_type = prod.get(f"/data/shots/{prod.shot.id}/preview-files")
    assert by_type == prod.get(f"/data/playlists/entities/{prod.shot.id}/preview-files")
    assert [item["id"] for item in by_type[task["task_type_id"]]] == [V2, V1]
    prod.get(f"/data/shots/{prod.asset.id}/preview-files", expected=404)
    prod.get(f"/data/edits/{prod.shot.id}/preview-files", expected=404)
    prod.get(f"/data/concepts/{prod.shot.id}/preview-files", expected=404)
    prod.get(f"/data/shots/{uuid.uuid4()}/preview-files", expected=404)
