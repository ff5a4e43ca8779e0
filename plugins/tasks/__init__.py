"""Tasks: the daily work of a studio on the entities of its productions.

Provides Zou 1.0.97's tasks (with their assignees), comments (replies, checklists,
mentions, acknowledgements), subscriptions, notifications, the news feed and the event log
(``api_event``) that ``gazu.sync`` reads: their generic routes, the task actions (creation
per entity kind, assignment, task lists, open tasks), comments with status changes (single,
batch and per project), the current user's routes (``/data/user/...``) and
``/data/events/...``. Answers the ``entities`` plugin's hooks (``entity_tasks``,
``entities_assigned_to``, ``entities_deleting``) and publishes its own for the plugin that
stores files (``comment_files``, ``comment_file_lists``) and for plugins holding rows that
reference tasks (``tasks_deleting``).
"""

REQUIRES = ("persons", "entities")
