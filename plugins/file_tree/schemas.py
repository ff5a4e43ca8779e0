"""Request bodies of the plugin's routes, with Zou's defaults; unknown keys are ignored, as
Zou's request schemas do (gazu sends ``separator`` to the working route, which reads
``sep``)."""

from marshmallow import EXCLUDE, Schema, fields, validate

NOT_EMPTY = validate.Length(min=1, error="String should have at least 1 character")


class Body(Schema):
    class Meta:
        unknown = EXCLUDE


class SetFileTreeBody(Body):
    tree_name = fields.String(required=True)


class WorkingFilePathBody(Body):
    name = fields.String(load_default="main")
    mode = fields.String(load_default="working")
    software_id = fields.String(load_default=None, allow_none=True)
    comment = fields.String(load_default="")
    revision = fields.Integer(load_default=0)
    sep = fields.String(load_default="/")


class OutputFilePathBody(Body):
    name = fields.String(load_default="main")
    mode = fields.String(load_default="output")
    output_type_id = fields.String(required=True, validate=NOT_EMPTY)
    task_type_id = fields.String(required=True, validate=NOT_EMPTY)
    revision = fields.Integer(load_default=0)
    extension = fields.String(load_default="")
    representation = fields.String(load_default="")
    separator = fields.String(load_default="/")


class GuessFromPathBody(Body):
    project_id = fields.String(required=True, validate=NOT_EMPTY)
    file_path = fields.String(required=True, validate=NOT_EMPTY)
    sep = fields.String(load_default="/")
