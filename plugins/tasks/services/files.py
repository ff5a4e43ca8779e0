"""Files of comments (attachments, previews), asked of the plugin that stores them through
this plugin's hooks: without one, uploads are refused and comments have no file."""

from dataclasses import dataclass

from framework import BadRequest

NO_FILE_PLUGIN = ("Files cannot be uploaded: no enabled plugin stores comment attachments "
                  "and previews.")


@dataclass(frozen=True)
class Upload:
    """One uploaded file of a multipart request."""

    kind: str
    field: str
    filename: str
    content_type: str
    data: bytes
    reply_id: str = None


def file_lists(comment_ids, dopesheet):
    """``{comment_id: {"attachment_files": [...], "previews": [...]}}`` merged from every
    ``comment_file_lists`` implementation (one call for a whole answer)."""
    found = {}
    if not comment_ids:
        return found
    for result in dopesheet.hooks.call("comment_file_lists", comment_ids=list(comment_ids),
                                       dopesheet=dopesheet):
        for comment_id, lists in (result or {}).items():
            merged = found.setdefault(comment_id, {"attachment_files": [], "previews": []})
            for key in merged:
                merged[key].extend(lists.get(key, []))
    return found


def store(comment, uploads, dopesheet):
    """Hand the uploads of a comment to the files plugin; 400 when none is enabled."""
    if not uploads:
        return {"attachment_files": [], "previews": []}
    stored = dopesheet.hooks.call("comment_files", comment=comment, files=list(uploads),
                                  dopesheet=dopesheet)
    if stored is None:
        raise BadRequest(NO_FILE_PLUGIN)
    return stored
