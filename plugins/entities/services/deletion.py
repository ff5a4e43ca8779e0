"""Deleting entities and projects as Zou does.

An asset, shot, edit or concept that has tasks is only canceled (``canceled = true``)
unless ``force`` is given; without tasks, or forced, it is removed with its casting links
and asset instances. A sequence or an episode with children is refused unless forced, and
then removed with all its descendants. Plugins holding rows that reference entities are
told first (``entities_deleting``).
"""

from framework import BadRequest

from ..models import (AssetInstance, AssetInstanceLink, Entity, EntityConceptLink, EntityLink,
                      Project)
from .casting import count_links
from .projects import is_closed
from .tasks import tasks_of

CHILDREN_GUARDED = ("Sequence", "Episode")


def descendants(entity_ids):
    """Every entity below ``entity_ids`` through ``parent_id`` (one query per level)."""
    found, level = [], list(entity_ids)
    while level:
        level = [row.id for row in Entity.select(Entity.id).where(Entity.parent.in_(level))]
        found.extend(level)
    return found


def delete_entity(entity, kind, force, dopesheet):
    """Remove or cancel one entity of ``kind``; returns True when it was only canceled."""
    if kind in CHILDREN_GUARDED:
        children = descendants([entity.id])
        if children and not force:
            raise BadRequest(f"Some data are still linked to this {kind.lower()}.")
        remove_entities(children + [entity.id], force, dopesheet)
        return False
    if tasks_of([entity.id], dopesheet).get(entity.id) and not force:
        Entity.update(canceled=True).where(Entity.id == entity.id).execute()
        return True
    remove_entities([entity.id], force, dopesheet)
    return False


def remove_entities(entity_ids, force, dopesheet):
    """Delete rows and everything of this plugin that points at them."""
    if not entity_ids:
        return
    dopesheet.hooks.call("entities_deleting", entity_ids=list(entity_ids), force=force,
                         dopesheet=dopesheet)
    instances = AssetInstance.select(AssetInstance.id).where(
        AssetInstance.asset.in_(entity_ids) | AssetInstance.scene.in_(entity_ids)
        | AssetInstance.target_asset.in_(entity_ids) | AssetInstance.entity.in_(entity_ids))
    AssetInstanceLink.delete().where(AssetInstanceLink.entity.in_(entity_ids)
                                     | AssetInstanceLink.asset_instance.in_(instances)).execute()
    AssetInstance.delete().where(AssetInstance.id.in_(
        [row.id for row in instances])).execute()
    holders = {row.entity_in_id for row in EntityLink.select(EntityLink.entity_in)
               .where(EntityLink.entity_out.in_(entity_ids))} - set(entity_ids)
    EntityLink.delete().where(EntityLink.entity_in.in_(entity_ids)
                              | EntityLink.entity_out.in_(entity_ids)).execute()
    count_links(holders)
    EntityConceptLink.delete().where(EntityConceptLink.entity_in.in_(entity_ids)
                                     | EntityConceptLink.entity_out.in_(entity_ids)).execute()
    Entity.update(parent=None).where(Entity.parent.in_(entity_ids)).execute()
    Entity.update(source=None).where(Entity.source.in_(entity_ids)).execute()
    Entity.delete().where(Entity.id.in_(entity_ids)).execute()


def delete_project(project, force, dopesheet):
    """Only closed projects go; ``force`` takes their entities along (settings links, team
    and metadata descriptors go with the project through their foreign keys)."""
    if not is_closed(project):
        raise BadRequest("Only closed projects can be deleted")
    if force:
        ids = [row.id for row in Entity.select(Entity.id).where(Entity.project == project.id)]
        remove_entities(ids, True, dopesheet)
    Project.delete().where(Project.id == project.id).execute()
