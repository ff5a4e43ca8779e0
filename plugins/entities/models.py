"""Zou's tables for what a production is made of, with Zou's table and column names.

Settings shared by every project (project statuses, task types, task statuses, status
automations, entity types), projects with their settings links and team, metadata
descriptors, project templates, and the one ``entity`` table holding assets, shots,
sequences, episodes, edits, scenes and concepts (told apart by ``entity_type_id``), with
casting links (``entity_link``) and asset instances.

Columns pointing at tables of later plugins (preview files, preview backgrounds, schedule
versions) are plain indexed UUIDs: those plugins require this one, never the reverse.
Many-to-many fields use ``backref="+"`` so the target models keep their own relations.
"""

import peewee

from framework import BaseModel, JSONField, LinkModel, UUIDField, fk
from plugins.persons.models import Department, Person

ROLES = ("user", "admin", "supervisor", "manager", "client", "vendor")
BOARD_ROLES = ["user", "admin", "supervisor", "manager", "vendor"]
PRODUCTION_STYLES = ("2d", "2dpaper", "3d", "2d3d", "ar", "vfx", "stop-motion",
                     "motion-design", "archviz", "commercial", "catalog", "immersive", "nft",
                     "video-game", "vr")
ENTITY_STATUSES = ("standby", "running", "complete", "canceled")
DESCRIPTOR_DATA_TYPES = ("string", "number", "list", "taglist", "boolean", "checklist", "date",
                         "url", "textarea", "person")
OUT_FIELD_TYPES = ("status", "ready_for")


# -- studio-wide settings --------------------------------------------------------------------

class ProjectStatus(BaseModel):
    name = peewee.CharField(max_length=20, unique=True)
    color = peewee.CharField(max_length=7)


class TaskType(BaseModel):
    name = peewee.CharField(max_length=40)
    short_name = peewee.CharField(max_length=20, null=True)
    description = peewee.TextField(null=True)
    color = peewee.CharField(max_length=7, null=True, default="#FFFFFF")
    priority = peewee.IntegerField(null=True, default=1)
    for_entity = peewee.CharField(max_length=30, null=True, default="Asset")
    allow_timelog = peewee.BooleanField(null=True, default=True)
    archived = peewee.BooleanField(null=True, default=False)
    shotgun_id = peewee.IntegerField(null=True, index=True)
    department = fk(Department, "department_id", null=True)

    class Meta:
        indexes = ((("name", "for_entity", "department"), True),)


class TaskStatus(BaseModel):
    name = peewee.CharField(max_length=40)
    archived = peewee.BooleanField(null=True, default=False)
    short_name = peewee.CharField(max_length=10, unique=True)
    description = peewee.TextField(null=True)
    color = peewee.CharField(max_length=7)
    priority = peewee.IntegerField(null=True, default=1)
    is_done = peewee.BooleanField(null=True, default=False, index=True)
    is_artist_allowed = peewee.BooleanField(null=True, default=True)
    is_client_allowed = peewee.BooleanField(null=True, default=True)
    is_retake = peewee.BooleanField(null=True, default=False)
    is_feedback_request = peewee.BooleanField(null=True, default=False, index=True)
    is_default = peewee.BooleanField(null=True, default=False, index=True)
    is_wip = peewee.BooleanField(null=True, default=False, index=True)
    shotgun_id = peewee.IntegerField(null=True)
    for_concept = peewee.BooleanField(null=True, default=False)


class StatusAutomation(BaseModel):
    entity_type = peewee.CharField(max_length=40, null=True, default="asset")
    in_task_type = fk(TaskType, "in_task_type_id", null=True)
    in_task_status = fk(TaskStatus, "in_task_status_id", null=True)
    out_field_type = peewee.CharField(max_length=20, default="status")
    out_task_type = fk(TaskType, "out_task_type_id", null=True)
    out_task_status = fk(TaskStatus, "out_task_status_id", null=True)
    import_last_revision = peewee.BooleanField(null=True, default=False)
    archived = peewee.BooleanField(null=True, default=False)


TaskTypeAssetTypeThrough = peewee.DeferredThroughModel()


class EntityType(BaseModel):
    name = peewee.CharField(max_length=30, unique=True)
    short_name = peewee.CharField(max_length=20, null=True)
    description = peewee.TextField(null=True)
    task_types = peewee.ManyToManyField(TaskType, backref="+",
                                        through_model=TaskTypeAssetTypeThrough)
    archived = peewee.BooleanField(null=True, default=False)


