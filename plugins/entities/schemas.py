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


def int_field(**kwargs):
    return fields.Integer(error_messages=INT, strict=False, **kwargs)


def str_field(**kwargs):
    return fields.String(error_messages=STR, **kwargs)


def bool_field(**kwargs):
    return fields.Boolean(error_messages=BOOL, **kwargs)


def id_field(**kwargs):
    return fields.UUID(error_messages=UUID, **kwargs)


def dict_field(**kwargs):
    return fields.Dict(error_messages=DICT, **kwargs)


def ids_field(**kwargs):
    return fields.List(fields.String(error_messages=STR), error_messages=LIST, **kwargs)


class Body(BaseSchema):
    class Meta:
        unknown = EXCLUDE


# -- creation of entities ------------------------------------------------------------------

class AssetBody(Body):
    name = str_field(required=True, validate=NAME)
    description = str_field(load_default="", allow_none=True)
    data = dict_field(load_default=dict, allow_none=True)
    is_shared = bool_field(load_default=False)
    episode_id = id_field(load_default=None, allow_none=True)


class EpisodeBody(Body):
    name = str_field(required=True, validate=NAME)
    status = str_field(load_default="running", allow_none=True)
    description = str_field(load_default="", allow_none=True)
    data = dict_field(load_default=dict, allow_none=True)


class SequenceBody(Body):
    name = str_field(required=True, validate=NAME)
    episode_id = id_field(load_default=None, allow_none=True)
    description = str_field(load_default="", allow_none=True)
    data = dict_field(load_default=dict, allow_none=True)


class ShotBody(Body):
    name = str_field(required=True, validate=NAME)
    sequence_id = id_field(load_default=None, allow_none=True)
    data = dict_field(load_default=dict, allow_none=True)
    nb_frames = int_field(load_default=None, allow_none=True)
    description = str_field(load_default=None, allow_none=True)


class SceneBody(Body):
    name = str_field(required=True, validate=NAME)
    sequence_id = id_field(load_default=None, allow_none=True)


class EditBody(Body):
    name = str_field(required=True, validate=NAME)
    description = str_field(load_default="", allow_none=True)
    data = dict_field(load_default=dict, allow_none=True)
    episode_id = id_field(load_default=None, allow_none=True)


class ConceptBody(Body):
    name = str_field(required=True, validate=NAME)
    data = dict_field(load_default=dict, allow_none=True)
    description = str_field(load_default=None, allow_none=True)
    entity_concept_links = ids_field(load_default=list)
    parent_id = id_field(load_default=None, allow_none=True)


class ShareBody(Body):
    is_shared = bool_field(load_default=True)
    asset_ids = ids_field(load_default=list)


class ShotUpdateBody(Body):
    """``PUT /data/shots/{id}``: the fields Zou lets through."""

    name = str_field(validate=NAME)
    description = str_field(allow_none=True)
    nb_frames = int_field(allow_none=True)
    data = dict_field(allow_none=True)
    parent_id = id_field(allow_none=True)
    canceled = bool_field()


# -- projects ------------------------------------------------------------------------------

class TeamBody(Body):
    person_id = id_field(required=True)
    role = str_field(load_default=None, allow_none=True, validate=validate.OneOf(
        [role for role in ROLES if role != "admin"],
        error="Input should be 'user', 'supervisor', 'manager', 'client' or 'vendor'"))


class TeamRoleBody(Body):
    role = TeamBody._declared_fields["role"]


class TaskTypeSettingBody(Body):
    task_type_id = id_field(required=True)
    priority = int_field(load_default=None, allow_none=True)
    hd_bitrate_compression = int_field(load_default=None, allow_none=True)
    ld_bitrate_compression = int_field(load_default=None, allow_none=True)
    is_client_visible = bool_field(load_default=True)


class SettingsBatchBody(Body):
    task_types = fields.List(fields.Nested(TaskTypeSettingBody), load_default=list,
                             error_messages=LIST)
    task_status_ids = ids_field(load_default=list)
    asset_type_ids = ids_field(load_default=list)
    replace_task_types = bool_field(load_default=False)


class TaskStatusSettingBody(Body):
    task_status_id = id_field(required=True)


class TaskStatusOverrideBody(Body):
    is_client_allowed = bool_field(required=True, allow_none=True)


class AssetTypeSettingBody(Body):
    asset_type_id = id_field(required=True)


class AutomationSettingBody(Body):
    status_automation_id = id_field(required=True)


class DescriptorBody(Body):
    entity_type = str_field(load_default="Asset")
    task_type_id = id_field(load_default=None, allow_none=True)
    name = str_field(required=True, validate=NAME)
    data_type = str_field(load_default="string")
    for_client = bool_field(load_default=False)
    choices = fields.List(fields.Raw(), load_default=list, error_messages=LIST)
    departments = ids_field(load_default=list)


class DescriptorUpdateBody(Body):
    """Zou resets the fields a PUT leaves out to their defaults (but the name)."""

    name = str_field(validate=NAME)
    for_client = bool_field(load_default=False)
    data_type = str_field(load_default="string")
    choices = fields.List(fields.Raw(), load_default=list, error_messages=LIST)
    departments = ids_field(load_default=list)


class DescriptorOrderBody(Body):
    entity_type = str_field(required=True)
    descriptor_ids = ids_field(required=True)


# -- breakdown ------------------------------------------------------------------------------

class CastingItem(Body):
    asset_id = id_field(required=True)
    nb_occurences = int_field(load_default=None)
    label = str_field(load_default="", allow_none=True)


class CastAssetBody(Body):
    entity_ids = ids_field(required=True)
    nb_occurences = int_field(load_default=None, allow_none=True)
    label = str_field(load_default=None, allow_none=True)


class SceneInstanceBody(Body):
    asset_id = id_field(required=True)
    description = str_field(load_default=None, allow_none=True)


class AssetInstanceBody(Body):
    asset_to_instantiate_id = id_field(required=True)
    description = str_field(load_default=None, allow_none=True)


class ShotInstanceBody(Body):
    asset_instance_id = id_field(required=True)


class SceneShotBody(Body):
    shot_id = id_field(required=True)


# -- templates ------------------------------------------------------------------------------

class TemplateFromProjectBody(Body):
    name = str_field(required=True, validate=NAME)
    description = str_field(load_default=None, allow_none=True)


class TemplateTaskStatusBody(Body):
    task_status_id = id_field(required=True)
    priority = int_field(load_default=None, allow_none=True)
    roles_for_board = fields.List(fields.String(), load_default=None, allow_none=True)
    is_client_allowed = bool_field(load_default=None, allow_none=True)


class TemplateOrderBody(Body):
    task_type_ids = ids_field(load_default=list)
    task_status_ids = ids_field(load_default=list)


class TemplateDescriptorsBody(Body):
    metadata_descriptors = fields.List(fields.Dict(), load_default=list, error_messages=LIST)


class TemplateBackgroundBody(Body):
    default_preview_background_file_id = id_field(load_default=None, allow_none=True)


class TemplatePreviewBackgroundBody(Body):
    preview_background_file_id = id_field(required=True)

