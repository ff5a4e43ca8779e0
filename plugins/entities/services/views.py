"""Zou's typed views of entities: the row dicts of each listing and the detail dicts of
single reads, each with the keys, order and quirks Zou answers with (``preview_file_id``
``""`` and ``ready_for`` ``"None"`` in asset views...). Names of projects, sequences and
episodes come from joins, tasks from the ``entity_tasks`` hook: a list is a fixed number of
queries whatever its length.
"""

import peewee
from framework.prepared import Prepared

from ..models import Entity, EntityLink, EntityType, Project
from .kinds import ASSET, CONCEPT, EDIT, EPISODE, SHOT, of_kind, type_names
from .presenters import (ENTITY_SERIALIZER, entity_relations, entity_row_dict, ids_by_owner,
                         with_relations)
from .tasks import tasks_of

Parent = Entity.alias("parent_entity")
Grandparent = Entity.alias("grandparent_entity")
FIELD_COUNT = len(ENTITY_SERIALIZER.fields)

SHOT_KEYS = ("canceled", "data", "description", "entity_type_id", "episode_id",
             "episode_name", "fps", "frame_in", "frame_out", "id", "name", "nb_frames",
             "parent_id", "preview_file_id", "project_id", "project_name", "sequence_id",
             "sequence_name", "source_id", "nb_entities_out", "is_casting_standby", "tasks",
             "type")
SHOT_DETAIL_KEYS = ("code", "shotgun_id", "is_shared", "status", "ready_for", "created_by")
EDIT_KEYS = ("canceled", "data", "description", "entity_type_id", "episode_id",
             "episode_name", "id", "name", "parent_id", "preview_file_id", "project_id",
             "project_name", "source_id", "nb_entities_out", "tasks", "type")
CONCEPT_KEYS = ("canceled", "data", "description", "entity_type_id", "fps", "frame_in",
                "frame_out", "id", "name", "nb_frames", "parent_id", "preview_file_id",
                "preview_file_status", "project_id", "project_name", "source_id",
                "nb_entities_out", "is_casting_standby", "tasks", "entity_concept_links",
                "type", "updated_at", "created_at", "created_by")
CONCEPT_DETAIL_KEYS = ("code", "shotgun_id", "is_shared", "status", "ready_for")
ASSET_WITH_TASKS_KEYS = ("id", "name", "preview_file_id", "description", "asset_type_name",
                         "asset_type_id", "canceled", "ready_for", "episode_id",
                         "casting_episode_ids", "is_casting_standby", "is_shared", "data",
                         "tasks")
SIMPLE_WITH_TASKS_KEYS = ("id", "name", "status", "episode_id", "description", "frame_in",
                          "frame_out", "fps", "preview_file_id", "canceled", "data", "tasks")


def rows(query, kind, extras=()):
    """Entity dicts of ``kind`` (or each row's kind when None) with ``extras``, a list of
    ``(key, expression)`` selected by the same query and appended after ``type``."""
    selected = ENTITY_SERIALIZER.rows(query, [expr for _, expr in extras])
    kinds = type_names() if kind is None else None
    type_index = ENTITY_SERIALIZER.keys.index("entity_type_id")
    found = []
    for values in selected:
        row_kind = kind or kinds.get(values[type_index], ASSET)
        item = entity_row_dict(values[:FIELD_COUNT], row_kind)
        for (key, _), value in zip(extras, values[FIELD_COUNT:]):
            item[key] = value
        found.append(item)
    return found


_ENTITY_BY_ID = Prepared(lambda entity_id: ENTITY_SERIALIZER.select(
    Entity.select().where(Entity.id == entity_id)))


def entity_view(entity_id, kind):
    """The listing dict of one entity of ``kind`` (a route's answer to its creation), read
    with SQL built once."""
    values = ENTITY_SERIALIZER.converted_rows(_ENTITY_BY_ID.execute(entity_id).fetchall())[0]
    return entity_row_dict(values, kind)


