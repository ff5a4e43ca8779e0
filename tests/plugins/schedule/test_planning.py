"""A project's plan: milestones, schedule items (created on reading a level), budgets and
their entries, salary scales."""

import datetime

from tests.plugins.schedule.zou_shapes import (
    BUDGET, BUDGET_ENTRY, FORBIDDEN, MILESTONE, PRESENTED_BUDGET, PRESENTED_BUDGET_ENTRY,
    PRESENTED_MILESTONE, PRESENTED_SCHEDULE_ITEM, SALARY_SCALE, SCHEDULE_ITEM)


def test_milestones(prod):
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor")
    _, vendor = prod.member("vendor")
    _, client = prod.member("client")
    animation = prod.task_type[("Animation", "Shot")]
    body = {"project_id": prod.project_id, "task_type_id": animation, "name": "Alpha",
            "date": "2025-04-01"}
    assert prod.post("/data/milestones", body, 403, supervisor) == FORBIDDEN
    milestone = prod.post("/data/milestones", body, headers=manager)
    assert list(milestone) == MILESTONE
    path = f"/data/milestones/{milestone['id']}"
    assert prod.get(path, prod.artist_headers)["name"] == "Alpha"
    assert prod.get(path, client)["name"] == "Alpha"
    prod.get(path, vendor, 403)
    renamed = prod.put(path, {"name": "Alpha 2", "project_id": prod.project_id}, headers=manager)
    assert renamed["name"] == "Alpha 2"
    prod.put(path, {"name": "x"}, 403, supervisor)
    prod.get("/data/milestones", manager, 403)
    listed = prod.get(f"/data/projects/{prod.project_id}/milestones", vendor)
    assert [list(item) for item in listed] == [PRESENTED_MILESTONE]
    prod.get(f"/data/projects/{prod.project_id}/milestones", client, 403)
    prod.delete(path, headers=manager)


def test_schedule_items(prod):
    _, manager = prod.member("manager")
    _, supervisor = prod.member("supervisor", departments=["Animation"])
    _, vendor = prod.member("vendor")
    animation = prod.task_type[("Animation", "Shot")]
    body = {"project_id": prod.project_id, "task_type_id": animation,
            "start_date": "2025-03-01", "end_date": "2025-04-01", "man_days": 10}
    item = prod.post("/data/schedule-items", body, headers=manager)
    assert list(item) == SCHEDULE_ITEM
    assert prod.post("/data/schedule-items", body, 400, manager)["message"] == (
        "A similar schedule item already exists")
    path = f"/data/schedule-items/{item['id']}"
    prod.get(path, manager, 403)
    moved = prod.put(path, {"man_days": "12", "start_date": "2025-03-02"}, headers=supervisor)
    assert (moved["man_days"], moved["start_date"]) == (10, "2025-03-02")
    prod.put(path, {"man_days": 12}, 403, prod.artist_headers)
    project = f"/data/projects/{prod.project_id}/schedule-items"
    assert [row["id"] for row in prod.get(project, prod.artist_headers)] == [item["id"]]
    prod.get(project, vendor, 403)
    per_type = prod.get(f"{project}/task-types", prod.artist_headers)
    assert [list(row) for row in per_type] == [PRESENTED_SCHEDULE_ITEM] * 2
    today = datetime.datetime.now(datetime.UTC).date().isoformat()
    created = [row for row in per_type if row["id"] != item["id"]][0]
    assert (created["task_type_id"], created["start_date"]) == (
        prod.task_type[("Modeling", "Asset")], today)
    assert prod.get(f"{project}/task-types", prod.artist_headers) == per_type
    sequences = prod.get(f"{project}/{animation}/sequences", prod.artist_headers)
    assert [(row["name"], row["object_id"]) for row in sequences] == [
        ("SQ01", prod.sequence.id)]
    assert list(sequences[0]) == PRESENTED_SCHEDULE_ITEM + ["name"]
    episodes = prod.get(f"{project}/{animation}/episodes?episode_id={prod.episode.id}")
    assert [row["name"] for row in episodes] == ["E01"]
    assert [row["name"] for row in prod.get(f"{project}/{animation}/asset-types")] == [
        "Character"]
    assert prod.get(f"{project}/{animation}/edits") == []
    assert prod.get(f"{project}/bad/sequences", expected=400)["message"] == (
        "Wrong UUID format.")
    prod.delete(path, 403, supervisor)
    prod.delete(path, headers=manager)


