"""``/import/otio/projects/{id}[/episodes/{id}]``: shots from an edit decision list, for
project managers, with Zou's refusals."""

import uuid

EDL = """TITLE: cut
FCM: NON-DROP FRAME

001  AX       V     C        00:00:00:00 00:00:02:00 00:00:00:00 00:00:02:00
* FROM CLIP NAME:  SQ01-SH010
002  AX       V     C        00:00:10:00 00:00:11:00 00:00:02:00 00:00:03:00
* FROM CLIP NAME:  SQ05-SH050
"""


def upload(prod, path, text, file_name="cut.edl", headers=None, fields=None):
    parts = "".join(f'--XyZ\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'
                    for name, value in (fields or {}).items())
    parts += (f'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"'
              f"\r\nContent-Type: application/octet-stream\r\n\r\n{text}\r\n--XyZ--\r\n")
    return prod.client.simulate_post(path, body=parts.encode(), headers={
        **(headers or prod.admin), "Content-Type": "multipart/form-data; boundary=XyZ"})


def test_an_edl_updates_and_creates_the_shots_of_an_episode(prod):
    path = f"/import/otio/projects/{prod.project_id}/episodes/{prod.episode.id}"
    answer = upload(prod, path, EDL, fields={"naming_convention": "${sequence_name}-"
                                                                  "${shot_name}"})
    assert answer.status_code == 201, answer.text
    assert [(shot["id"], shot["data"]["frame_in"], shot["data"]["frame_out"],
             shot["nb_frames"]) for shot in answer.json["updated_shots"]] == [
        (prod.shot.id, 0, 49, 50)]
    assert [(shot["name"], shot["nb_frames"]) for shot in answer.json["created_shots"]] == [
        ("SH050", 25)]


def test_who_imports_edits_and_which_files_are_refused(prod):
    """Edits are for the project's managers; files that are no edit are refused."""
    path = f"/import/otio/projects/{prod.project_id}"
    _, artist_headers = prod.member("user")
    assert upload(prod, path, EDL, headers=artist_headers).status_code == 403
    other = prod.entity("E09", prod.kind["Episode"])
    assert upload(prod, f"{path}/episodes/{prod.sequence.id}", EDL).status_code == 404
    assert upload(prod, f"{path}/episodes/{uuid.uuid4()}", EDL).status_code == 404
    assert upload(prod, f"{path}/episodes/{other.id}", EDL, fields={
        "match_case": "maybe"}).status_code == 400
    path = f"/import/otio/projects/{prod.project_id}"
    answer = upload(prod, path, EDL, file_name="cut.txt")
    assert answer.status_code == 400
    assert answer.json["message"] == ("Unsupported file type '.txt'. Supported formats: "
                                      "edl, otio, otiod, otioz.")
    answer = upload(prod, path, "{not json", file_name="cut.otio")
    assert answer.json["message"].startswith("Failed to parse OTIO file: ")
    assert prod.call("POST", path, 400, json={}).json["message"].startswith(
        "An edit file is expected")
    answer = upload(prod, path, EDL)
    assert answer.status_code == 400
    assert answer.json["message"] == (
        "KeyError: 'No matched value while extracting shot informations.'")
