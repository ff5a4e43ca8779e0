"""The kinds of entity rows as Zou tells them apart: an entity type named after a temporal
kind makes a row of that kind, any other entity type an asset."""

from framework import NotFound

from plugins.entities.models import Entity, EntityType

from .loading import path_id

ASSET = "Asset"
TEMPORAL_KINDS = ("Shot", "Sequence", "Episode", "Edit", "Scene", "Concept", "ConceptFolder")


def kind_of(type_name):
    return type_name if type_name in TEMPORAL_KINDS else ASSET


def of_kind(kind, table=Entity):
    """Expression selecting the rows of one kind (``Asset`` for assets)."""
    temporal = EntityType.select(EntityType.id).where(EntityType.name.in_(TEMPORAL_KINDS))
    if kind == ASSET:
        return table.entity_type.not_in(temporal)
    return table.entity_type.in_(EntityType.select(EntityType.id)
                                 .where(EntityType.name == kind))


def entity_kind(entity):
    """The kind of one entity row (one query)."""
    return kind_of(EntityType.select(EntityType.name)
                   .where(EntityType.id == entity.entity_type_id).scalar())


def entity_of_kind(entity_id, kind):
    """The entity behind a path id when it is of ``kind`` (404 otherwise)."""
    entity = Entity.select().where(Entity.id == path_id(entity_id), of_kind(kind)).first()
    if entity is None:
        raise NotFound()
    return entity
