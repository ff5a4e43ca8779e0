"""Storage keys: ``<kind>/<id>.<extension>``, built from a row's id and a checked
extension only, so that no client-supplied name ever becomes a path."""

import re
import uuid

KINDS = frozenset(("attachments", "attachment-thumbnails", "working", "previews/original",
                   "previews/thumbnails", "previews/thumbnails-square", "previews/previews",
                   "previews/files", "preview-backgrounds/original",
                   "preview-backgrounds/thumbnails", "avatars/persons", "avatars/projects",
                   "avatars/organisations"))
EXTENSION = re.compile(r"^[a-z0-9]{0,10}$")


def storage_key(kind, file_id, extension=""):
    """The key of the file of row ``file_id``; ValueError for anything but a known kind, a
    UUID and a short alphanumeric extension."""
    if kind not in KINDS:
        raise ValueError(f"unknown storage kind {kind!r}")
    name = str(uuid.UUID(str(file_id)))
    extension = (extension or "").lower()
    if not EXTENSION.match(extension):
        raise ValueError(f"invalid extension {extension!r}")
    return f"{kind}/{name}.{extension}" if extension else f"{kind}/{name}"
