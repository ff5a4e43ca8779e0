"""The server's one clock: naive UTC (as Zou stores times), which tests can move.

Code asks ``utcnow()``; tests use the ``clock`` fixture of ``framework.testing``
(``clock.advance(minutes=6)``) instead of sleeping.
"""

import datetime

_offset = datetime.timedelta(0)


def utcnow():
    return datetime.datetime.now(datetime.UTC).replace(tzinfo=None) + _offset


def advance(delta):
    """Move the clock forward by ``delta`` (a timedelta)."""
    global _offset
    _offset += delta


def reset():
    global _offset
    _offset = datetime.timedelta(0)
