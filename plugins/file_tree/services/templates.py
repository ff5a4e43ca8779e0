"""File-tree templates: the named ones in the templates folder, and the check of a tree
before it is stored (``zou/behaviour.md`` C.1 for the format)."""

import json
import pathlib
import re

from framework import BadRequest

from ..settings import settings_of

NAME_PATTERN = re.compile(r"[A-Za-z0-9_-]+")
"""Zou's names of loadable templates: a file name, never a path."""
VARIABLE = re.compile(r"<([\w\.]*)>")
KINDS = ("shot", "asset", "sequence", "scene", "episode", "instance", "instance_asset")
"""The template of each kind of entity (``instance_asset``: an asset instance in an asset);
edits and concepts use ``asset``, as in Zou."""
REQUIRED_MODES = ("working", "output")
SECTIONS = ("folder_path", "file_name")
NOT_AVAILABLE = "Selected tree is not available"


def folder(dopesheet):
    return pathlib.Path(settings_of(dopesheet)["folder"])


def named(dopesheet, tree_name, variable_names):
    """The template called ``tree_name``, checked; Zou's 400 when there is none."""
    path = folder(dopesheet) / f"{tree_name}.json"
    if not NAME_PATTERN.fullmatch(tree_name or "") or not path.is_file():
        raise BadRequest(NOT_AVAILABLE)
    try:
        tree = json.loads(path.read_text(encoding="utf-8"))
    except ValueError as error:
        raise BadRequest(f"The file tree {tree_name} is not valid JSON: {error}.") from None
    check(tree, variable_names)
    return tree


def check(tree, variable_names):
    """Refuse a tree the path routes could not use, with a 400 naming each problem."""
    problems = list(problems_of(tree, variable_names))
    if problems:
        raise BadRequest(f"Invalid file tree: {'; '.join(problems)}.", data=problems)


def problems_of(tree, variable_names):
    if not isinstance(tree, dict):
        yield "the tree must be an object of modes (working, output...)"
        return
    for mode in REQUIRED_MODES:
        if mode not in tree:
            yield f"the {mode} section is missing"
    for mode, section in tree.items():
        yield from mode_problems(mode, section, variable_names)


def mode_problems(mode, section, variable_names):
    if not isinstance(section, dict):
        yield f"{mode} must be an object"
        return
    for key in ("mountpoint", "root"):
        if not isinstance(section.get(key), str):
            yield f"{mode}.{key} must be a string"
    for name in SECTIONS:
        templates = section.get(name)
        if not isinstance(templates, dict):
            yield f"{mode}.{name} must be an object of templates"
            continue
        for kind, template in templates.items():
            where = f"{mode}.{name}.{kind}"
            if kind not in KINDS + ("style",):
                yield f"{where} is not a kind of entity ({', '.join(KINDS)})"
            elif not isinstance(template, str):
                yield f"{where} must be a string"
            else:
                yield from (f"{where}: unknown variable <{variable}>"
                            for variable in unknown_variables(template, variable_names))
    for key in section:
        if key not in ("mountpoint", "root") + SECTIONS:
            yield f"{mode}.{key} is not a part of a mode (mountpoint, root, {', '.join(SECTIONS)})"


def unknown_variables(template, variable_names):
    return [variable for variable in VARIABLE.findall(template)
            if variable.split(".")[0] not in variable_names]
