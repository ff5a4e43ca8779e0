"""Hooks the persons plugin publishes for other plugins (added through ``add_hooks``)."""

from framework.hookspecs import hookspec


@hookspec(firstresult=True)
def set_person_password(person, password, dopesheet):
    """Store ``password`` for ``person`` (a ``Person`` row) when an API call sets one
    (``POST /data/persons`` with ``password``). The plugin owning credentials (``auth``)
    hashes and keeps it and returns True; with no implementation the call is refused."""
