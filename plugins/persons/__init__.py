"""Persons: the people of the studio, their departments, studios and the organisation.

Provides the ``Person``, ``Department``, ``Studio`` and ``Organisation`` models (Zou's
tables and field names), exposed at ``/data/persons``, ``/data/departments``,
``/data/studios`` and ``/data/organisations``; seeds Zou's default departments and the
organisation row. Publishes the ``set_person_password`` and ``person_access_token`` (a
bot's API token) hooks for the plugin that owns credentials (``auth``). Essential: every
other plugin may rely on it.
"""

REQUIRES = ()
