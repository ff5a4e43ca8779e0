"""gazu's CSV exports and imports of a project's assets and shots, in Zou's columns: the
export read back as a spreadsheet would, then edited and imported (new entities get the
workflow's tasks, status columns comment the tasks, known entities change only with
``update``), and a refused line answered with its number."""

import csv

import gazu
import pytest

from tests.compat.productions import production


def read_csv(path):
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle, delimiter=";"))


def write_csv(path, rows):
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return str(path)


@pytest.fixture
def prod(admin, new_person):
    artist, artist_client = new_person()
    made = production(admin, artist)
    gazu.project.add_metadata_descriptor(made["project"], "Style", "Asset",
                                         data_type="string", client=admin)
    gazu.asset.update_asset({**made["asset"], "data": {"style": "cartoon"}}, client=admin)
    made.update(artist=artist, artist_client=artist_client)
    return made


def test_assets_and_shots_are_exported_in_zous_columns(admin, prod, tmp_path):
    path = tmp_path / "assets.csv"
    response = gazu.asset.export_assets_with_csv(prod["project"], str(path), client=admin)
    assert response.headers["Content-Type"].startswith("text/csv")
    artist = prod["artist"]
    assert read_csv(path) == [
        ["Project", "Type", "Name", "Description", "Time Spent", "Style", "Modeling",
         "Assignations"],
        [prod["project"]["name"], "Character", "Hero", "", "0.00", "cartoon", "todo",
         f"{artist['first_name']} {artist['last_name']}"]]
    mine = tmp_path / "mine.csv"
    gazu.asset.export_assets_with_csv(prod["project"], str(mine), assigned_to=artist,
                                      client=prod["artist_client"])
    assert [row[2] for row in read_csv(mine)] == ["Name", "Hero"]
    gazu.asset.export_assets_with_csv(prod["project"], str(mine), assigned_to=artist,
                                      client=admin)
    assert read_csv(mine) == [["Project", "Type", "Name", "Description", "Time Spent",
                               "Style"]]

    shot = prod["shot"]
    gazu.shot.update_shot({**shot, "nb_frames": 24, "data": {"frame_in": 1, "frame_out": 24}},
                          client=admin)
    path = tmp_path / "shots.csv"
    gazu.shot.export_shots_with_csv(prod["project"], str(path), episode=prod["episode"],
                                    client=admin)
    assert read_csv(path) == [
        ["Project", "Episode", "Sequence", "Name", "Description", "Time Spent", "Frames",
         "Frame In", "Frame Out", "FPS", "Animation", "Assignations"],
        [prod["project"]["name"], "E101", "SQ01", "SH010", "", "0.00", "24", "1", "24", "",
         "todo", f"{prod['artist']['first_name']} {prod['artist']['last_name']}"]]
    other = gazu.shot.new_episode(prod["project"], "E102", client=admin)
    gazu.shot.export_shots_with_csv(prod["project"], str(path), episode=other, client=admin)
    assert len(read_csv(path)) == 1


def test_assets_are_imported_with_their_tasks(admin, prod, tmp_path):
    exported = tmp_path / "assets.csv"
    gazu.asset.export_assets_with_csv(prod["project"], str(exported), client=admin)
    header, hero = read_csv(exported)
    header += ["Modeling comment", "Modeling assignations"]
    artist = prod["artist"]
    villain = [prod["project"]["name"], "Character", "Villain", "The bad one", "0.00", "noir",
               "wip", "", "first sculpt", artist["email"]]
    path = write_csv(tmp_path / "import.csv", [header, hero[:5] + ["anime", "", "", "", ""],
                                               villain])

    imported = gazu.asset.import_assets_with_csv(prod["project"], path, client=admin)

    assert [(row["name"], row["type"]) for row in imported] == [("Hero", "Entity"),
                                                               ("Villain", "Entity")]
    assert gazu.asset.get_asset(prod["asset"]["id"], client=admin)["data"] == {
        "style": "cartoon"}
    new = gazu.asset.get_asset_by_name(prod["project"], "Villain", client=admin)
    assert (new["description"], new["data"]) == ("The bad one", {"style": "noir"})
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    task = gazu.task.get_task(gazu.task.get_task_by_entity(new, prod["modeling"],
                                                           client=admin)["id"], client=admin)
    assert (task["task_status_id"], task["assignees"]) == (wip["id"], [artist["id"]])
    assert [comment["text"] for comment in gazu.task.all_comments_for_task(
        task, client=admin)] == ["first sculpt"]

    gazu.asset.import_assets_with_csv(prod["project"], path, client=admin)
    assert gazu.asset.get_asset(prod["asset"]["id"], client=admin)["data"] == {
        "style": "cartoon"}
    updating = path.replace(".csv", "-update.csv")
    write_csv(updating, [header, hero[:5] + ["anime", "", "", "", ""]])
    gazu.client.upload(f"import/csv/projects/{prod['project']['id']}/assets?update=true",
                       updating, client=admin)
    assert gazu.asset.get_asset(prod["asset"]["id"], client=admin)["data"] == {
        "style": "anime"}


def test_shots_are_imported_and_a_refused_line_is_named(admin, prod, tmp_path):
    header = ["Project", "Episode", "Sequence", "Name", "Description", "Frame In",
              "Frame Out", "Animation"]
    name = prod["project"]["name"]
    path = write_csv(tmp_path / "shots.csv", [
        header, [name, "E101", "SQ01", "SH020", "wide", "101", "148", "wip"],
        [name, "E103", "SQ09", "SH010", "", "", "", ""]])

    imported = gazu.shot.import_shots_with_csv(prod["project"], path, client=admin)

    assert [row["name"] for row in imported] == ["SH020", "SH010"]
    shot = gazu.shot.get_shot_by_name(prod["sequence"], "SH020", client=admin)
    assert (shot["nb_frames"], shot["data"]) == (48, {"frame_in": 101, "frame_out": 148})
    task = gazu.task.get_task_by_entity(shot, prod["animation"], client=admin)
    assert task["task_status_id"] == gazu.task.get_task_status_by_short_name(
        "wip", client=admin)["id"]
    sequence = gazu.shot.get_sequence_by_name(
        prod["project"], "SQ09", episode=gazu.shot.get_episode_by_name(
            prod["project"], "E103", client=admin), client=admin)
    created = gazu.shot.get_shot_by_name(sequence, "SH010", client=admin)
    assert [item["task_type_id"] for item in gazu.task.all_tasks_for_shot(
        created, client=admin)] == [prod["animation"]["id"]]

    refused = write_csv(tmp_path / "refused.csv", [
        header, [name, "E101", "SQ01", "SH030", "", "", "", ""],
        [name, "E101", "SQ01", "SH040", "", "", "", "no such status"]])
    with pytest.raises(gazu.exception.ParameterException) as raised:
        gazu.shot.import_shots_with_csv(prod["project"], refused, client=admin)
    assert "Task status not found for no such status" in str(raised.value)
    assert gazu.shot.get_shot_by_name(prod["sequence"], "SH030", client=admin) is not None
    assert gazu.shot.get_shot_by_name(prod["sequence"], "SH040", client=admin) is None


def test_artists_neither_import_nor_export_elsewhere(prod, new_person, tmp_path):
    path = write_csv(tmp_path / "shots.csv", [["Sequence", "Name"], ["SQ01", "SH050"]])
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.shot.import_shots_with_csv(prod["project"], path, client=prod["artist_client"])
    _, outsider = new_person()
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.shot.export_shots_with_csv(prod["project"], str(tmp_path / "out.csv"),
                                        client=outsider)
