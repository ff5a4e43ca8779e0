"""The plugin's routes."""

from . import kitsu


def routes(dopesheet):
    return kitsu.routes(dopesheet)