class TaskTypeAssetTypeLink(LinkModel):
    asset_type = fk(EntityType, "asset_type_id", on_delete="CASCADE")
    task_type = fk(TaskType, "task_type_id", on_delete="CASCADE")

    class Meta:
        table_name = "task_type_asset_type_link"
        primary_key = peewee.CompositeKey("asset_type", "task_type")


TaskTypeAssetTypeThrough.set_model(TaskTypeAssetTypeLink)


# -- projects --------------------------------------------------------------------------------

TeamThrough = peewee.DeferredThroughModel()
ProjectAssetTypeThrough = peewee.DeferredThroughModel()
ProjectTaskStatusThrough = peewee.DeferredThroughModel()
ProjectTaskTypeThrough = peewee.DeferredThroughModel()
ProjectAutomationThrough = peewee.DeferredThroughModel()


class Project(BaseModel):
    name = peewee.CharField(max_length=80, unique=True)
    code = peewee.CharField(max_length=80, null=True)
    description = peewee.TextField(null=True)
    shotgun_id = peewee.IntegerField(null=True)
    file_tree = JSONField(null=True)
    data = JSONField(null=True)
    has_avatar = peewee.BooleanField(null=True, default=False)
    fps = peewee.CharField(max_length=10, null=True, default="25")
    ratio = peewee.CharField(max_length=10, null=True, default="16:9")
    resolution = peewee.CharField(max_length=12, null=True, default="1920x1080")
    production_type = peewee.CharField(max_length=20, null=True, default="short")
    production_style = peewee.CharField(max_length=20, default="2d3d")
    start_date = peewee.DateField(null=True)
    end_date = peewee.DateField(null=True)
    man_days = peewee.IntegerField(null=True)
    nb_episodes = peewee.IntegerField(null=True, default=0)
    episode_span = peewee.IntegerField(null=True, default=0)
    max_retakes = peewee.IntegerField(null=True, default=0)
    is_clients_isolated = peewee.BooleanField(null=True, default=False)
    is_client_stats_visible = peewee.BooleanField(null=True, default=True)
    is_client_task_list_visible = peewee.BooleanField(null=True, default=True)
    is_client_task_panel_visible = peewee.BooleanField(null=True, default=True)
    is_preview_download_allowed = peewee.BooleanField(null=True, default=False)
    is_set_preview_automated = peewee.BooleanField(null=True, default=False)
    homepage = peewee.CharField(max_length=80, null=True, default="assets")
    is_publish_default_for_artists = peewee.BooleanField(null=True, default=False)
    is_bot_collaboration_enabled = peewee.BooleanField(null=True, default=False)
    is_single_preview_per_revision = peewee.BooleanField(null=True, default=False)
    is_frame_in_numbering = peewee.BooleanField(null=True, default=False)
    revision_padding = peewee.IntegerField(default=0)
    hd_bitrate_compression = peewee.IntegerField(null=True)
    ld_bitrate_compression = peewee.IntegerField(null=True)
    project_status = fk(ProjectStatus, "project_status_id", null=True)
    default_preview_background_file_id = UUIDField(null=True, index=True)
    from_schedule_version_id = UUIDField(null=True, index=True)
    team = peewee.ManyToManyField(Person, backref="+", through_model=TeamThrough)
    asset_types = peewee.ManyToManyField(EntityType, backref="+",
                                         through_model=ProjectAssetTypeThrough)
    task_statuses = peewee.ManyToManyField(TaskStatus, backref="+",
                                           through_model=ProjectTaskStatusThrough)
    task_types = peewee.ManyToManyField(TaskType, backref="+",
                                        through_model=ProjectTaskTypeThrough)
    status_automations = peewee.ManyToManyField(StatusAutomation, backref="+",
                                                through_model=ProjectAutomationThrough)


class ProjectPersonLink(LinkModel):
    project = fk(Project, "project_id", on_delete="CASCADE")
    person = fk(Person, "person_id", on_delete="CASCADE")
    shotgun_id = peewee.IntegerField(null=True)
    role = peewee.CharField(max_length=30, null=True)

    class Meta:
        table_name = "project_person_link"
        primary_key = peewee.CompositeKey("project", "person")


