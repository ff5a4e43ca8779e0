"""The caller's standing in projects and towards other people, as Zou's rules read it
(``zou/behaviour.md`` B.7): the effective role per project comes from the entities plugin;
here are what the time, leave and playlist rules add, each answered with one query."""

from plugins.entities.models import ProjectPersonLink
from plugins.persons.models import DepartmentLink, Person
from plugins.tasks.models import TaskPersonLink

LEAVE_READING_ROLES = ("manager", "supervisor")


def team_roles(principal):
    """``{project_id: effective role}`` of every project the caller is a team member of."""
    return {link.project_id: (link.role if link.role and link.role != "admin"
                              else principal.role)
            for link in ProjectPersonLink.select(ProjectPersonLink.project,
                                                 ProjectPersonLink.role)
            .where(ProjectPersonLink.person == principal.id)}


def department_ids(person_id):
    return [link.department_id for link in DepartmentLink.select(DepartmentLink.department)
            .where(DepartmentLink.person == person_id)]


def is_assignee(person_id, task_id):
    return TaskPersonLink.select().where(TaskPersonLink.task == task_id,
                                         TaskPersonLink.person == person_id).exists()


def leave_readers(principal):
    """Whose leave the caller reads, Zou's rule: ``{person_id: True}`` with the description
    (themselves, the team of the projects they manage), ``False`` for the dates only (the
    team members a supervisor supervises: sharing one of their departments, everybody when
    they have none). ``None`` stands for everybody with the description (admins)."""
    if principal.is_admin:
        return None
    readable = {principal.id: True}
    scopes = {project_id: role for project_id, role in team_roles(principal).items()
              if role in LEAVE_READING_ROLES}
    if not scopes:
        return readable
    supervised = set()
    for link in (ProjectPersonLink.select(ProjectPersonLink.project, ProjectPersonLink.person)
                 .where(ProjectPersonLink.project.in_(list(scopes)))):
        if scopes[link.project_id] == "manager":
            readable[link.person_id] = True
        else:
            supervised.add(link.person_id)
    own_departments = department_ids(principal.id)
    if own_departments and supervised:
        supervised = {link.person_id for link in DepartmentLink.select(DepartmentLink.person)
                      .where(DepartmentLink.person.in_(list(supervised)),
                             DepartmentLink.department.in_(own_departments))}
    for person_id in supervised:
        readable.setdefault(person_id, False)
    return readable


def is_bot_refused(person_id, project=None):
    """Zou's not-bot rule: a bot is refused unless the project lets bots collaborate."""
    is_bot = Person.select(Person.is_bot).where(Person.id == person_id).scalar()
    return bool(is_bot) and not (project is not None and project.is_bot_collaboration_enabled)
