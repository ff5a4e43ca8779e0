"""Zou's role rules for this plugin's models (``zou/behaviour.md`` B.7), as answers to the
core's permission hooks. Admins are allowed everything by the ``auth`` plugin; here each
rule says what the other roles may do.

Actions beyond the core's ``list/read/create/update/delete``: ``manage`` (a project's team,
settings, casting and entities: project managers), ``supervise`` (metadata descriptors:
project supervisors too, for their departments) and ``read_no_vendor`` (Zou's
"proj-member, no-vendor": casting) on ``Project``; ``browse`` on ``Entity`` (Zou's
"proj-member" routes: any team member, where ``read`` is Zou's "proj-member, entity":
vendors only on entities assigned to them).
"""

from plugins.persons.models import DepartmentLink, Person

from ..models import (AssetInstance, DepartmentMetadataDescriptorLink, Entity, EntityType,
                      MetadataDescriptor, Project, ProjectPersonLink, ProjectStatus,
                      ProjectTemplate, StatusAutomation, TaskStatus, TaskType)
from . import access

READABLE_BY_ANYONE = (ProjectStatus, EntityType, TaskType, TaskStatus)
READ_ACTIONS = ("list", "read")


def vote(principal, action, resource, dopesheet):
    if principal is None or principal.is_admin:
        return None
    rule = RULES.get(resource.model)
    return rule(principal, action, resource, dopesheet) if rule else None


def _settings(principal, action, resource, dopesheet):
    return True if action in READ_ACTIONS else None


def _status_automations(principal, action, resource, dopesheet):
    if action == "list":
        return principal.role != "vendor"
    return None


def _projects(principal, action, resource, dopesheet):
    if action == "list":
        return True
    project_id = resource.instance.id if resource.instance is not None else None
    if project_id is None:
        return None
    if action == "read":
        return access.is_member(principal, project_id)
    if action == "read_no_vendor":
        return principal.role != "vendor" and access.is_member(principal, project_id)
    if action in ("update", "manage"):
        return access.is_manager(principal, project_id)
    if action == "supervise":
        return supervises(principal, project_id, (resource.data or {}).get("departments"))
    return None


def supervises(principal, project_id, departments):
    """Managers write any descriptor; supervisors those of their own departments."""
    role = access.effective_role(principal, project_id)
    if role == "manager":
        return True
    if role != "supervisor" or not departments:
        return False
    own = {row.department_id for row in DepartmentLink.select(DepartmentLink.department)
           .where(DepartmentLink.person == principal.id)}
    return {str(department) for department in departments} <= own


def can_see_entity(principal, entity, dopesheet):
    if not access.is_member(principal, entity.project_id):
        return False
    if principal.role != "vendor":
        return True
    return Entity.select().where(Entity.id == entity.id,
                                 access.visible_entity_filter(principal, dopesheet)).exists()


def _entities(principal, action, resource, dopesheet):
    if action == "list":
        return True
    entity = resource.instance
    if action == "create":
        project_id = (resource.data or {}).get("project_id")
        return access.is_manager(principal, str(project_id)) if project_id else None
    if entity is None:
        return None
    if action == "read":
        return can_see_entity(principal, entity, dopesheet)
    if action == "browse":
        return access.is_member(principal, entity.project_id)
    if action == "update":
        return access.is_manager(principal, entity.project_id)
    if action == "delete":
        return (entity.created_by_id == principal.id
                or access.is_manager(principal, entity.project_id))
    return None


def _asset_instances(principal, action, resource, dopesheet):
    instance = resource.instance
    if action not in ("read", "update") or instance is None:
        return None
    asset = Entity.get_or_none(Entity.id == instance.asset_id)
    return asset is not None and can_see_entity(principal, asset, dopesheet)


def _descriptors(principal, action, resource, dopesheet):
    return True if action == "list" else None


def _templates(principal, action, resource, dopesheet):
    if action in READ_ACTIONS:
        return principal.role == "manager"
    return None


def _persons(principal, action, resource, dopesheet):
    """A client reads only the people of their open projects' teams (a veto: the persons
    plugin lets anyone read anyone)."""
    if principal.role != "client" or action != "read" or resource.instance is None:
        return None
    return (access.people_met_by(principal.id)
            .where(ProjectPersonLink.person == resource.instance.id).exists())


RULES = {
    ProjectStatus: _settings, EntityType: _settings, TaskType: _settings,
    TaskStatus: _settings, StatusAutomation: _status_automations, Project: _projects,
    Entity: _entities, AssetInstance: _asset_instances, MetadataDescriptor: _descriptors,
    ProjectTemplate: _templates, Person: _persons,
}


def list_filter(principal, model, dopesheet):
    """The SQL narrowing of a non-admin's lists of projects, entities and descriptors, and
    of a client's list of persons."""
    if principal is None or principal.is_admin:
        return None
    if model is Project:
        return Project.id.in_(access.team_project_ids(principal.id))
    if model is Entity:
        return access.visible_entity_filter(principal, dopesheet)
    if model is MetadataDescriptor:
        return descriptor_filter(principal)
    if model is Person and principal.role == "client":
        return Person.id.in_(access.people_met_by(principal.id))
    return None


def descriptor_filter(principal):
    """Team projects' descriptors; clients see the ``for_client`` ones, vendors those of
    their departments."""
    expression = MetadataDescriptor.project.in_(access.team_project_ids(principal.id))
    if principal.role == "client":
        expression &= MetadataDescriptor.for_client == True  # noqa: E712
    elif principal.role == "vendor":
        departments = DepartmentLink.select(DepartmentLink.department).where(
            DepartmentLink.person == principal.id)
        expression &= MetadataDescriptor.id.in_(
            DepartmentMetadataDescriptorLink.select(
                DepartmentMetadataDescriptorLink.metadata_descriptor)
            .where(DepartmentMetadataDescriptorLink.department.in_(departments)))
    return expression
