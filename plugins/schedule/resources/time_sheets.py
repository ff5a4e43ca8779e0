"""Time sheets: a person's (``/data/persons/{person_id}/time-spents...``), the studio tables
(``/data/persons/time-spents/*-table``), an entity's (``/data/entities/{entity_id}/
time-spents``) and a project's (``/data/projects/{project_id}/time-spents``, per task type,
per month for budgets)."""

from framework import BadRequest, Forbidden, operation

from ..services import access, dates, scopes, timesheets
from .common import ScheduleResource, checked_id, person_or_404

INVALID_MONTH = "Invalid month or year."
INVALID_DATE = "Invalid date format."
WRONG_RANGE = "Wrong date format for {start} and/or {end}"


def period(make, message, *parts):
    """The period ``make(*parts)`` names, Zou's 400 ``message`` when it names none."""
    try:
        return make(*parts)
    except dates.WrongDate:
        raise BadRequest(message, data=None) from None


def optional_id(req, name):
    value = req.params.get(name)
    return checked_id(value) if value else None


class PersonTimeSheet(ScheduleResource):
    """A person's time, as far as the caller may read it (``services.scopes``)."""

    def scope(self, req, person_id, with_project=False):
        person = person_or_404(person_id)
        if access.is_bot_refused(person.id):
            raise Forbidden()
        project_id = optional_id(req, "project_id") if with_project else None
        return scopes.of_person(self.person(req), person.id, project_id)

    @operation("A person's time spents between two days (none without a range)")
    def on_get(self, req, resp, person_id):
        scope = self.scope(req, person_id)
        found = dates.date_range(req.params, WRONG_RANGE)
        resp.media = timesheets.of_range(*found, scope) if found else []

    @operation("A person's time spents of one day")
    def on_get_day(self, req, resp, person_id, date):
        scope = self.scope(req, person_id)
        resp.media = timesheets.of_day(dates.day_or_400(date, INVALID_MONTH), scope)

    @operation("A person's time of a year, per task (?project_id)")
    def on_get_year(self, req, resp, person_id, year):
        scope = self.scope(req, person_id, with_project=True)
        resp.media = timesheets.per_task(period(dates.year_period, INVALID_DATE, year), scope)

    @operation("A person's time of a month, per task (?project_id)")
    def on_get_month(self, req, resp, person_id, year, month):
        scope = self.scope(req, person_id, with_project=True)
        resp.media = timesheets.per_task(
            period(dates.month_period, INVALID_DATE, year, month), scope)

    @operation("A person's time of an ISO week, per task (?project_id)")
    def on_get_week(self, req, resp, person_id, year, week):
        scope = self.scope(req, person_id, with_project=True)
        resp.media = timesheets.per_task(
            period(dates.week_period, INVALID_MONTH, year, week), scope)

    @operation("A person's time of a day, per task (?project_id)")
    def on_get_day_total(self, req, resp, person_id, year, month, day):
        scope = self.scope(req, person_id, with_project=True)
        resp.media = timesheets.per_task(
            period(dates.day_period, INVALID_MONTH, year, month, day), scope)

    @operation("Every time spent of a person in a month (the person or an admin)")
    def on_get_month_all(self, req, resp, person_id, year, month):
        person = person_or_404(person_id)
        principal = self.person(req)
        if access.is_bot_refused(person.id) or not (principal.is_admin
                                                    or principal.id == person.id):
            raise Forbidden()
        resp.media = timesheets.of_period(
            period(dates.month_period, INVALID_MONTH, year, month),
            timesheets.Scope(person_id=person.id))


class StudioTables(ScheduleResource):
    """Time per person per year, month, ISO week or day (?project_id, department_id,
    studio_id), narrowed by the caller's role."""

    def scope(self, req):
        return scopes.of_studio(self.person(req), optional_id(req, "project_id"),
                                optional_id(req, "department_id"),
                                optional_id(req, "studio_id"))

    @operation("Time per person per year")
    def on_get_years(self, req, resp):
        resp.media = timesheets.table("year", self.scope(req))

    @operation("Time per person per month of a year")
    def on_get_months(self, req, resp, year):
        found = period(dates.year_period, INVALID_MONTH, year)
        resp.media = timesheets.table("month", self.scope(req), found)

    @operation("Time per person per ISO week of a year")
    def on_get_weeks(self, req, resp, year):
        found = period(dates.year_period, INVALID_MONTH, year)
        resp.media = timesheets.table("week", self.scope(req), found)

    @operation("Time per person per day of a month")
    def on_get_days(self, req, resp, year, month):
        found = period(dates.month_period, INVALID_MONTH, year, month)
        resp.media = timesheets.table("day", self.scope(req), found)


class ProjectTime(ScheduleResource):
    @operation("Every time spent on a project's tasks (team members but clients)")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id, "view_time_spents")
        resp.media = timesheets.of_project(project.id)

    @operation("Time spents of a task type in a project, per person (project managers)")
    def on_get_task_type(self, req, resp, project_id, task_type_id):
        project = self.project(req, project_id, "manage")
        resp.media = timesheets.of_project_task_type(
            project.id, checked_id(task_type_id), optional_day(req, "start_date"),
            optional_day(req, "end_date"))

    @operation("Time per department, person and month of a project (admins)")
    def on_get_months(self, req, resp, project_id):
        project = self.project(req, project_id, "administer")
        resp.media = timesheets.project_months(project.id)


class EntityTime(ScheduleResource):
    @operation("Every time spent on an entity's tasks, latest day first (its team members)")
    def on_get(self, req, resp, entity_id):
        entity = self.entity(req, entity_id)
        resp.media = timesheets.of_entity(entity.id)


def optional_day(req, name):
    """An optional day of the query string, Zou's range message when malformed."""
    value = req.params.get(name)
    if not value:
        return None
    return dates.day_or_400(value, WRONG_RANGE.format(start=req.params.get("start_date"),
                                                      end=req.params.get("end_date")))
