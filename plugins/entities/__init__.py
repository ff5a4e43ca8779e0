"""Entities: what a production is made of, with Zou 1.0.97's tables, routes and answers.

Provides projects (team, settings, metadata descriptors, close and reopen), project
statuses, task types, task statuses, status automations, entity and asset types, project
templates, and the one ``entity`` table for assets, shots, sequences, episodes, edits,
scenes and concepts, with casting (``entity_link``) and asset instances: the generic
routes ``/data/<plural>`` of each model and Zou's typed views (``/data/assets``,
``/data/shots``, ``/data/projects/{id}/sequences``, casting, asset instances...).
Seeds Zou's defaults in ``init_data``. Publishes hooks for the plugin owning tasks
(``entity_tasks``, ``entities_assigned_to``, ``entities_deleting``): this plugin never
imports it.
"""

REQUIRES = ("persons",)
