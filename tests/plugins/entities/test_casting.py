"""Casting (breakdown): reads in Zou's shapes, writes that replace a whole casting, the
episode kept cast with its shots, one asset cast in several entities, entity links."""

import pytest

from tests.plugins.entities.zou_shapes import (ASSET_TYPE_CASTING, CAST_IN_ASSET, CAST_IN_SHOT,
                                               ENTITY_CASTING, ENTITY_LINK, ENTITY_LINK_COMPACT,
                                               EPISODE_CASTING, SHOT_CASTING)


@pytest.fixture
def breakdown(production):
    project = production.project("Show", production_type="tvshow")
    episode = {"id": project["first_episode_id"]}
    sequence = production.sequence(project, episode=episode)
    shot = production.shot(project, sequence)
    other = production.shot(project, sequence, "SH020")
    hero = production.asset(project, "Hero", episode_id=episode["id"])
    crate = production.asset(project, "Crate", "Prop")
    return project, episode, sequence, shot, other, hero, crate


def _casting(project, entity):
    return f"/data/projects/{project['id']}/entities/{entity['id']}/casting"


def test_a_write_replaces_the_casting_and_answers_what_was_sent(production, breakdown):
    project, episode, sequence, shot, _, hero, crate = breakdown
    body = [{"asset_id": hero["id"], "nb_occurences": 2, "label": "animate"},
            {"asset_id": crate["id"]}]
    assert production.put(_casting(project, shot), body) == body
    [cast] = production.get(_casting(project, shot))
    assert list(cast) == ENTITY_CASTING
    assert (cast["asset_id"], cast["asset_name"], cast["asset_type_name"], cast["episode_id"],
            cast["nb_occurences"], cast["label"], cast["project_id"]) == (
        hero["id"], "Hero", "Character", episode["id"], 2, "animate", project["id"])
    production.put(_casting(project, shot), [{"asset_id": crate["id"], "nb_occurences": 1}])
    assert [item["asset_id"] for item in production.get(_casting(project, shot))] == [
        crate["id"]]
    assert production.get(f"/data/shots/{shot['id']}")["nb_entities_out"] == 1


def test_casting_a_shot_casts_its_episode_until_no_shot_holds_the_asset(production,
                                                                       breakdown):
    project, episode, _, shot, other, hero, _ = breakdown
    production.put(_casting(project, shot),
                   [{"asset_id": hero["id"], "nb_occurences": 3, "label": "fixed"}])
    production.put(_casting(project, other), [{"asset_id": hero["id"], "nb_occurences": 1}])
    [auto] = production.get(_casting(project, episode))
    assert (auto["asset_id"], auto["nb_occurences"], auto["label"]) == (hero["id"], 1, "fixed")
    links = production.get(f"/data/projects/{project['id']}/entity-links")
    assert [link["data"] for link in links if link["entity_in_id"] == episode["id"]] == [
        {"auto": True}]
    production.put(_casting(project, shot), [])
    assert len(production.get(_casting(project, episode))) == 1
    production.put(_casting(project, other), [])
    assert production.get(_casting(project, episode)) == []


def test_taking_an_asset_out_of_an_episode_takes_it_out_of_its_shots(production, breakdown):
    project, episode, _, shot, _, hero, crate = breakdown
    production.put(_casting(project, shot), [{"asset_id": hero["id"], "nb_occurences": 1},
                                             {"asset_id": crate["id"], "nb_occurences": 1}])
    production.put(_casting(project, episode), [{"asset_id": crate["id"], "nb_occurences": 1}])
    assert [item["asset_id"] for item in production.get(_casting(project, shot))] == [
        crate["id"]]


def test_grouped_casting_reads(production, breakdown, defaults):
    project, episode, sequence, shot, _, hero, crate = breakdown
    production.put(_casting(project, shot), [{"asset_id": hero["id"], "nb_occurences": 2}])
    production.put(f"/data/assets/{crate['id']}/casting",
                   [{"asset_id": hero["id"], "nb_occurences": 1}])
    base = f"/data/projects/{project['id']}"
    for path in (f"{base}/sequences/{sequence['id']}/casting", f"{base}/sequences/all/casting",
                 f"{base}/episodes/{episode['id']}/sequences/all/casting"):
        grouped = production.get(path)
        assert list(grouped) == [shot["id"]]
        assert [list(item) for item in grouped[shot["id"]]] == [SHOT_CASTING]
        assert grouped[shot["id"]][0]["sequence_name"] == "SQ01"
    everything = production.get(f"{base}/episodes/casting")
    assert set(everything) == {shot["id"], episode["id"], crate["id"]}
    assert [list(item) for item in everything[crate["id"]]] == [EPISODE_CASTING]
    props = production.get(f"{base}/asset-types/{defaults.asset_type['Prop']}/casting")
    assert [list(item) for item in props[crate["id"]]] == [ASSET_TYPE_CASTING]
    [cast] = production.get(f"/data/assets/{crate['id']}/casting")
    assert list(cast) == ENTITY_CASTING and cast["asset_id"] == hero["id"]


