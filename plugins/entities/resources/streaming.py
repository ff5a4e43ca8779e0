"""Kitsu's streamed ``/with-tasks`` lists (``?stream=true``): NDJSON, a header line then one
row per line; with ``compact=true`` the rows (and their tasks) are arrays in the order the
header gives, as Zou streams them."""

import orjson

from framework.serialize import json_default

from ..services.kinds import ASSET, SHOT
from ..services.views import ASSET_WITH_TASKS_KEYS
from .common import flag

NDJSON = "application/x-ndjson"
COMPACT = {
    ASSET: ("asset_fields", ASSET_WITH_TASKS_KEYS, (
        "id", "due_date", "done_date", "duration", "entity_id", "estimation", "end_date",
        "is_subscribed", "last_comment_date", "last_preview_file_id", "priority",
        "real_start_date", "retake_count", "start_date", "difficulty", "task_status_id",
        "task_type_id", "assignees", "data")),
    SHOT: ("shot_fields", (
        "canceled", "data", "description", "entity_type_id", "episode_id", "episode_name",
        "fps", "frame_in", "frame_out", "id", "name", "nb_frames", "parent_id",
        "preview_file_id", "project_id", "project_name", "sequence_id", "sequence_name",
        "source_id", "nb_entities_out", "is_casting_standby", "type", "tasks"), (
        "id", "duration", "due_date", "end_date", "done_date", "entity_id", "estimation",
        "is_subscribed", "last_comment_date", "last_preview_file_id", "nb_assets_ready",
        "priority", "real_start_date", "retake_count", "start_date", "difficulty",
        "nb_drawings", "task_status_id", "task_type_id", "assignees", "data")),
}
STREAMED = tuple(COMPACT)


def compact_row(row, fields, task_fields):
    return [[[task.get(key) for key in task_fields] for task in row["tasks"]]
            if key == "tasks" else row.get(key) for key in fields]


def answer(req, resp, rows, kind):
    """``rows`` as JSON, or streamed when the kind streams and ``stream=true``."""
    if kind not in STREAMED or not flag(req, "stream"):
        resp.media = rows
        return
    if flag(req, "compact"):
        name, fields, task_fields = COMPACT[kind]
        lines = [{"compact": True, name: list(fields), "task_fields": list(task_fields)}]
        lines += [compact_row(row, fields, task_fields) for row in rows]
    else:
        lines = [{"compact": False}, *rows]
    resp.content_type = NDJSON
    resp.data = b"".join(orjson.dumps(line, default=json_default) + b"\n" for line in lines)