class ProjectAssetTypeLink(LinkModel):
    project = fk(Project, "project_id", on_delete="CASCADE")
    asset_type = fk(EntityType, "asset_type_id", on_delete="CASCADE")

    class Meta:
        table_name = "project_asset_type_link"
        primary_key = peewee.CompositeKey("project", "asset_type")


class ProjectTaskTypeLink(BaseModel):
    project = fk(Project, "project_id", on_delete="CASCADE")
    task_type = fk(TaskType, "task_type_id", on_delete="CASCADE")
    priority = peewee.IntegerField(null=True)
    hd_bitrate_compression = peewee.IntegerField(null=True)
    ld_bitrate_compression = peewee.IntegerField(null=True)
    is_client_visible = peewee.BooleanField(null=True, default=True)

    class Meta:
        indexes = ((("project", "task_type"), True),)


class ProjectTaskStatusLink(BaseModel):
    project = fk(Project, "project_id", on_delete="CASCADE")
    task_status = fk(TaskStatus, "task_status_id", on_delete="CASCADE")
    priority = peewee.IntegerField(null=True)
    roles_for_board = JSONField(null=True, default=lambda: list(BOARD_ROLES))
    is_client_allowed = peewee.BooleanField(null=True)

    class Meta:
        indexes = ((("project", "task_status"), True),)


class ProjectStatusAutomationLink(LinkModel):
    project = fk(Project, "project_id", on_delete="CASCADE")
    status_automation = fk(StatusAutomation, "status_automation_id", on_delete="CASCADE")

    class Meta:
        table_name = "project_status_automation_link"
        primary_key = peewee.CompositeKey("project", "status_automation")


class ProjectPreviewBackgroundFileLink(LinkModel):
    """Held here because ``project.preview_background_files`` is part of a project's
    answer; the plugin owning preview backgrounds fills it."""

    project = fk(Project, "project_id", on_delete="CASCADE")
    preview_background_file_id = UUIDField(index=True)

    class Meta:
        table_name = "project_preview_background_file_link"
        primary_key = peewee.CompositeKey("project", "preview_background_file_id")


TeamThrough.set_model(ProjectPersonLink)
ProjectAssetTypeThrough.set_model(ProjectAssetTypeLink)
ProjectTaskStatusThrough.set_model(ProjectTaskStatusLink)
ProjectTaskTypeThrough.set_model(ProjectTaskTypeLink)
ProjectAutomationThrough.set_model(ProjectStatusAutomationLink)

DescriptorDepartmentThrough = peewee.DeferredThroughModel()


class MetadataDescriptor(BaseModel):
    project = fk(Project, "project_id", on_delete="CASCADE")
    entity_type = peewee.CharField(max_length=60, index=True)
    task_type = fk(TaskType, "task_type_id", null=True)
    name = peewee.CharField(max_length=120)
    data_type = peewee.CharField(max_length=20, null=True)
    field_name = peewee.CharField(max_length=120)
    choices = JSONField(null=True)
    for_client = peewee.BooleanField(null=True, default=False, index=True)
    position = peewee.IntegerField(null=True)
    departments = peewee.ManyToManyField(Department, backref="+",
                                         through_model=DescriptorDepartmentThrough)

    class Meta:
        indexes = ((("project", "entity_type", "task_type", "name"), True),
                   (("project", "entity_type", "task_type", "field_name"), True))


class DepartmentMetadataDescriptorLink(LinkModel):
    metadata_descriptor = fk(MetadataDescriptor, "metadata_descriptor_id", on_delete="CASCADE")
    department = fk(Department, "department_id", on_delete="CASCADE")

    class Meta:
        table_name = "department_metadata_descriptor_link"
        primary_key = peewee.CompositeKey("metadata_descriptor", "department")


DescriptorDepartmentThrough.set_model(DepartmentMetadataDescriptorLink)


# -- project templates ----------------------------------------------------------------------

TemplateTaskTypeThrough = peewee.DeferredThroughModel()
TemplateTaskStatusThrough = peewee.DeferredThroughModel()
TemplateAssetTypeThrough = peewee.DeferredThroughModel()
TemplateAutomationThrough = peewee.DeferredThroughModel()


