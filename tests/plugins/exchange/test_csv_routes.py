"""The CSV routes of a project's assets and shots: who may use them, what a malformed query
or upload gets, and the rows kept before a refused one."""

import uuid

from plugins.entities.models import Entity


def upload(prod, kind, text, headers=None, query=""):
    return prod.client.simulate_post(
        f"/import/csv/projects/{prod.project_id}/{kind}{query}",
        headers={**(headers or prod.admin),
                 "Content-Type": "multipart/form-data; boundary=XyZ"},
        body=("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"f.csv\"\r\n"
              f"Content-Type: text/csv\r\n\r\n{text}\r\n--XyZ--\r\n").encode())


def test_exports_are_for_team_members_but_vendors(prod):
    path = f"/export/csv/projects/{prod.project_id}/assets.csv"
    _, artist_headers = prod.member("user")
    answer = prod.call("GET", path, 200, artist_headers)
    assert answer.headers["content-disposition"].startswith("attachment; filename=kitsu_big_")
    assert answer.text.splitlines()[0] == "Project;Type;Name;Description;Time Spent"
    _, vendor_headers = prod.member("vendor")
    prod.call("GET", path, 403, vendor_headers)
    outsider = prod.studio.person("user")
    prod.call("GET", path, 403, prod.studio.headers(outsider))
    prod.call("GET", f"/export/csv/projects/{uuid.uuid4()}/shots.csv", 404)
    answer = prod.call("GET", f"/export/csv/projects/{prod.project_id}/shots.csv"
                              "?episode_id=E01", 400)
    assert answer.json["message"] == "Invalid UUID format for episode_id: E01"
    assert prod.call("GET", f"/export/csv/projects/{prod.project_id}/shots.csv"
                            "?episode_id=all", 200).text.count("\n") == 3


def test_who_imports_and_what_is_refused(prod):
    """Project managers import; uploads that are no CSV file are refused; the rows
    before a refused one stay imported."""
    _, supervisor_headers = prod.member("supervisor")
    assert upload(prod, "shots", "Sequence;Name\r\nSQ01;SH090",
                  supervisor_headers).status_code == 403
    _, manager_headers = prod.member("manager")
    answer = upload(prod, "shots", "Episode;Sequence;Name\r\nE01;SQ01;SH090", manager_headers)
    assert answer.status_code == 201, answer.text
    assert [row["name"] for row in answer.json] == ["SH090"]
    path = f"/import/csv/projects/{prod.project_id}/assets"
    assert prod.call("POST", path, 400, json={"file": "x"}).json["message"].startswith(
        "A CSV file is expected")
    assert upload(prod, "assets", "").status_code == 400
    answer = upload(prod, "assets", "Name;Description\r\nHero;big")
    assert answer.status_code == 400
    assert answer.json == {"error": True, "message": "A columns is missing: 'Type'",
                           "line_number": 2, "imported_rows": 0}
    answer = upload(prod, "assets", "Type;Name;Modeling\r\nProp;Cup;wip\r\n;;\r\n"
                                    "Prop;Mug;no status")
    assert answer.status_code == 400
    assert answer.json["line_number"] == 4 and answer.json["imported_rows"] == 1
    with prod.app.dopesheet.activated():
        assert sorted(row.name for row in Entity.select().where(
            Entity.name.in_(["Cup", "Mug"]))) == ["Cup"]
