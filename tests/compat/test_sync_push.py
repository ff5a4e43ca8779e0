"""gazu.sync's push functions between two served Dopesheets (``served`` and
``other_served``, each on its own database): a production's entities, casting, tasks and
comments land on the other instance with their ids and dates, through Zou's
``/import/kitsu`` routes; a second push updates what changed. People and settings are
matched by e-mail and name (the admin exists on both, the artist on the source only)."""

import uuid

import gazu
import pytest

from tests.compat.conftest import connect, unique
from tests.compat.productions import production

AUDIT_KEYS = ("id", "name", "created_at", "updated_at")


@pytest.fixture
def target(other_served, admin_of):
    """An admin of the other instance."""
    return admin_of(other_served)


def audit(rows):
    return sorted(tuple(row[key] for key in AUDIT_KEYS) for row in rows)


def casting(admin, prod):
    gazu.casting.update_shot_casting(prod["project"], prod["shot"], [
        {"asset_id": prod["asset"]["id"], "nb_occurences": 2}], client=admin)
    return gazu.casting.all_entity_links_for_project(prod["project"], client=admin)


def test_a_production_is_pushed_with_its_ids_and_dates(admin, target, new_person):
    artist, _ = new_person()
    prod = production(admin, artist)
    me = gazu.client.get_current_user(client=admin)
    gazu.task.assign_task(prod["shot_task"], me, client=admin)
    links = casting(admin, prod)
    copy = gazu.project.new_project(unique("Copy"), "short", client=target)

    pushed = gazu.sync.push_project_entities(prod["project"], copy, admin, target)

    source = prod["project"]
    assert audit(pushed["assets"]) == audit(gazu.asset.all_assets_for_project(
        source, client=admin)) == audit(gazu.asset.all_assets_for_project(copy, client=target))
    for kind in ("episodes", "sequences", "shots"):
        listing = getattr(gazu.shot, f"all_{kind}_for_project")
        assert audit(pushed[kind]) == audit(listing(source, client=admin)) == audit(
            listing(copy, client=target))
    landed = gazu.casting.all_entity_links_for_project(copy, client=target)
    assert gazu.sync.get_link_list_diff(links, landed) == ([], [])
    assert sorted(link["id"] for link in pushed["entity_links"]) == sorted(
        link["id"] for link in links)
    shot = gazu.shot.get_shot(prod["shot"]["id"], client=target)
    assert (shot["project_id"], shot["sequence_id"]) == (copy["id"], prod["sequence"]["id"])
    assert gazu.casting.get_shot_casting(shot, client=target)[0]["nb_occurences"] == 2

    todo = gazu.task.get_task_status_by_short_name("todo", client=target)
    tasks = gazu.sync.push_tasks(source, copy, todo, admin, target)
    target_me = gazu.client.get_current_user(client=target)
    assert sorted(task["id"] for task in tasks) == sorted(
        (prod["shot_task"]["id"], prod["asset_task"]["id"]))
    shot_task = gazu.task.get_task(prod["shot_task"]["id"], client=target)
    assert (shot_task["project_id"], shot_task["task_status_id"]) == (copy["id"], todo["id"])
    assert (shot_task["assignees"], shot_task["assigner_id"]) == ([target_me["id"]],
                                                                  target_me["id"])
    assert shot_task["created_at"] == prod["shot_task"]["created_at"]


def test_comments_are_pushed_one_by_one(admin, target):
    prod = production(admin)
    copy = gazu.project.new_project(unique("Copy"), "short", client=target)
    gazu.sync.push_project_entities(prod["project"], copy, admin, target)
    todo = gazu.task.get_task_status_by_short_name("todo", client=target)
    gazu.sync.push_tasks(prod["project"], copy, todo, admin, target)
    wip = gazu.task.get_task_status_by_short_name("wip", client=admin)
    comment = gazu.task.add_comment(prod["shot_task"], wip, "blocking pass",
                                    checklist=[{"text": "arcs", "checked": True}],
                                    client=admin)
    statuses = gazu.sync.get_sync_task_status_id_map(admin, target)
    persons = gazu.sync.get_sync_person_id_map(admin, target)

    pushed = gazu.sync.push_task_comment(statuses, persons, prod["shot_task"], comment,
                                         admin, target)

    assert pushed["id"] == comment["id"]
    landed = gazu.task.all_comments_for_task(prod["shot_task"], client=target)
    assert [(item["text"], item["created_at"], item["checklist"], item["task_status_id"],
             item["person_id"]) for item in landed] == [
        ("blocking pass", comment["created_at"], [{"text": "arcs", "checked": True}],
         statuses[wip["id"]], persons[comment["person_id"]])]


