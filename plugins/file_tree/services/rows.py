"""The rows a path is built from, read through the other plugins' models."""

from framework import NotFound

from plugins.entities.models import Entity, EntityType, Project, TaskType
from plugins.entities.services.kinds import ASSET, kind_of_type_name
from plugins.files.models import OutputType, Software
from plugins.persons.models import Department

DEFAULT_SOFTWARE = ("3dsmax", "max", ".max")
"""Zou's software of a ``<Software>`` variable when none is given (an output path)."""
WORKING_SOFTWARE = ("3ds Max", "max", ".max")
"""Zou's software of the working-file-path route when the body names none."""
DEFAULT_OUTPUT_TYPE = ("Geometry", "")


def named(model, name, **columns):
    """The row of ``model`` called ``name``, created with ``columns`` when missing (Zou
    creates its default software and output type on first use)."""
    model.insert(name=name, **columns).on_conflict_ignore().execute()
    return model.get(model.name == name)


def default_software(names=DEFAULT_SOFTWARE):
    name, short_name, extension = names
    return named(Software, name, short_name=short_name, file_extension=extension)


def default_output_type():
    name, short_name = DEFAULT_OUTPUT_TYPE
    return named(OutputType, name, short_name=short_name)


def entity_type(entity):
    return EntityType.get_or_none(EntityType.id == entity.entity_type_id)


def kind(entity):
    """``"Shot"``, ``"Sequence"``... or ``"Asset"`` (any other entity type)."""
    found = entity_type(entity)
    return kind_of_type_name(found.name) if found else ASSET


def asset_type(entity):
    """The asset type of an asset; Zou's 404 for any other entity (a shot, an edit...)."""
    found = entity_type(entity)
    if found is None or kind_of_type_name(found.name) != ASSET:
        raise NotFound()
    return found


def parent(entity):
    return Entity.get_or_none(Entity.id == entity.parent_id) if entity.parent_id else None


def project_of(entity):
    return Project.get_by_id(entity.project_id)


def task_type_of(task, task_type):
    """The given task type, else the task's, else None."""
    if task_type is None and task is not None:
        return TaskType.get_or_none(TaskType.id == task.task_type_id)
    return task_type


def department_of(task_type):
    if task_type is None or task_type.department_id is None:
        return None
    return Department.get_or_none(Department.id == task_type.department_id)
