"""Creating entities through Zou's typed routes.

Shots, sequences, episodes, scenes, edits and concepts are get-or-create: a name taken
under the same parent gives back the existing row (and no event). Assets are always
inserted, as in Zou (their ``parent_id`` is null, so the unique key never fires).
"""

from framework import NotFound
from framework.prepared import Prepared
from framework.writes import create

from ..models import ENTITY_STATUSES, Entity, EntityConceptLink, EntityType
from .kinds import (CONCEPT, EDIT, EPISODE, SCENE, SEQUENCE, SHOT, asset_type_ids,
                    kind_type_id, of_kind)
from .naming import same_name


def _parent_query(kind):
    return Prepared(lambda parent_id, project_id: Entity.select(Entity.id).where(
        Entity.id == parent_id, Entity.project == project_id, of_kind(kind)).tuples())


_PARENTS = {kind: _parent_query(kind) for kind in (EPISODE, SEQUENCE)}
"""Shots and sequences are created one request each: their parent's check is built once."""


def parent_of(project, kind, parent_id):
    """The parent row of a new entity: it must be a ``kind`` of the project (404 else)."""
    if parent_id is None:
        return None
    parent = next(_PARENTS[kind].rows(str(parent_id), project.id), None)
    if parent is None:
        raise NotFound()
    return parent[0]


_ASSET_TYPE = Prepared(lambda type_id: (
    asset_type_ids().where(EntityType.id == type_id).tuples()))


def create_asset(project, asset_type_id, body, created_by):
    if next(_ASSET_TYPE.rows(asset_type_id), None) is None:
        raise NotFound()
    return create(
        Entity, name=body["name"], description=body["description"], data=body["data"] or {},
        is_shared=body["is_shared"], project=project.id, entity_type=asset_type_id,
        source=parent_of(project, EPISODE, body["episode_id"]), created_by=created_by)


def get_or_create(project, kind, name, parent_id, created_by, **columns):
    """``(entity, created)``: the entity named ``name`` under ``parent_id``, made when
    missing."""
    type_id = kind_type_id(kind)
    existing = same_name(project.id, type_id, parent_id, name)
    if existing is not None:
        return existing, False
    return create(Entity, name=name, project=project.id, entity_type=type_id, parent=parent_id,
                  created_by=created_by, **columns), True


def create_episode(project, body, created_by):
    status = body["status"] if body["status"] in ENTITY_STATUSES else "running"
    return get_or_create(project, EPISODE, body["name"], None, created_by, status=status,
                         description=body["description"], data=body["data"] or {})


def create_sequence(project, body, created_by):
    return get_or_create(project, SEQUENCE, body["name"],
                         parent_of(project, EPISODE, body["episode_id"]), created_by,
                         description=body["description"], data=body["data"] or {})


def create_shot(project, body, created_by):
    return get_or_create(project, SHOT, body["name"],
                         parent_of(project, SEQUENCE, body["sequence_id"]), created_by,
                         description=body["description"], data=body["data"] or {},
                         nb_frames=body["nb_frames"])


def create_scene(project, body, created_by):
    return get_or_create(project, SCENE, body["name"],
                         parent_of(project, SEQUENCE, body["sequence_id"]), created_by,
                         data={})


def create_edit(project, body, created_by):
    return get_or_create(project, EDIT, body["name"],
                         parent_of(project, EPISODE, body["episode_id"]), created_by,
                         description=body["description"], data=body["data"] or {})


def create_concept(project, body, created_by):
    parent_id = str(body["parent_id"]) if body["parent_id"] else None
    concept, created = get_or_create(project, CONCEPT, body["name"], parent_id, created_by,
                                     description=body["description"], data=body["data"] or {})
    if created:
        for entity_id in body["entity_concept_links"]:
            (EntityConceptLink.insert(entity_in=concept.id, entity_out=entity_id)
             .on_conflict_ignore().execute())
    return concept, created

