"""Who may build and guess paths: the members of the production (Zou's project access), and
a vendor only on the entities they have a task on (Zou's entity access)."""

import pytest


@pytest.fixture
def paths(call, built):
    call("POST", f"/actions/projects/{built['project']}/set-file-tree", {"tree_name": "simple"})

    def build(headers, expected):
        call("POST", f"/data/tasks/{built['task:shot']}/working-file-path", {}, expected,
             headers)
        call("POST", f"/data/entities/{built['shot']}/output-file-path",
             {"output_type_id": built["output_type"], "task_type_id": built["task_type"]},
             expected, headers)
        call("POST", f"/data/asset-instances/{built['instance_named']}/entities/"
             f"{built['shot']}/output-file-path",
             {"output_type_id": built["output_type"], "task_type_id": built["task_type"]},
             expected, headers)
        call("POST", "/data/entities/guess-from-path",
             {"project_id": built["project"], "file_path": "/simple/productions"}, expected,
             headers)
    return build


def join(call, built, person):
    call("POST", f"/data/projects/{built['project']}/team", {"person_id": person.id}, 201)


def test_members_build_paths_and_others_do_not(call, built, studio, paths):
    artist = studio.person("user")
    paths(studio.headers(artist), 403)
    join(call, built, artist)
    paths(studio.headers(artist), 200)


def test_a_vendor_builds_paths_only_where_a_task_is_assigned(call, built, studio, paths):
    vendor = studio.person("vendor")
    join(call, built, vendor)
    headers = studio.headers(vendor)
    call("POST", f"/data/tasks/{built['task:shot']}/working-file-path", {}, 403, headers)
    call("PUT", f"/actions/tasks/{built['task:shot']}/assign", {"person_id": vendor.id})
    call("POST", f"/data/tasks/{built['task:shot']}/working-file-path", {}, 200, headers)