def test_budgets_and_entries(prod):
    _, manager = prod.member("manager")
    budgets = f"/data/projects/{prod.project_id}/budgets"
    first = prod.post(budgets, {"name": "Quote"}, 200, manager)
    assert list(first) == BUDGET and (first["revision"], first["currency"]) == (1, "USD")
    second = prod.post(budgets, {"name": "Quote 2", "currency": "EUR"}, 200, manager)
    assert second["revision"] == 2
    assert prod.post(budgets, {}, 400, manager)["data"] == {
        "errors": [{"field": "name", "message": "Field required"}]}
    prod.post(budgets, {"name": "x"}, 403, prod.artist_headers)
    assert [list(item) for item in prod.get(budgets, manager)] == [PRESENTED_BUDGET] * 2
    budget = f"{budgets}/{first['id']}"
    assert prod.put(budget, {"name": "Quote A", "revision": 9}, headers=manager)[
        "revision"] == 1
    entry = prod.post(f"{budget}/entries", {
        "department_id": prod.department["Animation"], "start_date": "2025-01-01",
        "months_duration": 3, "daily_salary": 300}, 200, manager)
    assert list(entry) == BUDGET_ENTRY
    assert (entry["daily_salary"], entry["position"], entry["exceptions"]) == (
        300.0, "artist", {})
    assert [list(item) for item in prod.get(f"{budget}/entries", manager)] == [
        PRESENTED_BUDGET_ENTRY]
    changed = prod.put(f"{budget}/entries/{entry['id']}", {
        "daily_salary": 320, "exceptions": {"2025-02": 350, "2025-03": 0}}, headers=manager)
    assert (changed["daily_salary"], changed["exceptions"]) == (320.0, {"2025-02": 350})
    assert prod.get(f"{budget}/entries/{entry['id']}", manager)["daily_salary"] == 320.0
    assert prod.get(f"{budgets}/bad", manager, 400)["message"] == "Wrong UUID format."
    prod.get(f"{budgets}/{prod.project_id}", manager, 404)
    prod.delete(f"{budget}/entries/{entry['id']}", headers=manager)
    prod.delete(budget, headers=manager)
    assert [item["id"] for item in prod.get(budgets, manager)] == [second["id"]]
    names = [event["name"] for event in prod.events(limit=20)]
    assert {"budget:create", "budget-entry:create", "budget:delete"} <= set(names)


def test_salary_scales(prod):
    scales = prod.get("/data/salary-scales")
    assert len(scales) == len(prod.department) * 9
    assert list(scales[0]) == SALARY_SCALE
    assert len(prod.get("/data/salary-scales")) == len(scales)
    assert [(item["position"], item["seniority"]) for item in scales[:4]] == [
        ("supervisor", "senior"), ("supervisor", "mid"), ("supervisor", "junior"),
        ("lead", "senior")]
    animation = prod.department["Animation"]
    assert prod.get(f"/data/salary-scales?department_id={animation}&page=1&limit=2") == (
        scales)
    assert prod.post("/data/salary-scales", {"department_id": prod.department["FX"]}, 400)[
        "message"] == "Salary scales cannot be created"
    _, manager = prod.member("manager")
    prod.get("/data/salary-scales", manager, 403)


def test_the_span_of_each_persons_tasks(prod):
    prod.put(f"/data/tasks/{prod.shot_task['id']}", {"start_date": "2025-01-02",
                                                      "due_date": "2025-02-03T10:00:00"})
    prod.put(f"/data/tasks/{prod.asset_task['id']}", {"start_date": "2025-01-20",
                                                       "due_date": "2025-03-01"})
    span = {"person_id": prod.artist.id, "min_date": "2025-01-02T00:00:00",
            "max_date": "2025-03-01T00:00:00", "busy_periods": []}
    assert prod.get("/data/persons/task-dates") == [span]
    _, supervisor = prod.member("supervisor")
    assert prod.get(f"/data/persons/task-dates?project_id={prod.project_id}",
                    supervisor) == [span]
    assert prod.get("/data/persons/task-dates", supervisor) == [span]
    outsider = prod.studio.headers(prod.studio.person("supervisor"))
    assert prod.get("/data/persons/task-dates", outsider) == [{
        "person_id": prod.artist.id, "min_date": None, "max_date": None,
        "busy_periods": [{"start_date": "2025-01-02 00:00:00",
                          "end_date": "2025-03-01 00:00:00"}]}]
    prod.get(f"/data/persons/task-dates?project_id={prod.project_id}", outsider, 403)
    prod.get("/data/persons/task-dates", prod.artist_headers, 403)
    assert prod.get("/data/persons/task-dates?project_id=nope", expected=400) == {
        "error": True, "message": "Invalid project_id.", "data": None}
