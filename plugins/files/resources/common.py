"""What the plugin's resources share: the caller's checks, rows behind path ids, JSON
bodies validated Zou's way, the uploaded file of a multipart body, and stored files sent
back as streams."""

import re
import unicodedata
import uuid
from urllib.parse import quote

from marshmallow import ValidationError

from framework import BadRequest, NotFound, principal_of, read_json
from framework.errors import validation_error

from ..services import storing, uploads
from ..services.access import Access
from ..settings import settings_of

MULTIPART = "multipart/form-data"
NO_FILE = "File not provided."
MULTIPART_OVERHEAD = 64 * 1024
TOKEN = re.compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]+")
FILENAME_SAFE = "!#$&+-.^_`|~"


def row_or_404(model, row_id):
    """The row behind a path id; 404 for an unknown or malformed one."""
    try:
        row_id = str(uuid.UUID(str(row_id)))
    except ValueError:
        raise NotFound() from None
    row = model.get_or_none(model.id == row_id)
    if row is None:
        raise NotFound()
    return row


def validate(schema, values):
    try:
        return schema().load(values)
    except ValidationError as error:
        raise validation_error(error.messages) from None


def read_body(req, schema):
    """A JSON object body loaded by ``schema`` (an empty body is ``{}``, as Zou's
    validation treats it)."""
    body = read_json(req) if req.content_length else None
    if body is None:
        body = {}
    if not isinstance(body, dict):
        raise BadRequest("The request body must be a JSON object.")
    return validate(schema, body)


class FilesResource:
    def __init__(self, dopesheet):
        self.dopesheet = dopesheet
        self.settings = settings_of(dopesheet)

    def access(self, req):
        return Access(self.dopesheet, principal_of(req))

    def uploaded_file(self, req):
        """``(file name, stream)`` of the multipart part named ``file``, received under the
        size limit (413 past it, before anything is stored); 400 without one."""
        limit = self.settings["max_upload_bytes"]
        if req.content_length and req.content_length > limit + MULTIPART_OVERHEAD:
            uploads.check_size(req.content_length, limit)
        if (req.content_type or "").split(";")[0].strip().lower() != MULTIPART:
            raise BadRequest(NO_FILE, data=None)
        for part in req.get_media():
            if part.name == "file" and part.filename:
                stream, _ = uploads.receive(part.stream, limit)
                return part.filename, stream
        raise BadRequest(NO_FILE, data=None)

    def send(self, resp, key, content_type, last_modified=None, filename="",
             attachment=False):
        """Stream the file stored under ``key``; False when nothing is stored there."""
        stored = storing.open_stored(self.dopesheet, key)
        if stored is None:
            return False
        resp.content_type = with_charset(content_type)
        resp.stream = stored.stream
        resp.content_length = stored.size
        resp.set_header("Content-Disposition", disposition(filename, attachment))
        resp.cache_control = [f"max-age={self.settings['cache_max_age']}", "private"]
        if last_modified is not None:
            resp.last_modified = last_modified
        return True


def disposition(filename, attachment):
    """``inline`` or ``attachment`` and the name as Zou (werkzeug) writes it: bare when it
    is a token, quoted otherwise; a non-ASCII name as an ASCII ``filename`` plus the RFC
    6266 ``filename*``."""
    kind = "attachment" if attachment else "inline"
    try:
        filename.encode("ascii")
    except UnicodeEncodeError:
        simple = unicodedata.normalize("NFKD", filename).encode("ascii", "ignore").decode()
        return (f"{kind}; filename={header_value(simple)}; "
                f"filename*=UTF-8''{quote(filename, safe=FILENAME_SAFE)}")
    return f"{kind}; filename={header_value(filename)}"


def header_value(value):
    if TOKEN.fullmatch(value):
        return value
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def with_charset(content_type):
    """Text is announced as UTF-8, as Zou does."""
    if content_type.startswith("text/") and "charset" not in content_type:
        return f"{content_type}; charset=utf-8"
    return content_type
