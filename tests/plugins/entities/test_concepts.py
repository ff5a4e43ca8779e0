"""Concepts: Zou's routes, links to the entities they illustrate, kept from clients and
vendors."""

from tests.plugins.entities.zou_shapes import CONCEPT_DETAIL, CONCEPT_WITH_TASKS, ENTITY


def test_create_concepts_linked_to_entities(production):
    project = production.project()
    hero = production.asset(project, "Hero")
    sketch = production.concept(project, "Sketch", entity_concept_links=[hero["id"]])
    assert list(sketch) == ENTITY + ["entity_concept_links"]
    assert (sketch["type"], sketch["entity_concept_links"], sketch["description"]) == (
        "Concept", [hero["id"]], None)
    assert production.concept(project, "Sketch")["id"] == sketch["id"]
    generic = production.get(f"/data/entities/{sketch['id']}")
    assert generic["entity_concept_links"] == [hero["id"]]


def test_concept_lists_and_views(production):
    project = production.project("Art")
    sketch = production.concept(project, "Sketch")
    rows = production.get(f"/data/concepts?project_id={project['id']}")
    assert [list(row) for row in rows] == [ENTITY + ["entity_concept_links", "project_name"]]
    assert [list(row) for row in production.get(
        f"/data/projects/{project['id']}/concepts")] == [ENTITY + ["entity_concept_links"]]
    detail = production.get(f"/data/concepts/{sketch['id']}")
    assert list(detail) == CONCEPT_DETAIL
    assert (detail["project_name"], detail["preview_file_status"], detail["tasks"]) == (
        "Art", None, [])
    with_tasks = production.get(f"/data/concepts/with-tasks?project_id={project['id']}")
    assert [list(row) for row in with_tasks] == [CONCEPT_WITH_TASKS]


def test_clients_and_vendors_cannot_read_concepts(production, member):
    project = production.project()
    sketch = production.concept(project, "Sketch")
    for role in ("client", "vendor"):
        _, headers = member(project, role)
        for path in (f"/data/concepts/{sketch['id']}", f"/data/projects/{project['id']}/concepts",
                     f"/data/concepts?project_id={project['id']}"):
            production.call("GET", path, 403, headers=headers)
    _, artist = member(project, "user")
    assert len(production.get(f"/data/projects/{project['id']}/concepts", headers=artist)) == 1
    production.call("GET", "/data/concepts", 403, headers=artist)


def test_delete_a_concept_and_its_links(production):
    project = production.project()
    hero = production.asset(project, "Hero")
    sketch = production.concept(project, "Sketch", entity_concept_links=[hero["id"]])
    production.call("DELETE", f"/data/concepts/{sketch['id']}", 204)
    production.call("GET", f"/data/concepts/{sketch['id']}", 404)
    assert production.get(f"/data/assets/{hero['id']}")["name"] == "Hero"