class ProjectTemplate(BaseModel):
    name = peewee.CharField(max_length=80, unique=True)
    description = peewee.TextField(null=True)
    fps = peewee.CharField(max_length=10, null=True, default="25")
    ratio = peewee.CharField(max_length=10, null=True, default="16:9")
    resolution = peewee.CharField(max_length=12, null=True, default="1920x1080")
    production_type = peewee.CharField(max_length=20, null=True, default="short")
    production_style = peewee.CharField(max_length=20, default="2d3d")
    max_retakes = peewee.IntegerField(null=True, default=0)
    is_clients_isolated = peewee.BooleanField(null=True, default=False)
    is_client_stats_visible = peewee.BooleanField(null=True, default=True)
    is_client_task_list_visible = peewee.BooleanField(null=True, default=True)
    is_client_task_panel_visible = peewee.BooleanField(null=True, default=True)
    is_preview_download_allowed = peewee.BooleanField(null=True, default=False)
    is_set_preview_automated = peewee.BooleanField(null=True, default=False)
    is_publish_default_for_artists = peewee.BooleanField(null=True, default=False)
    is_single_preview_per_revision = peewee.BooleanField(null=True, default=False)
    is_frame_in_numbering = peewee.BooleanField(null=True, default=False)
    revision_padding = peewee.IntegerField(default=0)
    homepage = peewee.CharField(max_length=80, null=True, default="assets")
    hd_bitrate_compression = peewee.IntegerField(null=True)
    ld_bitrate_compression = peewee.IntegerField(null=True)
    file_tree = JSONField(null=True)
    data = JSONField(null=True)
    metadata_descriptors = JSONField(null=True, default=list)
    default_preview_background_file_id = UUIDField(null=True, index=True)
    task_types = peewee.ManyToManyField(TaskType, backref="+",
                                        through_model=TemplateTaskTypeThrough)
    task_statuses = peewee.ManyToManyField(TaskStatus, backref="+",
                                           through_model=TemplateTaskStatusThrough)
    asset_types = peewee.ManyToManyField(EntityType, backref="+",
                                         through_model=TemplateAssetTypeThrough)
    status_automations = peewee.ManyToManyField(StatusAutomation, backref="+",
                                                through_model=TemplateAutomationThrough)


class ProjectTemplateTaskTypeLink(BaseModel):
    project_template = fk(ProjectTemplate, "project_template_id", on_delete="CASCADE")
    task_type = fk(TaskType, "task_type_id", on_delete="CASCADE")
    priority = peewee.IntegerField(null=True)
    hd_bitrate_compression = peewee.IntegerField(null=True)
    ld_bitrate_compression = peewee.IntegerField(null=True)
    is_client_visible = peewee.BooleanField(null=True, default=True)

    class Meta:
        indexes = ((("project_template", "task_type"), True),)


class ProjectTemplateTaskStatusLink(BaseModel):
    project_template = fk(ProjectTemplate, "project_template_id", on_delete="CASCADE")
    task_status = fk(TaskStatus, "task_status_id", on_delete="CASCADE")
    priority = peewee.IntegerField(null=True)
    roles_for_board = JSONField(null=True, default=lambda: list(BOARD_ROLES))
    is_client_allowed = peewee.BooleanField(null=True)

    class Meta:
        indexes = ((("project_template", "task_status"), True),)


class ProjectTemplateAssetTypeLink(LinkModel):
    project_template = fk(ProjectTemplate, "project_template_id", on_delete="CASCADE")
    asset_type = fk(EntityType, "asset_type_id", on_delete="CASCADE")

    class Meta:
        table_name = "project_template_asset_type_link"
        primary_key = peewee.CompositeKey("project_template", "asset_type")


class ProjectTemplateStatusAutomationLink(LinkModel):
    project_template = fk(ProjectTemplate, "project_template_id", on_delete="CASCADE")
    status_automation = fk(StatusAutomation, "status_automation_id", on_delete="CASCADE")

    class Meta:
        table_name = "project_template_status_automation_link"
        primary_key = peewee.CompositeKey("project_template", "status_automation")


class ProjectTemplatePreviewBackgroundFileLink(LinkModel):
    project_template = fk(ProjectTemplate, "project_template_id", on_delete="CASCADE")
    preview_background_file_id = UUIDField(index=True)

    class Meta:
        table_name = "project_template_preview_background_file_link"
        primary_key = peewee.CompositeKey("project_template", "preview_background_file_id")


TemplateTaskTypeThrough.set_model(ProjectTemplateTaskTypeLink)
TemplateTaskStatusThrough.set_model(ProjectTemplateTaskStatusLink)
TemplateAssetTypeThrough.set_model(ProjectTemplateAssetTypeLink)
TemplateAutomationThrough.set_model(ProjectTemplateStatusAutomationLink)


