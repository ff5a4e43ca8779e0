"""Person rules that are not HTTP: e-mail uniqueness, presenters per role, seeding."""

import datetime

import peewee

from framework import BadRequest, utcnow

from .models import DEFAULT_DEPARTMENTS, Department, Organisation, Person, department_ids

MINIMAL_FILTER_KEYS = frozenset((
    "id", "first_name", "last_name", "has_avatar", "active", "departments", "studio_id", "role",
    "desktop_login", "email", "is_bot", "is_guest"))
"""What non-admins may filter persons on: the minimal view's columns, plus the e-mail
lookup gazu's ``get_person_by_email`` needs (Zou's rule)."""
MINIMAL_KEYS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
                "departments", "studio_id", "role", "desktop_login", "is_bot")
CLIENT_KEYS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
               "role", "is_bot")


def check_email_free(email, is_bot=False, except_id=None):
    """Zou's rule: one non-bot person per e-mail address (compared case-insensitively)."""
    if not email or is_bot:
        return
    query = Person.select(Person.id).where(peewee.fn.LOWER(Person.email) == email.lower(),
                                           Person.is_bot == False)  # noqa: E712
    if except_id is not None:
        query = query.where(Person.id != except_id)
    if query.exists():
        raise BadRequest("Email already in use.")


def check_user_limit(limit):
    if limit and Person.select().where(Person.active == True,  # noqa: E712
                                       Person.is_bot == False).count() >= limit:  # noqa: E712
        raise BadRequest("User limit reached.", data={"limit": limit})


def is_past(day):
    """Whether an expiration date has passed: a bot's token is not renewed for it (Zou's
    rule: the token would be born expired). None never passes."""
    if isinstance(day, str):
        day = datetime.date.fromisoformat(day)
    return day is not None and day < utcnow().date()


def present_person(item, viewer_role, many):
    """Zou's views of a person: full for admins, and for managers reading one person; the
    client view for clients; the minimal view otherwise (managers' lists included)."""
    if viewer_role == "admin" or (viewer_role == "manager" and not many):
        return item
    keys = CLIENT_KEYS if viewer_role == "client" else MINIMAL_KEYS
    return {key: item.get(key, []) if key == "departments" else item[key] for key in keys}


def changed_fields(person, data, keys):
    """The ``keys`` of ``data`` (loaded input) whose value differs from what ``person`` holds,
    compared as stored."""
    changed = set()
    for key in keys & set(data):
        if key == "departments":
            if {str(value) for value in data[key]} != set(department_ids(person.id)):
                changed.add(key)
            continue
        field = Person._meta.columns[key]
        if field.db_value(data[key]) != field.db_value(person.__data__.get(field.name)):
            changed.add(key)
    return changed


def seed_defaults():
    Organisation.current()
    for name, color in DEFAULT_DEPARTMENTS:
        Department.insert(name=name, color=color).on_conflict_ignore().execute()
