"""gazu.shot.import_otio: an edit made with OpenTimelineIO updates the frame ranges of the
shots it names and creates the others (with their sequence and their tasks), in a
project or in an episode; a clip named against the convention is refused."""

import gazu
import opentimelineio as otio
import pytest

from tests.compat.productions import production

CONVENTION = "${sequence_name}-${shot_name}"


def edit_file(path, clips):
    """A timeline of ``clips``, ``(name, first frame in the source, length)`` at 25 fps."""
    timeline = otio.schema.Timeline(name="cut")
    track = otio.schema.Track(kind=otio.schema.TrackKind.Video)
    timeline.tracks.append(track)
    for name, start, length in clips:
        track.append(otio.schema.Clip(name=name, source_range=otio.opentime.TimeRange(
            otio.opentime.RationalTime(start, 25), otio.opentime.RationalTime(length, 25))))
    otio.adapters.write_to_file(timeline, str(path))
    return str(path)


def test_an_episode_edit_updates_and_creates_shots(admin, tmp_path):
    prod = production(admin)
    path = edit_file(tmp_path / "cut.otio", [("SQ01-SH010", 1001, 48),
                                            ("SQ02-SH020.mov", 0, 24)])

    result = gazu.shot.import_otio(prod["project"], path, episode=prod["episode"],
                                   naming_convention=CONVENTION, client=admin)

    assert [(shot["id"], shot["nb_frames"], shot["data"]) for shot in
            result["updated_shots"]] == [
        (prod["shot"]["id"], 48, {"frame_in": 0, "frame_out": 47})]
    [created] = result["created_shots"]
    assert (created["name"], created["type"], created["nb_frames"], created["data"]) == (
        "SH020", "Shot", 24, {"frame_in": 48, "frame_out": 71})
    sequence = gazu.shot.get_sequence(created["parent_id"], client=admin)
    assert (sequence["name"], sequence["episode_id"]) == ("SQ02", prod["episode"]["id"])
    assert [task["task_type_id"] for task in gazu.task.all_tasks_for_shot(
        created, client=admin)] == [prod["animation"]["id"]]


def test_a_clip_against_the_convention_is_refused(admin, tmp_path):
    prod = production(admin)
    path = edit_file(tmp_path / "cut.otio", [("SQ03-SH030", 0, 10), ("no dash", 0, 10)])
    with pytest.raises(gazu.exception.ParameterException) as raised:
        gazu.shot.import_otio(prod["project"], path, naming_convention="${sequence_name}-"
                              "${shot_name}", match_case=False, client=admin)
    assert "No matched value while extracting shot informations." in str(raised.value)
    assert [shot["name"] for shot in gazu.shot.all_shots_for_project(
        prod["project"], client=admin)] == ["SH010", "SH030"]
    text = tmp_path / "cut.txt"
    text.write_text("not an edit")
    with pytest.raises(gazu.exception.ParameterException):
        gazu.shot.import_otio(prod["project"], str(text), client=admin)
