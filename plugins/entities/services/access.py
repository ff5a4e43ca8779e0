"""Who may see and change what in a project, Zou's way (``zou/behaviour.md`` B.7).

A person's *effective role* in a project is the role of their team link when it is set
(an ``admin`` value is ignored), else their global role; a global admin keeps admin rights
everywhere. These helpers answer with one small query each, and give the subqueries that
list routes AND into their SQL so a filtered list stays one query.
"""

from ..models import Entity, Project, ProjectPersonLink, ProjectStatus

MANAGER_ROLES = frozenset(("admin", "manager"))


def team_project_ids(person_id):
    """Subquery: the ids of the projects ``person_id`` is a team member of."""
    return (ProjectPersonLink.select(ProjectPersonLink.project)
            .where(ProjectPersonLink.person == person_id))


def people_met_by(person_id):
    """Subquery: the team members of the open projects ``person_id`` is in, the only people
    Zou shows a client."""
    open_projects = (ProjectPersonLink.select(ProjectPersonLink.project)
                     .join(Project, on=ProjectPersonLink.project == Project.id)
                     .join(ProjectStatus, on=Project.project_status == ProjectStatus.id)
                     .where(ProjectPersonLink.person == person_id,
                            ProjectStatus.name == "Open"))
    return (ProjectPersonLink.select(ProjectPersonLink.person)
            .where(ProjectPersonLink.project.in_(open_projects)))


def effective_role(principal, project_id):
    """The caller's role in the project, or None when they are not in its team (admins
    always answer ``admin``)."""
    if principal is None:
        return None
    if principal.is_admin:
        return "admin"
    link = (ProjectPersonLink.select(ProjectPersonLink.role)
            .where(ProjectPersonLink.project == project_id,
                   ProjectPersonLink.person == principal.id).first())
    if link is None:
        return None
    return link.role if link.role and link.role != "admin" else principal.role


def is_member(principal, project_id):
    return effective_role(principal, project_id) is not None


def is_manager(principal, project_id):
    return effective_role(principal, project_id) in MANAGER_ROLES


def visible_entity_filter(principal, dopesheet):
    """Expression narrowing ``Entity`` rows to what a non-admin may list: their team's
    projects, and for vendors the entities assigned to them (``entities_assigned_to``)."""
    expression = Entity.project.in_(team_project_ids(principal.id))
    if principal.role == "vendor":
        assigned = dopesheet.hooks.call("entities_assigned_to", person_id=principal.id,
                                        dopesheet=dopesheet)
        expression &= Entity.id.in_(assigned) if assigned is not None else False
    return expression
