"""The ``[plugins.files]`` settings section."""

from marshmallow import fields, validate

from framework import SettingsSchema

SECTION = "files"


class FilesSettings(SettingsSchema):
    root = fields.String(load_default="data/files", validate=validate.Length(min=1))
    max_upload_bytes = fields.Integer(load_default=100 * 1024 * 1024,
                                      validate=validate.Range(min=1))
    cache_max_age = fields.Integer(load_default=604800, validate=validate.Range(min=0))


def settings_of(dopesheet):
    return dopesheet.plugin_settings(SECTION)