def with_project_name(query):
    return (query.join(Project, on=(Entity.project == Project.id)),
            [("project_name", Project.name)])


def with_sequence_name(query):
    return (query.join(Parent, peewee.JOIN.LEFT_OUTER, on=(Entity.parent == Parent.id)),
            [("sequence_name", Parent.name)])


def listing(query, kind, project_name=False, sequence_name=False):
    """The plain rows of a listing, with Zou's ``project_name``/``sequence_name`` where the
    route adds them."""
    extras = []
    if project_name:
        query, more = with_project_name(query)
        extras += more
    if sequence_name:
        query, more = with_sequence_name(query)
        extras += more
    return rows(query, kind, extras)


def concept_listing(query, project_name=False):
    items = listing(query, CONCEPT, project_name=project_name)
    links = entity_relations([item["id"] for item in items])["entity_concept_links"]
    placed = []
    for item in items:
        extra = {key: item.pop(key) for key in ("project_name",) if key in item}
        placed.append({**item, "entity_concept_links": links.get(item["id"], []), **extra})
    return placed


def _frame_range(data):
    data = data or {}
    return {"frame_in": data.get("frame_in"), "frame_out": data.get("frame_out"),
            "fps": data.get("fps")}


def shot_views(query, dopesheet, detail=False):
    """Zou's full shot dicts (``/data/shots/{id}``, ``/data/shots/with-tasks``): shots
    under a sequence, with project, sequence and episode names and tasks."""
    query = (query.join(Project, on=(Entity.project == Project.id))
             .join(Parent, on=(Entity.parent == Parent.id))
             .join(Grandparent, peewee.JOIN.LEFT_OUTER, on=(Parent.parent == Grandparent.id)))
    items = rows(query, SHOT, [("project_name", Project.name), ("sequence_id", Parent.id),
                               ("sequence_name", Parent.name), ("episode_id", Grandparent.id),
                               ("episode_name", Grandparent.name)])
    tasks = tasks_of([item["id"] for item in items], dopesheet)
    views = []
    for item in items:
        values = {**item, **_frame_range(item["data"]), "tasks": tasks.get(item["id"], [])}
        values["episode_name"] = values["episode_name"] or ""
        view = {key: values[key] for key in SHOT_KEYS}
        if detail:
            view.update((key, values[key]) for key in SHOT_DETAIL_KEYS)
            view = with_relations({**view, "created_at": values["created_at"],
                                   "updated_at": values["updated_at"]},
                                  entity_relations([item["id"]]))
        views.append(view)
    return views


def edit_views(query, dopesheet):
    """Zou's full edit dicts (``/data/edits/{id}``, ``/data/edits/with-tasks``)."""
    query = (query.join(Project, on=(Entity.project == Project.id))
             .join(Parent, peewee.JOIN.LEFT_OUTER, on=(Entity.parent == Parent.id)))
    items = rows(query, EDIT, [("project_name", Project.name), ("episode_id", Parent.id),
                               ("episode_name", Parent.name)])
    tasks = tasks_of([item["id"] for item in items], dopesheet)
    views = []
    for item in items:
        values = {**item, "episode_name": item["episode_name"] or "",
                  "tasks": tasks.get(item["id"], [])}
        views.append({key: values[key] for key in EDIT_KEYS})
    return views


def concept_views(query, dopesheet, detail=False):
    query, extras = with_project_name(query)
    items = rows(query, CONCEPT, extras)
    ids = [item["id"] for item in items]
    relations = entity_relations(ids) if ids else None
    tasks = tasks_of(ids, dopesheet)
    views = []
    for item in items:
        values = {**item, **_frame_range(item["data"]), "preview_file_status": None,
                  "tasks": tasks.get(item["id"], []),
                  "entity_concept_links": relations["entity_concept_links"].get(item["id"], [])}
        view = {key: values[key] for key in CONCEPT_KEYS}
        if detail:
            view.update((key, values[key]) for key in CONCEPT_DETAIL_KEYS)
            view.update((name, relations[name].get(item["id"], []))
                        for name in ("entities_out", "instance_casting", "entities_in"))
        views.append(view)
    return views


