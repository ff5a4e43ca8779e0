"""Schedule: time, leave and planning around the tasks of a production, with Zou 1.0.97's
tables, routes and answers.

Provides time spents (set or added per person, task and day; the task's duration follows),
time sheets and the studio time tables, a project's shot quotas, day offs (no overlaps; a day off wipes the time
logged inside it), milestones, schedule items, budgets and their entries, salary scales,
saved searches and their groups (``/data/user/filters``), desktop login logs, entity chats
and playlists with their build jobs: their generic routes and Zou's routes around them.
Publishes ``playlist_preview_files`` for the plugin storing preview files: this plugin never
imports it, and playlists show no preview without it. Answers the tasks and entities
plugins' deletion hooks for the rows it keeps about tasks and entities.
"""

REQUIRES = ("persons", "entities", "tasks")
