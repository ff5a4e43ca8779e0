"""``@Full Name`` and ``@Department`` mentions in comment and reply texts, Zou's way: a
person of the project's team (no preview account), a department of the studio, each
followed by a space or the end of the text."""

import re

from plugins.entities.models import ProjectPersonLink
from plugins.persons.models import Department, DepartmentLink, Person


def _named(text, name):
    return re.search(f"@{re.escape(name)}( |$)", text) is not None


def mentioned_persons(project_id, text):
    """Ids of the team members mentioned in ``text`` (one query, none without an ``@``)."""
    if not text or "@" not in text:
        return []
    team = (Person.select(Person.id, Person.first_name, Person.last_name)
            .join(ProjectPersonLink, on=(ProjectPersonLink.person == Person.id))
            .where(ProjectPersonLink.project == project_id,
                   Person.preview_project_id.is_null()))
    return [person.id for person in team if _named(text, person.full_name)]


def mentioned_departments(text):
    """Ids of the departments mentioned in ``text`` (one query, none without an ``@``)."""
    if not text or "@" not in text:
        return []
    return [department.id for department in Department.select(Department.id, Department.name)
            if _named(text, department.name)]


def audience(project_id, person_ids, department_ids):
    """The persons a mention reaches: the mentioned ones, then the team members of the
    mentioned departments, each once."""
    reached = list(dict.fromkeys(person_ids))
    if department_ids:
        members = (DepartmentLink.select(DepartmentLink.person)
                   .join(ProjectPersonLink, on=(
                       (ProjectPersonLink.person == DepartmentLink.person)
                       & (ProjectPersonLink.project == project_id)))
                   .where(DepartmentLink.department.in_(list(department_ids)))
                   .order_by(DepartmentLink.person).distinct())
        reached += [row.person_id for row in members if row.person_id not in reached]
    return reached

