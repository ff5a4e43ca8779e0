"""Preview files as playlists see them, asked of the plugin storing them through the
``playlist_preview_files`` hook (one call per answer): grouped per task type in Zou's order
(task type priority, then name; latest revision first), with the previews of one revision
gathered under the first (``previews``), the latest one of an entity, and the check that
a playlist entry plays a preview of its own entity."""

from plugins.entities.models import TaskType

LIGHT_KEYS = ("id", "revision", "extension", "width", "height", "duration", "status",
              "created_at", "task_id", "previews")
ENTITY_KEYS = ("id", "revision", "original_name", "extension", "width", "height",
               "duration", "status", "annotations", "previews", "created_at", "task_id",
               "original_width", "original_height", "original_duration",
               "original_file_size")


def of_entities(entity_ids, dopesheet):
    """Every preview of the entities' tasks, in Zou's playlist order."""
    entity_ids = [entity_id for entity_id in dict.fromkeys(entity_ids) if entity_id]
    if not entity_ids:
        return []
    found = [preview for answer in dopesheet.hooks.call(
        "playlist_preview_files", entity_ids=entity_ids, dopesheet=dopesheet)
        for preview in answer or []]
    if not found:
        return []
    types = {row.id: (-(row.priority or 0), row.name) for row in TaskType.select(
        TaskType.id, TaskType.priority, TaskType.name).where(
        TaskType.id.in_(list({preview["task_type_id"] for preview in found})))}
    return sorted(found, key=lambda preview: (
        types.get(preview["task_type_id"], (0, "")), -(preview["revision"] or 0),
        preview.get("position") or 0, preview["created_at"]))


def mixed_revisions(previews):
    """One preview per revision, the others of that revision under its ``previews``."""
    by_revision = {}
    for preview in previews:
        first = by_revision.get(preview["revision"])
        if first is None:
            by_revision[preview["revision"]] = {**preview, "previews": []}
        else:
            first["previews"].append(preview)
    return list(by_revision.values())


def per_task_type(previews, keys):
    """``{task_type_id: [mixed revisions]}`` keeping ``keys`` of each preview."""
    grouped = {}
    for preview in previews:
        grouped.setdefault(preview["task_type_id"], []).append(preview)
    return {task_type_id: [_shaped(preview, keys) for preview in mixed_revisions(items)]
            for task_type_id, items in grouped.items()}


def _shaped(preview, keys):
    data = preview.get("data") or {}
    item = {}
    for key in keys:
        if key.startswith("original_") and key != "original_name":
            item[key] = data.get(key)
        elif key == "duration":
            item[key] = float(preview.get("duration") or 0)
        elif key == "previews":
            item[key] = [_shaped(other, [k for k in keys if k != "previews"])
                         for other in preview.get("previews", [])]
        else:
            item[key] = preview.get(key)
    return item


def entity_previews(entity_id, dopesheet):
    """Zou's ``/data/playlists/entities/{id}/preview-files``."""
    return per_task_type(of_entities([entity_id], dopesheet), ENTITY_KEYS)


def latest_of(entity_ids, dopesheet, task_type_id=None):
    """``{entity_id: id of its latest preview}`` (highest revision, then the newest),
    within one task type when given."""
    latest = {}
    for preview in sorted(of_entities(entity_ids, dopesheet),
                          key=lambda item: (item["revision"] or 0, item["created_at"]),
                          reverse=True):
        if task_type_id is None or preview["task_type_id"] == task_type_id:
            latest.setdefault(preview["entity_id"], preview["id"])
    return latest


def owned(entries, dopesheet):
    """Playlist entries with the previews that are not their entity's unset (an entry
    would play another entity's preview): ids compared in lower case, Zou's form."""
    entity_ids = [str(entry.get("entity_id") or entry.get("id")).lower() for entry in entries]
    owners = {preview["id"]: preview["entity_id"] for preview in of_entities(entity_ids,
                                                                            dopesheet)}
    for entry, entity_id in zip(entries, entity_ids):
        if entry.get("preview_file_id"):
            preview_id = str(entry["preview_file_id"]).lower()
            entry["preview_file_id"] = preview_id if owners.get(preview_id) == entity_id \
                else None
    return entries
