"""Casting (breakdown): which assets are cast in a shot, a sequence, an episode or another
asset, and how many times (``entity_link``), read in Zou's several shapes and written as
Zou writes it.

A casting write replaces the entity's whole list; items without ``nb_occurences`` are
skipped (Zou's rule). Casting an asset in a shot also casts it in the shot's episode (a
link marked ``{"auto": true}``), and taking an asset out of an episode takes it out of
the episode's shots. ``nb_entities_out`` counts an entity's links (sequences excepted,
as in Zou).
"""

import peewee

from ..models import Entity, EntityLink, EntityType
from .kinds import ASSET, EPISODE, SEQUENCE, SHOT, of_kind

Asset = Entity.alias("cast_asset")
Holder = Entity.alias("cast_holder")
Parent = Entity.alias("cast_parent")
Grandparent = Entity.alias("cast_grandparent")


def _links(where, *extra_columns, joins=()):
    """Casting rows: the link, the asset and its type, plus ``extra_columns``."""
    query = (EntityLink.select(EntityLink.entity_in, EntityLink.entity_out,
                               EntityLink.nb_occurences, EntityLink.label, Asset.name,
                               EntityType.name, Asset.ready_for, Asset.source,
                               Asset.preview_file_id, Asset.is_shared, Asset.project,
                               *extra_columns)
             .join(Asset, on=(EntityLink.entity_out == Asset.id))
             .join(EntityType, on=(Asset.entity_type == EntityType.id))
             .switch(EntityLink))
    for join in joins:
        query = join(query)
    return query.where(where).order_by(EntityType.name, Asset.name).tuples()


def _with_holder(query):
    return query.join(Holder, on=(EntityLink.entity_in == Holder.id)).switch(EntityLink)


def entity_casting(entity_id):
    """``GET .../entities/{id}/casting``: what is cast in one entity."""
    return [{"asset_id": out, "asset_name": name, "asset_type_name": type_name,
             "ready_for": ready_for, "episode_id": source, "preview_file_id": preview,
             "nb_occurences": count, "label": label, "is_shared": shared,
             "project_id": project}
            for _, out, count, label, name, type_name, ready_for, source, preview, shared,
            project in _links(EntityLink.entity_in == entity_id)]


def casting_by_entity(where, with_sequence_name=False, joins=(_with_holder,)):
    """``{entity_in_id: [casting item]}`` in the shape of the grouped casting routes."""
    extra = (Parent.name,) if with_sequence_name else ()
    if with_sequence_name:
        joins = tuple(joins) + (lambda query: query.join(
            Parent, peewee.JOIN.LEFT_OUTER, on=(Holder.parent == Parent.id)).switch(EntityLink),)
    grouped = {}
    for row in _links(where, *extra, joins=joins):
        entity_in, out, count, label, name, type_name, _, _, preview, shared, project = row[:11]
        item = {"asset_id": out, "name": name, "asset_name": name, "asset_type_name": type_name}
        if with_sequence_name:
            item["sequence_name"] = row[11]
        item.update(preview_file_id=preview, nb_occurences=count, label=label,
                    is_shared=shared, project_id=project)
        grouped.setdefault(entity_in, []).append(item)
    return grouped


def shots_casting(project_id, sequence_id=None, episode_id=None):
    """Casting of the shots of a project, a sequence, or an episode's sequences."""
    where = (Holder.project == project_id) & of_kind(SHOT, Holder)
    if sequence_id is not None:
        where &= Holder.parent == sequence_id
    if episode_id is not None:
        where &= Holder.parent.in_(Entity.select(Entity.id).where(Entity.parent == episode_id))
    return casting_by_entity(where, with_sequence_name=True)


def project_casting(project_id):
    """``/episodes/casting``: every casting link of the project, by entity."""
    return casting_by_entity(Holder.project == project_id)


def asset_type_casting(project_id, asset_type_id):
    grouped = casting_by_entity((Holder.project == project_id)
                                & (Holder.entity_type == asset_type_id))
    return {entity_id: [{key: item[key] for key in (
        "asset_id", "name", "asset_name", "asset_type_name", "preview_file_id",
        "nb_occurences", "label")} for item in items] for entity_id, items in grouped.items()}


def cast_in(asset_id):
    """``/data/assets/{id}/cast-in``: the shots that are not canceled (and sequences, as
    Zou's join lets them through) then the assets this asset is cast in."""
    holders = (EntityLink.select(EntityLink.nb_occurences, Holder.id, Holder.name,
                                 Holder.preview_file_id, Parent.name, Grandparent.id,
                                 Grandparent.name)
               .join(Holder, on=(EntityLink.entity_in == Holder.id))
               .join(Parent, on=(Holder.parent == Parent.id))
               .join(Grandparent, peewee.JOIN.LEFT_OUTER, on=(Parent.parent == Grandparent.id))
               .where(EntityLink.entity_out == asset_id, Holder.canceled != True)  # noqa: E712
               .order_by(Parent.name, Holder.name).tuples())
    found = [{"shot_id": holder_id, "shot_name": name, "sequence_name": parent_name,
              "episode_id": str(episode_id), "episode_name": episode_name,
              "preview_file_id": preview, "nb_occurences": count}
             for count, holder_id, name, preview, parent_name, episode_id, episode_name
             in holders]
    assets = (EntityLink.select(EntityLink.nb_occurences, Holder.id, Holder.name,
                                EntityType.name, Holder.preview_file_id)
              .join(Holder, on=(EntityLink.entity_in == Holder.id))
              .join(EntityType, on=(Holder.entity_type == EntityType.id))
              .where(EntityLink.entity_out == asset_id, of_kind(ASSET, Holder))
              .order_by(EntityType.name, Holder.name).tuples())
    return found + [{"asset_id": holder_id, "asset_name": name, "asset_type_name": type_name,
                     "preview_file_id": preview, "nb_occurences": count}
                    for count, holder_id, name, type_name, preview in assets]


