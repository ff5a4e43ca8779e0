"""Every list route of the plugin issues the same number of SQL queries whatever the number
of rows (pinned, for an admin and for an artist of the team)."""

import pytest

from .conftest import picture
from .test_output_files import Outputs, scene_instance

LISTS = {
    "/data/softwares": 2,
    "/data/output-types": 2,
    "/data/file-status": 2,
    "/data/working-files": 2,
    "/data/working-files?relations=true": 3,
    "/data/output-files": 3,
    "/data/attachment-files": 3,
    "/data/preview-files": 2,
    "/data/preview-files?relations=true": 3,
    "/data/preview-background-files": 2,
    "/data/tasks/{task}/working-files": 3,
    "/data/tasks/{task}/working-files/last-revisions": 3,
    "/data/entities/{asset}/working-files": 3,
    "/data/entities/{asset}/working-files?relations=true": 4,
    "/data/entities/{asset}/output-files": 4,
    "/data/entities/{asset}/output-files/last-revisions": 4,
    "/data/entities/{asset}/output-types": 3,
    "/data/entities/{asset}/output-types/{output_type}/output-files": 5,
    "/data/asset-instances/{instance}/output-files": 5,
    "/data/asset-instances/{instance}/entities/{scene}/output-files/last-revisions": 6,
    "/data/asset-instances/{instance}/entities/{scene}/output-types": 5,
    "/data/asset-instances/{instance}/entities/{scene}/output-types/{output_type}/output-files": 7,
    "/data/projects/{project}/output-files": 4,
    "/data/tasks/{task}/previews": 3,
    "/data/entities/{asset}/preview-files": 3,
    "/data/tasks/{task}/attachment-files": 4,
    "/data/projects/{project}/attachment-files": 4,
    "/data/projects/{project}/preview-files": 3,
    "/data/playlists/preview-files/running": 3,
    "/data/tasks/{task}/comments": 4,
}
ADMIN_ONLY = ("/data/attachment-files", "/data/tasks/{task}/attachment-files", "/data/projects/{project}/attachment-files",
              "/data/projects/{project}/preview-files", "/data/playlists/preview-files/running",
              "/data/projects/{project}/output-files")

FIXED_LENGTH = ("file-status", "output-types", "last-revisions")
"""Lists whose length does not grow with the rows added (one status, one output type, the
last revision of three names)."""


class Filled:
    """Rows of every kind, ``count`` more at each ``add``."""

    def __init__(self, prod):
        self.prod = prod
        self.task = prod.asset_task()
        self.scene, self.instance = scene_instance(prod)
        self.output_type = prod.output_type()
        task_type_id = prod.task_type[("Modeling", "Asset")]
        self.outputs = Outputs(prod, f"/data/entities/{prod.asset.id}", task_type_id,
                               self.output_type)
        self.in_scene = Outputs(prod, f"/data/asset-instances/{self.instance.id}/entities/"
                                      f"{self.scene.id}", task_type_id, self.output_type)
        self.ids = {"task": self.task["id"], "asset": prod.asset.id,
                    "instance": self.instance.id, "scene": self.scene.id,
                    "output_type": self.output_type["id"], "project": prod.project_id}

    def add(self, count):
        prod = self.prod
        for index in range(count):
            working = prod.working_file(self.task, name=f"file {index % 3}")
            self.outputs.new(working_file_id=working["id"], name=f"out {index % 3}")
            self.in_scene.new(working_file_id=working["id"], name=f"out {index % 3}")
            prod.post("/data/softwares", {"name": f"Soft {working['id'][:8]}",
                                          "short_name": "s", "file_extension": ".s"})
            comment = prod.upload(f"/actions/tasks/{self.task['id']}/comment",
                                  {"file": ("a.txt", b"a"), "file-2": ("b.txt", b"b")},
                                  task_status_id=prod.status["wip"])
            preview = prod.preview(self.task, comment)
            if index % 2:
                prod.upload(f"/pictures/preview-files/{preview['id']}",
                            {"file": ("f.png", picture((16, 16)))})
            prod.post("/data/preview-background-files", {"name": f"bg {working['id'][:8]}"})

    def path(self, template):
        return template.format(**self.ids)


def queries(prod, query_counter, path, headers):
    with query_counter() as log:
        result = prod.call("GET", path, headers=headers)
    assert result.status_code == 200, (path, result.text)
    return log.count, len(result.json)


@pytest.fixture
def filled(prod):
    return Filled(prod)


def test_list_query_counts_are_constant(prod, filled, query_counter):
    _, artist = prod.member("user")
    filled.add(2)
    few = {template: queries(prod, query_counter, filled.path(template), prod.admin)
           for template in LISTS}
    few_artist = {template: queries(prod, query_counter, filled.path(template), artist)[0]
                  for template in LISTS if template not in ADMIN_ONLY}
    filled.add(8)
    many = {template: queries(prod, query_counter, filled.path(template), prod.admin)
            for template in LISTS}
    many_artist = {template: queries(prod, query_counter, filled.path(template), artist)[0]
                   for template in LISTS if template not in ADMIN_ONLY}
    assert {template: count for template, (count, _) in few.items()} == LISTS
    assert {template: count for template, (count, _) in many.items()} == LISTS
    assert few_artist == many_artist
    assert all(many[template][1] > few[template][1] for template in LISTS
               if not any(word in template for word in FIXED_LENGTH))