def casting_episode_ids(asset_ids):
    """``{asset_id: [episode ids it is cast in]}`` (one query)."""
    return ids_by_owner(EntityLink.select(EntityLink.entity_out, EntityLink.entity_in)
                        .join(Entity, on=(EntityLink.entity_in == Entity.id))
                        .where(EntityLink.entity_out.in_(asset_ids), of_kind(EPISODE)))


def _asset_quirks(values):
    """Zou's asset views write a missing preview as ``""`` and a missing ``ready_for`` as
    the text ``"None"``."""
    values["preview_file_id"] = values["preview_file_id"] or ""
    values["ready_for"] = str(values["ready_for"])
    return values


def asset_views(query, dopesheet, detail=False):
    """``/data/assets/with-tasks`` rows, or with ``detail`` the ``/data/assets/{id}``
    dict."""
    query = query.join(EntityType, on=(Entity.entity_type == EntityType.id))
    extras = [("asset_type_name", EntityType.name)]
    if detail:
        query, more = with_project_name(query)
        extras = more + extras
    items = rows(query, ASSET, extras)
    ids = [item["id"] for item in items]
    episodes = casting_episode_ids(ids) if ids else {}
    tasks = tasks_of(ids, dopesheet)
    views = []
    for item in items:
        values = _asset_quirks({**item, "asset_type_id": item["entity_type_id"],
                                "episode_id": item["source_id"] or "",
                                "casting_episode_ids": episodes.get(item["id"], []),
                                "tasks": tasks.get(item["id"], [])})
        if not detail:
            views.append({key: values[key] for key in ASSET_WITH_TASKS_KEYS})
            continue
        view = {key: value for key, value in values.items()
                if key not in ("nb_frames", "source_id")}
        view = with_relations(view, entity_relations([item["id"]]))
        for key in ("project_name", "asset_type_id", "asset_type_name", "episode_id",
                    "casting_episode_ids", "tasks"):
            view[key] = view.pop(key)
        view["episode_id"] = view["episode_id"] or ""
        views.append(view)
    return views


def simple_with_tasks(query, dopesheet):
    """``/with-tasks`` rows of sequences, episodes and scenes."""
    items = rows(query, None)
    tasks = tasks_of([item["id"] for item in items], dopesheet)
    return [{**{key: item.get(key) for key in ("id", "name", "status")},
             "episode_id": str(item["parent_id"]), "description": item["description"],
             **_frame_range(item["data"]), "preview_file_id": item["preview_file_id"] or "",
             "canceled": item["canceled"], "data": item["data"],
             "tasks": tasks.get(item["id"], [])} for item in items]


def named_detail(query, kind):
    """Single reads of episodes, sequences and scenes: the row plus ``project_name`` and
    the names of the parents it has (Zou leaves out the keys of a missing parent)."""
    query = (query.join(Project, on=(Entity.project == Project.id))
             .join(Parent, peewee.JOIN.LEFT_OUTER, on=(Entity.parent == Parent.id))
             .join(Grandparent, peewee.JOIN.LEFT_OUTER, on=(Parent.parent == Grandparent.id)))
    items = rows(query, kind, [("project_name", Project.name), ("parent_name", Parent.name),
                               ("grandparent_id", Grandparent.id),
                               ("grandparent_name", Grandparent.name)])
    views = []
    for item in items:
        parent_name = item.pop("parent_name")
        grandparent = (item.pop("grandparent_id"), item.pop("grandparent_name"))
        if kind == "Sequence" and item["parent_id"]:
            item.update(episode_id=item["parent_id"], episode_name=parent_name)
        elif kind == "Scene" and item["parent_id"]:
            item.update(sequence_id=item["parent_id"], sequence_name=parent_name)
            if grandparent[0]:
                item.update(episode_id=grandparent[0], episode_name=grandparent[1])
        views.append(item)
    return views
