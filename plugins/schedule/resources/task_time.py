"""Time on tasks: ``/actions/tasks/{task_id}/time-spents...`` (read by whoever reads the
task; written by the assignee, an admin or a project manager, for assignees only) and the
current user's time (``/data/user/time-spents...``)."""

import falcon

from framework import Forbidden, json_body, operation
from plugins.entities.models import Project
from plugins.tasks.services import loading

from ..models import TimeSpent
from ..schemas import TimeSpentBody
from ..services import access, dates, timesheets, time_logging
from ..services.timesheets import Scope
from .common import ScheduleResource, id_or_none, person_or_404

WRONG_DATE = "Wrong date format."


class TaskTimeSpents(ScheduleResource):
    @operation("Time spents of a task: the total and each person's")
    def on_get(self, req, resp, task_id):
        task = self.task(req, task_id)
        resp.media = timesheets.of_task(task.id)

    @operation("Time spents of a task on one day")
    def on_get_day(self, req, resp, task_id, date):
        task = self.task(req, task_id)
        resp.media = timesheets.of_task(task.id, dates.day_or_400(date, WRONG_DATE))

    @operation("Set a person's time on a task for a day", body=TimeSpentBody, status=201)
    def on_post_person(self, req, resp, task_id, date, person_id):
        self._log(req, resp, task_id, date, person_id, add=False)

    @operation("Add to a person's time on a task for a day", body=TimeSpentBody, status=201)
    def on_post_add(self, req, resp, task_id, date, person_id):
        self._log(req, resp, task_id, date, person_id, add=True)

    @operation("Remove a person's time on a task for a day", status=201)
    def on_delete_person(self, req, resp, task_id, date, person_id):
        task, person, _ = self._writable(req, task_id, person_id)
        day = dates.day_or_400(date, "Invalid date format.")
        removed = time_logging.remove_time(task, person.id, day, self.dopesheet)
        resp.status = falcon.HTTP_201
        resp.media = timesheets.SERIALIZER.from_instance(removed)

    def _log(self, req, resp, task_id, date, person_id, add):
        task, person, values = self._writable(req, task_id, person_id, TimeSpentBody)
        day = dates.day_or_400(date, "Invalid date format.")
        time_spent = time_logging.log_time(task, person.id, day, values["duration"], add,
                                            self.dopesheet)
        resp.status = falcon.HTTP_201
        resp.media = timesheets.SERIALIZER.from_instance(time_spent)

    def _writable(self, req, task_id, person_id, body_schema=None):
        """Zou's order: the task, the person (not a bot), the body, then the right."""
        task = loading.get_task(task_id)
        person = person_or_404(person_id)
        if access.is_bot_refused(person.id, Project.get_or_none(Project.id == task.project_id)):
            raise Forbidden()
        values = json_body(req, body_schema) if body_schema else None
        self.require(req, "log", TimeSpent, data={"task": task, "person_id": person.id})
        return task, person, values


class UserTimeSpents(ScheduleResource):
    """The caller's own time."""

    @operation("The caller's time spents between two days (none without a range)")
    def on_get(self, req, resp):
        principal = self.person(req)
        period = dates.date_range(req.params, "Wrong date format for {start} and/or {end}")
        scope = Scope(person_id=principal.id)
        resp.media = timesheets.of_range(*period, scope) if period else []

    @operation("The caller's time spents of one day")
    def on_get_day(self, req, resp, date):
        principal = self.person(req)
        resp.media = timesheets.of_day(dates.day_or_400(date, WRONG_DATE),
                                       Scope(person_id=principal.id))

    @operation("The caller's time on a task for one day ({} when none)")
    def on_get_task(self, req, resp, task_id, date):
        principal = self.person(req)
        day = dates.day_or_400(date, WRONG_DATE)
        time_spent = (TimeSpent.select().where(TimeSpent.person == principal.id,
                                               TimeSpent.task == id_or_none(task_id),
                                               TimeSpent.date == day).first())
        resp.media = timesheets.SERIALIZER.from_instance(time_spent) if time_spent else {}
