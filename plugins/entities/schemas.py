"""Bodies of the typed and action routes, with Zou's rules: unknown keys are ignored (Zou's
pydantic schemas), a missing body is ``{}``, and the messages are pydantic's wording."""

from marshmallow import EXCLUDE, fields, validate

from framework import BaseSchema

from .models import ROLES

INT = {"invalid": "Input should be a valid integer, unable to parse string as an integer"}
STR = {"invalid": "Input should be a valid string"}
BOOL = {"invalid": "Input should be a valid boolean"}
UUID = {"invalid_uuid": "Input should be a valid UUID", "invalid": "Input should be a valid UUID"}
DICT = {"invalid": "Input should be a valid dictionary"}
LIST = {"invalid": "Input should be a valid list"}
NAME = validate.Length(min=1, error="String should have at least 1 character")


def Int(**kwargs):  # noqa: N802 - field factories read like field classes
    return fields.Integer(error_messages=INT, strict=False, **kwargs)


def Str(**kwargs):  # noqa: N802
    return fields.String(error_messages=STR, **kwargs)


def Bool(**kwargs):  # noqa: N802
    return fields.Boolean(error_messages=BOOL, **kwargs)


def Id(**kwargs):  # noqa: N802
    return fields.UUID(error_messages=UUID, **kwargs)


def Data(**kwargs):  # noqa: N802
    return fields.Dict(error_messages=DICT, **kwargs)


def Ids(**kwargs):  # noqa: N802
    return fields.List(fields.String(error_messages=STR), error_messages=LIST, **kwargs)


class Body(BaseSchema):
    class Meta:
        unknown = EXCLUDE


# -- creation of entities ------------------------------------------------------------------

class AssetBody(Body):
    name = Str(required=True, validate=NAME)
    description = Str(load_default="", allow_none=True)
    data = Data(load_default=dict, allow_none=True)
    is_shared = Bool(load_default=False)
    episode_id = Id(load_default=None, allow_none=True)


class EpisodeBody(Body):
    name = Str(required=True, validate=NAME)
    status = Str(load_default="running", allow_none=True)
    description = Str(load_default="", allow_none=True)
    data = Data(load_default=dict, allow_none=True)


class SequenceBody(Body):
    name = Str(required=True, validate=NAME)
    episode_id = Id(load_default=None, allow_none=True)
    description = Str(load_default="", allow_none=True)
    data = Data(load_default=dict, allow_none=True)


class ShotBody(Body):
    name = Str(required=True, validate=NAME)
    sequence_id = Id(load_default=None, allow_none=True)
    data = Data(load_default=dict, allow_none=True)
    nb_frames = Int(load_default=None, allow_none=True)
    description = Str(load_default=None, allow_none=True)


class SceneBody(Body):
    name = Str(required=True, validate=NAME)
    sequence_id = Id(load_default=None, allow_none=True)


class EditBody(Body):
    name = Str(required=True, validate=NAME)
    description = Str(load_default="", allow_none=True)
    data = Data(load_default=dict, allow_none=True)
    episode_id = Id(load_default=None, allow_none=True)


class ConceptBody(Body):
    name = Str(required=True, validate=NAME)
    data = Data(load_default=dict, allow_none=True)
    description = Str(load_default=None, allow_none=True)
    entity_concept_links = Ids(load_default=list)
    parent_id = Id(load_default=None, allow_none=True)


class ShotUpdateBody(Body):
    """``PUT /data/shots/{id}``: the fields Zou lets through."""

    name = Str(validate=NAME)
    description = Str(allow_none=True)
    nb_frames = Int(allow_none=True)
    data = Data(allow_none=True)
    parent_id = Id(allow_none=True)
    canceled = Bool()


# -- projects ------------------------------------------------------------------------------

class TeamBody(Body):
    person_id = Id(required=True)
    role = Str(load_default=None, allow_none=True, validate=validate.OneOf(
        [role for role in ROLES if role != "admin"],
        error="Input should be 'user', 'supervisor', 'manager', 'client' or 'vendor'"))


class TeamRoleBody(Body):
    role = TeamBody._declared_fields["role"]


class TaskTypeSettingBody(Body):
    task_type_id = Id(required=True)
    priority = Int(load_default=None, allow_none=True)
    hd_bitrate_compression = Int(load_default=None, allow_none=True)
    ld_bitrate_compression = Int(load_default=None, allow_none=True)
    is_client_visible = Bool(load_default=True)


class SettingsBatchBody(Body):
    task_types = fields.List(fields.Nested(TaskTypeSettingBody), load_default=list,
                             error_messages=LIST)
    task_status_ids = Ids(load_default=list)
    asset_type_ids = Ids(load_default=list)
    replace_task_types = Bool(load_default=False)


class TaskStatusSettingBody(Body):
    task_status_id = Id(required=True)


class TaskStatusOverrideBody(Body):
    is_client_allowed = Bool(required=True, allow_none=True)


class AssetTypeSettingBody(Body):
    asset_type_id = Id(required=True)


class AutomationSettingBody(Body):
    status_automation_id = Id(required=True)


class DescriptorBody(Body):
    entity_type = Str(load_default="Asset")
    task_type_id = Id(load_default=None, allow_none=True)
    name = Str(required=True, validate=NAME)
    data_type = Str(load_default="string")
    for_client = Bool(load_default=False)
    choices = fields.List(fields.Raw(), load_default=list, error_messages=LIST)
    departments = Ids(load_default=list)


class DescriptorUpdateBody(Body):
    """Zou resets the fields a PUT leaves out to their defaults (but the name)."""

    name = Str(validate=NAME)
    for_client = Bool(load_default=False)
    data_type = Str(load_default="string")
    choices = fields.List(fields.Raw(), load_default=list, error_messages=LIST)
    departments = Ids(load_default=list)


class DescriptorOrderBody(Body):
    entity_type = Str(required=True)
    descriptor_ids = Ids(required=True)


# -- breakdown ------------------------------------------------------------------------------

class CastingItem(Body):
    asset_id = Id(required=True)
    nb_occurences = Int(load_default=None)
    label = Str(load_default="", allow_none=True)


class CastAssetBody(Body):
    entity_ids = Ids(required=True)
    nb_occurences = Int(load_default=None, allow_none=True)
    label = Str(load_default=None, allow_none=True)


class SceneInstanceBody(Body):
    asset_id = Id(required=True)
    description = Str(load_default=None, allow_none=True)


class AssetInstanceBody(Body):
    asset_to_instantiate_id = Id(required=True)
    description = Str(load_default=None, allow_none=True)


class ShotInstanceBody(Body):
    asset_instance_id = Id(required=True)


class SceneShotBody(Body):
    shot_id = Id(required=True)


# -- templates ------------------------------------------------------------------------------

class TemplateFromProjectBody(Body):
    name = Str(required=True, validate=NAME)
    description = Str(load_default=None, allow_none=True)


class TemplateTaskStatusBody(Body):
    task_status_id = Id(required=True)
    priority = Int(load_default=None, allow_none=True)
    roles_for_board = fields.List(fields.String(), load_default=None, allow_none=True)
    is_client_allowed = Bool(load_default=None, allow_none=True)


class TemplateOrderBody(Body):
    task_type_ids = Ids(load_default=list)
    task_status_ids = Ids(load_default=list)


class TemplateDescriptorsBody(Body):
    metadata_descriptors = fields.List(fields.Dict(), load_default=list, error_messages=LIST)


class TemplateBackgroundBody(Body):
    default_preview_background_file_id = Id(load_default=None, allow_none=True)


class TemplatePreviewBackgroundBody(Body):
    preview_background_file_id = Id(required=True)

