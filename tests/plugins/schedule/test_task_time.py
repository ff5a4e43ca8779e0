"""Time on tasks: set, add and remove a person's time for a day, who may, the task's
duration following, and reading a task's time."""

from tests.plugins.schedule.conftest import MONDAY, TUESDAY
from tests.plugins.schedule.zou_shapes import FORBIDDEN, TIME_SPENT


def test_set_add_and_read_time(prod):
    task, artist = prod.shot_task, prod.artist
    created = prod.log(task, artist, MONDAY, 120, prod.artist_headers)
    assert list(created) == TIME_SPENT
    assert (created["duration"], created["date"], created["type"]) == (
        120.0, MONDAY, "TimeSpent")
    added = prod.log(task, artist, MONDAY, 60, prod.artist_headers, add=True)
    assert (added["id"], added["duration"]) == (created["id"], 180.0)
    replaced = prod.log(task, artist, TUESDAY, 30, prod.artist_headers)
    assert prod.get(f"/data/tasks/{task['id']}")["duration"] == 210.0
    answer = prod.get(f"/actions/tasks/{task['id']}/time-spents", prod.artist_headers)
    assert list(answer) == ["total", artist.id]
    assert answer["total"] == 210.0
    assert [item["id"] for item in answer[artist.id]] == [created["id"], replaced["id"]]
    one_day = prod.get(f"/actions/tasks/{task['id']}/time-spents/{MONDAY}")
    assert (one_day["total"], len(one_day[artist.id])) == (180.0, 1)


def test_remove_time_answers_the_row_with_no_duration(prod):
    task, artist = prod.shot_task, prod.artist
    prod.log(task, artist, MONDAY, 120, prod.artist_headers)
    path = f"/actions/tasks/{task['id']}/time-spents/{MONDAY}/persons/{artist.id}"
    removed = prod.call("DELETE", path, 201, prod.artist_headers).json
    assert list(removed) == TIME_SPENT and removed["duration"] == 0
    assert prod.get(f"/data/tasks/{task['id']}")["duration"] == 0
    prod.call("DELETE", path, 404, prod.artist_headers)


def test_who_may_log_time(prod):
    task = prod.shot_task
    other, other_headers = prod.member("user")
    _, manager = prod.member("manager")
    assert prod.log(task, prod.artist, MONDAY, 10, other_headers, expected=403) == FORBIDDEN
    prod.log(task, prod.artist, MONDAY, 10, manager)
    prod.log(task, prod.artist, TUESDAY, 10)
    # Only assignees have time on a task, whoever logs it, admins included.
    prod.log(task, other, MONDAY, 10, expected=403)
    prod.log(task, other, MONDAY, 10, other_headers, expected=403)
    outsider = prod.studio.person("user")
    prod.log(task, prod.artist, MONDAY, 10, prod.studio.headers(outsider), expected=403)


def test_bad_input(prod):
    task, artist = prod.shot_task, prod.artist
    path = f"/actions/tasks/{task['id']}/time-spents/{MONDAY}/persons/{artist.id}"
    missing = prod.post(path, {}, 400, prod.artist_headers)
    assert missing["data"] == {"errors": [{"field": "duration", "message": "Field required"}]}
    negative = prod.post(path, {"duration": -5}, 400, prod.artist_headers)
    assert negative["data"]["errors"][0]["message"] == "Input should be greater than 0"
    bad_date = f"/actions/tasks/{task['id']}/time-spents/2025-13-11/persons/{artist.id}"
    assert prod.post(bad_date, {"duration": 5}, 400, prod.artist_headers) == {
        "error": True, "message": "Invalid date format.", "data": None}
    prod.post(f"/actions/tasks/{task['id']}/time-spents/{MONDAY}/persons/{task['id']}",
              {"duration": 5}, 404)
    prod.get(f"/actions/tasks/{task['id']}/time-spents/bad", expected=400)


def test_reading_needs_the_task(prod):
    outsider = prod.studio.person("user")
    prod.get(f"/actions/tasks/{prod.shot_task['id']}/time-spents",
             prod.studio.headers(outsider), expected=403)


def test_events(prod):
    prod.log(prod.shot_task, prod.artist, MONDAY, 10, prod.artist_headers)
    prod.log(prod.shot_task, prod.artist, MONDAY, 10, prod.artist_headers, add=True)
    names = [event["name"] for event in prod.events(limit=4)]
    assert names[:4] == ["task:update", "time-spent:update", "task:update", "time-spent:new"]
