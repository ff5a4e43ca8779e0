"""Zou's full entity names (``E01 / SQ01 / SH010``, ``Character / Hero``) with the episode
they belong to, for the news feed and the notifications, in one query for many entities."""

import peewee

from plugins.entities.models import Entity, EntityType

Parent = Entity.alias("parent")
Grandparent = Entity.alias("grandparent")


def full_names(entity_ids):
    """``{entity_id: (full name, episode id, preview file id)}``."""
    if not entity_ids:
        return {}
    query = (Entity.select(Entity.id, Entity.name, EntityType.name, Entity.source,
                           Entity.preview_file_id, Parent.id, Parent.name, Grandparent.id,
                           Grandparent.name)
             .join(EntityType, on=(Entity.entity_type == EntityType.id))
             .switch(Entity).join(Parent, peewee.JOIN.LEFT_OUTER,
                                  on=(Entity.parent == Parent.id))
             .join(Grandparent, peewee.JOIN.LEFT_OUTER, on=(Parent.parent == Grandparent.id))
             .where(Entity.id.in_(list(set(entity_ids)))))
    found = {}
    for (entity_id, name, kind, source_id, preview_file_id, parent_id, parent_name,
         grandparent_id, grandparent_name) in query.tuples():
        episode_id = None
        if kind == "Shot":
            if parent_id is None:
                full = name
            elif grandparent_id is None:
                full = f"{parent_name} / {name}"
            else:
                episode_id = grandparent_id
                full = f"{grandparent_name} / {parent_name} / {name}"
        elif kind == "Episode":
            full = name
        elif kind == "Sequence":
            full = name if parent_id is None else f"{parent_name} / {name}"
            episode_id = parent_id
        else:
            full = f"{kind} / {name}"
            episode_id = source_id
        found[entity_id] = (full, episode_id, preview_file_id)
    return found
