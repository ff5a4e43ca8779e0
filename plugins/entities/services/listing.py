"""The filtered entity lists behind ``/data/assets``, ``/data/shots``... : the query string's
column filters (plus Zou's ``sequence_id``/``episode_id`` shortcuts), the caller's
visibility, and Zou's project check for non-admins."""

from framework import Forbidden
from framework.filters import filter_expressions, parse_uuid

from ..models import Entity
from . import access
from .kinds import ASSET, EDIT, SCENE, SEQUENCE, SHOT, of_kind



def _parent_is(value):
    return Entity.parent == parse_uuid(value)


def _in_episode(value):
    """Shots of an episode: their sequence's parent is the episode."""
    return Entity.parent.in_(Entity.select(Entity.id).where(Entity.parent == parse_uuid(value)))


SHORTCUTS = {
    SHOT: {"sequence_id": _parent_is, "episode_id": _in_episode},
    SCENE: {"sequence_id": _parent_is},
    SEQUENCE: {"episode_id": _parent_is},
    EDIT: {"episode_id": _parent_is},
    ASSET: {"episode_id": lambda value: Entity.source == parse_uuid(value)},
}
SCOPE_KEYS = ("sequence_id", "episode_id", "parent_id", "source_id")


def project_in_params(params):
    """The project a filtered list is about: ``project_id``, else the project of the
    sequence, episode, parent or source it names (None when none is named)."""
    if params.get("project_id"):
        return parse_uuid(params["project_id"])
    for key in SCOPE_KEYS:
        if params.get(key):
            row = Entity.select(Entity.project).where(Entity.id == parse_uuid(params[key])).first()
            return row.project_id if row else None
    return None


def check_scope(principal, params, require_project):
    """Zou's check: a non-admin filtering on a project must be in its team, and for shots,
    sequences, episodes and scenes must name one (403 otherwise)."""
    if principal.is_admin:
        return
    project_id = project_in_params(params)
    if project_id is None:
        if require_project:
            raise Forbidden()
        return
    if not access.is_member(principal, project_id):
        raise Forbidden()


def filtered(dopesheet, principal, params, kind, require_project=False):
    """The query of a kind's filtered list as the caller may see it."""
    check_scope(principal, params, require_project)
    query = Entity.select().where(of_kind(kind))
    narrowing = dopesheet.permissions.list_filter(principal, "list", Entity)
    if narrowing is not None:
        query = query.where(narrowing)
    for expression in filter_expressions(Entity, params, virtual=SHORTCUTS.get(kind, {})):
        query = query.where(expression)
    return query.order_by(Entity.name, Entity.created_at)
