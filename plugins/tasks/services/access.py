"""Who may do what on a task, Zou's way (``zou/behaviour.md`` B.7, routes.md's access codes).

A ``Caller`` is the principal seen from one project: their *effective role* there (the role
of their team link when set, an ``admin`` value ignored, else their global role; global
admins stay ``admin``; None outside the team), read with one query, and their departments,
read on first use. The predicates below take a ``TaskRow`` (``services.loading``) so that a
task, its type's department and its entity's creator come from one query.
"""

from dataclasses import dataclass
from functools import cached_property

import peewee

from framework import db
from plugins.entities.models import (Project, ProjectPersonLink, ProjectStatus,
                                     ProjectTaskStatusLink)
from plugins.persons.models import DepartmentLink

from ..models import Comment, CommentDepartmentMention, CommentMention, Task, TaskPersonLink

MANAGERS = frozenset(("admin", "manager"))


@dataclass
class Caller:
    principal: object
    project_id: str
    role: str | None

    @property
    def id(self):
        return self.principal.id

    @property
    def is_member(self):
        return self.role is not None

    @property
    def is_manager(self):
        return self.role in MANAGERS

    @cached_property
    def departments(self):
        return [row.department_id for row in DepartmentLink.select(DepartmentLink.department)
                .where(DepartmentLink.person == self.principal.id)]

    def supervises(self, department_id):
        """A supervisor with no department supervises every task type."""
        return self.role == "supervisor" and (
            not self.departments or department_id in self.departments)


def caller_in(principal, project_id):
    """The ``Caller`` for ``principal`` in ``project_id`` (one query, none for admins)."""
    if principal.is_admin:
        return Caller(principal, project_id, "admin")
    link = (ProjectPersonLink.select(ProjectPersonLink.role)
            .where(ProjectPersonLink.project == project_id,
                   ProjectPersonLink.person == principal.id).first())
    if link is None:
        return Caller(principal, project_id, None)
    role = link.role if link.role and link.role != "admin" else principal.role
    return Caller(principal, project_id, role)


def team_project_ids(person_id):
    """Subquery: the projects ``person_id`` is a team member of."""
    return (ProjectPersonLink.select(ProjectPersonLink.project)
            .where(ProjectPersonLink.person == person_id))


def open_project_ids():
    """Subquery: the open projects."""
    return (Project.select(Project.id)
            .join(ProjectStatus, on=(Project.project_status == ProjectStatus.id))
            .where(ProjectStatus.name == "Open"))


def open_team_project_ids(person_id):
    """Subquery: the open projects ``person_id`` is a team member of (Zou's "related
    projects")."""
    return (ProjectPersonLink.select(ProjectPersonLink.project)
            .join(Project, on=(ProjectPersonLink.project == Project.id))
            .join(ProjectStatus, on=(Project.project_status == ProjectStatus.id))
            .where(ProjectPersonLink.person == person_id, ProjectStatus.name == "Open"))


def assigned_task_ids(person_id):
    """Subquery: the tasks assigned to ``person_id``."""
    return TaskPersonLink.select(TaskPersonLink.task).where(TaskPersonLink.person == person_id)


def among(column, subquery):
    """The condition "``column`` is one of the values ``subquery`` selects". On PostgreSQL it
    restricts the rows of ``column``'s table itself (``= ANY(ARRAY(subquery))``, the subquery
    run once): an ``IN (subquery)`` is a semi-join, which PostgreSQL joins after the first
    eight relations of a wide query (``join_collapse_limit``), so the enriched task lists
    joined every task of the studio before keeping the person's, or the open projects'."""
    if isinstance(db.obj, peewee.PostgresqlDatabase):
        return column == peewee.fn.ANY(peewee.fn.ARRAY(subquery))
    return column.in_(subquery)


def assigned(person_id):
    """The condition "the task is assigned to ``person_id``"."""
    return among(Task.id, assigned_task_ids(person_id))


def is_assignee(person_id, task_id):
    return (TaskPersonLink.select().where(TaskPersonLink.task == task_id,
                                          TaskPersonLink.person == person_id).exists())


