"""Hooks the persons plugin publishes for other plugins (added through ``add_hooks``)."""

from framework.hookspecs import hookspec


@hookspec(firstresult=True)
def set_person_password(person, password, dopesheet):
    """Store ``password`` for ``person`` (a ``Person`` row) when an API call sets one
    (``POST /data/persons`` with ``password``). The plugin owning credentials (``auth``)
    hashes and keeps it and returns True; with no implementation the call is refused."""


@hookspec(firstresult=True)
def person_access_token(person, dopesheet):
    """An API token for the bot ``person`` (a ``Person`` row), made when it is created and
    when its ``expiration_date`` changes; it replaces the bot's earlier token and is sent
    back once, as ``access_token``. The plugin owning credentials (``auth``) returns it;
    with no implementation bots get none."""
