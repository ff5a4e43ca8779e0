"""What the plugin's resources share: bodies read as Zou reads them (JSON, or a multipart
form whose files become uploads), Zou's query-string helpers, and permission checks on the
rows of ``services.loading``."""

from marshmallow import ValidationError

from framework import BadRequest, PluginResource, read_json
from framework.errors import validation_error
from framework.filters import parse_bool

from ..models import Task
from ..schemas import decode_json_text
from ..services import loading
from ..services.files import Upload

MULTIPART = "multipart/form-data"


def is_multipart(req):
    return (req.content_type or "").split(";")[0].strip().lower() == MULTIPART


def read_form(req):
    """``(fields, uploads)`` of a multipart body: parts without a file name as strings (gazu
    sends the batch ``comments`` as such a part typed ``application/json``, which Falcon
    does not decode as text), file parts as ``Upload`` (kind ``attachment`` unless the field
    names a preview, as Zou's batch routes name them)."""
    fields, uploads = {}, []
    for part in req.get_media():
        if part.filename:
            kind = "preview" if part.name.startswith("preview_file") else "attachment"
            uploads.append(Upload(kind, part.name, part.secure_filename or part.filename,
                                  part.content_type, part.get_data()))
        else:
            text = part.get_text()
            fields[part.name] = (text if text is not None
                                 else part.get_data().decode("utf-8", "replace"))
    return fields, uploads


def read_body(req):
    """``(values, uploads)``: a JSON object (an empty body is ``{}``) or a multipart form."""
    if is_multipart(req):
        return read_form(req)
    body = read_json(req) if req.content_length else None
    if body is None:
        return {}, []
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return body, []


def read_list(req):
    """A JSON array body (Zou's lists of ids and of comments); an empty body is ``[]``."""
    body = read_json(req) if req.content_length else None
    if body is None:
        return []
    if not isinstance(body, list):
        raise BadRequest("A JSON array is expected.", data=None)
    return body


def form_json(values, key):
    """A multipart field holding JSON (Zou's batch ``comments``), decoded; 400 otherwise."""
    try:
        return decode_json_text(values.get(key, "[]"))
    except ValidationError as error:
        raise validation_error({key: error.messages}) from None


def flag(req, name):
    """Zou's boolean query parameters: exactly ``true`` (any case) is true."""
    return str(req.params.get(name, "false")).lower() == "true"


def page_number(req):
    """Zou's ``?page=``: an integer, 0 or absent for no pagination."""
    try:
        return int(req.params.get("page", 0) or 0)
    except ValueError:
        raise BadRequest("page must be an integer.", data=None) from None


def integer(req, name, default):
    raw = req.params.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError:
        raise BadRequest(f"Wrong value for parameter {name}.", data=None) from None


def parse_relations(req, default=False):
    return parse_bool(req.params.get("relations"), default)


class TasksResource(PluginResource):
    """Resources reading tasks by path id, with the caller's rights."""

    def task(self, req, task_id, action="read", data=None):
        """The task behind a path id with the caller's right to ``action`` on it."""
        task = loading.get_task(task_id)
        self.require(req, action, Task, task, data)
        return task
