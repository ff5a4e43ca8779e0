"""Fixtures of the files tests: the tasks tests' production (project, team, asset,
shots...) on an app storing its files in the test's own folder, and helpers for uploads
and pictures."""

import io

import pytest
import urllib3
from PIL import Image

from tests.plugins.tasks.conftest import Production


@pytest.fixture
def storage_root(tmp_path):
    return tmp_path / "files"


@pytest.fixture
def app(make_app, storage_root):
    return make_app({"plugins": {"files": {"root": str(storage_root)}}})


@pytest.fixture
def prod(studio, admin_headers):
    return Files(studio, admin_headers)


def picture(size=(320, 200), color=(200, 30, 30), kind="PNG"):
    output = io.BytesIO()
    Image.new("RGB", size, color).save(output, kind)
    return output.getvalue()


def multipart(files, **fields):
    """``(body, content type)`` of a form: ``files`` maps field names to ``(filename,
    bytes[, content type])``."""
    body, content_type = urllib3.encode_multipart_formdata({**fields, **files})
    return body, content_type


class Files(Production):
    """The production, and the files routes called as scenarios."""

    def upload(self, path, files, expected=201, headers=None, **fields):
        body, content_type = multipart(files, **fields)
        result = self.call("POST", path, expected, body=body,
                           headers={**(headers or self.admin), "Content-Type": content_type})
        return result.json

    def download(self, path, expected=200, headers=None):
        result = self.call("GET", path, expected, headers)
        return result

    def working_file(self, task, expected=201, headers=None, **body):
        return self.post(f"/data/tasks/{task['id']}/working-files/new",
                         {"name": "main", **body}, expected, headers)

    def output_type(self, name="Geometry"):
        return self.post("/data/output-types", {"name": name, "short_name": name[:3]})

    def preview(self, task, comment=None, expected=201, headers=None, **body):
        comment = comment or self.comment(task, "wip", "preview")
        return self.post(f"/actions/tasks/{task['id']}/comments/{comment['id']}/add-preview",
                         body, expected, headers)
