"""The ``file_tree_variables`` hook: a studio plugin (``tests/fixture_plugins/show_code.py``)
adds ``<ShowCode>`` and redefines ``<Sequence>`` (without Zou's ``Seq2`` -> ``S002``), for
the path routes and for new files."""

import pytest

from tests.fixture_plugins import show_code

TREE = {mode: {"mountpoint": "/shows", "root": mode,
               "folder_path": {"shot": "<ShowCode>/<Sequence>/<Shot>", "style": "uppercase"},
               "file_name": {"shot": "<ShowCode>_<Shot>_v<Revision>", "style": "lowercase"}}
        for mode in ("working", "output")}


@pytest.fixture
def app(register_plugin):
    return register_plugin("show_code", show_code)


def test_a_plugin_adds_and_redefines_variables(call, built):
    call("PUT", f"/data/projects/{built['project']}", {"file_tree": TREE, "code": "Big Show"})
    answer = call("POST", f"/data/tasks/{built['task:shot_seq']}/working-file-path",
                  {"revision": 3})
    assert answer == {"path": "/shows/working/BIG_SHOW/SEQ2/SH020_FINAL",
                      "name": "big_show_sh020_final_v003"}


def test_the_plugins_variables_serve_new_files_too(call, built):
    call("PUT", f"/data/projects/{built['project']}", {"file_tree": TREE})
    answer = call("POST", f"/data/entities/{built['shot']}/output-files/new",
                  {"output_type_id": built["output_type"], "task_type_id": built["task_type"]})
    assert (answer["folder_path"], answer["file_name"]) == ("/shows/output/XX/SQ_10/SH010",
                                                            "xx_sh010_v001")
