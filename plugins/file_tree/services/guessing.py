"""Zou's guess-from-path: the templates of a project's tree that a file path matches, with
the ids of the rows its folder names point at (``zou/behaviour.md`` C.4).

A path matches a mode when it starts with the mode's root; each folder template of that
mode is then lined up with the path's folders, literal folders equal and variables read
(``v<Version>`` reads ``003`` from ``v003``, underscores read as spaces). The variables are
then looked up left to right, each narrowed by those found before it (a shot by its
sequence, a sequence by its episode...), case-insensitively; the first one that finds
nothing ends the template's answer."""

import re

from plugins.entities.models import AssetInstance, Entity, EntityType, Project, TaskType
from plugins.entities.services.kinds import EPISODE, SCENE, SEQUENCE, SHOT
from plugins.files.models import OutputType
from plugins.persons.models import Department
from plugins.tasks.models import Task

from .building import NO_TREE, MalformedTree, root_path, styled

ELEMENT = re.compile(r"(?P<prefix>\w*)<(?P<token>\w*)>(?P<suffix>\w*)")


class Mismatch(Exception):
    """A literal folder of the template that the path does not have."""


def guess(project, file_path, sep):
    """``[{"Template": name, "<Variable>": id or value, ...}]``."""
    tree = project.file_tree
    if tree is None:
        raise MalformedTree(NO_TREE)
    if not isinstance(tree, dict):
        raise MalformedTree("The project's file tree is not an object of modes.")
    matches = []
    for mode, section in tree.items():
        folders = section.get("folder_path") if isinstance(section, dict) else None
        if not isinstance(folders, dict):
            continue
        style = folders.get("style", "")
        root = styled(root_path(tree, mode, sep), style)
        path = styled(file_path, style)
        if not path.startswith(root):
            continue
        elements = path[len(root):].split(sep)
        for name, template in folders.items():
            if not isinstance(template, str):
                continue
            found = template_match(project, name, template.split(sep), elements)
            if found is not None and found not in matches:
                matches.append(found)
    return matches


def template_match(project, name, template_elements, elements):
    try:
        tokens = read_tokens(elements, template_elements)
    except Mismatch:
        return None
    if not tokens:
        return None
    found = {"Template": name}
    for template_element in template_elements:
        token = next((token for token in tokens if f"<{token}>" in template_element), None)
        if token is None:
            continue
        data = lookup(token, tokens[token], found)
        if data is None or data == "" or data == 0:
            break
        if token == "Project" and str(data.id) != str(project.id):
            break
        found[token] = data if isinstance(data, str) else (
            str(data) if isinstance(data, int) else str(data.id))
    return found


def read_tokens(elements, template_elements):
    """``{variable: value}`` read from the path's folders, the first reading of a variable
    winning; Mismatch when a literal folder differs."""
    tokens = {}
    for template_element, element in zip(template_elements, elements):
        token = ELEMENT.search(template_element)
        if token is None:
            if template_element != element:
                raise Mismatch()
            continue
        value = element.replace("_", " ")
        value = value[len(token["prefix"]):len(value) - len(token["suffix"])]
        if not tokens.get(token["token"]):
            tokens[token["token"]] = value
    return tokens


def named(model, value, *where):
    return model.select().where(model.name.ilike(value), *where).first()


def entity_named(value, kind, found, parent_token=None, parent_required=False):
    """An entity of ``kind`` of the project found before, under the parent found before
    when there is one (required for a shot)."""
    if not found.get("Project") or (parent_required and not found.get(parent_token)):
        return None
    where = [Entity.project == found["Project"],
             Entity.entity_type.in_(EntityType.select(EntityType.id)
                                    .where(EntityType.name == kind))]
    if parent_token and found.get(parent_token):
        where.append(Entity.parent == found[parent_token])
    return named(Entity, value, *where)


def lookup(token, value, found):
    """The row (or value) a variable's folder name points at, or None."""
    if token == "Project":
        return named(Project, value)
    if token in ("AssetType", "TemporalEntityType"):
        return named(EntityType, value)
    if token == "TaskType":
        return named(TaskType, value)
    if token == "Department":
        return named(Department, value)
    if token == "OutputType":
        return named(OutputType, value)
    if token == "Episode":
        return entity_named(value, EPISODE, found)
    if token == "Sequence":
        return entity_named(value, SEQUENCE, found, "Episode")
    if token == "Scene":
        return entity_named(value, SCENE, found, "Sequence")
    if token == "Shot":
        return entity_named(value, SHOT, found, "Sequence", parent_required=True)
    if token in ("Asset", "TemporalEntity"):
        type_token = "AssetType" if token == "Asset" else "TemporalEntityType"
        if not (found.get("Project") and found.get(type_token)):
            return None
        return named(Entity, value, Entity.project == found["Project"],
                     Entity.entity_type == found[type_token])
    if token == "Task":
        return task_named(value, found)
    if token in ("Name", "Representation"):
        return value
    if token == "Version":
        return version(value)
    if token == "Instance" and found.get("Episode"):
        return named(AssetInstance, value)
    return None


def version(value):
    try:
        return int(value)
    except ValueError:
        return None


def task_named(value, found):
    entity_id = next((found[key] for key in ("Scene", "Asset", "Shot") if found.get(key)),
                     None)
    if not (found.get("Project") and found.get("TaskType") and entity_id):
        return None
    return named(Task, value, Task.project == found["Project"],
                 Task.task_type == found["TaskType"], Task.entity == entity_id)
