"""Project rules outside HTTP: creation defaults, Zou's extra keys, team and settings links,
deletion."""

import re

import peewee

from framework import BadRequest, NotFound, utcnow
from framework.prepared import Prepared
from framework.writes import update_row

from plugins.persons.models import Person

from ..models import (PRODUCTION_STYLES, DepartmentMetadataDescriptorLink, Entity, EntityType,
                      MetadataDescriptor, Project, ProjectAssetTypeLink, ProjectPersonLink,
                      ProjectStatus, ProjectStatusAutomationLink, ProjectTaskStatusLink,
                      ProjectTaskTypeLink, StatusAutomation, TaskStatus, TaskType)
from .kinds import EPISODE, kind_type_id, of_kind
from .presenters import ids_by_owner, pairs_by_owner

RESOLUTION = re.compile(r"^\d*x\d+$")
DESCRIPTOR_KEYS = ("id", "name", "field_name", "data_type", "choices", "for_client",
                   "entity_type", "task_type_id", "position", "departments")


def check_fields(data):
    """Zou's checks of a project's enumerated and formatted columns."""
    if "production_style" in data and data["production_style"] not in PRODUCTION_STYLES:
        raise BadRequest("Invalid production_style", data=None)
    resolution = data.get("resolution")
    if resolution and not RESOLUTION.match(resolution):
        raise BadRequest(f"Invalid resolution {resolution}. Expected format: '1920x1080' or "
                         "'x1080'.", data=None)


def status_named(name):
    status, _ = ProjectStatus.get_or_create(name=name, defaults={"color": "#000000"})
    return status


def open_status_ids():
    return ProjectStatus.select(ProjectStatus.id).where(ProjectStatus.name == "Open")


def is_closed(project):
    status = ProjectStatus.get_or_none(ProjectStatus.id == project.project_status_id)
    return status is not None and status.name == "Closed"


def first_episode_ids(project_ids):
    """``{project_id: id of its first episode}`` (one query): what a tvshow starts with."""
    found = {}
    for project_id, episode_id in (Entity.select(Entity.project, Entity.id)
                                   .where(Entity.project.in_(project_ids), of_kind(EPISODE))
                                   .order_by(Entity.created_at, Entity.name).tuples()):
        found.setdefault(project_id, episode_id)
    return found


def create_first_episode(project, created_by):
    Entity.create(name="E01", project=project.id, entity_type=kind_type_id(EPISODE),
                  description="", data={}, created_by=created_by)


def with_episode(item, project):
    if project.production_type == "tvshow":
        item["first_episode_id"] = first_episode_ids([project.id]).get(project.id)
    return item


def _descriptors_of(project_ids):
    return (MetadataDescriptor.select().where(MetadataDescriptor.project.in_(project_ids))
            .order_by(MetadataDescriptor.position, MetadataDescriptor.name))


_DESCRIPTORS = Prepared(_descriptors_of)
_DEPARTMENTS_OF = Prepared(lambda descriptor_ids: (
    DepartmentMetadataDescriptorLink.select(DepartmentMetadataDescriptorLink.metadata_descriptor,
                                            DepartmentMetadataDescriptorLink.department)
    .where(DepartmentMetadataDescriptorLink.metadata_descriptor.in_(descriptor_ids)).tuples()))
_TASK_TYPE_LINK_FIELDS = (ProjectTaskTypeLink.priority, ProjectTaskTypeLink.hd_bitrate_compression,
                          ProjectTaskTypeLink.ld_bitrate_compression,
                          ProjectTaskTypeLink.is_client_visible)
_TASK_STATUS_LINK_FIELDS = (ProjectTaskStatusLink.priority, ProjectTaskStatusLink.roles_for_board,
                            ProjectTaskStatusLink.is_client_allowed)


