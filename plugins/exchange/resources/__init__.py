"""The plugin's routes."""

from . import kitsu, spreadsheets


def routes(dopesheet):
    return kitsu.routes(dopesheet) + spreadsheets.routes(dopesheet)
