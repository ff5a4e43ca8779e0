"""How much of other people's time a caller reads, Zou's rules for time sheets (``B.7``,
global roles, as Zou's routes resolve no project): admins everything; everybody their own;
managers and supervisors the time logged on the projects of their teams, supervisors only
on the task types of their departments (all of them without department); others nothing
(403) or, in the studio tables, their own."""

from framework import BadRequest, Forbidden
from plugins.entities.models import ProjectPersonLink
from plugins.entities.services.access import team_project_ids

from . import access
from .timesheets import Scope

READERS_OF_OTHERS = ("manager", "supervisor")


def _in_team_projects(principal, project_id):
    return ProjectPersonLink.select().where(ProjectPersonLink.person == principal.id,
                                            ProjectPersonLink.project == project_id).exists()


def of_person(principal, person_id, project_id=None):
    """The scope of ``person_id``'s time sheet for the caller, narrowed to one project
    when asked (403 outside the caller's projects)."""
    if principal.is_admin or principal.id == person_id:
        return Scope(person_id=person_id, project_ids=[project_id] if project_id else None)
    if principal.role not in READERS_OF_OTHERS:
        raise Forbidden()
    scope = Scope(person_id=person_id, project_ids=team_project_ids(principal.id))
    if project_id is not None:
        if not _in_team_projects(principal, project_id):
            raise Forbidden()
        scope.project_ids = [project_id]
    if principal.role == "supervisor":
        scope.department_ids = access.department_ids(principal.id)
    return scope


def of_studio(principal, project_id=None, department_id=None, studio_id=None):
    """The scope of the studio time tables for the caller."""
    scope = Scope(project_ids=[project_id] if project_id else None,
                  department_ids=[department_id] if department_id else None,
                  studio_id=studio_id)
    if principal.is_admin:
        return scope
    if principal.role not in READERS_OF_OTHERS:
        scope.person_id = principal.id
        return scope
    if project_id is None:
        scope.project_ids = team_project_ids(principal.id)
    elif not _in_team_projects(principal, project_id):
        raise Forbidden()
    if principal.role == "supervisor":
        own = access.department_ids(principal.id)
        if department_id is None:
            scope.department_ids = own
        elif department_id not in own:
            raise BadRequest("Supervisor not allowed to access this department", data=None)
    return scope
