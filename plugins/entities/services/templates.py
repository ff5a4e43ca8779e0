"""Project templates: reusable project settings, snapshotted from a project and applied to
one (columns, settings links and metadata descriptors)."""

from framework import BadRequest, NotFound

from ..models import (DepartmentMetadataDescriptorLink, EntityType, MetadataDescriptor, Project,
                      ProjectAssetTypeLink, ProjectStatusAutomationLink, ProjectTaskStatusLink,
                      ProjectTaskTypeLink, ProjectPreviewBackgroundFileLink, ProjectTemplate,
                      ProjectTemplateAssetTypeLink, ProjectTemplatePreviewBackgroundFileLink,
                      ProjectTemplateStatusAutomationLink, ProjectTemplateTaskStatusLink,
                      ProjectTemplateTaskTypeLink, StatusAutomation, TaskStatus, TaskType)
from .descriptors import field_name_of
from .projects import descriptor_departments

SHARED_COLUMNS = (
    "fps", "ratio", "resolution", "production_type", "production_style", "max_retakes",
    "is_clients_isolated", "is_client_stats_visible", "is_client_task_list_visible",
    "is_client_task_panel_visible", "is_preview_download_allowed", "is_set_preview_automated",
    "is_publish_default_for_artists", "is_single_preview_per_revision", "is_frame_in_numbering",
    "revision_padding", "homepage", "hd_bitrate_compression", "ld_bitrate_compression",
    "file_tree", "default_preview_background_file_id")
"""The project columns a template carries."""
SNAPSHOT_KEYS = ("name", "choices", "position", "data_type", "field_name", "for_client",
                 "departments", "entity_type", "task_type_id")
TASK_TYPE_LINK_COLUMNS = ("priority", "hd_bitrate_compression", "ld_bitrate_compression",
                          "is_client_visible")
TASK_STATUS_LINK_COLUMNS = ("priority", "roles_for_board", "is_client_allowed")

LINKS = {
    # kind: (target model, template link, its target field, project link)
    "task-types": (TaskType, ProjectTemplateTaskTypeLink, "task_type", ProjectTaskTypeLink),
    "task-statuses": (TaskStatus, ProjectTemplateTaskStatusLink, "task_status",
                      ProjectTaskStatusLink),
    "asset-types": (EntityType, ProjectTemplateAssetTypeLink, "asset_type",
                    ProjectAssetTypeLink),
    "status-automations": (StatusAutomation, ProjectTemplateStatusAutomationLink,
                           "status_automation", ProjectStatusAutomationLink),
}
LINK_EXTRA_COLUMNS = {"task-types": TASK_TYPE_LINK_COLUMNS,
                      "task-statuses": TASK_STATUS_LINK_COLUMNS}


def get_template(template_id):
    template = ProjectTemplate.get_or_none(ProjectTemplate.id == template_id)
    if template is None:
        raise NotFound()
    return template


def attach(template, kind, target_id, extra=None):
    """Link a task type, task status, asset type or automation to the template; returns
    the link row (kept as it is when it exists)."""
    target, link, field, _ = LINKS[kind]
    if not target.select().where(target.id == target_id).exists():
        raise BadRequest(f"{target.__name__} with id {target_id} not found", data=None)
    values = {"project_template": template.id, field: target_id, **(extra or {})}
    link.insert(**values).on_conflict_ignore().execute()
    return link.get(link.project_template == template.id, getattr(link, field) == target_id)


def has_background(template_id, background_id):
    link = ProjectTemplatePreviewBackgroundFileLink
    return link.select().where(link.project_template == template_id,
                               link.preview_background_file_id == background_id).exists()


def detach(template, kind, target_id):
    _, link, field, _ = LINKS[kind]
    link.delete().where(link.project_template == template.id,
                        getattr(link, field) == target_id).execute()


def linked(template_id, kind):
    """``[(target row, link row)]`` of a template's links of one kind (one query), by
    priority then name."""
    target, link, field, _ = LINKS[kind]
    rows = (target.select(target, link).join(link, on=(getattr(link, field) == target.id),
                                              attr="link")
            .where(link.project_template == template_id))
    name = target.name if "name" in target._meta.fields else target.created_at
    if "priority" in link._meta.fields:
        return [(row, row.link) for row in rows.order_by(link.priority.asc(nulls="FIRST"), name)]
    return [(row, row.link) for row in rows.order_by(name)]


