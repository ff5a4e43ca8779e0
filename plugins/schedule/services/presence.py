"""The studio's presence sheet of a month (Zou's ``presence-logs``): one row per active
person (guests and preview accounts left out, by first then last name), a column per day of
the month marked ``X`` where the person logged in from the desktop. Two queries."""

import csv
import datetime
import io

from plugins.persons.models import Person, full_name

from ..models import DesktopLoginLog
from .dates import month_period


def sheet(year, month):
    """The rows of the month's sheet, the header first; ``dates.WrongDate`` when there is
    no such month."""
    start, end = month_period(year, month)
    days = (end - start).days
    persons = list(Person.select(Person.id, Person.first_name, Person.last_name)
                   .where(Person.active == True, Person.is_guest != True,  # noqa: E712
                          Person.preview_project_id.is_null())
                   .order_by(Person.first_name, Person.last_name))
    present = {}
    logins = (DesktopLoginLog.select(DesktopLoginLog.person, DesktopLoginLog.date)
              .where(DesktopLoginLog.date >= datetime.datetime.combine(start, datetime.time()),
                     DesktopLoginLog.date < datetime.datetime.combine(end, datetime.time()))
              .tuples())
    for person_id, moment in logins:
        present.setdefault(person_id, set()).add(moment.day)
    rows = [[str(start.year)] + [str(day) for day in range(1, days + 1)]]
    for person in persons:
        marked = present.get(person.id, set())
        rows.append([full_name(person.first_name, person.last_name)]
                    + ["X" if day in marked else "" for day in range(1, days + 1)])
    return rows


def as_csv(rows):
    """Zou's CSV: ``;`` between cells, ``\\r\\n`` after each row."""
    text = io.StringIO()
    csv.writer(text, delimiter=";").writerows(rows)
    return text.getvalue()
