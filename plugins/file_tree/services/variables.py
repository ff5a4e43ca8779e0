"""The template variables and how each is read, as Zou 1.0.97 reads them
(``zou/behaviour.md`` C.1). A studio plugin adds or redefines some through the
``file_tree_variables`` hook."""

import functools
from dataclasses import dataclass

from framework import BadRequest

from plugins.entities.services.kinds import EPISODE, SCENE, SEQUENCE, SHOT

from . import rows

FIELDS = ("name", "short_name", "number", "id")
"""The fields a variable may name (``<Shot.id>``); Zou reads any other as ``name``."""


@dataclass(frozen=True)
class PathContext:
    """What a path is built from. ``entity`` is the entity whose template is used (for an
    asset instance, the shot, scene or asset it sits in); rows are peewee rows or None."""

    project: object
    entity: object
    task: object = None
    task_type: object = None
    software: object = None
    output_type: object = None
    asset_instance: object = None
    asset: object = None
    name: str = ""
    representation: str = ""
    revision: int = 1

    @functools.cached_property
    def kind(self):
        return rows.kind(self.entity)


def field_of(row, field, variable):
    """``row``'s ``field`` as text, None when unset; a 400 when rows of that kind have no
    such field (Zou fails with a 500)."""
    if field not in row._meta.fields:
        raise BadRequest(f"The variable <{variable}.{field}> cannot be read: "
                         f"{type(row).__name__} has no {field}.")
    value = getattr(row, field)
    return None if value is None else str(value)


def project(context, field):
    return field_of(context.project, field, "Project")


def task(context, field):
    if context.task is None:
        raise BadRequest("The variable <Task> is only known for working files.")
    return field_of(context.task, field, "Task")


def task_type(context, field):
    found = rows.task_type_of(context.task, context.task_type)
    return "" if found is None else field_of(found, field, "TaskType")


def department(context, field):
    found = rows.department_of(rows.task_type_of(context.task, context.task_type))
    return "" if found is None else field_of(found, field, "Department")


def entity(label):
    def read(context, field):
        return field_of(context.entity, field, label)
    return read


def temporal_entity_type(context, field):
    value = field_of(rows.entity_type(context.entity), field, "TemporalEntityType")
    return None if value is None else value.lower()


def asset(context, field):
    return field_of(context.asset or context.entity, field, "Asset")


def asset_type(context, field):
    return field_of(rows.asset_type(context.asset or context.entity), field, "AssetType")


def sequence_row(context):
    if context.kind in (SHOT, SCENE):
        return rows.parent(context.entity)
    if context.kind == SEQUENCE:
        return context.entity
    return None


def sequence(context, field):
    """Zou's quirk: a name containing ``Seq`` becomes ``S`` and the rest of the name after
    its third character, padded to 3 digits (``Seq2`` is ``S002``)."""
    found = sequence_row(context)
    value = "" if found is None else field_of(found, field, "Sequence") or ""
    if "Seq" in value:
        value = f"S{value[3:].zfill(3)}"
    return value


def episode(context, field):
    """The episode itself, or the one above the sequence; ``e001`` when there is none."""
    if context.kind == EPISODE:
        found = context.entity
    else:
        found = sequence_row(context)
        found = rows.parent(found) if found is not None else None
    if found is None or field not in found._meta.fields:
        return "e001"
    value = getattr(found, field)
    return None if value is None else str(value)


def software(context, field):
    return field_of(context.software or rows.default_software(), field, "Software")


def output_type(context, field):
    value = field_of(context.output_type or rows.default_output_type(), field, "OutputType")
    return None if value is None else value.lower()


def instance(context, field):
    """The instance's name (its number when it has none) for ``<Instance>``, its number
    padded to 4 digits for any other field."""
    if context.asset_instance is None:
        return ""
    number = str(context.asset_instance.number).zfill(4)
    if field == "name" and context.asset_instance.name is not None:
        return context.asset_instance.name
    return number


def representation(context, field):
    return context.representation


def name(context, field):
    return context.name


def revision(context, field):
    return str(context.revision).zfill(3)


BUILTIN = {
    "Project": project, "Task": task, "TaskType": task_type, "Department": department,
    "Shot": entity("Shot"), "Scene": entity("Scene"), "TemporalEntity": entity("TemporalEntity"),
    "TemporalEntityType": temporal_entity_type, "AssetType": asset_type, "Asset": asset,
    "Sequence": sequence, "Episode": episode, "Software": software,
    "OutputType": output_type, "Instance": instance, "Representation": representation,
    "Name": name, "OutputFile": name, "WorkingFile": name, "Version": revision,
    "Revision": revision,
}
"""Zou 1.0.97's variables."""


def collected(dopesheet):
    """Every variable: the plugin's own, then those of the ``file_tree_variables``
    implementations of other plugins, which win (built once per application)."""
    def merge():
        merged = {}
        for found in reversed(dopesheet.hooks.call("file_tree_variables",
                                                   dopesheet=dopesheet)):
            merged.update(found or {})
        return merged
    return dopesheet.extension("file_tree.variables", merge)
