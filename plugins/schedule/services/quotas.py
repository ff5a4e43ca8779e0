"""Zou's shot quotas of a project: how many shots (and frames, seconds, drawings) each person
delivered per day, ISO week, month and year, for a task type (one entry per person) or for
a person (one entry per task type), each with a ``total`` entry.

A shot task counts when it reached a feedback request (``end_date``; ``done_date`` for the
``done`` modes). Raw modes count the whole shot on that date, for each assignee. Weighted
modes share it out: by the time each person logged on it, or, with no time logged, evenly
over the business days from its start to that date. Dates and times are the caller's days
(their timezone); the days of logged time are taken as they are."""

import datetime
import zoneinfo

from framework import BadRequest
from plugins.entities.models import Entity
from plugins.entities.services.kinds import of_kind
from plugins.persons.models import Person
from plugins.tasks.models import Task, TaskPersonLink

from ..models import TimeSpent

COUNT_MODES = ("weighted", "weighteddone", "feedback", "done")
WRONG_MODE = "count_mode must be equal to weighted, weigtheddone, feedback, or done"
MEASURES = ("frames", "seconds", "count", "drawings")


def quotas(project, timezone, count_mode="weighted", task_type_id=None, person_id=None,
           studio_id=None):
    if count_mode not in COUNT_MODES:
        raise BadRequest(WRONG_MODE, data=None)
    counter = Counter(float(project.fps or "25.00"), zoneinfo.ZoneInfo(timezone),
                      by_task_type=person_id is not None)
    reached = Task.done_date if "done" in count_mode else Task.end_date
    scope = [Task.project == project.id, of_kind("Shot"), reached.is_null(False)]
    if task_type_id is not None:
        scope.append(Task.task_type == task_type_id)
    if studio_id is not None:
        scope.append(Task.id.in_(TaskPersonLink.select(TaskPersonLink.task)
                                 .join(Person, on=(TaskPersonLink.person == Person.id))
                                 .where(Person.studio == studio_id)))
    if "weighted" in count_mode:
        count_logged_time(counter, scope, person_id)
        count_spread(counter, scope, person_id, reached)
        counter.round_counts()
    else:
        count_raw(counter, scope, person_id, reached)
    return counter.quotas


def shot_tasks(scope):
    return (Task.select(Task, Entity.nb_frames.alias("nb_frames"))
            .join(Entity, on=(Task.entity == Entity.id)).where(*scope))


def with_assignees(query, person_id):
    query = (query.select_extend(TaskPersonLink.person.alias("assignee"))
             .join(TaskPersonLink, on=(TaskPersonLink.task == Task.id)))
    return query if person_id is None else query.where(TaskPersonLink.person == person_id)


def count_logged_time(counter, scope, person_id):
    """Each person's share of a shot is their time on it over the task's time."""
    query = (shot_tasks(scope).select_extend(TimeSpent.date.alias("day"),
                                             TimeSpent.duration.alias("spent"),
                                             TimeSpent.person.alias("logger"))
             .join(TimeSpent, on=(TimeSpent.task == Task.id)))
    if person_id is not None:
        query = query.where(TimeSpent.person == person_id)
    for task in query.objects():
        if not task.duration or task.duration <= 0:
            continue
        share = task.spent / task.duration
        counter.add(task, task.logger, task.day, round((task.nb_frames or 0) * share),
                    round((task.nb_drawings or 0) * share), share)


def count_spread(counter, scope, person_id, reached):
    """A shot with no time logged is shared evenly over the business days it was worked
    on, for each assignee."""
    logged = TimeSpent.select(TimeSpent.task).where(TimeSpent.task.is_null(False))
    query = with_assignees(shot_tasks(scope + [Task.real_start_date.is_null(False),
                                               Task.id.not_in(logged)]), person_id)
    for task in query.objects():
        start, end = task.real_start_date, getattr(task, reached.name)
        days = business_days(start, end) + 1
        frames = round(task.nb_frames / days) if task.nb_frames is not None else 0
        for offset in range((end - start).days + 1):
            day = start + datetime.timedelta(days=offset)
            if day.weekday() < 5:
                counter.add(task, task.assignee, day, frames, task.nb_drawings or 0, 1 / days)


def count_raw(counter, scope, person_id, reached):
    """The whole shot on the date it was reached, for each assignee."""
    for task in with_assignees(shot_tasks(scope), person_id).objects():
        counter.add(task, task.assignee, getattr(task, reached.name), task.nb_frames or 0,
                    task.nb_drawings or 0)


def business_days(start, end):
    """Week days after ``start`` up to ``end`` (Zou's count)."""
    return sum(1 for offset in range(1, (end - start).days + 1)
               if (start + datetime.timedelta(days=offset)).weekday() < 5)


class Counter:
    """``quotas[entry][period][measure][bucket]``, Zou's shape: periods ``day``, ``week``,
    ``month`` (each with ``entries``: how many buckets per month, year, year) and ``year``
    (without)."""

    def __init__(self, fps, zone, by_task_type):
        self.fps, self.zone, self.by_task_type = fps, zone, by_task_type
        self.quotas = {}

    def add(self, task, person_id, moment, frames, drawings, count=1):
        entry = str(task.task_type_id if self.by_task_type else person_id)
        if isinstance(moment, datetime.datetime):
            moment = moment.replace(tzinfo=datetime.UTC).astimezone(self.zone).date()
        iso_year, iso_week, _ = moment.isocalendar()
        buckets = {"day": (moment.isoformat(), moment.strftime("%Y-%m")),
                   "week": (f"{iso_year}-{iso_week}", str(iso_year)),
                   "month": (moment.strftime("%Y-%m"), str(moment.year)),
                   "year": (str(moment.year), None)}
        values = {"frames": frames, "seconds": frames / self.fps, "count": count,
                  "drawings": drawings}
        for key in (entry, "total"):
            self._add(key, buckets, values)

    def _add(self, key, buckets, values):
        if key not in self.quotas:
            self.quotas[key] = {period: {measure: {} for measure in MEASURES}
                                for period in buckets}
            for period in ("day", "week", "month"):
                self.quotas[key][period]["entries"] = {}
        for period, (bucket, group) in buckets.items():
            measures = self.quotas[key][period]
            if bucket not in measures["frames"]:
                for measure in MEASURES:
                    measures[measure][bucket] = 0
                if group is not None:
                    measures["entries"][group] = measures["entries"].get(group, 0) + 1
            for measure, value in values.items():
                measures[measure][bucket] += value

    def round_counts(self):
        """Shares add up at full precision, rounded once at the end (Zou's)."""
        for entry in self.quotas.values():
            for measures in entry.values():
                measures["count"] = {bucket: round(value, 2)
                                     for bucket, value in measures["count"].items()}
