"""Reading time: a person's time spents (per day, per range, summed per task over a period),
a task's, a project's, and the studio tables (time per person per year, month, ISO week or
day). Each answer is one SQL query; ``Scope`` carries what the caller may see of other
people's time (Zou narrows managers and supervisors to their projects, supervisors to their
departments)."""

from collections import defaultdict
from dataclasses import dataclass

import peewee

from framework.serialize import Serializer
from plugins.entities.models import Entity, EntityType, Project, TaskType
from plugins.persons.models import Person
from plugins.tasks.models import Task

from ..models import TimeSpent

SERIALIZER = Serializer(TimeSpent)
Sequence = Entity.alias("sequence")
Episode = Entity.alias("episode")


@dataclass
class Scope:
    """What part of the studio's time a listing covers: one person's or everyone's, within
    some projects, departments and a studio (None: no restriction)."""

    person_id: str = None
    project_ids: list = None
    department_ids: list = None
    studio_id: str = None


def _scoped(query, scope, joined_task=False):
    if scope.person_id is not None:
        query = query.where(TimeSpent.person == scope.person_id)
    if (scope.project_ids is not None or scope.department_ids) and not joined_task:
        query = query.join(Task, on=(TimeSpent.task == Task.id))
    if scope.project_ids is not None:
        query = query.where(Task.project.in_(scope.project_ids))
    if scope.department_ids:
        query = query.where(Task.task_type.in_(
            TaskType.select(TaskType.id).where(TaskType.department.in_(scope.department_ids))))
    if scope.studio_id is not None:
        query = query.where(TimeSpent.person.in_(
            Person.select(Person.id).where(Person.studio == scope.studio_id)))
    return query


def rows(query):
    return [SERIALIZER.from_values(values) for values in SERIALIZER.select(query)]


def of_day(day, scope):
    """Time spents of ``scope.person_id`` on one day."""
    query = (TimeSpent.select().where(TimeSpent.date == day)
             .order_by(TimeSpent.created_at, TimeSpent.id))
    return rows(_scoped(query, scope))


def of_range(start, end, scope):
    """Time spents of a person between two days (inclusive), with the project and the task
    type of their task."""
    query = (TimeSpent.select(*SERIALIZER.fields, Task.project, Task.task_type)
             .join(Task, on=(TimeSpent.task == Task.id))
             .where(TimeSpent.date.between(start, end))
             .order_by(TimeSpent.date, TimeSpent.created_at, TimeSpent.id))
    found = []
    for values in _scoped(query, scope, joined_task=True).tuples():
        item = SERIALIZER.from_values(values[:-2])
        item["project_id"], item["task_type_id"] = values[-2:]
        found.append(item)
    return found


def of_period(period, scope):
    """Time spents of the period ``[start, end[``, plain rows."""
    start, end = period
    query = (TimeSpent.select().where(TimeSpent.date >= start, TimeSpent.date < end)
             .order_by(TimeSpent.date, TimeSpent.created_at, TimeSpent.id))
    return rows(_scoped(query, scope))


def per_task(period, scope):
    """A person's time of the period ``[start, end[`` summed per task, with what a time
    sheet shows of the task (project, entity, its type, sequence and episode names)."""
    start, end = period
    total = peewee.fn.SUM(TimeSpent.duration)
    query = (Task.select(Task.id, Task.task_type, Project.id, Project.name, Entity.name,
                         EntityType.name, Sequence.name, Episode.name, total)
             .join(Entity, on=(Task.entity == Entity.id))
             .switch(Task).join(Project, on=(Task.project == Project.id))
             .switch(Task).join(TimeSpent, on=(TimeSpent.task == Task.id))
             .switch(Entity).join(EntityType, on=(Entity.entity_type == EntityType.id))
             .switch(Entity).join(Sequence, peewee.JOIN.LEFT_OUTER,
                                  on=(Sequence.id == Entity.parent))
             .join(Episode, peewee.JOIN.LEFT_OUTER, on=(Episode.id == Sequence.parent))
             .where(TimeSpent.date >= start, TimeSpent.date < end)
             .group_by(Task.id, Task.task_type, Project.id, Project.name, Entity.name,
                       EntityType.name, Sequence.name, Episode.name)
             .order_by(Project.name, Entity.name, Task.id))
    keys = ("task_id", "task_type_id", "project_id", "project_name", "entity_name",
            "entity_type_name", "sequence_name", "episode_name", "duration")
    return [dict(zip(keys, values))
            for values in _scoped(query, scope, joined_task=True).tuples()]


