"""Hooks the files plugin publishes (added through ``add_hooks``): where the bytes go, and
where new working and output files are said to live."""

from framework.hookspecs import hookspec


@hookspec(firstresult=True)
def files_storage(dopesheet):
    """Return the storage backend (a ``plugins.files.storage.Storage``) that keeps the
    bytes of attachments, working files, previews and their thumbnails. The first plugin
    answering wins; the files plugin's own implementation, local disk under
    ``[plugins.files] root``, is ``trylast``. Called on every file operation: return an
    object built once (``dopesheet.extension``)."""


@hookspec(firstresult=True)
def file_path(query, dopesheet):
    """Where a new working or output file lives. ``query`` is a
    ``plugins.files.services.paths.PathQuery`` (``kind`` ``"working"`` or ``"output"``, the
    rows involved, ``name``, ``mode``, ``revision``, ``sep``...). Return ``{"folder_path":
    ..., "file_name": ...}`` (the file name without extension), or None to let the next
    plugin answer; with no answer the path the client sent is kept. Raise
    ``framework.ApiError`` to refuse (a malformed file tree)."""
