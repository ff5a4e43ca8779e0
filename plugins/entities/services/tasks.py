"""What the plugin owning tasks tells about entities, through the hooks this plugin
publishes; without such a plugin an entity has no task."""

from ..models import TaskType


def tasks_of(entity_ids, dopesheet):
    """``{entity_id: [task dict]}`` merged from every ``entity_tasks`` implementation."""
    tasks = {}
    if not entity_ids:
        return tasks
    for found in dopesheet.hooks.call("entity_tasks", entity_ids=list(entity_ids),
                                      dopesheet=dopesheet):
        for entity_id, items in (found or {}).items():
            tasks.setdefault(entity_id, []).extend(items)
    return tasks


def task_types_of(entity_ids, dopesheet):
    """The task types of the entities' tasks, as a query."""
    wanted = {task["task_type_id"] for items in tasks_of(entity_ids, dopesheet).values()
              for task in items}
    return (TaskType.select().where(TaskType.id.in_(sorted(wanted)))
            .order_by(TaskType.priority, TaskType.name))
