"""Person rules that are not HTTP: e-mail uniqueness, presenters per role, seeding."""

import peewee

from framework import BadRequest

from .models import DEFAULT_DEPARTMENTS, Department, Organisation, Person

MINIMAL_KEYS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
                "departments", "studio_id", "role", "desktop_login", "is_bot")
CLIENT_KEYS = ("id", "type", "first_name", "last_name", "full_name", "has_avatar", "active",
               "role", "is_bot")
FULL_VIEW_ROLES = frozenset(("admin", "manager"))


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


def present_person(item, viewer_role):
    """Zou's views of a person: full for admins and managers, client or minimal otherwise."""
    if viewer_role in FULL_VIEW_ROLES:
        return item
    keys = CLIENT_KEYS if viewer_role == "client" else MINIMAL_KEYS
    view = {key: item[key] for key in keys if key in item}
    if "departments" in keys:
        view["departments"] = item.get("departments", [])
    return view


def seed_defaults():
    Organisation.current()
    for name, color in DEFAULT_DEPARTMENTS:
        Department.insert(name=name, color=color).on_conflict_ignore().execute()
