"""The key proof: for each tree (Zou's default and simple, shipped here as templates, and
a studio tree using every variable), every kind of entity and both modes, Dopesheet builds
the strings Zou 1.0.97 built for the same production (``zou_paths.json``, written by
``tools/zou_file_tree_paths.py``)."""

import pytest

from . import production
from .conftest import STUDIO_TREE, ZOU_PATHS

DEVIATIONS = {"default/output/sequence/0", "default/output/sequence/1",
              "default/output/sequence_seq/0", "default/output/sequence_seq/1"}
"""Zou's default.json names ``<OuputType>`` in its sequence output file name (a typo:
"Unknown data type: OuputType."); the shipped default says ``<OutputType>``, and a tree
naming an unknown variable cannot be stored here."""


def set_tree(call, project_id, tree_name):
    if tree_name == "studio":
        call("PUT", f"/data/projects/{project_id}", {"file_tree": STUDIO_TREE})
    else:
        call("POST", f"/actions/projects/{project_id}/set-file-tree", {"tree_name": tree_name})


def answer_of(call, ids, path, body):
    result = call.send("POST", production.resolve(path, ids), production.resolve(body, ids))
    return result.status_code, result.json


def renamed(value, zou_project, project):
    """Zou's answer with its project's name (slugified in any case) as ours."""
    if isinstance(value, dict):
        return {key: renamed(item, zou_project, project) for key, item in value.items()}
    for old, new in ((zou_project, project), (zou_project.lower(), project.lower()),
                     (zou_project.upper(), project.upper())):
        value = value.replace(old.replace(" ", "_"), new.replace(" ", "_"))
    return value


@pytest.mark.parametrize("tree_name", sorted(ZOU_PATHS["projects"]))
def test_paths_are_zous(call, built, tree_name):
    set_tree(call, built["project"], tree_name)
    zou_project = ZOU_PATHS["projects"][tree_name]
    compared = mismatches = 0
    failures = []
    for key, path, body in production.requests_of(tree_name):
        expected = ZOU_PATHS["cases"][key]
        status, answer = answer_of(call, built, path, body)
        if key in DEVIATIONS:
            assert status == 200, (key, answer)
            continue
        if expected["status"] != 200:
            message = expected["answer"]["message"]
            if status != expected["status"] or (message and answer["message"] != message):
                failures.append((key, expected, status, answer))
            continue
        wanted = renamed(expected["answer"], zou_project, "FT Production")
        compared += len(wanted)
        if status != 200 or answer != wanted:
            mismatches += 1
            failures.append((key, wanted, status, answer))
    assert not failures, "\n".join(map(repr, failures))
    print(tree_name, compared)
    assert compared > 0
