"""Permissions: the plugins' votes combined with the veto rule, and list filters.

``permission_allowed`` answers True, False or None per plugin: any False denies, else any
True allows, else the action is denied (nothing is allowed by default).
``permission_filter`` expressions are ANDed into list queries so a list stays one query.
"""

import operator
from dataclasses import dataclass
from functools import reduce

from .errors import Forbidden


@dataclass(frozen=True)
class Resource:
    """What an action applies to: the model, the row when there is one, the input data."""

    model: type
    instance: object = None
    data: dict = None


class Permissions:
    def __init__(self, dopesheet):
        self.dopesheet = dopesheet

    def allowed(self, principal, action, resource):
        votes = self.dopesheet.hooks.permission_allowed(principal, action, resource,
                                                        self.dopesheet)
        if any(vote is False for vote in votes):
            return False
        return any(vote is True for vote in votes)

    def require(self, principal, action, resource):
        if not self.allowed(principal, action, resource):
            raise Forbidden()

    def list_filter(self, principal, action, model):
        """The AND of every plugin's filter for ``model``, or None when nobody narrows it."""
        expressions = [expression for expression in self.dopesheet.hooks.permission_filter(
            principal, action, model, self.dopesheet) if expression is not None]
        return reduce(operator.and_, expressions) if expressions else None
