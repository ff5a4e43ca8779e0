"""Every list route issues the same number of SQL queries whatever the number of rows.
Routes that embed tasks are checked for constancy only: their count includes what the
plugin owning tasks does in ``entity_tasks``."""

import pytest

from plugins.entities.models import (AssetInstance, AssetInstanceLink, Entity, EntityLink,
                                     ProjectPersonLink)
from plugins.entities.services.kinds import kind_type_id
from plugins.persons.models import Person


@pytest.fixture
def world(production, defaults, app):
    project = production.project("Show", production_type="tvshow")
    episode_id = project["first_episode_id"]
    sequence = production.sequence(project, episode={"id": episode_id})
    scene = production.scene(project, sequence)

    def grow(count):
        """``count`` more assets, shots cast with them, instances and team members."""
        with app.dopesheet.activated():
            shot_type = kind_type_id("Shot")
            for index in range(count):
                suffix = f"{Entity.select().count()}"
                asset = Entity.create(name=f"A{suffix}", project=project["id"],
                                      entity_type=defaults.asset_type["Prop"], data={})
                shot = Entity.create(name=f"S{suffix}", project=project["id"],
                                     entity_type=shot_type, parent=sequence["id"], data={})
                EntityLink.create(entity_in=shot.id, entity_out=asset.id)
                EntityLink.create(entity_in=episode_id, entity_out=asset.id)
                instance = AssetInstance.create(asset=asset.id, scene=scene["id"], number=1)
                AssetInstanceLink.create(entity=shot.id, asset_instance=instance.id)
                person = Person.create(first_name="P", last_name=suffix,
                                       email=f"p{suffix}@example.com")
                ProjectPersonLink.create(project=project["id"], person=person.id)
        return shot.id

    return project, sequence, scene, grow


def _count(production, query_counter, path):
    with query_counter() as log:
        production.get(path)
    return log.count


PINNED = [
    ("/data/projects", 2),
    ("/data/projects?relations=true", 8),
    ("/data/projects/open", 11),
    ("/data/projects/all", 4),
    ("/data/projects/{project}/team", 5),
    ("/data/assets?project_id={project}", 2),
    ("/data/projects/{project}/assets", 3),
    ("/data/shots?project_id={project}", 2),
    ("/data/sequences/{sequence}/shots", 3),
    ("/data/projects/{project}/shots", 3),
    ("/data/entities?project_id={project}&relations=true", 7),
    ("/data/asset-types", 3),
    ("/data/projects/{project}/entities/{shot}/casting", 4),
    ("/data/projects/{project}/sequences/all/casting", 3),
    ("/data/projects/{project}/episodes/casting", 3),
    ("/data/projects/{project}/entity-links", 3),
    ("/data/scenes/{scene}/asset-instances", 3),
    ("/data/assets/{asset}/cast-in", 4),
    ("/data/projects/{project}", 5),
]
CONSTANT = [
    "/data/assets/with-tasks?project_id={project}",
    "/data/shots/with-tasks?project_id={project}",
    "/data/sequences/with-tasks?project_id={project}",
    "/data/edits/with-tasks?project_id={project}",
    "/data/concepts/with-tasks?project_id={project}",
]


def _path(template, project, sequence, scene, shot_id, asset_id):
    return template.format(project=project["id"], sequence=sequence["id"], scene=scene["id"],
                           shot=shot_id, asset=asset_id)


@pytest.mark.parametrize("template, expected", PINNED)
def test_list_routes_are_a_fixed_number_of_queries(production, query_counter, world, template,
                                                   expected):
    project, sequence, scene, grow = world
    shot_id = grow(2)
    asset_id = production.get(f"/data/projects/{project['id']}/entities/{shot_id}/casting")[0][
        "asset_id"]
    path = _path(template, project, sequence, scene, shot_id, asset_id)
    few = _count(production, query_counter, path)
    grow(15)
    assert (few, _count(production, query_counter, path)) == (expected, expected)


@pytest.mark.parametrize("template", CONSTANT)
def test_with_tasks_routes_do_not_grow_with_rows(production, query_counter, world, template):
    project, sequence, scene, grow = world
    grow(2)
    path = _path(template, project, sequence, scene, None, None)
    few = _count(production, query_counter, path)
    grow(15)
    assert _count(production, query_counter, path) == few


def test_creating_entities_needs_no_savepoint(production, query_counter):
    """A refused write ends its request with a 400 and a rollback: the guarded routes save
    the savepoint's round trips."""
    project = production.project()
    sequence = production.sequence(project)
    with query_counter() as asset:
        production.asset(project, name="Lamp")
    with query_counter() as shot:
        production.shot(project, sequence, name="SH020", nb_frames=30)
    assert not any("SAVEPOINT" in sql for sql in asset.statements + shot.statements)
    assert (asset.count, shot.count) == (6, 8), (
        "the caller, the project, the asset type or the sequence and the shot type, the "
        "sibling of the same name, the insert, the row answered, the event log")


def test_linking_a_setting_or_a_member_answers_the_project_without_reading_it_again(
        production, member, query_counter):
    project = production.project()
    task_type_id = production.defaults.task_type[("Modeling", "Asset")]
    person, _ = member(project)
    production.call("DELETE", f"/data/projects/{project['id']}/team/{person.id}", 204)
    with query_counter() as log:
        linked = production.post(f"/data/projects/{project['id']}/settings/task-types",
                                 {"task_type_id": task_type_id})
        joined = production.post(f"/data/projects/{project['id']}/team",
                                 {"person_id": person.id})
    assert log.count == 12, ("each: the caller, the project, the target's existence, the "
                             "link, the project's updated_at and the event log")
    stored = production.get(f"/data/projects/{project['id']}")
    assert joined["updated_at"] == stored["updated_at"] >= linked["updated_at"]
    assert {key: value for key, value in joined.items() if key != "updated_at"} == {
        key: value for key, value in stored.items() if key in joined and key != "updated_at"}
