"""On PostgreSQL the enriched task lists (nine tables joined) join only the tasks they
answer, never the studio's whole task table: a hundred artists refresh their to-do lists,
managers their open tasks, and a studio keeps tens of thousands of tasks of past
productions. The statement is run again under ``EXPLAIN ANALYZE``: the rows its scans of
``task`` pass on are counted."""

import pytest

from framework import db
from plugins.entities.models import Project, ProjectStatus
from plugins.tasks.models import Task

OTHERS = 3000


@pytest.fixture
def crowded(prod, database_kind):
    """``add(project_id)``: 3,000 tasks of no one in the project, the tables analysed."""
    if database_kind != "postgresql":
        pytest.skip("a PostgreSQL plan")

    def add(project_id):
        with prod.app.dopesheet.activated():
            Task.insert_many([{"name": f"other {number}", "project": project_id,
                               "task_type": prod.task_type[("Animation", "Shot")],
                               "task_status": prod.status["todo"], "entity": prod.shot.id}
                              for number in range(OTHERS)]).execute()
            db.execute_sql("ANALYZE task, task_person_link, project")
    return add


def _task_rows(plan):
    """The rows each scan of the ``task`` table passed on, in an analysed plan."""
    found = ([plan["Actual Rows"] * plan["Actual Loops"]]
             if plan.get("Relation Name") == "task" else [])
    for child in plan.get("Plans", ()):
        found += _task_rows(child)
    return found


def _enriched_plan(prod, monkeypatch, path, headers):
    """The answer to ``GET path`` and the plan of the enriched-rows statement it sent."""
    sent = []
    original = db.obj._log_query

    def logged(sql, params):
        sent.append((sql, params))
        return original(sql, params)

    monkeypatch.setattr(db.obj, "_log_query", logged)
    answer = prod.get(path, headers)
    [(sql, params)] = [(sql, params) for sql, params in sent
                       if sql.startswith('SELECT "t1"."name"') and '"sequence"' in sql]
    with prod.app.dopesheet.activated():
        [[plan]] = db.execute_sql("EXPLAIN (ANALYZE, FORMAT JSON) " + sql, params).fetchone()
    return answer, plan["Plan"]


def test_a_todo_list_reads_only_the_persons_tasks(prod, crowded, monkeypatch):
    artist, headers = prod.member("user")
    mine = [prod.shot_task(name) for name in ("Animation", "Layout", "Lighting")]
    for task in mine:
        prod.assign(task, artist)
    crowded(prod.project_id)
    todo, plan = _enriched_plan(prod, monkeypatch, "/data/user/tasks", headers)
    assert sorted(task["id"] for task in todo) == sorted(task["id"] for task in mine)
    assert _task_rows(plan) == [len(mine)]


def test_open_tasks_read_only_the_open_projects_tasks(prod, crowded, monkeypatch):
    open_task = prod.shot_task()
    with prod.app.dopesheet.activated():
        closed = Project.create(name="Wrapped", project_status=ProjectStatus.get(
            ProjectStatus.name == "Closed").id)
    crowded(closed.id)
    answer, plan = _enriched_plan(prod, monkeypatch, "/data/tasks/open-tasks", prod.admin)
    assert [task["id"] for task in answer["data"]] == [open_task["id"]]
    assert _task_rows(plan) == [1]
