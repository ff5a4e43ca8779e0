"""Hooks the tasks plugin publishes (added through ``add_hooks``): for the plugin that stores
files (attachments and previews of comments), for the plugins whose rows reference tasks,
and for the plugin keeping playlists. This plugin never imports them; without an
implementation, uploads are refused, comments answer with no attachment and no preview,
and playlist notifications name no playlist."""

from framework.hookspecs import hookspec


@hookspec(firstresult=True)
def comment_files(comment, files, dopesheet):
    """Store the files uploaded with a comment or a reply, inside the request's transaction.

    ``comment`` is the ``Comment`` row; ``files`` a list of
    ``plugins.tasks.services.files.Upload`` (``kind``: ``"attachment"`` or ``"preview"``,
    ``field``, ``filename``, ``content_type``, ``data`` bytes, ``reply_id`` or None).
    Return ``{"attachment_files": [dict], "previews": [dict]}`` for the stored files.
    With no implementation an upload is refused with a 400 naming the missing plugin."""


@hookspec
def comment_file_lists(comment_ids, dopesheet):
    """Return ``{comment_id: {"attachment_files": [{id, name, extension, size}],
    "previews": [preview dict]}}`` for the comments of an answer (one call per answer, one
    query per kind for every comment). The results of all implementations are merged."""


@hookspec
def tasks_deleting(task_ids, dopesheet):
    """Called inside the deleting transaction before tasks are removed (with their comments,
    notifications, news and subscriptions), so that plugins holding rows that reference them
    (previews, working files, time spents...) delete theirs. Returns nothing; raise
    ``framework.ApiError`` to refuse."""


@hookspec
def comments_deleting(comment_ids, dopesheet):
    """Called inside the deleting transaction before comments are removed, so that the
    plugin storing their files deletes its rows (and schedules the files' removal after the
    commit). Returns nothing."""


@hookspec
def notification_playlists(playlist_ids, dopesheet):
    """Return ``{playlist_id: {"name", "for_entity", "is_for_all", "project_id",
    "project_name"}}`` for the playlists that notifications of an answer announce
    (``playlist-ready``), called once per answer. The results of all implementations are
    merged."""
