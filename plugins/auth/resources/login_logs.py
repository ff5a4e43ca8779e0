"""``/data/events/login-logs/last``: the studio's latest logins, newest first, for admins
(they carry everyone's IP address), with Zou's filters and cursor."""

import uuid

from framework import BadRequest, Forbidden, operation, principal_of
from framework.schemas import parse_datetime

from ..models import LoginLog

MAX_LIMIT = 1000
WRONG_DATE = ("Wrong date format for before argument.Expected format: 2020-01-05T13:23:10 "
              "or 2020-01-05")


def _moment(value):
    """A query-string date or moment (Zou's message whatever the argument), or None."""
    if value is None:
        return None
    try:
        return parse_datetime(value)
    except (TypeError, ValueError):
        raise BadRequest(WRONG_DATE, data=None) from None


def _uuid(value, message):
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise BadRequest(message, data=None) from None


def _limit(req):
    try:
        return min(int(req.params.get("limit", 100)), MAX_LIMIT)
    except ValueError:
        raise BadRequest("Wrong value for parameter limit.", data=None) from None


class LoginLogsResource:
    def __init__(self, auth):
        self.auth = auth

    @operation("The latest logins, newest first (admins; ?after, before, cursor_login_log_id, "
               "limit up to 1000, person_ids)")
    def on_get(self, req, resp):
        limit = _limit(req)
        if not principal_of(req).is_admin:
            raise Forbidden()
        after, before = _moment(req.params.get("after")), _moment(req.params.get("before"))
        query = LoginLog.select().order_by(LoginLog.created_at.desc())
        person_ids = req.get_param_as_list("person_ids") or []
        if person_ids:
            query = query.where(LoginLog.person.in_([_uuid(
                value, "The person_ids parameter contains an invalid id")
                for value in person_ids]))
        if after is not None:
            query = query.where(LoginLog.created_at > after)
        if before is not None:
            query = query.where(LoginLog.created_at < before)
        cursor_id = req.params.get("cursor_login_log_id")
        if cursor_id is not None:
            cursor = LoginLog.get_or_none(LoginLog.id == _uuid(
                cursor_id, "The cursor_login_log_id parameter is not a valid id"))
            if cursor is None:
                raise BadRequest(f"No login log found with id: {cursor_id}", data=None)
            query = query.where(LoginLog.created_at < cursor.created_at)
        resp.media = [{"id": log.id, "created_at": log.created_at,
                       "ip_address": log.ip_address, "person_id": log.person_id,
                       "origin": log.origin} for log in query.limit(limit)]
