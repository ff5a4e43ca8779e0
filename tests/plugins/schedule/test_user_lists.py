"""The current user's saved searches and filter groups, and desktop login logs."""

from tests.plugins.schedule.zou_shapes import (DESKTOP_LOGIN_LOG, SEARCH_FILTER,
                                               SEARCH_FILTER_GROUP)


def test_filters_and_groups(prod):
    artist, headers = prod.artist, prod.artist_headers
    _, manager = prod.member("manager")
    group = prod.post("/data/user/filter-groups", {
        "name": "Mine", "color": "#fff", "list_type": "asset", "project_id": prod.project_id,
        "is_shared": True}, headers=headers)
    assert list(group) == SEARCH_FILTER_GROUP
    assert (group["is_shared"], group["person_id"]) == (False, artist.id)
    shared = prod.post("/data/user/filter-groups", {
        "name": "Shared", "list_type": "asset", "project_id": prod.project_id,
        "is_shared": True}, headers=manager)
    assert (shared["is_shared"], shared["color"]) == (True, "")
    assert prod.post("/data/user/filter-groups", {"list_type": "asset"}, 400, headers)[
        "data"] == {"errors": [{"field": "name", "message": "Field required"}]}
    heroes = prod.post("/data/user/filters", {
        "name": "Heroes", "query": "hero", "list_type": "asset", "project_id": prod.project_id,
        "search_filter_group_id": group["id"], "unknown": 1}, headers=headers)
    assert list(heroes) == SEARCH_FILTER and heroes["search_query"] == "hero"
    every = prod.post("/data/user/filters", {"name": "All", "query": "x"}, headers=headers)
    assert (every["list_type"], every["project_id"]) == ("todo", None)
    assert prod.post("/data/user/filters", {
        "name": "Bad", "query": "x", "search_filter_group_id": shared["id"]}, 400,
        headers)["message"] == ("A search filter should have the same value for is_shared "
                                "than its search filter group.")
    prod.post("/data/user/filters", {
        "name": "Shared f", "query": "y", "list_type": "asset", "project_id": prod.project_id,
        "is_shared": True, "search_filter_group_id": shared["id"]}, headers=manager)
    prod.post("/data/user/filters", {"name": "Dep", "query": "y",
                                     "department_id": prod.department["FX"]}, headers=headers)
    mine = prod.get("/data/user/filters", headers)
    assert list(mine) == ["asset", "todo"]
    assert [item["name"] for item in mine["asset"][prod.project_id]] == ["Heroes", "Shared f"]
    assert [item["name"] for item in mine["todo"]["all"]] == ["All"]
    groups = prod.get("/data/user/filter-groups", headers)
    assert [item["name"] for item in groups["asset"][prod.project_id]] == ["Shared", "Mine"]
    assert prod.get(f"/data/user/filter-groups/{group['id']}", headers) == group
    other = prod.studio.headers(prod.studio.person("user"))
    prod.get(f"/data/user/filter-groups/{group['id']}", other, 404)
    renamed = prod.put(f"/data/user/filters/{heroes['id']}", {
        "name": "Heroes 2", "search_query": "hero2", "list_type": "shot"}, headers=headers)
    assert (renamed["name"], renamed["search_query"], renamed["list_type"]) == (
        "Heroes 2", "hero2", "asset")
    prod.put(f"/data/user/filters/{heroes['id']}", {"name": "x"}, 404, other)
    assert prod.put(f"/data/user/filter-groups/{group['id']}", {
        "name": "Mine 2", "is_shared": True, "project_id": prod.project_id},
        headers=headers)["is_shared"] is False
    prod.delete(f"/data/user/filters/{every['id']}", headers=headers)
    prod.delete(f"/data/user/filters/{every['id']}", 404, headers)
    prod.delete(f"/data/user/filter-groups/{group['id']}", headers=headers)
    assert [item["name"] for item in prod.get("/data/user/filters", headers)["asset"][
        prod.project_id]] == ["Shared f"]


