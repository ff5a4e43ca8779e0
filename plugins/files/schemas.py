"""Request bodies of the plugin's routes, with Zou's defaults. Unknown keys are ignored, as
Zou's request schemas do (gazu sends a few extra ones)."""

from marshmallow import EXCLUDE, Schema, fields, validate

NOT_EMPTY = validate.Length(min=1, error="String should have at least 1 character")


class Body(Schema):
    class Meta:
        unknown = EXCLUDE


class NewWorkingFileBody(Body):
    name = fields.String(required=True, validate=NOT_EMPTY)
    description = fields.String(load_default="")
    mode = fields.String(load_default="working")
    comment = fields.String(load_default="")
    person_id = fields.UUID(load_default=None, allow_none=True)
    software_id = fields.UUID(load_default=None, allow_none=True)
    revision = fields.Integer(load_default=0)
    sep = fields.String(load_default="/")
    path = fields.String(load_default=None, allow_none=True, metadata={
        "description": "the file's path when no file-tree plugin builds it"})


class WorkingFileCommentBody(Body):
    comment = fields.String(required=True, validate=NOT_EMPTY)


class NextRevisionBody(Body):
    name = fields.String(load_default="main")
    output_type_id = fields.String(required=True, validate=NOT_EMPTY)
    task_type_id = fields.String(required=True, validate=NOT_EMPTY)


class NewOutputFileBody(NextRevisionBody):
    mode = fields.String(load_default="output")
    person_id = fields.String(load_default=None, allow_none=True)
    working_file_id = fields.String(load_default=None, allow_none=True)
    comment = fields.String(load_default="")
    revision = fields.Integer(load_default=0)
    extension = fields.String(load_default="")
    representation = fields.String(load_default="")
    nb_elements = fields.Integer(load_default=1)
    sep = fields.String(load_default="/")
    file_status_id = fields.String(load_default=None, allow_none=True)
    path = fields.String(load_default=None, allow_none=True, metadata={
        "description": "the file's path when no file-tree plugin builds it"})


class AddPreviewBody(Body):
    revision = fields.Integer(load_default=None, allow_none=True)


class PositionBody(Body):
    position = fields.Integer(load_default=0, validate=validate.Range(min=0))


class MainPreviewBody(Body):
    frame_number = fields.Integer(load_default=None, allow_none=True)


class AnnotationsBody(Body):
    additions = fields.List(fields.Dict(), load_default=list)
    updates = fields.List(fields.Dict(), load_default=list)
    deletions = fields.List(fields.Dict(), load_default=list)


class BackgroundLinkBody(Body):
    preview_background_file_id = fields.UUID(required=True)
