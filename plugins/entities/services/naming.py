"""Zou's name rule: one entity per (name, project, entity type, parent). Creating a shot,
sequence, episode or scene under a taken name gives back the row that holds it; renaming
or moving an entity into a taken name is refused."""

from framework import BadRequest
from framework.prepared import Prepared

from ..models import Entity


def _siblings(project_id, entity_type_id, name):
    return Entity.select().where(Entity.project == project_id,
                                 Entity.entity_type == entity_type_id,
                                 Entity.name == name).limit(1)


_SAME_NAME_AT_TOP = Prepared(lambda project_id, entity_type_id, name: _siblings(
    project_id, entity_type_id, name).where(Entity.parent.is_null()))
_SAME_NAME_UNDER = Prepared(lambda project_id, entity_type_id, name, parent_id: _siblings(
    project_id, entity_type_id, name).where(Entity.parent == parent_id))
"""Every entity creation looks for a sibling of the same name: the SQL is built once."""


def same_name(project_id, entity_type_id, parent_id, name):
    """The entity holding ``name`` under that parent, or None (names compare exactly)."""
    if parent_id is None:
        found = _SAME_NAME_AT_TOP.rows(project_id, entity_type_id, name)
    else:
        found = _SAME_NAME_UNDER.rows(project_id, entity_type_id, name, parent_id)
    return next(found, None)


def check_rename(entity, changes):
    """400 when ``changes`` (a PUT body) would give ``entity`` the name of a sibling."""
    if "name" not in changes and "parent_id" not in changes:
        return
    name = changes.get("name", entity.name)
    parent_id = changes.get("parent_id", entity.parent_id)
    parent_id = str(parent_id) if parent_id is not None else None
    taken = same_name(entity.project_id, entity.entity_type_id, parent_id, name)
    if taken is not None and taken.id != entity.id:
        raise BadRequest(
            f"An entity with name '{name}', project_id '{entity.project_id}', entity_type_id "
            f"'{entity.entity_type_id}', and parent_id '{parent_id}' already exists. The "
            "combination of these fields must be unique.", data=None)
