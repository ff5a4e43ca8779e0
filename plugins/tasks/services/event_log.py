"""The event log (``api_event``) that ``gazu.sync`` and Kitsu read: every event a plugin
emits is written with the data of its transaction (sent with its ``COMMIT``), in Zou's shape
(the project id added to the data), except those Zou never persists. ``last_events`` serves
``/data/events/last``.
"""

import datetime
import re
import uuid

from framework import BadRequest
from framework.db import new_id
from framework.writes import insert_rows

from ..models import ApiEvent

NOT_PERSISTED = frozenset(("notification:new", "comment:acknowledge", "comment:unacknowledge",
                           "comment:delete-reply"))
"""Zou's ``emit(..., persist=False)`` events: sent to listeners, never logged."""
FILE_EVENTS = ("preview-file:add-file", "organisation:set-thumbnail", "person:set-thumbnail",
               "project:set-thumbnail")
NAME_PART = re.compile(r"[a-z0-9-]+")
MAX_LIMIT = 1000


def _plain(value):
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.isoformat()
    return value


def record(events):
    """Write the events of one transaction (one deferred insert; none for the events Zou
    never persists)."""
    rows = []
    for event in events:
        name = event.name.lower()
        if name in NOT_PERSISTED:
            continue
        data = dict(event.data)
        if event.project_id is not None:
            data["project_id"] = event.project_id
        rows.append({"id": new_id(), "name": name, "user_id": event.user_id,
                     "project_id": event.project_id, "data": _plain(data),
                     "created_at": event.created_at, "updated_at": event.created_at})
    if rows:
        insert_rows(ApiEvent, rows, deferred=True)


def check_name_parts(values, parameter):
    for value in values:
        if not NAME_PART.fullmatch(value or ""):
            raise BadRequest(f"The {parameter} parameter contains an invalid value", data=None)


def last_events(after=None, before=None, cursor_event_id=None, limit=100, only_files=False,
                project_id=None, project_ids=None, name=None, name_prefixes=(),
                name_suffixes=(), person_ids=()):
    """The newest events first, as ``{id, created_at, name, user_id, project_id, data}``."""
    query = ApiEvent.select(ApiEvent.id, ApiEvent.created_at, ApiEvent.name, ApiEvent.user_id,
                            ApiEvent.project_id, ApiEvent.data)
    if after is not None:
        query = query.where(ApiEvent.created_at > after)
    if before is not None:
        query = query.where(ApiEvent.created_at < before)
    if only_files:
        query = query.where(ApiEvent.name.in_(FILE_EVENTS))
    if project_id is not None:
        query = query.where(ApiEvent.project_id == project_id)
    if project_ids is not None:
        query = query.where(ApiEvent.project_id.in_(project_ids))
    if person_ids:
        query = query.where(ApiEvent.user_id.in_(list(person_ids)))
    if name is not None:
        query = query.where(ApiEvent.name == name)
    if name_prefixes:
        check_name_parts(name_prefixes, "name_prefixes")
        query = query.where(_any([ApiEvent.name.startswith(f"{prefix}:")
                                  for prefix in name_prefixes]))
    if name_suffixes:
        check_name_parts(name_suffixes, "name_suffixes")
        query = query.where(_any([ApiEvent.name.endswith(f":{suffix}")
                                  for suffix in name_suffixes]))
    if cursor_event_id is not None:
        cursor = ApiEvent.get_or_none(ApiEvent.id == cursor_event_id)
        if cursor is None:
            raise BadRequest(f"No event found with id: {cursor_event_id}", data=None)
        query = query.where(ApiEvent.created_at < cursor.created_at)
    query = query.order_by(ApiEvent.created_at.desc()).limit(min(limit, MAX_LIMIT))
    return [{"id": event_id, "created_at": created_at.isoformat(timespec="seconds"),
             "name": event_name, "user_id": user_id, "project_id": event_project_id,
             "data": data}
            for event_id, created_at, event_name, user_id, event_project_id, data
            in query.tuples()]


def _any(expressions):
    combined = expressions[0]
    for expression in expressions[1:]:
        combined |= expression
    return combined


def event_names():
    return sorted(row[0] for row in ApiEvent.select(ApiEvent.name).distinct().tuples())