# -- entities and breakdown -----------------------------------------------------------------

class Entity(BaseModel):
    """Assets, shots, sequences, episodes, edits, scenes and concepts. Its relations
    (``entities_out``, ``entity_concept_links``, ``instance_casting``, ``entities_in``) are
    read by ``presenters`` because two of them go through one self-referencing table."""

    name = peewee.CharField(max_length=160)
    code = peewee.CharField(max_length=160, null=True)
    description = peewee.TextField(null=True)
    shotgun_id = peewee.IntegerField(null=True)
    canceled = peewee.BooleanField(null=True, default=False)
    nb_frames = peewee.IntegerField(null=True)
    nb_entities_out = peewee.IntegerField(null=True, default=0)
    is_casting_standby = peewee.BooleanField(null=True, default=False)
    is_shared = peewee.BooleanField(default=False)
    status = peewee.CharField(max_length=20, default="running", index=True)
    project = fk(Project, "project_id")
    entity_type = fk(EntityType, "entity_type_id")
    parent = fk("self", "parent_id", null=True)
    source = fk("self", "source_id", null=True)
    preview_file_id = UUIDField(null=True, index=True)
    data = JSONField(null=True)
    ready_for = fk(TaskType, "ready_for", null=True)
    created_by = fk(Person, "created_by", null=True)

    class Meta:
        indexes = ((("name", "project", "entity_type", "parent"), True),
                   (("project", "entity_type"), False))


class EntityLink(BaseModel):
    """Casting: ``entity_out`` (an asset) is cast in ``entity_in`` (a shot, a sequence, an
    episode or another asset)."""

    entity_in = fk(Entity, "entity_in_id")
    entity_out = fk(Entity, "entity_out_id")
    data = JSONField(null=True)
    nb_occurences = peewee.IntegerField(null=True, default=1)
    label = peewee.CharField(max_length=80, null=True, default="")

    class Meta:
        indexes = ((("entity_in", "entity_out"), True),)


class EntityConceptLink(BaseModel):
    entity_in = fk(Entity, "entity_in_id")
    entity_out = fk(Entity, "entity_out_id")

    class Meta:
        indexes = ((("entity_in", "entity_out"), True),)


InstanceShotsThrough = peewee.DeferredThroughModel()


class AssetInstance(BaseModel):
    asset = fk(Entity, "asset_id")
    name = peewee.CharField(max_length=80, null=True)
    number = peewee.IntegerField(null=True)
    description = peewee.CharField(max_length=200, null=True)
    active = peewee.BooleanField(null=True, default=True)
    data = JSONField(null=True)
    scene = fk(Entity, "scene_id", null=True)
    target_asset = fk(Entity, "target_asset_id", null=True)
    entity = fk(Entity, "entity_id", null=True)
    entity_type = fk(EntityType, "entity_type_id", null=True)
    shots = peewee.ManyToManyField(Entity, backref="+", through_model=InstanceShotsThrough)

    class Meta:
        indexes = ((("asset", "target_asset", "scene", "number"), True),)


class AssetInstanceLink(LinkModel):
    """An asset instance cast in a shot."""

    entity = fk(Entity, "entity_id")
    asset_instance = fk(AssetInstance, "asset_instance_id", on_delete="CASCADE")

    class Meta:
        table_name = "asset_instance_link"
        primary_key = peewee.CompositeKey("entity", "asset_instance")


InstanceShotsThrough.set_model(AssetInstanceLink)


MODELS = (
    ProjectStatus, TaskType, TaskStatus, StatusAutomation, EntityType, TaskTypeAssetTypeLink,
    Project, ProjectPersonLink, ProjectAssetTypeLink, ProjectTaskTypeLink,
    ProjectTaskStatusLink, ProjectStatusAutomationLink, ProjectPreviewBackgroundFileLink,
    MetadataDescriptor, DepartmentMetadataDescriptorLink,
    ProjectTemplate, ProjectTemplateTaskTypeLink, ProjectTemplateTaskStatusLink,
    ProjectTemplateAssetTypeLink, ProjectTemplateStatusAutomationLink,
    ProjectTemplatePreviewBackgroundFileLink,
    Entity, EntityLink, EntityConceptLink, AssetInstance, AssetInstanceLink,
)