def test_cast_in_lists_shots_then_assets(production, breakdown):
    project, episode, _, shot, other, hero, crate = breakdown
    production.put(_casting(project, shot), [{"asset_id": hero["id"], "nb_occurences": 2}])
    production.put(f"/data/assets/{crate['id']}/casting",
                   [{"asset_id": hero["id"], "nb_occurences": 1}])
    cast_in = production.get(f"/data/assets/{hero['id']}/cast-in")
    assert [list(item) for item in cast_in] == [CAST_IN_SHOT, CAST_IN_ASSET]
    assert (cast_in[0]["shot_name"], cast_in[0]["sequence_name"], cast_in[0]["episode_id"],
            cast_in[0]["episode_name"], cast_in[0]["nb_occurences"]) == (
        "SH010", "SQ01", episode["id"], "E01", 2)
    production.put(f"/data/shots/{shot['id']}", {"canceled": True})
    assert [item.get("asset_id") for item in production.get(
        f"/data/assets/{hero['id']}/cast-in")] == [crate["id"]]


def test_cast_one_asset_in_several_entities(production, breakdown):
    project, episode, _, shot, other, hero, crate = breakdown
    production.put(_casting(project, shot), [{"asset_id": crate["id"], "nb_occurences": 1}])
    path = f"/data/projects/{project['id']}/entities/casting/assets/{hero['id']}"
    answer = production.put(path, {"entity_ids": [shot["id"], other["id"]], "label": "bg"})
    assert set(answer) == {shot["id"], other["id"]}
    assert sorted(item["asset_name"] for item in answer[shot["id"]]) == ["Crate", "Hero"]
    production.put(path, {"entity_ids": [shot["id"]], "nb_occurences": 5})
    cast = {item["asset_name"]: item for item in production.get(_casting(project, shot))}
    assert (cast["Hero"]["nb_occurences"], cast["Hero"]["label"]) == (5, "bg")
    production.put(path, {"entity_ids": [shot["id"], other["id"]], "nb_occurences": 0})
    assert [item["asset_name"] for item in production.get(_casting(project, shot))] == [
        "Crate"]
    assert [item["asset_name"] for item in production.get(_casting(project, episode))] == [
        "Crate"]


def test_batch_casting(production, breakdown):
    project, _, _, shot, other, hero, _ = breakdown
    path = f"/data/projects/{project['id']}/entities/casting"
    body = {shot["id"]: [{"asset_id": hero["id"], "nb_occurences": 4}], other["id"]: []}
    assert production.put(path, body) == body
    assert production.get(_casting(project, shot))[0]["nb_occurences"] == 4
    assert production.call("PUT", path, 400, json=[1]).json["message"] == (
        "Request body must be a JSON object mapping entity ids to casting arrays")


def test_entity_links_of_a_project(production, breakdown):
    project, _, _, shot, _, hero, crate = breakdown
    production.put(_casting(project, shot), [{"asset_id": hero["id"], "nb_occurences": 1},
                                             {"asset_id": crate["id"], "nb_occurences": 2}])
    base = f"/data/projects/{project['id']}/entity-links"
    links = production.get(base)
    assert [list(link) for link in links] == [ENTITY_LINK_COMPACT] * 4
    assert all(len(link["created_at"]) == 26 for link in links)
    page = production.get(f"{base}?page=1&limit=2")
    assert (page["total"], page["nb_pages"], page["limit"], page["offset"], page["page"]) == (
        4, 2, 2, 0, 1)
    assert [list(link) for link in page["data"]] == [ENTITY_LINK] * 2
    later = production.get(f"{base}?cursor_created_at={links[0]['created_at']}")
    assert [link["id"] for link in later] == [link["id"] for link in links[1:]]
    removed = production.call("DELETE", f"{base}/{links[0]['id']}", 200).json
    assert list(removed) == ENTITY_LINK and removed["id"] == links[0]["id"]
    production.call("DELETE", f"{base}/{links[0]['id']}", 404)
    assert len(production.get(base)) == 3


def test_casting_rights(production, breakdown, member):
    project, _, _, shot, _, hero, _ = breakdown
    body = [{"asset_id": hero["id"], "nb_occurences": 1}]
    _, artist = member(project, "user")
    production.call("PUT", _casting(project, shot), 403, headers=artist, json=body)
    assert production.get(_casting(project, shot), headers=artist) == []
    _, vendor = member(project, "vendor")
    production.call("GET", _casting(project, shot), 403, headers=vendor)
    production.call("GET", f"/data/projects/{project['id']}/sequences/all/casting", 403,
                    headers=vendor)
    _, manager = member(project, "manager")
    production.call("PUT", _casting(project, shot), 200, headers=manager, json=body)
    production.call("GET", f"/data/projects/{project['id']}/entity-links", 403, headers=artist)