def test_each_kind_is_pushed_alone_and_a_second_push_updates(admin, target):
    prod = production(admin)
    links = casting(admin, prod)
    source = prod["project"]
    copy = gazu.project.new_project(unique("Copy"), "short", client=target)
    assert gazu.sync.get_link_list_diff(links, []) == (links, [])

    assets = gazu.sync.push_assets(source, copy, admin, target)
    episodes = gazu.sync.push_episodes(source, copy, admin, target)
    sequences = gazu.sync.push_sequences(source, copy, admin, target)
    shots = gazu.sync.push_shots(source, copy, admin, target)
    pushed_links = gazu.sync.push_entity_links(source, copy, admin, target)

    assert [asset["id"] for asset in assets] == [prod["asset"]["id"]]
    assert {episode["name"] for episode in episodes} == {"E01", "E101"}
    assert [sequence["id"] for sequence in sequences] == [prod["sequence"]["id"]]
    assert [shot["id"] for shot in shots] == [prod["shot"]["id"]]
    assert len(pushed_links) == len(links)
    renamed = gazu.asset.update_asset({**prod["asset"], "name": "Hero v2"}, client=admin)
    assert gazu.sync.is_changed(gazu.asset.get_asset(prod["asset"]["id"], client=target),
                                renamed) is False
    again = gazu.sync.push_assets(source, copy, admin, target)
    assert [(asset["id"], asset["name"]) for asset in again] == [
        (prod["asset"]["id"], "Hero v2")]
    landed = gazu.asset.get_asset(prod["asset"]["id"], client=target)
    assert (landed["name"], landed["updated_at"]) == ("Hero v2", renamed["updated_at"])
    assert gazu.sync.is_changed(renamed, landed) is False


def test_rows_are_imported_as_exported_and_ids_mapped_by_name(admin, target):
    prod = production(admin)
    copy = gazu.project.new_project(unique("Copy"), "short", client=target)
    source_types = gazu.task.all_task_types(client=admin)
    type_map = gazu.sync.get_id_map_by_id(source_types, gazu.task.all_task_types(
        client=target))
    assert gazu.sync.convert_id_list([prod["animation"]["id"]], type_map) == [
        gazu.task.get_task_type_by_name("Animation", for_entity="Shot",
                                        client=target)["id"]]
    persons = gazu.sync.get_id_map_by_id(gazu.person.all_persons(client=admin),
                                         gazu.person.all_persons(client=target), "email")
    assert list(persons.values()) == [gazu.client.get_current_user(client=target)["id"]]

    episode = {**prod["episode"], "project_id": copy["id"]}
    sequence = {**prod["sequence"], "project_id": copy["id"]}
    shot = {**prod["shot"], "project_id": copy["id"], "created_at": "2020-05-06T07:08:09",
            "updated_at": "2020-05-06T07:08:09"}
    imported = gazu.sync.import_entities([episode, sequence, shot], client=target)
    assert [(row["id"], row["type"]) for row in imported] == [
        (prod["episode"]["id"], "Entity"), (prod["sequence"]["id"], "Entity"),
        (prod["shot"]["id"], "Entity")]
    landed = gazu.shot.get_shot(shot["id"], client=target)
    assert landed["created_at"] == "2020-05-06T07:08:09"
    assert gazu.sync.is_changed(prod["shot"], landed) is True
    link = {"id": str(uuid.uuid4()), "entity_in_id": prod["sequence"]["id"],
            "entity_out_id": prod["shot"]["id"], "nb_occurences": 1, "type": "EntityLink"}
    assert [row["id"] for row in gazu.sync.import_entity_links([link], client=target)] == [
        link["id"]]
    task = {**prod["shot_task"], "project_id": copy["id"],
            "task_type_id": type_map[prod["shot_task"]["task_type_id"]],
            "task_status_id": gazu.task.get_default_task_status(client=target)["id"]}
    assert [row["id"] for row in gazu.sync.import_tasks([task], client=target)] == [
        task["id"]]
    assert gazu.task.get_task(task["id"], client=target)["entity_id"] == shot["id"]
    descriptor = {"id": str(uuid.uuid4()), "project_id": copy["id"], "entity_type": "Shot",
                  "name": "Lens", "field_name": "lens", "data_type": "string",
                  "choices": [], "type": "MetadataDescriptor"}
    assert gazu.client.import_data("metadata-descriptors", [descriptor], client=target)[0][
        "id"] == descriptor["id"]
    assert [item["field_name"] for item in gazu.project.all_metadata_descriptors(
        copy, client=target)] == ["lens"]


def test_only_admins_import(target, other_served):
    manager_email = f"{uuid.uuid4().hex[:8]}@compat.example.com"
    gazu.person.new_person("Pro", "Ducer", manager_email, role="manager",
                           password="compat manager password", client=target)
    manager = connect(other_served, manager_email, "compat manager password")
    copy = gazu.project.new_project(unique("Copy"), "short", client=target)
    episode = {"id": str(uuid.uuid4()), "name": "E09", "project_id": copy["id"],
               "type": "Episode"}
    assert gazu.sync.import_entities([episode], client=manager) == []
    assert gazu.shot.all_episodes_for_project(copy, client=target) == []
    with pytest.raises(gazu.exception.ParameterException):
        gazu.client.import_data("entities", {"id": episode["id"]}, client=target)
