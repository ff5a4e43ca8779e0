"""The plugin's routes."""

from . import edits, kitsu, playlists, spreadsheets


def routes(dopesheet):
    return (kitsu.routes(dopesheet) + spreadsheets.routes(dopesheet) + edits.routes(dopesheet)
            + playlists.routes(dopesheet))
