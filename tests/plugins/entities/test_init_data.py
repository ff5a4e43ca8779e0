"""``init_data`` seeds Zou's defaults once: project statuses, entity types, task types
linked to the default departments, task statuses."""

from plugins.entities.models import EntityType, ProjectStatus, TaskStatus, TaskType
from plugins.persons.models import Department


def _seed(app):
    with app.dopesheet.activated():
        app.dopesheet.hooks.init_data(app.dopesheet)


def test_init_data_seeds_zou_defaults(app, monkeypatch):
    monkeypatch.setenv("DOPESHEET_ADMIN_PASSWORD", "seeded admin password")
    _seed(app)
    with app.dopesheet.activated():
        assert sorted(status.name for status in ProjectStatus.select()) == ["Closed", "Open"]
        assert {entity_type.name for entity_type in EntityType.select()} == {
            "Character", "Prop", "Environment", "FX", "Shot", "Sequence", "Episode", "Edit",
            "Scene", "Concept", "ConceptFolder"}
        departments = {row.id: row.name for row in Department.select()}
        task_types = {(row.name, row.for_entity): (departments.get(row.department_id),
                                                   row.priority, row.color)
                      for row in TaskType.select()}
        assert task_types[("Modeling", "Asset")] == ("Modeling", 2, "#78909C")
        assert task_types[("Rigging", "Asset")] == ("Animation", 4, "#9CCC65")
        assert task_types[("Compositing", "Shot")] == ("Compositing", 7, "#ff5252")
        assert task_types[("Concept", "Concept")] == (None, 1, "#8D6E63")
        assert len(task_types) == 13
        statuses = {row.short_name: row for row in TaskStatus.select()}
        assert set(statuses) == {"todo", "wip", "wfa", "retake", "done", "ready", "neutral",
                                 "approved", "rejected"}
        assert [short for short, row in statuses.items() if row.is_default] in (
            ["todo", "neutral"], ["neutral", "todo"])
        assert statuses["wfa"].is_feedback_request and statuses["done"].is_done
        assert statuses["approved"].for_concept and not statuses["todo"].for_concept


def test_init_data_is_idempotent_and_keeps_edits(app, monkeypatch):
    monkeypatch.setenv("DOPESHEET_ADMIN_PASSWORD", "seeded admin password")
    _seed(app)
    with app.dopesheet.activated():
        TaskStatus.update(color="#123456").where(TaskStatus.short_name == "wip").execute()
    _seed(app)
    with app.dopesheet.activated():
        assert ProjectStatus.select().count() == 2
        assert TaskType.select().count() == 13
        assert TaskStatus.select().count() == 9
        assert EntityType.select().count() == 11
        assert TaskStatus.get(TaskStatus.short_name == "wip").color == "#123456"
