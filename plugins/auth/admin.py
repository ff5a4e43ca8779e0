"""Creating admins: the ``create-admin`` command and the bootstrap of ``init-data``."""

import os
import secrets

from plugins.persons.models import Person

from . import service


def create_admin(email, password, passwords):
    """Create an active admin (Zou names it "Super Admin"); returns (person, created)."""
    existing = service.find_person(email)
    if existing is not None:
        return existing, False
    person = Person.create(first_name="Super", last_name="Admin", email=email, role="admin",
                           phone="", desktop_login="")
    service.set_password(person, password, passwords)
    return person, True


def bootstrap_admin(passwords):
    """When no active admin exists: one from DOPESHEET_ADMIN_EMAIL/_PASSWORD, or with a
    generated password printed once."""
    has_admin = Person.select().where(Person.role == "admin", Person.active == True).exists()  # noqa: E712
    if has_admin:
        return None
    email = os.environ.get("DOPESHEET_ADMIN_EMAIL") or "admin@example.com"
    password = os.environ.get("DOPESHEET_ADMIN_PASSWORD")
    generated = not password
    if generated:
        password = secrets.token_urlsafe(18)
    person, created = create_admin(email, password, passwords)
    if created:
        print(f"Created admin {email}" + (f" with password: {password}" if generated else ""))
    return person
