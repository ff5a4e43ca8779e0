"""A stand-in for the plugin storing preview files: answers ``playlist_preview_files`` from
what a test puts in ``PREVIEWS``."""

from framework import hookimpl

PREVIEWS = []
"""Preview dicts, each with its ``entity_id`` and ``task_type_id``."""
CALLS = []
"""The ``entity_ids`` of each call."""


def reset():
    PREVIEWS.clear()
    CALLS.clear()


def preview(preview_id, entity_id, task, revision, created_at, position=1):
    return {"id": preview_id, "entity_id": entity_id, "task_id": task["id"],
            "task_type_id": task["task_type_id"], "revision": revision, "position": position,
            "original_name": f"r{revision}", "extension": "mp4", "width": 1920,
            "height": 1080, "duration": 2, "status": "ready", "annotations": [],
            "created_at": created_at, "data": {"original_width": 3840}}


@hookimpl
def playlist_preview_files(entity_ids):
    CALLS.append(sorted(entity_ids))
    return [item for item in PREVIEWS if item["entity_id"] in entity_ids]
