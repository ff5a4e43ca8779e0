"""The ``[plugins.file_tree]`` settings section."""

import pathlib

from marshmallow import fields, validate

from framework import SettingsSchema

SECTION = "file_tree"
SHIPPED_FOLDER = pathlib.Path(__file__).resolve().parents[2] / "config" / "file_trees"


class FileTreeSettings(SettingsSchema):
    folder = fields.String(load_default=str(SHIPPED_FOLDER), validate=validate.Length(min=1))


def settings_of(dopesheet):
    return dopesheet.plugin_settings(SECTION)
