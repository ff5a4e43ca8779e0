"""On PostgreSQL a to-do list reads the person's tasks by key, never the studio's whole task
table: a hundred artists refresh theirs, and a studio holds tens of thousands of tasks."""

import pytest

from framework import db
from plugins.tasks.models import Task


def _task_scans(plan):
    """The scan nodes of an ``EXPLAIN (FORMAT JSON)`` plan that read the ``task`` table."""
    found = [plan["Node Type"]] if plan.get("Relation Name") == "task" else []
    for child in plan.get("Plans", ()):
        found += _task_scans(child)
    return found


def test_a_todo_list_reads_only_the_persons_tasks(prod, database_kind, monkeypatch):
    if database_kind != "postgresql":
        pytest.skip("a PostgreSQL plan")
    artist, headers = prod.member("user")
    mine = [prod.shot_task(name) for name in ("Animation", "Layout", "Lighting")]
    for task in mine:
        prod.assign(task, artist)
    with prod.app.dopesheet.activated():
        Task.insert_many([{"name": f"other {number}", "project": prod.project_id,
                           "task_type": prod.task_type[("Animation", "Shot")],
                           "task_status": prod.status["todo"], "entity": prod.shot.id}
                          for number in range(3000)]).execute()
        db.execute_sql("ANALYZE task, task_person_link")
    sent = []
    original = db.obj._log_query

    def logged(sql, params):
        sent.append((sql, params))
        return original(sql, params)

    monkeypatch.setattr(db.obj, "_log_query", logged)
    todo = prod.get("/data/user/tasks", headers)
    assert sorted(task["id"] for task in todo) == sorted(task["id"] for task in mine)
    [(sql, params)] = [(sql, params) for sql, params in sent
                       if sql.startswith('SELECT "t1"."name"') and '"task_person_link"' in sql]
    with prod.app.dopesheet.activated():
        [[plan]] = db.execute_sql("EXPLAIN (FORMAT JSON) " + sql, params).fetchone()
    assert "Seq Scan" not in _task_scans(plan["Plan"])
