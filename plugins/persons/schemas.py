"""Input validation beyond what the models say: e-mail, enumerations, time zones."""

import zoneinfo

from marshmallow import ValidationError, fields, validate, validates

from framework import BaseSchema

from .models import (CONTRACT_TYPES, DATE_FORMATS, POSITIONS, ROLES, SENIORITIES,
                     TWO_FACTOR_METHODS)

COLOR = validate.Regexp(r"^(#[0-9A-Fa-f]{3}([0-9A-Fa-f]{3})?)?$",
                        error="Expected a color like #RRGGBB, or an empty string.")
"""Zou stores any short string; gazu's ``new_department`` sends ``""`` when given no color."""


class LowerCaseEmail(fields.Email):
    """Answers show the address as stored: in lower case (``models.EmailField``)."""

    def _deserialize(self, value, attr, data, **kwargs):
        return super()._deserialize(value, attr, data, **kwargs).lower()


class PersonBase(BaseSchema):
    first_name = fields.String(required=True, validate=validate.Length(min=1, max=80))
    last_name = fields.String(load_default="", validate=validate.Length(max=80))
    email = LowerCaseEmail(allow_none=True, validate=validate.Length(max=255))
    role = fields.String(validate=validate.OneOf(ROLES))
    contract_type = fields.String(validate=validate.OneOf(CONTRACT_TYPES))
    position = fields.String(allow_none=True, validate=validate.OneOf(POSITIONS))
    seniority = fields.String(allow_none=True, validate=validate.OneOf(SENIORITIES))
    display_date_format = fields.String(allow_none=True, validate=validate.OneOf(DATE_FORMATS))
    preferred_two_factor_authentication = fields.String(
        allow_none=True, validate=validate.OneOf(TWO_FACTOR_METHODS))
    country = fields.String(allow_none=True, validate=validate.Length(equal=2))
    timezone = fields.String(allow_none=True, validate=validate.Length(max=50))
    locale = fields.String(allow_none=True, validate=validate.Regexp(
        r"^[a-z]{2,3}(_[A-Z]{2})?$", error="Expected a locale like en_US."))
    password = fields.String(load_only=True, allow_none=True, metadata={
        "description": "initial password; its length rules belong to the plugin that stores it"})

    @validates("timezone")
    def check_timezone(self, value, **kwargs):
        if value and value not in zoneinfo.available_timezones():
            raise ValidationError(f"Unknown time zone: {value}.")


class ColoredBase(BaseSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=80))
    color = fields.String(required=True, validate=COLOR)


class OrganisationBase(BaseSchema):
    name = fields.String(required=True, validate=validate.Length(min=1, max=80))
    hours_by_day = fields.Float(validate=validate.Range(min=0, max=24))
