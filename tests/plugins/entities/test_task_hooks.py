"""What entities ask of the plugin owning tasks, through the hooks they publish: tasks in
the answers, task types, soft deletion of entities that have tasks, vendors' entities."""

import pytest

from tests.plugins.entities import task_double


@pytest.fixture
def app(register_plugin):
    task_double.reset()
    yield register_plugin("task_double", task_double)
    task_double.reset()


def _task(entity, task_type_id):
    return {"id": f"task-of-{entity['name']}", "task_type_id": task_type_id,
            "task_status_id": None, "assignees": []}


def test_tasks_appear_where_zou_embeds_them(production, defaults):
    project = production.project()
    sequence = production.sequence(project)
    shot = production.shot(project, sequence)
    hero = production.asset(project)
    modeling = defaults.task_type[("Modeling", "Asset")]
    task_double.TASKS.update({hero["id"]: [_task(hero, modeling)],
                              shot["id"]: [_task(shot, defaults.task_type[("Layout", "Shot")])]})
    assert production.get(f"/data/assets/{hero['id']}")["tasks"] == [_task(hero, modeling)]
    [row] = production.get(f"/data/assets/with-tasks?project_id={project['id']}")
    assert row["tasks"] == [_task(hero, modeling)]
    assert production.get(f"/data/shots/{shot['id']}")["tasks"][0]["id"] == "task-of-SH010"
    assert [item["name"] for item in production.get(
        f"/data/assets/{hero['id']}/task-types")] == ["Modeling"]
    assert [item["name"] for item in production.get(
        f"/data/shots/{shot['id']}/task-types")] == ["Layout"]


def test_an_entity_with_tasks_is_canceled_unless_forced(production, defaults):
    project = production.project()
    hero = production.asset(project)
    task_double.TASKS[hero["id"]] = [_task(hero, defaults.task_type[("Modeling", "Asset")])]
    production.call("DELETE", f"/data/assets/{hero['id']}", 204)
    assert production.get(f"/data/assets/{hero['id']}")["canceled"] is True
    assert task_double.DELETING == []
    production.call("DELETE", f"/data/assets/{hero['id']}?force=true", 204)
    production.call("GET", f"/data/assets/{hero['id']}", 404)
    assert task_double.DELETING == [([hero["id"]], True)]


def test_removing_a_sequence_tells_the_task_owner_about_every_entity(production):
    project = production.project()
    sequence = production.sequence(project)
    shot = production.shot(project, sequence)
    production.call("DELETE", f"/data/sequences/{sequence['id']}?force=true", 204)
    assert task_double.DELETING == [(sorted([shot["id"], sequence["id"]]), True)]


def test_vendors_see_the_entities_assigned_to_them(production, member):
    project = production.project()
    hero = production.asset(project, "Hero")
    production.asset(project, "Villain")
    _, vendor = member(project, "vendor")
    task_double.ASSIGNED.add(hero["id"])
    assert [row["name"] for row in production.get("/data/assets", headers=vendor)] == ["Hero"]
    assert production.get(f"/data/assets/{hero['id']}", headers=vendor)["name"] == "Hero"
    assert [row["name"] for row in production.get("/data/entities", headers=vendor)] == ["Hero"]
