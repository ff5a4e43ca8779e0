"""``[plugins] disabled = ["file_tree"]``: its routes are gone, trees are stored unchecked
and new files keep the path their client sent; nothing else breaks."""

import pytest

from .test_variables_hook import TREE

ROUTES = ("/actions/projects/{id}/set-file-tree", "/data/tasks/{id}/working-file-path",
          "/data/entities/{id}/output-file-path",
          "/data/asset-instances/{id}/entities/{id}/output-file-path")


@pytest.fixture
def app(make_app):
    return make_app({"plugins": {"disabled": ["file_tree"]}})


def test_the_routes_are_gone(app, call, built):
    endings = tuple(path.rsplit("/", 1)[1] for path in ROUTES)
    assert [route.template for route in app.dopesheet.routes
            if route.template.endswith(endings)] == []
    for path in ROUTES:
        call("POST", path.replace("{id}", built["shot"]), {"tree_name": "default"}, 404)


def test_trees_are_stored_unchecked_and_new_files_keep_the_clients_path(call, built):
    call("PUT", f"/data/projects/{built['project']}", {"file_tree": TREE})
    working = call("POST", f"/data/tasks/{built['task:shot']}/working-files/new",
                   {"name": "main", "path": "/mnt/show/sh010/main_v001.blend"})
    assert working["path"] == "/mnt/show/sh010/main_v001.blend"
    output = call("POST", f"/data/entities/{built['shot']}/output-files/new",
                  {"output_type_id": built["output_type"], "task_type_id": built["task_type"]})
    assert (output["folder_path"], output["file_name"]) == ("", "main")
