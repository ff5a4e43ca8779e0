"""Zou's person, department, studio and organisation tables (credentials live elsewhere:
the ``auth`` plugin keeps passwords and second-factor secrets in its own tables)."""

import peewee

from framework import BaseModel, JSONField, LinkModel, UUIDField, fk
from framework.prepared import Prepared
from framework.serialize import Serializer, joined_ids, split_ids

ROLES = ("user", "admin", "supervisor", "manager", "client", "vendor")
CONTRACT_TYPES = ("open-ended", "fixed-term", "short-term", "freelance", "apprentice",
                  "internship")
POSITIONS = ("supervisor", "lead", "artist")
SENIORITIES = ("senior", "mid", "junior")
TWO_FACTOR_METHODS = ("totp", "email_otp", "fido")
DATE_FORMATS = ("YYYY-MM-DD", "DD/MM/YYYY", "MM/DD/YYYY")
SENSITIVE_FIELDS = ("password", "totp_secret", "email_otp_secret", "otp_recovery_codes",
                    "fido_credentials", "fido_devices", "jti", "login_failed_attemps",
                    "last_login_failed", "oidc_issuer", "oidc_subject", "saml_issuer",
                    "saml_subject")
"""Zou's person columns that are never sent nor filtered on (here they live in ``auth``)."""
DEFAULT_DEPARTMENTS = (("Modeling", "#78909C"), ("Animation", "#009688"), ("FX", "#26C6DA"),
                       ("Compositing", "#F06292"), ("Concept", "#8D6E63"),
                       ("Layout", "#7CB342"))


class EmailField(peewee.CharField):
    """Stored and compared in lower case, as Zou's ``EmailType``: an e-mail filter or
    lookup matches whatever the case it is written in."""

    def db_value(self, value):
        value = super().db_value(value)
        return value.lower() if isinstance(value, str) else value


class Studio(BaseModel):
    name = peewee.CharField(max_length=80, unique=True)
    color = peewee.CharField(max_length=7)
    archived = peewee.BooleanField(default=False, null=True)


class Department(BaseModel):
    name = peewee.CharField(max_length=80, unique=True)
    color = peewee.CharField(max_length=7)
    archived = peewee.BooleanField(default=False, null=True)


DepartmentLinkThrough = peewee.DeferredThroughModel()


class Person(BaseModel):
    first_name = peewee.CharField(max_length=80)
    last_name = peewee.CharField(max_length=80)
    email = EmailField(max_length=255, null=True)
    phone = peewee.CharField(max_length=30, null=True)
    country = peewee.CharField(max_length=2, null=True)
    contract_type = peewee.CharField(max_length=20, default="open-ended")
    active = peewee.BooleanField(default=True, null=True)
    archived = peewee.BooleanField(default=False, null=True)
    last_presence = peewee.DateField(null=True)
    desktop_login = peewee.CharField(max_length=80, null=True)
    totp_enabled = peewee.BooleanField(default=False, null=True)
    email_otp_enabled = peewee.BooleanField(default=False, null=True)
    fido_enabled = peewee.BooleanField(default=False, null=True)
    preferred_two_factor_authentication = peewee.CharField(max_length=10, null=True)
    shotgun_id = peewee.IntegerField(null=True, unique=True)
    timezone = peewee.CharField(max_length=50, null=True, default="Europe/Paris")
    locale = peewee.CharField(max_length=10, null=True, default="en_US")
    use_12_hour_clock = peewee.BooleanField(default=False, null=True)
    display_date_format = peewee.CharField(max_length=20, default="YYYY-MM-DD", null=True)
    data = JSONField(null=True)
    role = peewee.CharField(max_length=30, default="user", index=True)
    position = peewee.CharField(max_length=30, default="artist", null=True)
    seniority = peewee.CharField(max_length=30, default="mid", null=True)
    daily_salary = peewee.IntegerField(default=0, null=True)
    has_avatar = peewee.BooleanField(default=False, null=True)
    notifications_enabled = peewee.BooleanField(default=False, null=True)
    notifications_slack_enabled = peewee.BooleanField(default=False, null=True)
    notifications_slack_userid = peewee.CharField(max_length=60, default="", null=True)
    notifications_mattermost_enabled = peewee.BooleanField(default=False, null=True)
    notifications_mattermost_userid = peewee.CharField(max_length=60, default="", null=True)
    notifications_discord_enabled = peewee.BooleanField(default=False, null=True)
    notifications_discord_userid = peewee.CharField(max_length=60, default="", null=True)
    is_bot = peewee.BooleanField(default=False)
    is_guest = peewee.BooleanField(default=False)
    preview_project_id = UUIDField(null=True, unique=True)
    preview_opened_at = peewee.DateTimeField(null=True)
    preview_open_until = peewee.DateTimeField(null=True)
    expiration_date = peewee.DateField(null=True)
    is_generated_from_ldap = peewee.BooleanField(default=False, null=True)
    ldap_uid = peewee.CharField(max_length=60, null=True, unique=True)
    departments = peewee.ManyToManyField(Department, backref="+",
                                         through_model=DepartmentLinkThrough)
    studio = peewee.ForeignKeyField(Studio, null=True, index=True, column_name="studio_id")

    @property
    def full_name(self):
        return full_name(self.first_name, self.last_name)


