"""Writing time: a person's time on a task for a day, set, added to or removed. Every change
recomputes the duration of the tasks it touched (the sum of their time spents) and announces
them (``task:update``), and logging time or a desktop login refreshes the person's
``last_presence``, as Zou does."""

import peewee

from framework import NotFound, utcnow
from plugins.persons.models import Person
from plugins.tasks.models import Task

from ..models import DesktopLoginLog, TimeSpent


def log_time(task, person_id, day, duration, add, dopesheet):
    """Set (or with ``add`` increase) ``person_id``'s time on ``task`` for ``day``."""
    existing = (TimeSpent.select().where(TimeSpent.task == task.id,
                                         TimeSpent.person == person_id,
                                         TimeSpent.date == day).first())
    if existing is None:
        time_spent = TimeSpent.create(task=task.id, person=person_id, date=day,
                                      duration=duration)
        refresh_last_presence([person_id])
        event = "time-spent:new"
    else:
        time_spent = existing
        time_spent.duration = existing.duration + duration if add else duration
        time_spent.save()
        event = "time-spent:update"
    dopesheet.emit(event, {"time_spent_id": time_spent.id}, project_id=task.project_id)
    recompute_durations([task.id], dopesheet)
    return time_spent


def remove_time(task, person_id, day, dopesheet):
    """Delete ``person_id``'s time on ``task`` for ``day`` (404 when there is none); the
    answer is the removed row with a zero duration, as Zou's."""
    time_spent = (TimeSpent.select().where(TimeSpent.task == task.id,
                                           TimeSpent.person == person_id,
                                           TimeSpent.date == day).first())
    if time_spent is None:
        raise NotFound()
    time_spent.delete_instance()
    time_spent.duration = 0
    dopesheet.emit("time-spent:delete", {"time_spent_id": time_spent.id},
                   project_id=task.project_id)
    recompute_durations([task.id], dopesheet)
    return time_spent


def recompute_durations(task_ids, dopesheet):
    """Each task's ``duration`` becomes the sum of its time spents, in one statement."""
    task_ids = list(dict.fromkeys(task_ids))
    if not task_ids:
        return
    total = (TimeSpent.select(peewee.fn.COALESCE(peewee.fn.SUM(TimeSpent.duration), 0))
             .where(TimeSpent.task == Task.id))
    Task.update(duration=total, updated_at=utcnow()).where(Task.id.in_(task_ids)).execute()
    for task_id, project_id in (Task.select(Task.id, Task.project)
                                .where(Task.id.in_(task_ids)).tuples()):
        dopesheet.emit("task:update", {"task_id": task_id}, project_id=project_id)


def refresh_last_presence(person_ids):
    """``last_presence``: the day of the person's latest time spent or desktop login."""
    for person_id in set(person_ids):
        last_log = (DesktopLoginLog.select(DesktopLoginLog.date)
                    .where(DesktopLoginLog.person == person_id)
                    .order_by(DesktopLoginLog.date.desc()).first())
        last_time = (TimeSpent.select(TimeSpent.date).where(TimeSpent.person == person_id)
                     .order_by(TimeSpent.date.desc()).first())
        days = ([last_log.date.date()] if last_log else []) + (
            [last_time.date] if last_time else [])
        Person.update(last_presence=max(days, default=None)).where(
            Person.id == person_id).execute()
