"""Entity rows as Zou writes them, built from column tuples (no per-row model objects).

Zou's entity dicts start with ``id``; their relations sit around the dates
(``entities_out``, ``entity_concept_links``, ``instance_casting`` before ``created_at``,
``entities_in`` after ``updated_at``). Relations of a whole list are read with one query
per relation.
"""

from collections import defaultdict

from framework.prepared import Prepared
from framework.serialize import Serializer

from ..models import AssetInstance, AssetInstanceLink, Entity, EntityConceptLink, EntityLink

ENTITY_SERIALIZER = Serializer(Entity)
EARLY_RELATIONS = ("entities_out", "entity_concept_links", "instance_casting")


def entity_dict(values, kind):
    return _entity_placed(ENTITY_SERIALIZER.from_values(values), kind)


def entity_row_dict(values, kind):
    """``entity_dict`` of a row of ``ENTITY_SERIALIZER.rows`` (values in their JSON form)."""
    return _entity_placed(ENTITY_SERIALIZER.item(values), kind)


def _entity_placed(item, kind):
    item["type"] = kind
    return {"id": item["id"], **item}


def entity_of(instance, kind):
    return entity_dict([instance.__data__.get(field.name) for field in ENTITY_SERIALIZER.fields],
                       kind)


def ids_by_owner(query, order=None):
    """``{owner: [ids]}`` from a query selecting ``(owner, id)`` pairs, in ``order``."""
    if order is not None:
        query = query.order_by(order)
    return pairs_by_owner(query.tuples())


def pairs_by_owner(pairs):
    """``{owner: [ids]}`` from ``(owner, id)`` pairs."""
    found = defaultdict(list)
    for owner, other in pairs:
        found[owner].append(other)
    return found


def _pairs(query, order=None):
    """Relation ids in the order the links (or ``order``) were made."""
    return ids_by_owner(query, order or query.model.created_at)


def background_ids(owner_field, owner_ids):
    """``{owner_id: [preview background file ids]}`` of projects or templates, given the
    owner column of their link table (one query, its SQL built once per link table)."""
    prepared = _BACKGROUND_IDS.get(owner_field)
    if prepared is None:
        link = owner_field.model
        prepared = _BACKGROUND_IDS[owner_field] = Prepared(lambda ids: (
            link.select(owner_field, link.preview_background_file_id)
            .where(owner_field.in_(ids)).tuples()))
    return pairs_by_owner(prepared.rows(list(owner_ids)))


_BACKGROUND_IDS = {}


def entity_relations(ids):
    """``{relation: {entity_id: [ids]}}`` for the entities ``ids`` (a list or a subquery)."""
    return {
        "entities_out": _pairs(EntityLink.select(EntityLink.entity_in, EntityLink.entity_out)
                               .where(EntityLink.entity_in.in_(ids))),
        "entity_concept_links": _pairs(
            EntityConceptLink.select(EntityConceptLink.entity_in, EntityConceptLink.entity_out)
            .where(EntityConceptLink.entity_in.in_(ids))),
        "instance_casting": _pairs(
            AssetInstanceLink.select(AssetInstanceLink.entity, AssetInstanceLink.asset_instance)
            .join(AssetInstance, on=(AssetInstanceLink.asset_instance == AssetInstance.id))
            .where(AssetInstanceLink.entity.in_(ids)), AssetInstance.created_at),
        "entities_in": _pairs(EntityLink.select(EntityLink.entity_out, EntityLink.entity_in)
                              .where(EntityLink.entity_out.in_(ids))),
    }


def with_relations(item, relations):
    """``item`` with its relations placed where Zou places them."""
    entity_id = item["id"]
    placed = {}
    for key, value in item.items():
        if key == "created_at":
            for name in EARLY_RELATIONS:
                placed[name] = relations[name].get(entity_id, [])
        placed[key] = value
        if key == "updated_at":
            placed["entities_in"] = relations["entities_in"].get(entity_id, [])
    return placed


def add_relations(items):
    if not items:
        return items
    relations = entity_relations([item["id"] for item in items])
    return [with_relations(item, relations) for item in items]


def place_relations(item, names, late=(), after=None):
    """Zou's key order for a model with relations: each relation where the model declares
    it, that is just before ``id`` unless ``after`` names the column it follows, and the
    ``late`` ones (Zou's back-references) just before ``type``."""
    anchored = {}
    for name in names:
        if name in item:
            anchor = (after or {}).get(name, "type" if name in late else "id")
            anchored.setdefault(anchor, []).append(name)
    placed = {}
    for key, value in item.items():
        if key in names:
            continue
        before = key in ("id", "type")
        if before:
            placed.update((name, item[name]) for name in anchored.get(key, ()))
        placed[key] = value
        if not before:
            placed.update((name, item[name]) for name in anchored.get(key, ()))
    return placed
