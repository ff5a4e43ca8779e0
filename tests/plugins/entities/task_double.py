"""A stand-in for the plugin owning tasks: answers the hooks the entities plugin
publishes from what a test puts in ``TASKS`` and ``ASSIGNED``."""

from framework import hookimpl
from plugins.entities.models import Entity

TASKS = {}
"""``{entity_id: [task dict]}``"""
ASSIGNED = set()
"""Entity ids with a task assigned to every vendor."""
DELETING = []
"""``(entity_ids, force)`` of each ``entities_deleting`` call."""


def reset():
    TASKS.clear()
    ASSIGNED.clear()
    DELETING.clear()


@hookimpl
def entity_tasks(entity_ids):
    return {entity_id: TASKS[entity_id] for entity_id in entity_ids if entity_id in TASKS}


@hookimpl(tryfirst=True)
def entities_assigned_to(person_id):
    return Entity.select(Entity.id).where(Entity.id.in_(sorted(ASSIGNED)))


@hookimpl
def entities_deleting(entity_ids, force):
    DELETING.append((sorted(entity_ids), force))
