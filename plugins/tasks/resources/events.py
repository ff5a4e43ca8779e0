"""``/data/events/last`` and ``/data/events/names``: the event log for managers (their
projects' events) and admins, as ``gazu.sync`` reads it."""

from framework import Forbidden, operation, principal_of

from plugins.entities.models import ProjectPersonLink

from ..services import access, event_log
from ..services.loading import checked_uuid
from .common import TasksResource, integer
from .open_tasks import checked_date


def listed(req, name):
    """A parameter given once or repeated (``?name_prefixes=a&name_prefixes=b``)."""
    value = req.params.get(name)
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class Events(TasksResource):
    @operation("Last events, newest first (after, before, limit <= 1000, cursor_event_id, "
               "project_id, name, name_prefixes, name_suffixes, person_ids, only_files)")
    def on_get_last(self, req, resp):
        principal = principal_of(req)
        project_id = checked_uuid(req.params.get("project_id"),
                              "The project_id parameter is not a valid id")
        role = principal.role
        if project_id is not None and not principal.is_admin:
            role = access.caller_in(principal, project_id).role or role
        if role not in ("admin", "manager"):
            raise Forbidden()
        before = checked_date(req.params.get("before"))
        after = checked_date(req.params.get("after"))
        limit = integer(req, "limit", 100)
        cursor = checked_uuid(req.params.get("cursor_event_id"),
                          "The cursor_event_id parameter is not a valid id")
        person_ids = [checked_uuid(value, "The person_ids parameter contains an invalid id")
                      for value in listed(req, "person_ids")]
        project_ids = None
        if not principal.is_admin:
            project_ids = [row.project_id for row in ProjectPersonLink.select(
                ProjectPersonLink.project).where(ProjectPersonLink.person == principal.id)]
            if project_id is not None and project_id not in project_ids:
                raise Forbidden()
        resp.media = event_log.last_events(
            after=after, before=before, cursor_event_id=cursor, limit=limit,
            only_files=req.params.get("only_files") == "true", project_id=project_id,
            project_ids=project_ids, name=req.params.get("name"),
            name_prefixes=listed(req, "name_prefixes"),
            name_suffixes=listed(req, "name_suffixes"), person_ids=person_ids)

    @operation("Names of the logged events, sorted")
    def on_get_names(self, req, resp):
        if principal_of(req).role not in ("admin", "manager"):
            raise Forbidden()
        resp.media = event_log.event_names()
