"""Day offs: created and changed by the person (or an admin), never overlapping, wiping the
time logged inside them; read in full by the person, admins and the managers of a shared
project, dates only by the supervisors of the person's department."""

from tests.plugins.schedule.conftest import MONDAY, TUESDAY
from tests.plugins.schedule.zou_shapes import DAY_OFF, DAY_OFF_DATES, FORBIDDEN

OVERLAP = {"error": True, "message": "Day off already exists for this period", "data": None}


def day_off(prod, person, start, end, headers=None, expected=201, **fields):
    return prod.post("/data/day-offs", {"person_id": person.id, "date": start,
                                        "end_date": end, **fields}, expected, headers)


def test_create_refuses_overlaps_and_wipes_time(prod):
    artist, headers = prod.artist, prod.artist_headers
    prod.log(prod.shot_task, artist, MONDAY, 60, headers)
    prod.log(prod.shot_task, artist, TUESDAY, 30, headers)
    prod.log(prod.asset_task, artist, TUESDAY, 45, headers)
    created = day_off(prod, artist, TUESDAY, "2025-03-12", headers, description="dentist")
    assert list(created) == DAY_OFF and created["description"] == "dentist"
    assert day_off(prod, artist, "2025-03-12", "2025-03-14", headers, 400) == OVERLAP
    assert prod.get(f"/data/persons/{artist.id}/time-spents/{TUESDAY}", headers) == []
    assert prod.get(f"/data/tasks/{prod.shot_task['id']}")["duration"] == 60.0
    assert prod.get(f"/data/tasks/{prod.asset_task['id']}")["duration"] == 0.0
    day_off(prod, artist, "2025-03-20", "2025-03-19", headers, 400)
    assert day_off(prod, artist, "2025-03-25", "2025-03-26", headers, 400, bogus=1) == {
        "error": True, "message": "'bogus' is an invalid keyword argument for DayOff"}


def test_who_writes_day_offs(prod):
    artist, headers = prod.artist, prod.artist_headers
    other, other_headers = prod.member("user")
    assert day_off(prod, other, MONDAY, MONDAY, headers, 403) == FORBIDDEN
    created = day_off(prod, artist, MONDAY, MONDAY, headers)
    path = f"/data/day-offs/{created['id']}"
    prod.put(path, {"description": "x"}, 403, other_headers)
    prod.put(path, {"person_id": other.id}, 403, headers)
    updated = prod.put(path, {"end_date": TUESDAY, "description": "doctor"}, headers=headers)
    assert (updated["end_date"], updated["description"]) == (TUESDAY, "doctor")
    day_off(prod, other, "2025-04-01", "2025-04-02")
    prod.delete(path, 403, other_headers)
    prod.delete(path, headers=headers)
    prod.get("/data/day-offs", headers, 403)


def test_moving_a_day_off_onto_another_is_refused(prod):
    first = day_off(prod, prod.artist, MONDAY, MONDAY)
    day_off(prod, prod.artist, TUESDAY, TUESDAY)
    assert prod.put(f"/data/day-offs/{first['id']}", {"end_date": TUESDAY}, 400) == OVERLAP


def test_who_reads_a_day_off(prod):
    artist, headers = prod.artist, prod.artist_headers
    created = day_off(prod, artist, MONDAY, TUESDAY, headers, description="dentist")
    path = f"/data/day-offs/{created['id']}"
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor")
    _, department_supervisor = prod.member("supervisor", departments=["Animation"])
    _, other = prod.member("user")
    assert prod.get(path, headers)["description"] == "dentist"
    assert prod.get(path, manager)["description"] == "dentist"
    assert list(prod.get(path, supervisor)) == DAY_OFF_DATES
    prod.get(path, department_supervisor, 403)
    prod.get(path, other, 403)
    person = f"/data/persons/{artist.id}/day-offs"
    assert [list(item) for item in prod.get(person, supervisor)] == [DAY_OFF_DATES]
    prod.get(person, other, 403)
    assert prod.get(f"{person}/2025-03-11", headers)["id"] == created["id"]
    assert prod.get(f"{person}/2025-04-12", headers) == {}
    assert prod.get(f"{person}/bad", headers, 400)["message"] == "Invalid date format."
    assert [item["id"] for item in prod.get(f"{person}/week/2025/11", headers)] == [
        created["id"]]
    assert prod.get(f"{person}/week/2025/12", headers) == []
    assert len(prod.get(f"{person}/month/2025/03", headers)) == 1
    assert len(prod.get(f"{person}/year/2025", headers)) == 1


def test_the_studios_and_the_callers_day_offs(prod):
    artist, headers = prod.artist, prod.artist_headers
    created = day_off(prod, artist, MONDAY, TUESDAY, headers, description="dentist")
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor")
    outsider = prod.studio.headers(prod.studio.person("user"))
    assert prod.get("/data/persons/day-offs/2025")[0]["description"] == "dentist"
    assert prod.get("/data/persons/day-offs/2025/3", manager)[0]["description"] == "dentist"
    assert [list(item) for item in prod.get("/data/persons/day-offs/2025", supervisor)] == [
        DAY_OFF_DATES]
    assert prod.get("/data/persons/day-offs/2025/3", outsider) == []
    assert prod.get("/data/persons/day-offs/2025/4", headers) == []
    assert prod.get(f"/data/user/day-offs/{TUESDAY}", headers)["id"] == created["id"]
    assert prod.get("/data/user/day-offs/2025-05-12", headers) == {}
    assert prod.get("/data/user/day-offs/bad", headers, 400)["message"] == "Wrong date format."


def test_a_project_teams_day_offs(prod):
    artist, headers = prod.artist, prod.artist_headers
    day_off(prod, artist, MONDAY, TUESDAY, headers, description="dentist")
    path = f"/data/projects/{prod.project_id}/day-offs"
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor")
    _, client = prod.member("client")
    assert prod.get(path, headers)[artist.id][0]["description"] == "dentist"
    assert prod.get(path, manager)[artist.id][0]["description"] == "dentist"
    assert [list(item) for item in prod.get(
        f"{path}?start_date=2025-03-01&end_date={MONDAY}", supervisor)[artist.id]] == [
        DAY_OFF_DATES]
    assert prod.get(f"{path}?start_date=2025-04-01", supervisor) == {}
    prod.get(path, client, 403)