def of_task(task_id, day=None):
    """``{"total": minutes, person_id: [time spents]}`` of a task (on one day)."""
    query = TimeSpent.select().where(TimeSpent.task == task_id).order_by(
        TimeSpent.date, TimeSpent.created_at, TimeSpent.id)
    if day is not None:
        query = query.where(TimeSpent.date == day)
    found = {"total": 0}
    for item in rows(query):
        found.setdefault(item["person_id"], []).append(item)
        found["total"] += item["duration"]
    return found


def of_project(project_id):
    query = (TimeSpent.select().join(Task, on=(TimeSpent.task == Task.id))
             .where(Task.project == project_id)
             .order_by(TimeSpent.date, TimeSpent.created_at, TimeSpent.id))
    return rows(query)


def of_entity(entity_id):
    """Every time spent on an entity's tasks, latest day first."""
    query = (TimeSpent.select().join(Task, on=(TimeSpent.task == Task.id))
             .where(Task.entity == entity_id)
             .order_by(TimeSpent.date.desc(), TimeSpent.created_at, TimeSpent.id))
    return rows(query)


def of_project_task_type(project_id, task_type_id, start=None, end=None):
    """``{person_id: [time spents, latest day first]}`` of a task type in a project."""
    query = (TimeSpent.select().join(Task, on=(TimeSpent.task == Task.id))
             .where(Task.project == project_id, Task.task_type == task_type_id)
             .order_by(TimeSpent.date.desc(), TimeSpent.created_at, TimeSpent.id))
    if start is not None:
        query = query.where(TimeSpent.date >= start)
    if end is not None:
        query = query.where(TimeSpent.date <= end)
    found = {}
    for item in rows(query):
        found.setdefault(item["person_id"], []).append(item)
    return found


def project_months(project_id):
    """Zou's budget comparison: ``{department_id: {"total", person_id: {"total",
    "YYYY-MM": minutes}}}`` for the time spent on the project's tasks."""
    query = (TimeSpent.select(TimeSpent.person, TimeSpent.date, TimeSpent.duration,
                              TaskType.department)
             .join(Task, on=(TimeSpent.task == Task.id))
             .join(TaskType, on=(Task.task_type == TaskType.id))
             .where(Task.project == project_id, TaskType.department.is_null(False))
             .order_by(TimeSpent.date, TimeSpent.created_at))
    found = {}
    for person_id, day, duration, department_id in query.tuples():
        department = found.setdefault(department_id, {"total": 0})
        person = department.setdefault(person_id, {"total": 0})
        month = day.strftime("%Y-%m")
        person[month] = person.get(month, 0) + duration
        person["total"] += duration
        department["total"] += duration
    return found


UNITS = {
    "year": lambda day: day.year,
    "month": lambda day: day.month,
    "week": lambda day: day.isocalendar()[1],
    "day": lambda day: day.day,
}


def table(unit, scope, period=None):
    """``{unit number: {person_id: minutes}}`` (keys as text, Zou's time tables)."""
    query = TimeSpent.select(TimeSpent.person, TimeSpent.date, TimeSpent.duration).order_by(
        TimeSpent.date, TimeSpent.created_at)
    if period is not None:
        query = query.where(TimeSpent.date >= period[0], TimeSpent.date < period[1])
    found = {}
    for person_id, day, duration in _scoped(query, scope).tuples():
        found.setdefault(str(UNITS[unit](day)), defaultdict(float))[person_id] += duration
    return {key: dict(values) for key, values in found.items()}
