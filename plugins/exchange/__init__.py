"""Exchange: production data moving in and out in bulk, as Zou 1.0.97 moves it.

Provides the imports of rows exported by another Kitsu, ids and dates kept
(``/import/kitsu/<model>``, what ``gazu.sync``'s push functions and
``gazu.client.import_data`` post; each route is mounted when the plugin holding its table is
enabled), the CSV exports and imports of a project's assets and shots
(``/export/csv/projects/{id}/assets.csv|shots.csv``, ``/import/csv/projects/{id}/assets|shots``),
the shots of an edit decision list (``/import/otio/projects/{id}``) and, when the plugins
holding playlists and preview files are enabled, a playlist's previews as one ZIP archive
(``/data/playlists/{id}/download/zip``).
"""

REQUIRES = ("persons", "entities", "tasks")
