"""Day offs: overlaps, the periods they cover, and the time they wipe out.

A person cannot have two day offs that overlap (Zou's 400 "Day off already exists for this
period"), and a day off removes the person's time spents on the days it covers; the tasks
they were logged on get their duration recomputed (Zou leaves them stale)."""

from framework import BadRequest
from framework.serialize import Serializer
from plugins.entities.models import ProjectPersonLink

from ..models import DayOff, TimeSpent
from . import time_logging

SERIALIZER = Serializer(DayOff)
OVERLAP = "Day off already exists for this period"


def check_free(person_id, start, end, except_id=None):
    """400 when ``person_id`` already has a day off overlapping ``[start, end]``."""
    if person_id is None or start is None or end is None:
        return
    query = DayOff.select(DayOff.id).where(DayOff.person == person_id,
                                           DayOff.end_date >= start, DayOff.date <= end)
    if except_id is not None:
        query = query.where(DayOff.id != except_id)
    if query.exists():
        raise BadRequest(OVERLAP, data=None)


def wipe_covered_time(day_off, dopesheet):
    """Delete the person's time spents inside the day off and recompute their tasks."""
    covered = TimeSpent.select(TimeSpent.id, TimeSpent.task).where(
        TimeSpent.person == day_off.person_id, TimeSpent.date >= day_off.date,
        TimeSpent.date <= day_off.end_date)
    task_ids = [row.task_id for row in covered]
    if not task_ids:
        return
    TimeSpent.delete().where(TimeSpent.id.in_(covered.select(TimeSpent.id))).execute()
    time_logging.recompute_durations(task_ids, dopesheet)


def between(start=None, end=None, person_ids=None):
    """Day offs overlapping ``[start, end]`` (inclusive), of some persons (None: all)."""
    query = DayOff.select().order_by(DayOff.date, DayOff.person)
    if person_ids is not None:
        query = query.where(DayOff.person.in_(list(person_ids)))
    if start is not None:
        query = query.where(DayOff.end_date >= start)
    if end is not None:
        query = query.where(DayOff.date <= end)
    return [SERIALIZER.from_values(values) for values in SERIALIZER.select(query)]


def covering(person_id, day):
    """The person's day off covering ``day``, serialised, or ``{}``."""
    query = DayOff.select().where(DayOff.person == person_id, DayOff.date <= day,
                                  DayOff.end_date >= day).limit(1)
    found = [SERIALIZER.from_values(values) for values in SERIALIZER.select(query)]
    return found[0] if found else {}


def of_team(project_id, start=None, end=None):
    """``{person_id: [day offs]}`` of the project's team."""
    team = (ProjectPersonLink.select(ProjectPersonLink.person)
            .where(ProjectPersonLink.project == project_id))
    query = DayOff.select().where(DayOff.person.in_(team)).order_by(DayOff.date, DayOff.person)
    if start is not None:
        query = query.where(DayOff.end_date >= start)
    if end is not None:
        query = query.where(DayOff.date <= end)
    found = {}
    for values in SERIALIZER.select(query):
        item = SERIALIZER.from_values(values)
        found.setdefault(item["person_id"], []).append(item)
    return found


def dates_only(item):
    """What a reader without access to the reason sees of a day off."""
    return {key: value for key, value in item.items() if key != "description"}


def shaped(items, readers):
    """Day offs as ``readers`` (``access.leave_readers``) let the caller see them: those of
    readable persons only, the description where it is readable in full."""
    if readers is None:
        return items
    return [item if readers[item["person_id"]] else dates_only(item)
            for item in items if item["person_id"] in readers]
