"""gazu.playlist against a served Dopesheet: playlists of a project and of an episode, their
entries and the previews they play, temporary playlists, share links and telling clients a
playlist is ready. (gazu's remove_share_link answers the response's text, as it does with
Zou.)"""

import json

import gazu
import pytest
from PIL import Image

from tests.compat.conftest import unique
from tests.compat.productions import production


@pytest.fixture
def prod(admin):
    return production(admin)


def preview_of(admin, task, directory, name):
    """A picture preview published on ``task`` through a comment."""
    path = directory / name
    Image.new("RGB", (64, 40), (10, 120, 200)).save(path, "PNG")
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    comment = gazu.task.add_comment(task, wip, "new version", client=admin)
    return gazu.task.add_preview(task, comment, str(path), client=admin)


def test_playlists_round_trip(admin, prod):
    project, episode = prod["project"], prod["episode"]
    name = unique("Dailies")
    dailies = gazu.playlist.new_playlist(project, name, episode=episode, client=admin)
    assert (dailies["name"], dailies["episode_id"], dailies["for_entity"]) == (
        name, episode["id"], "shot")
    assert gazu.playlist.new_playlist(project, name, episode=episode,
                                      client=admin)["id"] == dailies["id"]
    review = gazu.playlist.new_playlist(project, unique("Review"), for_client=True,
                                        for_entity="asset", client=admin)
    assert review["for_client"] is True
    assert {item["id"] for item in gazu.playlist.all_playlists_for_project(
        project, client=admin)} == {dailies["id"], review["id"]}
    assert [item["id"] for item in gazu.playlist.all_playlists_for_episode(
        episode, client=admin)] == [dailies["id"]]
    assert {dailies["id"], review["id"]} <= {
        item["id"] for item in gazu.playlist.all_playlists(client=admin)}
    assert gazu.playlist.get_playlist(dailies, client=admin)["name"] == name
    assert gazu.playlist.get_playlist_by_name(project, name, client=admin)["id"] == (
        dailies["id"])
    renamed = gazu.playlist.update_playlist({**dailies, "name": f"{name} 2"}, client=admin)
    assert renamed["name"] == f"{name} 2"
    gazu.playlist.delete_playlist(review, client=admin)
    assert [item["id"] for item in gazu.playlist.all_playlists_for_project(
        project, client=admin)] == [dailies["id"]]


def test_entries_play_the_latest_preview(admin, prod, tmp_path):
    shot, asset = prod["shot"], prod["asset"]
    first = preview_of(admin, prod["shot_task"], tmp_path, "v1.png")
    latest = preview_of(admin, prod["shot_task"], tmp_path, "v2.png")
    by_type = gazu.playlist.get_entity_preview_files(shot, client=admin)
    assert [item["id"] for item in by_type[prod["animation"]["id"]]] == [latest["id"],
                                                                        first["id"]]
    dailies = gazu.playlist.new_playlist(prod["project"], unique("Dailies"), client=admin)
    dailies = gazu.playlist.add_entity_to_playlist(dailies, shot, client=admin)
    assert dailies["shots"] == [{"entity_id": shot["id"], "preview_file_id": latest["id"]}]
    dailies = gazu.playlist.add_entity_to_playlist(dailies, asset, client=admin)
    assert [entry["entity_id"] for entry in gazu.playlist.all_shots_for_playlist(
        dailies, client=admin)] == [shot["id"], asset["id"]]
    older = gazu.playlist.update_entity_preview(dailies, shot, first, client=admin)
    assert gazu.playlist.get_playlist(dailies, client=admin)["shots"][0][
        "preview_file_id"] == first["id"]
    gazu.playlist.remove_entity_from_playlist(older, asset, client=admin)
    assert [entry["entity_id"] for entry in gazu.playlist.get_playlist(
        dailies, client=admin)["shots"]] == [shot["id"]]
    detailed = gazu.client.get(f"data/projects/{prod['project']['id']}/playlists/"
                               f"{dailies['id']}", client=admin)
    assert detailed["shots"][0]["preview_file_id"] == first["id"]
    assert gazu.playlist.all_build_jobs_for_project(prod["project"], client=admin) == []


def test_temporary_playlists(admin, prod, tmp_path):
    latest = preview_of(admin, prod["shot_task"], tmp_path, "v1.png")
    entries = gazu.playlist.generate_temp_playlist(prod["project"], {
        "task_ids": [prod["shot_task"]["id"], prod["asset_task"]["id"]]}, client=admin)
    shot, asset = entries
    assert (shot["id"], shot["sequence_name"], shot["preview_file_id"]) == (
        prod["shot"]["id"], "SQ01", latest["id"])
    assert (asset["id"], asset["asset_type_name"], asset["preview_files"]) == (
        prod["asset"]["id"], "Character", {})
    by_entity = gazu.playlist.generate_temp_playlist(prod["project"], {
        "entity_ids": [prod["shot"]["id"]]}, client=admin)
    assert [item["preview_file_task_id"] for item in by_entity] == [prod["shot_task"]["id"]]


def test_share_links_and_clients(admin, prod, new_person):
    client_person, client_client = new_person("client")
    gazu.project.add_person_to_team(prod["project"], client_person, client=admin)
    review = gazu.playlist.new_playlist(prod["project"], unique("Review"), for_client=True,
                                        client=admin)
    link = gazu.playlist.new_share_link(review, expiration_date="2030-01-10",
                                        password="secret", client=admin)
    assert (link["playlist_id"], link["expiration_date"], link["has_password"]) == (
        review["id"], "2030-01-10T23:59:59", True)
    assert [item["token"] for item in gazu.playlist.all_share_links_for_playlist(
        review, client=admin)] == [link["token"]]
    revoked = json.loads(gazu.playlist.remove_share_link(review, link["token"], client=admin))
    assert (revoked["token"], revoked["is_active"]) == (link["token"], False)
    assert gazu.playlist.all_share_links_for_playlist(review, client=admin) == []
    assert gazu.playlist.notify_clients_playlist_ready(review, client=admin) == {
        "status": "success"}
    ready = gazu.user.all_notifications(client=client_client)
    assert [(item["notification_type"], item["playlist_id"], item["playlist_name"])
            for item in ready] == [("playlist-ready", review["id"], review["name"])]
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.playlist.new_share_link(review, client=client_client)
