"""The team schedule's span of each person's work (Zou's ``/data/persons/task-dates``): per
active assignee, the earliest start and the latest due date of their tasks in the projects
the caller sees; tasks of the open projects the caller does not see come back as anonymous
busy periods (merged date pairs naming no production). Two queries at most."""

import peewee

from framework.serialize import json_default
from plugins.persons.models import Person
from plugins.tasks.models import Task, TaskPersonLink


def _assigned(*columns):
    return (Task.select(TaskPersonLink.person, *columns)
            .join(TaskPersonLink, on=(TaskPersonLink.task == Task.id))
            .join(Person, on=(Person.id == TaskPersonLink.person))
            .where(Person.active == True))  # noqa: E712


def spans(project_ids, busy_project_ids=None):
    """``[{person_id, min_date, max_date, busy_periods}]``; ``project_ids`` and
    ``busy_project_ids`` are lists or subqueries of project ids."""
    found = {}
    query = (_assigned(peewee.fn.MIN(Task.start_date), peewee.fn.MAX(Task.due_date))
             .where(Task.project.in_(project_ids)).group_by(TaskPersonLink.person).tuples())
    for person_id, first, last in query:
        found[person_id] = {"person_id": person_id, "min_date": _moment(first),
                            "max_date": _moment(last), "busy_periods": []}
    if busy_project_ids is None:
        return list(found.values())
    periods = {}
    for person_id, start, due in (_assigned(Task.start_date, Task.due_date)
                                  .where(Task.project.in_(busy_project_ids),
                                         Task.start_date.is_null(False),
                                         Task.due_date.is_null(False)).tuples()):
        periods.setdefault(person_id, []).append((start, due))
    for person_id, intervals in periods.items():
        entry = found.setdefault(person_id, {"person_id": person_id, "min_date": None,
                                             "max_date": None, "busy_periods": []})
        entry["busy_periods"] = [{"start_date": str(start), "end_date": str(end)}
                                 for start, end in merged(intervals)]
    return list(found.values())


def merged(intervals):
    """Overlapping ``(start, end)`` pairs joined, so the count of tasks does not show."""
    joined = []
    for start, end in sorted(intervals):
        if joined and start <= joined[-1][1]:
            joined[-1][1] = max(joined[-1][1], end)
        else:
            joined.append([start, end])
    return joined


def _moment(value):
    """MIN/MAX come back as text on SQLite, as datetimes on PostgreSQL."""
    if value is None or isinstance(value, str):
        return value if value is None else value.replace(" ", "T")[:19]
    return json_default(value)