def test_sharing_a_group_shares_its_filters(prod):
    _, manager = prod.member("manager")
    group = prod.post("/data/user/filter-groups", {
        "name": "G", "list_type": "asset", "project_id": prod.project_id}, headers=manager)
    kept = prod.post("/data/user/filters", {
        "name": "F", "query": "q", "list_type": "asset", "project_id": prod.project_id,
        "search_filter_group_id": group["id"]}, headers=manager)
    prod.put(f"/data/user/filter-groups/{group['id']}", {
        "is_shared": True, "project_id": prod.project_id}, headers=manager)
    seen = prod.get("/data/user/filters", prod.artist_headers)["asset"][prod.project_id]
    assert [(item["id"], item["is_shared"]) for item in seen] == [(kept["id"], True)]


def test_generic_filter_routes_are_for_admins(prod):
    prod.get("/data/search-filters", prod.artist_headers, 403)
    created = prod.post("/data/search-filters", {"name": "gen", "list_type": "asset",
                                                 "search_query": "z"})
    assert list(created) == SEARCH_FILTER and created["person_id"] is None
    assert [item["id"] for item in prod.get("/data/search-filters")] == [created["id"]]
    assert prod.get("/data/search-filter-groups") == []


def test_desktop_logins(prod):
    artist, headers = prod.artist, prod.artist_headers
    assert prod.get("/data/user/desktop-login-logs", headers) == []
    first = prod.post("/data/user/desktop-login-logs", {"date": "2025-03-10T09:00:00"},
                      headers=headers)
    assert list(first) == DESKTOP_LOGIN_LOG and first["date"] == "2025-03-10T09:00:00"
    now = prod.post("/data/user/desktop-login-logs", {}, headers=headers)
    assert [item["id"] for item in prod.get("/data/user/desktop-login-logs", headers)] == [
        now["id"], first["id"]]
    _, manager = prod.member("manager")
    other, other_headers = prod.member("user")
    path = f"/data/persons/{artist.id}/desktop-login-logs"
    assert len(prod.get(path, manager)) == 2
    prod.get(path, other_headers, 403)
    prod.post(path, {"date": "2025-03-12"}, 403, manager)
    assert prod.post(path, {"date": "2025-03-12"}, headers=headers)["date"] == (
        "2025-03-12T00:00:00")
    assert prod.post(path, {"date": "bad"}, 400, headers)["data"] == {"errors": [{
        "field": "date", "message": "Value error, Wrong date format. Expected: "
                                    "2020-01-05T13:23:10 or 2020-01-05"}]}
    assert prod.get(f"/data/persons/{artist.id}")["last_presence"] == now["date"][:10]


def test_presence_sheet_of_a_month(prod):
    artist, headers = prod.artist, prod.artist_headers
    for moment in ("2025-03-10T09:00:00", "2025-03-12T18:00:00", "2025-04-01T09:00:00"):
        prod.post("/data/user/desktop-login-logs", {"date": moment}, headers=headers)
    answer = prod.call("GET", "/data/persons/presence-logs/2025-03", 200)
    assert answer.headers["content-type"] == "text/csv"
    assert answer.headers["content-disposition"] == "attachment; filename=kitsu_export.csv"
    header, *rows = answer.text.split("\r\n")[:-1]
    assert header == ";".join(["2025"] + [str(day) for day in range(1, 32)])
    marks = {row.split(";")[0]: row.split(";")[1:] for row in rows}
    expected = [""] * 31
    expected[9] = expected[11] = "X"
    name = f"{artist.first_name} {artist.last_name}"
    assert marks.pop(name) == expected
    assert marks and all(cells == [""] * 31 for cells in marks.values())
    assert len(prod.call("GET", "/data/persons/presence-logs/2025-02", 200).text.split(
        "\r\n")[0].split(";")) == 29
    assert prod.get("/data/persons/presence-logs/2025-13", expected=400) == {
        "error": True, "message": "Invalid month or year.", "data": None}
    _, manager = prod.member("manager")
    prod.get("/data/persons/presence-logs/2025-03", manager, 403)
