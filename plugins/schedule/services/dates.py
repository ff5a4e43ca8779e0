"""Dates as the time-sheet routes read them from paths and query strings, and the periods
(year, month, ISO week, day) they cover, with Zou's error messages."""

import datetime

from framework import BadRequest


RANGE_NEEDS_BOTH = ("If querying for a range of dates, both a `start_date` and an `end_date` "
                    "must be given.")


class WrongDate(ValueError):
    """A date, a year, a month, a week or a day that names no real one."""


def parse_day(text):
    """``YYYY-MM-DD`` (anything after the tenth character is ignored, as PostgreSQL's cast
    of a timestamp to a date does)."""
    try:
        return datetime.date.fromisoformat(str(text)[:10])
    except ValueError:
        raise WrongDate(text) from None


def day_or_400(text, message):
    try:
        return parse_day(text)
    except WrongDate:
        raise BadRequest(message, data=None) from None


def year_period(year):
    """``(first day, first day after)`` of a year."""
    try:
        start = datetime.date(int(year), 1, 1)
        return start, datetime.date(start.year + 1, 1, 1)
    except (ValueError, OverflowError):
        raise WrongDate(year) from None


def month_period(year, month):
    try:
        start = datetime.date(int(year), int(month), 1)
    except (ValueError, OverflowError):
        raise WrongDate(f"{year}-{month}") from None
    following = (datetime.date(start.year + 1, 1, 1) if start.month == 12
                 else datetime.date(start.year, start.month + 1, 1))
    return start, following


def week_period(year, week):
    """The ISO week ``week`` of ``year``, Monday to the next Monday."""
    try:
        start = datetime.date.fromisocalendar(int(year), int(week), 1)
    except (ValueError, OverflowError):
        raise WrongDate(f"{year}-W{week}") from None
    return start, start + datetime.timedelta(days=7)


def day_period(year, month, day):
    try:
        start = datetime.date(int(year), int(month), int(day))
    except (ValueError, OverflowError):
        raise WrongDate(f"{year}-{month}-{day}") from None
    return start, start + datetime.timedelta(days=1)


def last_day(period):
    """A period with its end made inclusive (the leave queries compare inclusively)."""
    start, end = period
    return start, end - datetime.timedelta(days=1)


def date_range(params, message_format):
    """``(start, end)`` from ``?start_date=&end_date=``: both or neither (None), Zou's 400s
    otherwise."""
    start, end = params.get("start_date"), params.get("end_date")
    if not start and not end:
        return None
    if not start or not end:
        raise BadRequest(RANGE_NEEDS_BOTH, data=None)
    try:
        return parse_day(start), parse_day(end)
    except WrongDate:
        raise BadRequest(message_format.format(start=start, end=end), data=None) from None


def moment_text(moment):
    """A datetime as Zou writes it (``YYYY-MM-DDTHH:MM:SS``)."""
    return moment.isoformat(timespec="seconds") if moment is not None else None
