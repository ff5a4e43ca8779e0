"""Time sheets: a person's time (a day, a range, per task over a year, month, week or day),
the studio tables, the caller's own time and a project's, with Zou's role scoping."""

from tests.plugins.schedule.conftest import MONDAY, TUESDAY
from tests.plugins.schedule.zou_shapes import RANGED_TIME_SPENT, TIME_PER_TASK, TIME_SPENT


def logged(prod):
    """180 min on the shot on Monday, 30 on Tuesday, 45.5 on the asset on Tuesday."""
    prod.log(prod.shot_task, prod.artist, MONDAY, 180, prod.artist_headers)
    prod.log(prod.shot_task, prod.artist, TUESDAY, 30, prod.artist_headers)
    prod.log(prod.asset_task, prod.artist, TUESDAY, 45.5, prod.artist_headers)
    return f"/data/persons/{prod.artist.id}/time-spents"


def test_a_persons_days_and_ranges(prod):
    path = logged(prod)
    headers = prod.artist_headers
    assert prod.get(path, headers) == []
    ranged = prod.get(f"{path}?start_date={MONDAY}&end_date={TUESDAY}", headers)
    assert [list(item) for item in ranged] == [RANGED_TIME_SPENT] * 3
    assert {item["project_id"] for item in ranged} == {prod.project_id}
    day = prod.get(f"{path}/{TUESDAY}", headers)
    assert [list(item) for item in day] == [TIME_SPENT] * 2
    assert sorted(item["duration"] for item in day) == [30.0, 45.5]
    assert prod.get(f"{path}?start_date={MONDAY}", headers, 400)["message"] == (
        "If querying for a range of dates, both a `start_date` and an `end_date` must be "
        "given.")
    assert prod.get(f"{path}?start_date=bad&end_date={TUESDAY}", headers, 400)["message"] == (
        f"Wrong date format for bad and/or {TUESDAY}")
    assert prod.get(f"{path}/bad", headers, 400)["message"] == "Invalid month or year."


def test_time_per_task_over_periods(prod):
    path = logged(prod)
    year = prod.get(f"{path}/year/2025", prod.artist_headers)
    assert [list(item) for item in year] == [TIME_PER_TASK] * 2
    by_entity = {item["entity_name"]: item for item in year}
    assert by_entity["SH010"]["duration"] == 210.0
    assert (by_entity["SH010"]["sequence_name"], by_entity["SH010"]["episode_name"]) == (
        "SQ01", "E01")
    assert (by_entity["Hero"]["entity_type_name"], by_entity["Hero"]["sequence_name"]) == (
        "Character", None)
    assert prod.get(f"{path}/month/2025/3", prod.artist_headers) == year
    assert prod.get(f"{path}/week/2025/11", prod.artist_headers) == year
    day = prod.get(f"{path}/day/2025/3/11", prod.artist_headers)
    assert {item["entity_name"]: item["duration"] for item in day} == {"SH010": 30.0,
                                                                        "Hero": 45.5}
    assert prod.get(f"{path}/month/2025/13", prod.artist_headers, 400)["message"] == (
        "Invalid date format.")
    assert prod.get(f"{path}/year/2025?project_id={prod.project_id}",
                    prod.artist_headers) == year
    every = prod.get(f"{path}/month/all/2025/3", prod.artist_headers)
    assert [list(item) for item in every] == [TIME_SPENT] * 3


def test_who_reads_a_persons_time(prod):
    path = logged(prod)
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    _, client = prod.member("client")
    _, other = prod.member("user")
    assert len(prod.get(f"{path}/{TUESDAY}", manager)) == 2
    # A supervisor sees the time logged on the task types of their departments.
    assert [item["task_id"] for item in prod.get(f"{path}/{TUESDAY}", supervisor)] == [
        prod.shot_task["id"]]
    prod.get(f"{path}/{TUESDAY}", client, 403)
    prod.get(f"{path}/{TUESDAY}", other, 403)
    outsider_manager = prod.studio.headers(prod.studio.person("manager"))
    assert prod.get(f"{path}/{TUESDAY}", outsider_manager) == []
    prod.get(f"{path}/year/2025?project_id={prod.project_id}", outsider_manager, 403)
    prod.get(f"{path}/month/all/2025/3", manager, 403)


