"""Zou's access rules for the files plugin (``zou/routes.md`` access column), asked of the
plugins owning projects, entities and tasks through the core's permission hooks: a file is
readable when its project, entity or task is (``proj-member``, ``entity``, ``task-read``),
writable when its task may be acted upon (``task-action``). Rows of tasks come from the
tasks plugin's loader, the shape its rules vote on."""

import uuid

from framework import Forbidden, NotFound, Resource

from plugins.entities.models import (Entity, Project, ProjectPersonLink, ProjectStatus,
                                     TaskType)
from plugins.persons.models import DepartmentLink
from plugins.tasks.models import Comment, Task, TaskPersonLink
from plugins.tasks.services.loading import task_rows

from ..models import (AttachmentFile, FileStatus, OutputFile, OutputType,
                      PreviewBackgroundFile, PreviewFile, Software, WorkingFile)

READABLE_BY_ANYONE = (Software, OutputType, FileStatus, PreviewBackgroundFile)


class Access:
    """The checks of one request: ``require_*`` raise 403 (404 for unknown rows)."""

    def __init__(self, dopesheet, principal):
        self.dopesheet = dopesheet
        self.principal = principal

    def allowed(self, action, model, instance):
        return self.dopesheet.permissions.allowed(self.principal, action,
                                                  Resource(model, instance))

    def require(self, action, model, instance):
        if not self.allowed(action, model, instance):
            raise Forbidden()

    def project_member(self, project_id):
        self.require("read", Project, Project(id=project_id))

    def project_manager(self, project_id):
        self.require("manage", Project, Project(id=project_id))

    def entity(self, entity):
        """proj-member and, for vendors, a task of theirs on the entity."""
        self.require("read", Entity, entity)

    def task(self, task_id, action="read"):
        """``read`` is Zou's task-read, ``act`` its task-action; returns the task row."""
        row = task_row(task_id)
        self.require(action, Task, row)
        return row


def task_row(task_id):
    """The task row the tasks plugin's rules vote on; 404 for an unknown or malformed id."""
    try:
        task_id = str(uuid.UUID(str(task_id)))
    except ValueError:
        raise NotFound() from None
    row = task_rows(Task.id == task_id).first()
    if row is None:
        raise NotFound()
    return row


def team_project_ids(person_id):
    return (ProjectPersonLink.select(ProjectPersonLink.project)
            .where(ProjectPersonLink.person == person_id))


def open_team_project_ids(person_id):
    return (team_project_ids(person_id)
            .join(Project, on=(ProjectPersonLink.project == Project.id))
            .join(ProjectStatus, on=(Project.project_status == ProjectStatus.id))
            .where(ProjectStatus.name == "Open"))


def assigned_task_ids(person_id):
    return TaskPersonLink.select(TaskPersonLink.task).where(TaskPersonLink.person == person_id)


def vote(principal, action, resource, dopesheet):
    """The files plugin's answer to ``permission_allowed`` for its models."""
    if principal is None or principal.is_admin:
        return None
    model, row = resource.model, resource.instance
    if model in READABLE_BY_ANYONE:
        return True if action in ("list", "read") else None
    rule = RULES.get(model)
    if rule is None or (row is None and action != "list"):
        return None
    return rule(Access(dopesheet, principal), action, row)


def _working_file(access, action, row):
    if action == "list":
        return access.principal.role != "vendor"
    if action in ("read", "update"):
        return access.allowed("read" if action == "read" else "act", Task,
                              task_row(row.task_id))
    return None


def _output_file(access, action, row):
    if action == "list":
        return access.principal.role != "vendor"
    entity = Entity.get_or_none(Entity.id == row.entity_id)
    if entity is None:
        return False
    if action == "read":
        return access.allowed("read", Entity, entity)
    if action == "update":
        return access.allowed("manage", Project, Project(id=entity.project_id)) or (
            has_task_on(access.principal.id, {row.entity_id, row.temporal_entity_id}))
    return None


def has_task_on(person_id, entity_ids):
    return (Task.select().where(Task.entity.in_([i for i in entity_ids if i]),
                                Task.id.in_(assigned_task_ids(person_id))).exists())


def _attachment_file(access, action, row):
    if action != "read" or row.comment_id is None:
        return None
    task_id = Comment.select(Comment.task).where(Comment.id == row.comment_id).scalar()
    return access.allowed("read", Task, task_row(task_id))


def _preview_file(access, action, row):
    if action == "list":
        return True
    task = task_row(row.task_id)
    if action == "read":
        if access.principal.role == "vendor":
            return TaskPersonLink.select().where(TaskPersonLink.task == task.id,
                                                 TaskPersonLink.person == access.principal.id
                                                 ).exists()
        return access.allowed("read", Project, Project(id=task.project_id))
    if action == "update":
        return can_review(access, task)
    if action == "delete":
        return access.allowed("manage", Project, Project(id=task.project_id))
    return None


def can_review(access, task):
    """Zou's preview edit rule: a project member who manages the project, is assigned to
    the task or supervises its type's department (any type without a department)."""
    if not access.allowed("read", Project, Project(id=task.project_id)):
        return False
    if access.allowed("manage", Project, Project(id=task.project_id)):
        return True
    person_id = access.principal.id
    if TaskPersonLink.select().where(TaskPersonLink.task == task.id,
                                     TaskPersonLink.person == person_id).exists():
        return True
    if access.principal.role != "supervisor":
        return False
    departments = [link.department_id for link in DepartmentLink.select(
        DepartmentLink.department).where(DepartmentLink.person == person_id)]
    department_id = TaskType.select(TaskType.department).where(
        TaskType.id == task.task_type_id).scalar()
    return not departments or department_id in departments


RULES = {WorkingFile: _working_file, OutputFile: _output_file,
         AttachmentFile: _attachment_file, PreviewFile: _preview_file}


def list_filter(principal, model):
    """SQL narrowing of a non-admin's generic lists: their team's projects (open ones for
    previews; vendors only the previews of their tasks)."""
    if principal is None or principal.is_admin:
        return None
    if model is WorkingFile:
        return WorkingFile.task.in_(Task.select(Task.id).where(
            Task.project.in_(team_project_ids(principal.id))))
    if model is OutputFile:
        return OutputFile.entity.in_(Entity.select(Entity.id).where(
            Entity.project.in_(open_team_project_ids(principal.id))))
    if model is PreviewFile:
        if principal.role == "vendor":
            return PreviewFile.task.in_(assigned_task_ids(principal.id))
        return PreviewFile.task.in_(Task.select(Task.id).where(
            Task.project.in_(open_team_project_ids(principal.id))))
    return None
