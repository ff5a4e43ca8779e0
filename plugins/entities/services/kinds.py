"""The kinds of entity rows: an ``entity_type`` named Shot, Sequence, Episode, Edit, Scene,
Concept or ConceptFolder makes a row of that kind; any other entity type is an asset
type. Queries select a kind with a subquery on the type name (no lookup round trip)."""

import uuid

from framework import NotFound
from framework.prepared import Prepared

from ..models import Entity, EntityType

SHOT, SEQUENCE, EPISODE, EDIT, SCENE, CONCEPT = (
    "Shot", "Sequence", "Episode", "Edit", "Scene", "Concept")
TEMPORAL = (SHOT, SEQUENCE, EPISODE, EDIT, SCENE, CONCEPT, "ConceptFolder")
ASSET = "Asset"


def type_ids(*names):
    """Subquery: ids of the entity types named ``names``."""
    return EntityType.select(EntityType.id).where(EntityType.name.in_(names))


def asset_type_ids():
    """Subquery: ids of the asset types (every entity type that is no temporal kind)."""
    return EntityType.select(EntityType.id).where(EntityType.name.not_in(TEMPORAL))


def of_kind(kind, table=Entity):
    """Expression selecting the entity rows of one kind (``"Asset"`` for assets), on
    ``Entity`` or one of its aliases."""
    if kind == ASSET:
        return table.entity_type.in_(asset_type_ids())
    return table.entity_type.in_(type_ids(kind))


def kind_of_type_name(name):
    return name if name in TEMPORAL else ASSET


def entity_kind(entity):
    """The kind of one entity row (one query)."""
    entity_type = EntityType.get_or_none(EntityType.id == entity.entity_type_id)
    return kind_of_type_name(entity_type.name) if entity_type else ASSET


def type_names():
    """``{entity_type_id: kind}`` for every entity type (one query)."""
    return {row.id: kind_of_type_name(row.name)
            for row in EntityType.select(EntityType.id, EntityType.name)}


_TYPE_ID_BY_NAME = Prepared(lambda name: (
    EntityType.select(EntityType.id).where(EntityType.name == name).tuples()))


def kind_type_id(kind):
    """The id of the entity type of a temporal kind, created when missing (Zou does)."""
    found = next(_TYPE_ID_BY_NAME.rows(kind), None)
    if found is not None:
        return found[0]
    entity_type, _ = EntityType.get_or_create(name=kind)
    return entity_type.id


def path_id(value):
    """A path id as a canonical UUID string; Zou's typed routes answer 404 to a malformed
    one (the generic routes' 400 "Malformed ID." is ``parse_instance_id``)."""
    try:
        return str(uuid.UUID(value))
    except (ValueError, TypeError, AttributeError):
        raise NotFound() from None


def get_entity(entity_id, kind=None):
    """The entity row behind a path id, of the given kind when one is given (404 else)."""
    query = Entity.select().where(Entity.id == path_id(entity_id))
    if kind is not None:
        query = query.where(of_kind(kind))
    entity = query.first()
    if entity is None:
        raise NotFound()
    return entity