def is_assigned(person_id, row):
    """``is_assignee`` for a task row: no query when the row was read with its
    ``assignee_ids`` (a task read, a task to comment)."""
    assignees = getattr(row, "assignee_ids", None)
    if assignees is not None:
        return person_id in assignees
    return is_assignee(person_id, row.id)


def vendor_reaches(person_id, entity_id):
    """Zou's entity rule for vendors: a task of theirs on the entity."""
    return (Task.select().join(TaskPersonLink, on=(TaskPersonLink.task == Task.id))
            .where(Task.entity == entity_id, TaskPersonLink.person == person_id).exists())


def can_read(caller, row):
    """task-read: a team member, and for vendors a task of theirs on the entity."""
    if caller.role == "admin":
        return True
    if not caller.is_member:
        return False
    return caller.role != "vendor" or vendor_reaches(caller.id, row.entity_id)


def can_act(caller, row):
    """task-action: managers and clients of the project, assignees, supervisors of the task
    type's department, the entity's creator."""
    if caller.role in ("admin", "manager", "client"):
        return True
    if not caller.is_member:
        return False
    if is_assigned(caller.id, row):
        return True
    if caller.supervises(row.department_id):
        return True
    return row.entity_created_by == caller.id


def is_mentioned(caller, task_id):
    """Zou's "mentioned" fallback: a non-vendor member mentioned (in person or through a
    department) in the task's conversation, replies included."""
    if not caller.is_member or caller.role == "vendor":
        return False
    comments = Comment.select(Comment.id, Comment.replies).where(Comment.task == task_id)
    mentioned = (CommentMention.select().where(CommentMention.comment.in_(
        comments.select(Comment.id)), CommentMention.person == caller.id))
    if mentioned.exists():
        return True
    departments = caller.departments
    if departments and (CommentDepartmentMention.select().where(
            CommentDepartmentMention.comment.in_(comments.select(Comment.id)),
            CommentDepartmentMention.department.in_(departments)).exists()):
        return True
    wanted = {caller.id, *departments}
    return any(wanted & set(reply.get("mentions", []) + reply.get("department_mentions", []))
               for comment in comments for reply in comment.replies or [])


def status_allowed(caller, status):
    """status-allowed: artists only set ``is_artist_allowed`` statuses, clients only the
    client-allowed ones (the project's override wins)."""
    if caller.role == "user":
        return bool(status.is_artist_allowed)
    if caller.role == "client":
        override = (ProjectTaskStatusLink.select(ProjectTaskStatusLink.is_client_allowed)
                    .where(ProjectTaskStatusLink.project == caller.project_id,
                           ProjectTaskStatusLink.task_status == status.id).first())
        if override is not None and override.is_client_allowed is not None:
            return bool(override.is_client_allowed)
        return bool(status.is_client_allowed)
    return True


SUPERVISOR_TASK_COLUMNS = frozenset(("priority", "start_date", "due_date", "estimation",
                                     "difficulty", "data"))


def can_supervise(caller, row, changes=()):
    """task-supervisor: project managers; supervisors of the task type's department for the
    planning columns only."""
    if caller.is_manager:
        return True
    return (caller.role == "supervisor" and set(changes) <= SUPERVISOR_TASK_COLUMNS
            and caller.supervises(row.department_id))


def can_assign(caller, row, person_id, person_departments):
    """dept-assign: project managers; supervisors without department, or of the task type's
    department sharing a department with the assignee; anyone of the task type's department
    assigning themselves."""
    if caller.is_manager:
        return True
    if not caller.is_member:
        return False
    if caller.role == "supervisor" and (not caller.departments or (
            row.department_id in caller.departments
            and set(person_departments) & set(caller.departments))):
        return True
    return row.department_id in caller.departments and person_id == caller.id


def can_unassign(caller, row, person_id):
    """Managers, supervisors of the department, and assignees removing themselves."""
    if caller.is_manager:
        return True
    if not caller.is_member:
        return False
    if caller.supervises(row.department_id):
        return True
    return person_id == caller.id and is_assigned(caller.id, row)