# -- writes ---------------------------------------------------------------------------------

def set_casting(entity, kind, items):
    """Replace the casting of ``entity`` (of ``kind``) with ``items``; returns the ids of
    the entities whose casting changed (the entity, and shots or an episode it reached)."""
    previous = {row.entity_out_id for row in EntityLink.select(EntityLink.entity_out)
                .where(EntityLink.entity_in == entity.id)}
    EntityLink.delete().where(EntityLink.entity_in == entity.id).execute()
    kept = {}
    for item in items:
        if isinstance(item, dict) and item.get("asset_id") and "nb_occurences" in item:
            kept[str(item["asset_id"])] = item
    existing = {row.id for row in Entity.select(Entity.id).where(Entity.id.in_(list(kept)))}
    for asset_id, item in kept.items():
        if asset_id in existing:
            EntityLink.create(entity_in=entity.id, entity_out=asset_id,
                              nb_occurences=item["nb_occurences"],
                              label=item.get("label") or "")
    touched = {entity.id}
    if kind == EPISODE:
        touched |= uncast_from_episode_shots(entity.id, previous - set(kept))
    if kind == SHOT:
        touched |= sync_episode(entity, [(asset_id, item.get("label") or "")
                                         for asset_id, item in kept.items()
                                         if asset_id in existing])
    count_links(touched)
    return touched


def cast_asset(asset, entity_ids, nb_occurences=None, label=None):
    """Put one asset in several entities' casting (``nb_occurences`` 0 takes it out),
    leaving their other assets alone."""
    touched = set()
    for entity in Entity.select().where(Entity.id.in_(entity_ids)):
        link = EntityLink.get_or_none(EntityLink.entity_in == entity.id,
                                      EntityLink.entity_out == asset.id)
        if nb_occurences == 0:
            EntityLink.delete().where(EntityLink.entity_in == entity.id,
                                      EntityLink.entity_out == asset.id).execute()
        elif link is None:
            EntityLink.create(entity_in=entity.id, entity_out=asset.id,
                              nb_occurences=nb_occurences or 1, label=label or "")
        else:
            changes = {"nb_occurences": nb_occurences, "label": label}
            changes = {key: value for key, value in changes.items() if value is not None}
            if changes:
                EntityLink.update(**changes).where(EntityLink.id == link.id).execute()
        touched.add(entity.id)
        if Entity.select().where(Entity.id == entity.id, of_kind(SHOT)).exists():
            touched |= sync_episode(entity, [(asset.id, label or "")] if nb_occurences != 0
                                    else [])
    count_links(touched)
    return touched


def episode_of_shot(shot):
    sequence = Entity.select(Entity.parent).where(Entity.id == shot.parent_id).first()
    if sequence is None or sequence.parent_id is None:
        return None
    return sequence.parent_id


def sync_episode(shot, added):
    """Keep the shot's episode cast with what its shots hold, as Zou does: the ``added``
    ``(asset_id, label)`` pairs get a link marked ``{"auto": true}`` when the episode has
    none, and auto links of assets no shot of the episode holds any more go. Returns the
    episode's id (a set, empty when the shot is in no episode)."""
    episode_id = episode_of_shot(shot)
    if episode_id is None:
        return set()
    for asset_id, label in added:
        (EntityLink.insert(entity_in=episode_id, entity_out=asset_id, nb_occurences=1,
                           label=label, data={"auto": True})
         .on_conflict_ignore().execute())
    sequences = Entity.select(Entity.id).where(Entity.parent == episode_id)
    shots = Entity.select(Entity.id).where(Entity.parent.in_(sequences))
    held = {row.entity_out_id for row in EntityLink.select(EntityLink.entity_out)
            .where(EntityLink.entity_in.in_(shots))}
    stale = [link.id for link in EntityLink.select(EntityLink.id, EntityLink.entity_out,
                                                   EntityLink.data)
             .where(EntityLink.entity_in == episode_id)
             if (link.data or {}).get("auto") and link.entity_out_id not in held]
    if stale:
        EntityLink.delete().where(EntityLink.id.in_(stale)).execute()
    return {episode_id}


def uncast_from_episode_shots(episode_id, asset_ids):
    if not asset_ids:
        return set()
    sequences = Entity.select(Entity.id).where(Entity.parent == episode_id)
    shots = {row.id for row in Entity.select(Entity.id).where(Entity.parent.in_(sequences),
                                                              of_kind(SHOT))}
    if shots:
        EntityLink.delete().where(EntityLink.entity_in.in_(list(shots)),
                                  EntityLink.entity_out.in_(list(asset_ids))).execute()
    return shots


def count_links(entity_ids):
    """Store each entity's number of cast assets (not for sequences, as Zou), in one
    statement."""
    if not entity_ids:
        return
    count = (EntityLink.select(peewee.fn.COUNT(EntityLink.id))
             .where(EntityLink.entity_in == Entity.id))
    (Entity.update(nb_entities_out=count)
     .where(Entity.id.in_(list(entity_ids)), ~of_kind(SEQUENCE)).execute())
