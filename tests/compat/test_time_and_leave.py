"""gazu.task's time functions, gazu.person's time sheets, day offs and presence log, and
gazu.user's own time, day offs and desktop logins, against a served Dopesheet."""

import datetime

import gazu
import pytest

from tests.compat.productions import production

MONDAY, TUESDAY = "2025-03-10", "2025-03-11"


@pytest.fixture
def work(admin, new_person):
    artist, artist_client = new_person()
    return production(admin, artist), artist, artist_client


def test_time_is_logged_on_tasks_and_read_back(admin, work):
    prod, artist, artist_client = work
    shot_task, asset_task = prod["shot_task"], prod["asset_task"]
    logged = gazu.task.set_time_spent(shot_task, artist, MONDAY, 120, client=artist_client)
    assert (logged["duration"], logged["date"], logged["person_id"]) == (120.0, MONDAY,
                                                                          artist["id"])
    added = gazu.task.add_time_spent(shot_task, artist, MONDAY, 30, client=artist_client)
    assert (added["id"], added["duration"]) == (logged["id"], 150.0)
    gazu.task.set_time_spent(asset_task, artist, TUESDAY, 45, client=admin)
    per_person = gazu.task.get_time_spent(shot_task, client=admin)
    assert per_person["total"] == 150.0
    assert [item["id"] for item in per_person[artist["id"]]] == [logged["id"]]
    assert gazu.task.get_time_spent(shot_task, MONDAY, client=admin) == (
        gazu.task.get_task_time_spent_for_date(shot_task, MONDAY, client=admin))
    assert gazu.task.get_task(shot_task["id"], client=admin)["duration"] == 150.0
    mine = gazu.user.get_task_time_spent(shot_task, MONDAY, client=artist_client)
    assert mine["id"] == logged["id"]
    assert gazu.user.get_task_time_spent(shot_task, TUESDAY, client=artist_client) == {}
    assert [item["duration"] for item in gazu.user.get_time_spents_by_date(
        TUESDAY, client=artist_client)] == [45.0]
    ranged = gazu.user.get_timespents_range(MONDAY, TUESDAY, client=artist_client)
    assert sorted(item["duration"] for item in ranged) == [45.0, 150.0]
    time_spent = next(item for item in gazu.client.fetch_all("time-spents", client=admin)
                      if item["id"] == logged["id"])
    gazu.task.remove_time_spent(time_spent, client=admin)
    assert gazu.task.get_task(shot_task["id"], client=admin)["duration"] == 0.0
    unassigned = gazu.client.get_current_user(client=admin)
    with pytest.raises(gazu.exception.NotAllowedException):
        gazu.task.set_time_spent(shot_task, unassigned, MONDAY, 10, client=artist_client)


def test_a_persons_time_sheets(admin, work):
    prod, artist, artist_client = work
    gazu.task.set_time_spent(prod["shot_task"], artist, MONDAY, 120, client=admin)
    gazu.task.set_time_spent(prod["asset_task"], artist, TUESDAY, 60, client=admin)
    ranged = gazu.person.get_time_spents_range(artist["id"], MONDAY, TUESDAY, client=admin)
    assert {item["task_id"] for item in ranged} == {prod["shot_task"]["id"],
                                                    prod["asset_task"]["id"]}
    assert [item["duration"] for item in gazu.person.get_time_spents_by_date(
        artist, MONDAY, client=admin)] == [120.0]
    month = gazu.person.get_all_month_time_spents(artist["id"], datetime.date(2025, 3, 1),
                                                  client=artist_client)
    assert sorted(item["duration"] for item in month) == [60.0, 120.0]
    week = gazu.person.get_week_time_spents(artist, 2025, 11, client=admin)
    assert {item["task_id"]: item["duration"] for item in week} == {
        prod["shot_task"]["id"]: 120.0, prod["asset_task"]["id"]: 60.0}
    year = gazu.person.get_year_time_spents(artist, 2025, client=admin)
    assert {item["entity_name"] for item in year} == {"SH010", "Hero"}
    assert gazu.person.get_year_time_spents(artist, 2024, client=admin) == []


def test_day_offs(admin, work):
    prod, artist, artist_client = work
    gazu.task.set_time_spent(prod["shot_task"], artist, "2025-04-02", 60, client=admin)
    day_off = gazu.person.new_day_off(artist, "2025-04-01", "2025-04-02", "dentist",
                                      client=artist_client)
    assert (day_off["person_id"], day_off["description"]) == (artist["id"], "dentist")
    with pytest.raises(gazu.exception.ParameterException,
                       match="Day off already exists for this period"):
        gazu.person.new_day_off(artist, "2025-04-02", "2025-04-03", client=artist_client)
    assert gazu.person.get_time_spents_by_date(artist, "2025-04-02", client=admin) == []
    assert [item["id"] for item in gazu.person.get_day_offs(artist, client=admin)] == [
        day_off["id"]]
    for found in (gazu.person.get_week_day_offs(artist, 2025, 14, client=admin),
                  gazu.person.get_month_day_offs(artist, 2025, 4, client=admin),
                  gazu.person.get_year_day_offs(artist, 2025, client=admin)):
        assert [item["id"] for item in found] == [day_off["id"]]
    assert gazu.person.get_month_day_offs(artist, 2025, 5, client=admin) == []
    assert gazu.person.get_day_off(day_off["id"], client=artist_client)["description"] == (
        "dentist")
    assert gazu.user.get_day_off("2025-04-01", client=artist_client)["id"] == day_off["id"]
    assert gazu.user.get_day_off("2025-04-03", client=artist_client) == {}
    moved = gazu.person.update_day_off({**day_off, "end_date": "2025-04-04",
                                        "description": "doctor"}, client=artist_client)
    assert (moved["end_date"], moved["description"]) == ("2025-04-04", "doctor")
    gazu.person.remove_day_off(day_off, client=artist_client)
    assert gazu.person.get_day_offs(artist, client=admin) == []


def test_desktop_logins_and_the_presence_log(admin, work):
    _, artist, artist_client = work
    logged = gazu.user.log_desktop_session_log_in(client=artist_client)
    assert logged["person_id"] == artist["id"]
    logins = gazu.user.all_desktop_login_logs(client=artist_client)
    assert [item["id"] for item in logins] == [logged["id"]]
    today = datetime.date.fromisoformat(logged["date"][:10])
    sheet = gazu.person.get_presence_log(today.year, today.month, client=admin)
    rows = {row.split(";")[0]: row.split(";")[1:] for row in sheet.splitlines()[1:]}
    assert rows[artist["full_name"]][today.day - 1] == "X"
    assert gazu.person.get_person(artist["id"], client=admin)["last_presence"] == (
        logged["date"][:10])
