"""The plugin's routes."""

from . import edits, kitsu, spreadsheets


def routes(dopesheet):
    return kitsu.routes(dopesheet) + spreadsheets.routes(dopesheet) + edits.routes(dopesheet)