def test_studio_tables(prod):
    logged(prod)
    artist = prod.artist.id
    tables = "/data/persons/time-spents"
    assert prod.get(f"{tables}/year-table") == {"2025": {artist: 255.5}}
    assert prod.get(f"{tables}/month-table/2025") == {"3": {artist: 255.5}}
    assert prod.get(f"{tables}/week-table/2025") == {"11": {artist: 255.5}}
    assert prod.get(f"{tables}/day-table/2025/3") == {"10": {artist: 180.0},
                                                      "11": {artist: 75.5}}
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    assert prod.get(f"{tables}/day-table/2025/3", supervisor) == {"10": {artist: 180.0},
                                                                  "11": {artist: 30.0}}
    _, client = prod.member("client")
    assert prod.get(f"{tables}/day-table/2025/3", client) == {}
    assert prod.get(f"{tables}/day-table/2025/3", prod.artist_headers) == {
        "10": {artist: 180.0}, "11": {artist: 75.5}}
    assert prod.get(f"{tables}/day-table/2025/13", expected=400)["message"] == (
        "Invalid month or year.")
    modeling = prod.department["Modeling"]
    assert prod.get(f"{tables}/day-table/2025/3?department_id={modeling}", supervisor,
                    400)["message"] == "Supervisor not allowed to access this department"


def test_the_callers_time(prod):
    logged(prod)
    headers, task = prod.artist_headers, prod.shot_task
    assert prod.get("/data/user/time-spents", headers) == []
    assert len(prod.get(f"/data/user/time-spents?start_date={MONDAY}&end_date={TUESDAY}",
                        headers)) == 3
    assert len(prod.get(f"/data/user/time-spents/{TUESDAY}", headers)) == 2
    one = prod.get(f"/data/user/tasks/{task['id']}/time-spents/{TUESDAY}", headers)
    assert list(one) == TIME_SPENT and one["duration"] == 30.0
    assert prod.get(f"/data/user/tasks/{task['id']}/time-spents/2025-03-12", headers) == {}
    assert prod.get("/data/user/time-spents/bad", headers, 400)["message"] == (
        "Wrong date format.")


def test_a_projects_time(prod):
    logged(prod)
    project = f"/data/projects/{prod.project_id}"
    assert len(prod.get(f"{project}/time-spents", prod.artist_headers)) == 3
    _, client = prod.member("client")
    prod.get(f"{project}/time-spents", client, 403)
    animation = prod.task_type[("Animation", "Shot")]
    _, manager = prod.member("manager")
    per_person = prod.get(f"{project}/task-types/{animation}/time-spents", manager)
    assert [item["date"] for item in per_person[prod.artist.id]] == [TUESDAY, MONDAY]
    prod.get(f"{project}/task-types/{animation}/time-spents", prod.artist_headers, 403)
    months = prod.get(f"{project}/budgets/time-spents")
    assert months[prod.department["Animation"]] == {
        "total": 210.0, prod.artist.id: {"total": 210.0, "2025-03": 210.0}}
    prod.get(f"{project}/budgets/time-spents", manager, 403)


def test_an_entitys_time(prod):
    logged(prod)
    shot_time = prod.get(f"/data/entities/{prod.shot.id}/time-spents", prod.artist_headers)
    assert [list(item) for item in shot_time] == [TIME_SPENT] * 2
    assert [(item["date"], item["duration"]) for item in shot_time] == [
        (TUESDAY, 30.0), (MONDAY, 180.0)]
    assert [item["duration"] for item in prod.get(
        f"/data/entities/{prod.asset.id}/time-spents")] == [45.5]
    assert prod.get(f"/data/entities/{prod.sequence.id}/time-spents") == []
    outsider = prod.studio.headers(prod.studio.person("user"))
    prod.get(f"/data/entities/{prod.shot.id}/time-spents", outsider, 403)
    prod.get(f"/data/entities/{prod.project_id}/time-spents", expected=404)
