"""Zou's role rules for this plugin's models, as answers to the core's permission hooks.

Admins are allowed everything by the ``auth`` plugin; a ``False`` here vetoes even them
(time is only ever logged for a task's assignees). Verbs beyond ``list/read/create/update/
delete``: ``build`` on ``Playlist`` (its build jobs: project managers, clients of client
playlists), ``log`` on ``TimeSpent`` (set, add or remove a person's time on a task:
``data = {"task": task row, "person_id": id}``), and on ``Project`` the read verbs of the
project routes of this plugin, each a team membership with Zou's role exclusions
(``PROJECT_VERBS``). Project management itself is the entities plugin's ``manage``.
"""

from plugins.entities.models import Project, ProjectPersonLink as Link, TaskType
from plugins.entities.services.access import effective_role, team_project_ids
from plugins.tasks.models import Task

from ..models import DayOff, Milestone, Playlist, ScheduleItem, TimeSpent
from . import access

MANAGERS = ("admin", "manager")
SUPERVISORS = ("admin", "manager", "supervisor")
PROJECT_VERBS = {
    # verb: the effective roles refused among team members
    "view_schedule": ("vendor", "client"),
    "plan": ("vendor",),
    "view_milestones": ("client",),
    "view_time_spents": ("client",),
    "view_day_offs": ("vendor", "client"),
    "view_playlists": ("vendor",),
}


def vote(principal, action, resource):
    if principal is None:
        return None
    if resource.model is TimeSpent and action in ("log", "delete"):
        return _timesheet(principal, resource)
    if principal.is_admin:
        return None
    rule = RULES.get(resource.model)
    return rule(principal, action, resource) if rule else None


def _timesheet(principal, resource):
    """Zou's timesheet access: only a task's assignees have time on it, logged by
    themselves, an admin or a manager of the project."""
    if resource.instance is not None:
        task_id, person_id = resource.instance.task_id, resource.instance.person_id
        project_id = Task.select(Task.project).where(Task.id == task_id).scalar()
    else:
        task = resource.data["task"]
        task_id, person_id, project_id = task.id, resource.data["person_id"], task.project_id
    if not access.is_assignee(person_id, task_id):
        return False
    if principal.is_admin:
        return None
    return person_id == principal.id or effective_role(principal, project_id) in MANAGERS


def _project(principal, action, resource):
    refused = PROJECT_VERBS.get(action)
    if refused is None or resource.instance is None:
        return None
    role = effective_role(principal, resource.instance.id)
    return role is not None and role not in refused


def _day_off(principal, action, resource):
    if action == "create":
        return str((resource.data or {}).get("person_id")) == principal.id or None
    day_off = resource.instance
    if day_off is None:
        return None
    if action == "read":
        return access.leave_readers(principal).get(day_off.person_id) is not None
    if action == "update":
        moved_to = (resource.data or {}).get("person_id")
        if moved_to is not None and str(moved_to) != day_off.person_id:
            return False
    if action in ("update", "delete"):
        return day_off.person_id == principal.id or None
    return None


def _project_of(resource):
    if resource.instance is not None:
        return resource.instance.project_id
    project_id = (resource.data or {}).get("project_id")
    return str(project_id) if project_id else None


def _milestone(principal, action, resource):
    project_id = _project_of(resource)
    if project_id is None:
        return None
    role = effective_role(principal, project_id)
    if action == "read":
        return role is not None and role != "vendor"
    if action in ("create", "update", "delete"):
        return role in MANAGERS
    return None


def _schedule_item(principal, action, resource):
    project_id = _project_of(resource)
    if project_id is None:
        return None
    role = effective_role(principal, project_id)
    if action in ("create", "delete"):
        return role in MANAGERS
    if action == "update":
        return role in MANAGERS or (role == "supervisor" and _supervises_type(
            principal, resource.instance.task_type_id))
    return None


def _supervises_type(principal, task_type_id):
    """A supervisor with no department supervises every task type."""
    departments = access.department_ids(principal.id)
    if not departments:
        return True
    department_id = (TaskType.select(TaskType.department)
                     .where(TaskType.id == task_type_id).scalar())
    return department_id in departments


def _playlist(principal, action, resource):
    if action == "list":
        return principal.role != "vendor"
    project_id = _project_of(resource)
    if project_id is None:
        return None
    role = effective_role(principal, project_id)
    if role is None:
        return False
    if action == "read":
        return role != "vendor" and (role != "client" or bool(resource.instance.for_client))
    if action == "create":
        return role in SUPERVISORS
    if action in ("update", "delete"):
        return role in MANAGERS or (role == "supervisor" and resource.instance.created_by_id
                                    in (None, principal.id))
    if action == "build":
        return role in MANAGERS or (role == "client" and bool(resource.instance.for_client))
    return None


RULES = {Project: _project, DayOff: _day_off, Milestone: _milestone,
         ScheduleItem: _schedule_item, Playlist: _playlist}


def list_filter(principal, model):
    """A non-admin lists the playlists of their team projects, none of the projects where
    they are a vendor, and only the ``for_client`` ones where they are a client."""
    if principal is None or principal.is_admin or model is not Playlist:
        return None
    expression = Playlist.project.in_(team_project_ids(principal.id))
    vendor_projects = _projects_where(principal, "vendor")
    client_projects = _projects_where(principal, "client")
    return (expression & Playlist.project.not_in(vendor_projects)
            & (Playlist.for_client | Playlist.project.not_in(client_projects)))


def _projects_where(principal, role):
    """Subquery: the caller's team projects where their effective role is ``role``."""
    held = Link.role == role
    if principal.role == role:
        held = held | Link.role.is_null() | (Link.role == "admin")
    return Link.select(Link.project).where(Link.person == principal.id, held)
