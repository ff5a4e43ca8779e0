"""Hooks the schedule plugin publishes (added through ``add_hooks``) for the plugin that
stores preview files: this plugin never imports it, and answers as if no preview existed
without it."""

from framework.hookspecs import hookspec


@hookspec
def playlist_preview_files(entity_ids, dopesheet):
    """Return the preview files of the tasks of ``entity_ids`` as a list of dicts with
    ``id``, ``entity_id``, ``task_id``, ``task_type_id``, ``revision``, ``position``,
    ``original_name``, ``extension``, ``width``, ``height``, ``duration``, ``status``,
    ``annotations``, ``created_at`` (Zou's ``YYYY-MM-DDTHH:MM:SS`` text) and ``data``
    (the preview's JSON data or None). Called once per answer with every entity of a
    playlist (one query for all of them). The lists of all implementations are joined;
    with none, playlists show no preview and accept none."""