def reorder(template, kind, target_ids):
    """Link priorities follow the order of ``target_ids`` (1-based)."""
    _, link, field, _ = LINKS[kind]
    for position, target_id in enumerate(target_ids, start=1):
        (link.update(priority=position)
         .where(link.project_template == template.id, getattr(link, field) == target_id)
         .execute())


def snapshot_descriptors(project_id):
    query = MetadataDescriptor.select().where(MetadataDescriptor.project == project_id)
    departments = descriptor_departments(query)
    snapshot = []
    for descriptor in query:
        values = {**descriptor.__data__, "task_type_id": descriptor.task_type_id,
                  "departments": departments.get(descriptor.id, [])}
        snapshot.append({key: values[key] for key in SNAPSHOT_KEYS})
    return snapshot


def from_project(project, name, description):
    """A new template holding the project's columns, settings links and descriptors."""
    if ProjectTemplate.select().where(ProjectTemplate.name == name).exists():
        raise BadRequest("A project template with this name already exists.")
    template = ProjectTemplate.create(
        name=name, description=description, metadata_descriptors=snapshot_descriptors(project.id),
        **{column: getattr(project, column) for column in SHARED_COLUMNS})
    for kind, (_, template_link, field, project_link) in LINKS.items():
        extra = LINK_EXTRA_COLUMNS.get(kind, ())
        for row in project_link.select().where(project_link.project == project.id):
            template_link.create(project_template=template.id,
                                 **{field: getattr(row, f"{field}_id")},
                                 **{column: getattr(row, column) for column in extra})
    for row in ProjectPreviewBackgroundFileLink.select().where(
            ProjectPreviewBackgroundFileLink.project == project.id):
        ProjectTemplatePreviewBackgroundFileLink.create(
            project_template=template.id,
            preview_background_file_id=row.preview_background_file_id)
    return template


def apply_to_project(template, project, keep=()):
    """Copy the template onto the project: its columns (but those in ``keep``, the ones a
    creation request set explicitly), its settings links and descriptors (existing ones
    stay)."""
    changes = {column: getattr(template, column) for column in SHARED_COLUMNS
               if column not in keep}
    if changes:
        Project.update(**changes).where(Project.id == project.id).execute()
    for kind, (_, template_link, field, project_link) in LINKS.items():
        extra = LINK_EXTRA_COLUMNS.get(kind, ())
        for row in template_link.select().where(template_link.project_template == template.id):
            values = {"project": project.id, field: getattr(row, f"{field}_id"),
                      **{column: getattr(row, column) for column in extra}}
            project_link.insert(**values).on_conflict_ignore().execute()
    for row in ProjectTemplatePreviewBackgroundFileLink.select().where(
            ProjectTemplatePreviewBackgroundFileLink.project_template == template.id):
        (ProjectPreviewBackgroundFileLink.insert(
            project=project.id, preview_background_file_id=row.preview_background_file_id)
         .on_conflict_ignore().execute())
    for snapshot in template.metadata_descriptors or []:
        add_descriptor(project.id, snapshot)


def add_descriptor(project_id, snapshot):
    field_name = snapshot.get("field_name") or field_name_of(snapshot["name"])
    exists = MetadataDescriptor.select().where(
        MetadataDescriptor.project == project_id,
        MetadataDescriptor.entity_type == snapshot.get("entity_type", "Asset"),
        MetadataDescriptor.field_name == field_name).exists()
    if exists:
        return
    descriptor = MetadataDescriptor.create(
        project=project_id, entity_type=snapshot.get("entity_type", "Asset"),
        task_type=snapshot.get("task_type_id"), name=snapshot["name"],
        data_type=snapshot.get("data_type", "string"), field_name=field_name,
        choices=snapshot.get("choices", []), for_client=snapshot.get("for_client", False),
        position=snapshot.get("position"))
    for department_id in snapshot.get("departments") or []:
        (DepartmentMetadataDescriptorLink.insert(metadata_descriptor=descriptor.id,
                                                 department=department_id)
         .on_conflict_ignore().execute())
