"""Paths built from a project's file tree, exactly as Zou 1.0.97 builds them
(``zou/behaviour.md`` C.1): the root of the mode, then the folder template with each
variable slugified and styled and its slashes turned into the separator; the file name
template rendered the same way then slugified and styled whole, ids kept verbatim."""

import dataclasses
import re

from slugify import slugify

from framework import BadRequest

from plugins.entities.models import Entity
from plugins.entities.services.kinds import EPISODE, SCENE, SEQUENCE, SHOT

from . import rows
from .templates import VARIABLE
from .variables import FIELDS, PathContext

UUID = re.compile(r"[a-f0-9]{8}-[a-f0-9]{4}-4[a-f0-9]{3}-[89aAbB][a-f0-9]{3}-[a-f0-9]{12}")
TEMPLATE_OF_KIND = {SHOT: "shot", SEQUENCE: "sequence", SCENE: "scene", EPISODE: "episode"}
NO_TREE = "No tree can be found for given project."


class MalformedTree(BadRequest):
    """A tree that cannot build the path asked for (Zou's MalformedFileTreeException)."""


@dataclasses.dataclass(frozen=True)
class Built:
    folder_path: str
    file_name: str


def working(task, variables, mode="working", software=None, name="main", revision=1,
            sep="/"):
    entity = Entity.get_by_id(task.entity_id)
    context = PathContext(rows.project_of(entity), entity, task=task, software=software,
                          name=name, revision=revision)
    return build(context, variables, mode, sep)


def output(entity, variables, output_type, task_type, mode="output", name="main",
           representation="", revision=1, sep="/", file_revision=None, nb_elements=1):
    """``file_revision``: Zou's entity route renders the folder with the requested revision
    and the file name with the computed one."""
    context = PathContext(rows.project_of(entity), entity, task_type=task_type,
                          output_type=output_type, name=name, representation=representation,
                          revision=revision)
    return build(context, variables, mode, sep, file_revision, nb_elements)


def instance(asset_instance, temporal_entity, variables, output_type, task_type,
             mode="output", name="main", representation="", revision=1, sep="/"):
    """Zou never suffixes an instance's file name with its number of elements."""
    asset = Entity.get_by_id(asset_instance.asset_id)
    context = PathContext(rows.project_of(temporal_entity), temporal_entity,
                          task_type=task_type, output_type=output_type,
                          asset_instance=asset_instance, asset=asset, name=name,
                          representation=representation, revision=revision)
    return build(context, variables, mode, sep)


def build(context, variables, mode, sep, file_revision=None, nb_elements=1):
    tree = context.project.file_tree
    folder = folder_path(tree, mode, context, variables, sep)
    file_context = dataclasses.replace(context, representation="", revision=(
        context.revision if file_revision is None else file_revision))
    name = file_name(tree, mode, file_context, variables)
    if nb_elements > 1:
        name += f"_[1-{nb_elements}]"
    return Built(folder, name)


def folder_path(tree, mode, context, variables, sep):
    root = root_path(tree, mode, sep)
    style = section_of(tree, mode, "folder_path").get("style", "")
    template = template_of(tree, mode, "folder_path", context)
    folder = render(template, context, variables, style).replace("/", sep)
    return join(root, folder)


def file_name(tree, mode, context, variables):
    template = template_of(tree, mode, "file_name", context)
    rendered = render(template, context, variables, "lowercase")
    style = section_of(tree, mode, "file_name").get("style", "")
    name = styled(slugify(rendered, separator="_"), style)
    for uuid in UUID.findall(rendered):
        name = name.replace(styled(slugify(uuid, separator="_"), style), uuid)
    return name


def root_path(tree, mode, sep):
    if tree is None:
        raise MalformedTree(NO_TREE)
    if not isinstance(tree, dict) or mode not in tree:
        raise MalformedTree(f"Mode {mode} cannot be found on given tree.")
    section = tree[mode]
    if not isinstance(section, dict) or "mountpoint" not in section or "root" not in section:
        raise MalformedTree(f"Can't find given mode ({mode}) in given tree.")
    if section["root"]:
        return f"{section['mountpoint']}{sep}{section['root']}{sep}"
    return f"{section['mountpoint']}{sep}"


def section_of(tree, mode, name):
    section = tree[mode].get(name)
    if not isinstance(section, dict):
        raise MalformedTree(f"The file tree has no {mode}.{name} section.")
    return section


def template_key(context):
    if context.asset_instance is not None:
        return "instance_asset" if context.asset_instance.target_asset_id else "instance"
    return TEMPLATE_OF_KIND.get(context.kind, "asset")


def template_of(tree, mode, name, context):
    key = template_key(context)
    template = section_of(tree, mode, name).get(key)
    if not isinstance(template, str):
        raise MalformedTree(f"The file tree has no {mode}.{name}.{key} template.")
    return template


def render(template, context, variables, style):
    """Each ``<Variable>`` or ``<Variable.field>`` replaced by its value, slugified and
    styled (an id verbatim); a variable read as None stays as written."""
    rendered = template
    for variable in VARIABLE.findall(template):
        data_type, *fields = variable.split(".")
        field = fields[0] if fields and fields[0] in FIELDS else "name"
        resolve = variables.get(data_type)
        if resolve is None:
            raise MalformedTree(f"Unknown data type: {data_type}.")
        value = resolve(context, field)
        if value is not None:
            if field != "id":
                value = styled(slugify(str(value), separator="_"), style)
            rendered = rendered.replace(f"<{variable}>", value)
    return rendered


def styled(text, style):
    if style == "uppercase":
        return text.upper()
    if style == "lowercase":
        return text.lower()
    return text


def join(left, right):
    if not left:
        return right
    if not right:
        return left
    return f"{left}{right}"