def full_name(first_name, last_name):
    return f"{first_name or ''} {last_name or ''}".strip()


class DepartmentLink(LinkModel):
    person = fk(Person, "person_id", on_delete="CASCADE")
    department = fk(Department, "department_id")

    class Meta:
        table_name = "department_link"
        primary_key = peewee.CompositeKey("person", "department")


DepartmentLinkThrough.set_model(DepartmentLink)
Person.add_index(Person.index(peewee.fn.LOWER(Person.email), unique=True,
                              where=peewee.SQL('NOT "is_bot"'),
                              name="person_unique_email"))


class Organisation(BaseModel):
    name = peewee.CharField(max_length=80, unique=True)
    hours_by_day = peewee.FloatField(default=8.0)
    has_avatar = peewee.BooleanField(default=False, null=True)
    use_original_file_name = peewee.BooleanField(default=False, null=True)
    timesheets_locked = peewee.BooleanField(default=False, null=True)
    format_duration_in_hours = peewee.BooleanField(default=False, null=True)
    hd_by_default = peewee.BooleanField(default=False, null=True)
    chat_token_slack = peewee.CharField(max_length=80, default="", null=True)
    chat_webhook_mattermost = peewee.CharField(max_length=80, default="", null=True)
    chat_token_discord = peewee.CharField(max_length=80, default="", null=True)
    dark_theme_by_default = peewee.BooleanField(default=False, null=True)

    CHAT_SECRETS = ("chat_token_slack", "chat_webhook_mattermost", "chat_token_discord")
    DEFAULT_NAME = "Kitsu"

    @classmethod
    def current(cls):
        """The organisation row, created on first use (Zou names it "Kitsu")."""
        found = next(_FIRST_ORGANISATION.rows(), None)
        if found is None:
            cls.insert(name=cls.DEFAULT_NAME).on_conflict_ignore().execute()
            found = next(_FIRST_ORGANISATION.rows())
        return found


_FIRST_ORGANISATION = Prepared(lambda: (
    Organisation.select().order_by(Organisation.created_at).limit(1)))
"""Every ``/auth/authenticated`` reads it: its SQL is built once."""


def _full_name_of(item):
    return full_name(item.get("first_name"), item.get("last_name"))


PERSON_COMPUTED = (("full_name", _full_name_of),)
_serializers = {}


def _serializer(model, **options):
    if model not in _serializers:
        _serializers[model] = Serializer(model, **options)
    return _serializers[model]


def person_dict(person):
    """Zou's ``serialize_safe`` of a person plus its department ids (login, authenticated);
    a row of ``person_with_departments`` brings them along."""
    item = _serializer(Person, computed=PERSON_COMPUTED).from_instance(person)
    known = getattr(person, "department_ids", None)
    item["departments"] = known if known is not None else department_ids(person.id)
    return item


def person_with_departments(person_id):
    """A person's row carrying ``department_ids``, read in one query (None when unknown)."""
    row = next(_PERSON_WITH_DEPARTMENTS.rows(person_id), None)
    if row is not None:
        row.department_ids = split_ids(row.department_list)
    return row


_PERSON_WITH_DEPARTMENTS = Prepared(lambda person_id: Person.select(
    Person, joined_ids(DepartmentLink.department, DepartmentLink.person, Person.id)
    .alias("department_list")).where(Person.id == person_id))


def department_ids(person_id):
    return [department_id for department_id, in _DEPARTMENT_IDS.rows(person_id)]


_DEPARTMENT_IDS = Prepared(lambda person_id: (
    DepartmentLink.select(DepartmentLink.department)
    .where(DepartmentLink.person == person_id).tuples()))


def organisation_view(item, is_admin):
    """Chat tokens are for admins only."""
    if is_admin:
        return item
    return {key: value for key, value in item.items() if key not in Organisation.CHAT_SECRETS}


def organisation_dict(organisation, is_admin):
    return organisation_view(_serializer(Organisation).from_instance(organisation), is_admin)


MODELS = (Studio, Department, Person, DepartmentLink, Organisation)