def _settings_links_of(project_ids):
    """The task type and task status links of projects in one statement, in the order they
    were made. A row is its kind, its date, its project, its type or status, then the
    type link's columns and the status link's: those of the other kind are NULL."""
    type_nulls = [peewee.SQL("NULL")] * len(_TASK_TYPE_LINK_FIELDS)
    status_nulls = [peewee.SQL("NULL")] * len(_TASK_STATUS_LINK_FIELDS)
    type_links = ProjectTaskTypeLink.select(
        peewee.SQL("'type'"), ProjectTaskTypeLink.created_at, ProjectTaskTypeLink.project,
        ProjectTaskTypeLink.task_type, *_TASK_TYPE_LINK_FIELDS, *status_nulls).where(
        ProjectTaskTypeLink.project.in_(project_ids))
    status_links = ProjectTaskStatusLink.select(
        peewee.SQL("'status'"), ProjectTaskStatusLink.created_at, ProjectTaskStatusLink.project,
        ProjectTaskStatusLink.task_status, *type_nulls, *_TASK_STATUS_LINK_FIELDS).where(
        ProjectTaskStatusLink.project.in_(project_ids))
    return (type_links + status_links).order_by(peewee.SQL("2")).tuples()


_SETTINGS_LINKS = Prepared(_settings_links_of)
"""Read with every project (``GET /data/projects/{id}``), as the descriptors: their SQL is
built once."""
_TYPE_LINK_COLUMNS = slice(4, 4 + len(_TASK_TYPE_LINK_FIELDS))
_STATUS_LINK_COLUMNS = slice(_TYPE_LINK_COLUMNS.stop, None)


def descriptor_dicts(project_ids, entity_type=None, narrowing=None):
    """``{project_id: [descriptor dict]}`` in the short shape of project answers;
    ``narrowing`` is the caller's visibility (``rules.list_filter``)."""
    if entity_type is None and narrowing is None:
        descriptors = list(_DESCRIPTORS.rows(list(project_ids)))
    else:
        query = _descriptors_of(project_ids)
        if entity_type is not None:
            query = query.where(MetadataDescriptor.entity_type == entity_type)
        if narrowing is not None:
            query = query.where(narrowing)
        descriptors = list(query)
    if not descriptors:
        return {}
    departments = pairs_by_owner(_DEPARTMENTS_OF.rows([row.id for row in descriptors]))
    found = {}
    for descriptor in descriptors:
        values = {**descriptor.__data__, "departments": departments.get(descriptor.id, [])}
        values["task_type_id"] = values.pop("task_type")
        found.setdefault(descriptor.project_id, []).append(
            {key: values[key] for key in DESCRIPTOR_KEYS})
    return found


def full_extras(project_ids, narrowing=None):
    """``{project_id: keys}``: what Zou adds to projects read with their relations,
    descriptors (those the caller sees, see ``descriptor_dicts``) and settings links
    (two queries for any number of projects, three when they have descriptors)."""
    extras = {project_id: {"descriptors": [], "task_type_links": {}, "task_types_priority": {},
                           "task_statuses_link": {}} for project_id in project_ids}
    for project_id, descriptors in descriptor_dicts(project_ids, narrowing=narrowing).items():
        extras[project_id]["descriptors"] = descriptors
    for row in _SETTINGS_LINKS.execute(list(project_ids)):
        kind, _, project_id, target_id = row[:4]
        if kind == "type":
            values = _link_values(_TASK_TYPE_LINK_FIELDS, row[_TYPE_LINK_COLUMNS])
            extras[project_id]["task_type_links"][target_id] = values
            extras[project_id]["task_types_priority"][target_id] = values["priority"]
        else:
            extras[project_id]["task_statuses_link"][target_id] = _link_values(
                _TASK_STATUS_LINK_FIELDS, row[_STATUS_LINK_COLUMNS])
    return extras


def _link_values(fields, values):
    return {field.name: field.python_value(value) for field, value in zip(fields, values)}


def descriptor_departments(descriptors):
    """``{descriptor_id: [department_id]}`` for the descriptors selected by a query."""
    Link = DepartmentMetadataDescriptorLink
    return ids_by_owner(Link.select(Link.metadata_descriptor, Link.department).where(
        Link.metadata_descriptor.in_(descriptors.select(MetadataDescriptor.id))))


def status_names():
    return {row.id: row.name for row in ProjectStatus.select(ProjectStatus.id,
                                                             ProjectStatus.name)}


