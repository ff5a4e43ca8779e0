"""Hooks the entities plugin publishes (added through ``add_hooks``) for the plugin that
owns tasks: entities never import it, and answer as if no task existed without it."""

from framework.hookspecs import hookspec


@hookspec
def entity_tasks(entity_ids, dopesheet):
    """Return ``{entity_id: [task dict, ...]}`` for the tasks of ``entity_ids``, each task
    in the compact shape of Zou's ``/with-tasks`` routes (``id``, ``task_type_id``,
    ``task_status_id``, ``assignees``, dates...). Called once per answer with every entity
    of the answer (one query for the whole list). The results of all implementations are
    merged; with none, entities answer ``"tasks": []`` and have no task types."""


@hookspec(firstresult=True)
def entities_assigned_to(person_id, dopesheet):
    """Return a peewee query selecting one column, the ids of the entities on which
    ``person_id`` has a task assigned (what a vendor may see), or None. With no
    implementation a vendor sees no entity, as in Zou when nothing is assigned to them."""


@hookspec
def entities_deleting(entity_ids, force, dopesheet):
    """Called inside the deleting transaction, before entities are removed, so that plugins
    holding rows that reference them (tasks, previews...) delete theirs. ``force`` is the
    caller's ``?force=true``. Returns nothing; raise ``framework.ApiError`` to refuse."""


@hookspec
def project_checking(data, project, dopesheet):
    """Called before a project or a project template is created (``project`` None) or
    updated (``project`` the row as it is) with ``data`` (its columns as loaded from the
    body), so that the plugin giving a column its meaning (the file tree) checks it.
    Returns nothing; raise ``framework.ApiError`` to refuse."""
