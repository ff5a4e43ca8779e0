"""Metadata descriptors: the custom columns of a project, whose values live in the ``data``
of its entities under the descriptor's ``field_name``."""

import re
import unicodedata

from framework import BadRequest, utcnow

from ..models import DESCRIPTOR_DATA_TYPES, Entity, MetadataDescriptor
from .kinds import ASSET, of_kind


def field_name_of(name):
    """Zou's slug of a descriptor name: ``"Été Ça"`` -> ``"ete_ca"``."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "_", ascii_name.lower()).strip("_")


def check_data_type(data):
    if data.get("data_type") is not None and data["data_type"] not in DESCRIPTOR_DATA_TYPES:
        raise BadRequest("Invalid data_type", data=None)


def check_task_type(data):
    if data.get("entity_type") == "Task" and not data.get("task_type_id"):
        raise BadRequest("Task metadata descriptors require a task_type_id.", data=None)


def check_free(project_id, entity_type, name, except_id=None):
    query = MetadataDescriptor.select().where(
        MetadataDescriptor.project == project_id, MetadataDescriptor.entity_type == entity_type,
        (MetadataDescriptor.name == name)
        | (MetadataDescriptor.field_name == field_name_of(name)))
    if except_id is not None:
        query = query.where(MetadataDescriptor.id != except_id)
    if query.exists():
        raise BadRequest("Metadata descriptor already exists.", data=None)


def entities_of(descriptor):
    """The project's entities whose ``data`` this descriptor describes."""
    query = Entity.select(Entity.id, Entity.data).where(Entity.project == descriptor.project_id)
    if descriptor.entity_type in ("Shot", "Sequence", "Episode", "Edit", "Scene", "Concept",
                                  ASSET):
        query = query.where(of_kind(descriptor.entity_type))
    return query


def rename_key(descriptor, old, new):
    """Move the values of a renamed descriptor to their new key."""
    for entity in entities_of(descriptor):
        if entity.data and old in entity.data:
            data = dict(entity.data)
            data[new] = data.pop(old)
            Entity.update(data=data, updated_at=utcnow()).where(Entity.id == entity.id).execute()


def drop_key(descriptor):
    for entity in entities_of(descriptor):
        if entity.data and descriptor.field_name in entity.data:
            data = {key: value for key, value in entity.data.items()
                    if key != descriptor.field_name}
            Entity.update(data=data, updated_at=utcnow()).where(Entity.id == entity.id).execute()