def touch(project):
    """A project's ``updated_at`` set to now, on the row and on ``project`` (the write goes
    out with the transaction's next statement)."""
    project.updated_at = utcnow()
    update_row(Project, project.id, {"updated_at": project.updated_at}, deferred=True)


# -- team ----------------------------------------------------------------------------------

def add_team_member(project, person_id, role=None):
    if not Person.select().where(Person.id == person_id).exists():
        raise BadRequest(f"Person with id {person_id} not found", data=None)
    (ProjectPersonLink.insert(project=project.id, person=person_id, role=role)
     .on_conflict_ignore().execute())
    touch(project)


def set_team_role(project, person_id, role):
    updated = (ProjectPersonLink.update(role=role)
               .where(ProjectPersonLink.project == project.id,
                      ProjectPersonLink.person == person_id).execute())
    if not updated:
        raise BadRequest("Person is not a member of the project team", data=None)
    return {"project_id": project.id, "person_id": person_id, "role": role}


def remove_team_member(project, person_id):
    ProjectPersonLink.delete().where(ProjectPersonLink.project == project.id,
                                     ProjectPersonLink.person == person_id).execute()
    touch(project)


def team_roles(project_id):
    """``{person_id: project role}`` of the team, in one query."""
    return {person_id: role for person_id, role in (
        ProjectPersonLink.select(ProjectPersonLink.person, ProjectPersonLink.role)
        .where(ProjectPersonLink.project == project_id).tuples())}


# -- settings --------------------------------------------------------------------------------

SETTINGS = {
    # kind: (target model, link model, link target field name)
    "task_types": (TaskType, ProjectTaskTypeLink, "task_type"),
    "task_statuses": (TaskStatus, ProjectTaskStatusLink, "task_status"),
    "asset_types": (EntityType, ProjectAssetTypeLink, "asset_type"),
    "status_automations": (StatusAutomation, ProjectStatusAutomationLink, "status_automation"),
}


def add_setting(project, kind, target_id, extra=None):
    """Link a task type, task status, asset type or status automation to the project; an
    existing link is kept as it is (Zou's answer to a second add)."""
    target, link, field = SETTINGS[kind]
    if not target.select().where(target.id == target_id).exists():
        raise BadRequest(f"{target.__name__} with id {target_id} not found", data=None)
    values = {"project": project.id, field: target_id, **(extra or {})}
    link.insert(**values).on_conflict_ignore().execute()
    touch(project)


def remove_setting(project, kind, target_id):
    _, link, field = SETTINGS[kind]
    link.delete().where(link.project == project.id,
                        getattr(link, field) == target_id).execute()
    touch(project)


def linked(project_id, kind):
    """The task types, statuses, asset types or automations linked to a project."""
    target, link, field = SETTINGS[kind]
    query = (target.select().join(link, on=(getattr(link, field) == target.id))
             .where(link.project == project_id))
    if "created_at" in link._meta.fields:
        query = query.order_by(link.created_at)
    return query


def override_status(project, task_status_id, is_client_allowed):
    """A project's own answer to "may clients use this status?" (None: the status's)."""
    link = ProjectTaskStatusLink.get_or_none(ProjectTaskStatusLink.project == project.id,
                                             ProjectTaskStatusLink.task_status == task_status_id)
    if link is None:
        raise NotFound()
    link.is_client_allowed = is_client_allowed
    link.save()
    return link


def apply_batch(project, body):
    """``settings/batch``: many task types, statuses and asset types at once;
    ``replace_task_types`` first drops the task types not listed."""
    if body["replace_task_types"]:
        kept = [str(item["task_type_id"]) for item in body["task_types"]]
        ProjectTaskTypeLink.delete().where(ProjectTaskTypeLink.project == project.id,
                                           ProjectTaskTypeLink.task_type.not_in(kept)).execute()
    for item in body["task_types"]:
        item = dict(item)
        add_setting(project, "task_types", str(item.pop("task_type_id")), item)
    for status_id in body["task_status_ids"]:
        add_setting(project, "task_statuses", str(status_id))
    for asset_type_id in body["asset_type_ids"]:
        add_setting(project, "asset_types", str(asset_type_id))
