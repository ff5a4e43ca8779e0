"""What Zou's ``create_from_import`` does to a row of each table before storing it: the keys
another Kitsu answers with that are no columns here (names joined in, relations stored in
link tables), and Zou's rewrites (an entity's ``sequence_id`` is its parent, a shot's frame
range lives in its data...).

Each shaper takes the row (a copy it may change) and the app's tables, and returns
``Shaped``: the columns to validate (many-to-many relations among them), the links kept in
tables of their own (``{name: [ids]}``, stored by ``LINK_SETTERS``) and what finds the row
to update (its id unless said otherwise).
"""

from dataclasses import dataclass, field

from plugins.entities.models import Entity, EntityLink
from plugins.entities.services.kinds import kind_type_id
from plugins.persons.models import Person
from plugins.tasks.models import CommentPreviewLink

ENTITY_DERIVED_KEYS = ("entities_in", "episode_id", "episode_name", "project_name",
                       "sequence_name", "tasks", "type")
RETYPED_KINDS = ("Shot", "Sequence", "Episode", "Edit")
FRAME_KEYS = ("frame_in", "frame_out", "fps")
NEWS_KEYS = ("change", "author_id", "comment_id", "preview_file_id", "task_id")


@dataclass
class Shaped:
    columns: dict
    links: dict = field(default_factory=dict)
    match: dict = None


def plain(row, tables):
    row.pop("type", None)
    return Shaped(row)


def entity(row, tables):
    """Zou's ``Entity.sanitize_import_data``. Shots, sequences, episodes and edits take the
    entity type of their kind here (ids of settings differ between instances); assets keep
    theirs (gazu maps asset types by name). An author unknown here is dropped: gazu maps
    every other person it pushes, not this one."""
    kind = row.get("type", "Shot")
    entities_out = row.pop("entities_out", None)
    if "asset_type_id" in row:
        row["entity_type_id"] = row.pop("asset_type_id")
        row.pop("asset_type_name", None)
    if "sequence_id" in row:
        row["parent_id"] = row.pop("sequence_id")
    if row.get("preview_file_id") and not _exists(tables.get("preview_file"),
                                                  row["preview_file_id"]):
        row.pop("preview_file_id")
    elif "preview_file_id" in row and not row["preview_file_id"]:
        row.pop("preview_file_id")
    for key in FRAME_KEYS:
        if key in row:
            row["data"] = {**(row.get("data") or {}), key: row.pop(key)}
    for key in ENTITY_DERIVED_KEYS:
        row.pop(key, None)
    if kind in RETYPED_KINDS:
        row["entity_type_id"] = kind_type_id(kind)
    if row.get("created_by") and not _exists(Person, row["created_by"]):
        row["created_by"] = None
    links = {"entities_out": entities_out} if entities_out is not None else {}
    return Shaped(row, links=links)


def entity_link(row, tables):
    """A casting link is found by its two ends, whatever its id."""
    row.pop("type", None)
    row.pop("project_name", None)
    return Shaped(row, match={"entity_in_id": row.get("entity_in_id"),
                              "entity_out_id": row.get("entity_out_id")})


def project(row, tables):
    for key in ("type", "project_status_name", "preview_background_files"):
        row.pop(key, None)
    return Shaped(row)


def comment(row, tables):
    """Previews are linked here; attachments carry their comment themselves."""
    row.pop("type", None)
    row.pop("attachment_files", None)
    previews = row.pop("previews", None)
    links = {"previews": previews} if previews is not None else {}
    return Shaped(row, links=links)


def news(row, tables):
    """Zou keeps a news item's columns only, dated by its creation."""
    kept = {key: row.get(key) for key in NEWS_KEYS}
    kept["updated_at"] = row.get("created_at")
    for key in ("id", "created_at"):
        if key in row:
            kept[key] = row[key]
    return Shaped(kept)


def playlist(row, tables):
    row.pop("type", None)
    row.pop("build_jobs", None)
    return Shaped(row)


def notification(row, tables):
    """The notification's ``type`` column is answered as ``notification_type``."""
    row.pop("type", None)
    if "notification_type" in row:
        row["type"] = row.pop("notification_type")
    return Shaped(row)


def preview_file(row, tables):
    """Only the row travels: Zou marks it so that nothing looks for its media here."""
    row.pop("type", None)
    row["data"] = {**(row.get("data") or {}), "imported_only": True}
    return Shaped(row)


def _exists(model, row_id):
    if model is None:
        return False
    try:
        return model.select().where(model._meta.primary_key == str(row_id)).exists()
    except ValueError:
        return False


SHAPERS = {"entity": entity, "entity_link": entity_link, "project": project,
           "comment": comment, "news": news, "playlist": playlist,
           "notification": notification, "preview_file": preview_file}


def shape(table, row, tables):
    return SHAPERS.get(table, plain)(dict(row), tables)


def entities_out(entity_id, target_ids, tables):
    """Zou's ``set_entities_out``: the entity's casting becomes ``target_ids`` (those
    known here)."""
    known = [row.id for row in Entity.select(Entity.id).where(Entity.id.in_(target_ids))]
    EntityLink.delete().where(EntityLink.entity_in == entity_id,
                              EntityLink.entity_out.not_in(known)).execute()
    for target_id in known:
        (EntityLink.insert(entity_in=entity_id, entity_out=target_id)
         .on_conflict_ignore().execute())


def previews(comment_id, preview_ids, tables):
    """Zou's ``set_preview_files``: the comment's previews become those known here."""
    known = []
    if tables.get("preview_file") is not None:
        model = tables["preview_file"]
        known = [row.id for row in model.select(model.id).where(model.id.in_(preview_ids))]
    CommentPreviewLink.delete().where(CommentPreviewLink.comment == comment_id).execute()
    if known:
        CommentPreviewLink.insert_many(
            [{"comment": comment_id, "preview_file": preview_id} for preview_id in known]
        ).execute()


LINK_SETTERS = {"entities_out": entities_out, "previews": previews}
