"""Day offs as people read them: a person's (all, one day, an ISO week, a month, a year),
the studio's of a year or a month, the caller's own, and a project team's. Who reads whose
leave is ``access.leave_readers``: in full, or the dates only."""

from framework import Forbidden, operation
from plugins.entities.services.access import effective_role

from ..services import access, dates, leave
from .common import ScheduleResource, person_or_404
from .time_sheets import optional_day, period

INVALID_DATE = "Invalid date format."


class PersonLeave(ScheduleResource):
    def readable(self, req, person_id):
        """``(person, with description)``; 403 when the caller may not read it."""
        person = person_or_404(person_id)
        if access.is_bot_refused(person.id):
            raise Forbidden()
        full = (access.leave_readers(self.person(req)) or {person.id: True}).get(person.id)
        if full is None:
            raise Forbidden()
        return person, full

    def answer(self, req, resp, person_id, span):
        person, full = self.readable(req, person_id)
        start, end = dates.last_day(span) if span else (None, None)
        found = leave.between(start, end, [person.id])
        resp.media = found if full else [leave.dates_only(item) for item in found]

    @operation("A person's day offs")
    def on_get(self, req, resp, person_id):
        self.answer(req, resp, person_id, None)

    @operation("A person's day off covering a day ({} when none)")
    def on_get_day(self, req, resp, person_id, date):
        person, full = self.readable(req, person_id)
        day_off = leave.covering(person.id, dates.day_or_400(date, INVALID_DATE))
        resp.media = day_off if full else leave.dates_only(day_off)

    @operation("A person's day offs of an ISO week")
    def on_get_week(self, req, resp, person_id, year, week):
        self.answer(req, resp, person_id, period(dates.week_period, INVALID_DATE, year, week))

    @operation("A person's day offs of a month")
    def on_get_month(self, req, resp, person_id, year, month):
        self.answer(req, resp, person_id,
                    period(dates.month_period, INVALID_DATE, year, month))

    @operation("A person's day offs of a year")
    def on_get_year(self, req, resp, person_id, year):
        self.answer(req, resp, person_id, period(dates.year_period, INVALID_DATE, year))


class StudioLeave(ScheduleResource):
    """The day offs of a year or a month the caller may read."""

    def answer(self, req, resp, span):
        readers = access.leave_readers(self.person(req))
        start, end = dates.last_day(span)
        found = leave.between(start, end, None if readers is None else list(readers))
        resp.media = leave.shaped(found, readers)

    @operation("The readable day offs of a year")
    def on_get_year(self, req, resp, year):
        self.answer(req, resp, period(dates.year_period, INVALID_DATE, year))

    @operation("The readable day offs of a month")
    def on_get_month(self, req, resp, year, month):
        self.answer(req, resp, period(dates.month_period, INVALID_DATE, year, month))


class UserLeave(ScheduleResource):
    @operation("The caller's day off covering a day ({} when none)")
    def on_get(self, req, resp, date):
        principal = self.person(req)
        resp.media = leave.covering(principal.id, dates.day_or_400(date, "Wrong date format."))


class ProjectLeave(ScheduleResource):
    @operation("Day offs of a project's team per person (?start_date, end_date)")
    def on_get(self, req, resp, project_id):
        project = self.project(req, project_id, "view_day_offs")
        principal = self.person(req)
        start = optional_day(req, "start_date")
        end = optional_day(req, "end_date")
        in_full = effective_role(principal, project.id) in ("admin", "manager")
        resp.media = {person_id: [item if in_full or person_id == principal.id
                                  else leave.dates_only(item) for item in items]
                      for person_id, items in leave.of_team(project.id, start, end).items()}

