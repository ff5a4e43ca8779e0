"""The current user's saved searches (``/data/user/filters``) and their groups
(``/data/user/filter-groups``), desktop login logs (the caller's and a person's) and the
studio's presence sheet of a month drawn from them."""

import falcon

from framework import BadRequest, Forbidden, get_or_404, json_body, operation, utcnow
from framework.serialize import Serializer

from ..models import DesktopLoginLog, SearchFilter, SearchFilterGroup
from ..schemas import (DesktopLoginBody, FilterBody, FilterGroupBody, FilterGroupUpdateBody,
                       FilterUpdateBody)
from ..services import search_filters as filters
from ..services import dates, presence, time_logging
from ..services.shapes import text_ids
from .common import ScheduleResource, person_or_404

LOGIN = Serializer(DesktopLoginLog)


class UserFilters(ScheduleResource):
    @operation("The caller's and the shared saved searches, by list type and project")
    def on_get(self, req, resp):
        resp.media = filters.nested(SearchFilter, self.person(req))

    @operation("Save a search", body=FilterBody, status=201)
    def on_post(self, req, resp):
        principal = self.person(req)
        values = text_ids(json_body(req, FilterBody))
        if not filters.can_share(principal, values["project_id"]):
            values["is_shared"] = False
        filters.check_group_sharing(values["search_filter_group_id"], values["is_shared"])
        filters.check_department(values["department_id"])
        created = SearchFilter.create(
            list_type=values["list_type"], name=values["name"],
            search_query=values["query"], project=values["project_id"],
            person=principal.id, entity_type=values["entity_type"],
            is_shared=bool(values["is_shared"]),
            search_filter_group=values["search_filter_group_id"],
            department=values["department_id"])
        resp.status = falcon.HTTP_201
        resp.media = filters.serialized(created)

    @operation("Update a saved search", body=FilterUpdateBody)
    def on_put_item(self, req, resp, filter_id):
        principal = self.person(req)
        row = filters.own(SearchFilter, get_or_404(SearchFilter, filter_id).id, principal)
        sent = text_ids(json_body(req, FilterUpdateBody))
        values = {key: value for key, value in sent.items() if value is not None}
        if "search_filter_group_id" in sent:
            values["search_filter_group_id"] = sent["search_filter_group_id"]
        filters.check_department(values.get("department_id"))
        filters.sharing_allowed(principal, row, values)
        filters.check_group_sharing(
            values.get("search_filter_group_id", row.search_filter_group_id),
            values.get("is_shared", row.is_shared))
        resp.media = filters.serialized(filters.update(row, values))

    @operation("Delete a saved search", status=204)
    def on_delete_item(self, req, resp, filter_id):
        principal = self.person(req)
        filters.own(SearchFilter, get_or_404(SearchFilter, filter_id).id, principal).delete_instance()
        resp.status = falcon.HTTP_204


class UserFilterGroups(ScheduleResource):
    @operation("The caller's and the shared filter groups, by list type and project")
    def on_get(self, req, resp):
        resp.media = filters.nested(SearchFilterGroup, self.person(req), newest_first=True)

    @operation("Create a filter group", body=FilterGroupBody, status=201)
    def on_post(self, req, resp):
        principal = self.person(req)
        values = text_ids(json_body(req, FilterGroupBody))
        if not filters.can_share(principal, values["project_id"]):
            values["is_shared"] = False
        filters.check_department(values["department_id"])
        created = SearchFilterGroup.create(
            list_type=values["list_type"], name=values["name"], color=values["color"] or "",
            project=values["project_id"], person=principal.id,
            entity_type=values["entity_type"], is_shared=bool(values["is_shared"]),
            department=values["department_id"])
        resp.status = falcon.HTTP_201
        resp.media = filters.serialized(created)

    def own(self, req, group_id):
        principal = self.person(req)
        return principal, filters.own(SearchFilterGroup, get_or_404(SearchFilterGroup, group_id).id,
                                      principal)

    @operation("A filter group of the caller")
    def on_get_item(self, req, resp, filter_group_id):
        resp.media = filters.serialized(self.own(req, filter_group_id)[1])

    @operation("Update a filter group (its filters follow its sharing)",
               body=FilterGroupUpdateBody)
    def on_put_item(self, req, resp, filter_group_id):
        principal, group = self.own(req, filter_group_id)
        values = {key: value for key, value in
                  text_ids(json_body(req, FilterGroupUpdateBody)).items()
                  if value is not None}
        filters.sharing_allowed(principal, group, values)
        group = filters.update(group, values)
        if "is_shared" in values:
            filters.share_group_filters(group)
        resp.media = filters.serialized(group)

    @operation("Delete a filter group and its filters", status=204)
    def on_delete_item(self, req, resp, filter_group_id):
        filters.remove_group(self.own(req, filter_group_id)[1])
        resp.status = falcon.HTTP_204


class DesktopLogins(ScheduleResource):
    """Desktop session logins: read by the person and managers, written by the person and
    admins; each refreshes the person's ``last_presence``."""

    def logs(self, person_id):
        query = (DesktopLoginLog.select().where(DesktopLoginLog.person == person_id)
                 .order_by(DesktopLoginLog.date.desc(), DesktopLoginLog.created_at.desc()))
        return [LOGIN.from_values(values) for values in LOGIN.select(query)]

    def record(self, resp, person_id, date):
        log = DesktopLoginLog.create(person=person_id, date=date or utcnow())
        time_logging.refresh_last_presence([person_id])
        resp.status = falcon.HTTP_201
        resp.media = LOGIN.from_instance(log)

    @operation("A person's desktop logins (the person or a manager)")
    def on_get(self, req, resp, person_id):
        principal = self.person(req)
        if principal.id != person_id and principal.role not in ("admin", "manager"):
            raise Forbidden()
        resp.media = self.logs(person_or_404(person_id).id)

    @operation("Record a person's desktop login (the person or an admin)",
               body=DesktopLoginBody, status=201)
    def on_post(self, req, resp, person_id):
        values = json_body(req, DesktopLoginBody)
        principal = self.person(req)
        if principal.id != person_id and not principal.is_admin:
            raise Forbidden()
        self.record(resp, person_or_404(person_id).id, values["date"])

    @operation("The caller's desktop logins")
    def on_get_own(self, req, resp):
        resp.media = self.logs(self.person(req).id)

    @operation("Record the caller's desktop login (now without a date)",
               body=DesktopLoginBody, status=201)
    def on_post_own(self, req, resp):
        values = json_body(req, DesktopLoginBody)
        self.record(resp, self.person(req).id, values["date"])


class PresenceLogs(ScheduleResource):
    @operation("Who logged in from the desktop on each day of a month, as CSV (admins)")
    def on_get(self, req, resp, month_date):
        self.require(req, "administer", DesktopLoginLog)
        year, _, month = month_date.partition("-")
        try:
            rows = presence.sheet(year, month)
        except dates.WrongDate:
            raise BadRequest("Invalid month or year.", data=None) from None
        resp.content_type = "text/csv"
        resp.set_header("Content-Disposition", "attachment; filename=kitsu_export.csv")
        resp.text = presence.as_csv(rows)
