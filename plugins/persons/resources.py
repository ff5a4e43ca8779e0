"""The generic model API over persons, departments, studios and organisations."""

from framework import BadRequest, ModelApi

from . import service
from .models import (PERSON_COMPUTED, SENSITIVE_FIELDS, Department, Organisation, Person,
                     Studio, organisation_view)
from .schemas import ColoredBase, OrganisationBase, PersonBase

# What a non-admin editing themselves sends is dropped silently, as Zou does (gazu and
# Kitsu send the whole person back) ...
IGNORED_FOR_NON_ADMINS = frozenset((
    "role", "active", "archived", "departments", "studio_id", "is_bot",
    "is_generated_from_ldap", "ldap_uid"))
# ... and refused when it changes; Zou lets anyone set their own salary or contract.
PRIVILEGED_PERSON_FIELDS = frozenset((
    "is_guest", "expiration_date", "daily_salary", "contract_type", "position", "seniority",
    "shotgun_id"))


class PersonApi(ModelApi):
    model = Person
    plural = "persons"
    base = PersonBase
    computed = PERSON_COMPUTED
    relations_on_update = True
    virtual_filters = {"full_name": lambda value: Person.first_name.concat(" ").concat(
        Person.last_name) == value}
    hidden = SENSITIVE_FIELDS
    protected = ("password", "totp_enabled", "email_otp_enabled", "fido_enabled",
                 "preview_project_id", "preview_opened_at", "preview_open_until")

    def list(self, params, principal):
        """Non-admins filter only on the minimal view's columns (Zou's rule): any other
        filter would answer what that view hides (``?daily_salary=320``)."""
        if not principal.is_admin:
            for key in params:
                if ((key in self.columns or key in self.relations)
                        and key not in service.MINIMAL_FILTER_KEYS):
                    raise BadRequest(f"Filtering on {key} is not allowed.")
        return super().list(params, principal)

    def present(self, items, principal, many):
        role = principal.role if principal is not None else None
        return [service.present_person(item, role, many) for item in items]

    def create(self, data, principal):
        settings = self.dopesheet.plugin_settings("persons")
        password = data.pop("password", None)
        service.check_email_free(data.get("email"), data.get("is_bot", False))
        if not data.get("is_bot"):
            service.check_user_limit(settings["user_limit"])
        data.setdefault("timezone", settings["default_timezone"])
        data.setdefault("locale", settings["default_locale"])
        if data.get("country"):
            data["country"] = data["country"].upper()
        person = super().create(data, principal)
        if person.is_bot:
            person.access_token = self._access_token(person)
        if password is not None:
            stored = self.dopesheet.hooks.call("set_person_password", person=person,
                                               password=password, dopesheet=self.dopesheet)
            if not stored:
                raise BadRequest("No enabled plugin manages passwords.")
        return person

    def update(self, person, data, principal):
        if not principal.is_admin:
            for key in IGNORED_FOR_NON_ADMINS:
                data.pop(key, None)
        if "email" in data:
            service.check_email_free(data["email"], data.get("is_bot", person.is_bot),
                                     except_id=person.id)
        if data.get("country"):
            data["country"] = data["country"].upper()
        person = super().update(person, data, principal)
        if person.is_bot and "expiration_date" in data and not service.is_past(
                data["expiration_date"]):
            person.access_token = self._access_token(person)
        return person

    def _access_token(self, person):
        return self.dopesheet.hooks.call("person_access_token", person=person,
                                         dopesheet=self.dopesheet)

    def serialize(self, instance, relations, principal):
        """A bot's new API token is in the answer that made it, and never again."""
        item = super().serialize(instance, relations, principal)
        if getattr(instance, "access_token", None):
            item["access_token"] = instance.access_token
        return item


class DepartmentApi(ModelApi):
    model = Department
    plural = "departments"
    base = ColoredBase


class StudioApi(ModelApi):
    model = Studio
    plural = "studios"
    base = ColoredBase


class OrganisationApi(ModelApi):
    model = Organisation
    plural = "organisations"
    base = OrganisationBase

    def list(self, params, principal):
        if not principal.is_admin:
            for key in Organisation.CHAT_SECRETS:
                if key in params:
                    raise BadRequest(f"Filtering on {key} is not allowed.")
        return super().list(params, principal)

    def present(self, items, principal, many):
        return [organisation_view(item, principal.is_admin) for item in items]


APIS = (PersonApi, DepartmentApi, StudioApi, OrganisationApi)
