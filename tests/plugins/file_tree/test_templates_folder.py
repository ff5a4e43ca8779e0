"""The templates folder is a setting: set-file-tree reads the templates of that folder, and
refuses a broken one with a 400 saying what is wrong."""

import json

import pytest

from .test_templates import DEFAULT, set_tree


@pytest.fixture
def trees(tmp_path):
    folder = tmp_path / "trees"
    folder.mkdir()
    return folder


@pytest.fixture
def app(make_app, trees):
    return make_app({"plugins": {"file_tree": {"folder": str(trees)}}})


def test_the_templates_folder_is_a_setting(call, built, trees):
    studio_tree = {mode: {**DEFAULT[mode], "mountpoint": "/mnt/show"}
                   for mode in ("working", "output")}
    (trees / "show.json").write_text(json.dumps(studio_tree))
    assert set_tree(call, built["project"], {"tree_name": "show"})["file_tree"] == studio_tree
    set_tree(call, built["project"], {"tree_name": "default"}, 400)


def test_a_broken_template_file_is_a_400_saying_what_is_wrong(call, built, trees):
    (trees / "typo.json").write_text(json.dumps({"working": DEFAULT["working"]}))
    (trees / "cut.json").write_text('{"working": ')
    answer = set_tree(call, built["project"], {"tree_name": "typo"}, 400)
    assert answer["message"] == "Invalid file tree: the output section is missing."
    answer = set_tree(call, built["project"], {"tree_name": "cut"}, 400)
    assert answer["message"].startswith("The file tree cut is not valid JSON")
