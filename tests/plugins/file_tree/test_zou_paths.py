"""The key proof: for each tree (Zou's default and simple, shipped here as templates, and
a studio tree using every variable), every kind of entity and both modes, Dopesheet builds
the strings Zou 1.0.97 built for the same production, and guesses the same templates and
rows from those paths (``zou_paths.json``, written by ``tools/zou_file_tree_paths.py``)."""

import pytest

from . import production
from .conftest import STUDIO_TREE, ZOU_PATHS

DEVIATIONS = {"default/output/sequence/0", "default/output/sequence/1",
              "default/output/sequence_seq/0", "default/output/sequence_seq/1"}
"""Zou's default.json names ``<OuputType>`` in its sequence output file name (a typo:
"Unknown data type: OuputType."); the shipped default says ``<OutputType>``, and a tree
naming an unknown variable cannot be stored here."""


PROJECT = "FT Production"


def compared_strings(tree_name):
    return sum(len(case["answer"]) for key, case in ZOU_PATHS["cases"].items()
               if key.startswith(f"{tree_name}/") and "/guess/" not in key
               and case["status"] < 400)


COMPARED = {name: compared_strings(name) for name in ZOU_PATHS["projects"]}
"""How many answer values each tree compares (every success of the fixture)."""


def set_tree(call, project_id, tree_name):
    if tree_name == "studio":
        call("PUT", f"/data/projects/{project_id}", {"file_tree": STUDIO_TREE})
    else:
        call("POST", f"/actions/projects/{project_id}/set-file-tree", {"tree_name": tree_name})


def answer_of(call, ids, path, body):
    result = call.send("POST", production.resolve(path, ids), production.resolve(body, ids))
    if result.status_code < 400:
        return result.status_code, production.compared(result.json)
    return result.status_code, result.json


def renamed(value, zou_project, project):
    """Zou's answer with its project's name (slugified in any case) as ours."""
    if isinstance(value, dict):
        return {key: renamed(item, zou_project, project) for key, item in value.items()}
    if not isinstance(value, str):
        return value
    for old, new in ((zou_project, project), (zou_project.lower(), project.lower()),
                     (zou_project.upper(), project.upper())):
        value = value.replace(old.replace(" ", "_"), new.replace(" ", "_"))
    return value


@pytest.mark.parametrize("tree_name", sorted(ZOU_PATHS["projects"]))
def test_paths_are_zous(call, built, tree_name):
    set_tree(call, built["project"], tree_name)
    zou_project = ZOU_PATHS["projects"][tree_name]
    compared = 0
    failures = []
    for key, path, body in production.requests_of(tree_name):
        expected = ZOU_PATHS["cases"][key]
        status, answer = answer_of(call, built, path, body)
        if key in DEVIATIONS:
            assert status == 200, (key, answer)
            continue
        if expected["status"] >= 400:
            if not refused_as_zou(expected, status, answer):
                failures.append((key, expected, status, answer))
            continue
        wanted = renamed(expected["answer"], zou_project, PROJECT)
        compared += len(wanted)
        if status != expected["status"] or answer != wanted:
            failures.append((key, wanted, status, answer))
    assert not failures, "\n".join(map(repr, failures))
    assert compared == COMPARED[tree_name]


@pytest.mark.parametrize("tree_name", sorted(ZOU_PATHS["projects"]))
def test_guesses_from_paths_are_zous(call, built, tree_name):
    set_tree(call, built["project"], tree_name)
    zou_project = ZOU_PATHS["projects"][tree_name]
    failures = []
    for key, _, _, sep in production.GUESSES:
        expected = ZOU_PATHS["cases"].get(f"{tree_name}/guess/{key}")
        if expected is None:
            continue
        answer = call("POST", "/data/entities/guess-from-path", {
            "project_id": built["project"], "sep": sep,
            "file_path": renamed(expected["file_path"], zou_project, PROJECT)})
        if answer != production.resolve(expected["answer"], built):
            failures.append((key, expected["answer"], answer))
    assert not failures, "\n".join(map(repr, failures))


def refused_as_zou(expected, status, answer):
    """The same status and message; Zou's empty message of a missing template, and its 500
    for an instance output file on a tree without instance templates (a 400 here), say
    nothing worth matching."""
    if expected["status"] == 500:
        return status == 400 and "instance" in answer["message"]
    message = expected["answer"]["message"]
    return status == expected["status"] and (not message or answer["message"] == message)
